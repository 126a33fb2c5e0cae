"""Closing the window mid-session asks, and keeps what was done as stopped (issue 12)."""

from PySide6.QtCore import Qt

from stenosis_coach.core.sessions import EndReason
from stenosis_coach.services import recording
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.exercises.screens import PlayerScreen
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen


def start_routine(window, qtbot):
    page = window.show_page("exercises")
    qtbot.mouseClick(page.routine_buttons["gentle-start"][0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, PlayerScreen)
    return window.exercises


def start_walk(window, qtbot):
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkCoachScreen)
    return window.walking.coach


def sessions(paths, kind):
    db = open_database(paths)
    try:
        return SessionRepository(db).recent(5, kind=kind), recording.interrupted_sessions(db)
    finally:
        db.close()


def test_closing_mid_routine_asks_and_no_keeps_it_going(window, qtbot, clock, dialogs, cues):
    controller = start_routine(window, qtbot)
    clock.advance(30)
    controller.tick()
    dialogs.choices.append(0)  # "Keep going"
    assert not window.close()
    assert dialogs.shown[-1][1] == "Stop the routine and close?"
    assert "A routine is running. Stop it and close?" in dialogs.shown[-1][2]
    assert window.isVisible() and window.flow is controller.player
    assert controller.timer.isActive() and controller.heartbeat.running


def test_closing_mid_routine_yes_saves_it_as_stopped_not_interrupted(
    window, qtbot, clock, dialogs, cues, paths
):
    controller = start_routine(window, qtbot)
    clock.advance(30)
    controller.tick()
    dialogs.choices.append(1)  # "Stop and close"
    assert window.close()
    assert not controller.timer.isActive() and not controller.heartbeat.running
    [session], running = sessions(paths, "routine")
    assert session.end_reason is EndReason.STOPPED and running == []


def test_closing_mid_walk_asks_and_yes_saves_it_as_stopped(
    window, qtbot, clock, dialogs, cues, paths
):
    coach = start_walk(window, qtbot)
    clock.advance(45)
    coach.tick()
    dialogs.choices.append(0)  # "Keep going"
    assert not window.close()
    assert dialogs.shown[-1][1] == "Stop the walk and close?"
    assert coach.timer.isActive()
    dialogs.choices.append(1)
    assert window.close()
    assert not coach.timer.isActive() and not coach.heartbeat.running
    [session], running = sessions(paths, "walk")
    assert session.end_reason is EndReason.STOPPED and running == []
    assert session.elapsed_s == 45


def test_closing_with_nothing_running_does_not_ask(window, dialogs):
    assert window.close()
    assert dialogs.shown == []


def test_new_symptoms_from_the_menu_mid_routine_asks_and_keeps_what_was_done(
    window, qtbot, clock, dialogs, cues
):
    from stenosis_coach.ui.safety.screens import QuestionScreen

    controller = start_routine(window, qtbot)
    clock.advance(30)
    controller.tick()
    player = window.flow
    symptoms = next(
        a for a in window.menuBar().actions()[1].menu().actions() if "symptoms" in a.text()
    )
    dialogs.choices.append(0)  # "Keep going"
    symptoms.trigger()
    assert dialogs.shown[-1][1] == "Stop the routine?"
    assert window.flow is player
    clock.advance(1)
    controller.tick()  # the routine goes on, its screen alive
    dialogs.choices.append(1)  # "Stop"
    symptoms.trigger()
    assert isinstance(window.flow, QuestionScreen)
    assert not controller.timer.isActive() and not controller.heartbeat.running
    clock.advance(1)
    controller.tick()  # nothing ticks into the deleted player
    [session] = SessionRepository(window.context.coach.database).recent(1, kind="routine")
    assert session.end_reason is EndReason.STOPPED


def test_import_plan_from_the_menu_mid_walk_asks_and_stops_it(
    window, qtbot, clock, dialogs, cues, paths
):
    coach = start_walk(window, qtbot)
    clock.advance(20)
    coach.tick()
    import_plan = next(
        a for a in window.menuBar().actions()[0].menu().actions() if "Import" in a.text()
    )
    dialogs.choices.append(1)  # "Stop"
    dialogs.paths.append(None)  # then no file chosen
    import_plan.trigger()
    assert dialogs.shown[0][1] == "Stop the walk to import a plan?"
    assert window.flow is None  # back on the pages, nothing left running
    assert not coach.timer.isActive() and window.running_session() is None
    [session] = SessionRepository(window.context.coach.database).recent(1, kind="walk")
    assert session.end_reason is EndReason.STOPPED
