"""Schema identity: which file is ours, which version it is, and whether it is healthy.

``PRAGMA application_id`` marks a file as a Stenosis Coach database; ``PRAGMA user_version``
mirrors the Alembic revision number so that a normal start checks the version with one
cheap read, without importing Alembic. Each migration sets ``user_version`` to its number.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from stenosis_coach.errors import FULL, NOT_ALLOWED, READ_ONLY, problem_kind

APPLICATION_ID = 0x53434F41  # "SCOA"
SCHEMA_VERSION = 6  # = the number of the newest migration in migrations/versions
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Inspection:
    """What a look at a file found. ``check`` is ``"ok"`` or SQLite's first complaint."""

    is_sqlite: bool
    application_id: int = 0
    user_version: int = 0
    check: str = "not a database"

    @property
    def is_ours(self) -> bool:
        return self.is_sqlite and self.application_id == APPLICATION_ID

    @property
    def healthy(self) -> bool:
        return self.check == "ok"


def has_sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def inspect_database(path: Path, *, read_only: bool = True) -> Inspection:
    """Identity and ``PRAGMA quick_check`` of an existing file, read through SQLite.

    Read through SQLite rather than from the raw header so that changes still in the
    write-ahead log (after a crash) count. ``read_only`` opens with ``mode=ro`` (files
    offered for restore); the app's own DB is opened read-write so that SQLite may
    recover its WAL.
    """
    if not has_sqlite_header(path):
        return Inspection(is_sqlite=False)
    mode = "ro" if read_only else "rw"
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode={mode}", uri=True)
        conn.text_factory = _lenient_text  # a damaged file's complaint may quote bad bytes
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # (A wrecked schema can make SQLite's own complaint undecodable.)
        if problem_kind(exc, path) in (FULL, READ_ONLY, NOT_ALLOWED):
            raise  # the disk, not the file: the caller says so (never "damaged")
        return Inspection(is_sqlite=True, check=str(exc) or "unreadable")
    first = str(rows[0][0]) if rows else "no answer from quick_check"
    check = "ok" if first == "ok" and len(rows) == 1 else first
    return Inspection(True, application_id, user_version, check)
