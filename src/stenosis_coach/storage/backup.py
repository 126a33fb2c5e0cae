"""Copies of the database made with SQLite's online backup API (consistent, WAL-aware)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from stenosis_coach.files import write_checked
from stenosis_coach.paths import make_private_dir

KEEP_BACKUPS = 5


def copy_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` through the one atomic writer: a private temp
    file beside it, fsynced, ``PRAGMA integrity_check`` ok, then renamed.

    A failure (disk full, unwritable folder, a copy that does not check out) leaves no
    partial file behind and raises one sentence (:class:`~stenosis_coach.errors.UserError`).
    Anything that is not an ordinary file is never replaced.
    """
    return write_checked(
        destination, kind="sqlite", write=lambda tmp: sqlite_copy(source, tmp), what="backup"
    )


def sqlite_copy(source: Path, tmp: Path) -> None:
    """A consistent copy of ``source`` (WAL content included) as one self-contained file."""
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # A backup file is a single self-contained file, not a WAL database.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def copy_into(source: Path, live_db: Path) -> None:
    """Overwrite the content of ``live_db`` with ``source`` through SQLite itself.

    Writing through SQLite's backup API (rather than replacing the file) keeps the
    live file's WAL consistent and happens in one transaction.
    """
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(live_db)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def timestamped_backup(db_file: Path, backup_dir: Path, label: str, now: datetime) -> Path:
    """Back up ``db_file`` to ``backup_dir/coach-<label>-<UTC time>.db``; keep the newest 5."""
    make_private_dir(backup_dir)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"coach-{label}-{stamp}.db"
    copy_database(db_file, target)
    prune_backups(backup_dir, label)
    return target


def backups(backup_dir: Path, label: str | None = None) -> list[Path]:
    """Backups in ``backup_dir``, newest first (names sort by their UTC stamp)."""
    pattern = f"coach-{label}-*.db" if label else "coach-*.db"
    found = [p for p in backup_dir.glob(pattern) if p.is_file()] if backup_dir.is_dir() else []
    return sorted(found, key=lambda p: p.name.rsplit("-", 1)[-1], reverse=True)


def prune_backups(backup_dir: Path, label: str, keep: int = KEEP_BACKUPS) -> None:
    for old in backups(backup_dir, label)[keep:]:
        old.unlink()
