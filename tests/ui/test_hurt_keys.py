"""'This hurts' by keyboard alone, and what follows a severe answer (fresh-eyes tester).

Tab goes through every choice (Yes and No are two stops, not one radio group); Y and N
answer the follow-up question as they do in the safety check; leaving the screen after a
rating was given keeps the rating. The exercise is named as a sentence in the language
needs (German keeps its capitals). After a severe hurt and a safety check with no "yes",
the routine can be carried on where it stopped: from Today, and also when Today's "Carry
on" first had to finish the check.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from stenosis_coach import i18n
from stenosis_coach.core.routine_summary import summarize
from stenosis_coach.core.safety import QUESTIONS
from stenosis_coach.services import routines
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.exercises.screens import HurtScreen, PlayerScreen, RatingsScreen
from stenosis_coach.ui.safety.screens import AllClearScreen, QuestionScreen
from tests.ui.test_hurt_red_flags import advance, all_clear_check, start


def active(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key(qtbot, window, which: Qt.Key) -> None:
    """A key as the patient presses it: to whatever has the focus."""
    qtbot.keyClick(QApplication.focusWidget() or window.flow, which)


def open_hurt(window, qtbot, clock) -> HurtScreen:
    active(window, qtbot)
    start(window, qtbot, clock)
    key(qtbot, window, Qt.Key.Key_H)
    hurt = window.flow
    assert isinstance(hurt, HurtScreen)
    return hurt


def last_summary(window):
    repo = SessionRepository(window.context.coach.database)
    [session] = repo.recent(1, kind="routine")
    return summarize(session, repo.events(session.id))


# -- 1. Tab, Y and N, and a rating that is never thrown away ----------------------------


def test_tab_reaches_yes_then_no_then_the_ways_on(window, qtbot, clock, cues):
    hurt = open_hurt(window, qtbot, clock)
    assert hurt.rating.hasFocus()
    key(qtbot, window, Qt.Key.Key_5)
    assert hurt.rating.value() == 5
    reached = []
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [hurt.spreading_yes, hurt.spreading_no, hurt.back_button]
    # Once both are answered, Tab goes through every choice, in reading order.
    key(qtbot, window, Qt.Key.Key_Backtab)
    key(qtbot, window, Qt.Key.Key_Space)  # "No"
    assert hurt.spreading() is False
    reached = []
    for _ in range(4):
        key(qtbot, window, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [hurt.skip_button, hurt.stop_button, hurt.carry_on, hurt.back_button]


def test_y_and_n_answer_the_follow_up_question_as_in_the_safety_check(window, qtbot, clock, cues):
    hurt = open_hurt(window, qtbot, clock)
    assert "(Y)" in hurt.spreading_yes.text() and "(N)" in hurt.spreading_no.text()
    for letter in (Qt.Key.Key_Y, Qt.Key.Key_N):  # with Ctrl or Alt a key changes nothing
        for held in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier):
            qtbot.keyClick(QApplication.focusWidget(), letter, held)
    assert hurt.spreading() is None
    key(qtbot, window, Qt.Key.Key_3)
    key(qtbot, window, Qt.Key.Key_N)
    assert hurt.spreading() is False and hurt.carry_on.isEnabled()
    key(qtbot, window, Qt.Key.Key_Y)  # changed before going on: spreading, so stop
    assert hurt.spreading() is True and hurt.final
    assert not hurt.spreading_no.isChecked()


def test_yes_and_no_stay_one_answer(window, qtbot, clock, cues):
    hurt = open_hurt(window, qtbot, clock)
    hurt.spreading_no.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)
    assert hurt.spreading_no.isChecked() and not hurt.spreading_yes.isChecked()
    key(qtbot, window, Qt.Key.Key_Space)  # pressed again: still "No", never neither
    assert hurt.spreading() is False


def test_the_testers_keys_keep_the_rating_when_going_back(window, qtbot, clock, cues, dialogs):
    """H, 5, Tab, Tab, Tab, Space: back to the paused routine, and the 5 is kept."""
    hurt = open_hurt(window, qtbot, clock)
    player = window.exercises.player
    key(qtbot, window, Qt.Key.Key_5)
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is hurt.back_button
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.flow is player and player.segment.text() == "Paused"
    advance(window, clock, 3)
    assert player.segment.text() == "Paused"  # still paused: she chooses when to go on
    dialogs.choices.append(1)  # "Stop"
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    assert last_summary(window).worst_hurt == 5


def test_esc_after_a_rating_keeps_it_too(window, qtbot, clock, cues, dialogs):
    hurt = open_hurt(window, qtbot, clock)
    key(qtbot, window, Qt.Key.Key_2)
    qtbot.keyClick(hurt, Qt.Key.Key_Escape)
    assert isinstance(window.flow, PlayerScreen)
    dialogs.choices.append(1)
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    assert last_summary(window).worst_hurt == 2


# -- 2. the exercise's name inside the sentence ------------------------------------------


def test_the_exercise_keeps_its_capital_in_german(window, qtbot, clock, cues):
    i18n.setup("de")
    try:
        hurt = open_hurt(window, qtbot, clock)
        assert hurt.question.text().endswith("during Pelvic tilt, lying?")
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


def test_the_exercise_loses_only_its_first_capital_in_english(window, qtbot, clock, cues):
    hurt = open_hurt(window, qtbot, clock)
    assert hurt.question.text().endswith("during pelvic tilt, lying?")


# -- 3. a severe hurt, the check, and the routine after it -------------------------------


def severe_hurt_to_the_check(window, qtbot, clock) -> QuestionScreen:
    """The tester's keys: H, 8, Esc (on to the check), Esc (no ratings)."""
    all_clear_check(window, clock)
    open_hurt(window, qtbot, clock)
    key(qtbot, window, Qt.Key.Key_8)
    key(qtbot, window, Qt.Key.Key_Escape)
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text() == "Routine stopped"
    # Why the check comes again, minutes after the last one: what she felt just now.
    assert "safety questions come next" in after.intro.text()
    qtbot.keyClick(after, Qt.Key.Key_Escape)
    question = window.flow
    assert isinstance(question, QuestionScreen)
    return question


def press(qtbot, widget) -> None:
    """Tab to it and press Space, as the tester does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def answer_no_to_everything(window, qtbot) -> None:
    for _ in QUESTIONS:
        assert isinstance(window.flow, QuestionScreen)
        qtbot.keyClick(window.flow, Qt.Key.Key_N)
    assert isinstance(window.flow, AllClearScreen)


def carry_on_button(window, qtbot) -> QPushButton:
    QApplication.processEvents()  # Today's cards are shown on the next turn of the loop
    active(window, qtbot)
    [carry_on] = [
        b
        for b in window.today.findChildren(QPushButton)
        if b.isVisible() and b.text() == "Carry on"
    ]
    return carry_on


def test_after_a_severe_hurt_and_a_clear_check_today_offers_to_carry_on(window, qtbot, clock, cues):
    severe_hurt_to_the_check(window, qtbot, clock)
    answer_no_to_everything(window, qtbot)
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "today"
    carry_on = carry_on_button(window, qtbot)
    said = [w.text() for w in window.today.findChildren(QLabel) if w.isVisible()]
    assert any(t.startswith("You stopped this routine early today.") for t in said)
    qtbot.mouseClick(carry_on, Qt.MouseButton.LeftButton)
    player = window.flow
    assert isinstance(player, PlayerScreen)
    assert player.title.text() == "Pelvic tilt, lying" and "Exercise 1 of 4" in (
        player.counters.text()
    )


def test_carry_on_that_first_finishes_the_check_then_carries_on(window, qtbot, clock, cues):
    """The check left for later ("Back to Today"), then Today's "Carry on": the check
    comes first (DESIGN 5.5), and once it ends with no "yes" the routine carries on where
    it stopped, instead of leaving her on Today."""
    question = severe_hurt_to_the_check(window, qtbot, clock)
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Back to Today", finish later
    assert window.flow is None
    press(qtbot, carry_on_button(window, qtbot))
    answer_no_to_everything(window, qtbot)
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)
    player = window.flow
    assert isinstance(player, PlayerScreen)
    assert "Exercise 1 of 4" in player.counters.text()
    advance(window, clock, 600)
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text().startswith("Routine complete")
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    assert window.flow is None
    assert routines.resume_point(window.context.coach.database, clock.now()) is None


def test_carry_on_after_a_check_with_a_yes_does_not_start_the_routine(window, qtbot, clock, cues):
    question = severe_hurt_to_the_check(window, qtbot, clock)
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    press(qtbot, carry_on_button(window, qtbot))
    qtbot.keyClick(window.flow, Qt.Key.Key_Y)  # the first question: yes
    for _ in QUESTIONS[1:]:
        if not isinstance(window.flow, QuestionScreen):
            break
        qtbot.keyClick(window.flow, Qt.Key.Key_N)
    assert not isinstance(window.flow, (PlayerScreen, AllClearScreen))
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)  # the advice: back to Today
    assert not isinstance(window.flow, PlayerScreen)
    assert window.running_session() is None
