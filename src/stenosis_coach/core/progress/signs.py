"""Time to talk to your clinician: the signs of DESIGN 5.4, detected where the data allows.

Each sign is a code and one plain sentence with the numbers behind it. Arithmetic is exact;
percentages are rounded half away from zero to one decimal and the thresholds judge the
rounded value, as the verdict does (DESIGN 5.3: what is shown is what is judged).

Readings of DESIGN 5.4 (tests pin each one):

- Days are local days of walk starts in ``tz``. "The last 14 days" is ``[today - 13, today]``
  and "the 14 before" is ``[today - 27, today - 14]``; "the last 28 days" is
  ``[today - 27, today]``. All ends are included.
- ``tolerance_falling``: needs 6 test walks. The median tolerance of the last 3 tests against
  the 3 tests before them; a sign when the change is -20% or lower.
- ``more_rests``: training walks whose rests were recorded (a blank count is unknown, not 0);
  each span needs 3 of them; a sign when the later median is at least 1 higher.
- ``more_medication_less_walking``: mean doses per logged day as in DESIGN 5.3 (each span
  needs 7 logged days), up by at least 1; and walking time per week, the total walking time
  of every walk (tests and training) in the span times 7/14, changed by -20% or lower
  (an earlier span with no walking cannot go down).
- ``brief_relief``: for the treatments DESIGN 5.3 names (injection, nerve block, PT start,
  medication change, procedure; not PT end or a surgical consult). "Before" and "after"
  are those of :func:`treatment_effect`; after must be +30% or more; the test walks in days
  36-90 after (``[E + 36, E + 90]``) must have a median tolerance no more than +10% above
  before ("back within 10%": falling below before counts as back). One sign, for the most
  recent such event.
- ``new_weakness_or_balance``: any report dated in the last 28 days (a daily log or a
  red-flag check supplies the dates); one sign naming the most recent.

December 2026 (seed 000's list complete):

- ``more_rests`` with ``counted_rests`` (DESIGN 5.4: not fooled by rests the app prescribed):
  each training walk counts only the rests the caller says (:class:`CountedRests`): for a
  live walk, the rests that began with a symptom tap (:func:`symptom_rests`); for a diary
  walk, its ``rests`` beyond the planned bouts - 1 (:func:`diary_rests`, never below 0); a
  walk the caller knows nothing about (``None``) is not counted. The sentence says which
  rests were counted. Without ``counted_rests`` (callers not updated yet) the walk's
  recorded ``rests`` are counted, as before, with the old sentence.
- ``brief_relief`` also from the daily relief record (DESIGN 5.10), for the kinds that have
  one (injection, nerve block, procedure): the leg pain went below the relief baseline - 1
  on a logged day and :func:`~stenosis_coach.core.outcomes.relief.relief_days` found it back
  by day 42; or, from the patient's answers alone, "better"/"much better" on a day and then
  3 consecutive answered days "same"/"worse", all within days 1-42. The walking rule is
  tried first for each event, newest event first.
- ``leg_more_than_back``: the last 14 days, days whose log has both leg and back pain
  (>= 7 of them); median leg pain >= 4 and >= median back pain + 2.
- ``repeated_flares``: DESIGN 5.1's flare (peak leg pain >= ``flare_pain``, 7 unless a plan
  says otherwise; a flare the next day; or "must stop"), any walk kind, by local day of the
  walk's start; >= 2 in the last 14 days and more than in the 14 before.
- ``activities_dropped``: the PSFS questionnaires dated up to today; the latest mean is >= 2
  points below the one before (exact means), or the latest marks an activity "stopped
  doing it" (an activity stopped long ago and not in the latest does not count).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Protocol

from stenosis_coach.core.daily import TREATMENT_WORDS, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import (
    RELIEF_DAYS,
    Questionnaire,
    SinceTreatment,
    has_relief_record,
)
from stenosis_coach.core.outcomes.psfs import psfs_mean, psfs_questionnaires, stopped_activities
from stenosis_coach.core.outcomes.relief import BACK_WITHIN, relief_baseline, relief_days
from stenosis_coach.core.progress.verdict import (
    MIN_TESTS,
    WINDOW_TESTS,
    DailyDoses,
    dose_log,
    local_date,
    mean_daily_doses,
    median,
    percent_change,
    tests_between,
    treatment_effect,
    walking_tests,
)
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.words import (
    and_text,
    day_text,
    minutes_text,
    number_text,
    percent_text,
    source_english,
)
from stenosis_coach.i18n import _, ngettext

SPAN_DAYS = 14  # DESIGN 5.4: the last 14 days against the 14 before
TOLERANCE_FALL_PCT = -20  # DESIGN 5.4: >= 20% below the 3 tests before
MIN_TRAINING_WALKS = 3  # DESIGN 5.4: each span with >= 3 training walks
MORE_RESTS = 1  # DESIGN 5.4: median rests >= 1 more
MORE_DOSES = 1  # DESIGN 5.4: mean daily doses up by >= 1
LESS_WALKING_PCT = -20  # DESIGN 5.4: walking time per week down by >= 20%
RELIEF_PCT = 30  # DESIGN 5.4: days 7-35 >= 30% above before
RELIEF_GONE_PCT = 10  # DESIGN 5.4: back within 10% of before
LATER_FIRST_DAY = 36  # DESIGN 5.4: days 36-90 after the event
LATER_LAST_DAY = 90
WEAKNESS_DAYS = 28  # DESIGN 5.4: reported in the last 28 days
MIN_PAIN_DAYS = 7  # DESIGN 5.4 leg_more_than_back: >= 7 logged days in the last 14
LEG_PAIN_AT_LEAST = 4  # DESIGN 5.4: median leg pain >= 4
LEG_OVER_BACK = 2  # DESIGN 5.4: leg >= median back pain + 2
MIN_FLARES = 2  # DESIGN 5.4 repeated_flares: >= 2 flares in the last 14 days
FLARE_PAIN = 7  # DESIGN 5.1: peak leg pain >= 7/10 is a flare (a plan may change it)
ACTIVITIES_DROP = 2  # DESIGN 5.4 activities_dropped: PSFS mean >= 2 points below
RELIEF_ANSWERS_BACK = 3  # DESIGN 5.10's 3 consecutive days, read on the answers too

RELIEF_TREATMENTS = frozenset(
    {
        TreatmentKind.EPIDURAL_INJECTION,
        TreatmentKind.NERVE_BLOCK,
        TreatmentKind.PT_START,
        TreatmentKind.MEDICATION_CHANGE,
        TreatmentKind.PROCEDURE,
    }
)


class SignCode(StrEnum):
    TOLERANCE_FALLING = "tolerance_falling"
    MORE_RESTS = "more_rests"
    MORE_MEDICATION_LESS_WALKING = "more_medication_less_walking"
    BRIEF_RELIEF = "brief_relief"
    NEW_WEAKNESS_OR_BALANCE = "new_weakness_or_balance"
    LEG_MORE_THAN_BACK = "leg_more_than_back"
    REPEATED_FLARES = "repeated_flares"
    ACTIVITIES_DROPPED = "activities_dropped"


@dataclass(frozen=True)
class Sign:
    """A sign: ``text`` in the user's language (shown), ``source_text`` the same sentence
    in the source English, for ``--json`` (the same bytes in every language)."""

    code: SignCode
    text: str
    source_text: str = ""

    def to_json(self) -> dict[str, str]:
        return {"code": str(self.code), "text": self.source_text or self.text}


def _sign(code: SignCode, say: Callable[[], str]) -> Sign:
    """A sign whose sentence ``say`` makes, in the user's language and in the source English."""
    return Sign(code, say(), source_english(say))


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _spans(today: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """(the 14 days before the last 14, the last 14), both ends included."""
    last = (today - _days(SPAN_DAYS - 1), today)
    earlier = (today - _days(2 * SPAN_DAYS - 1), today - _days(SPAN_DAYS))
    return earlier, last


def _in(walk: Walk, span: tuple[date, date], tz: tzinfo) -> bool:
    return span[0] <= local_date(walk, tz) <= span[1]


def tolerance_falling(walks: Iterable[Walk]) -> Sign | None:
    tests = walking_tests(walks)
    if len(tests) < MIN_TESTS:
        return None
    before = median([w.tolerance_s for w in tests[-2 * WINDOW_TESTS : -WINDOW_TESTS]])
    last = median([w.tolerance_s for w in tests[-WINDOW_TESTS:]])
    assert before is not None and last is not None
    pct = percent_change(before, last)
    if pct is None or pct > TOLERANCE_FALL_PCT:
        return None
    return _sign(
        SignCode.TOLERANCE_FALLING,
        lambda: _(
            "Your walking before symptoms has dropped from {before} to {now} over your last "
            "three walking tests ({change})."
        ).format(before=minutes_text(before), now=minutes_text(last), change=percent_text(pct)),
    )


class RestBasis(StrEnum):
    """Which rests of a training walk count for ``more_rests`` (DESIGN 5.4)."""

    SYMPTOM_TAP = "symptom_tap"  # live walk: rests that began with a symptom tap
    BEYOND_PLANNED = "beyond_planned"  # diary walk: rests beyond the planned bouts - 1


@dataclass(frozen=True)
class CountedRests:
    count: int
    basis: RestBasis


def symptom_rests(count: int) -> CountedRests:
    """A live walk's rests that began with a symptom tap."""
    return CountedRests(count, RestBasis.SYMPTOM_TAP)


def diary_rests(rests: int, planned_bouts: int) -> CountedRests:
    """A diary walk's rests beyond the planned bouts - 1 (the planned rests), never below 0."""
    return CountedRests(max(0, rests - max(planned_bouts - 1, 0)), RestBasis.BEYOND_PLANNED)


def more_rests(
    walks: Iterable[Walk],
    today: date,
    tz: tzinfo,
    counted_rests: Callable[[Walk], CountedRests | None] | None = None,
) -> Sign | None:
    """DESIGN 5.4. ``counted_rests`` says, per training walk, the rests that count (see the
    module); without it the recorded rests count (the rule before December 2026)."""
    earlier, last = _spans(today)
    training = [w for w in walks if w.kind == WalkKind.TRAINING]
    counted: list[tuple[Walk, int, RestBasis | None]] = []
    for w in training:
        if counted_rests is None:
            if w.rests is not None:
                counted.append((w, w.rests, None))
            continue
        found = counted_rests(w)
        if found is not None:
            counted.append((w, found.count, found.basis))
    before = [Fraction(n) for w, n, _b in counted if _in(w, earlier, tz)]
    now = [Fraction(n) for w, n, _b in counted if _in(w, last, tz)]
    if len(before) < MIN_TRAINING_WALKS or len(now) < MIN_TRAINING_WALKS:
        return None
    m_before, m_now = median(before), median(now)
    assert m_before is not None and m_now is not None
    if m_now - m_before < MORE_RESTS:
        return None
    bases = {b for w, _n, b in counted if _in(w, earlier, tz) or _in(w, last, tz)}
    return _sign(SignCode.MORE_RESTS, functools.partial(_rests_text, bases, m_now, m_before))


def _rests_text(bases: set[RestBasis | None], now: Fraction, before: Fraction) -> str:
    numbers = {"now": number_text(now), "before": number_text(before)}
    if bases == {RestBasis.SYMPTOM_TAP}:
        return _(
            "Your training walks have needed more rests because symptoms started: {now} on "
            "a typical walk in the last 14 days, up from {before} in the 14 days before."
        ).format(**numbers)
    if bases == {RestBasis.BEYOND_PLANNED}:
        return _(
            "Your training walks have needed more rests than planned: {now} extra on a "
            "typical walk in the last 14 days, up from {before} in the 14 days before."
        ).format(**numbers)
    if None in bases:
        return _(
            "Your training walks have needed more rests: {now} on a typical walk in the last "
            "14 days, up from {before} in the 14 days before."
        ).format(**numbers)
    return _(
        "Your training walks have needed more rests, counting rests taken because symptoms "
        "started or beyond the planned ones: {now} on a typical walk in the last 14 days, up "
        "from {before} in the 14 days before."
    ).format(**numbers)


def more_medication_less_walking(
    walks: Iterable[Walk], doses: Iterable[DailyDoses], today: date, tz: tzinfo
) -> Sign | None:
    earlier, last = _spans(today)
    log = dose_log(doses)
    doses_before = mean_daily_doses(log, *earlier)
    doses_now = mean_daily_doses(log, *last)
    if doses_before is None or doses_now is None or doses_now - doses_before < MORE_DOSES:
        return None
    walks = list(walks)
    per_week = Fraction(7, SPAN_DAYS)
    week_before = sum((w.total_walk_s for w in walks if _in(w, earlier, tz)), Fraction(0))
    week_now = sum((w.total_walk_s for w in walks if _in(w, last, tz)), Fraction(0))
    week_before, week_now = week_before * per_week, week_now * per_week
    pct = percent_change(week_before, week_now)
    if pct is None or pct > LESS_WALKING_PCT:
        return None
    return _sign(
        SignCode.MORE_MEDICATION_LESS_WALKING,
        lambda: _(
            "You are taking more pain medicine ({doses} doses a day, up from {doses_before}) "
            "and walking less ({walking} a week, down from {walking_before}, {change}) in the "
            "last 14 days than in the 14 before."
        ).format(
            doses=number_text(doses_now),
            doses_before=number_text(doses_before),
            walking=minutes_text(week_now),
            walking_before=minutes_text(week_before),
            change=percent_text(pct),
        ),
    )


def brief_relief(
    walks: Iterable[Walk],
    events: Iterable[TreatmentEvent],
    tz: tzinfo,
    logs: Iterable[PainLog] = (),
    relief_answers: Mapping[date, SinceTreatment] | None = None,
) -> Sign | None:
    """DESIGN 5.4 from the walking tests, and (December 2026) from the daily relief record
    (DESIGN 5.10): ``logs`` give the leg pain, ``relief_answers`` the daily "compared with
    before the treatment" answers by day."""
    walks = list(walks)
    logs = list(logs)
    answers = relief_answers or {}
    candidates = sorted(
        (e for e in events if e.kind in RELIEF_TREATMENTS), key=lambda e: e.date, reverse=True
    )
    for event in candidates:
        found = _walking_relief(walks, event, tz)
        if found is None and has_relief_record(event.kind):
            found = _recorded_relief(event, logs, answers)
        if found is not None:
            return _sign(SignCode.BRIEF_RELIEF, found)
    return None


def _walking_relief(
    walks: list[Walk], event: TreatmentEvent, tz: tzinfo
) -> Callable[[], str] | None:
    before, after, pct = treatment_effect(walks, event, tz)
    if before is None or after is None or pct is None or pct < RELIEF_PCT:
        return None
    later_tests = tests_between(
        walks, event.date + _days(LATER_FIRST_DAY), event.date + _days(LATER_LAST_DAY), tz
    )
    later = median([w.tolerance_s for w in later_tests])
    if later is None:
        return None
    later_pct = percent_change(before, later)
    if later_pct is None or later_pct > RELIEF_GONE_PCT:
        return None
    return functools.partial(_relief_text, event, before, after, pct, later)


def _recorded_relief(
    event: TreatmentEvent, logs: list[PainLog], answers: Mapping[date, SinceTreatment]
) -> Callable[[], str] | None:
    """DESIGN 5.10's record: relief that came and went within the 42 days."""
    back_on = relief_days(event.date, logs)
    baseline = relief_baseline(event.date, logs)
    if back_on is not None and baseline is not None:
        eased = any(
            log.leg_pain is not None
            and 1 <= (log.day - event.date).days < back_on
            and log.leg_pain < baseline - BACK_WITHIN
            for log in logs
        )
        if eased:
            return functools.partial(_pain_relief_text, event, back_on - 1)
    felt_on = _answers_back_on(event.date, answers)
    if felt_on is not None:
        return functools.partial(_felt_relief_text, event, felt_on - 1)
    return None


def _answers_back_on(treatment_day: date, answers: Mapping[date, SinceTreatment]) -> int | None:
    """The day number of the first of 3 consecutive answered days "same"/"worse" after a
    "better"/"much better", all within days 1-42; None otherwise."""
    better = {SinceTreatment.BETTER, SinceTreatment.MUCH_BETTER}
    asked = sorted(
        ((d - treatment_day).days, a)
        for d, a in answers.items()
        if 1 <= (d - treatment_day).days <= RELIEF_DAYS
    )
    felt_better = False
    for i, (number, answer) in enumerate(asked):
        if answer in better:
            felt_better = True
            continue
        run = asked[i : i + RELIEF_ANSWERS_BACK]
        if (
            felt_better
            and len(run) == RELIEF_ANSWERS_BACK
            and all(a not in better for _n, a in run)
        ):
            return number
    return None


def _pain_relief_text(event: TreatmentEvent, days: int) -> str:
    return ngettext(
        "After your {treatment} on {day}, your leg pain eased for {n} day, then came back "
        "close to where it was before.",
        "After your {treatment} on {day}, your leg pain eased for {n} days, then came back "
        "close to where it was before.",
        days,
    ).format(treatment=TREATMENT_WORDS[event.kind], day=day_text(event.date), n=days)


def _felt_relief_text(event: TreatmentEvent, days: int) -> str:
    return ngettext(
        "After your {treatment} on {day}, you felt better for {n} day, then no better than before.",
        "After your {treatment} on {day}, you felt better for {n} days, then no better than "
        "before.",
        days,
    ).format(treatment=TREATMENT_WORDS[event.kind], day=day_text(event.date), n=days)


def _relief_text(
    event: TreatmentEvent, before: Fraction, after: Fraction, pct: Decimal, later: Fraction
) -> str:
    return _(
        "After your {treatment} on {day}, your walking before symptoms rose from "
        "{before} to {after} ({change}), but in later tests it is back to {later}."
    ).format(
        treatment=TREATMENT_WORDS[event.kind],
        day=day_text(event.date),
        before=minutes_text(before),
        after=minutes_text(after),
        change=percent_text(pct),
        later=minutes_text(later),
    )


def new_weakness_or_balance(reports: Iterable[date], today: date) -> Sign | None:
    first = today - _days(WEAKNESS_DAYS - 1)
    recent = sorted({d for d in reports if first <= d <= today})
    if not recent:
        return None

    def say() -> str:
        when = day_text(recent[-1])
        if len(recent) == 1:
            return _("You reported new weakness or unsteadiness on {day}.").format(day=when)
        return ngettext(
            "You reported new weakness or unsteadiness on {n} day in the last 4 weeks, most "
            "recently on {day}.",
            "You reported new weakness or unsteadiness on {n} days in the last 4 weeks, most "
            "recently on {day}.",
            len(recent),
        ).format(n=len(recent), day=when)

    return _sign(SignCode.NEW_WEAKNESS_OR_BALANCE, say)


class PainLog(Protocol):
    """What the pain signs need of a daily log (``core.daily.DailyLog`` has it all)."""

    @property
    def day(self) -> date: ...

    @property
    def leg_pain(self) -> int | None: ...

    @property
    def back_pain(self) -> int | None: ...


def leg_more_than_back(logs: Iterable[PainLog], today: date) -> Sign | None:
    """DESIGN 5.4: over the last 14 days (>= 7 logged days), median leg pain >= 4 and >=
    median back pain + 2."""
    _earlier, last = _spans(today)
    days = {
        log.day: (log.leg_pain, log.back_pain)
        for log in logs
        if last[0] <= log.day <= last[1] and log.leg_pain is not None and log.back_pain is not None
    }
    if len(days) < MIN_PAIN_DAYS:
        return None
    leg = median([Fraction(lp) for lp, _bp in days.values() if lp is not None])
    back = median([Fraction(bp) for _lp, bp in days.values() if bp is not None])
    assert leg is not None and back is not None
    if leg < LEG_PAIN_AT_LEAST or leg < back + LEG_OVER_BACK:
        return None
    return _sign(
        SignCode.LEG_MORE_THAN_BACK,
        lambda: _(
            "Over the last 14 days your leg pain (typically {leg} out of 10) has been limiting "
            "you more than back soreness (typically {back} out of 10)."
        ).format(leg=number_text(leg), back=number_text(back)),
    )


def is_flare(walk: Walk, flare_pain: int = FLARE_PAIN) -> bool:
    """DESIGN 5.1: peak leg pain >= flare_pain, a flare the next day, or "must stop"."""
    return (
        walk.peak_leg_pain >= flare_pain
        or walk.next_day_flare
        or walk.ended_by == WalkEnd.MUST_STOP
    )


def repeated_flares(
    walks: Iterable[Walk], today: date, tz: tzinfo, flare_pain: int = FLARE_PAIN
) -> Sign | None:
    """DESIGN 5.4: >= 2 flares in the last 14 days and more than in the 14 days before."""
    earlier, last = _spans(today)
    flares = [w for w in walks if is_flare(w, flare_pain)]
    now = sum(1 for w in flares if _in(w, last, tz))
    before = sum(1 for w in flares if _in(w, earlier, tz))
    if now < MIN_FLARES or now <= before:
        return None
    return _sign(
        SignCode.REPEATED_FLARES,
        lambda: ngettext(
            "You had {n} flare-up on your walks in the last 14 days, up from {before} in the "
            "14 days before.",
            "You had {n} flare-ups on your walks in the last 14 days, up from {before} in the "
            "14 days before.",
            now,
        ).format(n=now, before=before),
    )


def activities_dropped(questionnaires: Iterable[Questionnaire], today: date) -> Sign | None:
    """DESIGN 5.4: the latest "My activities" mean >= 2 points below the one before, or an
    activity marked "stopped doing it" in the latest."""
    found = [q for q in psfs_questionnaires(questionnaires) if q.date <= today]
    if not found:
        return None
    latest = found[-1]
    now = psfs_mean(latest)
    before = psfs_mean(found[-2]) if len(found) >= 2 else None
    dropped = now is not None and before is not None and before - now >= ACTIVITIES_DROP
    stopped = stopped_activities(latest)
    if not dropped and not stopped:
        return None
    return _sign(
        SignCode.ACTIVITIES_DROPPED,
        functools.partial(_dropped_text, latest.date, before if dropped else None, now, stopped),
    )


def _dropped_text(
    day: date, before: Fraction | None, now: Fraction | None, stopped: list[str]
) -> str:
    when = day_text(day)
    if before is not None and now is not None and stopped:
        return _(
            "Your ratings of the activities you chose dropped from {before} to {now} out of "
            "10 on {day}, and you marked that you have stopped doing: {activities}."
        ).format(
            before=number_text(before), now=number_text(now), day=when, activities=and_text(stopped)
        )
    if before is not None and now is not None:
        return _(
            "Your ratings of the activities you chose dropped from {before} to {now} out of "
            "10 on {day}."
        ).format(before=number_text(before), now=number_text(now), day=when)
    return _("On {day} you marked that you have stopped doing: {activities}.").format(
        day=when, activities=and_text(stopped)
    )


def specialist_signs(
    walks: Iterable[Walk],
    doses: Iterable[DailyDoses],
    events: Iterable[TreatmentEvent],
    weakness_reports: Iterable[date],
    today: date,
    tz: tzinfo,
    *,
    logs: Iterable[PainLog] = (),
    questionnaires: Iterable[Questionnaire] = (),
    counted_rests: Callable[[Walk], CountedRests | None] | None = None,
    relief_answers: Mapping[date, SinceTreatment] | None = None,
    flare_pain: int = FLARE_PAIN,
) -> list[Sign]:
    """Every sign of DESIGN 5.4 the data shows, in the order DESIGN 5.4 lists them.

    The keyword arguments (December 2026) default to "nothing known": without ``logs`` there
    is no ``leg_more_than_back`` and no relief-record ``brief_relief``; without
    ``questionnaires`` no ``activities_dropped``; without ``counted_rests`` ``more_rests``
    counts the recorded rests (the rule before December 2026)."""
    walks = list(walks)
    logs = list(logs)
    found = [
        tolerance_falling(walks),
        more_rests(walks, today, tz, counted_rests),
        more_medication_less_walking(walks, doses, today, tz),
        brief_relief(walks, events, tz, logs, relief_answers),
        new_weakness_or_balance(weakness_reports, today),
        leg_more_than_back(logs, today),
        repeated_flares(walks, today, tz, flare_pain),
        activities_dropped(questionnaires, today),
    ]
    return [sign for sign in found if sign is not None]
