"""Runs the progress flows: the daily log (with the standing test) and treatments."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from PySide6.QtCore import QObject

from stenosis_coach.core.daily import DailyLog, TreatmentEvent
from stenosis_coach.core.walking.logged import FormProblems
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import N_, _
from stenosis_coach.services.changes import Changes
from stenosis_coach.services.coach import Coach
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.hosts import FlowHost, SafetyGate, coach_of
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen, StandingTestScreen
from stenosis_coach.ui.progress.page import ProgressPage
from stenosis_coach.ui.progress.treatment_screen import TreatmentScreen
from stenosis_coach.ui.writes import write, write_for

# Boxes' titles, over the problem's own sentence (a full disk ...).
LOG_NOT_SAVED = N_("Your log was not saved")
TREATMENT_NOT_SAVED = N_("The treatment was not saved")


class ProgressController(QObject):
    """The Progress page's forms, shown on ``flows``; new weakness noted in the daily log
    opens the safety check through ``safety``."""

    def __init__(
        self,
        context: AppContext,
        page: ProgressPage,
        *,
        flows: FlowHost,
        safety: SafetyGate,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._flows = flows
        self._safety = safety
        page.log_requested.connect(self.log_day)
        page.treatment_requested.connect(self.add_treatment)

    @property
    def _coach(self) -> Coach:
        return coach_of(self._context)

    def _today(self) -> date:
        return self._coach.today_date()

    def log_day(self, day: date | None = None, back_to: str = "progress") -> DailyLogScreen:
        day = day or self._today()
        coach = self._coach
        existing = coach.daily_log(day)
        # DESIGN 5.10: asked on days 1-42 after an injection, a block or a procedure.
        relief = coach.relief_treatment(day)
        screen = DailyLogScreen(
            day,
            self._context.dialogs,
            existing.log if existing else None,
            relief=relief,
            since=coach.since_treatment(day) if relief is not None else None,
        )
        screen.submitted.connect(lambda log: self._save_log(screen, log, back_to))
        screen.cancelled.connect(lambda: self._flows.end_flow(back_to))
        screen.standing_requested.connect(lambda: self._standing(screen))
        self._flows.show_flow(screen)
        return screen

    def _save_log(self, screen: DailyLogScreen, log: DailyLog, back_to: str) -> None:
        asked, answer = screen.asks_relief, screen.since_treatment()

        def save(coach: Coach) -> Changes:
            """The log and its "compared with before the treatment", in one write."""
            changes = coach.save_daily_log(log)
            if asked:  # recorded, or taken back when left unanswered
                changes |= coach.answer_since_treatment(log.day, answer)
            return changes

        try:
            saved = write(self._context, save, _(LOG_NOT_SAVED))
        except FormProblems as problems:  # said on the form, at each field
            screen.show_problems(problems.problems)
            return
        if saved is None:
            return  # the form stays as filled: saving may be tried again
        self._flows.end_flow(back_to)
        if log.new_weakness:
            # New weakness or balance trouble is on the red-flag list (DESIGN 5.5).
            self._safety.after_session(new_symptoms=True)

    def _standing(self, log_screen: DailyLogScreen) -> None:
        """Run the standing test over the log screen, then come back to it."""
        test = StandingTestScreen(self._context.clock)
        holder = self._flows.take_flow()  # keep the half-filled log while the test runs

        def finished(seconds: Fraction | None) -> None:  # None: no time taken
            self._flows.restore_flow(holder)
            if seconds is not None:
                log_screen.set_standing(seconds)

        test.finished.connect(finished)
        self._flows.show_flow(test)

    def add_treatment(self) -> TreatmentScreen:
        screen = TreatmentScreen(self._today(), self._context.dialogs)

        def add(coach: Coach, event: TreatmentEvent) -> tuple[str, Changes]:
            """Added (``""``), or the value's problem, said on the form."""
            try:
                return "", coach.add_treatment(event)
            except InvalidInput as exc:
                return exc.message, Changes()

        def save(event: TreatmentEvent) -> None:
            problem = write_for(
                self._context, lambda coach: add(coach, event), _(TREATMENT_NOT_SAVED)
            )
            if problem:
                screen.show_error(problem)
            elif problem is not None:
                self._flows.end_flow("progress")

        screen.submitted.connect(save)
        screen.cancelled.connect(lambda: self._flows.end_flow("progress"))
        self._flows.show_flow(screen)
        return screen
