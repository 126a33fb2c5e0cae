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
    db, now = window.context.db, clock.now()
    check = safety.start_check(db, CheckTrigger.WEEKLY, now)
    for question in QUESTIONS:
        safety.answer(db, check.id, question.id, False, now)
    assert safety.finish_check(db, check.id, now) is None
    window.context.data_changed.emit()


def baseline_test(window, clock) -> None:
    """A walking test yesterday (symptoms at 5 min): today's walk is a training walk."""
    day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
    walks.log_walk(
        window.context.db, WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3), clock.now()
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
    assert first.title_label.text() == "Finish your symptom check before the next walk"
    (finish,) = buttons_of(first)
    assert finish.text().startswith("Finish the check")
    assert finish.accessibleName().startswith("Finish the check")

    page = window.show_page("walk")
    assert "symptom check" in page.due_text.text()
    assert "Finish" in page.due_text.text()

    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, QuestionScreen)  # the check goes on where it was left


def test_the_due_command_agrees_that_the_check_waits(window, qtbot, clock, cues):
    from stenosis_coach.services.due import due_at

    baseline_test(window, clock)
    all_clear_check(window, clock)
    assert not due_at(window.context.db, clock.now()).safety_check
    must_stop_then_leave_the_check(window, qtbot, clock)
    due = due_at(window.context.db, clock.now())
    assert due.safety_check and due.check_waiting is not None
    assert due.to_json()["safety_check_waiting"] is True
    assert due.sentence().startswith("Due now: the symptom check you started")


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
    walk = walks.history(window.context.db)[0].walk
    assert walk.total_walk_s == 60  # what the summary and the walk list show: 1:00

    window.show_page("today")
    assert window.today.last_result.text().endswith("Training walk, 1:00 min.")
