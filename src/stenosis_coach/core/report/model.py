"""The appointment report's content (issue 7): what the PDF says, before any layout.

Pure and Qt-free: the Qt renderer only lays this out (and draws the plot from the series
given). Every number is formatted by :mod:`stenosis_coach.core.words`; user-typed text (the
patient's name, notes, routine titles) is carried exactly as typed, since escaping it is the
renderer's job. Page 1 answers "is it working, and what should we do next?"; the following
pages (:mod:`.tables`) back it up.

Readings of issue 7 and DESIGN 5.3-5.5 taken here (tests pin them):

- The range ``[first, last]`` includes both ends. A walk is in it by the local date of its
  start in ``tz``; a log by its day; a red-flag check by the local date of ``completed_at``
  (unfinished checks are left out); a routine session by the date of its ``local_start``; a
  treatment by its date.
- Page 1 is the range's own data, judged at ``last``: the verdict is
  :func:`compute_verdict` over the walks and doses in the range with ``today=last`` (so the
  "last test was N days ago" nudge counts to ``last``); the signs are
  :func:`specialist_signs` over the range's walks, doses and weakness reports (daily logs and
  red-flag answers) and the treatments listed, as of ``last``.
- One exception: a treatment's before/after (DESIGN 5.3: the 28 days before, days 7-35
  after) belongs to the event, so an event is listed when those windows touch the range,
  even if it happened before ``first``, and its medians use every walk up to ``last`` (a
  window that starts before ``first`` is not cut short; nothing after ``last`` is used).
  Only events inside the range are plot markers.
- The baseline-vs-latest rows compare like with like, and say "—" when they cannot:
  walking rows use the verdict's windows and need its 6 tests (with fewer the first and
  last 3 overlap); back pain and medication compare the first 14 days of the range with the
  last 14 (each span needs 7 logged days with a value, DESIGN 5.3's rule for medication;
  the range needs 28 days so the spans do not overlap); standing tolerance, the median of
  the standing tests in the first 28 days against the last 28 (the row is left out when no
  standing test was logged in the range); sessions per week, walks and routine sessions in
  the first 4 weeks against the last 4, divided by 4 (the range needs 56 days).
- A red-flag check "has a yes" when any answer is yes. A clearance "followed" it when one
  was recorded at or after its completion (the first such one, wherever it lies in time):
  that is what lets sessions start again (DESIGN 5.5).
- "Medication rose" (the next step about medication): the verdict's ``medication_up``, or
  the medication row up by at least 1 dose a day (DESIGN 5.3's step). The medication
  question is asked when it rose or an opioid was taken in the range.
- What next and the questions are deduced only from what is on the page; they suggest what
  to discuss and never name a diagnosis (UI.md "Words").
- Sentences leave out a date's year when the range lies in one calendar year and the date
  is in this year (``today``'s); tables always carry it.

Every sentence is in the user's language, translated as the report is built; the module's
constants (:data:`TITLE`, :data:`FOOTNOTES`, ...) are English, marked with ``N_``, and the
model carries them translated (``page1.title``, ``page1.footnotes``, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from fractions import Fraction

from stenosis_coach.core.daily import TREATMENT_WORDS, DailyLog, TreatmentEvent
from stenosis_coach.core.outcomes.model import (
    Questionnaire,
    SinceTreatment,
    has_relief_record,
)
from stenosis_coach.core.outcomes.psfs import PsfsOutcome
from stenosis_coach.core.outcomes.relief import relief_days, relief_words
from stenosis_coach.core.outcomes.summary import Outcomes, outcomes_of
from stenosis_coach.core.outcomes.zcq import ZcqOutcome, score_text
from stenosis_coach.core.progress import outcomes as progress_outcomes
from stenosis_coach.core.progress.series import (
    HALF_DAY_S,
    Marker,
    Series,
    noon_x,
    tolerance_points,
    tolerance_running_median,
    treatment_markers,
)
from stenosis_coach.core.progress.signs import CountedRests, Sign, SignCode, specialist_signs
from stenosis_coach.core.progress.verdict import (
    MEDICATION_UP_DOSES,
    MIN_TESTS,
    TREATMENT_AFTER_LAST_DAY,
    TREATMENT_BEFORE_DAYS,
    DailyDoses,
    TreatmentEffect,
    Verdict,
    VerdictKind,
    compute_verdict,
    local_date,
    treatment_effect,
)
from stenosis_coach.core.report.tables import (
    UNKNOWN,
    CompareRow,
    DailySummary,
    InRange,
    NoteRow,
    RoutineRow,
    WalkRow,
    WeekRow,
    compare_notes,
    compare_rows,
    daily_summary,
    date_text,
    merge_logs,
    note_rows,
    routine_rows,
    walk_rows,
    weekly_rows,
    whole_percent_text,
)
from stenosis_coach.core.routine_summary import RoutineSummary
from stenosis_coach.core.safety import (
    NEW_WEAKNESS_IDS,
    QUESTIONS,
    QUESTIONS_BY_ID,
    CheckTrigger,
    ClearanceReason,
    Level,
)
from stenosis_coach.core.safety_state import CheckRecord, ClearanceRecord
from stenosis_coach.core.walking.model import Walk, replay_order
from stenosis_coach.core.words import day_text, minutes_text, number_text, percent_text
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.i18n import date_text as clock_date_text

# English, marked; the report carries them translated (``_(TITLE)`` where shown).
TITLE = N_("Walking and symptoms report")
PLOT_TITLE = N_("Minutes walked before symptoms, walking tests")  # one line on paper
NO_TESTS_TEXT = N_("No walking tests in this range.")
NO_TREATMENTS_TEXT = N_("No treatments recorded in or near this range.")
NO_SIGNS_TEXT = N_("No signs that it is time to talk to your clinician.")
FOOTNOTES = (
    N_(
        "Walking tests: walk at a comfortable pace, note when symptoms start, and keep going "
        "until you need to stop (30 min at most). Tolerance is the time to symptoms, or the "
        "whole walk when none came."
    ),
    N_("Stenosis Coach coaches and records; it does not diagnose."),
)
# The ZCQ cited modestly, after its line on page 1 (the line names the questionnaire; the
# full reference is on a later page).
ZCQ_CITATION = N_("(Stucki 1996)")
# Printed next to the treatments table it qualifies, not on the last page.
TREATMENT_CAVEAT = N_(
    'Changes are shown as "after" a treatment, not "because of" it: other things change too.'
)

RECENT_DAYS = 7  # a range that ends within a week of today can say "this week"
MIN_NEXT, MAX_NEXT = 2, 4  # what to do next: 2-4 sentences
MIN_QUESTIONS, MAX_QUESTIONS = 3, 6  # questions for the visit: 3-6

# The verdict's own opening sentence (as Progress says it), before the report's figures.
VERDICT_WORDS = {  # marked, translated in the verdict section
    VerdictKind.IMPROVING: N_("Improving: your walking has got better."),
    VerdictKind.HOLDING: N_("Holding steady: no clear change in your walking."),
    VerdictKind.SLIPPING: N_("Slipping: things have got worse since your first tests."),
}
HEADLINES = {  # marked, translated in the verdict section
    VerdictKind.IMPROVING: N_("Improving"),
    VerdictKind.HOLDING: N_("Holding steady"),
    VerdictKind.SLIPPING: N_("Slipping"),
    VerdictKind.NOT_ENOUGH_DATA: N_("Not enough walking tests yet"),
}


@dataclass(frozen=True)
class ReportInput:
    """Everything the report is made from; the lists may hold data outside the range."""

    patient: str | None  # as typed; None or blank: no name line
    first: date  # the range, both ends included
    last: date
    today: date
    tz: tzinfo  # the local days of walks and checks
    walks: Sequence[Walk]
    logs: Sequence[DailyLog]
    treatments: Sequence[TreatmentEvent]
    checks: Sequence[CheckRecord]
    routines: Sequence[RoutineSummary]
    next_walk_text: str  # the app's sentence for the next walk (the current prescription)
    generated_at: datetime  # timezone-aware
    clearances: Sequence[ClearanceRecord] = ()
    # Issue 15: the questionnaires (DESIGN 5.6), the daily relief answers (5.10), and the
    # rests ``more_rests`` counts per training walk (5.4; None: the recorded rests).
    questionnaires: Sequence[Questionnaire] = ()
    relief_answers: Mapping[date, SinceTreatment] | None = None
    counted_rests: Mapping[Walk, CountedRests] | None = None
    # Issue 16: the last 14 days' planned and done sessions (core.adherence's sentence, as
    # status says it) and the 12-week trial's lines (core.trial's, said neutrally for the
    # clinician: "Week 6 of the 12-week programme …", once done what changed) ("" and ():
    # not given).
    adherence_line: str = ""
    trial_lines: tuple[str, ...] = ()


# ---- page 1 parts -----------------------------------------------------------------------


@dataclass(frozen=True)
class VerdictSection:
    verdict: Verdict  # DESIGN 5.3 over the range's tests, judged at ``last``
    headline: str  # "Improving"
    summary: str  # the verdict and its numbers in words
    nudge: str | None  # "Your last walking test was N days ago — …"


@dataclass(frozen=True)
class PlotData:
    """What the renderer needs to draw the walking-tolerance plot."""

    title: str
    tolerance: Series  # one point per test in the range (``lower_bound``: no symptoms)
    running_median: Series  # median of the last 3 tests in the range
    markers: tuple[Marker, ...]  # treatments inside the range
    x_range: tuple[float, float]  # POSIX seconds: the range's days, half a day padding
    empty_text: str  # shown instead of the plot when there are no tests
    tz: tzinfo | None = None  # the zone of the days: the dates under the plot


@dataclass(frozen=True)
class TreatmentLine:
    event: TreatmentEvent  # ``event.note`` is the patient's own text, as typed
    in_range: bool  # False: before or after the range, its windows touching it
    effect: TreatmentEffect
    text: str  # "After the epidural injection on Sun 27 Sep: walking before symptoms …"
    change_text: str = "—"  # the change in whole percent ("+69%"), "—" when unknown
    # DESIGN 5.10 (issue 15): the relief days, and them in words beside the walking before/
    # after ("" for a kind with no relief record).
    relief_days: int | None = None
    relief_text: str = ""


@dataclass(frozen=True)
class RedFlagEntry:
    check: CheckRecord
    day: date  # local date of completion
    trigger_text: str  # "Weekly safety check"
    level_text: str  # "Emergency: get emergency care now"
    answers: tuple[str, ...]  # plain labels of the "yes" answers, in question order
    clearance: ClearanceRecord | None  # the first clearance at or after the check
    clearance_text: str  # "Checked by a clinician on Tue 5 May 2026" / "No clearance recorded"

    @property
    def date_text(self) -> str:
        return date_text(self.day)


@dataclass(frozen=True)
class SafetySection:
    checks: int  # completed checks in the range
    all_no: int  # ... with every answer "no"
    summary: str  # "14 weekly checks with no warning signs."
    flagged: tuple[RedFlagEntry, ...]  # checks with any "yes", in time order


@dataclass(frozen=True)
class PageOne:
    title: str
    patient: str | None  # as typed
    patient_line: str  # "Patient: …" or "" when no name was given
    range_line: str  # "Mon 5 Jan 2026 to Fri 27 Mar 2026, 12 weeks"
    generated_line: str
    verdict: VerdictSection
    plot: PlotData
    compare: tuple[CompareRow, ...]  # the baseline-vs-latest table
    treatments: tuple[TreatmentLine, ...]
    signs: tuple[Sign, ...]  # DESIGN 5.4, ``code`` and ``text``
    safety: SafetySection
    next_walk: str
    what_next: tuple[str, ...]  # 2-4 plain sentences
    footnotes: tuple[str, ...]
    opioid_line: str = ""  # "Opioids: 12 doses on 9 of 84 logged days; …" ("" without logs)
    treatment_caveat: str = TREATMENT_CAVEAT  # printed beside the treatments (translated)
    # Issue 15: beside the verdict, the ZCQ and My-activities change (DESIGN 5.6), one line
    # each ((): no questionnaire in the range); one line written for the clinician.
    outcomes: tuple[str, ...] = ()
    clinician_line: str = ""
    # Issue 16: "Last 14 days: 6 of 8 planned walks and 3 of 6 planned routine sessions."
    # and the 12-week trial's lines.
    adherence_line: str = ""
    trial_lines: tuple[str, ...] = ()
    # Under the baseline-vs-latest table: why a row with data is not in it ("Standing
    # tests: none in the last 28 days, so they are not compared.").
    compare_notes: tuple[str, ...] = ()
    # Beside each line of ``outcomes``, its instrument's citation ("" for none): the ZCQ's
    # after its line, not stuck onto the heading.
    outcome_citations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    text: str  # asked in the patient's voice
    detail: str  # the data behind it ("" when none)


@dataclass(frozen=True)
class Report:
    page1: PageOne
    weekly: tuple[WeekRow, ...]
    walks: tuple[WalkRow, ...]
    routines: tuple[RoutineRow, ...]
    daily_summary: DailySummary
    notes: tuple[NoteRow, ...]
    questions: tuple[Question, ...]  # "Questions for your visit", 3-6


# ---- building ---------------------------------------------------------------------------


def build_report(data: ReportInput) -> Report:
    """The report over ``[data.first, data.last]``; ``ValueError`` for a reversed range."""
    if data.first > data.last:
        raise ValueError(
            f"The report's first day ({date_text(data.first)}) is after its last day "
            f"({date_text(data.last)})."
        )
    scope = _select(data)
    ctx = _Context(data, scope)
    patient_line = ""
    if data.patient and data.patient.strip():
        patient_line = _("Patient: {name}").format(name=data.patient)
    outcomes = outcome_lines(ctx.outcomes, lambda day: _say_day(day, data))
    zcq_first = ctx.outcomes.zcq.first is not None and ctx.outcomes.zcq.latest is not None
    citations = tuple(_(ZCQ_CITATION) if zcq_first and i == 0 else "" for i in range(len(outcomes)))
    page1 = PageOne(
        title=_(TITLE),
        patient=data.patient,
        patient_line=patient_line,
        range_line=range_line(data.first, data.last),
        generated_line=_generated_line(data.generated_at, data.tz),
        verdict=_verdict_section(ctx.verdict),
        plot=_plot(data, scope),
        compare=ctx.compare,
        treatments=ctx.treatments,
        signs=ctx.signs,
        safety=ctx.safety,
        next_walk=data.next_walk_text,
        what_next=_what_next(ctx),
        footnotes=tuple(_(note) for note in FOOTNOTES),
        opioid_line=_opioid_line(ctx),
        treatment_caveat=_(TREATMENT_CAVEAT),
        outcomes=outcomes,
        clinician_line=clinician_line(ctx.signs),
        adherence_line=data.adherence_line,
        trial_lines=data.trial_lines,
        compare_notes=compare_notes(scope),
        outcome_citations=citations,
    )
    return Report(
        page1=page1,
        weekly=weekly_rows(scope),
        walks=walk_rows(scope),
        routines=routine_rows(scope),
        daily_summary=daily_summary(scope),
        notes=note_rows(scope),
        questions=_questions(ctx),
    )


def _select(data: ReportInput) -> InRange:
    first, last, tz = data.first, data.last, data.tz
    walks, days = [], []
    for walk in replay_order(list(data.walks)):
        day = local_date(walk, tz)
        if first <= day <= last:
            walks.append(walk)
            days.append(day)
    logs = sorted((g for g in data.logs if first <= g.day <= last), key=lambda g: g.day)
    routines = sorted(
        (r for r in data.routines if first <= r.session.local_start.date() <= last),
        key=lambda r: r.session.started_at,
    )
    return InRange(first, last, tz, walks, days, merge_logs(logs), logs, routines)


class _Context:
    """Page 1's figures, computed once; what-next and the questions read them too."""

    def __init__(self, data: ReportInput, scope: InRange) -> None:
        self.data, self.scope = data, scope
        self.doses = [DailyDoses(g.day, g.doses) for g in scope.logs]
        self.verdict = compute_verdict(scope.walks, self.doses, data.last, data.tz)
        self.checks = _checks_in_range(data)
        self.compare = compare_rows(self.verdict, scope, self.doses)
        touching = _treatments_touching(data)
        upto = [w for w in data.walks if local_date(w, data.tz) <= data.last]
        self.treatments = tuple(_treatment_line(data, e, upto) for e in touching)
        self.treatments = tuple(_with_relief(data, line) for line in self.treatments)
        weakness = {d for d, g in scope.days.items() if g.new_weakness}
        for check in self.checks:
            if any(check.answers.get(q) for q in NEW_WEAKNESS_IDS):
                weakness.add(_completed_day(check, data.tz))
        asked = [q for q in data.questionnaires if data.first <= q.date <= data.last]
        self.outcomes = outcomes_of(asked)
        upto_logs = [g for g in data.logs if g.day <= data.last]  # a relief's baseline too
        rests = data.counted_rests
        signs = specialist_signs(
            scope.walks,
            self.doses,
            touching,
            weakness,
            data.last,
            data.tz,
            logs=upto_logs,
            questionnaires=[q for q in data.questionnaires if q.date <= data.last],
            counted_rests=rests.get if rests is not None else None,
            relief_answers=data.relief_answers,
        )
        self.signs = tuple(signs)
        self.safety = _safety_section(self.checks, data)
        medication = next(r for r in self.compare if r.key == "medication")
        self.medication = medication
        self.medication_rose = self.verdict.medication_up is True or (
            medication.baseline is not None
            and medication.latest is not None
            and medication.latest - medication.baseline >= MEDICATION_UP_DOSES
        )
        self.opioid_days = sum(1 for g in scope.days.values() if g.opioid_doses)
        # A "yes" a clinician has since checked (or marked a mistake) is history, not news.
        self.uncleared = tuple(e for e in self.safety.flagged if e.clearance is None)
        self.recent = (data.today - data.last).days <= RECENT_DAYS


def _completed_day(check: CheckRecord, tz: tzinfo) -> date:
    assert check.completed_at is not None
    return check.completed_at.astimezone(tz).date()


def _checks_in_range(data: ReportInput) -> list[CheckRecord]:
    found = [
        c
        for c in data.checks
        if c.completed_at is not None and data.first <= _completed_day(c, data.tz) <= data.last
    ]
    return sorted(found, key=lambda c: (c.completed_at, c.id))


# ---- header lines -----------------------------------------------------------------------


def range_line(first: date, last: date) -> str:
    """``Mon 5 Jan 2026 to Fri 27 Mar 2026, 12 weeks`` (days under 2 weeks, years from 2)."""
    days = (last - first).days + 1
    if days < 14:
        length = ngettext("{n} day", "{n} days", days).format(n=days)
    elif days < 730:
        weeks = int((2 * days + 7) // 14)  # nearest week, half up
        length = ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
    else:  # 2 years or more, to one decimal
        length = _("{n} years").format(n=number_text(Fraction(4 * days, 1461)))
    if first == last:
        return _("{day}, {length}").format(day=date_text(first), length=length)
    return _("{first} to {last}, {length}").format(
        first=date_text(first), last=date_text(last), length=length
    )


def _generated_line(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    return _("Made with Stenosis Coach on {day} at {time}.").format(
        day=date_text(local.date()), time=clock_date_text(local, "Hm")
    )


def _say_day(day: date, data: ReportInput) -> str:
    """A date inside a sentence: no year when it is in this year and the range lies in one
    calendar year (:func:`~stenosis_coach.core.words.day_text`'s rule)."""
    return day_text(day, data.today, year=data.first.year != data.last.year)


# ---- verdict and plot -------------------------------------------------------------------


def _verdict_section(v: Verdict) -> VerdictSection:
    if v.test_walks == 0:
        summary = _(
            "No walking tests in this range. A walking test measures how long you can walk "
            "before symptoms start."
        )
        return VerdictSection(v, _("No walking tests"), summary, None)
    return VerdictSection(v, _(HEADLINES[v.verdict]), _verdict_summary(v), v.nudge)


def _verdict_summary(v: Verdict) -> str:
    """The verdict and its numbers, each saying where it comes from (the tests' medians;
    leg pain after the test, not the daily log's): the app's own sentence with the
    change in whole percent as Progress says it, its figures named for paper."""
    b, la = v.baseline, v.latest
    if v.verdict == VerdictKind.NOT_ENOUGH_DATA or b is None or la is None:
        return v.summary
    figures = {
        "before": minutes_text(b.median_tolerance_s),
        "now": minutes_text(la.median_tolerance_s),
        "pain_before": number_text(b.median_leg_pain),
        "pain_now": number_text(la.median_leg_pain),
    }
    if v.change_pct is not None:
        walking = _(
            "First 3 and latest 3 walking tests: walking before symptoms {before} → {now} "
            "({change}), leg pain after the test {pain_before} → {pain_now}."
        ).format(change=percent_text(v.change_pct), **figures)
    else:
        walking = _(
            "First 3 and latest 3 walking tests: walking before symptoms {before} → {now}, "
            "leg pain after the test {pain_before} → {pain_now}."
        ).format(**figures)
    parts = [_(VERDICT_WORDS[v.verdict]), walking]
    if v.medication_up:
        parts.append(_("You are taking at least 1 more dose of pain medicine a day than at first."))
    return " ".join(parts)


def _plot(data: ReportInput, scope: InRange) -> PlotData:
    inside = [e for e in data.treatments if data.first <= e.date <= data.last]
    return PlotData(
        title=_(PLOT_TITLE),
        tolerance=tolerance_points(scope.walks, data.tz),
        running_median=tolerance_running_median(scope.walks, data.tz),
        markers=tuple(treatment_markers(inside, data.tz)),
        x_range=(
            noon_x(data.first, data.tz) - HALF_DAY_S,
            noon_x(data.last, data.tz) + HALF_DAY_S,
        ),
        empty_text=_(NO_TESTS_TEXT),
        tz=data.tz,
    )


# ---- opioids -----------------------------------------------------------------------------


def _opioid_line(ctx: _Context) -> str:
    """Opioids apart from other medication (seed 000 asks for opioid-sparing care)."""
    days = ctx.scope.days
    if not days:
        return ""
    taken = [g for g in days.values() if g.opioid_doses]
    if not taken:
        return _("Opioids: none logged in this range.")
    doses = sum(g.opioid_doses for g in taken)
    return _("Opioids: {doses} on {days}; the last on {day}.").format(
        doses=ngettext("{n} dose", "{n} doses", doses).format(n=doses),
        days=ngettext("{taken} of {n} logged day", "{taken} of {n} logged days", len(days)).format(
            taken=len(taken), n=len(days)
        ),
        day=_say_day(taken[-1].day, ctx.data),
    )


# ---- treatments -------------------------------------------------------------------------


def _treatments_touching(data: ReportInput) -> list[TreatmentEvent]:
    """Events whose DESIGN 5.3 windows ``[E - 28, E + 35]`` touch the range, by date."""
    return sorted(
        (
            e
            for e in data.treatments
            if e.date - timedelta(days=TREATMENT_BEFORE_DAYS) <= data.last
            and e.date + timedelta(days=TREATMENT_AFTER_LAST_DAY) >= data.first
        ),
        key=lambda e: e.date,
    )


def _treatment_line(data: ReportInput, event: TreatmentEvent, walks: list[Walk]) -> TreatmentLine:
    effect = treatment_effect(walks, event, data.tz)
    treatment, day = TREATMENT_WORDS[event.kind], _say_day(event.date, data)  # translated
    before, after = effect.before_median_s, effect.after_median_s
    if before is None or after is None:
        text = _(
            "After the {treatment} on {day}: not enough walking tests before and after to compare."
        ).format(treatment=treatment, day=day)
    else:
        change_text = whole_percent_text(before, after)
        if change_text == UNKNOWN:
            text = _("After the {treatment} on {day}: walking before symptoms {before} → {after}.")
        else:
            text = _(
                "After the {treatment} on {day}: walking before symptoms {before} → {after} "
                "({change})."
            )
        text = text.format(
            treatment=treatment,
            day=day,
            before=minutes_text(before),
            after=minutes_text(after),
            change=change_text,
        )
    in_range = data.first <= event.date <= data.last
    return TreatmentLine(event, in_range, effect, text, whole_percent_text(before, after))


def _with_relief(data: ReportInput, line: TreatmentLine) -> TreatmentLine:
    """DESIGN 5.10: the treatment's relief days, in words, from the logs up to ``last``."""
    event = line.event
    if not has_relief_record(event.kind):
        return line
    logs = [g for g in data.logs if g.day <= data.last]
    days = relief_days(event.date, logs)
    words = relief_words(event.date, logs, data.last, event.kind)
    return replace(line, relief_days=days, relief_text=words)


# ---- outcomes (DESIGN 5.6) and the line for the clinician --------------------------------


def _score(value: Fraction | None) -> str:
    return score_text(value) if value is not None else _("not scored")


def zcq_change_text(zcq: ZcqOutcome, say_day: Callable[[date], str]) -> str | None:
    """The ZCQ's first and latest scores in one line, with the change judged (DESIGN 5.6);
    None before the first questionnaire. ``say_day`` says a date."""
    first, latest = zcq.first, zcq.latest
    if first is None or latest is None:
        return None
    if zcq.change is None:
        return _(
            "Zurich Claudication Questionnaire on {day}: symptom severity {symptoms}, "
            "physical function {function} (lower is better)."
        ).format(
            day=say_day(latest.date),
            symptoms=_score(latest.symptom_severity),
            function=_score(latest.physical_function),
        )
    line = _(
        "Zurich Claudication Questionnaire, {first_day} to {latest_day}: symptom severity "
        "{symptoms_before} to {symptoms_now}, physical function {function_before} to "
        "{function_now} (lower is better)."
    ).format(
        first_day=say_day(first.date),
        latest_day=say_day(latest.date),
        symptoms_before=_score(first.symptom_severity),
        symptoms_now=_score(latest.symptom_severity),
        function_before=_score(first.physical_function),
        function_now=_score(latest.physical_function),
    )
    # Translators: two whole sentences side by side: the scores, then what the change means.
    return _("{scores} {judgement}").format(scores=line, judgement=zcq_judgement(zcq))


def zcq_judgement(zcq: ZcqOutcome) -> str:
    """DESIGN 5.6's meaningful change and success, in the words Progress and the
    questionnaire's thank-you say them (one wording of one verdict)."""
    return progress_outcomes.zcq_judgement(zcq)


def psfs_change_text(psfs: PsfsOutcome, say_day: Callable[[date], str]) -> str | None:
    """My activities' first and latest mean in one line (DESIGN 5.6); None before any."""
    first, latest = psfs.first, psfs.latest
    if first is None or latest is None:
        return None
    if psfs.change is None and first.date == latest.date:
        return _("My activities on {day}: {mean} out of 10 on average (higher is better).").format(
            day=say_day(latest.date), mean=_score(latest.mean)
        )
    line = _(
        "My activities, {first_day} to {latest_day}: {before} to {now} out of 10 on average "
        "(higher is better)."
    ).format(
        first_day=say_day(first.date),
        latest_day=say_day(latest.date),
        before=_score(first.mean),
        now=_score(latest.mean),
    )
    if psfs.meaningful:
        # Translators: two whole sentences side by side: the scores, then what the change means.
        return _("{scores} {judgement}").format(
            scores=line, judgement=_("A meaningful improvement (2 points or more).")
        )
    return line


def outcome_lines(outcomes: Outcomes, say_day: Callable[[date], str]) -> tuple[str, ...]:
    """The ZCQ and My-activities lines (none without questionnaires)."""
    found = (zcq_change_text(outcomes.zcq, say_day), psfs_change_text(outcomes.psfs, say_day))
    return tuple(line for line in found if line is not None)


# Each sign in a few words, for the clinician's line (translated where shown).
SIGN_NAMES = {
    SignCode.TOLERANCE_FALLING: N_("walking before symptoms falling"),
    SignCode.MORE_RESTS: N_("more rests on training walks"),
    SignCode.MORE_MEDICATION_LESS_WALKING: N_("more medication and less walking"),
    SignCode.BRIEF_RELIEF: N_("short-lived relief after a treatment"),
    SignCode.NEW_WEAKNESS_OR_BALANCE: N_("new weakness or balance trouble"),
    SignCode.LEG_MORE_THAN_BACK: N_("leg pain limiting more than back pain"),
    SignCode.REPEATED_FLARES: N_("repeated flares"),
    SignCode.ACTIVITIES_DROPPED: N_("activities dropped"),
}


def clinician_line(signs: Sequence[Sign]) -> str:
    """One line written for the clinician (DESIGN 5.4's signs, issue 15)."""
    if not signs:
        return _("For the clinician: no signs pointing to referral.")
    names = "; ".join(
        _(SIGN_NAMES[SignCode(s.code)]) if s.code in SIGN_NAMES else s.text for s in signs
    )
    # Translators: {signs} is a list of short phrases joined with "; " (a report's line
    # written for the patient's clinician).
    return ngettext(
        "For the clinician: {n} sign pointing to referral: {signs}.",
        "For the clinician: {n} signs pointing to referral: {signs}.",
        len(signs),
    ).format(n=len(signs), signs=names)


# ---- red flags (DESIGN 5.5) ---------------------------------------------------------------

# Marked here, translated in each red-flag entry.
TRIGGER_WORDS = {
    CheckTrigger.FIRST_RUN: N_("First check"),
    CheckTrigger.WEEKLY: N_("Weekly safety check"),
    CheckTrigger.MUST_STOP: N_('Check after "Must stop"'),
    CheckTrigger.SEVERE_HURT: N_('Check after a "this hurts" of 7/10 or more'),
    CheckTrigger.SESSION_SYMPTOMS: N_("Check after warning symptoms in a session"),
    CheckTrigger.REST_NOT_EASING: N_("Check after a rest that did not ease symptoms"),
    CheckTrigger.ON_DEMAND: N_("Check on request"),
}
LEVEL_WORDS = {
    Level.EMERGENCY: N_("Emergency: get emergency care now"),
    Level.URGENT: N_("Urgent: contact your clinician today"),
    Level.STOP_AND_CHECK: N_("Stop and get checked"),
}
CLEARANCE_WORDS = {  # {day}: the day of the clearance
    ClearanceReason.CHECKED_BY_CLINICIAN: N_("Checked by a clinician on {day}"),
    ClearanceReason.ANSWERED_BY_MISTAKE: N_("Marked as answered by mistake on {day}"),
}


def _red_flag(check: CheckRecord, data: ReportInput) -> RedFlagEntry:
    yes = [q for q in QUESTIONS if check.answers.get(q.id)]
    labels = [q.label for q in yes]
    labels += sorted(k for k, v in check.answers.items() if v and k not in QUESTIONS_BY_ID)
    level = check.level
    if level is None and yes:
        level = max((q.level for q in yes), key=lambda lv: lv.severity)
    done = check.completed_at
    assert done is not None
    clearance = min((c for c in data.clearances if c.at >= done), key=lambda c: c.at, default=None)
    if clearance is None:
        cleared = _("No clearance recorded")
    else:
        on = date_text(clearance.at.astimezone(data.tz).date())
        words = CLEARANCE_WORDS.get(clearance.reason)
        if words is None:  # a reason this app does not know: said as stored
            cleared = _("{reason} on {day}").format(reason=clearance.reason, day=on)
        else:
            cleared = _(words).format(day=on)
    trigger = TRIGGER_WORDS.get(check.trigger)
    return RedFlagEntry(
        check=check,
        day=_completed_day(check, data.tz),
        trigger_text=_(trigger) if trigger is not None else str(check.trigger),
        level_text=_(LEVEL_WORDS[level]) if level is not None else "",
        answers=tuple(labels),
        clearance=clearance,
        clearance_text=cleared,
    )


def _safety_section(checks: list[CheckRecord], data: ReportInput) -> SafetySection:
    flagged = tuple(_red_flag(c, data) for c in checks if any(c.answers.values()))
    quiet = [c for c in checks if not any(c.answers.values())]
    n, weekly = len(quiet), all(c.trigger == CheckTrigger.WEEKLY for c in quiet)
    if weekly:
        no_signs = ngettext(
            "{n} weekly safety check with no warning signs.",
            "{n} weekly safety checks with no warning signs.",
            n,
        ).format(n=n)
    else:
        no_signs = ngettext(
            "{n} check with no warning signs.", "{n} checks with no warning signs.", n
        ).format(n=n)
    if not checks:
        summary = _("No safety checks in this range.")
    elif not flagged:
        summary = no_signs
    elif quiet:
        summary = ngettext(
            '{n} check with a "yes" answer, listed below; {no_signs}',
            '{n} checks with a "yes" answer, listed below; {no_signs}',
            len(flagged),
        ).format(n=len(flagged), no_signs=no_signs)
    else:
        summary = ngettext(
            '{n} check with a "yes" answer, listed below.',
            '{n} checks with a "yes" answer, listed below.',
            len(flagged),
        ).format(n=len(flagged))
    return SafetySection(len(checks), len(quiet), summary, flagged)


# ---- what next, and questions for the visit ---------------------------------------------


def _what_next(ctx: _Context) -> tuple[str, ...]:
    """2-4 modest sentences for "what should we do next?" (coaching, never a diagnosis)."""
    v, tests = ctx.verdict, ctx.verdict.test_walks
    lines = []
    if ctx.uncleared:
        days = ", ".join(_say_day(e.day, ctx.data) for e in ctx.uncleared)
        discuss = ngettext(
            'Discuss the "yes" answer on {days}: no clinician check is recorded yet.',
            'Discuss the "yes" answers on {days}: no clinician check is recorded yet.',
            len(ctx.uncleared),
        )
        lines.append(discuss.format(days=days))
    if ctx.signs or v.verdict == VerdictKind.SLIPPING:
        lines.append(_("Ask whether a different treatment or a specialist review is needed."))
    elif v.verdict == VerdictKind.IMPROVING:
        lines.append(_("Keep going: the programme is working."))
    elif v.verdict == VerdictKind.HOLDING:
        lines.append(_("Walking is holding steady: ask whether to keep the plan or change it."))
    if tests == 0:
        lines.append(
            _("Do a walking test this week.") if ctx.recent else _("Do a walking test every week.")
        )
    elif tests < MIN_TESTS:
        more = MIN_TESTS - tests
        lines.append(
            ngettext(
                "Do a walking test each week: {n} more test will show whether walking is changing.",
                "Do a walking test each week: {n} more tests will show whether walking is "
                "changing.",
                more,
            ).format(n=more)
        )
    elif v.nudge and ctx.recent:
        lines.append(_("Do a walking test this week."))
    if ctx.medication_rose:
        lines.append(_("Talk about pain medication: you take more doses a day than at first."))
    if len(lines) < MIN_NEXT:
        lines.append(_("Agree when to look at progress again."))
    return tuple(lines[:MAX_NEXT])


def _walking_detail(v: Verdict) -> str:
    b, la = v.baseline, v.latest
    assert b is not None and la is not None and v.change_pct is not None
    before, after = number_text(b.median_leg_pain), number_text(la.median_leg_pain)
    if before == after:
        text = _(
            "From my first 3 to my latest 3 walking tests, walking before symptoms went from "
            "{before} to {after} ({change}); leg pain stayed at {pain}."
        )
    else:
        text = _(
            "From my first 3 to my latest 3 walking tests, walking before symptoms went from "
            "{before} to {after} ({change}); leg pain went from {pain_before} to {pain}."
        )
    return text.format(
        before=minutes_text(b.median_tolerance_s),
        after=minutes_text(la.median_tolerance_s),
        change=whole_percent_text(b.median_tolerance_s, la.median_tolerance_s),
        pain_before=before,
        pain=after,
    )


def _questions(ctx: _Context) -> tuple[Question, ...]:
    """ "Questions for your visit": only those the data supports, in the patient's voice."""
    v, data = ctx.verdict, ctx.data
    judged = v.verdict != VerdictKind.NOT_ENOUGH_DATA and v.change_pct is not None
    found = []
    if judged:
        text = {
            VerdictKind.IMPROVING: _("Is my walking improving enough to keep going as I am?"),
            VerdictKind.HOLDING: _(
                "My walking is about the same as at first. Should anything change?"
            ),
            VerdictKind.SLIPPING: _("My walking has got worse. What should we change?"),
        }[v.verdict]
        found.append(Question(text, _walking_detail(v)))
    if ctx.scope.walks:
        plan = data.next_walk_text if data.next_walk_text.strip() else ""
        found.append(Question(_("Should my walking plan change?"), plan))
    if ctx.medication_rose or ctx.opioid_days:
        parts = []
        m = ctx.medication
        if ctx.medication_rose and m.baseline is not None and m.latest is not None:
            parts.append(
                _(
                    "My pain medication went from {before} to {after} doses a day (first and "
                    "last 14 days)."
                ).format(before=m.baseline_text, after=m.latest_text)
            )
        elif ctx.medication_rose:
            parts.append(_("I take more doses of pain medication a day than at first."))
        if ctx.opioid_days:
            parts.append(
                ngettext(
                    "I took an opioid on {n} day.", "I took an opioid on {n} days.", ctx.opioid_days
                ).format(n=ctx.opioid_days)
            )
        found.append(Question(_("Is my pain medication right for me?"), " ".join(parts)))
    if ctx.uncleared:
        detail = "; ".join(
            f"{_say_day(e.day, data)}: {', '.join(e.answers)}" for e in ctx.uncleared
        )
        found.append(Question(_('What do my "yes" answers on the safety checks mean?'), detail))
    if ctx.signs or (judged and v.verdict != VerdictKind.IMPROVING):
        detail = " ".join(s.text for s in ctx.signs) or v.summary
        another = _("Would another treatment, or a specialist's opinion, help?")
        found.append(Question(another, detail))
    if not ctx.scope.walks:
        found.append(Question(_("How much walking should I do, and how often?"), ""))
    for filler in (
        _("Which warning signs mean I should contact you, or get care straight away?"),
        _("When should we look at my progress again?"),
    ):
        if len(found) < MIN_QUESTIONS:
            found.append(Question(filler, ""))
    return tuple(found[:MAX_QUESTIONS])
