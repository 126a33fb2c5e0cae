"""The 12-week trial (issue 16, seed 001: "give an active program a genuine few months").

Pure. The trial starts on the local day of the newest plan's start (a walking plan or a
plan's routines, imported or made, up to the moment); with no plan, on the day of the
first walk or routine session. Today says "Week N of 12" calmly; once 12 weeks are done
(84 days from the start), a review: what changed since the start, in the words the
verdict and the questionnaire already use (the verdict's sentence over the walking tests
since the start; the ZCQ's scores with their scales, as its thank-you says them), and the
advice to take the report to the clinician. The review can be hidden (and shown again); it
is hidden for that start only (a new plan starts a new trial). The report says the trial
neutrally (:meth:`Trial.report_line`, :meth:`TrialReview.report_line`): the clinician
reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from stenosis_coach.core.due import DueInputs
from stenosis_coach.core.outcomes.model import Questionnaire
from stenosis_coach.core.outcomes.summary import outcomes_of
from stenosis_coach.core.progress.outcomes import zcq_change_lines
from stenosis_coach.core.progress.verdict import DailyDoses, compute_verdict
from stenosis_coach.core.walking.model import Walk
from stenosis_coach.core.words import day_text
from stenosis_coach.i18n import _

TRIAL_WEEKS = 12  # seed 001: a genuine few months
TRIAL_DAYS = 7 * TRIAL_WEEKS


def trial_start(inputs: DueInputs, at: datetime, tz: tzinfo) -> date | None:
    """The trial's first local day at ``at`` (None: no plan and nothing done yet)."""
    plans = [p.start.at for p in inputs.walking_plans if p.start.at <= at]
    plans += [p.at for p in inputs.routine_plans if p.at <= at]
    if plans:
        return max(plans).astimezone(tz).date()
    begun = [w.start for w in inputs.walks if w.start <= at]
    if inputs.first_routine_at is not None and inputs.first_routine_at <= at:
        begun.append(inputs.first_routine_at)
    return min(begun).astimezone(tz).date() if begun else None


@dataclass(frozen=True)
class Trial:
    start: date
    today: date

    @property
    def days(self) -> int:
        return (self.today - self.start).days

    @property
    def week(self) -> int:
        """The week of the trial today is in, from 1."""
        return self.days // 7 + 1

    @property
    def done(self) -> bool:
        """12 whole weeks have gone by: the review is due."""
        return self.days >= TRIAL_DAYS

    def week_line(self) -> str:
        """ "Week 3 of 12 of your programme (started Mon 2 Mar)." or, once 12 weeks are
        done, that they are."""
        day = day_text(self.start, self.today)
        if self.done:
            return _("Your 12 weeks are done: the programme started on {day}.").format(day=day)
        return _("Week {week} of {weeks} of your programme (it started on {day}).").format(
            week=self.week, weeks=TRIAL_WEEKS, day=day
        )

    def report_line(self) -> str:
        """The same for the report, read by the clinician: of the patient neutrally, never
        "your" ("Week 3 of the 12-week programme (started on Mon 2 Mar).", or "12-week
        programme completed on Mon 25 May (started on Mon 2 Mar).")."""
        start = day_text(self.start, self.today)
        if self.done:
            return _("12-week programme completed on {end} (started on {start}).").format(
                end=day_text(trial_end(self.start), self.today), start=start
            )
        return _("Week {week} of the 12-week programme (started on {start}).").format(
            week=self.week, start=start
        )


def trial_of(inputs: DueInputs, at: datetime, tz: tzinfo) -> Trial | None:
    start = trial_start(inputs, at, tz)
    if start is None:
        return None
    return Trial(start, at.astimezone(tz).date())


def trial_end(start: date) -> date:
    """The day the 12 weeks are done."""
    return start + timedelta(days=TRIAL_DAYS)


@dataclass(frozen=True)
class TrialReview:
    """The review after 12 weeks: a title, what changed (sentences the verdict and the
    questionnaire already say), and what to do with it."""

    start: date  # which trial it reviews (hiding it is remembered for this start)
    title: str
    changes: tuple[str, ...]
    advice: str
    walking: str = ""  # the verdict's own sentences over the walking tests since the start

    @property
    def lines(self) -> tuple[str, ...]:
        return (*self.changes, self.advice)

    def report_line(self) -> str:
        """What changed in walking, for the report (neutral: the clinician reads it)."""
        # Translators: {verdict} is the verdict's own sentences ("Improving: your walking
        # has got better. Walking before symptoms: 4:00 min → 7:00 min (+75%). …").
        return _("Walking tests since the programme started on {day}. {verdict}").format(
            day=day_text(self.start, year=True), verdict=self.walking
        )


def trial_review(
    trial: Trial,
    walks: Iterable[Walk],
    doses: Iterable[DailyDoses],
    questionnaires: Iterable[Questionnaire],
    tz: tzinfo,
) -> TrialReview:
    """The review of ``trial``: the verdict (DESIGN 5.3, its own sentence: walking before
    symptoms before → now) over the walking tests since the start, and the ZCQ's line as the
    report says it over the questionnaires since the start (none: no line)."""
    start, today = trial.start, trial.today
    since = [w for w in walks if start <= w.start.astimezone(tz).date() <= today]
    kept = [d for d in doses if start <= d.date <= today]
    verdict = compute_verdict(since, kept, today, tz)
    answered = [q for q in questionnaires if start <= q.date <= today]
    changes = [
        # A lead without a colon: the verdict's own sentences start "Improving: …".
        # Translators: {verdict} is the verdict's own sentences ("Improving: your walking
        # has got better. Walking before symptoms: 4:00 min → 7:00 min (+75%). …").
        _("Your walking tests since {day}. {verdict}").format(
            day=day_text(start, today, year=True), verdict=verdict.summary
        ),
        # The questionnaire as its thank-you says it: each score with its scale and days.
        *zcq_change_lines(outcomes_of(answered).zcq, today),
    ]
    return TrialReview(
        start=start,
        title=_("Your 12 weeks: what changed"),
        changes=tuple(changes),
        walking=verdict.summary,
        advice=_(
            "Take your report to your clinician: together you can look at what changed and "
            "decide what comes next. Keep going with your plan until then."
        ),
    )
