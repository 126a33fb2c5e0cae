"""The questionnaire and My activities as a 72-year-old uses them by keyboard, at extra-large
text in a 1024x700 window (a tester's findings, issue 14): Tab walks every control once and
out to the pinned buttons, the focus is always in view and visible, Back from My activities
reaches the last question without losing anything, and the words say one verdict one way."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from stenosis_coach.core.outcomes.model import ZCQ
from stenosis_coach.core.outcomes.zcq import zcq_outcome
from stenosis_coach.core.report import model as report
from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.today import ZCQ_ACTION
from stenosis_coach.ui.outcomes.screens import (
    ActivitiesScreen,
    ThankYouScreen,
    ZcqIntroScreen,
    ZcqQuestionScreen,
)
from tests.ui.test_actions_visible import HEIGHT, WIDTH, settle, shown_part

ACTIVITIES = ("Standing long enough to cook", "Walking round the grocery store", "Gardening")


def in_view(widget) -> bool:
    whole = QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
    return widget.isVisible() and shown_part(widget) == whole


def extra_large(window) -> None:
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)


def with_activities(window) -> None:
    coach = window.context.coach
    for words in ACTIVITIES:
        coach.add_activity(words)


def activate(window, qtbot) -> None:
    """The window has the keyboard (the offscreen platform may drop it as events run)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def to_my_activities(window, qtbot) -> ActivitiesScreen:
    """The questionnaire opened from Today and answered by keys (2 each), to My activities."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.today.action_requested.emit(ZCQ_ACTION)
    qtbot.keyClick(window.flow.start, Qt.Key.Key_Return)
    for _ in range(20):
        if not isinstance(window.flow, ZcqQuestionScreen):
            break
        qtbot.keyClick(window.flow, Qt.Key.Key_2)
    screen = window.flow
    assert isinstance(screen, ActivitiesScreen)
    settle()
    activate(window, qtbot)
    return screen


def test_tab_walks_every_control_of_my_activities_once_and_out_to_the_pinned_buttons(window, qtbot):
    with_activities(window)
    extra_large(window)
    screen = to_my_activities(window, qtbot)
    expected = [
        *(w for row in screen.rows for w in (row.scale, row.stopped, row.retire)),
        screen.new_words,
        screen.add_button,
        screen.save,
        screen.back_button,
        screen.cancel,
    ]
    screen.rows[0].scale.setFocus()
    settle()
    reached = []
    for _ in range(len(expected)):
        focused = QApplication.focusWidget()
        reached.append(focused)
        assert in_view(focused), f"{focused.accessibleName()} has the focus out of sight"
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        settle()
        activate(window, qtbot)
    assert [w.accessibleName() for w in reached] == [w.accessibleName() for w in expected]
    assert QApplication.focusWidget() is screen.rows[0].scale  # round again, from the top
    qtbot.keyClick(screen.rows[0].scale, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is screen.cancel


def test_an_activity_added_with_enter_is_in_view_with_its_rating_focused(window, qtbot):
    with_activities(window)
    extra_large(window)
    screen = to_my_activities(window, qtbot)
    screen.new_words.setFocus()
    for area in screen.window().findChildren(QAbstractScrollArea):
        area.verticalScrollBar().setValue(0)  # as the tester saw it: at the top
    settle()
    qtbot.keyClicks(screen.new_words, "Getting in and out of the car")
    qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    settle()
    activate(window, qtbot)
    new = screen.rows[-1]
    assert new.words == "Getting in and out of the car"
    assert QApplication.focusWidget() is new.scale
    assert in_view(new.title), "what is rated is out of sight"
    assert in_view(new.scale), "the focused rating is out of sight"
    qtbot.keyClick(new.scale, Qt.Key.Key_7)
    assert new.scale.value() == 7


def test_back_from_my_activities_goes_to_the_last_question_and_nothing_is_lost(
    window, qtbot, dialogs
):
    coach = window.context.coach
    screen = to_my_activities(window, qtbot)
    said = " ".join(w.text() for w in screen.findChildren(type(screen.title)))
    assert "Your answers are saved." in said  # the questionnaire is kept already
    (saved,) = coach.questionnaires(ZCQ)  # a crash now loses none of it
    assert saved.answers["f5"] == 2
    screen.back_button.setFocus()
    qtbot.keyClick(screen.back_button, Qt.Key.Key_Return)
    last = window.flow
    assert isinstance(last, ZcqQuestionScreen) and last.item.id == "f5"
    assert last.before.text() == f"You chose: {last.item.answers[1].text}"
    assert QApplication.focusWidget() is last.answers[1]  # Enter keeps it
    qtbot.keyClick(last, Qt.Key.Key_4)  # changed
    assert isinstance(window.flow, ActivitiesScreen)
    (saved,) = coach.questionnaires(ZCQ)  # the day's one, replaced
    assert saved.answers["f5"] == 4 and saved.answers["s1"] == 2
    # From the question again, Leave loses nothing and need not ask.
    qtbot.keyClick(window.flow.back_button, Qt.Key.Key_Return)
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)
    assert window.flow is None and dialogs.questions == []
    (saved,) = coach.questionnaires(ZCQ)
    assert saved.answers["f5"] == 4


def test_my_activities_alone_has_no_back(window, qtbot):
    window.outcomes.change_activities("progress")
    screen = window.flow
    assert isinstance(screen, ActivitiesScreen)
    assert not screen.back_button.isVisibleTo(screen)
    said = " ".join(
        w.text() for w in screen.findChildren(type(screen.title)) if w.isVisibleTo(screen)
    )
    assert "Your answers are saved" not in said


def test_a_question_opens_with_its_first_answer_focused(window, qtbot):
    window.today.action_requested.emit(ZCQ_ACTION)
    qtbot.keyClick(window.flow.start, Qt.Key.Key_Return)
    first = window.flow
    assert isinstance(first, ZcqQuestionScreen)
    assert QApplication.focusWidget() is first.answers[0]  # its ring shows at once
    qtbot.keyClick(first, Qt.Key.Key_3)
    second = window.flow
    assert QApplication.focusWidget() is second.answers[0]
    qtbot.keyClick(second, Qt.Key.Key_Backspace)
    again = window.flow
    assert again.before.text() == "You chose: Moderate"
    assert QApplication.focusWidget() is again.answers[2]
    assert "you chose" in again.answers[2].accessibleName().lower()


def test_the_first_intro_says_what_is_asked_and_that_my_activities_follow(window, qtbot):
    window.today.action_requested.emit(ZCQ_ACTION)
    intro = window.flow
    assert isinstance(intro, ZcqIntroScreen)
    words = intro.text.text()
    assert words.startswith("12 short questions about your legs and your walking.")
    assert "care" not in words  # the first one has no questions about care
    assert "My activities" in words


def test_the_second_intro_names_the_care_questions(window, qtbot, clock):
    coach = window.context.coach
    coach.record_zcq(coach.today_date(), {"s1": 3})
    clock.advance(28 * 24 * 3600)
    window.today.action_requested.emit(ZCQ_ACTION)
    words = window.flow.text.text()
    assert words.startswith("18 short questions about your legs, your walking and your care.")
    assert "My activities" in words


def test_the_thank_you_gives_scales_days_and_the_verdict_progress_gives(window, qtbot, clock):
    coach = window.context.coach
    first_day = coach.today_date()
    answers = {f"s{i}": 4 for i in range(1, 7)} | {"s7": 5} | {f"f{i}": 3 for i in range(1, 6)}
    coach.record_zcq(first_day, answers)
    clock.advance(28 * 24 * 3600)
    to_my_activities(window, qtbot)
    qtbot.mouseClick(window.flow.save, Qt.MouseButton.LeftButton)
    thanks = window.flow
    assert isinstance(thanks, ThankYouScreen)
    lines = [line.text() for line in thanks.lines]
    said = " ".join(lines)
    from stenosis_coach.core.outcomes.zcq import score_text
    from stenosis_coach.core.progress.outcomes import zcq_judgement, zcq_lines
    from stenosis_coach.core.words import day_text

    zcq = zcq_outcome(coach.questionnaires())
    assert zcq.first is not None and zcq.latest is not None
    symptoms = (score_text(zcq.first.symptom_severity), score_text(zcq.latest.symptom_severity))
    assert (
        f"Your symptoms, on a scale of 1 to 5 (lower is better): {symptoms[0]} on "
        f"{day_text(first_day, coach.today_date())}, {symptoms[1]} today." in lines
    )
    assert (
        "What you can do, on a scale of 1 to 4 (lower means less trouble): 3.00 on "
        f"{day_text(first_day, coach.today_date())}, 2.00 today." in lines
    )
    assert "at first" not in said and "patients notice" not in said
    verdict = zcq_judgement(zcq_outcome(coach.questionnaires()))
    assert verdict in lines  # the very sentence Progress and the report say
    assert verdict in zcq_lines(zcq_outcome(coach.questionnaires()))
    assert report.zcq_judgement(zcq_outcome(coach.questionnaires())) == verdict


def test_every_part_of_a_questionnaire_is_said_one_way(pseudo, window, qtbot):
    from stenosis_coach.i18n import is_pseudo_wrapped

    screen = to_my_activities(window, qtbot)
    assert is_pseudo_wrapped(screen.saved_note.text())
    assert is_pseudo_wrapped(screen.back_button.text().split("   ")[0])
