"""Runs the walking flows in the window: log or correct a walk, the live coach, the card."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject

from stenosis_coach.core.numbers import NumberProblem
from stenosis_coach.core.sessions import SessionRecord
from stenosis_coach.core.walking.engine import WalkDraft
from stenosis_coach.core.walking.logged import (
    FormProblems,
    WalkForm,
    distance_from_text,
    form_from_walk,
)
from stenosis_coach.core.walking.model import WalkEnd
from stenosis_coach.i18n import N_, _
from stenosis_coach.services import stopped_walks
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.services.coach import Coach
from stenosis_coach.services.walk_sessions import WalkRecording
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.dialogs import pdf_filter
from stenosis_coach.ui.hosts import CuePlayer, FlowHost, SafetyGate, coach_of
from stenosis_coach.ui.walking.coach import WalkCoach
from stenosis_coach.ui.walking.log_screen import LogWalkScreen
from stenosis_coach.ui.walking.page import WalkPage
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen
from stenosis_coach.ui.writes import write

CARDS = "card"  # the kind of file dialog (Dialogs.start_folder): its folder is its own
WALK_NOT_SAVED = N_("The walk was not saved")  # a box's title, over the problem's sentence


class WalkController(QObject):
    """The Walk page's flows, shown on ``flows``; a live walk starts through ``safety`` and
    plays its cues on ``cues``."""

    def __init__(
        self,
        context: AppContext,
        page: WalkPage,
        *,
        flows: FlowHost,
        safety: SafetyGate,
        cues: CuePlayer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._flows = flows
        self._safety = safety
        self._cues = cues
        self.page = page
        page.log_requested.connect(self.log_walk)
        page.edit_requested.connect(self.correct_walk)
        page.card_requested.connect(self.print_card)
        page.start_requested.connect(self.start_walk)
        self.coach: WalkCoach | None = None

    def log_walk(self) -> LogWalkScreen:
        screen = LogWalkScreen(self._today(), self._context.dialogs)
        screen.submitted.connect(lambda form: self._save(screen, form, None))
        screen.cancelled.connect(self._back)
        self._flows.show_flow(screen)
        return screen

    @property
    def _coach(self) -> Coach:
        return coach_of(self._context)

    def correct_walk(self, walk_id: int) -> LogWalkScreen | None:
        stored = next((s for s in self._coach.walks() if s.id == walk_id), None)
        if stored is None:
            return None
        screen = LogWalkScreen(
            self._today(), self._context.dialogs, form_from_walk(stored.walk, self._coach.tz)
        )
        screen.submitted.connect(lambda form: self._save(screen, form, walk_id))
        screen.cancelled.connect(self._back)
        self._flows.show_flow(screen)
        return screen

    # -- the live coach -------------------------------------------------------------------
    def start_walk(self) -> None:
        """Start today's walk, after the safety gate (a "yes" waits for a clearance)."""
        self._safety.request_session(self._begin_walk)

    def _begin_walk(self) -> None:
        rx = self._coach.status().next_walk
        coach = WalkCoach(self._context, rx, self._cues, parent=self)
        # What waited for the disk is written later: the pages show it then.
        coach.heartbeat.show_notice_in(coach.screen, self._walks_saved_later)
        coach.finished.connect(lambda draft: self._summary(draft, coach.recording))
        self.coach = coach
        self._flows.show_flow(coach.screen)

    def _summary(
        self,
        draft: WalkDraft,
        recording: WalkRecording | None,
        session: SessionRecord | None = None,
    ) -> WalkSummaryScreen:
        screen = WalkSummaryScreen(draft, interrupted=session is not None)
        screen.left.connect(lambda: self._leave_summary(screen, recording))
        screen.saved.connect(
            lambda pain, distance, notes: self._save_summary(
                screen, draft, recording, session, pain, distance, notes
            )
        )
        self._flows.show_flow(screen)
        return screen

    def _save_summary(
        self,
        screen: WalkSummaryScreen,
        draft: WalkDraft,
        recording: WalkRecording | None,
        session: SessionRecord | None,
        pain: int,
        distance: str,
        notes: str,
    ) -> None:
        try:
            metres = distance_from_text(distance)  # the same reading as the log form
        except NumberProblem as problem:
            screen.show_error(problem.message)
            return
        walk = draft.walk(pain, metres, notes.strip())
        saved = write(
            self._context,
            lambda coach: coach.save_walk(walk, recording, session),
            _(WALK_NOT_SAVED),
        )
        if saved is None:
            screen.setFocus()  # the summary stays, as it was: saving may be tried again
            return
        self.end()
        if walk.ended_by is WalkEnd.MUST_STOP:
            self._safety.after_session(must_stop=True)
        elif walk.ended_by is WalkEnd.REST_NOT_EASING:
            self._safety.after_session(rest_not_easing=True)
        else:
            self._back()

    def _leave_summary(self, screen: WalkSummaryScreen, recording: WalkRecording | None) -> None:
        """Leave without saving, after asking: the session and its events are kept, marked
        stopped; the walk is not added to the list."""
        leave = self._context.dialogs.choose(
            _("Leave without saving?"),
            _("This walk will not be added to your walks."),
            [_("Go back to the walk"), _("Leave without saving")],
        )
        if leave != 1:
            screen.setFocus()
            return
        if recording is not None:
            write(self._context, lambda coach: coach.leave_walk(recording), _(WALK_NOT_SAVED))
        self.end()
        self._back()
        screen.done_leaving.emit()

    @property
    def running(self) -> bool:
        """A live walk is being recorded (walking, or its summary not yet saved)."""
        coach = self.coach
        return coach is not None and coach.recording.recorder.active

    def stop_for_close(self) -> None:
        """The window closes mid-walk (the patient said so): keep it, as stopped."""
        if self.coach is not None:
            self.coach.stop_for_close()  # its walk waits for the next start
        self.end()

    def end(self) -> None:
        """The walk's flow is over: its timers stop and the coach goes with it."""
        if self.coach is not None:
            self.coach.stop_timers()
            self.coach.deleteLater()
            self.coach = None

    def finish_interrupted(self, sessions: list[SessionRecord]) -> None:
        """Ask the leg pain for walks that a crash cut short, one after the other."""
        if not sessions:
            return
        session, rest = sessions[0], sessions[1:]
        # A walking test cut short (closed, or a crash) is kept as a walk, not a result.
        draft = stopped_walks.kept_as(self._coach.walk_draft(session))
        screen = self._summary(draft, None, session)
        screen.saved.connect(lambda *_: self.finish_interrupted(rest))
        screen.done_leaving.connect(
            lambda: write(
                self._context, lambda coach: coach.walk_not_kept(session), _(WALK_NOT_SAVED)
            )
        )
        screen.done_leaving.connect(lambda: self.finish_interrupted(rest))

    def answer_flare(self, flare: bool) -> None:
        write(
            self._context,
            lambda coach: coach.answer_flare(flare),
            _("Your answer was not saved"),
        )

    def _walks_saved_later(self) -> None:
        self._context.announce(Changes.of(Change.WALKS))

    def print_card(self) -> Path | None:
        """Save today's walk as a one-page PDF to print and carry."""
        from stenosis_coach.core.walking.card import pocket_card
        from stenosis_coach.errors import UserError
        from stenosis_coach.ui.walking.pocket_card import write_card_pdf

        ctx = self._context
        today = self._today()
        folder = ctx.dialogs.start_folder(CARDS)  # where the last card went, or home
        suggested = folder / f"walk-card-{today.isoformat()}.pdf"  # a file name
        target = ctx.dialogs.save_path(_("Save the pocket card"), suggested, pdf_filter(), ".pdf")
        if target is None:
            return None
        ctx.dialogs.remember_folder(CARDS, target)
        card = pocket_card(self._coach.status().next_walk, today)
        try:
            write_card_pdf(card, target)
        except UserError as exc:  # a full disk, a read-only place: one sentence
            ctx.dialogs.warn(_("The card was not saved"), exc.message)
            return None
        ctx.dialogs.inform(
            _("Pocket card saved"),
            _("The card is in {place}. Open it to print it, then fold it.").format(place=target),
        )
        return target

    def _save(self, screen: LogWalkScreen, form: WalkForm, walk_id: int | None) -> None:
        def save(coach: Coach) -> Changes:
            if walk_id is None:
                return coach.log_walk(form)
            return coach.correct_walk(walk_id, form)

        try:
            saved = write(self._context, save, _(WALK_NOT_SAVED))
        except FormProblems as problems:  # said on the form, at each field
            screen.show_problems(problems.problems)
            return
        if saved is not None:
            self._back()

    def _back(self) -> None:
        self._flows.end_flow("walk")

    def _today(self) -> date:
        return self._coach.today_date()
