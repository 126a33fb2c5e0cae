"""The questionnaire and My activities on Progress (issue 15, DESIGN 5.6): the ZCQ's plot with
its change in words and its source, each activity's first and latest rating, and answering
again from the page, which comes back to Progress with the new point in view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stenosis_coach.core.outcomes.model import STOPPED
from stenosis_coach.ui.outcomes.screens import (
    ActivitiesScreen,
    ThankYouScreen,
    ZcqIntroScreen,
    ZcqQuestionScreen,
)
from stenosis_coach.ui.progress.plot import VIEWS

DAY_S = 24 * 3600
ZCQ_VIEW = next(i for i, view in enumerate(VIEWS) if view.key == "zcq")
LEFT = Qt.MouseButton.LeftButton


def symptoms(*answers: int) -> dict[str, int]:
    return {f"s{i}": a for i, a in enumerate(answers, start=1)}


def function(*answers: int) -> dict[str, int]:
    return {f"f{i}": a for i, a in enumerate(answers, start=1)}


def two_questionnaires(window, clock) -> None:
    """3.00 and 2.60 at first; 4 weeks later 16/7 = 2.29 (0.71 better: meaningful) and 2.00."""
    coach = window.context.coach
    coach.record_zcq(coach.today_date(), symptoms(3, 3, 3, 3, 3, 3, 3) | function(3, 3, 3, 2, 2))
    clock.advance(28 * DAY_S)
    coach.record_zcq(coach.today_date(), symptoms(3, 2, 2, 2, 2, 2, 3) | function(2, 2, 2, 2, 2))
    window.context.data_changed.emit()


def zcq_plot(window, qtbot):
    page = window.show_page("progress")
    qtbot.mouseClick(page.view_buttons[ZCQ_VIEW], LEFT)
    return page


def test_the_questionnaire_plot_shows_each_one_with_its_change_in_words(window, qtbot, clock):
    two_questionnaires(window, clock)
    page = zcq_plot(window, qtbot)
    plot = page.plot
    assert page.view_buttons[ZCQ_VIEW].text() == "Questionnaire"
    assert "lower is better" in plot.title.text()
    for path, expected in (("zcq.symptoms", [3.0, 16 / 7]), ("zcq.function", [2.6, 2.0])):
        item, _style = plot._curves[path]
        assert item.isVisible()
        _xs, ys = item.getData()
        assert list(ys) == expected
    low, high = plot.plot_item.getViewBox().viewRange()[1]
    assert 0.8 < low < 1 and 5 < high < 5.2  # the scale's 1 to 5, not from 0
    assert "lower is better" in plot.plot_item.getAxis("left").labelText
    notes = plot.notes.text()
    assert plot.notes.isVisible()
    assert "Symptoms: 3.00 → 2.29." in notes
    assert "A meaningful improvement in symptoms (0.36 or more)." in notes
    assert "What you can do: 2.60 → 2.00." in notes
    assert "Stucki" in plot.source.text() and "1996" in plot.source.text()
    assert plot.source.isVisible()
    assert not page.zcq_text.isVisible()  # said beside the plot: not twice on the page
    assert "symptoms, 1 to 5" in plot.key.text() and "squares" in plot.key.accessibleName()
    # its text twin: a screen reader hears how many values, and reads each in the table
    assert "4 values" in plot.widget.accessibleDescription()
    qtbot.mouseClick(plot.numbers_button, LEFT)
    table = plot.numbers
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Date", "Symptoms, 1 to 5", "What you can do, 1 to 4"]
    newest = [table.item(0, c).text() for c in range(table.columnCount())]
    assert newest[1] == "symptoms 2.29 (1 to 5, lower is better)"
    assert newest[2] == "what you can do 2.00 (1 to 4, lower is better)"
    # another plot: the questionnaire's words go with it
    qtbot.mouseClick(page.view_buttons[0], LEFT)
    assert not plot.notes.isVisible() and not plot.source.isVisible()
    assert page.zcq_text.isVisible()  # in the questionnaire's card instead
    assert page.zcq_text.text().split("\n")[:3] == [
        "Symptoms: 3.00 → 2.29.",
        "What you can do: 2.60 → 2.00.",
        "A meaningful improvement in symptoms (0.36 or more).",  # as the report says it
    ]


def test_my_activities_with_their_first_and_latest_rating(window, qtbot, clock):
    coach = window.context.coach
    for words in ("cooking", "the grocery store", "gardening"):
        coach.add_activity(words)
    coach.record_psfs(coach.today_date(), {"cooking": 3, "the grocery store": 2, "gardening": 5})
    clock.advance(28 * DAY_S)
    coach.record_psfs(coach.today_date(), {"cooking": 6, "the grocery store": STOPPED})
    gardening = next(a for a in coach.activities() if a.words == "gardening")
    coach.retire_activity(gardening.id)
    window.context.data_changed.emit()
    page = window.show_page("progress")
    assert page.activities_text.text().split("\n") == [
        "•  cooking: 3 of 10 on Mon 2 Mar, 6 of 10 on Mon 30 Mar",
        "•  the grocery store (stopped doing it): 2 of 10 on Mon 2 Mar, "
        "stopped doing it on Mon 30 Mar",
        "•  gardening (no longer rated): 5 of 10 on Mon 2 Mar",
    ]
    # mean of the rated: 10/3 at first, 6 now (the stopped one has no rating): up 2.67
    assert page.activities_mean.text() == (
        "On average 3.33 → 6.00 out of 10, a meaningful improvement (2 points or more)."
    )
    assert page.zcq_when.text().startswith("Not answered yet")


def answer_every_question(window, qtbot) -> None:
    for _ in range(20):  # bounded: never loops for ever
        screen = window.flow
        if not isinstance(screen, ZcqQuestionScreen):
            return
        qtbot.mouseClick(screen.answers[1], LEFT)
    raise AssertionError("the questionnaire never ended")


def test_answer_now_from_progress_comes_back_with_the_new_point(window, qtbot, clock):
    page = window.show_page("progress")
    assert page.zcq_when.text().startswith("Not answered yet")
    assert page.plot.empty.text().startswith("No walking tests yet")
    qtbot.mouseClick(page.answer_zcq, LEFT)
    intro = window.flow
    assert isinstance(intro, ZcqIntroScreen)
    qtbot.mouseClick(intro.start, LEFT)
    answer_every_question(window, qtbot)
    activities = window.flow
    assert isinstance(activities, ActivitiesScreen)
    qtbot.mouseClick(activities.save, LEFT)
    thanks = window.flow
    assert isinstance(thanks, ThankYouScreen)
    assert thanks.ok.text().startswith("Back to Progress")
    qtbot.mouseClick(thanks.ok, LEFT)
    assert window.flow is None and window.current_key() == "progress"
    shown = window.page("progress")
    assert shown is page and page.plot.view.key == "zcq"  # the questionnaire's plot in view
    item, _style = page.plot._curves["zcq.symptoms"]
    assert item.isVisible() and len(item.getData()[0]) == 1
    assert not page.plot.empty.isVisible()
    # 2 to every question: symptoms 2 (the balance item's 2nd answer is 3: 15/7 = 2.14)
    assert page.zcq_text.text().startswith("Symptoms: 2.14 (lower is better).")
    assert page.zcq_when.text().startswith("Last answered on Mon 2 Mar.")


def test_not_now_goes_back_to_progress(window, qtbot):
    page = window.show_page("progress")
    qtbot.mouseClick(page.answer_zcq, LEFT)
    qtbot.mouseClick(window.flow.later, LEFT)
    assert window.flow is None and window.current_key() == "progress"


def test_change_my_activities_from_progress(window, qtbot, clock):
    page = window.show_page("progress")
    assert page.activities_text.text().startswith("None named yet")
    qtbot.mouseClick(page.change_activities, LEFT)
    screen = window.flow
    assert isinstance(screen, ActivitiesScreen)
    qtbot.keyClicks(screen.new_words, "standing long enough to cook")
    qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    qtbot.keyClick(screen.rows[0].scale, Qt.Key.Key_4)
    qtbot.mouseClick(screen.save, LEFT)
    assert window.flow is None and window.current_key() == "progress"  # no questionnaire
    assert page.activities_text.text() == "•  standing long enough to cook: 4 of 10 on Mon 2 Mar"
    assert page.activities_mean.text() == "On average 4.00 out of 10 (higher is better)."
    assert window.context.coach.questionnaires("zcq") == []
    qtbot.mouseClick(page.change_activities, LEFT)  # leaving with nothing changed: back
    qtbot.mouseClick(window.flow.cancel, LEFT)
    assert window.flow is None and window.current_key() == "progress"


def test_the_outcomes_section_is_translatable(pseudo, window, qtbot, clock):
    from tests.ui.pseudo_texts import unwrapped, wrapped_twice

    two_questionnaires(window, clock)
    coach = window.context.coach
    coach.add_activity("cooking")
    coach.record_psfs(coach.today_date(), {"cooking": 5})
    window.context.data_changed.emit()
    page = zcq_plot(window, qtbot)
    qtbot.mouseClick(page.plot.numbers_button, LEFT)
    for widget in (page.outcomes_card, page.plot):
        assert unwrapped(widget, ["cooking"]) == []
        assert wrapped_twice(widget) == []
    assert all(line.startswith("⟦") for line in page.plot.notes.text().split("\n"))
    assert page.plot.source.text().startswith("⟦")
    qtbot.mouseClick(page.view_buttons[0], LEFT)  # the card says the change instead
    assert page.zcq_text.isVisible() and unwrapped(page.outcomes_card, ["cooking"]) == []
