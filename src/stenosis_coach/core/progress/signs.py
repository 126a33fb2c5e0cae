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
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from stenosis_coach.core.daily import TREATMENT_WORDS, TreatmentEvent, TreatmentKind
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
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.words import (
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


def more_rests(walks: Iterable[Walk], today: date, tz: tzinfo) -> Sign | None:
    earlier, last = _spans(today)
    counted = [w for w in walks if w.kind == WalkKind.TRAINING and w.rests is not None]
    before = [Fraction(w.rests or 0) for w in counted if _in(w, earlier, tz)]
    now = [Fraction(w.rests or 0) for w in counted if _in(w, last, tz)]
    if len(before) < MIN_TRAINING_WALKS or len(now) < MIN_TRAINING_WALKS:
        return None
    m_before, m_now = median(before), median(now)
    assert m_before is not None and m_now is not None
    if m_now - m_before < MORE_RESTS:
        return None
    return _sign(
        SignCode.MORE_RESTS,
        lambda: _(
            "Your training walks have needed more rests: {now} on a typical walk in the last "
            "14 days, up from {before} in the 14 days before."
        ).format(now=number_text(m_now), before=number_text(m_before)),
    )


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
    walks: Iterable[Walk], events: Iterable[TreatmentEvent], tz: tzinfo
) -> Sign | None:
    walks = list(walks)
    candidates = sorted(
        (e for e in events if e.kind in RELIEF_TREATMENTS), key=lambda e: e.date, reverse=True
    )
    for event in candidates:
        before, after, pct = treatment_effect(walks, event, tz)
        if before is None or after is None or pct is None or pct < RELIEF_PCT:
            continue
        later_tests = tests_between(
            walks, event.date + _days(LATER_FIRST_DAY), event.date + _days(LATER_LAST_DAY), tz
        )
        later = median([w.tolerance_s for w in later_tests])
        if later is None:
            continue
        later_pct = percent_change(before, later)
        if later_pct is None or later_pct > RELIEF_GONE_PCT:
            continue
        said = functools.partial(_relief_text, event, before, after, pct, later)
        return _sign(SignCode.BRIEF_RELIEF, said)
    return None


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


def specialist_signs(
    walks: Iterable[Walk],
    doses: Iterable[DailyDoses],
    events: Iterable[TreatmentEvent],
    weakness_reports: Iterable[date],
    today: date,
    tz: tzinfo,
) -> list[Sign]:
    """Every sign of DESIGN 5.4 the data shows, in the order DESIGN 5.4 lists them."""
    walks = list(walks)
    found = [
        tolerance_falling(walks),
        more_rests(walks, today, tz),
        more_medication_less_walking(walks, doses, today, tz),
        brief_relief(walks, events, tz),
        new_weakness_or_balance(weakness_reports, today),
    ]
    return [sign for sign in found if sign is not None]
