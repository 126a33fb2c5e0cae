"""When the safety screens appear, and what is stored when the user answers (issue 3).

Entry points for the rest of the app:

* :meth:`SafetyController.on_startup` — first run (welcome, then the check), a check left
  unfinished (with a "yes": its advice at once) and advice the patient never closed;
* :meth:`SafetyController.start_check` — weekly (from Today) and "I have new symptoms";
* :meth:`SafetyController.request_session` — every coach calls this before starting; it
  runs the given start function only when no check is left unfinished and no "yes" waits
  for a clinician's check;
* :meth:`SafetyController.after_session` — every coach calls this when a session ends on
  "must stop", a severe "this hurts" (>= 7/10), spreading symptoms or new weakness, or a
  rest that does not ease.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from stenosis_coach.core.safety import (
    QUESTIONS,
    CheckTrigger,
    ClearanceReason,
    SeekCareAdvice,
    check_after_session,
)
from stenosis_coach.core.safety_state import CheckRecord, LeftCheck, left_check
from stenosis_coach.core.words import day_text
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.services.coach import Coach
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.hosts import FlowHost, coach_of
from stenosis_coach.ui.safety.screens import (
    AllClearScreen,
    ClearanceScreen,
    QuestionScreen,
    SeekCareScreen,
    WelcomeScreen,
)
from stenosis_coach.ui.writes import write, write_for

log = logging.getLogger(__name__)
T = TypeVar("T")

# A box's title, over the problem's own sentence (a full disk ...).
CHECK_NOT_SAVED = N_("Your answer was not saved")

LEFT_NOTE = N_(
    "Your safety check was not finished, so the questions after your last answer were not "
    "asked. This is the advice for the answers you gave."
)  # translated where shown


class SafetyController(QObject):
    """Runs the safety screens on ``flows`` (the window's flow area); it is the
    :class:`~stenosis_coach.ui.hosts.SafetyGate` the coaches are given.

    Signals:
        flow_finished(): a safety flow ended and the window is back on its pages.
    """

    flow_finished = Signal()

    def __init__(
        self, context: AppContext, *, flows: FlowHost, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._flows = flows
        self._check_id: int | None = None
        # When the check being asked began: with the id, it is known in another database too.
        self._check_started: datetime | None = None
        self._index = 0
        self._answers: dict[str, bool] = {}
        self._may_postpone = False
        self._first_check = False
        self._after_clearance: Callable[[], None] | None = None
        # What a start asked for while a check was waiting: it goes on once that check
        # ends with no "yes" (the check left again, or a "yes", starts nothing).
        self._after_check: Callable[[], None] | None = None

    @property
    def _coach(self) -> Coach:
        return coach_of(self._context)

    def _write(self, action: Callable[[Coach], tuple[T, Changes]]) -> tuple[T] | None:
        """Store an answer (the check, the welcome, a clearance) and announce it; the
        action's result in a 1-tuple (it may be ``None`` itself), or ``None`` when it could
        not be stored (a box said why; the screen stays, to try again)."""

        def boxed(coach: Coach) -> tuple[tuple[T], Changes]:
            result, changes = action(coach)
            return (result,), changes

        return write_for(self._context, boxed, _(CHECK_NOT_SAVED))

    def _stored(self, action: Callable[[Coach], Changes]) -> bool:
        """Store something with no result; ``False`` when it could not be (said)."""
        return write(self._context, action, _(CHECK_NOT_SAVED)) is not None

    # -- entry points --------------------------------------------------------------------
    def on_startup(self) -> None:
        """First thing at a start: a check left unfinished (its advice at once if it has a
        "yes"), advice the patient never closed, or the first check (after the welcome)."""
        if self._context.coach is None:
            return
        coach = self._coach
        status = coach.safety_status()
        if status.pending is not None:
            self._open_left(status.pending)
            return
        flag = coach.unread_advice()
        if flag is not None and flag.advice is not None and flag.completed_at is not None:
            when = day_text(flag.completed_at.astimezone(coach.tz))
            note = _("From your safety check on {day}.").format(day=when)
            self._show_advice(flag.id, flag.advice, note)
        elif status.first_check_needed:
            self._first_run()

    def start_check(self, trigger: CheckTrigger = CheckTrigger.ON_DEMAND) -> None:
        pending = self._coach.safety_status().pending
        if pending is not None:
            self._open_pending(pending)
        else:
            self._run_check(trigger)

    def _open_pending(self, pending: CheckRecord) -> None:
        """The check waiting to be finished: the one this window is asking goes on at its
        question (a menu over it, "I have new symptoms" in the middle of it, cuts nothing
        short); one left by an earlier start shows its advice first, or carries on."""
        if (pending.id, pending.started_at) == (self._check_id, self._check_started):
            self._show_question()
        else:
            self._open_left(pending)

    def request_session(self, start: Callable[[], None]) -> None:
        """Call ``start`` now if sessions are allowed, else ask first (check or clearance)."""
        status = self._coach.safety_status()
        if status.pending is not None:
            self._after_check = start
            self._open_pending(status.pending)
        elif status.needs_clearance:
            self._after_check = None
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
        self._after_check = None  # a session just ended: nothing asked before it waits
        self.start_check(trigger)
        return True

    def show_clearance(self) -> None:
        coach = self._coach
        status = coach.safety_status()
        flag = status.open_flag
        if flag is None or status.advice is None:
            self._finish_flow()
            return
        local = (flag.completed_at or flag.started_at).astimezone(coach.tz)
        screen = ClearanceScreen(status.advice, day_text(local))
        screen.cleared.connect(self._cleared)
        screen.not_yet.connect(self._not_yet)
        self._flows.show_flow(screen)

    def confirm_mistake(self) -> None:
        """Today's "My answer was a mistake": asked once, then recorded as the clearance
        (DESIGN 5.5), and the plan comes back."""
        coach = self._coach
        status = coach.safety_status()
        flag = status.open_flag
        if flag is None or status.advice is None:
            return
        when = day_text((flag.completed_at or flag.started_at).astimezone(coach.tz))
        reasons = "; ".join((*status.advice.reasons, *status.advice.also_noted))
        if flag.not_asked:
            # The check ended on that "yes": its other questions come first (DESIGN 5.5).
            text = _(
                "In your safety check on {day} you answered yes to: {reasons}. The questions "
                "after it were not asked. If that was a mistake, the check goes on with them, "
                "then your walks and exercises come back. If it was not, please get checked "
                "first."
            )
        else:
            text = _(
                "In your safety check on {day} you answered yes to: {reasons}. If that was "
                "a mistake, your walks and exercises come back. If it was not, please get "
                "checked first."
            )
        if not self._context.dialogs.confirm(
            _("Was your answer a mistake?"),
            text.format(day=when, reasons=reasons),
            yes=_("It was a mistake"),
            no=_("Go back"),
        ):
            return
        if self._stored(lambda coach: coach.record_clearance(ClearanceReason.ANSWERED_BY_MISTAKE)):
            self._carry_on_after_mistake()

    def _carry_on_after_mistake(self) -> bool:
        """After "it was a mistake": the questions the check did not ask (it ended on that
        "yes") are asked now, in the check the clearance started; ``True`` if there is
        one (a check that asked every question carries nothing on)."""
        pending = self._coach.safety_status().pending
        if pending is None:
            return False
        if pending.answers:
            notice = _(
                "Thank you. That answer is kept as a mistake. The questions after it were not "
                "asked yet, so the check goes on with question {question}."
            ).format(question=len(pending.answers) + 1)
        else:
            notice = _(
                "Thank you. That answer is kept as a mistake. The check starts again from the "
                "first question, because things may have changed since then."
            )
        self._run_check(pending.trigger, notice)
        return True

    # -- the check -----------------------------------------------------------------------
    def _first_run(self) -> None:
        if self._coach.welcome_seen():
            self._run_check(CheckTrigger.FIRST_RUN)
            return
        welcome = WelcomeScreen()
        welcome.proceed.connect(self._welcome_done)
        welcome.not_now.connect(self._welcome_not_now)
        self._flows.show_flow(welcome)

    def _welcome_done(self) -> None:
        self._stored(lambda coach: coach.mark_welcome_seen())  # else it comes again
        self._run_check(CheckTrigger.FIRST_RUN)

    def _welcome_not_now(self) -> None:
        # The first check is started, not answered: it is asked before any exercise or
        # walk (request_session), and the welcome comes back at the next start.
        self._write(lambda coach: coach.start_check(CheckTrigger.FIRST_RUN))
        self._finish_flow()

    def _open_left(self, pending: CheckRecord) -> None:
        """A check started before and not finished: its advice, or carry on, or again."""
        coach = self._coach
        plan = left_check(pending, coach.now())
        if plan is LeftCheck.SHOW_ADVICE:
            finished = self._write(lambda coach: coach.finish_left_check(pending.id))
            if finished is None:
                return
            log.info("red-flag check %s was left with a yes: finished, advice shown", pending.id)
            self._show_advice(pending.id, finished[0], _(LEFT_NOTE))
        elif (
            pending.trigger is CheckTrigger.FIRST_RUN
            and not pending.answers
            and not coach.welcome_seen()
        ):
            self._first_run()
        elif plan is LeftCheck.ASK_AGAIN:
            when = day_text(pending.started_at.astimezone(coach.tz))
            self._run_check(
                pending.trigger,
                _(
                    "Your safety check from {day} was not finished. It starts again from the "
                    "first question, because things may have changed since then."
                ).format(day=when),
            )
        elif pending.answers:
            done = len(pending.answers)
            self._run_check(
                pending.trigger,
                ngettext(
                    "Your safety check was not finished. Your first answer is kept, so it "
                    "goes on with question {question}. Use Back to see or change it.",
                    "Your safety check was not finished. Your first {count} answers are kept, "
                    "so it goes on with question {question}. Use Back to see or change them.",
                    done,
                ).format(count=done, question=done + 1),
            )
        else:
            self._run_check(pending.trigger)

    def _run_check(self, trigger: CheckTrigger, notice: str | None = None) -> None:
        first_check = self._coach.safety_status().first_check_needed
        started = self._write(lambda coach: coach.start_check(trigger))
        if started is None:
            return  # said; nothing is asked now, and no session starts before it is
        check = started[0]
        self._first_check = first_check
        log.info("red-flag check %s (%s) started or resumed", check.id, check.trigger)
        self._check_id, self._check_started = check.id, check.started_at
        self._answers = dict(check.answers)
        self._may_postpone = check.trigger.may_postpone
        # Carry on at the first question not yet answered.
        self._index = next(
            (i for i, q in enumerate(QUESTIONS) if q.id not in self._answers), len(QUESTIONS) - 1
        )
        self._show_question(notice)

    def _show_question(self, notice: str | None = None) -> None:
        question = QUESTIONS[self._index]
        screen = QuestionScreen(
            question.text_for(self._first_check),
            self._index + 1,
            len(QUESTIONS),
            previous=self._answers.get(question.id),
            may_postpone=self._may_postpone,
            first_check=self._first_check,
            notice=notice,
        )
        screen.answered.connect(self._answered)
        screen.back.connect(self._back)
        screen.postpone.connect(self._postpone)
        self._flows.show_flow(screen)

    def _answered(self, yes: bool) -> None:
        if self._check_id is None:
            return  # a second press while the screen was being replaced
        question = QUESTIONS[self._index]
        check_id = self._check_id
        answered = self._write(lambda coach: coach.answer_check(check_id, question.id, yes))
        if answered is None:
            return  # said; the question stays, to answer again
        advice = answered[0]
        self._answers[question.id] = yes
        if advice is not None:
            # An Emergency "yes": the emergency screen at once, no more questions.
            self._check_id = None
            self._show_advice(check_id, advice)
            return
        if self._index + 1 < len(QUESTIONS):
            self._index += 1
            self._show_question()
            return
        finished = self._write(lambda coach: coach.finish_check(check_id))
        if finished is None:
            return  # said; the last question stays, to answer again
        advice = finished[0]
        self._check_id = None
        if advice is None:
            screen = AllClearScreen(goes_on=self._after_check is not None)
            screen.done.connect(self._all_clear_read)
            self._flows.show_flow(screen)
        else:
            self._show_advice(check_id, advice)

    def _all_clear_read(self) -> None:
        """After "Thank you": back to the pages, and what a start asked for before the
        check goes on now (through the gate again: nothing else may be owed)."""
        then, self._after_check = self._after_check, None
        self._finish_flow()
        if then is not None:
            self.request_session(then)

    def _show_advice(self, check_id: int, advice: SeekCareAdvice, note: str | None = None) -> None:
        self._after_clearance = None  # a new "yes": nothing starts until checked
        self._after_check = None
        screen = SeekCareScreen(advice, note)
        screen.done.connect(lambda: self._advice_read(check_id))
        self._flows.show_flow(screen)

    def _advice_read(self, check_id: int) -> None:
        self._stored(lambda coach: coach.mark_advice_read(check_id))  # else shown again
        self._finish_flow()

    def _back(self) -> None:
        if self._index > 0:
            self._index -= 1
            self._show_question()

    def _postpone(self) -> None:
        if self._check_id is None:
            return
        check_id = self._check_id
        if any(self._answers.values()):
            # Left with a "yes": finish it now and show that advice before Today.
            finished = self._write(lambda coach: coach.finish_left_check(check_id))
            if finished is None:
                return  # said; the question stays
            self._check_id = None
            self._show_advice(check_id, finished[0], _(LEFT_NOTE))
            return
        if self._may_postpone and not self._stored(lambda coach: coach.postpone_check(check_id)):
            return  # said; the question stays
        self._check_id = None
        self._after_check = None  # the check was left: what waited for it does not start
        # A check that must be answered stays waiting: it is asked before any session, and
        # Today and the Walk page say so (what is due changed).
        self._context.announce(Changes.of(Change.SAFETY))
        self._finish_flow()

    # -- clearance -----------------------------------------------------------------------
    def _cleared(self, reason: ClearanceReason) -> None:
        if not self._stored(lambda coach: coach.record_clearance(reason)):
            return  # said; the clearance screen stays, and nothing starts
        then, self._after_clearance = self._after_clearance, None
        if reason is ClearanceReason.ANSWERED_BY_MISTAKE and self._carry_on_after_mistake():
            self._after_check = then  # starts once the questions not asked are answered
            return
        self._finish_flow()
        if then is not None:
            then()

    def _not_yet(self) -> None:
        self._after_clearance = None
        self._after_check = None
        self._finish_flow()

    def _finish_flow(self) -> None:
        self._flows.end_flow()
        self.flow_finished.emit()
