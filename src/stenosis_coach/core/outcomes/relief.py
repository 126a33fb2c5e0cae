"""Relief after a treatment (DESIGN 5.10; seed 000: "judge an injection by function").

After an epidural injection, a nerve block or a procedure (the kinds in
:data:`~stenosis_coach.core.outcomes.model.RELIEF_KINDS`; other kinds have no relief
record), the daily log asks for 42 days "compared with before the treatment".

- ``baseline`` = the median leg pain of the logged days among the 14 days before the
  treatment day (the treatment day excluded): ``[T - 14, T - 1]``; null without >= 3 of them.
- Walk through the logged days after the treatment day (day 1 = the next day) up to day 42,
  skipping days with no log: ``relief_days`` = the day number of the first of 3 consecutive
  logged days whose leg pain is >= baseline - 1; null when no such run is seen by day 42
  (the 3 days of the run all lie within days 1-42: a run whose later days are not yet
  logged, or fall after day 42, does not count), or when there is no baseline. Shown
  "still better after N days".

Readings: a "logged day" is a day whose log has a leg pain (a log without one is skipped,
as a day with no log is); with two logs on one day the last given counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction
from typing import Final, Protocol

from stenosis_coach.core.daily import TREATMENT_WORDS, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import RELIEF_DAYS, TreatmentRelief, has_relief_record
from stenosis_coach.i18n import _, ngettext

BASELINE_DAYS: Final = 14  # DESIGN 5.10: the 14 days before the treatment day
MIN_BASELINE_DAYS: Final = 3  # DESIGN 5.10: null without >= 3 logged days
RUN_DAYS: Final = 3  # DESIGN 5.10: 3 consecutive logged days
BACK_WITHIN: Final = 1  # DESIGN 5.10: leg pain >= baseline - 1


class LegPainLog(Protocol):
    """What relief needs of a daily log (``core.daily.DailyLog`` has both)."""

    @property
    def day(self) -> date: ...

    @property
    def leg_pain(self) -> int | None: ...


def _leg_pain_by_day(logs: Iterable[LegPainLog]) -> dict[date, int]:
    return {log.day: log.leg_pain for log in logs if log.leg_pain is not None}


def _median(values: list[int]) -> Fraction:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[mid])
    return Fraction(ordered[mid - 1] + ordered[mid], 2)


def _baseline(treatment_day: date, pains: dict[date, int]) -> Fraction | None:
    first = treatment_day - timedelta(days=BASELINE_DAYS)
    before = [p for d, p in pains.items() if first <= d < treatment_day]
    return _median(before) if len(before) >= MIN_BASELINE_DAYS else None


def relief_baseline(treatment_day: date, logs: Iterable[LegPainLog]) -> Fraction | None:
    """The median leg pain of the logged days in ``[T - 14, T - 1]``; None with fewer than 3."""
    return _baseline(treatment_day, _leg_pain_by_day(logs))


def _relief_days(treatment_day: date, pains: dict[date, int]) -> int | None:
    baseline = _baseline(treatment_day, pains)
    if baseline is None:
        return None
    after = sorted(
        ((d - treatment_day).days, p)
        for d, p in pains.items()
        if 1 <= (d - treatment_day).days <= RELIEF_DAYS
    )
    back = [p >= baseline - BACK_WITHIN for _, p in after]
    for i in range(len(after) - RUN_DAYS + 1):
        if all(back[i : i + RUN_DAYS]):
            return after[i][0]
    return None


def relief_days(treatment_day: date, logs: Iterable[LegPainLog]) -> int | None:
    """DESIGN 5.10's relief days after a treatment on ``treatment_day`` (see the module)."""
    return _relief_days(treatment_day, _leg_pain_by_day(logs))


def relief_words(
    treatment_day: date,
    logs: Iterable[LegPainLog],
    last: date,
    kind: TreatmentKind | None = None,
) -> str:
    """The relief after a treatment on ``treatment_day`` in the patient's words, from the
    logs up to ``last`` (the report's last day, or today): the day leg pain came back, or
    still better after the days so far (at most 42), or not enough logs before it to tell;
    ``""`` on the treatment day itself. Each sentence is clear alone: its day counts from
    the treatment, named by ``kind`` ("after the epidural injection"; "after the
    treatment" when not given). Progress and the report say it alike."""
    # Translators: the treatment in "after the {treatment}" when its kind is not said.
    treatment = TREATMENT_WORDS[kind] if kind is not None else _("treatment")
    pains = {d: p for d, p in _leg_pain_by_day(logs).items() if d <= last}
    days = _relief_days(treatment_day, pains)
    if days is not None:
        return _(
            "Leg pain back near where it was before, on day {day} after the {treatment}."
        ).format(day=days, treatment=treatment)
    if _baseline(treatment_day, pains) is None:
        return _(
            "Not enough daily logs before the {treatment} to tell how long relief lasted."
        ).format(treatment=treatment)
    since = min(RELIEF_DAYS, (last - treatment_day).days)
    if since <= 0:
        return ""
    return ngettext(
        "Still better {n} day after the {treatment}.",
        "Still better {n} days after the {treatment}.",
        since,
    ).format(n=since, treatment=treatment)


def treatment_relief(
    events: Iterable[TreatmentEvent], logs: Iterable[LegPainLog]
) -> list[TreatmentRelief]:
    """``status --json`` ``treatment_relief`` (DESIGN 4.1): one entry per treatment with a
    relief record, oldest first."""
    pains = _leg_pain_by_day(logs)
    chosen = sorted((e for e in events if has_relief_record(e.kind)), key=lambda e: e.date)
    return [TreatmentRelief(e.date, e.kind, _relief_days(e.date, pains)) for e in chosen]
