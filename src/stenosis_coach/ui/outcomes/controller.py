"""Runs the questionnaire (issue 15, DESIGN 5.6): the ZCQ one question per screen, then My
activities re-rated, then a short thank-you with the result in plain words.

The ZCQ's answers are kept here until its last question, then saved through the Coach in
one write (:mod:`ui.writes`); leaving before that asks first, as nothing is saved yet. Once
saved, nothing is lost: My activities says so and its Back goes to the last question, where
an answer changed is saved again (replacing the day's), on going on or on leaving.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject

from stenosis_coach.core.outcomes.model import ZCQ, Answer, Questionnaire
from stenosis_coach.core.outcomes.psfs import psfs_outcome
from stenosis_coach.core.outcomes.zcq import (
    DUE_EVERY_DAYS,
    SUBSCALES,
    Item,
    items_asked,
    score_text,
    zcq_outcome,
)
from stenosis_coach.core.progress.outcomes import zcq_change_lines
from stenosis_coach.core.walking.logged import FormProblems
from stenosis_coach.core.words import day_text
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import N_, _
from stenosis_coach.services.changes import Changes
from stenosis_coach.services.coach import Coach
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.hosts import FlowHost, coach_of
from stenosis_coach.ui.outcomes.screens import (
    ActivitiesScreen,
    ActivityChoice,
    ThankYouScreen,
    ZcqIntroScreen,
    ZcqQuestionScreen,
)
from stenosis_coach.ui.writes import write, write_for

NOT_SAVED = N_("Your answers were not saved")
ACTIVITIES_NOT_SAVED = N_("My activities were not saved")
LEAVE_TITLE = N_("Leave the questionnaire?")
LEAVE_TEXT = N_("Your answers so far are not saved.")
LEAVE_OPTIONS = (N_("Keep answering"), N_("Leave"))  # the first is safe: Esc keeps answering


def _intro(item: Item) -> str:
    return next(s.intro for s in SUBSCALES if item in s.items)


def _first_and_now(words: dict[bool, str], first, first_day, latest, latest_day, today) -> str:
    """One of ``words`` (``True``: the latest is today's) filled with both scores and days."""
    return words[latest_day == today].format(
        first=score_text(first),
        first_day=day_text(first_day, today),
        latest=score_text(latest),
        latest_day=day_text(latest_day, today),
    )


def result_lines(questionnaires: list[Questionnaire], today: date) -> list[str]:
    """The result in plain words (no diagnosis): what was kept, and how the scores moved
    since the first questionnaire, each with its scale and its days; what the change
    means in the very words Progress and the report use (:func:`zcq_judgement`)."""
    lines = [_("Your answers are saved. Your clinician can see them in the report.")]
    zcq = zcq_outcome(questionnaires)
    if zcq.change is None or zcq.first is None or zcq.latest is None:
        lines.append(
            _(
                "This is your first questionnaire. The next one compares how things change. "
                "Scores go from 1 to 5 for symptoms and from 1 to 4 for what you can do: "
                "for both, lower means less trouble."
            )
        )
    else:  # each score with its scale and days, then what the change means
        lines.extend(zcq_change_lines(zcq, today))
    psfs = psfs_outcome(questionnaires)
    if psfs.change is not None and psfs.first and psfs.latest:
        assert psfs.first.mean is not None and psfs.latest.mean is not None
        said = {
            True: _(
                "My activities, on a scale of 0 to 10 (higher is better): {first} on "
                "{first_day}, {latest} today."
            ),
            False: _(
                "My activities, on a scale of 0 to 10 (higher is better): {first} on "
                "{first_day}, {latest} on {latest_day}."
            ),
        }
        lines.append(
            _first_and_now(
                said, psfs.first.mean, psfs.first.date, psfs.latest.mean, psfs.latest.date, today
            )
        )
    lines.append(_("The next questionnaire is due in {days} days.").format(days=DUE_EVERY_DAYS))
    return lines


class OutcomesController(QObject):
    """The questionnaire flow, shown on ``flows``."""

    def __init__(
        self, context: AppContext, *, flows: FlowHost, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._flows = flows
        self._items: tuple[Item, ...] = ()
        self._answers: dict[str, int] = {}
        self._saved: dict[str, int] | None = None  # the answers as saved, once they are
        self._index = 0
        self._day: date | None = None
        self._back_to = "today"

    @property
    def _coach(self) -> Coach:
        return coach_of(self._context)

    # -- the ZCQ ---------------------------------------------------------------------
    def start(self, back_to: str = "today") -> ZcqIntroScreen:
        """Open the questionnaire: what it is and its source, then the first question
        (satisfaction only from the second questionnaire on)."""
        coach = self._coach
        self._day = coach.today_date()
        earlier = [q for q in coach.questionnaires(ZCQ) if q.date < self._day]
        self._items = items_asked(first_time=not earlier)
        self._answers = {}
        self._saved = None
        self._back_to = back_to
        intro = ZcqIntroScreen(len(self._items), about_care=bool(earlier))
        intro.proceed.connect(lambda: self._show(0))
        intro.leave.connect(lambda: self._flows.end_flow(self._back_to))
        self._flows.show_flow(intro)
        return intro

    def _show(self, index: int) -> ZcqQuestionScreen:
        self._index = index
        item = self._items[index]
        screen = ZcqQuestionScreen(
            item,
            _intro(item),
            index + 1,
            len(self._items),
            previous=self._answers.get(item.id),
            intro_shown=index == 0
            or _intro(self._items[index - 1]) != _intro(item)
            or item.id in self._answers,
        )
        screen.answered.connect(lambda value: self._answer(item, value))
        screen.skipped.connect(lambda: self._answer(item, None))
        screen.back.connect(lambda: index > 0 and self._show(index - 1))
        screen.leave.connect(self._leave)
        self._flows.show_flow(screen)
        screen.setFocus()
        return screen

    def _answer(self, item: Item, value: int | None) -> None:
        if value is None:
            self._answers.pop(item.id, None)
        else:
            self._answers[item.id] = value
        if self._index + 1 < len(self._items):
            self._show(self._index + 1)
        else:
            self._save_zcq()

    def _leave(self) -> None:
        if self._saved is not None:  # saved already: a change made since is kept too
            if self._answers and self._answers != self._saved:
                self._write_zcq()
            self._flows.end_flow(self._back_to)
            return
        if self._answers:
            options = [_(option) for option in LEAVE_OPTIONS]
            if self._context.dialogs.choose(_(LEAVE_TITLE), _(LEAVE_TEXT), options, 0) != 1:
                return
        self._flows.end_flow(self._back_to)

    def _save_zcq(self) -> None:
        if not self._answers:
            self._context.dialogs.inform(
                _("Nothing answered yet"),
                _("Answer at least one question to save the questionnaire."),
            )
            return
        if self._write_zcq():
            self.rate_activities()

    def _write_zcq(self) -> bool:
        """Save the answers (replacing the day's questionnaire); ``False`` if not saved."""
        day, answers = self._day, dict(self._answers)
        assert day is not None
        try:
            saved = write(self._context, lambda coach: coach.record_zcq(day, answers), _(NOT_SAVED))
        except FormProblems as problems:  # not expected: the screens give only valid answers
            self._context.dialogs.warn(_(NOT_SAVED), " ".join(problems.problems.values()))
            return False
        if saved is None:
            return False
        self._saved = answers
        return True

    # -- My activities ---------------------------------------------------------------
    def change_activities(self, back_to: str = "progress") -> ActivitiesScreen:
        """My activities alone, on demand: named, re-rated, stopped or retired today, then
        straight back to ``back_to`` (leaving saves nothing)."""
        self._day = self._coach.today_date()
        self._back_to = back_to
        return self.rate_activities(alone=True)

    def rate_activities(self, alone: bool = False) -> ActivitiesScreen:
        """My activities; after the questionnaire (``alone`` False) a thank-you follows."""
        current = [(a.id, a.words) for a in self._coach.activities(current_only=True)]
        screen = ActivitiesScreen(current, self._context.dialogs, after_questionnaire=not alone)
        done = (lambda: self._flows.end_flow(self._back_to)) if alone else self.thank
        if not alone:  # the questionnaire is saved: its last question may still be changed
            screen.back.connect(lambda: self._show(len(self._items) - 1))
        screen.submitted.connect(lambda choices: self._save_activities(screen, choices, done))
        screen.cancelled.connect(done)
        self._flows.show_flow(screen)
        return screen

    def _save_activities(
        self, screen: ActivitiesScreen, choices: list[ActivityChoice], done: Callable[[], object]
    ) -> None:
        day = self._day or self._coach.today_date()

        def save(coach: Coach) -> tuple[str, Changes]:
            """Saved (``""``), or the problem to say on the screen."""
            changes = Changes()
            try:
                for choice in choices:
                    if choice.activity_id is None and not choice.retired:
                        added, added_changes = coach.add_activity(choice.words)
                        choice.activity_id = added.id
                        changes = changes | added_changes
                ratings: dict[str, Answer] = {
                    c.words: c.rating for c in choices if c.rating is not None and not c.retired
                }
                if ratings:
                    changes = changes | coach.record_psfs(day, ratings)
                for choice in choices:
                    if choice.retired and choice.activity_id is not None:
                        changes = changes | coach.retire_activity(choice.activity_id)
            except (InvalidInput, FormProblems) as exc:
                message = (
                    " ".join(exc.problems.values())
                    if isinstance(exc, FormProblems)
                    else exc.message
                )
                return message, changes
            return "", changes

        problem = write_for(self._context, save, _(ACTIVITIES_NOT_SAVED))
        if problem:
            screen.error.setText(problem)
            screen.error.show()
        elif problem is not None:
            done()

    # -- the end ---------------------------------------------------------------------
    def thank(self) -> ThankYouScreen:
        coach = self._coach
        lines = result_lines(coach.questionnaires(), coach.today_date())
        words = _("Back to Today") if self._back_to == "today" else _("Back to Progress")
        screen = ThankYouScreen(lines, words)
        screen.done.connect(lambda: self._flows.end_flow(self._back_to))
        self._flows.show_flow(screen)
        return screen
