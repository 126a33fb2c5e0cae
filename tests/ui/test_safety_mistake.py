"""An emergency "yes" the patient then says was a mistake (a fresh-eyes tester, issue 14).

The emergency screen comes at once and the questions after that "yes" are not asked
(DESIGN 5.5, December 2026). Once the patient says the "yes" was a mistake, those questions
were still never asked: the check carries on from the next question (in a new check that
keeps the earlier answers, so the withdrawn "yes" stays on record), the walk waits for it,
and a weekly check that was due stays due until it is answered.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason, Level
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import safety, walks
from stenosis_coach.services.due import due_at
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.ui.safety.screens import AllClearScreen, QuestionScreen, SeekCareScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen
from stenosis_coach.ui.widgets import Card


def all_clear_check(window, clock) -> None:
    db, now = window.context.coach.database, clock.now()
    check = safety.start_check(db, CheckTrigger.WEEKLY, now)
    for question in QUESTIONS:
        safety.answer(db, check.id, question.id, False, now)
    assert safety.finish_check(db, check.id, now) is None
    window.context.data_changed.emit()


def weekly_check_due(window, clock) -> None:
    """A week after the last check, with a walking test yesterday: Today shows "Weekly
    symptom check" (the tester's demo folder)."""
    all_clear_check(window, clock)
    clock.advance(timedelta(days=7).total_seconds())
    day = (clock.now() - timedelta(days=1)).astimezone(LOCAL).date()
    walks.log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3),
        clock.now(),
    )
    window.context.data_changed.emit()
    assert "Weekly safety check" in card_titles(window)


def today_cards(window) -> list[Card]:
    box = window.show_page("today")._items_box
    cards = [box.itemAt(i).widget() for i in range(box.count())]
    return [c for c in cards if isinstance(c, Card)]


def card_titles(window) -> list[str]:
    return [c.title_label.text() for c in today_cards(window)]


def mistake_button(window) -> QPushButton:
    [card] = today_cards(window)  # the advice replaces the plan
    return next(b for b in card.findChildren(QPushButton) if "mistake" in b.text())


def must_stop_then_emergency_yes(window, qtbot, clock) -> None:
    """Walk page, Start the walk, M (Must stop), rate 5, Save the walk; Y to question 1."""
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    clock.advance(90)
    coach.tick()
    qtbot.keyClick(coach.screen, Qt.Key.Key_M)  # Must stop
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    question = window.flow
    assert isinstance(question, QuestionScreen)
    qtbot.keyClick(question, Qt.Key.Key_Y)  # saddle numbness: an emergency
    screen = window.flow
    assert isinstance(screen, SeekCareScreen) and screen.advice.level is Level.EMERGENCY
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert window.flow is None


def it_was_a_mistake(window, qtbot, dialogs) -> None:
    dialogs.choices.append(0)  # "It was a mistake"
    qtbot.mouseClick(mistake_button(window), Qt.MouseButton.LeftButton)
    assert dialogs.titles()[-1] == "Was your answer a mistake?"


def press(window, qtbot, key) -> None:
    """A key on the question shown now (there must be one)."""
    assert isinstance(window.flow, QuestionScreen)
    qtbot.keyClick(window.flow, key)


def words_of(screen) -> str:
    return " ".join(lbl.text() for lbl in screen.findChildren(QLabel) if lbl.isVisibleTo(screen))


def test_after_a_mistaken_emergency_yes_the_check_goes_on_with_the_next_question(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    must_stop_then_emergency_yes(window, qtbot, clock)
    it_was_a_mistake(window, qtbot, dialogs)

    screen = window.flow
    assert isinstance(screen, QuestionScreen)  # the questions never asked come now
    assert screen.progress_text.text() == f"Question 2 of {len(QUESTIONS)}"
    assert screen.question.text() == QUESTIONS[1].text
    said = words_of(screen)
    assert "mistake" in said and "question 2" in said
    assert screen.leave.isVisible() and not screen.later.isVisible()  # after must stop

    # The record: the "yes", its withdrawal, and a check that is not finished yet.
    db, now = window.context.coach.database, clock.now()
    repo = SafetyRepository(db)
    first, carried = repo.checks()[-2:]
    assert first.answers == {"saddle-numbness": True} and first.level is Level.EMERGENCY
    [cleared] = [c for c in repo.clearances() if c.check_id == first.id]
    assert cleared.reason is ClearanceReason.ANSWERED_BY_MISTAKE
    assert carried.trigger is CheckTrigger.MUST_STOP and not carried.complete
    assert carried.answers == {"saddle-numbness": False}
    assert due_at(db, now).safety_check  # not cleared by the withdrawn check


def test_leaving_the_carried_on_check_keeps_it_first_on_today_and_the_walk_waits(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    must_stop_then_emergency_yes(window, qtbot, clock)
    it_was_a_mistake(window, qtbot, dialogs)
    press(window, qtbot, Qt.Key.Key_Escape)  # Back to Today
    assert window.flow is None
    titles = card_titles(window)
    assert titles[0] == "Finish your safety check before the next walk"
    assert "Get emergency care now" not in titles
    started = []
    window.safety.request_session(lambda: started.append("walk"))
    assert started == [] and isinstance(window.flow, QuestionScreen)
    assert window.flow.progress_text.text() == f"Question 2 of {len(QUESTIONS)}"


def test_answering_the_rest_finishes_the_check_and_then_the_weekly_check_is_done(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    must_stop_then_emergency_yes(window, qtbot, clock)
    it_was_a_mistake(window, qtbot, dialogs)
    for _ in QUESTIONS[1:]:
        press(window, qtbot, Qt.Key.Key_N)
    done = window.flow
    assert isinstance(done, AllClearScreen)
    qtbot.keyClick(done, Qt.Key.Key_Escape)
    db, now = window.context.coach.database, clock.now()
    carried = SafetyRepository(db).checks()[-1]
    assert carried.complete and carried.level is None and len(carried.answers) == len(QUESTIONS)
    status = safety.status(db, now)
    assert status.pending is None and not status.needs_clearance and not status.weekly_due
    assert not due_at(db, now).safety_check
    titles = card_titles(window)
    assert "Weekly safety check" not in titles
    assert not any("safety check" in t for t in titles)


def test_a_real_yes_in_the_questions_carried_on_still_shows_its_advice(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    must_stop_then_emergency_yes(window, qtbot, clock)
    it_was_a_mistake(window, qtbot, dialogs)
    for _ in range(6):  # questions 2 to 7: no
        press(window, qtbot, Qt.Key.Key_N)
    press(window, qtbot, Qt.Key.Key_Y)  # question 8: breathless at rest
    screen = window.flow
    assert isinstance(screen, SeekCareScreen) and screen.advice.level is Level.EMERGENCY
    assert screen.advice.reasons == (QUESTIONS[7].label,)  # not the withdrawn one
    assert safety.status(window.context.coach.database, clock.now()).needs_clearance


def test_a_mistake_said_long_after_the_check_asks_every_question_again(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    must_stop_then_emergency_yes(window, qtbot, clock)
    clock.advance(timedelta(days=2).total_seconds())
    window.context.data_changed.emit()
    it_was_a_mistake(window, qtbot, dialogs)
    screen = window.flow
    assert isinstance(screen, QuestionScreen)
    assert screen.progress_text.text() == f"Question 1 of {len(QUESTIONS)}"
    assert "first question" in words_of(screen)
    assert SafetyRepository(window.context.coach.database).checks()[-1].answers == {}


def test_the_clearance_screens_mistake_also_carries_the_check_on(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    must_stop_then_emergency_yes(window, qtbot, clock)
    started = []
    window.safety.request_session(lambda: started.append("walk"))
    qtbot.mouseClick(window.flow.mistake, Qt.MouseButton.LeftButton)
    assert started == []  # the walk waits for the questions not asked yet
    assert isinstance(window.flow, QuestionScreen)
    assert window.flow.progress_text.text() == f"Question 2 of {len(QUESTIONS)}"


def test_the_question_before_the_mistake_says_the_check_goes_on_first(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    must_stop_then_emergency_yes(window, qtbot, clock)
    dialogs.choices.append(1)  # "Go back": nothing recorded
    qtbot.mouseClick(mistake_button(window), Qt.MouseButton.LeftButton)
    text = dialogs.shown[-1][2]
    assert "were not asked" in text and "your walks and exercises come back" in text
    assert SafetyRepository(window.context.coach.database).clearances() == []


def test_a_mistake_in_a_check_that_asked_everything_just_brings_the_plan_back(
    window, qtbot, clock, cues, dialogs
):
    weekly_check_due(window, clock)
    window.safety.start_check()
    for question in QUESTIONS:
        press(window, qtbot, Qt.Key.Key_Y if question.id == "fever" else Qt.Key.Key_N)
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)  # the urgent advice, read
    it_was_a_mistake(window, qtbot, dialogs)
    assert "were not asked" not in dialogs.shown[-1][2]
    assert window.flow is None  # nothing left to ask
    assert "Get emergency care now" not in card_titles(window)
    assert "Contact your clinician today" not in card_titles(window)
