"""The questionnaire a patient answers (issue 15, DESIGN 5.6): the ZCQ one question per
screen by keyboard, My activities named and rated, and a thank-you in plain words; opened
from Today's "Questionnaire" card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stenosis_coach.core.outcomes.model import PSFS, STOPPED, ZCQ
from stenosis_coach.core.today import ZCQ_ACTION
from stenosis_coach.ui.outcomes.screens import (
    ActivitiesScreen,
    ThankYouScreen,
    ZcqIntroScreen,
    ZcqQuestionScreen,
)

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
NUMBER_KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]


def open_questionnaire(window, qtbot=None) -> ZcqQuestionScreen:
    window.today.action_requested.emit(ZCQ_ACTION)
    intro = window.flow
    assert isinstance(intro, ZcqIntroScreen)
    intro.start.click()
    screen = window.flow
    assert isinstance(screen, ZcqQuestionScreen)
    return screen


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.flow, key, modifier)
    return window.flow


def answer_all(qtbot, window, key=Qt.Key.Key_2):
    """Answer every question left with ``key`` (the balance item's 2nd answer is 3)."""
    while isinstance(window.flow, ZcqQuestionScreen):
        press(qtbot, window, key)
    return window.flow


def test_the_card_opens_the_questionnaire_with_its_source(window, qtbot):
    window.today.action_requested.emit(ZCQ_ACTION)
    intro = window.flow
    assert isinstance(intro, ZcqIntroScreen)
    assert intro.text.text().startswith("12 short questions")  # no satisfaction at first
    assert "Zurich Claudication Questionnaire" in intro.source.text()
    assert "Stucki" in intro.source.text() and "1996" in intro.source.text()
    qtbot.keyClick(intro.start, Qt.Key.Key_Return)
    screen = window.flow
    assert isinstance(screen, ZcqQuestionScreen)
    assert screen.progress_text.text() == "Question 1 of 12"
    assert screen.intro.isVisible()
    assert [b.words.text().split("   (")[0] for b in screen.answers] == [
        "None",
        "Mild",
        "Moderate",
        "Severe",
        "Very severe",
    ]
    assert screen.answers[0].words.text().endswith("(1)")  # the key beside each answer
    for widget in [*screen.answers, screen.back_button, screen.skip_button, screen.leave_button]:
        assert widget.accessibleName()
    assert not screen.back_button.isEnabled()


def test_number_keys_answer_and_ctrl_or_alt_with_a_number_never_do(window, qtbot):
    first = open_questionnaire(window)
    for modifier in (CTRL, ALT):
        assert press(qtbot, window, Qt.Key.Key_3, modifier) is first
    second = press(qtbot, window, Qt.Key.Key_3)
    assert second is not first and second.progress_text.text() == "Question 2 of 12"
    assert not second.intro.isVisible()  # the part's framing words: on its first question
    back = press(qtbot, window, Qt.Key.Key_Backspace)
    assert back.progress_text.text() == "Question 1 of 12"
    assert [b.isChecked() for b in back.answers] == [False, False, True, False, False]
    assert "you chose this" in back.answers[2].accessibleName()
    assert back.before.isVisible() and back.before.text() == "You chose: Moderate"
    assert back.focusProxy() is back.answers[2]


def test_the_balance_question_takes_only_its_three_answers(window, qtbot):
    open_questionnaire(window)
    for _ in range(6):
        press(qtbot, window, Qt.Key.Key_1)
    balance = window.flow
    assert balance.item.id == "s7" and len(balance.answers) == 3
    assert press(qtbot, window, Qt.Key.Key_4) is balance  # no 4th answer
    press(qtbot, window, Qt.Key.Key_2)  # "Yes, sometimes": scores 3
    answer_all(qtbot, window)
    (saved,) = window.context.coach.questionnaires(ZCQ)
    assert saved.answers["s7"] == 3
    assert saved.answers["s1"] == 1 and saved.answers["f5"] == 2
    assert not any(item.startswith("p") for item in saved.answers)


def test_a_skipped_question_is_saved_unanswered(window, qtbot):
    open_questionnaire(window)
    press(qtbot, window, Qt.Key.Key_4)
    qtbot.mouseClick(window.flow.skip_button, Qt.MouseButton.LeftButton)
    after = answer_all(qtbot, window)
    assert isinstance(after, ActivitiesScreen)
    (saved,) = window.context.coach.questionnaires(ZCQ)
    assert "s2" not in saved.answers and saved.answers["s1"] == 4 and len(saved.answers) == 11


def test_esc_asks_before_dropping_the_answers(window, qtbot, dialogs):
    window.today.action_requested.emit(ZCQ_ACTION)
    assert press(qtbot, window, Qt.Key.Key_Escape) is None  # not now
    screen = open_questionnaire(window)
    assert press(qtbot, window, Qt.Key.Key_Escape) is None  # nothing answered: just leaves
    assert dialogs.questions == []
    open_questionnaire(window)
    press(qtbot, window, Qt.Key.Key_2)
    dialogs.choices.append(dialogs.ESC)  # Esc in the question keeps answering
    still = press(qtbot, window, Qt.Key.Key_Escape)
    assert isinstance(still, ZcqQuestionScreen) and still.progress_text.text().startswith(
        "Question 2"
    )
    assert dialogs.questions[-1].title == "Leave the questionnaire?"
    dialogs.choices.append(1)  # Leave
    assert press(qtbot, window, Qt.Key.Key_Escape) is None
    assert window.context.coach.questionnaires() == []
    assert screen is not None


def test_satisfaction_is_asked_from_the_second_questionnaire_on(window, qtbot, clock):
    coach = window.context.coach
    coach.record_zcq(coach.today_date(), {"s1": 3})
    clock.advance(28 * 24 * 3600)
    window.today.action_requested.emit(ZCQ_ACTION)
    assert window.flow.text.text().startswith("18 short questions")
    screen = open_questionnaire(window)
    assert screen.progress_text.text() == "Question 1 of 18"
    answer_all(qtbot, window)
    latest = coach.questionnaires(ZCQ)[-1]
    assert latest.answers["p6"] == 2


def test_activities_are_named_and_rated_the_first_time(window, qtbot):
    open_questionnaire(window)
    screen = answer_all(qtbot, window)
    assert isinstance(screen, ActivitiesScreen)
    assert "standing long enough to cook" in screen.hint.text()
    assert screen.rows == []
    qtbot.keyClicks(screen.new_words, "standing long enough to cook")
    qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    (row,) = screen.rows
    assert row.scale.hasFocus()
    qtbot.keyClick(row.scale, Qt.Key.Key_4)
    qtbot.keyClick(row.scale, Qt.Key.Key_4, CTRL)  # never a value with Ctrl
    qtbot.keyClicks(screen.new_words, "the grocery store")
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(screen.rows[1].scale, Qt.Key.Key_2)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    thanks = window.flow
    assert isinstance(thanks, ThankYouScreen)
    coach = window.context.coach
    assert [a.words for a in coach.activities(current_only=True)] == [
        "standing long enough to cook",
        "the grocery store",
    ]
    (psfs,) = coach.questionnaires(PSFS)
    assert dict(psfs.answers) == {"standing long enough to cook": 4, "the grocery store": 2}
    said = " ".join(line.text() for line in thanks.lines)
    assert "saved" in said and "first questionnaire" in said
    assert "diagnos" not in said.lower()
    qtbot.keyClick(thanks, Qt.Key.Key_Escape)
    assert window.flow is None


def test_no_more_than_five_activities(window, qtbot):
    open_questionnaire(window)
    screen = answer_all(qtbot, window)
    for n in range(5):
        qtbot.keyClicks(screen.new_words, f"activity {n}")
        qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    assert len(screen.rows) == 5 and not screen.add_card.isVisibleTo(screen)
    qtbot.mouseClick(screen.rows[0].retire, Qt.MouseButton.LeftButton)  # taken off again
    assert len(screen.rows) == 4 and screen.add_card.isVisibleTo(screen)


def test_later_activities_are_re_rated_stopped_retired_or_added(window, qtbot, clock):
    coach = window.context.coach
    ids = [coach.add_activity(w)[0].id for w in ("cooking", "the grocery store", "gardening")]
    coach.record_zcq(coach.today_date(), {"s1": 3})
    coach.record_psfs(coach.today_date(), {"cooking": 3, "the grocery store": 2, "gardening": 5})
    clock.advance(28 * 24 * 3600)
    open_questionnaire(window)
    screen = answer_all(qtbot, window)
    assert [r.words for r in screen.rows] == ["cooking", "the grocery store", "gardening"]
    qtbot.keyClick(screen.rows[0].scale, Qt.Key.Key_6)
    qtbot.mouseClick(screen.rows[1].stopped, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.rows[2].retire, Qt.MouseButton.LeftButton)
    assert not screen.rows[2].scale.isEnabled()
    qtbot.keyClicks(screen.new_words, "church on Sunday")
    qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    qtbot.keyClick(screen.rows[3].scale, Qt.Key.Key_5)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, ThankYouScreen)
    latest = coach.questionnaires(PSFS)[-1]
    assert dict(latest.answers) == {
        "cooking": 6,
        "the grocery store": STOPPED,
        "church on Sunday": 5,
    }
    now = {a.words: a for a in coach.activities()}
    assert now["the grocery store"].stopped_on is not None
    assert now["gardening"].retired_on is not None
    assert [a.words for a in coach.activities(current_only=True)] == ["cooking", "church on Sunday"]
    said = " ".join(line.text() for line in window.flow.lines)
    assert "My activities, on a scale of 0 to 10" in said and "today" in said
    assert ids


@pytest.mark.parametrize("first", [True, False])
def test_every_questionnaire_screen_is_translatable(pseudo, window, qtbot, clock, first):
    from tests.ui.pseudo_texts import unwrapped, wrapped_twice

    coach = window.context.coach
    if not first:
        coach.add_activity("cooking")
        coach.record_zcq(coach.today_date(), {"s1": 3})
        coach.record_psfs(coach.today_date(), {"cooking": 3})
        clock.advance(28 * 24 * 3600)
    window.today.action_requested.emit(ZCQ_ACTION)
    seen = [window.flow]
    window.outcomes.start()
    seen.append(open_questionnaire(window))
    while isinstance(window.flow, ZcqQuestionScreen):
        seen.append(press(qtbot, window, Qt.Key.Key_1))
    screen = window.flow
    assert isinstance(screen, ActivitiesScreen)
    qtbot.keyClicks(screen.new_words, "walking the dog")
    qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    for widget in [*seen[:-1], screen]:
        assert unwrapped(widget, ["cooking", "walking the dog"]) == [], type(widget).__name__
        assert wrapped_twice(widget) == []
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    thanks = window.flow
    assert isinstance(thanks, ThankYouScreen)
    assert unwrapped(thanks) == [] and wrapped_twice(thanks) == []


def test_todays_card_opens_it_by_keyboard_and_goes_once_answered(window, qtbot, clock):
    from PySide6.QtWidgets import QPushButton

    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services import walks

    form = WalkForm(WalkKind.TEST, window.context.coach.today_date(), "8", "5", peak_leg_pain=3)
    # something started: the ZCQ is due
    walks.log_walk(window.context.coach.database, form, clock.now())
    window.context.data_changed.emit()
    window.show_page("today")

    def card_button():
        found = [
            b
            for b in window.today.findChildren(QPushButton)
            if b.isVisible() and b.accessibleName().startswith("Answer the questions")
        ]
        return found[0] if found else None

    start = card_button()
    assert start is not None
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert isinstance(window.flow, ZcqIntroScreen)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)  # Start has the focus
    assert isinstance(window.flow, ZcqQuestionScreen)
    answer_all(qtbot, window)
    qtbot.mouseClick(window.flow.save, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)
    assert window.flow is None
    assert card_button() is None


@pytest.mark.parametrize("first", [True, False], ids=["first", "second"])
def test_every_question_shows_all_its_answers_at_extra_large_text(window, qtbot, clock, first):
    """At a 1024x700 window with extra-large text, each question shows its words, every
    answer whole and the ways out (Back, Skip, Leave) without scrolling, with the answers'
    words at full size and never cut."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    from stenosis_coach.core.settings import TextSize
    from tests.ui.test_actions_visible import HEIGHT, WIDTH, settle, shown_part

    coach = window.context.coach
    if not first:  # the second questionnaire asks satisfaction too
        coach.record_zcq(coach.today_date(), {"s1": 3})
        clock.advance(28 * 24 * 3600)
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)
    body = window.context.settings.type_scale.body
    open_questionnaire(window)
    seen = 0
    for _ in range(20):  # bounded: a question that does not move on fails, never hangs
        screen = window.flow
        if not isinstance(screen, ZcqQuestionScreen):
            break
        settle()
        assert (window.width(), window.height()) == (WIDTH, HEIGHT)
        for area in screen.window().findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)  # as the screen opens: nothing scrolled
        settle()
        number = screen.progress_text.text()
        widgets = [
            screen.question,
            *screen.answers,
            screen.back_button,
            screen.skip_button,
            screen.leave_button,
        ]
        for widget in widgets:
            name = f"{number}: {widget.accessibleName() or widget.text()}"
            assert widget.isVisible(), name
            whole = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            assert shown_part(widget) == whole, f"{name}: {whole} is not all in view"
            assert widget.font().pointSizeF() >= body, f"{name}: its text shrank"
        for answer in screen.answers:  # the words wrap inside the button, never cut
            words = answer.words
            assert words.font().pointSizeF() >= body
            assert words.height() >= words.heightForWidth(words.width()), words.text()
            assert answer.height() >= answer.heightForWidth(answer.width()), words.text()
        seen += 1
        qtbot.mouseClick(screen.answers[0], Qt.MouseButton.LeftButton)
        assert window.flow is not screen
    assert seen == (12 if first else 18)


def test_naming_the_first_activity_is_in_view_at_extra_large_text(window, qtbot):
    """My activities the first time, at 1024x700 with extra-large text: the field for the
    activity's words and its Add button are in view with Save and Leave, without scrolling."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    from stenosis_coach.core.settings import TextSize
    from tests.ui.test_actions_visible import HEIGHT, WIDTH, settle, shown_part

    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)
    window.outcomes.change_activities("today")
    screen = window.flow
    assert isinstance(screen, ActivitiesScreen)
    settle()
    for area in screen.window().findChildren(QAbstractScrollArea):
        area.verticalScrollBar().setValue(0)
    settle()
    for widget in (screen.new_words, screen.add_button, screen.save, screen.cancel):
        whole = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert shown_part(widget) == whole, f"{widget.accessibleName()}: not all in view"
