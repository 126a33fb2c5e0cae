"""``import --from DIR``: a folder written by ``export`` taken back into an empty data dir
(DESIGN 4.4), all or nothing.

The folder is read and checked whole (core.datafolder) before anything is written; the
history then goes in in one transaction (storage.history_repo), so a refusal or a failure
leaves the data as empty as it was.

Readings decided here:

* The folder's tables are its ``.csv`` files: anything else (a note, a PDF report, a
  subfolder, the computer's own files like ``.DS_Store``) holds no table and is passed
  over. A ``.csv`` file this version does not know refuses the folder (core.datafolder).
* A file larger than :data:`MAX_FILE_BYTES` is refused (a history of decades is far less).
* The routine the patient does (Today's routine, what is due: a setting, not in the
  folder) is the one of the latest routine session, when there is one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from stenosis_coach.core.datafolder import (
    DataFolder,
    FolderError,
    FolderProblem,
    counted_text,
    parse_folder,
)
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import _
from stenosis_coach.services.exercises import MY_ROUTINE
from stenosis_coach.services.read_model import ROUTINE_SESSION
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.history_repo import History, HistoryRepository

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 512 * 1024 * 1024
# What the import's sentence counts, in its order (DataFolder.counts' keys).
_COUNTED = (
    "walks",
    "sessions",
    "events",
    "logs",
    "treatments",
    "checks",
    "answers",
    "clearances",
    "questionnaires",
)


@dataclass(frozen=True)
class FolderImport:
    folder: Path
    counts: dict[str, int]  # walks, sessions, events, logs, treatments, checks, answers, ...

    def sentence(self) -> str:
        """``Imported 12 walks, 3 sessions, … from /path.``"""
        parts = [counted_text(kind, self.counts.get(kind, 0)) for kind in _COUNTED]
        return _("Imported {counts} from {folder}.").format(
            counts=", ".join(parts), folder=self.folder
        )


def read_folder(folder: Path) -> dict[str, bytes]:
    """The folder's files (name -> bytes), or :class:`InvalidInput` naming what is wrong."""
    place = Path(folder).expanduser().absolute()
    if not place.exists():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=place))
    if not place.is_dir():
        raise InvalidInput(
            _("{place} is a file, not a folder; give the folder the export wrote.").format(
                place=place
            )
        )
    files: dict[str, bytes] = {}
    problems: list[FolderProblem] = []
    try:
        entries = sorted(place.iterdir())
        for entry in entries:
            if entry.name.startswith(".") or entry.suffix.lower() != ".csv":
                continue
            if not entry.is_file():
                problems.append(
                    FolderProblem(entry.name, None, None, _("this is not a file; remove it"))
                )
            elif entry.stat().st_size > MAX_FILE_BYTES:
                problems.append(FolderProblem(entry.name, None, None, _("this file is too big")))
            else:
                files[entry.name] = entry.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            _("The folder {folder} cannot be read ({reason}).").format(
                folder=place, reason=(exc.strerror or str(exc)).lower()
            )
        ) from exc
    if problems:
        raise InvalidInput(str(FolderError(problems)))
    return files


def import_folder(db: Database, folder: Path, now: datetime, tz: tzinfo) -> FolderImport:
    """Take the folder ``folder`` into the empty ``db``: all or nothing."""
    repo = HistoryRepository(db)
    if repo.has_data():
        raise InvalidInput(
            _(
                "{folder} already holds recorded data; a data folder is only imported into an "
                "empty data folder. Use --data-dir with a new folder."
            ).format(folder=db.paths.data_dir)
        )
    files = read_folder(folder)
    try:
        found = parse_folder(files, tz)
    except FolderError as exc:
        raise InvalidInput(str(exc)) from None
    repo.add(_history(found), now)
    counts = found.counts()
    log.info("imported %s from %s", counts, folder)
    return FolderImport(Path(folder).expanduser().absolute(), counts)


def last_routine(found: DataFolder) -> str | None:
    """The routine of the latest routine session (its started event's ``routine``)."""
    routines: dict[int, str] = {}
    for sid, event in found.events:
        routine = event.data.get("routine")
        if event.kind == "started" and isinstance(routine, str) and routine:
            routines.setdefault(sid, routine)
    done = [s for s in found.sessions if s.kind == ROUTINE_SESSION and s.id in routines]
    if not done:
        return None
    return routines[max(done, key=lambda s: (s.started_at, s.id)).id]


def _history(found: DataFolder) -> History:
    routine = last_routine(found)
    return History(
        state={MY_ROUTINE: routine} if routine else {},
        sessions=found.sessions,
        events=found.events,
        walks=found.walks,
        checks=found.checks,
        clearances=found.clearances,
        logs=found.logs,
        treatments=found.treatments,
        log_times=found.log_times,
        answer_times=found.answer_times,
        clearance_offsets=found.clearance_offsets,
        since_treatment={day: answer.value for day, answer in found.since_treatment.items()},
        questionnaires=found.questionnaires,
    )
