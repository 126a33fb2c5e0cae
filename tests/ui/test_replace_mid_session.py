"""No data-replacing action while a session runs (issue 13, item 1), and after a restore
everything belongs to the restored data.

A restore during a live walk used to leave the walk writing into the restored database:
an error dialog every second, or its events and end written into another session with the
same id. Each way in (the File menu, the Settings buttons, a dropped plan file, a plan
file handed over by the desktop or the command line) asks to stop the routine or walk
first, or, when another screen is open over the pages, says to finish it first.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFileOpenEvent
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.sessions import EndReason
from stenosis_coach.services import recording
from stenosis_coach.services.data_backup import backup_to
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.services.walks import history
from stenosis_coach.storage.plans_repo import PlanRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.exercises.screens import PlayerScreen
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.log_screen import LogWalkScreen

LAKESIDE = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"
STOP_TO_RESTORE = "Stop the walk to restore your backup?"  # the question says why
STOP_TO_IMPORT = "Stop the walk to import a plan?"


# -- helpers -------------------------------------------------------------------------------
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


def record_routine(window, clock, title: str) -> int:
    rec = SessionRecorder(window.context.coach.database, clock)
    session_id = rec.start("routine", title)
    clock.advance(60)
    rec.finish()
    return session_id


def menu_action(window, menu: int, word: str):
    return next(a for a in window.menuBar().actions()[menu].menu().actions() if word in a.text())


def drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def still_walking(window, coach, clock) -> None:
    """The walk goes on, on its own screen, recording into the same data."""
    assert window.flow is coach.screen and window.running_session() == "walk"
    assert coach.timer.isActive() and coach.heartbeat.running
    clock.advance(1)
    coach.tick()


def sessions_in(file: Path) -> list[tuple]:
    with sqlite3.connect(file) as con:
        return con.execute(
            "SELECT id, kind, title, state, ended_at, end_reason, "
            "(SELECT count(*) FROM session_event e WHERE e.session_id = s.id) "
            "FROM session s ORDER BY id"
        ).fetchall()


def warnings(dialogs) -> list:
    return [shown for shown in dialogs.shown if shown[0] == "warn"]


# -- every way in asks first -----------------------------------------------------------------
def test_restore_from_the_file_menu_mid_walk_asks_and_keep_going_changes_nothing(
    window, qtbot, clock, dialogs, cues
):
    coach = start_walk(window, qtbot)
    clock.advance(20)
    coach.tick()
    dialogs.choices.append(0)  # "Keep going"
    menu_action(window, 0, "Restore").trigger()
    assert dialogs.titles() == [STOP_TO_RESTORE]  # no file was asked for
    still_walking(window, coach, clock)


def test_restore_from_the_settings_button_mid_walk_asks_first(window, qtbot, clock, dialogs, cues):
    """The Settings page is covered by the walk; its button must still never restore
    under a running walk (it is the same action as the menu's)."""
    coach = start_walk(window, qtbot)
    clock.advance(20)
    coach.tick()
    dialogs.choices.append(0)  # "Keep going"
    window.settings_page.restore_button.click()
    assert dialogs.titles() == [STOP_TO_RESTORE]
    still_walking(window, coach, clock)


def test_the_settings_page_cannot_be_reached_during_a_walk(window, qtbot, clock, dialogs, cues):
    coach = start_walk(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settings = window.page_keys().index("settings") + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + settings), Qt.KeyboardModifier.ControlModifier)
    # On the pages the key presses the rail's Settings button at once (an animated click).
    assert not window.nav_button("settings").isDown()
    assert window.current_key() == "walk"
    still_walking(window, coach, clock)


def test_a_plan_dropped_mid_walk_asks_and_keep_going_imports_nothing(
    window, qtbot, clock, dialogs, cues
):
    coach = start_walk(window, qtbot)
    dialogs.choices.append(0)  # "Keep going"
    drop(window, LAKESIDE)
    assert dialogs.titles() == [STOP_TO_IMPORT]
    still_walking(window, coach, clock)
    assert PlanRepository(window.context.coach.database).plans() == []


def test_a_plan_handed_over_by_the_desktop_mid_walk_asks_first(window, qtbot, clock, dialogs, cues):
    """macOS hands a double-clicked plan file to the running app (QFileOpenEvent)."""
    from stenosis_coach.ui.app import open_plan_file
    from stenosis_coach.ui.file_open import PlanFileOpener

    opener = PlanFileOpener(window)
    opener.ready(lambda path: open_plan_file(window, path))
    coach = start_walk(window, qtbot)
    dialogs.choices.append(0)  # "Keep going"
    assert opener.eventFilter(QApplication.instance(), QFileOpenEvent(str(LAKESIDE)))
    assert dialogs.titles() == [STOP_TO_IMPORT]
    still_walking(window, coach, clock)
    assert PlanRepository(window.context.coach.database).plans() == []
    dialogs.choices.append(1)  # "Stop": then the preview; nothing imported until Import
    opener.eventFilter(QApplication.instance(), QFileOpenEvent(str(LAKESIDE)))
    assert type(window.flow).__name__ == "ImportPreviewScreen"
    assert window.running_session() is None and not coach.timer.isActive()
    [walk] = SessionRepository(window.context.coach.database).recent(1, kind="walk")
    assert walk.end_reason is EndReason.STOPPED


def test_a_plan_file_given_on_the_command_line_while_the_app_runs_changes_nothing(
    qapp, paths, db, monkeypatch
):
    """A second start with a plan file finds the app open: it says where to import the
    plan and changes nothing (the open window keeps the data)."""
    from stenosis_coach.instance_lock import InstanceLock
    from stenosis_coach.ui import app as app_module
    from stenosis_coach.ui import dialogs as dialogs_module

    shown = []
    monkeypatch.setattr(
        dialogs_module.Dialogs, "inform", lambda self, title, text: shown.append(text)
    )
    with InstanceLock(paths.lock_file) as running:
        assert running.acquire()
        assert app_module.run_app(paths, str(LAKESIDE)) == 1
    assert PlanRepository(db).plans() == []
    [text] = shown
    assert "already open" in text and "Import plan" in text


def test_import_plan_from_the_menu_mid_routine_asks_and_keep_going_changes_nothing(
    window, qtbot, clock, dialogs, cues
):
    controller = start_routine(window, qtbot)
    player = window.flow
    dialogs.choices.append(0)  # "Keep going"
    menu_action(window, 0, "Import").trigger()
    assert dialogs.titles() == ["Stop the routine to import a plan?"]
    assert window.flow is player and controller.timer.isActive()


def test_another_screen_open_over_the_pages_is_finished_first(
    window, qtbot, clock, dialogs, tmp_path
):
    """Correcting a walk holds that walk's id: a restore under it would save the form
    over another walk of the restored data. It says to finish the screen first."""
    from datetime import date

    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services.walks import log_walk

    log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TRAINING, date(2026, 3, 1), "12", peak_leg_pain=2),
        clock.now(),
    )
    window.context.data_changed.emit()
    [stored] = history(window.context.coach.database)
    window.page("walk")
    window.walking.correct_walk(stored.id)
    form = window.flow
    assert isinstance(form, LogWalkScreen)
    for way_in in (
        lambda: menu_action(window, 0, "Restore").trigger(),
        lambda: menu_action(window, 0, "Import").trigger(),
        lambda: drop(window, LAKESIDE),
    ):
        dialogs.shown.clear()
        way_in()
        assert [kind for kind, *_ in dialogs.shown] == ["inform"]
        assert dialogs.shown[0][1] == "Finish what is open first"
        assert "Nothing was changed" in dialogs.shown[0][2]
        assert window.flow is form
    assert PlanRepository(window.context.coach.database).plans() == []


def test_a_walk_ended_with_its_summary_open_is_saved_first_not_stopped(
    window, qtbot, clock, dialogs, cues
):
    """Its leg pain is still to be asked: "Stop the walk?" would lose it."""
    coach = start_walk(window, qtbot)
    clock.advance(30)
    coach.tick()
    dialogs.choices.append(1)  # "End the walk"
    coach.ask_to_end()
    summary = window.flow
    dialogs.shown.clear()
    menu_action(window, 0, "Restore").trigger()
    assert dialogs.titles() == ["Finish what is open first"]
    assert window.flow is summary
    qtbot.mouseClick(summary.pain.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    assert len(history(window.context.coach.database)) == 1 and window.running_session() is None


def test_a_routine_ended_with_its_ratings_open_is_saved_first_not_stopped(
    window, qtbot, clock, dialogs, cues
):
    from stenosis_coach.ui.exercises.screens import RatingsScreen

    controller = start_routine(window, qtbot)
    clock.advance(30)
    controller.tick()
    dialogs.choices.append(1)  # "Stop"
    controller.ask_to_stop()
    ratings = window.flow
    assert isinstance(ratings, RatingsScreen)
    dialogs.shown.clear()
    drop(window, LAKESIDE)
    assert dialogs.titles() == ["Finish what is open first"]
    assert window.flow is ratings
    qtbot.mouseClick(ratings.skip, Qt.MouseButton.LeftButton)
    [session] = SessionRepository(window.context.coach.database).recent(1, kind="routine")
    assert session.end_reason is EndReason.STOPPED and window.running_session() is None


# -- a restore: nothing of the old data lives on ---------------------------------------------
def test_restore_mid_walk_stops_it_and_nothing_writes_into_the_restored_data(
    window, qtbot, clock, dialogs, cues, paths, tmp_path
):
    """The restored file has a finished routine with the live walk's session id: after
    the restore neither it nor anything else of the restored data changes."""
    empty = backup_to(paths, tmp_path / "empty.db")
    record_routine(window, clock, "Kept in the backup")
    record_routine(window, clock, "Also kept")
    backup = backup_to(paths, tmp_path / "two-routines.db")
    assert window.data_actions.restore_file(empty)  # the live data has no session now
    dialogs.shown.clear()
    before = sessions_in(backup)
    kept_before = set(paths.backup_dir.iterdir())

    coach = start_walk(window, qtbot)
    walk_id = coach.recording.recorder.session_id
    assert walk_id in [row[0] for row in before]  # the same id as a routine in the backup
    clock.advance(30)
    coach.tick()
    dialogs.choices[:] = [1, 0]  # "Stop" the walk, then "Restore this backup"
    dialogs.paths.append(backup)
    menu_action(window, 0, "Restore").trigger()
    asked = [STOP_TO_RESTORE, "Restore from a backup", "Replace your data?", "Data restored"]
    assert dialogs.titles() == asked
    assert window.flow is None and window.running_session() is None
    assert not coach.timer.isActive() and not coach.heartbeat.running
    clock.advance(5)
    coach.tick()  # a late tick of the old walk writes nothing
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.walking.coach is None
    assert sessions_in(paths.db_file) == before
    assert warnings(dialogs) == []
    # The walk was kept, stopped, in the data that was replaced (kept as a backup).
    [kept] = [p for p in set(paths.backup_dir.iterdir()) - kept_before if "before" in p.name]
    walk = [row for row in sessions_in(kept) if row[1] == "walk"]
    assert [(row[0], row[5]) for row in walk] == [(walk_id, EndReason.STOPPED.value)]


def test_a_walk_started_after_a_restore_is_recorded_in_the_restored_data(
    window, qtbot, clock, dialogs, cues, paths, tmp_path
):
    record_routine(window, clock, "Kept in the backup")
    backup = backup_to(paths, tmp_path / "b.db")
    record_routine(window, clock, "Made later")
    window.show_page("walk")  # the pages exist before the restore, as after some use
    window.show_page("progress")
    dialogs.choices.append(0)  # "Restore this backup"
    dialogs.paths.append(backup)
    menu_action(window, 0, "Restore").trigger()
    assert dialogs.titles()[-1] == "Data restored"

    coach = start_walk(window, qtbot)
    for _ in range(3):
        clock.advance(1)
        coach.heartbeat.beat()
        coach.tick()
    dialogs.choices.append(1)  # "End the walk"
    coach.ask_to_end()
    summary = window.flow
    qtbot.mouseClick(summary.pain.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    assert warnings(dialogs) == []
    titles = [row[2] for row in sessions_in(paths.db_file)]
    assert titles[0] == "Kept in the backup" and "Made later" not in titles
    assert len(history(window.context.coach.database)) == 1
    assert recording.interrupted_sessions(window.context.coach.database) == []


def test_undo_after_a_restore_cannot_bring_back_a_delete_of_the_replaced_data(
    window, qtbot, clock, dialogs, paths, tmp_path
):
    from datetime import date

    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services.walks import log_walk

    for day, minutes in ((date(2026, 2, 26), "12"), (date(2026, 2, 27), "15")):
        log_walk(
            window.context.coach.database,
            WalkForm(WalkKind.TRAINING, day, minutes, peak_leg_pain=2),
            clock.now(),
        )
    backup = backup_to(paths, tmp_path / "b.db")
    window.context.data_changed.emit()
    page = window.show_page("walk")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # in the data about to be replaced
    assert page.undo_bar.isVisibleTo(page)
    dialogs.choices.append(0)  # "Restore this backup"
    dialogs.paths.append(backup)
    menu_action(window, 0, "Restore").trigger()
    assert not page.undo_bar.isVisibleTo(page)  # nothing of the old data to undo
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(page.undo_bar.button, Qt.MouseButton.LeftButton)
    walks = history(window.context.coach.database)
    assert len(walks) == 2 and page.model.rowCount() == 2
    # A delete in the restored data is its own, and can be undone there.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(history(window.context.coach.database)) == 1
    qtbot.mouseClick(page.undo_bar.button, Qt.MouseButton.LeftButton)
    assert len(history(window.context.coach.database)) == 2
