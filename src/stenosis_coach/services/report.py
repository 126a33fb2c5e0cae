"""The appointment report's content, from everything recorded (issue 7)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.exercises.summary import RoutineSummary
from stenosis_coach.core.report.model import Report, ReportInput, build_report
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import _
from stenosis_coach.services import routines
from stenosis_coach.services.status import Records, build_status, load_records, walk_headline
from stenosis_coach.storage.database import Database


def programme_start(
    records: Records, sessions: list[RoutineSummary], today: date, tz: tzinfo
) -> date:
    """The first day anything was recorded (the default range starts there)."""
    days = [w.start.astimezone(tz).date() for w in records.walks[:1]]
    days += [log.day for log in records.logs[:1]]
    days += [s.session.local_start.date() for s in sessions[-1:]]
    days += [c.started_at.astimezone(tz).date() for c in records.checks[:1]]
    return min(days, default=today)


def parse_day(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            _("{option}: '{text}' is not a date like 2026-05-04.").format(option=what, text=text)
        ) from None


def report_for(
    db: Database,
    now: datetime,
    first: date | None = None,
    last: date | None = None,
    patient: str | None = None,
    tz: tzinfo = LOCAL,
) -> Report:
    """The report for ``[first, last]`` (default: the whole programme, up to today)."""
    today = now.astimezone(tz).date()
    records = load_records(db)
    sessions = routines.history(db, limit=10**9)
    first = first or programme_start(records, sessions, today, tz)
    last = last or today
    if first > last:
        raise InvalidInput(
            _("The range is reversed: {first} is after {last}.").format(
                first=first.isoformat(), last=last.isoformat()
            )
        )
    if first > today + timedelta(days=1):
        raise InvalidInput(_("{day} is in the future.").format(day=first.isoformat()))
    status = build_status(db, now, tz, records)
    return build_report(
        ReportInput(
            patient=(patient or "").strip() or None,
            first=first,
            last=last,
            today=today,
            tz=tz,
            walks=records.walks,
            logs=records.logs,
            treatments=records.treatments,
            checks=records.checks,
            routines=sessions,
            clearances=records.clearances,
            next_walk_text=next_walk_text(status.next_walk),
            generated_at=now,
        )
    )


def next_walk_text(rx: Prescription) -> str:
    """The current prescription in one sentence (the report's page 1 has no room for why)."""
    return walk_headline(rx)
