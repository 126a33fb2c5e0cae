"""A routine finished in the real player, then the app killed on its ratings screen, is kept
as completed by the next start: history, weekly figures and Today agree (issue 13, item 10).
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from stenosis_coach.core.sessions import EndReason
from stenosis_coach.core.walking.model import WalkEnd
from stenosis_coach.services import walks
from stenosis_coach.services.progress import progress_data
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.exercises.screens import PlayerScreen, RatingsScreen
from stenosis_coach.ui.safety.screens import QuestionScreen
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def test_a_routine_finished_then_killed_on_its_ratings_is_kept_completed(
    make_window, qtbot, clock, dialogs
):
    first = make_window()
    page = first.show_page("exercises")
    start_button, _choose = page.routine_buttons["gentle-start"]
    qtbot.mouseClick(start_button, Qt.MouseButton.LeftButton)
    before = first.flow
    qtbot.mouseClick(before.leg.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.back.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.go, Qt.MouseButton.LeftButton)
    assert isinstance(first.flow, PlayerScreen)
    controller = first.exercises
    for _ in range(400):
        clock.advance(1.0)
        controller.tick()
        controller.heartbeat.beat()
    after = first.flow
    assert isinstance(after, RatingsScreen) and after.title.text().startswith("Routine complete")
    clock.advance(30)  # the patient reads the ratings; the heartbeat goes on
    controller.heartbeat.beat()

    # The app is killed here: no timer fires again, nothing more is written. The next start
    # offers the session back; "Save it as ended at HH:MM".
    controller.end()
    first.context.close_database()
    dialogs.choices.append(0)
    second = make_window()
    # It was finished, only not saved: the question's title says so too.
    [(_kind, _title, offer)] = [s for s in dialogs.shown if s[1] == "A session was not saved"]
    assert "you finished it" in offer and "was not finished:" not in offer
    db = second.context.coach.database
    [session] = SessionRepository(db).recent(5, kind="routine")
    assert session.end_reason is EndReason.COMPLETED

    history = second.show_page("exercises").history_list.text()
    assert "Gentle start, lying" in history and ", finished" in history
    assert "stopped early" not in history
    weekly = progress_data(db, clock.now()).adherence.routines.points[-1]
    assert weekly.exact == 1 and "1 completed" in weekly.text  # the hover text
    assert "stopped before the end" not in second.today.last_result.text()
    buttons = second.show_page("today").findChildren(QPushButton)
    assert "Carry on" not in [b.text() for b in buttons if b.isVisible()]


def test_a_walk_ended_by_must_stop_then_killed_on_its_summary_is_must_stop_everywhere(
    make_window, qtbot, clock, dialogs
):
    from stenosis_coach.ui.app import resume_kept_walks
    from stenosis_coach.ui.cues import FakeCuePlayer

    first = make_window()
    first._cues = FakeCuePlayer(strict=True)
    qtbot.mouseClick(first.show_page("walk").start, Qt.MouseButton.LeftButton)
    assert isinstance(first.flow, WalkCoachScreen)
    coach = first.walking.coach
    clock.advance(90)
    coach.tick()
    qtbot.mouseClick(coach.screen.stop, Qt.MouseButton.LeftButton)  # Must stop
    assert isinstance(first.flow, WalkSummaryScreen)
    clock.advance(20)
    coach.heartbeat.beat()
    coach.stop_timers()
    first.context.close_database()  # the app dies on the walk's summary

    dialogs.choices.append(0)  # "Save it as ended at HH:MM"
    second = make_window()
    [(_kind, _title, offer)] = [s for s in dialogs.shown if s[1] == "A session was not saved"]
    assert "ended after 1:50 min" in offer and "was not finished:" not in offer
    resume_kept_walks(second)
    summary = second.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    db = second.context.coach.database
    [stored] = walks.history(db)
    [session] = SessionRepository(db).recent(5, kind="walk")
    assert stored.walk.ended_by is WalkEnd.MUST_STOP
    assert session.end_reason is EndReason.MUST_STOP
    # Must stop asks the safety questions, after a crash as without one (DESIGN 5.5).
    assert isinstance(second.flow, QuestionScreen)
