"""Fill an empty data dir with a realistic demo history (issue 6: ``demo``).

Everything goes in with bulk inserts in one transaction: ten years take a few seconds,
and a failure leaves the database as empty as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from stenosis_coach.core.clock import LOCAL, utc_offset_minutes
from stenosis_coach.core.demo import DemoHistory, generate
from stenosis_coach.core.exercises.library import builtin_routines
from stenosis_coach.core.safety import decide
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord
from stenosis_coach.core.sessions import (
    EndReason,
    SessionEvent,
    SessionRecord,
    SessionState,
    walk_status,
)
from stenosis_coach.core.walking.model import LinkedWalk
from stenosis_coach.core.words import and_text
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.services.walk_sessions import stored_title
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.history_repo import History, HistoryRepository

DIARY_SOURCE = "demo-walk-diary.csv"


@dataclass(frozen=True)
class DemoSummary:
    weeks: int
    walks: int
    routines: int
    logs: int
    checks: int
    questionnaires: int = 0  # the ZCQ and My activities, each one questionnaire (DESIGN 4.4)

    def sentence(self) -> str:
        """What ``demo`` added, each count as its own word (a count of none is left out)."""
        counted = [
            ngettext("{n} walk", "{n} walks", self.walks).format(n=self.walks),
            ngettext("{n} routine session", "{n} routine sessions", self.routines).format(
                n=self.routines
            ),
            ngettext("{n} daily log", "{n} daily logs", self.logs).format(n=self.logs),
            ngettext("{n} safety check", "{n} safety checks", self.checks).format(n=self.checks),
            ngettext("{n} questionnaire", "{n} questionnaires", self.questionnaires).format(
                n=self.questionnaires
            ),
        ]
        counts = (self.walks, self.routines, self.logs, self.checks, self.questionnaires)
        # Translators: what the demo command added: "Added a 12-week demo history: 52 walks,
        # 64 routine sessions, 70 daily logs, 13 safety checks and 6 questionnaires."
        return _("Added a {weeks}-week demo history: {counts}.").format(
            weeks=self.weeks,
            counts=and_text([words for words, n in zip(counted, counts, strict=True) if n]),
        )


def has_data(db: Database) -> bool:
    return HistoryRepository(db).has_data()


def fill_demo(
    db: Database, weeks: int, seed: int, now: datetime, tz: tzinfo = LOCAL
) -> DemoSummary:
    if not 4 <= weeks <= 1040:
        raise InvalidInput(_("--weeks must be from 4 to 1040, not {weeks}.").format(weeks=weeks))
    if has_data(db):
        raise InvalidInput(
            _(
                "{folder} already holds recorded data; the demo only fills an empty data "
                "folder. Use --data-dir with a new folder."
            ).format(folder=db.paths.data_dir)
        )
    # End yesterday, so that no demo walk lies later than now.
    history = generate(weeks, seed, now.astimezone(tz).date() - timedelta(days=1), tz)
    HistoryRepository(db).add(_history(history, now), now)
    return DemoSummary(
        weeks,
        len(history.walks),
        len(history.routine_sessions),
        len(history.logs),
        len(history.checks),
        len(history.questionnaires),
    )


def _session(
    sid: int, kind: str, title: str, start: datetime, elapsed: float, reason: EndReason
) -> SessionRecord:
    end = start + timedelta(seconds=elapsed)
    return SessionRecord(
        id=sid,
        kind=kind,
        title=title,
        state=SessionState.FINISHED,
        started_at=start,
        utc_offset_min=utc_offset_minutes(start),
        heartbeat_at=end,
        elapsed_s=float(elapsed),
        ended_at=end,
        end_reason=reason,
    )


def _event(sid: int, kind: str, t: float, at: datetime, **data: Any) -> tuple[int, SessionEvent]:
    return (sid, SessionEvent(kind, t, at, data))


def _history(history: DemoHistory, now: datetime) -> History:
    """The demo's history as the rows to store (sessions numbered from 1, in order)."""
    found = History(state={"welcome_seen": now.isoformat(), "my_routine": "flexion-basics"})
    sessions, events, walks = found.sessions, found.events, found.walks
    sid = 0
    seq = 0
    for walk in history.walks:
        if walk.imported:
            seq += 1
            walks.append(LinkedWalk(walk, import_seq=seq, source=DIARY_SOURCE))
        else:
            sid += 1
            title = stored_title(walk.kind)  # as a walk recorded in the app
            sessions.append(
                _session(
                    sid,
                    "walk",
                    title,
                    walk.start,
                    float(walk.total_walk_s),
                    walk_status(walk.ended_by),  # the walk and its session agree
                )
            )
            events.append(_event(sid, "started", 0.0, walk.start, walk_kind=walk.kind.value))
            walks.append(LinkedWalk(walk, session_id=sid))
    names = {r.id: r.name for r in builtin_routines().values()}
    for r in history.routine_sessions:
        sid += 1
        reason = EndReason.COMPLETED if r.completed else EndReason.STOPPED
        sessions.append(
            _session(
                sid, "routine", names.get(r.routine_id, r.routine_id), r.start, r.elapsed_s, reason
            )
        )
        end = r.start + timedelta(seconds=r.elapsed_s)
        events.append(
            _event(sid, "started", 0.0, r.start, routine=r.routine_id, chair_versions=False)
        )
        events.append(
            _event(sid, "ratings_before", 0.0, r.start, leg=r.leg_before, back=r.back_before)
        )
        events.extend(
            _event(sid, "step_done", 0.0, r.start, step=i, exercise="") for i in range(r.steps_done)
        )
        events.extend(
            _event(sid, "step_skipped", 0.0, r.start, step=i, exercise="")
            for i in range(r.steps_skipped)
        )
        events.append(_event(sid, "session_finished", float(r.elapsed_s), end, reason=reason.value))
        events.append(
            _event(
                sid, "ratings_after", float(r.elapsed_s), end, leg=r.leg_after, back=r.back_after
            )
        )
    found.checks.extend(
        CheckRecord(
            id=index,
            trigger=check.trigger,
            started_at=check.at,
            utc_offset_min=utc_offset_minutes(check.at),
            completed_at=check.at,
            level=decide(check.answers),
            answers=dict(check.answers),
        )
        for index, check in enumerate(history.checks, start=1)
    )
    found.clearances.extend(
        ClearanceRecord(index, c.at, c.reason, c.check_index + 1)
        for index, c in enumerate(history.clearances, start=1)
    )
    found.logs.extend(history.logs)
    found.treatments.extend(history.treatments)
    # Issue 15: the questionnaires (My activities as their ratings imply them) and the
    # daily relief answers after the epidural.
    found.questionnaires.extend(history.questionnaires)
    found.since_treatment = {day: answer.value for day, answer in history.since_treatment.items()}
    return found
