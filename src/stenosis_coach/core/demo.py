"""A realistic demo history (issue 6, ``demo [--weeks N] [--seed S]``): pure and deterministic.

The story: about 3-4 min of walking before symptoms at first; physiotherapy; three walking
tests in the first week, then about one a week; 3-5 training walks a week dosed by the app's
own DESIGN 5.1 :func:`replay` of the walks so far; tolerance rising to a 6-7 min plateau with
noise; a flare a few weeks before the middle (a dip, fewer walks, more pain and doses); an
epidural injection in the middle lifting tolerance in days 7-35 after; slips and quiet weeks
in long histories; one early red-flag "yes" cleared days later, no session between (5.5).
Seeded :class:`random.Random` only; durations are exact ``Fraction`` seconds (whole seconds
live, tenths of a minute from a diary).

The replay runs over a window (the full one would be quadratic) that restarts as a
:class:`PlanStart` with the bout and target in force at a walk that resets the step-up count
(a test, or a training walk that was not good) with no flare in the 48 h and no step-up in
the 72 h before it: from there DESIGN 5.1 gives exactly the full replay, and
``tests/core/test_demo.py`` checks every walk against it.

The notes the demo patient "typed" are in the user's language (translated as the history is
made; the random choices do not depend on the words).
"""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from fractions import Fraction

from stenosis_coach.core.daily import STANDING_LIMIT_S, DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.exercises.library import (
    builtin_library,
    builtin_routines,
    estimated_seconds,
)
from stenosis_coach.core.outcomes.model import (
    FUNCTION_ITEMS,
    PSFS,
    RELIEF_DAYS,
    SATISFACTION_ITEMS,
    SYMPTOM_ITEMS,
    ZCQ,
    Answer,
    Questionnaire,
    SinceTreatment,
)
from stenosis_coach.core.outcomes.zcq import DUE_EVERY_DAYS
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, ClearanceReason
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart, Prescription, replay
from stenosis_coach.i18n import N_, _

MIN_WEEKS, MAX_WEEKS = 4, 1040
TEST_LIMIT_S = 1800  # DESIGN 5.1: a walking test lasts at most 30 min
TEST_EVERY = timedelta(days=7)  # DESIGN 5.1: test_every_days, default 7
FLARE_QUIET = timedelta(hours=48)  # DESIGN 5.1: no step-up within 48 h of a flare
STEP_GAP = timedelta(hours=72)  # DESIGN 5.1: 72 h between step-ups
CALF_QUESTION = "calf-pain-standing"
_WALK_HOURS = (8, 9, 9, 10, 10, 10, 11, 14, 15, 16, 16, 17)
_WALK_NOTES = (
    N_("Walked to the park."),
    N_("Rested on the bench by the river."),
    N_("Windy today."),
)
_DAY_NOTES = (
    N_("Stiff in the morning, eased after the exercises."),
    N_("Good day."),
    N_("Slept badly."),
)


@dataclass(frozen=True)
class DemoRoutine:
    start: datetime
    routine_id: str  # a built-in routine
    planned_min: int
    elapsed_s: int
    completed: bool
    leg_before: int
    back_before: int
    leg_after: int
    back_after: int
    steps_done: int
    steps_skipped: int


@dataclass(frozen=True)
class DemoCheck:
    """A completed red-flag check: every question of ``QUESTIONS`` answered."""

    at: datetime
    trigger: CheckTrigger
    answers: dict[str, bool]

    @property
    def any_yes(self) -> bool:
        return any(self.answers.values())


@dataclass(frozen=True)
class DemoClearance:
    at: datetime
    reason: ClearanceReason
    check_index: int  # the check it clears, an index in ``DemoHistory.checks``


@dataclass(frozen=True)
class DemoFlare:
    first_day: date  # the days of higher pain; recovery follows over one to two weeks
    last_day: date


@dataclass(frozen=True)
class DemoHistory:
    first_day: date
    last_day: date
    walks: list[Walk]  # in replay order
    prescribed: list[tuple[Fraction | None, Fraction]]  # (bout_s, target_s) before each walk
    routine_sessions: list[DemoRoutine]
    logs: list[DailyLog]  # one per logged day, by day
    treatments: list[TreatmentEvent]
    checks: list[DemoCheck]
    clearances: list[DemoClearance]
    flare: DemoFlare  # the story's flare, a few weeks before the injection
    slips: list[DemoFlare]  # smaller flares of long histories
    # Issue 15: the ZCQ at the start and every 28 days, My activities rated with it (DESIGN
    # 5.6), and the daily "compared with before" after the epidural (DESIGN 5.10).
    questionnaires: list[Questionnaire] = field(default_factory=list)
    since_treatment: dict[date, SinceTreatment] = field(default_factory=dict)

    @property
    def injection(self) -> TreatmentEvent:
        return next(t for t in self.treatments if t.kind == TreatmentKind.EPIDURAL_INJECTION)


def generate(weeks: int, seed: int, end: date, tz: tzinfo) -> DemoHistory:
    """``weeks`` weeks of history whose last day is ``end`` (local days in ``tz``).

    Everything lies on the days ``[end - 7 * weeks + 1, end]``: walks start from 8:00 to
    18:00 local time (diary walks at 12:00, DESIGN 4.3), so pass yesterday as ``end`` to keep
    every time in the past. The same arguments give the same history. Raises ``ValueError``
    unless 4 <= ``weeks`` <= 1040.
    """
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be from {MIN_WEEKS} to {MAX_WEEKS}, not {weeks}")
    return _Generator(weeks, seed, end, tz).run()


def _clamp(x: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(x)))


def _is_flare(walk: Walk) -> bool:
    """DESIGN 5.1: pain >= 7, a flare the next day, or "must stop"."""
    return walk.peak_leg_pain >= 7 or walk.next_day_flare or walk.ended_by == WalkEnd.MUST_STOP


Episode = tuple[int, int, float, int]  # first day index, days, depth, days of recovery


class _Body:
    """How the patient is on day index ``d`` (floats; walks round them to exact seconds).

    The epidural (DESIGN 5.10, seed 000: "if relief is short-lived ..."): from the next day
    leg pain is 3 points below the best of the 14 days before it, for ``relief_hold`` days
    (20-26); the relief fades over ``relief_fade`` days (4-6), and leg pain is back where
    it was before the injection for three weeks before the slow trend of the programme
    takes over again: relief_days about 20-35. Walking tolerance is lifted over the same
    weeks, with a little lift left after.
    """

    def __init__(self, rng: random.Random, days: int, relief_rng: random.Random) -> None:
        self.tau0 = rng.uniform(200, 235)  # 3.3-3.9 min before symptoms at first
        self.tau_max = rng.uniform(360, 410)  # the plateau, 6-7 min
        self.tc = rng.uniform(32, 42)  # days to get about 63% of the way there
        self.boost = rng.uniform(0.24, 0.3)  # the injection's lift
        self.injection = days // 2 + rng.randint(-3, 3)
        self.med_change = self.injection + 28
        start = max(21 if days >= 84 else 8, self.injection - rng.randint(17, 24))
        self.flare: Episode = (start, rng.randint(4, 6), 0.35, 12)
        self.slips: list[Episode] = []
        d = 120 + rng.randint(20, 140)
        while d < days - 10:
            if abs(d - self.injection) > 60:
                self.slips.append((d, rng.randint(3, 5), rng.uniform(0.18, 0.28), 8))
            d += rng.randint(140, 300)
        self.drift = [0.0]  # slow weekly ups and downs, within 10%
        for _week in range(days // 7):
            self.drift.append(max(-0.1, min(0.1, 0.85 * self.drift[-1] + rng.gauss(0, 0.02))))
        # The epidural's relief, from its own random stream: the walks, sessions and logs
        # of a seed draw the same numbers as before.
        self.relief_hold = relief_rng.randint(20, 26)
        self.relief_fade = relief_rng.randint(4, 6)
        self._levels: tuple[float, float] | None = None  # (eased to, back to)

    def progress(self, d: int) -> float:
        return 1 - math.exp(-d / self.tc)

    def intensity(self, d: int) -> tuple[float, float]:
        """How much of a flare today (0-1), and that flare's depth."""
        best = (0.0, 0.0)
        for start, length, depth, recovery in (self.flare, *self.slips):
            if start <= d < start + length:
                best = max(best, (1.0, depth))
            elif start + length <= d < start + length + recovery:
                best = max(best, (1 - (d - start - length + 1) / (recovery + 1), depth))
        return best

    def eased(self, d: int) -> float:
        """How much the epidural eases leg pain on day index ``d``, 0-1: fully from the
        next day to ``relief_hold``, fading over ``relief_fade`` days, then none."""
        k, hold = d - self.injection, self.relief_hold
        if k < 1 or k > hold + self.relief_fade:
            return 0.0
        return 1.0 if k <= hold else 1 - (k - hold) / (self.relief_fade + 1)

    def relief(self, d: int) -> float:
        """The epidural's lift of walking 0-1: rising over days 1-3, held while leg pain is
        eased, then down to 0.3 a week after the pain came back, and to nothing by day 150."""
        k, hold = d - self.injection, self.relief_hold
        if k < 1 or k > 150:
            return 0.0
        fading = hold + self.relief_fade + 7
        if k <= hold:
            return min(1.0, k / 3)
        if k <= fading:
            return 1 - 0.7 * (k - hold) / (fading - hold)
        return 0.3 * (150 - k) / (150 - fading)

    def tolerance(self, d: int) -> float:
        level, depth = self.intensity(d)
        trend = self.tau0 + (self.tau_max - self.tau0) * self.progress(d)
        lift = (1 + self.drift[d // 7]) * (1 + self.boost * self.relief(d))
        return trend * lift * (1 - depth * level)

    def _leg(self, d: int) -> float:
        """Leg pain without the epidural."""
        flare = self.intensity(d)[0]
        return 5.5 - 3 * self.progress(d) + 3.5 * flare - 8 * self.drift[d // 7]

    def leg(self, d: int) -> float:
        k = d - self.injection
        level = self._leg(d)
        if k < 1:
            return level
        if self._levels is None:  # leg pain in the 14 days before the injection
            span = range(max(0, self.injection - 14), self.injection)
            before = [self._leg(b) for b in span]
            # Eased: 3 points below the best of those days; back: between their median
            # and their worst (a flare may be easing in them), so DESIGN 5.10's baseline
            # (their logged days' median) sees both whichever days were logged.
            self._levels = (min(before) - 3, (statistics.median(before) + max(before)) / 2)
        eased_to, back_to = self._levels
        # Back where it was for three weeks after the relief, then the trend again.
        back = self.relief_hold + self.relief_fade + 21
        weight = 1.0 if k <= back else max(0.0, 1 - (k - back) / 21)
        level += weight * max(0.0, back_to + 0.25 - level)
        eased = self.eased(d)
        return (1 - eased) * level + eased * min(level, eased_to)


# My activities (DESIGN 5.6; seed 000: "standing long enough to cook, the grocery store"):
# the demo patient's own words, and how hard each is at first (0 unable - 10 as before).
_ACTIVITIES = (
    (N_("Standing long enough to cook dinner"), 3.5),
    (N_("Walking round the grocery store"), 2.5),
    (N_("Walking the dog to the park"), 3.0),
)


class _Outcomes:
    """The questionnaires and relief answers, from their own random stream (the walks,
    sessions and logs of a seed stay as they were before issue 15)."""

    def __init__(self, seed: int, body: _Body, first: date, days: int) -> None:
        self.rng = random.Random(f"demo-outcomes-{seed}")
        self.body, self.first, self.days = body, first, days

    def questionnaires(self) -> list[Questionnaire]:
        rng, body = self.rng, self.body
        found: list[Questionnaire] = []
        words = [_(w) for w, _start in _ACTIVITIES]
        for n, d in enumerate(range(0, self.days, DUE_EVERY_DAYS)):
            better = body.progress(d) + 0.4 * body.relief(d) - body.intensity(d)[0]
            answers: dict[str, Answer] = {}
            severity = 3.3 - 0.6 * better  # 1 (none) - 5 (severe), Stucki 1996
            for item in SYMPTOM_ITEMS[:-1]:
                answers[item] = _clamp(severity + rng.gauss(0, 0.5), 1, 5)
            answers[SYMPTOM_ITEMS[-1]] = 3 if severity + rng.gauss(0, 0.4) >= 2.8 else 1
            function = 2.5 - 0.5 * better  # 1 (easily) - 4 (not at all)
            for item in FUNCTION_ITEMS:
                answers[item] = _clamp(function + rng.gauss(0, 0.5), 1, 4)
            if n:  # satisfaction is asked from the second questionnaire on
                for item in SATISFACTION_ITEMS:
                    answers[item] = _clamp(2.4 - 0.5 * better + rng.gauss(0, 0.5), 1, 4)
            day = self.first + timedelta(days=d)
            found.append(Questionnaire(day, ZCQ, answers))
            ratings: dict[str, Answer] = {
                w: _clamp(start + 2.5 * better + rng.gauss(0, 0.7))
                for w, (_w, start) in zip(words, _ACTIVITIES, strict=True)
            }
            found.append(Questionnaire(day, PSFS, ratings))
        return found

    def since_treatment(self, logs: list[DailyLog]) -> dict[date, SinceTreatment]:
        """Each logged day 1-42 after the epidural: "compared with before the treatment"."""
        rng, body = self.rng, self.body
        injection = self.first + timedelta(days=body.injection)
        found: dict[date, SinceTreatment] = {}
        for log in logs:
            k = (log.day - injection).days
            if not 1 <= k <= RELIEF_DAYS:
                continue
            d = body.injection + k
            felt = 0.85 * body.eased(d) - body.intensity(d)[0] + rng.gauss(0, 0.15)
            if felt >= 0.75:
                found[log.day] = SinceTreatment.MUCH_BETTER
            elif felt >= 0.3:
                found[log.day] = SinceTreatment.BETTER
            elif felt >= -0.3:
                found[log.day] = SinceTreatment.SAME
            else:
                found[log.day] = SinceTreatment.WORSE
        return found


class _Generator:
    def __init__(self, weeks: int, seed: int, end: date, tz: tzinfo) -> None:
        self.rng = rng = random.Random(seed)
        self.seed = seed
        self.days, self.end, self.tz = weeks * 7, end, tz
        self.first = end - timedelta(days=self.days - 1)
        self.body = _Body(rng, self.days, random.Random(f"demo-relief-{seed}"))
        self.routines = builtin_routines()
        library = builtin_library()
        self.planned = {k: estimated_seconds(r, library) for k, r in self.routines.items()}
        self.walks: list[Walk] = []
        self.prescribed: list[tuple[Fraction | None, Fraction]] = []
        self.sessions: list[DemoRoutine] = []
        self.logs: list[DailyLog] = []
        self.checks: list[DemoCheck] = []
        self.clearances: list[DemoClearance] = []
        self.window: list[Walk] = []  # the windowed replay (module docstring)
        self.plan: PlanStart | None = None
        self.last_p: Prescription | None = None
        self.last_flare: datetime | None = None
        self.last_step: datetime | None = None
        self.last_test: datetime | None = None
        self.seq = 0
        # DESIGN 5.5: an early "yes" and its clearance; no session from check to clearance
        self.yes_day = 14 if weeks >= 12 else -1
        self.clear_day = 14 + rng.randint(2, 3) if weeks >= 12 else -1
        self.blocked = range(self.yes_day, self.clear_day + 1)
        self.notes = {
            self.body.flare[0]: _("Flare: sore after carrying heavy shopping yesterday."),
            self.body.injection: _("Epidural injection today."),
            self.yes_day: _("Calf pain when standing still - booked the GP."),
            self.clear_day: _("GP checked the calf pain: fine to carry on."),
        }

    def date(self, d: int) -> date:
        return self.first + timedelta(days=d)

    def at(self, d: int, hour: int, minute: int) -> datetime:
        return datetime.combine(self.date(d), time(hour, minute), tzinfo=self.tz)

    def run(self) -> DemoHistory:
        rng, body = self.rng, self.body
        forced = {body.flare[0] - 1: "eve", body.flare[0] + 1: "peak"}
        for week in range(self.days // 7):
            if week == 0:  # DESIGN 5.1: three tests in the first week set the baseline
                plan = {0: "test", 1: "", 2: "test", 4: "test", 5: ""}
            else:
                quiet = week >= 8 and rng.random() < 0.04
                n = rng.randint(0, 2) if quiet else rng.choice((4, 4, 5, 5, 5, 6))
                plan = dict.fromkeys(rng.sample(range(7), n), "")
            for d in range(week * 7, week * 7 + 7):
                role = forced.get(d, plan.get(d - week * 7))
                if d not in forced and body.intensity(d)[0] >= 0.5 and rng.random() < 0.6:
                    role = None  # fewer walks in a flare
                self.day(d, None if d in self.blocked else role)
        treatments = [
            (rng.randint(1, 3), TreatmentKind.PT_START, _("Physiotherapy: flexion and walking")),
            (84 + rng.randint(0, 6), TreatmentKind.PT_END, _("Physiotherapy course finished")),
            (body.injection, TreatmentKind.EPIDURAL_INJECTION, _("Epidural steroid injection")),
            (
                body.med_change,
                TreatmentKind.MEDICATION_CHANGE,
                _("Stopped prescription pain pills"),
            ),
        ]
        events = [
            TreatmentEvent(self.date(d), kind, note)
            for d, kind, note in sorted(treatments)
            if d < self.days - 7 or kind == TreatmentKind.EPIDURAL_INJECTION
        ]

        def episode(e: Episode) -> DemoFlare:
            return DemoFlare(self.date(e[0]), self.date(e[0] + e[1] - 1))

        outcomes = _Outcomes(self.seed, body, self.first, self.days)
        return DemoHistory(
            self.first, self.end, self.walks, self.prescribed, self.sessions, self.logs, events,
            self.checks, self.clearances, episode(body.flare), [episode(s) for s in body.slips],
            outcomes.questionnaires(), outcomes.since_treatment(self.logs),
        )  # fmt: skip

    def day(self, d: int, role: str | None) -> None:
        rng, body = self.rng, self.body
        level = body.leg(d)
        routines: list[tuple[datetime, str]] = []
        if d not in self.blocked and rng.random() < 0.7:
            routine = "gentle-start" if d < 14 else "flexion-basics"
            if body.intensity(d)[0] >= 0.5:
                routine = "chair-routine"  # no getting down to the floor in a flare
            morning = rng.random() < 0.6
            hour, minute = (7, rng.randint(0, 30)) if morning else (rng.randint(19, 20), 30)
            routines.append((self.at(d, hour, rng.randint(0, minute)), routine))
        walk_at, imported = None, d >= 7 and role == "" and rng.random() < 0.2
        if imported:
            walk_at = self.at(d, 12, 0)  # DESIGN 4.3: a diary walk starts at 12:00
        elif role is not None:
            walk_at = self.at(d, rng.choice(_WALK_HOURS), rng.randint(0, 59))
            if rng.random() < 0.25:
                before = walk_at - timedelta(seconds=self.planned["before-your-walk"] + 120)
                routines.append((before, "before-your-walk"))
        if d % 7 == 0 or d == self.yes_day:
            firsts = [t for t, _ in routines] + ([walk_at] if walk_at else [])
            first = min(firsts) if firsts else self.at(d, 9, rng.randint(0, 40))
            trigger = CheckTrigger.FIRST_RUN if d == 0 else CheckTrigger.WEEKLY
            answers = {q.id: q.id == CALF_QUESTION and d == self.yes_day for q in QUESTIONS}
            self.checks.append(
                DemoCheck(first - timedelta(minutes=rng.randint(2, 6)), trigger, answers)
            )
        if d == self.clear_day:
            at = self.at(d, rng.randint(10, 13), rng.randint(0, 59))
            index = next(i for i, c in enumerate(self.checks) if c.any_yes)
            self.clearances.append(DemoClearance(at, ClearanceReason.CHECKED_BY_CLINICIAN, index))
        for start, routine in sorted(routines):
            self.routine(start, routine, level)
        if walk_at is not None and role is not None:
            self.walk(d, walk_at, role, imported)
        if d in self.notes or rng.random() < 0.88:
            self.log(d, level)

    def routine(self, start: datetime, routine: str, level: float) -> None:
        rng = self.rng
        steps, planned = len(self.routines[routine].steps), self.planned[routine]
        completed = rng.random() < 0.92
        if completed:
            skipped = int(rng.random() < 0.1)
            done, elapsed = steps - skipped, planned + rng.randint(-20, 90)
        else:
            done = rng.randint(1, steps - 1)
            skipped = rng.randint(0, steps - 1 - done)
            elapsed = max(30, planned * (done + skipped) // steps)
        leg = _clamp(level + rng.gauss(0, 0.8))
        back = _clamp(level - 0.8 + rng.gauss(0, 0.9))
        leg_after = max(0, leg - rng.choice((0, 1, 1, 2)))
        back_after = max(0, back - rng.choice((0, 1, 1)))
        minutes = max(1, (planned + 30) // 60)
        self.sessions.append(DemoRoutine(
            start, routine, minutes, elapsed, completed, leg, back, leg_after, back_after,
            done, skipped,
        ))  # fmt: skip

    def log(self, d: int, level: float) -> None:
        rng, body = self.rng, self.body
        flare = body.intensity(d)[0]
        leg = _clamp(level + rng.gauss(0, 0.8))
        woken = _clamp((leg - 3) / 2 + rng.gauss(0, 0.6), 0, 5)
        standing = None
        if rng.random() < 0.12:  # an occasional standing test
            seconds = round(body.tolerance(d) * 0.9 * math.exp(rng.gauss(0, 0.15)))
            standing = Fraction(max(20, min(STANDING_LIMIT_S, seconds)))
        note = self.notes.get(d) or (_(rng.choice(_DAY_NOTES)) if rng.random() < 0.04 else "")
        in_flare = body.flare[0] <= d < body.flare[0] + 12
        self.logs.append(DailyLog(
            day=self.date(d),
            leg_pain=leg,
            back_pain=_clamp(level - 0.8 + rng.gauss(0, 0.9)),
            numbness=_clamp(3.2 - 1.5 * body.progress(d) + 1.5 * flare + rng.gauss(0, 0.7)),
            otc_doses=_clamp((leg - 2) / 2 + rng.gauss(0, 0.5), 0, 4),
            prescription_doses=0 if d >= body.med_change else 2 - int(rng.random() < 0.1),
            opioid_doses=rng.choice((1, 2)) if flare >= 0.6 and in_flare else 0,
            woken_by_leg_pain=woken,
            sleep_quality=_clamp(8 - 0.5 * leg - 0.5 * woken + rng.gauss(0, 1)),
            standing_s=standing,
            notes=note,
        ))  # fmt: skip

    # --- walks -----------------------------------------------------------------------------

    def walk(self, d: int, start: datetime, role: str, imported: bool) -> None:
        p, last, prev = replay(self.window, start, self.plan), self.last_p, self.walks[-1:]
        if prev and last and prev[0].kind == WalkKind.TRAINING and prev[0].tfs_s is None:
            changed = (p.bout_s, p.target_total_s) != (last.bout_s, last.target_total_s)
            if not _is_flare(prev[0]) and (changed or last.bout_s == last.target_total_s):
                self.last_step = prev[0].start  # a step-up (or one that could not be seen)
        due = self.last_test is None or self.last_test <= start - TEST_EVERY
        if role == "test" or (d >= 7 and due) or p.bout_s is None:
            walk = self.test(d, start, role, imported)
        else:
            walk = self.training(d, start, role, imported, p.bout_s, p.target_total_s)
        good = walk.kind == WalkKind.TRAINING and walk.tfs_s is None and not _is_flare(walk)
        good = good and walk.peak_leg_pain <= 3 and walk.total_walk_s >= p.target_total_s
        quiet = self.last_flare is None or start - self.last_flare >= FLARE_QUIET
        spaced = self.last_step is None or start - self.last_step >= STEP_GAP
        if p.bout_s is not None and not good and quiet and spaced:
            self.plan, self.window = PlanStart(start, p.bout_s, p.rest_s, p.target_total_s), []
        self.window.append(walk)
        self.walks.append(walk)
        self.prescribed.append((p.bout_s, p.target_total_s))
        self.last_p = p
        if walk.kind == WalkKind.TEST:
            self.last_test = start
        if _is_flare(walk):
            self.last_flare = start
        if walk.ended_by == WalkEnd.MUST_STOP:  # DESIGN 5.5: "must stop" asks the questions
            ended = start + timedelta(seconds=int(walk.total_walk_s) + 120 * (walk.rests or 0) + 60)
            answers = {q.id: False for q in QUESTIONS}
            self.checks.append(DemoCheck(ended, CheckTrigger.MUST_STOP, answers))

    def test(self, d: int, start: datetime, role: str, imported: bool) -> Walk:
        rng, body = self.rng, self.body
        tol = body.tolerance(d) * math.exp(rng.gauss(0, 0.08))
        flare, progress = body.intensity(d)[0], body.progress(d)
        pain = _clamp(3.2 + 1.6 * (1 - progress) + 2.5 * flare + rng.gauss(0, 0.7), 2, 9)
        if progress > 0.5 and role == "" and rng.random() < 0.02:  # symptoms never came
            total = min(TEST_LIMIT_S, tol * rng.uniform(1.2, 1.5))
            note = _("Had to get home; no symptoms yet.")
            return self.make(
                start, WalkKind.TEST, imported, total, None, 2, 0, WalkEnd.STOPPED, note
            )
        total = min(TEST_LIMIT_S, tol * rng.uniform(1.3, 1.8))
        pain = max(pain, 7) if role == "peak" else pain
        return self.make(start, WalkKind.TEST, imported, total, min(tol, total), pain, 0,
                         eve=role == "eve")  # fmt: skip

    def training(self, d: int, start: datetime, role: str, imported: bool, bout_s: Fraction,
                 target_s: Fraction) -> Walk:  # fmt: skip
        """Bouts of the prescribed length, each followed by a rest, until the target; a bout
        ends early where symptoms come (DESIGN 5.1)."""
        rng, body = self.rng, self.body
        bout, target = int(bout_s), int(target_s)  # multiples of 15 s
        day_tol = body.tolerance(d) * math.exp(rng.gauss(0, 0.07))
        walked, rests, symptomatic, tfs, ended = 0, 0, 0, None, WalkEnd.COMPLETED
        quit_after = rng.randint(1, 6) if rng.random() < 0.02 else 0
        for k in range(1, 200):
            length = min(bout, target - walked)
            segment = int(day_tol * (1 - 0.015 * (k - 1)) * math.exp(rng.gauss(0, 0.05)))
            if segment < length:  # symptoms started in this bout
                segment = max(30, segment)
                tfs = walked + segment if tfs is None else tfs
                symptomatic += 1
            walked += min(segment, length)
            if walked >= target:
                break
            if role == "peak" and walked >= target / 3:
                ended = WalkEnd.MUST_STOP
                break
            if symptomatic >= 3 or k == quit_after:
                ended = WalkEnd.STOPPED
                break
            rests += 1
        flare, progress = body.intensity(d)[0], body.progress(d)
        symptoms = 1.5 if tfs is not None else 0
        pain = _clamp(1.5 + (1 - progress) + 2.5 * flare + symptoms + rng.gauss(0, 0.6))
        if role == "eve":
            pain = max(3, min(pain, 5))
        elif role == "peak":
            pain = max(pain, 7 + int(rng.random() < 0.4))
        kind = WalkKind.TRAINING
        return self.make(start, kind, imported, walked, tfs, pain, rests, ended, eve=role == "eve")

    def make(self, start: datetime, kind: WalkKind, imported: bool, total: float,
             tfs: float | None, pain: int, rests: int, ended: WalkEnd = WalkEnd.COMPLETED,
             note: str = "", eve: bool = False) -> Walk:  # fmt: skip
        """The exact walk: whole seconds live, diary minutes to one decimal (6 s) imported."""
        rng = self.rng
        unit = 6 if imported else 1
        total_s = Fraction(max(unit, unit * round(total / unit)))
        tfs_s = None if tfs is None else min(total_s, Fraction(max(unit, unit * round(tfs / unit))))
        distance, seq = None, 0
        if imported:
            self.seq = seq = self.seq + 1
            ended = WalkEnd.COMPLETED  # a diary does not say how a walk ended
            if rng.random() < 0.6:
                distance = Fraction(round(total_s * Fraction(rng.randint(70, 100), 100)))
        note = note or (_(rng.choice(_WALK_NOTES)) if rng.random() < 0.05 else "")
        return Walk(start, kind, total_s, tfs_s, pain, imported, seq, rests, eve, ended,
                    distance, note)  # fmt: skip
