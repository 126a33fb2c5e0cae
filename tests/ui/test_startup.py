"""Start-up: newer or damaged data, and sessions an earlier run did not finish."""

import sqlite3

from stenosis_coach.core.sessions import EndReason
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage import backup
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.schema import SCHEMA_VERSION
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.startup import open_data


def test_newer_database_is_refused_with_a_clear_message(make_window, paths, dialogs):
    open_database(paths).close()
    conn = sqlite3.connect(paths.db_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    window = make_window(open_data=False)
    assert open_data(window.context, window.data_actions) is False
    assert dialogs.shown[-1][0] == "warn"
    assert "newer version" in dialogs.shown[-1][2]


def test_damaged_database_offers_the_newest_backup_and_keeps_the_damaged_file(
    make_window, paths, dialogs, clock
):
    db = open_database(paths)
    rec = SessionRecorder(db, clock)
    rec.start("routine", "Saved before damage")
    rec.finish()
    db.close()
    backup.timestamped_backup(paths.db_file, paths.backup_dir, "before-upgrade", clock.now())
    raw = bytearray(paths.db_file.read_bytes())
    raw[100:4096] = b"\x00" * 3996
    paths.db_file.write_bytes(bytes(raw))
    damaged = bytes(raw)

    window = make_window(open_data=False)
    dialogs.choices.append(0)  # Restore the newest backup
    assert open_data(window.context, window.data_actions) is True

    kept = list(paths.data_dir.glob("coach-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    titles = [s.title for s in SessionRepository(window.context.coach.database).recent()]
    assert titles == ["Saved before damage"]


def test_damaged_database_without_backup_says_so_and_quits(make_window, paths, dialogs):
    paths.ensure()
    paths.db_file.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    window = make_window(open_data=False)
    assert open_data(window.context, window.data_actions) is False
    assert "no backup" in dialogs.shown[-1][2]


def crash_mid_session(paths, clock, title="Walking test"):
    db = open_database(paths)
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", title)
    clock.advance(125)
    rec.heartbeat()
    db.close()  # the app dies here: no finish()
    return sid


def test_interrupted_session_is_offered_and_saved_as_ended_at_last_heartbeat(
    make_window, paths, dialogs, clock
):
    sid = crash_mid_session(paths, clock)
    dialogs.choices.append(0)  # Save it as ended at HH:MM
    window = make_window()
    _kind, _title, text = next(s for s in dialogs.shown if s[1] == "A session was not finished")
    assert "Walking test" in text and "Save it as ended at" in text
    session = SessionRepository(window.context.coach.database).get(sid)
    assert session.end_reason is EndReason.INTERRUPTED
    assert (session.ended_at - session.started_at).total_seconds() == 125
    assert "Walking test" in window.today.last_result.text()


def test_interrupted_session_can_be_discarded_after_confirmation(
    make_window, paths, dialogs, clock
):
    sid = crash_mid_session(paths, clock)
    dialogs.choices.extend([1, 0])  # Discard it; yes, discard
    window = make_window()
    assert SessionRepository(window.context.coach.database).get(sid) is None


def test_closing_the_offer_keeps_the_session(make_window, paths, dialogs, clock):
    sid = crash_mid_session(paths, clock)
    dialogs.choices.append(None)  # window closed without choosing
    window = make_window()
    assert (
        SessionRepository(window.context.coach.database).get(sid).end_reason
        is EndReason.INTERRUPTED
    )
