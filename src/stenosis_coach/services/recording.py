"""Recording a session as it happens, and offering back one whose app died (DESIGN 3).

Every event is committed when it happens; while the session runs, :meth:`SessionRecorder.
heartbeat` is called once a second (the Qt shell does that from a timer), so a crash loses
at most the last second.

A full or read-only disk never loses a session (issue 13 item 5): the writes it refuses
wait in memory, in order and with their own times (:class:`PendingWrites`, one per open
database), each heartbeat tries them again, and they are written as soon as the disk takes
them. The session goes on meanwhile.
"""

from __future__ import annotations

import dataclasses
import logging
import weakref
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stenosis_coach.core.clock import Clock, utc_offset_minutes
from stenosis_coach.core.session_events import stored_data, stored_kind
from stenosis_coach.core.sessions import (
    EndReason,
    SessionEvent,
    SessionRecord,
    SessionState,
    session_status,
)
from stenosis_coach.errors import (
    FULL,
    NOT_ALLOWED,
    READ_ONLY,
    DiskFull,
    NotWritable,
    StorageProblem,
    UserError,
    problem_kind,
    storage_error,
)
from stenosis_coach.i18n import N_, _
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.engine import DRIVER_ERRORS
from stenosis_coach.storage.sessions_repo import SessionRepository

log = logging.getLogger(__name__)

# kind -> called with (db, session) after an interrupted session is saved, so that the
# capability that owns the kind (walks, routines) can write its own summary.
InterruptedHandler = Callable[[Database, SessionRecord], None]
_interrupted_handlers: dict[str, InterruptedHandler] = {}

# What a disk says when it takes no more for now: these writes wait and are tried again.
# Anything else (damage, a bug) is raised as it is, once.
WAIT_FOR_DISK = (FULL, READ_ONLY, NOT_ALLOWED)
# What a write raises when it fails: the app's sentence, the database's error, the OS's.
WRITE_ERRORS: tuple[type[Exception], ...] = (StorageProblem, *DRIVER_ERRORS, OSError)
DISK_ERRORS: tuple[type[Exception], ...] = (*DRIVER_ERRORS, OSError)  # no sentence yet
# Clauses ending a storage_error sentence ("…, so {action}"): translated where given.
NOT_SAVED_YET = N_("what you do is not saved yet")
CANNOT_START = N_("nothing can be recorded just now")
# Said once when another program deleted or replaced the data file's WAL (issue 13 item 9).
FILES_RESCUED = N_(
    "Another program removed a file the app was using. What you recorded is safe: "
    "the app saved it again. Carry on."
)  # shown as _(FILES_RESCUED)


def on_interrupted_saved(kind: str, handler: InterruptedHandler) -> None:
    """Register what to do when an interrupted session of ``kind`` is saved."""
    _interrupted_handlers[kind] = handler


class PendingWrites:
    """Session writes the disk refused for now, kept in memory in the order they happened.

    :meth:`write` tries a write after those still waiting (never before them: the order on
    disk is the order of events). A full, read-only or forbidden disk keeps the write
    waiting and sets :attr:`problem` (one sentence saying what to do); :meth:`retry` tries
    them all again, in order, and clears :attr:`problem` once every one is written. Any
    other error is raised once and the write is dropped, so a bug never repeats every
    second.
    """

    def __init__(self, where: Path | None = None) -> None:
        self._writes: deque[Callable[[], None]] = deque()
        self._where = where
        self.problem: UserError | None = None
        # Called when writes start to wait (the shell then tries again every second), and
        # when all that waited is written (the shell then shows it).
        self.on_held: Callable[[], None] | None = None
        self.on_saved: Callable[[], None] | None = None

    @property
    def waiting(self) -> int:
        """How many writes wait for the disk."""
        return len(self._writes)

    @property
    def saved(self) -> bool:
        """Everything is written (nothing waits)."""
        return not self._writes

    def write(self, write: Callable[[], None]) -> bool:
        """Write now if the disk takes it, after whatever still waits; ``True`` when
        everything is written."""
        self._writes.append(write)
        return self.retry()

    def retry(self) -> bool:
        """Try every waiting write again, in order; ``True`` when none is left."""
        while self._writes:
            try:
                self._writes[0]()
            except WRITE_ERRORS as exc:
                if not _waits_for_disk(exc, self._where):
                    self._writes.popleft()
                    raise
                held_now = self.problem is None
                self.problem = _problem(exc, self._where)
                if held_now:
                    log.warning("session writes wait for the disk: %s", exc)
                    if self.on_held is not None:
                        self.on_held()
                return False
            except BaseException:
                self._writes.popleft()
                raise
            self._writes.popleft()
        if self.problem is not None:
            log.info("session writes saved again")
            self.problem = None
            if self.on_saved is not None:
                self.on_saved()
        return True


def _waits_for_disk(exc: BaseException, where: Path | None) -> bool:
    """A full, read-only or forbidden disk: raw (SQLite, OS) or as the app's own sentence
    (what :meth:`Database.session` raises)."""
    if isinstance(exc, DiskFull | NotWritable):
        return True
    if isinstance(exc, StorageProblem):
        return False  # damage, a newer file: never waited for
    return problem_kind(exc, where) in WAIT_FOR_DISK


def _problem(exc: BaseException, where: Path | None) -> UserError:
    if isinstance(exc, StorageProblem):
        return exc
    found = storage_error(exc, _(NOT_SAVED_YET), where)
    assert found is not None  # only called for a full, read-only or forbidden disk
    return found


_pending: weakref.WeakKeyDictionary[Database, PendingWrites] = weakref.WeakKeyDictionary()


def pending_writes(db: Database) -> PendingWrites:
    """The session writes waiting for the disk of ``db`` (one queue per open database, so
    a session finished on a full disk is still written when the next one starts)."""
    found = _pending.get(db)
    if found is None:
        found = _pending[db] = PendingWrites(db.paths.db_file)
    return found


class SessionRecorder:
    """Writes one session to the database, stamping events with engine time.

    Engine time (``t_s``) is monotonic seconds since :meth:`start`; stored times are UTC
    from the same injected clock. Once started, a session is never lost to a full or
    read-only disk: its writes wait in :func:`pending_writes` (see :class:`PendingWrites`)
    and the session goes on; :attr:`saving_problem` says why, until they are written.
    """

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._repo = SessionRepository(db)
        self._pending = pending_writes(db)
        self._clock = clock
        self._session_id: int | None = None
        self._mono_start = 0.0
        self._started: SessionRecord | None = None
        self.files_notice: str | None = None  # to tell the patient once, then taken

    @property
    def session_id(self) -> int | None:
        return self._session_id

    @property
    def active(self) -> bool:
        return self._session_id is not None

    @property
    def database(self) -> Database:
        """The open database this session is recorded in (and only that one)."""
        return self._db

    @property
    def saving_problem(self) -> UserError | None:
        """Why some of what was recorded waits in memory (a full or read-only disk), or
        ``None`` when everything is written."""
        return self._pending.problem

    def elapsed(self) -> float:
        return self._clock.monotonic() - self._mono_start

    def start(self, kind: str, title: str, **data: Any) -> int:
        """Start a session. Unlike later writes, this one must reach the disk (after
        anything still waiting): a session that nothing can be saved for does not start,
        and the full or read-only disk is raised as its sentence."""
        if self._session_id is not None:
            raise RuntimeError("a session is already being recorded")
        where = self._db.paths.db_file
        now = self._clock.now()
        self._mono_start = self._clock.monotonic()
        offset = utc_offset_minutes(now)
        try:
            if not self._pending.retry():
                assert self._pending.problem is not None
                raise self._pending.problem
            session_id = self._repo.start(kind, title, now, offset)
        except WRITE_ERRORS as exc:
            if not _waits_for_disk(exc, where):
                raise
            cause = exc.__cause__ if isinstance(exc, StorageProblem) and exc.__cause__ else exc
            said = storage_error(cause, _(CANNOT_START), where)
            if said is None:
                raise
            raise said from exc
        self._session_id = session_id
        self._started = SessionRecord(
            id=session_id,
            kind=kind,
            title=title,
            state=SessionState.RUNNING,
            started_at=now,
            utc_offset_min=offset,
            heartbeat_at=now,
            elapsed_s=0.0,
        )
        self._write_event(session_id, SessionEvent("started", 0.0, now, data))
        return session_id

    def event(self, kind: str, **data: Any) -> None:
        self._write_event(
            self._require(), SessionEvent(kind, self.elapsed(), self._clock.now(), data)
        )

    def record(self, event: Any) -> None:
        """Store an engine event (a frozen dataclass with ``t_s``) under the kind its class
        declares (``KIND``, e.g. ``"bout_started"``; never its class name), with its fields
        as data (core.session_events)."""
        self.event(stored_kind(event), t_engine=event.t_s, **stored_data(event))

    def heartbeat(self) -> None:
        """Once a second: write what waits for the disk, then move the heartbeat. While the
        disk refuses, no heartbeat is added to the waiting writes (each event carries its
        own time), so nothing piles up."""
        session_id = self._session_id
        self._keep_files()
        if not self._pending.retry() or session_id is None:
            return
        at, elapsed = self._clock.now(), self.elapsed()
        self._pending.write(lambda: self._repo.heartbeat(session_id, at, elapsed))

    def finish(
        self,
        reason: EndReason = EndReason.COMPLETED,
        with_it: Callable[[int], dict[str, Any]] | None = None,
        **data: Any,
    ) -> SessionRecord:
        """End the session. On a full disk it is kept in memory (see :func:`pending_writes`)
        and the record returned is the one that will be written.

        ``with_it(session_id)`` writes what the session's end brings (a walk's own row) and
        returns more data for the "finished" event (its id); it is written in its turn,
        and waits with the rest on a full disk (called until it succeeds, then never
        again)."""
        session_id = self._require()
        elapsed = self.elapsed()
        now = self._clock.now()
        brought: list[dict[str, Any]] = []

        def write_finished() -> None:
            if with_it is not None and not brought:
                brought.append(with_it(session_id))
            more = brought[0] if brought else {}
            finished = SessionEvent(
                "finished", elapsed, now, {"reason": reason.value, **data, **more}
            )
            self._repo.add_event(session_id, finished)

        self._pending.write(write_finished)
        finished: list[SessionRecord] = []
        self._pending.write(
            lambda: finished.append(self._repo.finish(session_id, now, reason, elapsed))
        )
        self._session_id = None
        if finished:
            return finished[0]
        assert self._started is not None
        return dataclasses.replace(
            self._started,
            state=SessionState.FINISHED,
            heartbeat_at=max(self._started.heartbeat_at, now),
            elapsed_s=elapsed,
            ended_at=now,
            end_reason=reason,
        )

    def take_files_notice(self) -> str | None:
        """What to tell the patient about the data file, once (``None``: nothing)."""
        notice, self.files_notice = self.files_notice, None
        return notice

    def _keep_files(self) -> None:
        """The WAL file deleted or replaced under the app: save what it held (a kill would
        lose it) and start a fresh one. A full disk here is tried again at the next beat."""
        db = self._db
        if not db.wal_replaced():
            return
        try:
            db.rescue_wal()
        except DISK_ERRORS as exc:
            if not _waits_for_disk(exc, db.paths.db_file):
                raise
            log.warning("the lost WAL could not be saved yet: %s", exc)
            return
        self.files_notice = _(FILES_RESCUED)

    def _write_event(self, session_id: int, event: SessionEvent) -> None:
        self._pending.write(lambda: self._repo.add_event(session_id, event))

    def _require(self) -> int:
        if self._session_id is None:
            raise RuntimeError("no session is being recorded")
        return self._session_id


def interrupted_sessions(db: Database) -> list[SessionRecord]:
    """Sessions left running by an app that died, each with the status it will be kept with
    as its ``end_reason`` (:func:`save_interrupted`), so the offer can say it.

    Call only while holding the instance lock: then no other window can be running them.
    """
    repo = SessionRepository(db)
    return [
        dataclasses.replace(s, end_reason=session_status(EndReason.INTERRUPTED, repo.events(s.id)))
        for s in repo.running()
    ]


def save_interrupted(db: Database, session_id: int) -> SessionRecord:
    """Keep an interrupted session, as ended at its last heartbeat."""
    repo = SessionRepository(db)
    session = repo.get(session_id)
    if session is None:
        raise LookupError(f"no session {session_id}")
    # Its own part may have ended before the app died (a routine's last step, a walk's end):
    # then it keeps that status (core.sessions.session_status), only what came after is missing.
    status = session_status(EndReason.INTERRUPTED, repo.events(session_id)) or EndReason.INTERRUPTED
    record = repo.finish(session_id, session.heartbeat_at, status, None)
    handler = _interrupted_handlers.get(record.kind)
    if handler is not None:
        handler(db, record)
    return record


def discard_interrupted(db: Database, session_id: int) -> None:
    """Forget an interrupted session and its events (the user chose "Discard")."""
    SessionRepository(db).delete(session_id)
