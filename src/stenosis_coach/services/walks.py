"""Walks as the user handles them: import a diary, list, correct, delete and undo."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.walking.diary import DiaryError, diary_key, parse_diary_bytes
from stenosis_coach.core.walking.logged import WalkForm, walk_from_form
from stenosis_coach.core.walking.model import StoredWalk, Walk
from stenosis_coach.errors import InvalidInput
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.walks_repo import WalkRepository

log = logging.getLogger(__name__)

MAX_DIARY_BYTES = 1_000_000  # a diary of ten years of daily walks is ~200 kB


@dataclass(frozen=True)
class DiaryImport:
    source: Path
    rows: int
    added: int

    @property
    def already_there(self) -> int:
        return self.rows - self.added

    def sentence(self) -> str:
        walks = "walk" if self.added == 1 else "walks"
        text = f"Imported {self.added} {walks} from {self.source.name}"
        if self.already_there:
            text += f" ({self.already_there} already there, not added again)"
        return text + "."


def import_diary(db: Database, path: Path, now: datetime, tz: tzinfo = LOCAL) -> DiaryImport:
    """All or nothing (DESIGN 4.3): any bad row rejects the whole file, naming each problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_DIARY_BYTES:
            raise InvalidInput(
                f"{path}: the file is {size:,} bytes; a walk diary is at most {MAX_DIARY_BYTES:,}."
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InvalidInput(f"{path}: no such file.") from exc
    except IsADirectoryError as exc:
        raise InvalidInput(f"{path}: is a folder, not a diary file.") from exc
    except OSError as exc:
        raise InvalidInput(f"{path}: could not be read ({exc.strerror}).") from exc
    try:
        walks = parse_diary_bytes(data, source=str(path), today=now.astimezone(tz).date(), tz=tz)
    except DiaryError as exc:
        raise InvalidInput(str(exc)) from exc
    added = WalkRepository(db).add_imported(walks, str(path.name), key=partial(diary_key, tz=tz))
    log.info("imported %d of %d diary walks from %s", len(added), len(walks), path)
    return DiaryImport(source=path, rows=len(walks), added=len(added))


# -- walks logged, corrected and deleted by hand ------------------------------------------
def log_walk(db: Database, form: WalkForm, now: datetime, tz: tzinfo = LOCAL) -> StoredWalk:
    """Save a walk done elsewhere; raises :class:`FormProblems` and saves nothing if a
    value is bad."""
    walk = walk_from_form(form, now, tz)
    walk_id = WalkRepository(db).add_recorded(walk, session_id=None)
    log.info("logged a %s walk of %s s", walk.kind, walk.total_walk_s)
    return StoredWalk(walk_id, walk)


def correct_walk(db: Database, walk_id: int, form: WalkForm, now: datetime,
                 tz: tzinfo = LOCAL) -> Walk:
    """Fix a mistyped walk; the prescription is recomputed from the corrected history."""
    repo = WalkRepository(db)
    original = next((s.walk for s in repo.all() if s.id == walk_id), None)
    if original is None:
        raise InvalidInput("That walk is no longer in your history.")
    walk = walk_from_form(form, now, tz, original=original)
    repo.replace(walk_id, walk)
    return walk


def delete_walk(db: Database, walk_id: int, now: datetime) -> None:
    """Remove a walk from the history; :func:`undo_delete` brings it back."""
    WalkRepository(db).set_deleted(walk_id, now)


def undo_delete(db: Database, walk_id: int) -> None:
    WalkRepository(db).set_deleted(walk_id, None)


def history(db: Database) -> list[StoredWalk]:
    """Every walk, newest first."""
    return list(reversed(WalkRepository(db).all()))
