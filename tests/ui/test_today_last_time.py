"""Today's "Last time" line never names a walk the patient deleted; Undo brings it back
(issue 12)."""

from PySide6.QtCore import Qt

from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def walk_live(window, qtbot, clock, dialogs, seconds):
    """Walk for ``seconds``, end the walk, rate the pain and save it."""
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    clock.advance(seconds)
    coach.tick()
    if coach.screen.kind is not WalkKind.TEST:  # a test's "I need to stop" ends it at once
        dialogs.choices.append(1)  # "End the walk"
    qtbot.mouseClick(coach.screen.end, Qt.MouseButton.LeftButton)
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    assert window.flow is None


def delete_newest_walk(window, qtbot):
    page = window.show_page("walk")
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    return page


def last_time(window):
    window.show_page("today")
    line = window.today.last_result
    return line.text() if line.isVisibleTo(window.today) else None


def test_a_deleted_walk_is_not_last_time_and_undo_brings_it_back(
    window, qtbot, clock, dialogs, cues
):
    walk_live(window, qtbot, clock, dialogs, 300)  # a walking test, Mon 2 Mar
    clock.advance(24 * 3600)
    walk_live(window, qtbot, clock, dialogs, 90)  # a training walk, Tue 3 Mar
    assert last_time(window) == "Last time (Tue 3 Mar): Training walk, 1:30 min."

    page = delete_newest_walk(window, qtbot)
    assert last_time(window) == "Last time (Mon 2 Mar): Walking test, 5:00 min."
    delete_newest_walk(window, qtbot)
    assert last_time(window) is None  # nothing left to name

    window.show_page("walk")
    qtbot.mouseClick(page.undo_bar.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.undo_bar.button, Qt.MouseButton.LeftButton)
    assert last_time(window) == "Last time (Tue 3 Mar): Training walk, 1:30 min."


def log_walk_by_hand(window, qtbot, minutes: str, yesterday: bool = False):
    """Log a training walk on the form, by keyboard, as a tester did."""
    from stenosis_coach.ui.walking.log_screen import LogWalkScreen

    qtbot.mouseClick(window.show_page("walk").log, Qt.MouseButton.LeftButton)
    form = window.flow
    assert isinstance(form, LogWalkScreen)
    if yesterday:
        qtbot.mouseClick(form.yesterday_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.walking.edit, minutes)
    form.pain.setFocus()
    qtbot.keyClick(form.pain, Qt.Key.Key_3)
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert window.flow is None


def routine_done(window, clock, seconds: int) -> None:
    from stenosis_coach.services import routines
    from stenosis_coach.services.changes import Change, Changes

    db = window.context.coach.database
    recording = routines.RoutineRecording(db, clock)
    recording.start(routines.my_routine(db), chair_versions=False)
    clock.advance(seconds)
    recording.finish(True)
    window.context.announce(Changes.of(Change.ROUTINES))


def test_last_time_names_a_walk_logged_by_hand_after_a_routine(window, qtbot, clock, cues):
    routine_done(window, clock, 600)  # Mon 2 Mar
    assert last_time(window).startswith("Last time (Mon 2 Mar): Gentle start")
    clock.advance(24 * 3600)
    log_walk_by_hand(window, qtbot, "20")  # Tue 3 Mar, walked just now
    assert last_time(window) == "Last time (Tue 3 Mar): Training walk, 20 min."
    clock.advance(3600)
    routine_done(window, clock, 600)  # then a routine again: it is the last
    assert last_time(window).startswith("Last time (Tue 3 Mar): Gentle start")


def test_a_walk_logged_for_yesterday_is_not_newer_than_today_s_routine(window, qtbot, clock, cues):
    clock.advance(24 * 3600)
    routine_done(window, clock, 600)  # Tue 3 Mar
    log_walk_by_hand(window, qtbot, "15", yesterday=True)  # Mon 2 Mar
    assert last_time(window).startswith("Last time (Tue 3 Mar): Gentle start")
