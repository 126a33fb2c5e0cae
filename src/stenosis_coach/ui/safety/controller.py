"""When the safety screens appear, and what is stored when the user answers (issue 3).

Entry points for the rest of the app:

* :meth:`SafetyController.on_startup` — first run (welcome, then the check) and any check
  left unanswered by a crash;
* :meth:`SafetyController.start_check` — weekly (from Today) and "I have new symptoms";
* :meth:`SafetyController.request_session` — every coach calls this before starting; it
  runs the given start function only when no "yes" waits for a clinician's check;
* :meth:`SafetyController.after_session` — every coach calls this when a session ends on
  "must stop", a severe "this hurts" (>= 7/10), spreading symptoms or new weakness, or a
  rest that does not ease.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from stenosis_coach.core.safety import (
    QUESTIONS,
    CheckTrigger,
    ClearanceReason,
    check_after_session,
)
from stenosis_coach.core.words import day_text
from stenosis_coach.services import safety
from stenosis_coach.ui.safety.screens import (
    AllClearScreen,
    ClearanceScreen,
    QuestionScreen,
    SeekCareScreen,
    WelcomeScreen,
)

log = logging.getLogger(__name__)


class SafetyController(QObject):
    """Runs the safety screens in the window's flow area.

    Signals:
        flow_finished(): a safety flow ended and the window is back on its pages.
    """

    flow_finished = Signal()

    def __init__(self, window) -> None:  # window: MainWindow (avoids an import cycle)
        super().__init__(window)
        self._window = window
        self._context = window.context
        self._check_id: int | None = None
        self._index = 0
        self._questions: QuestionScreen | None = None
        self._after_clearance: Callable[[], None] | None = None

    # -- entry points --------------------------------------------------------------------
    def on_startup(self) -> None:
        db, now = self._context.db, self._context.clock.now()
        if db is None:
            return
        status = safety.status(db, now)
        if status.pending is not None:
            self._run_check(status.pending.trigger)
        elif status.first_check_needed:
            if safety.welcome_seen(db):
                self._run_check(CheckTrigger.FIRST_RUN)
            else:
                welcome = WelcomeScreen()
                welcome.proceed.connect(self._welcome_done)
                self._window.show_flow(welcome)

    def start_check(self, trigger: CheckTrigger = CheckTrigger.ON_DEMAND) -> None:
        self._run_check(trigger)

    def request_session(self, start: Callable[[], None]) -> None:
        """Call ``start`` now if sessions are allowed, else ask first (check or clearance)."""
        db, now = self._context.db, self._context.clock.now()
        status = safety.status(db, now)
        if status.pending is not None:
            self._run_check(status.pending.trigger)
        elif status.needs_clearance:
            self._after_clearance = start
            self.show_clearance()
        else:
            start()

    def after_session(
        self,
        *,
        must_stop: bool = False,
        worst_hurt: int | None = None,
        new_symptoms: bool = False,
        rest_not_easing: bool = False,
    ) -> bool:
        """Open the check if the session's end calls for it; ``True`` if it did."""
        if must_stop:
            trigger = CheckTrigger.MUST_STOP
        elif check_after_session(False, worst_hurt):
            trigger = CheckTrigger.SEVERE_HURT
        elif new_symptoms:
            trigger = CheckTrigger.SESSION_SYMPTOMS
        elif rest_not_easing:
            trigger = CheckTrigger.REST_NOT_EASING
        else:
            return False
        self._run_check(trigger)
        return True

    def show_clearance(self) -> None:
        status = safety.status(self._context.db, self._context.clock.now())
        flag = status.open_flag
        if flag is None or status.advice is None:
            self._finish_flow()
            return
        local = flag.completed_at.astimezone()
        screen = ClearanceScreen(status.advice, day_text(local))
        screen.cleared.connect(self._cleared)
        screen.not_yet.connect(self._not_yet)
        self._window.show_flow(screen)

    # -- the check -----------------------------------------------------------------------
    def _welcome_done(self) -> None:
        safety.mark_welcome_seen(self._context.db, self._context.clock.now())
        self._run_check(CheckTrigger.FIRST_RUN)

    def _run_check(self, trigger: CheckTrigger) -> None:
        check = safety.start_check(self._context.db, trigger, self._context.clock.now())
        log.info("red-flag check %s (%s) started or resumed", check.id, check.trigger)
        self._check_id = check.id
        self._answers = dict(check.answers)
        # Resume at the first question not yet answered.
        self._index = next(
            (i for i, q in enumerate(QUESTIONS) if q.id not in self._answers), len(QUESTIONS) - 1
        )
        screen = QuestionScreen(check.trigger.may_postpone)
        screen.answered.connect(self._answered)
        screen.back.connect(self._back)
        screen.postpone.connect(self._postpone)
        self._questions = screen
        self._window.show_flow(screen)
        self._show_question()

    def _show_question(self) -> None:
        question = QUESTIONS[self._index]
        assert self._questions is not None
        self._questions.show_question(
            question, self._index + 1, len(QUESTIONS), self._answers.get(question.id)
        )

    def _answered(self, yes: bool) -> None:
        assert self._check_id is not None
        question = QUESTIONS[self._index]
        now = self._context.clock.now()
        safety.answer(self._context.db, self._check_id, question.id, yes, now)
        self._answers[question.id] = yes
        if self._index + 1 < len(QUESTIONS):
            self._index += 1
            self._show_question()
            return
        advice = safety.finish_check(self._context.db, self._check_id, now)
        self._check_id = None
        self._questions = None
        self._context.data_changed.emit()
        if advice is None:
            screen = AllClearScreen()
        else:
            screen = SeekCareScreen(advice)
            self._after_clearance = None  # a new "yes": nothing starts until checked
        screen.done.connect(self._finish_flow)
        self._window.show_flow(screen)

    def _back(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show_question()

    def _postpone(self) -> None:
        assert self._check_id is not None
        safety.postpone_check(self._context.db, self._check_id, self._context.clock.now())
        self._check_id = None
        self._finish_flow()

    # -- clearance -----------------------------------------------------------------------
    def _cleared(self, reason: ClearanceReason) -> None:
        safety.record_clearance(self._context.db, reason, self._context.clock.now())
        self._context.data_changed.emit()
        then, self._after_clearance = self._after_clearance, None
        self._finish_flow()
        if then is not None:
            then()

    def _not_yet(self) -> None:
        self._after_clearance = None
        self._finish_flow()

    def _finish_flow(self) -> None:
        self._window.end_flow()
        self.flow_finished.emit()
