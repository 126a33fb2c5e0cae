"""Everything the progress page shows (issue 6), computed once per change of its records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import cached_property
from typing import TypeVar

from stenosis_coach.core.adherence import routines_text, sessions_text, walks_text
from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.daily import TREATMENT_WORDS, TreatmentEvent
from stenosis_coach.core.progress import series as s
from stenosis_coach.core.progress.outcomes import (
    ActivityRatings,
    ZcqSeries,
    activity_line,
    activity_ratings,
    psfs_line,
    zcq_lines,
    zcq_series,
    zcq_source,
)
from stenosis_coach.core.progress.signs import Sign
from stenosis_coach.core.progress.verdict import Verdict, treatment_effect
from stenosis_coach.core.walking.model import Walk
from stenosis_coach.core.words import day_text, minutes_text, percent_text
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.services.read_model import (
    CHECKS,
    LOGS,
    PLANS,
    QUESTIONNAIRES,
    SESSIONS,
    TREATMENTS,
    WALKS,
    ReadModel,
)
from stenosis_coach.services.status import judgement, outcomes_at, weekly_adherence
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.outcomes_repo import OutcomesRepository

ACTIVITIES = ("activity",)  # My activities named (the table)
WALKS_DONE, ROUTINES_DONE = "walks_done", "routines_done"  # a SessionWeek's kinds


@dataclass(frozen=True)
class SessionWeek(s.Point):
    """A week of sessions done on the Sessions plot, said beside what was planned
    (DESIGN 5.7): ``exact`` walks started, or sessions of the active routines that
    reached their end; ``planned`` that week's plan; ``started`` the walking tests among
    the walks, or every routine session started (any routine, ended or not)."""

    planned: int = 0
    started: int = 0

    @property
    def text(self) -> str:
        """ "Week of Mon 4 May: 2 of 4 planned walks (1 walking test)", "Week of Mon 4 May:
        5 of 7 planned routine sessions (6 started)": counts, never a judgement."""
        done, day = int(self.exact), day_text(self.day)
        if self.key == WALKS_DONE:
            walks = walks_text(done, self.planned)
            if self.started:
                return ngettext(
                    "Week of {day}: {walks} ({n} walking test)",
                    "Week of {day}: {walks} ({n} walking tests)",
                    self.started,
                ).format(day=day, walks=walks, n=self.started)
            return _("Week of {day}: {walks}").format(day=day, walks=walks)
        sessions = routines_text(done, self.planned)
        if self.started != done:
            # Translators: routine sessions done of those planned, then how many were
            # started in all (some stopped early, or of a routine no longer in the plan).
            return ngettext(
                "Week of {day}: {sessions} ({n} started)",
                "Week of {day}: {sessions} ({n} started)",
                self.started,
            ).format(day=day, sessions=sessions, n=self.started)
        return _("Week of {day}: {sessions}").format(day=day, sessions=sessions)


@dataclass(frozen=True)
class SessionSeries:
    """The Sessions plot: per week, walks and routine sessions done, and planned."""

    walks: s.Series
    walks_planned: s.Series
    routines: s.Series
    routines_planned: s.Series


def session_series(adherence: s.AdherenceSeries) -> SessionSeries:
    """Done beside planned from core's weekly counts (DESIGN 5.7): a routine week's done is
    its sessions of the active routines that reached their end, not every one started."""
    walks_planned = {p.day: int(p.exact) for p in adherence.planned_walks.points}
    routines_planned = {p.day: int(p.exact) for p in adherence.planned_routines.points}
    walks = tuple(
        SessionWeek(
            p.x,
            p.y,
            p.day,
            p.exact,
            WALKS_DONE,
            planned=walks_planned.get(p.day, 0),
            started=p.counts[0] if p.counts else 0,
        )
        for p in adherence.walks.points
    )
    routines = tuple(
        SessionWeek(
            p.x,
            float(p.counts[0]),
            p.day,
            p.counts[0],
            ROUTINES_DONE,
            planned=routines_planned.get(p.day, 0),
            started=int(p.exact),
        )
        for p in adherence.routines.points
    )
    return SessionSeries(
        s.Series(WALKS_DONE, walks),
        adherence.planned_walks,
        s.Series(ROUTINES_DONE, routines),
        adherence.planned_routines,
    )


def adherence_line(week: str, walks: SessionWeek, routines: SessionWeek) -> str:
    """One week's sessions in status's and the report's words, each kind on its own:
    "This week so far: 3 of 4 planned walks and 2 of 7 planned routine sessions."; a kind
    with nothing planned and nothing done is left out."""
    said = sessions_text(int(walks.exact), walks.planned, int(routines.exact), routines.planned)
    if not said:
        return {
            "this": _("This week so far: nothing was planned yet."),
            "last": _("Last week: nothing was planned."),
        }[week]
    return {
        "this": _("This week so far: {sessions}."),
        "last": _("Last week: {sessions}."),
    }[week].format(sessions=said)


T = TypeVar("T")


class ProgressData:
    """What the page shows on ``today``: the verdict, signs, treatment lines and markers at
    once; each plot's series when first asked for (the page draws the plot in view only,
    the others when shown), each kept in the read model while its own records stay the
    same."""

    def __init__(self, model: ReadModel, today: date, tz: tzinfo) -> None:
        self._model, self._tz = model, tz
        self.today = today
        judged = judgement(model, today, tz)
        self.verdict: Verdict = judged.verdict
        self.signs: list[Sign] = judged.signs
        self._walks, self._logs, events = model.walks, model.logs, model.treatments
        self.treatment_lines: list[str] = self._kept(
            "treatments",
            (*WALKS, *TREATMENTS),
            lambda: [treatment_line(model.walking_tests, e, tz, today) for e in events],
        )
        self.markers: list[s.Marker] = self._kept(
            "markers", TREATMENTS, lambda: s.treatment_markers(events, tz)
        )

    def _kept(self, name: str, tables: tuple[str, ...], make: Callable[[], T]) -> T:
        return self._model.memo(("progress", name, self.today, self._tz), make, tables)

    @cached_property
    def tolerance(self) -> s.Series:
        return self._kept("tolerance", WALKS, lambda: s.tolerance_points(self._walks, self._tz))

    @cached_property
    def tolerance_median(self) -> s.Series:
        return self._kept(
            "median", WALKS, lambda: s.tolerance_running_median(self._walks, self._tz)
        )

    @cached_property
    def training_per_week(self) -> s.Series:
        return self._kept(
            "training",
            WALKS,
            lambda: s.training_minutes_per_week(self._walks, self._tz, until=self.today),
        )

    @cached_property
    def pain(self) -> s.PainSeries:
        return self._kept("pain", LOGS, lambda: s.pain_series(self._logs, self._tz))

    @cached_property
    def medication(self) -> s.Series:
        return self._kept("medication", LOGS, lambda: s.medication_series(self._logs, self._tz))

    @cached_property
    def standing(self) -> s.Series:
        return self._kept("standing", LOGS, lambda: s.standing_series(self._logs, self._tz))

    # -- the questionnaires (issue 15, DESIGN 5.6) --------------------------------------
    @cached_property
    def zcq(self) -> ZcqSeries:
        """The ZCQ's symptom severity and physical function, one point a questionnaire."""
        model, today, tz = self._model, self.today, self._tz
        return self._kept(
            "zcq",
            QUESTIONNAIRES,
            lambda: zcq_series((q for q in model.questionnaires if q.date <= today), tz),
        )

    @cached_property
    def zcq_lines(self) -> list[str]:
        """The ZCQ's change in words (core's judgement), empty before the first one."""
        return zcq_lines(outcomes_at(self._model, self.today).zcq)

    @cached_property
    def zcq_source(self) -> str:
        """The instrument cited beside its plot (Stucki 1996)."""
        return zcq_source()

    @cached_property
    def activities(self) -> list[ActivityRatings]:
        """My activities with their first and latest ratings, in the order named."""
        model, today = self._model, self.today
        return self._kept(
            "activities",
            (*QUESTIONNAIRES, *ACTIVITIES),
            lambda: activity_ratings(
                OutcomesRepository(model.database).activities(),
                [q for q in model.questionnaires if q.date <= today],
            ),
        )

    @cached_property
    def activity_lines(self) -> list[str]:
        """Each activity in words ("cooking: 3 of 10 on Mon 4 May, 6 of 10 on Mon 1 Jun")."""
        return [activity_line(row, self.today) for row in self.activities]

    @cached_property
    def activities_mean(self) -> str | None:
        """The mean of My activities and its change in words (core's judgement)."""
        return psfs_line(outcomes_at(self._model, self.today).psfs)

    @cached_property
    def last_zcq(self) -> date | None:
        """The day of the latest questionnaire (up to today)."""
        latest = outcomes_at(self._model, self.today).zcq.latest
        return latest.date if latest is not None else None

    @cached_property
    def adherence(self) -> s.AdherenceSeries:
        model, walks, tz, today = self._model, self._walks, self._tz, self.today
        return self._kept(
            "adherence",
            (*WALKS, *SESSIONS, *PLANS, "app_state"),  # plans and the chosen routine: planned
            lambda: s.sessions_per_week(
                walks,
                model.routine_outcomes,
                tz,
                until=today,
                # DESIGN 5.7: planned and done by the one rule (core.adherence)
                adherence=lambda mondays: weekly_adherence(model, mondays, today, tz),
            ),
        )

    @cached_property
    def sessions(self) -> SessionSeries:
        """The Sessions plot's series: done beside planned, each week (DESIGN 5.7)."""
        return session_series(self.adherence)

    @cached_property
    def adherence_lines(self) -> list[str]:
        """This week's and last week's sessions in words, said beside the Sessions plot
        ("This week so far: walks 2 of 4, routines 5 of 7."); none before any session."""
        walks, routines = _weeks(self.sessions.walks.points), _weeks(self.sessions.routines.points)
        this = s.monday(self.today)
        lines = []
        for week, first in (("this", this), ("last", this - timedelta(days=7))):
            if first in walks and first in routines:
                lines.append(adherence_line(week, walks[first], routines[first]))
        return lines


def _weeks(points: tuple[s.Point, ...]) -> dict[date, SessionWeek]:
    return {p.day: p for p in points if isinstance(p, SessionWeek)}


def treatment_line(
    walks: list[Walk], event: TreatmentEvent, tz: tzinfo, today: date | None = None
) -> str:
    """DESIGN 5.3: the median tolerance of tests in the 28 days before and days 7-35 after,
    worded "after", never "because of"; the date has its year when not in ``today``'s."""
    effect = treatment_effect(walks, event, tz)
    treatment, day = TREATMENT_WORDS[event.kind], day_text(event.date, today)  # translated
    if effect.before_median_s is None or effect.after_median_s is None:
        return _(
            "After the {treatment} on {day}: not enough walking tests before and after to "
            "compare yet."
        ).format(treatment=treatment, day=day)
    before, after = minutes_text(effect.before_median_s), minutes_text(effect.after_median_s)
    if effect.change_pct is None:
        return _(
            "After the {treatment} on {day}: walking before symptoms {before} → {after}."
        ).format(treatment=treatment, day=day, before=before, after=after)
    return _(
        "After the {treatment} on {day}: walking before symptoms {before} → {after} ({change})."
    ).format(
        treatment=treatment,
        day=day,
        before=before,
        after=after,
        change=percent_text(effect.change_pct),
    )


def progress_of(model: ReadModel, now: datetime, tz: tzinfo = LOCAL) -> ProgressData:
    """What the page shows on ``now``'s day, from the read model (once per day and zone
    while its records stay the same: nothing here depends on the hour)."""
    today = now.astimezone(tz).date()
    every: tuple[str, ...] = (*WALKS, *LOGS, *TREATMENTS, *CHECKS, *SESSIONS, *PLANS)
    every = (*every, "app_state", *QUESTIONNAIRES, *ACTIVITIES)  # with the questionnaires
    return model.memo(("progress", today, tz), lambda: ProgressData(model, today, tz), every)


def progress_data(db: Database, now: datetime, tz: tzinfo = LOCAL) -> ProgressData:
    """What the page shows, read from ``db`` now."""
    return progress_of(ReadModel(db), now, tz)
