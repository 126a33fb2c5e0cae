"""SQLAlchemy engine for ``coach.db``: WAL, foreign keys on, full fsync on commit."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from stenosis_coach.paths import FILE_MODE, make_private_file

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=5000",
)

# What the database raises when a read or write fails: SQLite's own errors, and the same
# wrapped by SQLAlchemy. Services catch these (a full disk, a file gone) without SQL imports.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, DBAPIError)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, before SQLite does (SQLite then
    gives its -wal and -shm files the same permissions)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    make_private_file(path)


def make_engine(db_file: Path) -> Engine:
    if not db_file.exists():
        create_private_file(db_file)
    engine = create_engine(f"sqlite:///{db_file}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        try:
            for pragma in PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    return engine
