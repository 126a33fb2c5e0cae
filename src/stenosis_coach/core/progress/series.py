"""The progress page's plot series (issue 6): the patient's data as points ready to draw.

Pure and Qt-free. A point has plain floats to plot (``x`` POSIX seconds; ``y`` minutes, a
0-10 rating or a count), the exact value behind ``y``, and hover text made on demand (ten
years of eager strings would spend much of the page's time budget). Readings (tests pin them):

- A walk is drawn at its start; a day (log, treatment) at local noon in ``tz``; a week at
  noon of its ISO Monday. Noon is computed in ``tz`` itself, so daylight saving never moves
  a point to another day; ``tz=None`` is the computer's own zone (Python's naive rule).
- A walk's day is the local date of its start in ``tz``; a routine session's is the date of
  its ``local_start`` (the clock the patient lived by that day).
- Tolerance is DESIGN 5.1's; when symptoms never came it is flagged ``lower_bound`` ("at
  least"). The running median is DESIGN 5.3's exact median (even count: mean of the middle
  two) of the last ``window`` tests, fewer at the start, and is not flagged.
- Weekly series run without gaps from the first week with data to the last (or ``until``'s
  week, when later), empty weeks 0; adherence counts every walk and routine session.
- Several logs for one day: doses are added (as the verdict does), otherwise the last log
  wins. A logged day with no medication is a 0. A 30 min standing test is a lower bound.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum
from fractions import Fraction

from stenosis_coach.core.adherence import Adherence
from stenosis_coach.core.daily import STANDING_LIMIT_S, DailyLog, TreatmentEvent
from stenosis_coach.core.outcomes.zcq import score_text
from stenosis_coach.core.progress.verdict import median
from stenosis_coach.core.routine_summary import RoutineSummary
from stenosis_coach.core.walking.model import Walk, WalkKind, replay_order
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import _, ngettext

HALF_DAY_S = 43_200.0
NOON = time(12)
RUNNING_WINDOW = 3  # DESIGN 5.3 windows are 3 tests
DEFAULT_DAYS = 28  # Range.ALL without data


@dataclass(frozen=True)
class Point:
    x: float  # POSIX seconds
    y: float  # float(exact), for plotting
    day: date  # local day (a week's Monday for weekly series)
    exact: Fraction | int  # minutes (Fraction), rating or count (int), exactly
    key: str  # the series it belongs to; chooses the hover text
    lower_bound: bool = False  # "at least": symptoms never came
    counts: tuple[int, ...] = ()  # what the hover text adds (walks in a week, ...)

    @property
    def text(self) -> str:
        """Hover text: "Mon 4 May: 6.5 min before symptoms"."""
        return _TEXTS[self.key](self)


@dataclass(frozen=True)
class Series:
    key: str  # stable id: "tolerance", "leg_pain", ...
    points: tuple[Point, ...] = ()

    @property
    def xs(self) -> list[float]:
        return [p.x for p in self.points]

    @property
    def ys(self) -> list[float]:
        return [p.y for p in self.points]


@dataclass(frozen=True)
class PainSeries:
    leg: Series
    back: Series
    numbness: Series


@dataclass(frozen=True)
class AdherenceSeries:
    """Per week: walks started and routine sessions (``counts``: those done, DESIGN 5.7);
    and what was planned each week (core.adherence: a week before any plan plans 0)."""

    walks: Series
    routines: Series
    planned_walks: Series = Series("walks_planned")
    planned_routines: Series = Series("routines_planned")


@dataclass(frozen=True)
class Marker:
    x: float
    day: date
    label: str  # "Epidural injection"
    text: str  # label, day and note, for hover


class Range(Enum):
    """The progress page's ranges; the value is the number of days shown (None: all)."""

    FOUR_WEEKS = 28
    TWELVE_WEEKS = 84
    ALL = None

    @property
    def days(self) -> int | None:
        days: int | None = self.value
        return days


# ---- hover text -------------------------------------------------------------------------


def _minutes(p: Point) -> str:
    said = (
        _("{day}: {time}, no symptoms (at least)")
        if p.lower_bound
        else _("{day}: {time} before symptoms")
    )
    return said.format(day=day_text(p.day), time=minutes_text(p.exact * 60))


def _standing_text(p: Point) -> str:
    said = (
        _("{day}: stood {time}, no symptoms (at least)")
        if p.lower_bound
        else _("{day}: stood {time} before symptoms")
    )
    return said.format(day=day_text(p.day), time=minutes_text(p.exact * 60))


def _median_text(p: Point) -> str:
    n = p.counts[0]
    said = (
        _("{day}: {time} (one test so far)")
        if n == 1
        else ngettext(
            "{day}: {time} (median of the last {n} test)",
            "{day}: {time} (median of the last {n} tests)",
            n,
        )
    )
    return said.format(day=day_text(p.day), time=minutes_text(p.exact * 60), n=n)


def _training_text(p: Point) -> str:
    n = p.counts[0]
    if not n:
        return _("Week of {day}: no training walks").format(day=day_text(p.day))
    return ngettext(
        "Week of {day}: {time} of training walks ({n} walk)",
        "Week of {day}: {time} of training walks ({n} walks)",
        n,
    ).format(day=day_text(p.day), time=minutes_text(p.exact * 60), n=n)


def _walks_text(p: Point) -> str:
    tests, n = p.counts[0], int(p.exact)
    walks = ngettext("{n} walk", "{n} walks", n).format(n=n)
    if tests:
        # A week on the plot: "Week of Mon 4 May: 3 walks (1 walking test)".
        return ngettext(
            "Week of {day}: {walks} ({n} walking test)",
            "Week of {day}: {walks} ({n} walking tests)",
            tests,
        ).format(day=day_text(p.day), walks=walks, n=tests)
    return _("Week of {day}: {walks}").format(day=day_text(p.day), walks=walks)


def _routines_text(p: Point) -> str:
    n = int(p.exact)
    if not n:
        return _("Week of {day}: 0 routine sessions").format(day=day_text(p.day))
    return ngettext(
        "Week of {day}: {n} routine session, {done} completed",
        "Week of {day}: {n} routine sessions, {done} completed",
        n,
    ).format(day=day_text(p.day), n=n, done=p.counts[0])


def _walks_planned_text(p: Point) -> str:
    n = int(p.exact)
    return ngettext(
        "Week of {day}: {n} walk planned", "Week of {day}: {n} walks planned", n
    ).format(day=day_text(p.day), n=n)


def _routines_planned_text(p: Point) -> str:
    n = int(p.exact)
    return ngettext(
        "Week of {day}: {n} routine session planned",
        "Week of {day}: {n} routine sessions planned",
        n,
    ).format(day=day_text(p.day), n=n)


def _rating_text(key: str) -> Callable[[Point], str]:
    def text(p: Point) -> str:
        said = {
            "leg_pain": _("{day}: leg pain {rating} out of 10"),
            "back_pain": _("{day}: back pain {rating} out of 10"),
            "numbness": _("{day}: numbness or tingling {rating} out of 10"),
        }[key]
        return said.format(day=day_text(p.day), rating=p.exact)

    return text


def _medication_text(p: Point) -> str:
    n = int(p.exact)
    if not n:
        return _("{day}: no pain medication").format(day=day_text(p.day))
    return ngettext(
        "{day}: {n} dose of pain medication", "{day}: {n} doses of pain medication", n
    ).format(day=day_text(p.day), n=n)


def _zcq_text(key: str) -> Callable[[Point], str]:
    """A questionnaire's score: "Mon 4 May: symptoms 2.80 (1 to 5, lower is better)"."""

    def text(p: Point) -> str:
        said = {
            "zcq_symptoms": _("{day}: symptoms {score} (1 to 5, lower is better)"),
            "zcq_function": _("{day}: what you can do {score} (1 to 4, lower is better)"),
        }[key]
        return said.format(day=day_text(p.day), score=score_text(Fraction(p.exact)))

    return text


_TEXTS: dict[str, Callable[[Point], str]] = {
    "tolerance": _minutes,
    "tolerance_median": _median_text,
    "training_minutes": _training_text,
    "walks_per_week": _walks_text,
    "routines_per_week": _routines_text,
    "walks_planned": _walks_planned_text,
    "routines_planned": _routines_planned_text,
    "leg_pain": _rating_text("leg_pain"),
    "back_pain": _rating_text("back_pain"),
    "numbness": _rating_text("numbness"),
    "medication": _medication_text,
    "standing": _standing_text,
    "zcq_symptoms": _zcq_text("zcq_symptoms"),
    "zcq_function": _zcq_text("zcq_function"),
}


# ---- days and weeks ---------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def noon_x(day: date, tz: tzinfo | None = None) -> float:
    """POSIX seconds at 12:00 local time on ``day`` in ``tz`` (memoised: years of daily
    points share a few thousand days)."""
    return datetime.combine(day, NOON, tzinfo=tz).timestamp()


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_span(mondays: Iterable[date], until: date | None) -> list[date]:
    """Every Monday from the first to the last of ``mondays`` (or ``until``'s week)."""
    found = set(mondays)
    if not found:
        return []
    first, last = min(found), max(found)
    if until is not None:
        last = max(last, monday(until))
    return [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def _walk_day(walk: Walk, tz: tzinfo | None) -> date:
    return walk.start.astimezone(tz).date()


# ---- walking ----------------------------------------------------------------------------


def tolerance_points(walks: Iterable[Walk], tz: tzinfo | None) -> Series:
    """One point per walking test, in replay order: minutes before symptoms."""
    points = []
    for w in replay_order([w for w in walks if w.kind == WalkKind.TEST]):
        mins = w.tolerance_s / 60
        x, day = w.start.timestamp(), _walk_day(w, tz)
        points.append(Point(x, float(mins), day, mins, "tolerance", w.tfs_s is None))
    return Series("tolerance", tuple(points))


def tolerance_running_median(
    walks: Iterable[Walk], tz: tzinfo | None, window: int = RUNNING_WINDOW
) -> Series:
    """At each test, the exact median tolerance of the last ``window`` tests (fewer at first)."""
    if window < 1:
        raise ValueError("window must be at least 1")
    tests = tolerance_points(walks, tz).points
    points = []
    for i, p in enumerate(tests):
        last = tests[max(0, i - window + 1) : i + 1]
        mid = median([q.exact for q in last])
        if mid is None:  # never: ``last`` holds at least the test itself
            continue
        points.append(Point(p.x, float(mid), p.day, mid, "tolerance_median", counts=(len(last),)))
    return Series("tolerance_median", tuple(points))


def training_minutes_per_week(
    walks: Iterable[Walk], tz: tzinfo | None, until: date | None = None
) -> Series:
    """Walking minutes (rests excluded) of training walks per ISO week."""
    seconds: dict[date, Fraction] = defaultdict(Fraction)
    count: dict[date, int] = defaultdict(int)
    for w in walks:
        if w.kind == WalkKind.TRAINING:
            week = monday(_walk_day(w, tz))
            seconds[week] += w.total_walk_s
            count[week] += 1
    points = []
    for week in _week_span(seconds, until):
        mins = seconds.get(week, Fraction(0)) / 60
        n = count.get(week, 0)
        points.append(
            Point(noon_x(week, tz), float(mins), week, mins, "training_minutes", counts=(n,))
        )
    return Series("training_minutes", tuple(points))


def sessions_per_week(
    walks: Iterable[Walk],
    routine_summaries: Iterable[RoutineSummary],
    tz: tzinfo | None,
    until: date | None = None,
    adherence: Callable[[list[date]], Sequence[Adherence]] | None = None,
) -> AdherenceSeries:
    """Per ISO week: walks (tests and training) and routine sessions, over the same weeks so
    the two line up. With ``adherence`` (core.adherence's weeks for the Mondays given), a
    routine week's done count and the planned series are its (DESIGN 5.7: one rule with
    what is due and ``status``)."""
    walk_n: dict[date, int] = defaultdict(int)
    test_n: dict[date, int] = defaultdict(int)
    for w in walks:
        week = monday(_walk_day(w, tz))
        walk_n[week] += 1
        test_n[week] += w.kind == WalkKind.TEST
    routine_n: dict[date, int] = defaultdict(int)
    done_n: dict[date, int] = defaultdict(int)
    for s in routine_summaries:
        week = monday(s.session.local_start.date())
        routine_n[week] += 1
        done_n[week] += s.done  # reached its end, not mostly skipped (core.sessions)
    span = _week_span([*walk_n, *routine_n], until)
    weeks = {a.first: a for a in adherence(span)} if adherence is not None else {}
    walk_pts, routine_pts, planned_walks, planned_routines = [], [], [], []
    for week in span:
        x, n, r = noon_x(week, tz), walk_n.get(week, 0), routine_n.get(week, 0)
        tests, done = test_n.get(week, 0), done_n.get(week, 0)
        planned = weeks.get(week)
        if planned is not None:
            done = planned.routines_done
            want_w, want_r = planned.walks_planned, planned.routines_planned
            planned_walks.append(Point(x, float(want_w), week, want_w, "walks_planned"))
            planned_routines.append(Point(x, float(want_r), week, want_r, "routines_planned"))
        walk_pts.append(Point(x, float(n), week, n, "walks_per_week", counts=(tests,)))
        routine_pts.append(Point(x, float(r), week, r, "routines_per_week", counts=(done,)))
    return AdherenceSeries(
        Series("walks_per_week", tuple(walk_pts)),
        Series("routines_per_week", tuple(routine_pts)),
        Series("walks_planned", tuple(planned_walks)),
        Series("routines_planned", tuple(planned_routines)),
    )


# ---- the daily log ----------------------------------------------------------------------


def pain_series(logs: Iterable[DailyLog], tz: tzinfo | None = None) -> PainSeries:
    """Leg pain, back pain and numbness (0-10) per logged day; days without a value skipped."""
    fields = ("leg_pain", "back_pain", "numbness")
    values: dict[str, dict[date, int]] = {f: {} for f in fields}
    for log in logs:
        for f in fields:
            v = getattr(log, f)
            if v is not None:
                values[f][log.day] = v
    xs: dict[date, float] = {}
    series = []
    for f in fields:
        points = []
        for day, v in sorted(values[f].items()):
            x = xs.get(day)
            if x is None:
                x = xs[day] = noon_x(day, tz)
            points.append(Point(x, float(v), day, v, f))
        series.append(Series(f, tuple(points)))
    return PainSeries(*series)


def medication_series(logs: Iterable[DailyLog], tz: tzinfo | None = None) -> Series:
    """Pain-medication doses (all kinds added) per logged day."""
    doses: dict[date, int] = defaultdict(int)
    for log in logs:
        doses[log.day] += log.doses
    return Series(
        "medication",
        tuple(
            Point(noon_x(day, tz), float(n), day, n, "medication")
            for day, n in sorted(doses.items())
        ),
    )


def standing_series(logs: Iterable[DailyLog], tz: tzinfo | None = None) -> Series:
    """Standing tolerance in minutes, per day with a standing test."""
    seconds = {log.day: log.standing_s for log in logs if log.standing_s is not None}
    points = []
    for day, s in sorted(seconds.items()):
        mins = Fraction(s) / 60
        bound = s >= STANDING_LIMIT_S
        points.append(Point(noon_x(day, tz), float(mins), day, mins, "standing", bound))
    return Series("standing", tuple(points))


def treatment_markers(events: Iterable[TreatmentEvent], tz: tzinfo | None = None) -> list[Marker]:
    """A vertical marker per treatment event, at local noon of its day, by day."""
    markers = []
    for e in sorted(events, key=lambda e: e.date):
        label, day = e.kind.label, day_text(e.date)
        if e.note:
            text = _("{treatment}, {day}: {note}").format(treatment=label, day=day, note=e.note)
        else:
            text = _("{treatment}, {day}").format(treatment=label, day=day)
        markers.append(Marker(noon_x(e.date, tz), e.date, label, text))
    return markers


# ---- ranges -----------------------------------------------------------------------------


def x_range(
    r: Range, today: date, data_xs: Iterable[float], tz: tzinfo | None = None
) -> tuple[float, float]:
    """The x span to show: the last 28 or 84 whole days up to ``today``, or every x in
    ``data_xs``; padded half a day each side. ``ALL`` without data shows the last 28 days."""
    days = r.days
    if days is None:
        xs = list(data_xs)
        if xs:
            return min(xs) - HALF_DAY_S, max(xs) + HALF_DAY_S
        days = DEFAULT_DAYS
    first = today - timedelta(days=days - 1)
    return noon_x(first, tz) - HALF_DAY_S, noon_x(today, tz) + HALF_DAY_S
