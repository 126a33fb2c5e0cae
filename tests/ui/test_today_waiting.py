"""Today tells what is waiting: a symptom check left unfinished comes first, the Walk page
says why the walk waits, the emergency card lists the answers it speaks of, and the last
walk is named with the time the walk itself shows (issue 12, a fresh-eyes tour)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import safety, walks
from stenosis_coach.ui.safety.screens import QuestionScreen
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen
from stenosis_coach.ui.widgets import Card


def all_clear_check(window, clock) -> None:
    """A weekly check answered no to everything, just now: no check is due."""
    db, now = window.context.coach.database, clock.now()
    check = safety.start_check(db, CheckTrigger.WEEKLY, now)
    for question in QUESTIONS:
        safety.answer(db, check.id, question.id, False, now)
    assert safety.finish_check(db, check.id, now) is None
    window.context.data_changed.emit()


def baseline_test(window, clock) -> None:
    """A walking test yesterday (symptoms at 5 min): today's walk is a training walk."""
    day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
    walks.log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3),
        clock.now(),
    )
    window.context.data_changed.emit()


def start_walk(window, qtbot):
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    return window.walking.coach


def save_summary(window, qtbot, pain: int = 2) -> None:
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[pain], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)


def today_cards(window) -> list[Card]:
    today = window.show_page("today")
    box = today._items_box
    cards = [box.itemAt(i).widget() for i in range(box.count())]
    return [c for c in cards if isinstance(c, Card)]  # the old ones were taken out


def words_of(card: Card) -> str:
    return " ".join(lab.text() for lab in card.findChildren(QLabel))


def buttons_of(card: Card) -> list[QPushButton]:
    return card.findChildren(QPushButton)


def must_stop_then_leave_the_check(window, qtbot, clock) -> None:
    coach = start_walk(window, qtbot)
    clock.advance(90)
    coach.tick()
    qtbot.mouseClick(coach.screen.stop, Qt.MouseButton.LeftButton)  # Must stop
    save_summary(window, qtbot, pain=6)
    question = window.flow
    assert isinstance(question, QuestionScreen)
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Back to Today": the check waits
    assert window.flow is None


def test_a_check_left_after_must_stop_is_todays_first_item_and_the_walk_says_it_waits(
    window, qtbot, clock, cues
):
    baseline_test(window, clock)
    all_clear_check(window, clock)
    must_stop_then_leave_the_check(window, qtbot, clock)

    first = today_cards(window)[0]
    assert first.title_label.text() == "Finish your safety check before the next walk"
    (finish,) = buttons_of(first)
    assert finish.text().startswith("Finish the check")
    assert finish.accessibleName().startswith("Finish the check")

    page = window.show_page("walk")
    assert "safety check" in page.due_text.text()
    assert "Finish" in page.due_text.text()

    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, QuestionScreen)  # the check goes on where it was left


def test_the_due_command_agrees_that_the_check_waits(window, qtbot, clock, cues):
    from stenosis_coach.services.due import due_at

    baseline_test(window, clock)
    all_clear_check(window, clock)
    assert not due_at(window.context.coach.database, clock.now()).safety_check
    must_stop_then_leave_the_check(window, qtbot, clock)
    due = due_at(window.context.coach.database, clock.now())
    assert due.safety_check and due.check_waiting is not None
    assert due.to_json()["safety_check_waiting"] is True
    assert due.sentence().startswith("Due now: the safety check you started")


def test_last_time_says_the_walked_time_the_walk_shows_not_the_rests(window, qtbot, clock, cues):
    baseline_test(window, clock)
    all_clear_check(window, clock)
    coach = start_walk(window, qtbot)
    screen = coach.screen
    assert isinstance(screen, WalkCoachScreen)
    clock.advance(30)
    coach.tick()
    qtbot.keyClick(screen, Qt.Key.Key_S)  # symptoms: a rest begins
    clock.advance(83)
    coach.tick()
    qtbot.keyClick(screen, Qt.Key.Key_R)  # ready: walk on
    clock.advance(30)
    coach.tick()
    window.context.dialogs.choices.append(1)  # "End the walk" (a training walk asks)
    qtbot.mouseClick(screen.end, Qt.MouseButton.LeftButton)
    save_summary(window, qtbot)
    walk = walks.history(window.context.coach.database)[0].walk
    assert walk.total_walk_s == 60  # what the summary and the walk list show: 1:00

    window.show_page("today")
    assert window.today.last_result.text().endswith("Training walk, 1:00 min.")


def emergency_yes(window, clock) -> None:
    """A check whose first answer is an emergency "yes" (saddle numbness): it ends there."""
    db, now = window.context.coach.database, clock.now()
    check = safety.start_check(db, CheckTrigger.WEEKLY, now)
    assert safety.answer(db, check.id, "saddle-numbness", True, now) is not None
    window.context.data_changed.emit()


def test_the_emergency_card_lists_the_yes_answers_and_its_words_match_its_buttons(
    window, qtbot, clock, cues
):
    emergency_yes(window, clock)
    [card] = today_cards(window)  # the advice replaces the plan
    said = words_of(card)
    assert card.title_label.text() == "Get emergency care now"
    assert "answers listed below" in said
    # The "yes" answers, each on a line of its own, with the day of the check.
    assert "In your safety check on Mon 2 Mar, you answered yes to:" in said
    assert "•  Numbness in the groin or saddle area" in said.splitlines()
    # Each way out the words name is a button with those words.
    names = [words_of_button(b) for b in buttons_of(card)]
    assert names == ["I have been checked", "My answer was a mistake"]
    for name in names:
        assert f"“{name}”" in said


def words_of_button(button: QPushButton) -> str:
    return button.text().split("   ")[0]


def test_my_answer_was_a_mistake_asks_then_brings_the_plan_back(
    window, qtbot, clock, cues, dialogs
):
    from stenosis_coach.core.safety import ClearanceReason
    from stenosis_coach.storage.safety_repo import SafetyRepository

    emergency_yes(window, clock)
    [card] = today_cards(window)
    mistake = next(b for b in buttons_of(card) if "mistake" in b.text())
    dialogs.choices.append(1)  # "Go back": nothing recorded
    qtbot.mouseClick(mistake, Qt.MouseButton.LeftButton)
    assert dialogs.titles() == ["Was your answer a mistake?"]
    assert "Numbness in the groin or saddle area" in dialogs.shown[-1][2]
    assert SafetyRepository(window.context.coach.database).clearances() == []

    [card] = today_cards(window)
    mistake = next(b for b in buttons_of(card) if "mistake" in b.text())
    dialogs.choices.append(0)  # "It was a mistake"
    qtbot.mouseClick(mistake, Qt.MouseButton.LeftButton)
    [cleared] = SafetyRepository(window.context.coach.database).clearances()
    assert cleared.reason is ClearanceReason.ANSWERED_BY_MISTAKE
    titles = [c.title_label.text() for c in today_cards(window)]
    assert "Get emergency care now" not in titles  # the plan is back


def test_i_have_been_checked_opens_the_clearance_as_before(window, qtbot, clock, cues):
    from stenosis_coach.ui.safety.screens import ClearanceScreen

    emergency_yes(window, clock)
    [card] = today_cards(window)
    checked = next(b for b in buttons_of(card) if b.text().startswith("I have been checked"))
    qtbot.mouseClick(checked, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, ClearanceScreen)


def test_the_emergency_cards_two_buttons_fit_at_extra_large_text_without_sideways_scrolling(
    make_window, paths, qtbot, clock
):
    from PySide6.QtWidgets import QApplication, QScrollArea

    from stenosis_coach.core.settings import Settings, TextSize
    from stenosis_coach.services.settings_store import save_settings

    save_settings(paths, Settings(text_size=TextSize.EXTRA_LARGE))
    window = make_window()
    window.resize(1024, 700)
    emergency_yes(window, clock)
    [card] = today_cards(window)
    for _ in range(3):  # the new card is shown and laid out, as the app does
        QApplication.processEvents()
    area = next(a for a in window.findChildren(QScrollArea) if a.widget() is window.today)
    assert window.today.minimumSizeHint().width() <= area.viewport().width()
    assert not area.horizontalScrollBar().isVisible()
    for button in buttons_of(card):  # each whole, with all its words
        assert button.width() >= button.sizeHint().width()
