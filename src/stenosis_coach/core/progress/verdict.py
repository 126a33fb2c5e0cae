"""Is conservative care working? The verdict of DESIGN 5.3 (a **contract**).

All arithmetic is exact (:class:`fractions.Fraction`). The one rounding is ``change_pct``:
half away from zero to one decimal, and the rules judge that rounded value, so what is shown
is what is judged.

Where the contract leaves room, these are the readings taken here (tests pin each one):

- Only walking tests count, in :func:`replay_order`. A walk's day is the local date of its
  start in the ``tz`` given.
- The windows are reported whenever there is at least one test: baseline = the first up to
  3 tests, latest = the last up to 3 (with 1-5 tests they overlap; the worked example
  ``diary-prescription-steps`` reports both windows for 2 tests). ``verdict`` and
  ``change_pct`` need at least 6 tests: below that they are ``not_enough_data`` and null.
- ``medication_up`` compares two spans of 14 calendar days, both ends included:
  ``[first baseline test day, that day + 13]`` and ``[last latest test day - 13, that day]``.
  A day is logged when the log has an entry for it (entries for the same day are added); a
  span's mean is its doses over its logged days (an unlogged day is not a zero). It is
  ``True`` when the later mean is at least 1 dose a day higher, ``False`` when not, and null
  unless both spans have at least 7 logged days. It is computed whenever the windows exist,
  and judged only with 6 or more tests; null counts as "not up".
- "Median leg pain up by 2" is latest median minus baseline median >= 2, exactly.
- A baseline median tolerance of 0 leaves ``change_pct`` undefined (null); the verdict is
  then ``slipping`` on the leg-pain rule, else ``holding``.
- ``treatment_effect``: "before" is the 28 days ``[E - 28, E - 1]`` (the event day itself
  is in neither span: a test that day cannot be placed before or after it); "after" is
  days 7 to 35, both included: ``[E + 7, E + 35]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple

from stenosis_coach.core.daily import (  # noqa: F401 (re-exported: the verdict's inputs)
    TREATMENT_WORDS,
    TreatmentEvent,
    TreatmentKind,
)
from stenosis_coach.core.walking.model import Walk, WalkKind, replay_order
from stenosis_coach.core.words import (
    minutes_text,
    number_text,
    percent_text,
    round_half_away,
)
from stenosis_coach.i18n import N_, _, ngettext

WINDOW_TESTS = 3  # baseline = first 3 tests, latest = last 3 (DESIGN 5.3)
MIN_TESTS = 6  # fewer test walks: not_enough_data (DESIGN 5.3)
IMPROVING_PCT = 30  # walking-distance MCID >= 30% (Ammendolia 2018)
SLIPPING_PCT = -30  # the same change, downwards
PAIN_UP_POINTS = 2  # leg-pain NRS MCID 2 points (Ostelo 2008)
MEDICATION_SPAN_DAYS = 14  # DESIGN 5.3
MEDICATION_MIN_LOGGED_DAYS = 7  # DESIGN 5.3
MEDICATION_UP_DOSES = 1  # mean daily doses up by >= 1 (DESIGN 5.3)
NUDGE_AFTER_DAYS = 28  # DESIGN 5.3: "> 28" days since the last test
TREATMENT_BEFORE_DAYS = 28  # DESIGN 5.3: the 28 days before an event
TREATMENT_AFTER_FIRST_DAY = 7  # DESIGN 5.3: days 7-35 after an event
TREATMENT_AFTER_LAST_DAY = 35


# ---- exact arithmetic -------------------------------------------------------------------


def median(values: Sequence[Fraction | int]) -> Fraction | None:
    """The median, exact; an even count gives the mean of the middle two; empty -> ``None``."""
    ordered = sorted(Fraction(v) for v in values)
    n = len(ordered)
    if n == 0:
        return None
    mid = n // 2
    if n % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def percent_change(before: Fraction, after: Fraction) -> Decimal | None:
    """``100 * (after - before) / before``, rounded half away from zero to one decimal;
    ``None`` when ``before`` is 0."""
    if before == 0:
        return None
    return round_half_away(100 * (Fraction(after) - Fraction(before)) / Fraction(before))


# ---- words (shared/UI.md "Words") ------------------------------------------------------


# ---- walks and days ---------------------------------------------------------------------


def local_date(walk: Walk, tz: tzinfo) -> date:
    """The local calendar day a walk started on."""
    return walk.start.astimezone(tz).date()


def walking_tests(walks: Iterable[Walk]) -> list[Walk]:
    """The walking tests, in replay order."""
    return replay_order([w for w in walks if w.kind == WalkKind.TEST])


def tests_between(walks: Iterable[Walk], first: date, last: date, tz: tzinfo) -> list[Walk]:
    """Test walks whose local day is in ``[first, last]`` (both included), in replay order."""
    return [w for w in walking_tests(walks) if first <= local_date(w, tz) <= last]


@dataclass(frozen=True)
class Window:
    """A group of test walks and their medians (DESIGN 4.1 ``baseline`` / ``latest``)."""

    from_date: date
    to_date: date
    walks: int
    median_tolerance_s: Fraction
    median_time_to_symptoms_s: Fraction | None
    median_total_walk_s: Fraction
    median_leg_pain: Fraction

    @classmethod
    def of(cls, tests: Sequence[Walk], tz: tzinfo) -> Window:
        """The window over ``tests`` (non-empty, in replay order)."""
        if not tests:
            raise ValueError("a window needs at least one test walk")
        return cls(
            from_date=local_date(tests[0], tz),
            to_date=local_date(tests[-1], tz),
            walks=len(tests),
            median_tolerance_s=_must(median([w.tolerance_s for w in tests])),
            median_time_to_symptoms_s=median([w.tfs_s for w in tests if w.tfs_s is not None]),
            median_total_walk_s=_must(median([w.total_walk_s for w in tests])),
            median_leg_pain=_must(median([Fraction(w.peak_leg_pain) for w in tests])),
        )

    def to_json(self) -> dict[str, object]:
        tfs = self.median_time_to_symptoms_s
        return {
            "from": self.from_date.isoformat(),
            "to": self.to_date.isoformat(),
            "walks": self.walks,
            "median_tolerance_s": float(self.median_tolerance_s),
            "median_time_to_symptoms_s": None if tfs is None else float(tfs),
            "median_total_walk_s": float(self.median_total_walk_s),
            "median_leg_pain": float(self.median_leg_pain),
        }


def _must(value: Fraction | None) -> Fraction:
    assert value is not None
    return value


# ---- medication ------------------------------------------------------------------------


@dataclass(frozen=True)
class DailyDoses:
    """Pain-medication doses taken on one day, all kinds added (from the daily log)."""

    date: date
    doses: int

    def __post_init__(self) -> None:
        if self.doses < 0:
            raise ValueError("doses cannot be negative")


def dose_log(doses: Iterable[DailyDoses]) -> dict[date, int]:
    """Doses per logged day; entries for the same day are added."""
    log: dict[date, int] = {}
    for entry in doses:
        log[entry.date] = log.get(entry.date, 0) + entry.doses
    return log


def mean_daily_doses(log: dict[date, int], first: date, last: date) -> Fraction | None:
    """Mean doses per logged day in ``[first, last]``; ``None`` with fewer than 7 logged days."""
    days = [n for day, n in log.items() if first <= day <= last]
    if len(days) < MEDICATION_MIN_LOGGED_DAYS:
        return None
    return Fraction(sum(days), len(days))


def medication_went_up(log: dict[date, int], earlier: date, later: date) -> bool | None:
    """The 14 days from ``earlier`` against the 14 days up to ``later`` (DESIGN 5.3)."""
    span = timedelta(days=MEDICATION_SPAN_DAYS - 1)
    before = mean_daily_doses(log, earlier, earlier + span)
    after = mean_daily_doses(log, later - span, later)
    if before is None or after is None:
        return None
    return after - before >= MEDICATION_UP_DOSES


# ---- the verdict -----------------------------------------------------------------------


class VerdictKind(StrEnum):
    IMPROVING = "improving"
    HOLDING = "holding"
    SLIPPING = "slipping"
    NOT_ENOUGH_DATA = "not_enough_data"


_VERDICT_WORDS = {  # shown as _(...)
    VerdictKind.IMPROVING: N_("Improving: your walking has got better."),
    VerdictKind.HOLDING: N_("Holding steady: no clear change in your walking."),
    VerdictKind.SLIPPING: N_("Slipping: things have got worse since your first tests."),
}


@dataclass(frozen=True)
class Verdict:
    verdict: VerdictKind
    change_pct: Decimal | None
    medication_up: bool | None
    last_test_days_ago: int | None
    baseline: Window | None
    latest: Window | None
    test_walks: int = 0

    @property
    def summary(self) -> str:
        """The verdict and the numbers behind it, in plain words."""
        if self.baseline is None or self.latest is None:
            return _(
                "No walking tests yet. A walking test measures how long you can walk "
                "before symptoms start."
            )
        if self.verdict == VerdictKind.NOT_ENOUGH_DATA:
            return ngettext(
                "Not enough tests yet: you have done {n} walking test. Progress is judged after "
                "{needed}: your first {window} against your latest {window}.",
                "Not enough tests yet: you have done {n} walking tests. Progress is judged "
                "after {needed}: your first {window} against your latest {window}.",
                self.test_walks,
            ).format(n=self.test_walks, needed=MIN_TESTS, window=WINDOW_TESTS)
        b, la = self.baseline, self.latest
        before, now = minutes_text(b.median_tolerance_s), minutes_text(la.median_tolerance_s)
        if self.change_pct is not None:
            walking = _("Walking before symptoms: {before} \u2192 {now} ({change}).").format(
                before=before, now=now, change=percent_text(self.change_pct)
            )
        else:
            walking = _("Walking before symptoms: {before} \u2192 {now}.").format(
                before=before, now=now
            )
        parts = [
            _(_VERDICT_WORDS[self.verdict]),
            walking,
            _("Leg pain: {before} \u2192 {now}.").format(
                before=number_text(b.median_leg_pain), now=number_text(la.median_leg_pain)
            ),
        ]
        if self.medication_up:
            parts.append(
                _("You are taking at least 1 more dose of pain medicine a day than at first.")
            )
        return " ".join(parts)

    @property
    def nudge(self) -> str | None:
        """DESIGN 5.3: shown when the last walking test is more than 28 days old."""
        days = self.last_test_days_ago
        if days is None or days <= NUDGE_AFTER_DAYS:
            return None
        return ngettext(
            "Your last walking test was {days} day ago — a new one keeps this honest.",
            "Your last walking test was {days} days ago — a new one keeps this honest.",
            days,
        ).format(days=days)


def judge(
    change_pct: Decimal | None, pain_change: Fraction, medication_up: bool | None
) -> VerdictKind:
    """The three rules of DESIGN 5.3 on the rounded change (with at least 6 tests)."""
    pain_up = pain_change >= PAIN_UP_POINTS
    if (
        (change_pct is not None and change_pct <= SLIPPING_PCT)
        or pain_up
        or (medication_up is True and change_pct is not None and change_pct < 0)
    ):
        return VerdictKind.SLIPPING
    if change_pct is not None and change_pct >= IMPROVING_PCT and medication_up is not True:
        return VerdictKind.IMPROVING
    return VerdictKind.HOLDING


def compute_verdict(
    walks: Iterable[Walk], doses: Iterable[DailyDoses], today: date, tz: tzinfo
) -> Verdict:
    """DESIGN 5.3 over every walk (training walks are ignored)."""
    tests = walking_tests(walks)
    if not tests:
        return Verdict(VerdictKind.NOT_ENOUGH_DATA, None, None, None, None, None, 0)
    baseline = Window.of(tests[:WINDOW_TESTS], tz)
    latest = Window.of(tests[-WINDOW_TESTS:], tz)
    medication_up = medication_went_up(dose_log(doses), baseline.from_date, latest.to_date)
    days_ago = (today - latest.to_date).days
    if len(tests) < MIN_TESTS:
        kind, change = VerdictKind.NOT_ENOUGH_DATA, None
    else:
        change = percent_change(baseline.median_tolerance_s, latest.median_tolerance_s)
        pain_change = latest.median_leg_pain - baseline.median_leg_pain
        kind = judge(change, pain_change, medication_up)
    return Verdict(kind, change, medication_up, days_ago, baseline, latest, len(tests))


def to_status_json(v: Verdict) -> dict[str, object]:
    """The verdict part of ``status --json`` (DESIGN 4.1)."""
    return {
        "verdict": str(v.verdict),
        "change_pct": None if v.change_pct is None else float(v.change_pct),
        "medication_up": v.medication_up,
        "last_test_days_ago": v.last_test_days_ago,
        "baseline": None if v.baseline is None else v.baseline.to_json(),
        "latest": None if v.latest is None else v.latest.to_json(),
    }


# ---- treatment events ------------------------------------------------------------------


class TreatmentEffect(NamedTuple):
    before_median_s: Fraction | None  # test walks in [E - 28, E - 1]
    after_median_s: Fraction | None  # test walks in [E + 7, E + 35]
    change_pct: Decimal | None  # rounded like the verdict; null if either side is


def treatment_effect(walks: Iterable[Walk], event: TreatmentEvent, tz: tzinfo) -> TreatmentEffect:
    """Median tolerance of test walks before an event and in days 7-35 after ("after", not
    "because of"; DESIGN 5.3)."""
    walks = list(walks)
    day = event.date
    before_tests = tests_between(
        walks, day - timedelta(days=TREATMENT_BEFORE_DAYS), day - timedelta(days=1), tz
    )
    after_tests = tests_between(
        walks,
        day + timedelta(days=TREATMENT_AFTER_FIRST_DAY),
        day + timedelta(days=TREATMENT_AFTER_LAST_DAY),
        tz,
    )
    before = median([w.tolerance_s for w in before_tests])
    after = median([w.tolerance_s for w in after_tests])
    change = None if before is None or after is None else percent_change(before, after)
    return TreatmentEffect(before, after, change)
