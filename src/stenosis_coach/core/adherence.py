"""Adherence without blame (DESIGN 5.7, a contract): sessions planned against sessions done.

Read from the same inputs as what is due (:class:`core.due.DueInputs`) and with its rules:
the plan in force and the active routines are :func:`core.due.in_force`'s, a routine
session is done by :func:`core.due.run_is_done`, the programme starts on
:func:`core.due.programme_start`'s day. Only what happened up to the moment counts.

- **The last 14 days** (``status --json`` ``adherence.last_14_days``, page 1 of the report):
  today and the 13 days before. planned = 2 x (walks_per_week + the active routines'
  per_week), as in force at the moment; done = walks started plus sessions of the active
  routines that reached their end. Reading of "a week with nothing planned is not a miss":
  the 14 days are two spans of 7; a span that ended before the programme started plans
  nothing (a fresh install, or a plan imported 3 days ago, is not asked for 14 days).
- **Per calendar week** (Monday to Sunday, Progress): the plan and routines in force at the
  week's end (or at the moment, for the week in progress); a week that ended before the
  programme started plans nothing. done as above, with the routines active at the week's
  end.

Words say counts, never a judgement of the person: each kind on its own, with no total
(extra walks must not hide routine sessions not done), and a programme that started within
the 14 days counted from its start in the words (:meth:`Adherence.sentence`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from stenosis_coach.core.due import (
    ActiveRoutine,
    DueInputs,
    RoutineRun,
    in_force,
    programme_start,
    run_is_done,
)
from stenosis_coach.i18n import _, ngettext

WEEK = 7
SPAN_DAYS = 14  # DESIGN 5.7: today and the 13 days before


@dataclass(frozen=True)
class Adherence:
    """Sessions planned and done over the local days ``first`` to ``last`` (both in)."""

    first: date
    last: date
    walks_planned: int
    walks_done: int
    routines_planned: int
    routines_done: int
    # For the words only: the programme's first day, and the sessions a week in force.
    programme_start: date | None = None
    walks_per_week: int = 0
    routines_per_week: int = 0

    @property
    def planned(self) -> int:
        return self.walks_planned + self.routines_planned

    @property
    def done(self) -> int:
        return self.walks_done + self.routines_done

    def to_json(self) -> dict[str, Any]:
        """DESIGN 4.1: ``{planned, done}``."""
        return {"planned": self.planned, "done": self.done}

    def sentence(self) -> str:
        """The one sentence status, the report and Today say (DESIGN 5.7: counts, never a
        judgement), each kind on its own so that one never hides the other (no total):
        "Last 14 days: 10 walks (8 planned) and 10 of 14 planned routine sessions.".
        More than planned is said as such ("10 walks (8 planned)", not "10 of 8"); a kind
        with nothing planned and nothing done is left out. A programme that started within
        the 14 days says so, and its words count what was planned from its start (a week's
        sessions spread over its days, rounded up, as what is due offers them each day):
        "Since the programme started 1 day ago: 0 of 2 planned walks and …". The contract's
        numbers (:meth:`to_json`) do not change."""
        if not self.planned and not self.done:
            return _("Last 14 days: nothing was planned yet.")
        start = self.programme_start
        if start is None or start <= self.first:
            return _("Last 14 days: {sessions}.").format(
                sessions=self._sessions(self.walks_planned, self.routines_planned)
            )
        days = (self.last - start).days + 1  # the programme's days so far, today included
        sessions = self._sessions(
            _spread(self.walks_per_week, days), _spread(self.routines_per_week, days)
        )
        if start == self.last:
            return _("Since the programme started today: {sessions}.").format(sessions=sessions)
        ago = days - 1
        return ngettext(
            "Since the programme started {days} day ago: {sessions}.",
            "Since the programme started {days} days ago: {sessions}.",
            ago,
        ).format(days=ago, sessions=sessions)

    def _sessions(self, walks_planned: int, routines_planned: int) -> str:
        return sessions_text(self.walks_done, walks_planned, self.routines_done, routines_planned)


def sessions_text(
    walks_done: int, walks_planned: int, routines_done: int, routines_planned: int
) -> str:
    """Each kind on its own, never a total: "3 of 4 planned walks and 2 of 7 planned
    routine sessions"; a kind with nothing planned and nothing done is left out ("": both).
    The counts of every adherence sentence (status, the report, Progress's weeks)."""
    parts = []
    if walks_planned or walks_done:
        parts.append(walks_text(walks_done, walks_planned))
    if routines_planned or routines_done:
        parts.append(routines_text(routines_done, routines_planned))
    if len(parts) < 2:
        return "".join(parts)
    # Translators: two counts side by side: walks, then routine sessions.
    return _("{walks} and {routines}").format(walks=parts[0], routines=parts[1])


def _spread(per_week: int, days: int) -> int:
    """A week's ``per_week`` sessions over the programme's first ``days`` days, rounded up."""
    return -(-per_week * days // WEEK)


def walks_text(done: int, planned: int) -> str:
    """Walks done against planned, as every adherence sentence says them (status, the
    report, Progress's weeks): "3 of 4 planned walks", "6 walks (4 planned)" (never "6 of
    4"), "2 walks" when nothing was planned."""
    if not planned:
        return ngettext("{n} walk", "{n} walks", done).format(n=done)
    if done > planned:  # more than planned: never "10 of 8"
        return ngettext(
            "{done} walk ({planned} planned)", "{done} walks ({planned} planned)", done
        ).format(done=done, planned=planned)
    return ngettext(
        "{done} of {planned} planned walk", "{done} of {planned} planned walks", planned
    ).format(done=done, planned=planned)


def routines_text(done: int, planned: int) -> str:
    """Routine sessions done against planned: "5 of 7 planned routine sessions", "8
    routine sessions (7 planned)", "2 routine sessions" when nothing was planned."""
    if not planned:
        return ngettext("{n} routine session", "{n} routine sessions", done).format(n=done)
    if done > planned:
        return ngettext(
            "{done} routine session ({planned} planned)",
            "{done} routine sessions ({planned} planned)",
            done,
        ).format(done=done, planned=planned)
    return ngettext(
        "{done} of {planned} planned routine session",
        "{done} of {planned} planned routine sessions",
        planned,
    ).format(done=done, planned=planned)


class _Done:
    """Walks and routine sessions per local day, up to the moment (each read once)."""

    def __init__(self, inputs: DueInputs, at: datetime, tz: tzinfo) -> None:
        self.walks: dict[date, int] = defaultdict(int)
        for w in inputs.walks:
            if w.start <= at:
                self.walks[w.start.astimezone(tz).date()] += 1
        self.runs: dict[date, list[RoutineRun]] = defaultdict(list)
        for r in inputs.routine_runs:
            if r.started_at <= at:
                self.runs[r.started_at.astimezone(tz).date()].append(r)

    def walks_between(self, first: date, last: date) -> int:
        return sum(self.walks.get(day, 0) for day in _days(first, last))

    def routines_between(self, active: Sequence[ActiveRoutine], first: date, last: date) -> int:
        """Sessions of the ``active`` routines that reached their end (DESIGN 5.7)."""
        lengths = {r.id: r.length_s for r in active}
        return sum(
            1
            for day in _days(first, last)
            for r in self.runs.get(day, ())
            if r.routine_id in lengths and run_is_done(r, lengths[r.routine_id])
        )


def _days(first: date, last: date) -> Iterable[date]:
    return (first + timedelta(days=n) for n in range((last - first).days + 1))


def last_14_days(inputs: DueInputs, at: datetime, tz: tzinfo) -> Adherence:
    """DESIGN 5.7's ``adherence.last_14_days`` at ``at`` (aware), in local time ``tz``."""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    today = at.astimezone(tz).date()
    first = today - timedelta(days=SPAN_DAYS - 1)
    start = programme_start(inputs, at, tz)
    _plan, walks_week, active = in_force(inputs, at)
    routines_week = sum(r.per_week for r in active)
    # Two spans of 7 days; one that ended before the programme started plans nothing.
    spans = sum(
        1
        for span_last in (first + timedelta(days=WEEK - 1), today)
        if start is not None and start <= span_last
    )
    done = _Done(inputs, at, tz)
    return Adherence(
        first,
        today,
        spans * walks_week,
        done.walks_between(first, today),
        spans * routines_week,
        done.routines_between(active, first, today),
        start,
        walks_week,
        routines_week,
    )


def _week_end(monday: date, tz: tzinfo) -> datetime:
    """The last moment of ``monday``'s week, local (just before the next Monday 00:00)."""
    return datetime.combine(monday + timedelta(days=WEEK), time(0), tz) - timedelta(microseconds=1)


def weekly(
    inputs: DueInputs, mondays: Iterable[date], at: datetime, tz: tzinfo
) -> tuple[Adherence, ...]:
    """Planned and done per calendar week (the Mondays given), as known at ``at``. A week
    after ``at``'s plans and counts nothing."""
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    today = at.astimezone(tz).date()
    start = programme_start(inputs, at, tz)
    done = _Done(inputs, at, tz)
    found = []
    for monday in mondays:
        sunday = monday + timedelta(days=WEEK - 1)
        end = min(at, _week_end(monday, tz))
        begun = start is not None and start <= min(sunday, today) and monday <= today
        _plan, walks_week, active = in_force(inputs, end)
        routines_week = sum(r.per_week for r in active)
        found.append(
            Adherence(
                monday,
                sunday,
                walks_week if begun else 0,
                done.walks_between(monday, sunday),
                routines_week if begun else 0,
                done.routines_between(active, monday, sunday) if monday <= today else 0,
            )
        )
    return tuple(found)


def mondays_between(first: date, last: date) -> Sequence[date]:
    """Every Monday from ``first``'s week to ``last``'s."""
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(days=WEEK)
    return weeks
