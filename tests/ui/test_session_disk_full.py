"""A full disk during a walk or a routine: told once, calmly, on the session screen; the
coach goes on; everything is written when space returns; closing asks (issue 13 item 5)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from stenosis_coach.core.sessions import EndReason, SessionState
from stenosis_coach.services.recording import pending_writes
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository
from stenosis_coach.ui.exercises.screens import PlayerScreen
from stenosis_coach.ui.heartbeat import SAVED_AGAIN_BEATS, TOLD_BEATS, SavingNotice, retry_timer
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen


class FakeDisk:
    """Every session write (and a recorded walk's) fails as SQLite fails on a full disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        for name in ("start", "add_event", "heartbeat", "finish"):
            monkeypatch.setattr(
                SessionRepository, name, self._failing(getattr(SessionRepository, name))
            )
        monkeypatch.setattr(
            WalkRepository, "add_recorded", self._failing(WalkRepository.add_recorded)
        )

    def _failing(self, real):
        def write(repo, *args, **kwargs):
            if self.full:
                raise sqlite3.OperationalError("database or disk is full")
            return real(repo, *args, **kwargs)

        return write


@pytest.fixture
def disk(monkeypatch):
    return FakeDisk(monkeypatch)


def start_walk(window, qtbot):
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkCoachScreen)
    return window.walking.coach


def start_routine(window, qtbot):
    page = window.show_page("exercises")
    qtbot.mouseClick(page.routine_buttons["gentle-start"][0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, PlayerScreen)
    return window.exercises


def second(coach, clock, seconds=1):
    """What the timers do each second, driven by hand (tests never sleep)."""
    for _ in range(seconds):
        clock.advance(1)
        coach.tick()
        coach.heartbeat.beat()


def notice_on(screen) -> SavingNotice:
    [notice] = screen.findChildren(SavingNotice)
    return notice


def test_a_full_disk_mid_walk_is_said_once_the_walk_goes_on_and_is_saved_later(
    window, qtbot, clock, dialogs, cues, disk
):
    coach = start_walk(window, qtbot)
    screen = coach.screen
    notice = notice_on(screen)
    second(coach, clock, 3)
    assert not notice.isVisible()
    shown_before = list(dialogs.shown)

    disk.full = True
    second(coach, clock, 2)
    qtbot.mouseClick(screen.pause, Qt.MouseButton.LeftButton)  # an event the disk refuses
    second(coach, clock, 3)
    qtbot.mouseClick(screen.pause, Qt.MouseButton.LeftButton)  # resume
    second(coach, clock, 30)
    # No box at all, let alone one a second: one calm notice on the screen.
    assert dialogs.shown == shown_before
    assert notice.isVisible()
    said = notice.text.text()
    assert "disk is full" in said and "nothing is lost" in said and "free some space" in said
    assert notice.accessibleName()
    # The coach coaches on: the walk's timer still moves.
    before = screen.timer.text()
    second(coach, clock, 2)
    assert screen.timer.text() != before and coach.live

    disk.full = False
    second(coach, clock)
    assert notice.isVisible() and notice.text.text().startswith("Saved again")
    db = window.context.coach.database
    sid = coach.recording.recorder.session_id
    kinds = [e.kind for e in SessionRepository(db).events(sid)]
    assert kinds[-2:] == ["paused", "resumed"]
    assert SessionRepository(db).get(sid).elapsed_s == coach.recording.recorder.elapsed()
    second(coach, clock, SAVED_AGAIN_BEATS)
    assert not notice.isVisible()  # the notice goes away by itself


def test_a_routine_finished_on_a_full_disk_is_kept_and_written_when_space_returns(
    window, qtbot, clock, dialogs, cues, disk
):
    controller = start_routine(window, qtbot)
    notice = notice_on(controller.player)
    clock.advance(10)
    controller.tick()
    disk.full = True
    controller.heartbeat.beat()
    assert notice.isVisible()
    sid = controller.recording.recorder.session_id
    dialogs.choices.append(1)  # "Stop"
    qtbot.mouseClick(controller.player.stop_button, Qt.MouseButton.LeftButton)
    ratings = window.flow
    qtbot.mouseClick(ratings.skip, Qt.MouseButton.LeftButton)
    assert not controller.running
    assert [t for t in dialogs.titles() if t != "Stop the routine?"] == []
    db = window.context.coach.database
    assert SessionRepository(db).get(sid).state is SessionState.RUNNING  # not yet on disk
    timer = retry_timer(pending_writes(db))
    assert timer is not None and timer.isActive()  # still trying, after the session

    disk.full = False
    with qtbot.waitSignal(window.context.data_changed, timeout=1000):  # pages redraw
        timer.timeout.emit()
    session = SessionRepository(db).get(sid)
    assert session.state is SessionState.FINISHED and session.end_reason is EndReason.STOPPED
    assert [e.kind for e in SessionRepository(db).events(sid)][-2:] == [
        "ratings_after",
        "finished",
    ]
    assert not timer.isActive()


def test_closing_with_a_walk_not_saved_yet_asks_and_keeps_the_app_open(
    window, qtbot, clock, dialogs, cues, disk
):
    coach = start_walk(window, qtbot)
    second(coach, clock, 5)
    disk.full = True
    second(coach, clock, 5)
    dialogs.choices[:] = [1, 0]  # "Stop and close", then "Keep the app open"
    assert not window.close()
    assert dialogs.shown[-1][1] == "Your last session is not saved yet"
    assert "disk is full" in dialogs.shown[-1][2] and "Keep the app open" in dialogs.shown[-1][2]
    assert window.isVisible() and not window.context.coach.closed
    assert not pending_writes(window.context.coach.database).saved

    db = window.context.coach.database
    dialogs.choices[:] = [1, 0]  # nothing runs now; "Try again" (still full), "Keep it open"
    assert not window.close()
    assert dialogs.titles()[-2:] == ["Your last session is not saved yet"] * 2

    disk.full = False
    retry_timer(pending_writes(db)).timeout.emit()  # the app keeps trying each second, by itself
    assert pending_writes(db).saved and retry_timer(pending_writes(db)) is None
    asked = len(dialogs.shown)
    assert window.close()
    assert len(dialogs.shown) == asked  # all saved: closes without asking


def test_closing_may_still_close_and_lose_it_when_the_patient_says_so(
    window, qtbot, clock, dialogs, cues, disk
):
    coach = start_walk(window, qtbot)
    disk.full = True
    second(coach, clock, 3)
    dialogs.choices[:] = [1, 2]  # "Stop and close", then "Close and lose it"
    assert window.close()
    assert dialogs.titles()[-1] == "Your last session is not saved yet"


def test_a_wal_file_deleted_mid_walk_is_saved_again_and_told_once(
    window, qtbot, clock, dialogs, cues
):
    coach = start_walk(window, qtbot)
    notice = notice_on(coach.screen)
    second(coach, clock, 3)
    shown_before = list(dialogs.shown)
    window.context.coach.database.wal_file.unlink()  # another program (a "cleaner") removes it
    second(coach, clock)
    assert notice.isVisible() and "What you recorded is safe" in notice.text.text()
    assert dialogs.shown == shown_before  # no box
    second(coach, clock, TOLD_BEATS)
    assert not notice.isVisible()
    assert window.context.coach.database.wal_file.exists()  # a fresh one, watched from now on
    second(coach, clock, 3)
    assert not notice.isVisible()  # told once


def test_a_walk_ended_and_saved_on_a_full_disk_is_written_with_its_summary_later(
    window, qtbot, clock, dialogs, cues, disk
):
    from stenosis_coach.services import walks
    from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen

    coach = start_walk(window, qtbot)
    sid = coach.recording.recorder.session_id
    second(coach, clock, 90)
    disk.full = True
    second(coach, clock, 30)
    qtbot.mouseClick(coach.screen.end, Qt.MouseButton.LeftButton)  # a test: ends at once
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)  # no error reaches the patient
    assert dialogs.titles() == []
    assert window.flow is not summary  # the summary is done with
    db = window.context.coach.database
    assert walks.history(db) == []  # not on disk yet

    disk.full = False
    with qtbot.waitSignal(window.context.data_changed, timeout=1000):  # pages redraw
        retry_timer(pending_writes(db)).timeout.emit()
    [stored] = walks.history(db)
    assert stored.walk.peak_leg_pain == 3 and stored.walk.total_walk_s == 120
    session = SessionRepository(db).get(sid)
    assert session.state is SessionState.FINISHED
    finished = SessionRepository(db).events(sid)[-1]
    assert finished.kind == "finished" and finished.data["walk_id"] == stored.id
