"""The appointment report's content, from everything recorded (issue 7)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.progress.verdict import DailyDoses
from stenosis_coach.core.report.model import Report, ReportInput, build_report
from stenosis_coach.core.routine_summary import RoutineSummary
from stenosis_coach.core.trial import trial_review
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import _
from stenosis_coach.services.read_model import ReadModel
from stenosis_coach.services.status import (
    Records,
    adherence_of,
    counted_rests,
    status_of,
    walk_headline,
)
from stenosis_coach.services.today import trial_now
from stenosis_coach.storage.database import Database


def programme_start(
    records: Records | ReadModel, sessions: list[RoutineSummary], today: date, tz: tzinfo
) -> date:
    """The first day anything was recorded (the default range starts there); ``sessions``
    in any order."""
    days = [w.start.astimezone(tz).date() for w in records.walks[:1]]
    days += [log.day for log in records.logs[:1]]
    first = min(sessions, key=lambda s: s.session.started_at, default=None)
    days += [first.session.local_start.date()] if first is not None else []
    days += [c.started_at.astimezone(tz).date() for c in records.checks[:1]]
    return min(days, default=today)


def first_day(model: ReadModel, today: date, tz: tzinfo) -> date:
    """:func:`programme_start` from the read model (no routine session's events read)."""
    days = [w.start.astimezone(tz).date() for w in model.walks[:1]]
    days += [log.day for log in model.logs[:1]]
    days += [s.local_start.date() for s in model.routine_sessions[:1]]
    days += [c.started_at.astimezone(tz).date() for c in model.checks[:1]]
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
    """The report for ``[first, last]`` (default: the whole programme, up to today), read
    from ``db`` now."""
    return report_of(ReadModel(db), now, first, last, patient, tz)


def report_of(
    model: ReadModel,
    now: datetime,
    first: date | None = None,
    last: date | None = None,
    patient: str | None = None,
    tz: tzinfo = LOCAL,
) -> Report:
    """The report for ``[first, last]`` from the read model."""
    today = now.astimezone(tz).date()
    first = first or first_day(model, today, tz)
    last = last or today
    if first > last:
        raise InvalidInput(
            _("The range is reversed: {first} is after {last}.").format(
                first=first.isoformat(), last=last.isoformat()
            )
        )
    if first > today + timedelta(days=1):
        raise InvalidInput(_("{day} is in the future.").format(day=first.isoformat()))
    status = status_of(model, now, tz)
    # The last 14 days and the trial as they stood at the range's end (now, for today).
    at = min(now, datetime.combine(last, datetime.max.time(), tz))
    return build_report(
        ReportInput(
            patient=(patient or "").strip() or None,
            first=first,
            last=last,
            today=today,
            tz=tz,
            walks=model.walks,
            logs=model.logs,
            treatments=model.treatments,
            checks=model.checks,
            routines=model.routine_history,
            clearances=model.clearances,
            next_walk_text=next_walk_text(status.next_walk),
            generated_at=now,
            # Issue 15: the questionnaires, relief answers and the rests more_rests counts.
            questionnaires=model.questionnaires,
            relief_answers=model.relief_answers,
            counted_rests=counted_rests(model, last, tz),
            adherence_line=adherence_of(model, at, tz).sentence(),
            trial_lines=trial_lines(model, at, first, tz),
        )
    )


def trial_lines(model: ReadModel, at: datetime, first: date, tz: tzinfo) -> tuple[str, ...]:
    """The 12-week trial on page 1 (issue 16): the week line, said neutrally; once done,
    also what changed since the trial's start, when the range does not start with it (else
    the verdict on the page says it already). Shown even when hidden on Today: the report is
    for the clinician."""
    trial = trial_now(model, at, tz)[0]
    if trial is None:
        return ()
    lines = [trial.report_line()]  # the clinician reads it: neutral, never "your"
    if trial.done and trial.start != first:
        doses = [DailyDoses(log.day, log.doses) for log in model.logs]
        review = trial_review(trial, model.walks, doses, model.questionnaires, tz)
        lines.append(review.report_line())
    return tuple(lines)


def next_walk_text(rx: Prescription) -> str:
    """The current prescription in one sentence (the report's page 1 has no room for why)."""
    return walk_headline(rx)
