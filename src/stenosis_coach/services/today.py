"""Builds the Today page's model from what each capability says is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from fractions import Fraction

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.due import DueInputs
from stenosis_coach.core.progress.verdict import DailyDoses
from stenosis_coach.core.safety_state import safety_status
from stenosis_coach.core.sessions import EndReason, session_status
from stenosis_coach.core.today import TodayItem, TodayModel, compose_today, questionnaire_item
from stenosis_coach.core.trial import Trial, TrialReview, trial_of, trial_review
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import _
from stenosis_coach.services import daily, routines, safety, walks
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.services.due import due_for
from stenosis_coach.services.read_model import ReadModel
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository

# What else is due for the Today page (a later capability): each answers "what of mine is
# due now?", after the four below.
TodayProvider = Callable[[Database, datetime], list[TodayItem]]
_providers: list[TodayProvider] = []


def add_today_provider(provider: TodayProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def build_today(db: Database, now: datetime, tz: tzinfo = LOCAL) -> TodayModel:
    """``now`` is aware; the page speaks in local time ``tz``; read from ``db`` now."""
    return today_of(ReadModel(db), now, tz)


def today_of(model: ReadModel, now: datetime, tz: tzinfo = LOCAL) -> TodayModel:
    """The Today page at ``now`` from the read model. Safety, routines, walks and the daily
    log read what is due from the one answer (DESIGN 5.7), shared with ``status``."""
    return model.memo(("today", now, tz), lambda: _today(model, now, tz))


def _today(model: ReadModel, now: datetime, tz: tzinfo) -> TodayModel:
    db = model.database
    local = now.astimezone(tz)
    due = due_for(model, now, tz)
    items: list[TodayItem] = [
        *safety.today_items(db, now, due, tz, safety_status(model.checks, model.clearances, now)),
        *routines.today_items(db, now, due, tz),
        *walks.today_items(db, now, tz, due),
        *daily.today_items(db, now, tz, due),
        *([questionnaire_item()] if due.questionnaire else []),
    ]
    for provider in _providers:
        items.extend(provider(db, now))
    trial, review = trial_now(model, now, tz)
    hidden = (  # "Done, hide this": Today offers to show it again
        review is None and trial is not None and trial.done and trial_review_hidden(db, trial.start)
    )
    return compose_today(
        local,
        items,
        last_result(db, tz, model.walks),
        trial_line=trial.week_line() if trial is not None else "",
        review=review,
        review_hidden=hidden,
    )


# -- the 12-week trial (issue 16) -------------------------------------------------------------
# app_state: the start (ISO date) of the trial whose review the patient hid ("Done, hide
# this"); a new plan starts a new trial, whose review comes in its turn.
TRIAL_REVIEW_HIDDEN = "trial_review_hidden"


def trial_now(
    model: ReadModel, now: datetime, tz: tzinfo = LOCAL
) -> tuple[Trial | None, TrialReview | None]:
    """The trial at ``now`` and, once its 12 weeks are done and unless hidden, its review
    (Today and the report say the same)."""

    def compute() -> tuple[Trial | None, TrialReview | None]:
        parts = model.plan_parts
        sessions = model.routine_sessions
        inputs = DueInputs(
            walks=model.walks,
            walking_plans=list(parts.walking),
            routine_plans=list(parts.routines),
            first_routine_at=sessions[0].started_at if sessions else None,
        )
        trial = trial_of(inputs, now, tz)
        if trial is None or not trial.done or trial_review_hidden(model.database, trial.start):
            return trial, None
        doses = [DailyDoses(log.day, log.doses) for log in model.logs]
        return trial, trial_review(trial, model.walks, doses, model.questionnaires, tz)

    # Once per day in a generation: nothing in it depends on the hour.
    return model.memo(("trial", now.astimezone(tz).date(), tz), compute)


def trial_review_hidden(db: Database, start: date) -> bool:
    return SafetyRepository(db).get_state(TRIAL_REVIEW_HIDDEN) == start.isoformat()


def hide_trial_review(db: Database, start: date) -> Changes:
    """ "Done, hide this": the review of the trial that started on ``start`` is not shown
    again (remembered in the data, so across restarts)."""
    SafetyRepository(db).set_state(TRIAL_REVIEW_HIDDEN, start.isoformat())
    return Changes.of(Change.PLANS)


def show_trial_review(db: Database) -> Changes:
    """Undo "Done, hide this": Today shows the review again."""
    SafetyRepository(db).set_state(TRIAL_REVIEW_HIDDEN, "")
    return Changes.of(Change.PLANS)


def last_result(db: Database, tz: tzinfo = LOCAL, walks: list[Walk] | None = None) -> str | None:
    """One line about the most recent session of any kind, e.g. "Last time: ...": a routine
    or a walk with the coach (never one whose walk the patient deleted), or a walk logged by
    hand (or imported), whichever started last. A walk is named with its walking time, rests
    and pauses left out: the time its summary and the walk list show (DESIGN 5.1), not how
    long the session lasted. ``walks``: the live walks, oldest first (read when not given);
    a walk logged by hand is said in ``tz``."""
    repo = SessionRepository(db)
    found = repo.last_finished()
    session = repo.get(found.session_id) if found is not None else None
    if walks is None:
        walks = WalkRepository(db).walks()
    newest = max(walks, key=lambda walk: walk.start, default=None)
    if newest is not None and (session is None or newest.start > session.started_at):
        # A walk with no session (logged by hand) started after the last session.
        return _("Last time ({day}): {title}, {minutes}.").format(
            day=day_text(newest.start.astimezone(tz)),
            title=_("Walking test") if newest.kind is WalkKind.TEST else _("Training walk"),
            minutes=minutes_text(newest.total_walk_s),
        )
    if found is None or session is None:
        return None
    when = day_text(session.local_start)
    title = session.title
    seconds: float | Fraction = session.elapsed_s
    walk_kind, walked = found.walk_kind, found.walk_total_s
    if walked is not None:  # the walk as kept (a test cut short is kept as a walk)
        title = _("Walking test") if walk_kind == WalkKind.TEST else _("Training walk")
        seconds = walked
    status = session.end_reason
    if status is EndReason.INTERRUPTED:  # its steps may have ended first (core.sessions)
        status = session_status(status, repo.events(session.id))
    if session.kind == "routine" and status in (EndReason.STOPPED, EndReason.INTERRUPTED):
        said = _("Last time ({day}): {title}, {minutes}, stopped before the end.")
    else:
        said = _("Last time ({day}): {title}, {minutes}.")
    return said.format(day=when, title=title, minutes=minutes_text(seconds))
