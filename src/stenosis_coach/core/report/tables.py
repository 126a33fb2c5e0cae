"""The report's following pages: the tables that back page 1 up (issue 7).

Pure and Qt-free. Cells are ready-to-print strings, user-typed text (notes, routine titles)
untouched: escaping is the renderer's job. Dense tables carry units in their headers
("Walked (min)"), so a cell is bare: minutes and seconds ("6:30"); "—" is unknown.

Readings (tests pin them):

- Everything here is the range's own data: a walk's day is the local date of its start in
  ``tz``; a routine session's is the date of its ``local_start``; a log's is its ``day``.
- Several logs for one day are one logged day: doses are added, and for every other value
  the last log that has one wins (as the progress plots do). Notes are kept one per log.
- The weekly table has a row for every ISO week (Monday to Sunday) from ``first``'s week to
  ``last``'s, empty weeks included; the first and last weeks may be partly outside the range
  and count only the days inside it. Means are over logged days (an unlogged day is not a 0,
  DESIGN 5.3), the tolerance is DESIGN 5.3's exact median of that week's tests.

Words are in the user's language: a row's ``cells`` and a printed :class:`Table` are
translated when asked for; the module's tables of words (headers, "no ... in this range")
are marked with ``N_`` and translated where they are shown (:func:`compare_headers`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta, tzinfo
from fractions import Fraction

from stenosis_coach.core.daily import STANDING_LIMIT_S, DailyLog, MedicationKind
from stenosis_coach.core.progress.series import monday
from stenosis_coach.core.progress.verdict import (
    MEDICATION_MIN_LOGGED_DAYS,
    MIN_TESTS,
    DailyDoses,
    Verdict,
    dose_log,
    mean_daily_doses,
    median,
    percent_change,
)
from stenosis_coach.core.routine_summary import RoutineSummary
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.words import (
    WHOLE_MINUTES_FROM_S,
    day_text,
    min_sec_text,
    minutes_cell_text,
    minutes_text,
    number_text,
    percent_text,
    round_half_away,
)
from stenosis_coach.i18n import N_, _, ngettext, pgettext

UNKNOWN = "—"

# Marked, translated where shown: ``_(NO_WALKS_TEXT)``.
NO_WALKS_TEXT = N_("No walks in this range.")
NO_ROUTINES_TEXT = N_("No exercise routines in this range.")
NO_NOTES_TEXT = N_("No notes in this range.")

# The tables' headers in English (marked; :func:`walk_table` and the others translate them).
WEEKLY_HEADERS = (
    N_("Week of"),
    N_("Walking tests"),
    N_("Before symptoms (min)"),
    N_("Training walks"),
    N_("Training (min)"),
    N_("Exercise sessions"),
    N_("Leg pain (0–10)"),
    N_("Back pain (0–10)"),
    N_("Doses a day"),
)
WALK_HEADERS = (
    N_("Date"),
    N_("Kind"),
    N_("Walked (min)"),
    N_("Until symptoms (min)"),
    N_("Rests"),
    N_("Leg pain (0–10)"),
    N_("Recorded"),
    N_("Notes"),
)
ROUTINE_HEADERS = (
    N_("Date"),
    N_("Routine"),
    N_("Time (min)"),
    N_("Ended"),
    N_("Leg pain before → after"),
    N_("Worst hurt"),
)
# A duration column's header when its cells are minutes and seconds (see duration_column).
_MIN_SEC_HEADERS = {  # by the "(min)" header (English, a key)
    "Before symptoms (min)": N_("Before symptoms (min:sec)"),  # not translated: a key
    "Training (min)": N_("Training (min:sec)"),  # not translated: a key
    "Walked (min)": N_("Walked (min:sec)"),  # not translated: a key
    "Until symptoms (min)": N_("Until symptoms (min:sec)"),  # not translated: a key
    "Time (min)": N_("Time (min:sec)"),  # not translated: a key
}


def translated(words: str) -> str:
    """A marked header or word in the user's language; a blank one stays blank (gettext
    would give the catalogue's header for "")."""
    return _(words) if words else words


# ---- words ------------------------------------------------------------------------------


def date_text(day: date) -> str:
    """``Mon 4 May 2026``: report tables carry the year (a range can span several)."""
    return day_text(day, year=True)


def signed_text(x: Fraction) -> str:
    """A change in points or counts: ``+1.5``, ``−1``, ``0``."""
    text = number_text(x)
    return f"+{text}" if round_half_away(Fraction(x)) > 0 else text


NOTE_CELL_CHARS = 48  # a note in the walks table; the whole note is under "Notes"
NOTE_CUT = N_("{note} … (whole note under Notes)")


def note_cell(text: str) -> str:
    """A note short enough for a table row: cut at a word when longer than
    :data:`NOTE_CELL_CHARS`, saying where the whole note is."""
    text = " ".join(text.split())
    if len(text) <= NOTE_CELL_CHARS:
        return text
    cut = text[:NOTE_CELL_CHARS]
    space = cut.rfind(" ")
    if space >= NOTE_CELL_CHARS // 2:
        cut = cut[:space]
    return _(NOTE_CUT).format(note=cut.rstrip(" ,;:."))


def whole_percent_text(before: Fraction | None, after: Fraction | None) -> str:
    """The change from ``before`` to ``after`` as the app says it everywhere
    (:func:`~stenosis_coach.core.words.percent_text` of DESIGN 5.3's judged one-decimal
    value): ``+79%``, ``−25%``, ``0%``; "—" when it cannot be said (none, or from 0).
    ``status --json`` keeps one decimal."""
    if before is None or after is None:
        return UNKNOWN
    judged = percent_change(before, after)
    return UNKNOWN if judged is None else percent_text(judged)


def minutes_cell(seconds: Fraction | float | None) -> str:
    """Seconds as bare minutes and seconds ("6:30") for a table with "(min)" in its header;
    none at all is a plain "0"."""
    if seconds is None:
        return UNKNOWN
    return "0" if seconds == 0 else minutes_cell_text(seconds)


def number_cell(x: Fraction | int | None) -> str:
    return UNKNOWN if x is None else number_text(x)


def standing_text(seconds: Fraction) -> str:
    """A standing test stops at 30 min (issue 6), so 30 min is "at least 30 min"."""
    if seconds >= STANDING_LIMIT_S:
        return _("at least {time}").format(time=minutes_text(STANDING_LIMIT_S))
    return minutes_text(seconds)


def mean(values: Sequence[Fraction | int]) -> Fraction | None:
    return Fraction(sum(values), len(values)) if values else None


# ---- the range's data -------------------------------------------------------------------


@dataclass(frozen=True)
class InRange:
    """The inputs that fall in ``[first, last]``, each list in time order."""

    first: date
    last: date
    tz: tzinfo
    walks: list[Walk]  # replay order
    walk_days: list[date]  # local day of each walk, same order
    days: dict[date, DailyLog]  # one merged log per logged day, by day
    logs: list[DailyLog]  # as given, by day (for notes)
    routines: list[RoutineSummary]  # by start

    @property
    def day_count(self) -> int:
        return (self.last - self.first).days + 1


def merge_logs(logs: Iterable[DailyLog]) -> dict[date, DailyLog]:
    """One log per day: doses added, otherwise the last log with a value wins."""
    merged: dict[date, DailyLog] = {}
    for log in logs:
        prev = merged.get(log.day)
        if prev is None:
            merged[log.day] = log
            continue
        keep = {
            name: getattr(log, name) if getattr(log, name) is not None else getattr(prev, name)
            for name in (
                "leg_pain",
                "back_pain",
                "numbness",
                "woken_by_leg_pain",
                "sleep_quality",
                "standing_s",
            )
        }
        merged[log.day] = replace(
            log,
            otc_doses=prev.otc_doses + log.otc_doses,
            prescription_doses=prev.prescription_doses + log.prescription_doses,
            opioid_doses=prev.opioid_doses + log.opioid_doses,
            new_weakness=prev.new_weakness or log.new_weakness,
            **keep,
        )
    return dict(sorted(merged.items()))


def logged_between(days: dict[date, DailyLog], first: date, last: date) -> list[DailyLog]:
    return [log for day, log in days.items() if first <= day <= last]


# ---- page 1: baseline against latest ------------------------------------------------

COMPARE_HEADERS = ("", N_("At the start"), N_("Latest"), N_("Change"))
# The column printed after them: where each row's figures come from (``CompareRow.source``).
SOURCE_HEADER = N_("From")
SPAN_DAYS = 14  # back pain, medication: first vs last 14 days (DESIGN 5.3's medication span)
STANDING_SPAN_DAYS = 28  # standing tolerance: first vs last 28 days (issue 7)
SESSION_SPAN_WEEKS = 4  # sessions per week: first vs last 4 weeks (issue 7)


@dataclass(frozen=True)
class CompareRow:
    key: str  # stable id: tfs, tolerance, total_walk, leg_pain, back_pain, medication, ...
    label: str
    basis: str  # what is compared, in a few words
    baseline: Fraction | None  # exact, in seconds (durations) or points / doses / sessions
    latest: Fraction | None
    baseline_text: str
    latest_text: str
    change_text: str
    # Where the figures come from, in a few words ("walking tests, first 3 and latest 3"):
    # printed beside them, so a clinician never wonders which leg pain is which.
    source: str = ""

    @property
    def cells(self) -> tuple[str, str, str, str]:
        """In the order of :data:`COMPARE_HEADERS`."""
        return (self.label, self.baseline_text, self.latest_text, self.change_text)


def compare_headers() -> tuple[str, ...]:
    """:data:`COMPARE_HEADERS` in the user's language, for the page-1 table."""
    return tuple(translated(h) for h in COMPARE_HEADERS)


def _row(
    key: str,
    label: str,
    basis: str,
    pair: tuple[Fraction | None, Fraction | None],
    text: Callable[[Fraction], str] | None = None,
    source: str = "",
) -> CompareRow:
    """A duration row when ``text`` is given (change in %), else points (signed change)."""
    b, la = pair
    if text is None:
        # The change of the figures as printed (4.8 -> 5 is +0.2, never the exact +0.3), so
        # the row's own arithmetic reads true to the clinician.
        change = (
            UNKNOWN
            if b is None or la is None
            else signed_text(Fraction(round_half_away(la)) - Fraction(round_half_away(b)))
        )
        return CompareRow(key, label, basis, b, la, number_cell(b), number_cell(la), change, source)
    return CompareRow(
        key,
        label,
        basis,
        b,
        la,
        UNKNOWN if b is None else text(b),
        UNKNOWN if la is None else text(la),
        whole_percent_text(b, la),
        source,
    )


def _spans(scope: InRange, days: int) -> tuple[tuple[date, date], ...]:
    """The range's first and last ``days`` days; none when they would overlap."""
    if scope.day_count < 2 * days:
        return ()
    span = timedelta(days=days - 1)
    return (scope.first, scope.first + span), (scope.last - span, scope.last)


# Where each group of rows comes from, in a few words (translated where used).
TESTS_SOURCE = N_("walking tests, first 3 and latest 3")
DAILY_SOURCE = N_("daily log, first and last 14 days")
STANDING_SOURCE = N_("standing tests, first and last 28 days")
SESSIONS_SOURCE = N_("walks and routines, first and last 4 weeks")

_TEST_ROWS = (  # key, label, basis, Window attribute; durations but for leg pain
    # The verdict's figure (DESIGN 5.3's tolerance): the time to symptoms, or the whole
    # walk when none came, as the verdict and the plot say it.
    ("tolerance", N_("Walking before symptoms"),
     N_("median time to symptoms, or the whole walk when none came, first 3 against last 3 "
        "walking tests"),
     "median_tolerance_s"),
    # Only when it differs from the row above (a test had no symptoms).
    ("tfs", N_("Time to first symptoms, tests that had them"),
     N_("median time to first symptoms, first 3 against last 3 walking tests"),
     "median_time_to_symptoms_s"),
    ("total_walk", N_("Walking time per test"),
     N_("median walking time, rests excluded, first 3 against last 3 walking tests"),
     "median_total_walk_s"),
    ("leg_pain", N_("Leg pain after walking tests (0–10)"),
     N_("median peak leg pain, first 3 against last 3 walking tests"), "median_leg_pain"),
)  # fmt: skip


def compare_rows(v: Verdict, scope: InRange, doses: list[DailyDoses]) -> tuple[CompareRow, ...]:
    """Page 1's baseline-against-latest table (the readings are in :mod:`.model`). Each row
    says where its figures come from (``source``); the time to first symptoms only when it
    differs from walking before symptoms, standing only when both spans have tests
    (:func:`compare_notes` says why not)."""
    judged = v.test_walks >= MIN_TESTS  # the verdict's windows, not overlapping
    rows: list[CompareRow] = []
    tests = _(TESTS_SOURCE)
    for key, label, basis, attr in _TEST_ROWS:
        pair = (getattr(v.baseline, attr), getattr(v.latest, attr)) if judged else (None, None)
        if key == "tfs" and pair == (rows[0].baseline, rows[0].latest):
            continue  # every test had symptoms: the same figures as the row above
        text = None if key == "leg_pain" else minutes_text
        rows.append(_row(key, _(label), _(basis), pair, text, tests))

    leg: list[Fraction | None] = [None, None]
    back: list[Fraction | None] = [None, None]
    meds: list[Fraction | None] = [None, None]
    opioids: list[Fraction | None] = [None, None]
    log = dose_log(doses)
    opioid_log = dose_log(DailyDoses(g.day, g.opioid_doses) for g in scope.days.values())
    for i, (lo, hi) in enumerate(_spans(scope, SPAN_DAYS)):
        logged = logged_between(scope.days, lo, hi)
        for found, values in (
            (leg, [g.leg_pain for g in logged if g.leg_pain is not None]),
            (back, [g.back_pain for g in logged if g.back_pain is not None]),
        ):
            if len(values) >= MEDICATION_MIN_LOGGED_DAYS:  # DESIGN 5.3's 7 logged days
                found[i] = mean(values)
        meds[i] = mean_daily_doses(log, lo, hi)
        opioids[i] = mean_daily_doses(opioid_log, lo, hi)
    daily = _(DAILY_SOURCE)
    rows.append(
        _row(
            "leg_pain_daily",
            _("Daily leg pain (0–10)"),
            _("daily log mean, first 14 against last 14 days"),
            (leg[0], leg[1]),
            source=daily,
        )
    )
    rows.append(
        _row(
            "back_pain",
            _("Back pain (0–10)"),
            _("daily log mean, first 14 against last 14 days"),
            (back[0], back[1]),
            source=daily,
        )
    )
    rows.append(
        _row(
            "medication",
            _("All pain medication (doses a day)"),
            _("mean doses per logged day, first 14 against last 14 days"),
            (meds[0], meds[1]),
            source=daily,
        )
    )
    if scope.days:  # opioids apart: opioid-sparing care asks for them (seed 000)
        rows.append(
            _row(
                "opioid",
                _("Opioids (doses a day)"),
                _("mean opioid doses per logged day, first 14 against last 14 days"),
                (opioids[0], opioids[1]),
                source=daily,
            )
        )

    first, last = _standing_medians(scope)
    if first is not None and last is not None:
        basis = _("median standing test, first 28 against last 28 days")
        label = _("Standing tolerance")
        pair = (first, last)
        rows.append(_row("standing", label, basis, pair, standing_text, _(STANDING_SOURCE)))

    per_week: list[Fraction | None] = [None, None]
    for i, (lo, hi) in enumerate(_spans(scope, 7 * SESSION_SPAN_WEEKS)):
        n = sum(1 for d in scope.walk_days if lo <= d <= hi)
        n += sum(1 for r in scope.routines if lo <= r.session.local_start.date() <= hi)
        per_week[i] = Fraction(n, SESSION_SPAN_WEEKS)
    basis = _("walks and exercise routines, first 4 against last 4 weeks")
    label = _("Sessions per week")
    rows.append(
        _row("sessions", label, basis, (per_week[0], per_week[1]), source=_(SESSIONS_SOURCE))
    )
    return tuple(rows)


def _standing_medians(scope: InRange) -> tuple[Fraction | None, Fraction | None]:
    """The median standing test of the range's first and last 28 days (None: none there,
    or the range is too short for two spans)."""
    standing = [(g.day, g.standing_s) for g in scope.days.values() if g.standing_s is not None]
    mid: list[Fraction | None] = [None, None]
    for i, (lo, hi) in enumerate(_spans(scope, STANDING_SPAN_DAYS)):
        mid[i] = median([s for day, s in standing if lo <= day <= hi])
    return mid[0], mid[1]


def compare_notes(scope: InRange) -> tuple[str, ...]:
    """Why a row the range has data for is not in the table, in words (a "—" for the
    standing test said nothing of why): standing tests logged, but not in both spans."""
    if not any(g.standing_s is not None for g in scope.days.values()):
        return ()  # no standing test at all: nothing to compare, nothing to say
    first, last = _standing_medians(scope)
    if not _spans(scope, STANDING_SPAN_DAYS):
        why = _("Standing tests: the range is shorter than 8 weeks, so they are not compared.")
    elif first is None and last is None:
        why = _("Standing tests: none in the first or the last 28 days, so they are not compared.")
    elif first is None:
        why = _("Standing tests: none in the first 28 days, so they are not compared.")
    elif last is None:
        why = _("Standing tests: none in the last 28 days, so they are not compared.")
    else:
        return ()
    return (why,)


# ---- weekly table -----------------------------------------------------------------------


@dataclass(frozen=True)
class WeekRow:
    week_start: date  # the ISO week's Monday (may be before the range's first day)
    tests: int
    tolerance_s: Fraction | None  # median tolerance of that week's tests
    training_walks: int
    training_s: Fraction  # walking seconds of training walks
    routines: int
    leg_pain: Fraction | None  # mean over logged days with a value
    back_pain: Fraction | None
    doses: Fraction | None  # mean doses per logged day
    days: int = 7  # days of the week inside the range (the first and last may be cut)

    @property
    def cells(self) -> tuple[str, ...]:
        """In the order of :data:`WEEKLY_HEADERS`; a cut week says so ("(3 of 7 days)"):
        the week under way is not a drop."""
        week = date_text(self.week_start)
        if self.days < 7:
            week = _("{week} ({days} of 7 days)").format(week=week, days=self.days)
        return (
            week,
            str(self.tests),
            minutes_cell(self.tolerance_s),
            str(self.training_walks),
            minutes_cell(self.training_s),
            str(self.routines),
            number_cell(self.leg_pain),
            number_cell(self.back_pain),
            number_cell(self.doses),
        )


def weekly_rows(data: InRange) -> tuple[WeekRow, ...]:
    tests: dict[date, list[Fraction]] = defaultdict(list)
    training: dict[date, list[Fraction]] = defaultdict(list)
    for walk, day in zip(data.walks, data.walk_days, strict=True):
        if walk.kind == WalkKind.TEST:
            tests[monday(day)].append(walk.tolerance_s)
        else:
            training[monday(day)].append(walk.total_walk_s)
    routines: dict[date, int] = defaultdict(int)
    for r in data.routines:
        routines[monday(r.session.local_start.date())] += 1
    logs: dict[date, list[DailyLog]] = defaultdict(list)
    for day, log in data.days.items():
        logs[monday(day)].append(log)
    rows = []
    week, end = monday(data.first), monday(data.last)
    while week <= end:
        week_logs = logs.get(week, [])
        rows.append(
            WeekRow(
                week_start=week,
                tests=len(tests.get(week, ())),
                tolerance_s=median(tests.get(week, [])),
                training_walks=len(training.get(week, ())),
                training_s=sum(training.get(week, []), Fraction(0)),
                routines=routines.get(week, 0),
                leg_pain=mean([g.leg_pain for g in week_logs if g.leg_pain is not None]),
                back_pain=mean([g.back_pain for g in week_logs if g.back_pain is not None]),
                doses=mean([g.doses for g in week_logs]),
                days=(min(week + timedelta(days=6), data.last) - max(week, data.first)).days + 1,
            )
        )
        week += timedelta(weeks=1)
    return tuple(rows)


# ---- walks and routines ------------------------------------------------------------------


@dataclass(frozen=True)
class WalkRow:
    day: date
    kind: WalkKind
    walked_s: Fraction
    tfs_s: Fraction | None
    rests: int | None
    leg_pain: int
    imported: bool
    notes: str  # as typed

    @property
    def cells(self) -> tuple[str, ...]:
        """In the order of :data:`WALK_HEADERS`."""
        return (
            date_text(self.day),
            pgettext("walk kind", "Test")
            if self.kind == WalkKind.TEST
            else pgettext("walk kind", "Training"),
            minutes_cell(self.walked_s),
            _("no symptoms") if self.tfs_s is None else minutes_cell(self.tfs_s),
            number_cell(self.rests),
            str(self.leg_pain),
            pgettext("recorded in", "Diary") if self.imported else pgettext("recorded in", "App"),
            note_cell(self.notes),
        )


def walk_rows(data: InRange) -> tuple[WalkRow, ...]:
    return tuple(
        WalkRow(day, w.kind, w.total_walk_s, w.tfs_s, w.rests, w.peak_leg_pain, w.imported, w.notes)
        for w, day in zip(data.walks, data.walk_days, strict=True)
    )


@dataclass(frozen=True)
class RoutineRow:
    day: date
    routine: str  # the session's title as stored (may come from a therapist's plan)
    elapsed_s: float
    completed: bool
    leg_before: int | None
    leg_after: int | None
    worst_hurt: int | None  # the worst "this hurts" rating, if any
    skipped: int = 0  # exercises skipped (a finished routine may have skipped some)
    steps: int = 0  # exercises it went through

    @property
    def ended(self) -> str:
        """How it ended, what was done said: "Finished", "Finished, 3 of 4 skipped", "Stopped"."""
        if not self.completed:
            return pgettext("routine ended", "Stopped")
        if self.skipped:
            return _("Finished, {skipped} of {steps} skipped").format(
                skipped=self.skipped, steps=self.steps
            )
        return pgettext("routine ended", "Finished")

    @property
    def cells(self) -> tuple[str, ...]:
        """In the order of :data:`ROUTINE_HEADERS`."""
        if self.leg_before is None and self.leg_after is None:
            leg = UNKNOWN
        else:
            leg = f"{number_cell(self.leg_before)} → {number_cell(self.leg_after)}"
        return (
            date_text(self.day),
            self.routine,
            minutes_cell(self.elapsed_s),
            self.ended,
            leg,
            number_cell(self.worst_hurt),
        )


def routine_rows(data: InRange) -> tuple[RoutineRow, ...]:
    return tuple(
        RoutineRow(
            r.session.local_start.date(),
            r.session.title or r.routine_id or _("Routine"),
            r.session.elapsed_s,
            r.completed,
            r.before.leg,
            r.after.leg,
            r.worst_hurt,
            skipped=r.steps_skipped,
            steps=r.steps,
        )
        for r in data.routines
    )


# ---- daily log summary ----------------------------------------------------------------


@dataclass(frozen=True)
class SummaryLine:
    label: str
    value: str


@dataclass(frozen=True)
class DailySummary:
    days_in_range: int
    days_logged: int
    leg_pain_mean: Fraction | None
    leg_pain_median: Fraction | None
    back_pain_mean: Fraction | None
    back_pain_median: Fraction | None
    doses_by_kind: tuple[tuple[MedicationKind, int], ...]  # every kind, in enum order
    total_doses: int
    opioid_days: int  # logged days with an opioid dose
    nights_recorded: int  # logged days that say how often leg pain woke them
    nights_woken: int  # ... of which woken at least once
    standing_tests: int
    standing_best_s: Fraction | None
    lines: tuple[SummaryLine, ...]  # the same, ready to print as label: value


def _pain_text(values: list[int]) -> tuple[Fraction | None, Fraction | None, str]:
    ordered = sorted(values)  # whole ratings: sort them as ints, it is 10 years of days
    n = len(ordered)
    mid = Fraction(ordered[n // 2] + ordered[(n - 1) // 2], 2) if n else None  # = median()
    m = mean(values)
    if m is None or mid is None:
        return None, None, UNKNOWN
    return (
        m,
        mid,
        _("mean {mean}, median {median}").format(mean=number_text(m), median=number_text(mid)),
    )


def daily_summary(data: InRange) -> DailySummary:
    logs = list(data.days.values())
    leg_mean, leg_mid, leg_text = _pain_text([g.leg_pain for g in logs if g.leg_pain is not None])
    back = [g.back_pain for g in logs if g.back_pain is not None]
    back_mean, back_mid, back_text = _pain_text(back)
    totals = (
        (MedicationKind.OVER_THE_COUNTER, sum(g.otc_doses for g in logs)),
        (MedicationKind.PRESCRIPTION, sum(g.prescription_doses for g in logs)),
        (MedicationKind.OPIOID, sum(g.opioid_doses for g in logs)),
    )
    total = sum(n for _, n in totals)
    opioid_days = sum(1 for g in logs if g.opioid_doses)
    woken = [g.woken_by_leg_pain for g in logs if g.woken_by_leg_pain is not None]
    nights_woken = sum(1 for n in woken if n > 0)
    standing = [g.standing_s for g in logs if g.standing_s is not None]
    best = max(standing) if standing else None

    kinds = ", ".join(f"{kind.label.lower()} {n}" for kind, n in totals)
    doses_text = UNKNOWN
    if logs:
        doses_text = ngettext("{n} dose in all: {kinds}", "{n} doses in all: {kinds}", total)
        doses_text = doses_text.format(n=total, kinds=kinds)
    if opioid_days:
        doses_text = ngettext(
            "{doses} (opioid on {n} day)", "{doses} (opioid on {n} days)", opioid_days
        ).format(doses=doses_text, n=opioid_days)
    nights_text = UNKNOWN
    if woken:
        nights_text = ngettext(
            "woken on {woken} of {n} night recorded",
            "woken on {woken} of {n} nights recorded",
            len(woken),
        ).format(woken=nights_woken, n=len(woken))
    standing_line = pgettext("standing tests", "none")
    if best is not None:
        standing_line = _("{count}, best {time}").format(
            count=len(standing), time=standing_text(best)
        )
    days_logged = ngettext("{logged} of {n} day", "{logged} of {n} days", data.day_count)
    lines = (
        SummaryLine(_("Days logged"), days_logged.format(logged=len(logs), n=data.day_count)),
        SummaryLine(_("Leg pain (0–10)"), leg_text),
        SummaryLine(_("Back pain (0–10)"), back_text),
        SummaryLine(_("Pain medication"), doses_text),
        SummaryLine(_("Nights woken by leg pain"), nights_text),
        SummaryLine(_("Standing tests"), standing_line),
    )
    return DailySummary(
        days_in_range=data.day_count,
        days_logged=len(logs),
        leg_pain_mean=leg_mean,
        leg_pain_median=leg_mid,
        back_pain_mean=back_mean,
        back_pain_median=back_mid,
        doses_by_kind=totals,
        total_doses=total,
        opioid_days=opioid_days,
        nights_recorded=len(woken),
        nights_woken=nights_woken,
        standing_tests=len(standing),
        standing_best_s=best,
        lines=lines,
    )


# ---- notes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteRow:
    day: date
    source: str  # "Walk" or "Daily log", in the user's language
    text: str  # as typed

    @property
    def date_text(self) -> str:
        return date_text(self.day)

    @property
    def cells(self) -> tuple[str, str, str]:
        return (date_text(self.day), self.source, self.text)


def note_rows(data: InRange) -> tuple[NoteRow, ...]:
    """Every non-blank note, by day; on one day walks (in order) come before the day's log."""
    found = [
        (day, 0, NoteRow(day, pgettext("note from", "Walk"), w.notes))
        for w, day in zip(data.walks, data.walk_days, strict=True)
        if w.notes.strip()
    ]
    found += [
        (g.day, 1, NoteRow(g.day, pgettext("note from", "Daily log"), g.notes))
        for g in data.logs
        if g.notes.strip()
    ]
    found.sort(key=lambda t: (t[0], t[1]))  # stable: keeps the order within a day
    return tuple(row for _, _, row in found)


# ---- tables as printed: one duration format per column, no empty columns -----------------


@dataclass(frozen=True)
class Table:
    """A table ready to print: headers and rows of cells, the same length."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


MIN_UNIT, MIN_SEC_UNIT = "(min)", "(min:sec)"


def duration_column(values: Sequence[Fraction | float | None]) -> tuple[str, list[str]]:
    """A column of durations said one way: whole minutes when every one is 20 minutes or
    more (words.minutes_text's rule; none at all is "0"), else minutes and seconds for
    every one ("30:00" above "12:56", never "30" above "12:56"). Returns the unit for the
    header and the cells ("—" for unknown)."""
    known = [v for v in values if v is not None and v != 0]
    whole = all(v >= WHOLE_MINUTES_FROM_S for v in known)
    if whole:
        return MIN_UNIT, [minutes_cell(v) for v in values]
    return MIN_SEC_UNIT, [UNKNOWN if v is None else min_sec_text(v) for v in values]


def _printed(
    headers: Sequence[str],
    rows: Sequence[tuple[str, ...]],
    durations: dict[int, Sequence[Fraction | float | None]],
) -> Table:
    """``rows`` with each duration column (index -> its values) said one way, its header's
    "(min)" saying which, and the columns that hold nothing ("—" or blank in every row)
    left out; the first column (the date) always stays. Headers come translated."""
    heads, cells = list(headers), [list(r) for r in rows]
    for index, values in durations.items():
        unit, texts = duration_column(values)
        if unit == MIN_SEC_UNIT:
            heads[index] = _MIN_SEC_HEADERS[heads[index]]
        for row, value, text in zip(cells, values, texts, strict=True):
            if value is not None:  # none: "—", or what the row says instead ("no symptoms")
                row[index] = text
    heads = [translated(h) for h in heads]
    keep = [
        i
        for i in range(len(heads))
        if i == 0 or not cells or any(row[i] not in (UNKNOWN, "") for row in cells)
    ]
    return Table(tuple(heads[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in cells))


def walk_table(rows: Sequence[WalkRow]) -> Table:
    """The walks as printed (:data:`WALK_HEADERS`, see :func:`_printed`)."""
    return _printed(
        WALK_HEADERS,
        [r.cells for r in rows],
        {2: [r.walked_s for r in rows], 3: [r.tfs_s for r in rows]},
    )


def weekly_table(rows: Sequence[WeekRow]) -> Table:
    """The weeks as printed (:data:`WEEKLY_HEADERS`, see :func:`_printed`)."""
    return _printed(
        WEEKLY_HEADERS,
        [r.cells for r in rows],
        {2: [r.tolerance_s for r in rows], 4: [r.training_s for r in rows]},
    )


def routine_table(rows: Sequence[RoutineRow]) -> Table:
    """The exercise sessions as printed (:data:`ROUTINE_HEADERS`, see :func:`_printed`)."""
    return _printed(ROUTINE_HEADERS, [r.cells for r in rows], {2: [r.elapsed_s for r in rows]})
