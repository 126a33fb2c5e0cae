"""Back up and restore: a round trip that never loses the data it replaces."""

import hashlib
import sqlite3
from datetime import UTC, datetime

import pytest

from stenosis_coach.errors import DatabaseTooNew, InvalidInput, NotOurDatabase
from stenosis_coach.services.data_backup import backup_to, restore_from
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage import backup
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.schema import SCHEMA_VERSION
from stenosis_coach.storage.sessions_repo import SessionRepository

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)


def titles(paths):
    db = open_database(paths)
    try:
        return sorted(s.title for s in SessionRepository(db).recent())
    finally:
        db.close()


def record(db, clock, title):
    rec = SessionRecorder(db, clock)
    rec.start("routine", title)
    clock.advance(30)
    rec.finish()


def test_round_trip_restores_exactly_and_keeps_the_replaced_data(db, clock, paths, tmp_path):
    record(db, clock, "Before backup")
    out = backup_to(paths, tmp_path / "my-backup.db")
    record(db, clock, "After backup")
    db.close()

    result = restore_from(paths, out, NOW)

    assert titles(paths) == ["Before backup"]
    assert result.previous_kept_at is not None
    conn = sqlite3.connect(result.previous_kept_at)
    kept = sorted(r[0] for r in conn.execute("SELECT title FROM session"))
    conn.close()
    assert kept == ["After backup", "Before backup"]
    assert result.previous_kept_at in backup.backups(paths.backup_dir)


def test_backup_is_consistent_while_the_database_is_open(db, clock, paths, tmp_path):
    record(db, clock, "Open session data")
    out = backup_to(paths, tmp_path / "b.db")  # db still open, data still in the WAL
    conn = sqlite3.connect(out)
    assert conn.execute("SELECT title FROM session").fetchall() == [("Open session data",)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert (out.stat().st_mode & 0o777) == 0o600


def test_backup_refuses_bad_destinations_and_leaves_nothing(db, paths, tmp_path):
    with pytest.raises(InvalidInput, match="does not exist"):
        backup_to(paths, tmp_path / "no-such-folder" / "b.db")
    with pytest.raises(InvalidInput, match="folder"):
        backup_to(paths, tmp_path)
    with pytest.raises(InvalidInput, match="live data file"):
        backup_to(paths, paths.db_file)
    assert not list(tmp_path.glob("*.partial"))


def test_backup_with_no_data_yet_says_so(paths, tmp_path):
    with pytest.raises(InvalidInput, match="no data"):
        backup_to(paths, tmp_path / "b.db")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["text", "foreign-sqlite", "newer", "missing"])
def test_restore_refuses_what_is_not_our_backup_and_changes_nothing(db, paths, tmp_path, kind):
    db.close()
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("just some notes\n" * 50)
        expected = NotOurDatabase
    elif kind == "foreign-sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
        expected = NotOurDatabase
    elif kind == "newer":
        backup_to(paths, bad)
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
        expected = DatabaseTooNew
    else:
        expected = InvalidInput
    before = digest(paths.db_file)
    with pytest.raises(expected, match=r"nothing was changed|does not exist|no such file"):
        restore_from(paths, bad, NOW)
    assert digest(paths.db_file) == before
    assert backup.backups(paths.backup_dir) == []


def test_restore_over_a_damaged_database_moves_it_aside_untouched(db, clock, paths, tmp_path):
    record(db, clock, "Precious")
    good = backup_to(paths, tmp_path / "good.db")
    db.close()
    raw = bytearray(paths.db_file.read_bytes())
    raw[100:4096] = b"\x00" * 3996
    paths.db_file.write_bytes(bytes(raw))
    damaged = digest(paths.db_file)

    result = restore_from(paths, good, NOW)

    assert result.previous_kept_at.name.startswith("coach-damaged-")
    assert digest(result.previous_kept_at) == damaged
    assert titles(paths) == ["Precious"]


# -- issue 13: a damaged backup is refused before it replaces anything --------------------

FIXTURES = __import__("pathlib").Path(__file__).parents[1] / "fixtures"


def _rich_backup(db, clock, paths, tmp_path):
    """A backup with sessions, events and a year of diary walks (dates as text)."""
    from stenosis_coach.services.walks import import_diary

    for title in ("Morning", "Evening", "Gentle start"):
        record(db, clock, title)
    import_diary(db, FIXTURES / "diary-programme-12-weeks.csv", datetime(2026, 12, 1, tzinfo=UTC))
    return backup_to(paths, tmp_path / "rich.db")


def test_a_row_the_app_cannot_read_makes_the_backup_damaged(db, clock, paths, tmp_path):
    good = _rich_backup(db, clock, paths, tmp_path)
    conn = sqlite3.connect(good)
    conn.execute("UPDATE walk SET start = 'not a time' WHERE id = (SELECT min(id) FROM walk)")
    conn.commit()
    conn.close()
    db.close()
    before = digest(paths.db_file)
    with pytest.raises(InvalidInput, match="is damaged, so nothing was changed"):
        restore_from(paths, good, NOW)
    assert digest(paths.db_file) == before
    assert backup.backups(paths.backup_dir) == []
    assert [p.name for p in paths.data_dir.iterdir() if p.name.startswith(".")] == []


def test_a_backup_with_a_broken_link_is_damaged(db, clock, paths, tmp_path):
    good = _rich_backup(db, clock, paths, tmp_path)
    conn = sqlite3.connect(good)  # foreign keys off here, as in any other tool
    conn.execute("UPDATE session_event SET session_id = 9999")
    conn.commit()
    conn.close()
    db.close()
    with pytest.raises(InvalidInput, match="is damaged"):
        restore_from(paths, good, NOW)


def test_bit_flipped_backups_are_restored_whole_or_refused_never_a_crash(
    db, clock, paths, tmp_path, capsys
):
    import random

    from stenosis_coach import cli

    good = _rich_backup(db, clock, paths, tmp_path)
    db.close()
    raw = good.read_bytes()
    rng = random.Random(13)
    # Half anywhere past the header's first lines, half in the stored text of times and
    # numbers (digits, '-', ':', '.'), where a flip makes a value the app cannot parse.
    texts = [i for i in range(100, len(raw)) if raw[i] in b"0123456789-:./"]
    outcomes = {0: 0, 1: 0}
    for n in range(30):
        flipped = bytearray(raw)
        offset = rng.randrange(100, len(raw)) if n % 2 else rng.choice(texts)
        flipped[offset] ^= 1 << rng.randrange(8)
        bad = tmp_path / f"flip-{n}.db"
        bad.write_bytes(bytes(flipped))
        code = cli.main(["--data-dir", str(paths.data_dir), "restore", str(bad)])
        assert code in (0, 1), (offset, capsys.readouterr().err)
        outcomes[code] += 1
        if code == 0:
            status = cli.main(["--data-dir", str(paths.data_dir), "status"])
            assert status == 0, (offset, capsys.readouterr().err)
        capsys.readouterr()
    assert outcomes[1] > 0  # some flips do damage, and were caught
