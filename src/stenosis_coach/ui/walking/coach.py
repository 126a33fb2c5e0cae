"""Runs one live walk: feeds the engine from a precise timer, records, speaks the cues.

The engine decides; this only turns ``QTimer`` ticks into engine calls (STYLE 2), stores
what happens (every event committed, a heartbeat each second) and plays cues.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stenosis_coach.core.sessions import EndReason, walk_status
from stenosis_coach.core.walking import engine as walk_engine
from stenosis_coach.core.walking.engine import WalkDraft
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.i18n import _
from stenosis_coach.services.stopped_walks import stop_waiting
from stenosis_coach.services.walk_sessions import WalkRecording
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.heartbeat import SessionHeartbeat
from stenosis_coach.ui.hosts import CuePlayer, coach_of
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen

log = logging.getLogger(__name__)

TICK_MS = 100  # screen refresh and cue timing; cues are due on the engine's own timeline

WalkAction = Callable[[float], list[walk_engine.Event]]  # an engine call, given the time


class WalkCoach(QObject):
    """Signals:
    finished(WalkDraft): the walk ended; the summary asks for the leg pain.
    """

    finished = Signal(object)

    def __init__(
        self,
        context: AppContext,
        plan: Prescription,
        cues: CuePlayer,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)  # owned by the walk controller: dies with the window
        self._context = context
        self._clock = context.clock
        self._cues = cues
        self.screen = WalkCoachScreen(plan.kind)
        self.engine = walk_engine.WalkSession(plan, self._clock.monotonic())
        self.recording: WalkRecording = coach_of(context).record_walk(plan)
        self.recording.start()
        self.heartbeat = SessionHeartbeat(self.recording.recorder, self)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        s = self.screen
        s.symptoms.connect(lambda: self._act(self.engine.symptoms_starting))
        s.ready.connect(lambda: self._act(self.engine.ready))
        s.pause_toggled.connect(self._toggle_pause)
        s.end_walk.connect(self.end_pressed)
        s.leave.connect(self.ask_to_end)
        s.must_stop.connect(lambda: self._act(self.engine.must_stop))
        self.result_end: WalkEnd | None = None
        self._live = True
        self.tick()
        self.timer.start()
        self.heartbeat.start()

    @property
    def live(self) -> bool:
        """The walk is still going (not finished, not stopped for closing)."""
        return self._live

    def tick(self) -> None:
        if self._live:
            self._handle(self.engine.tick(self._clock.monotonic()))

    def end_pressed(self) -> None:
        """ "I need to stop" on a walking test ends it at once: needing to stop is how a test
        ends, and the time walked until then is what it measures (DESIGN 5.1); a question
        whose default is "Keep walking" would let Enter carry on. The summary lets the
        patient correct the rest. "End the walk" on a training walk asks first."""
        if self.screen.kind is WalkKind.TEST:
            if self._live:
                self._act(self.engine.need_to_stop)
        else:
            self.ask_to_end()

    def ask_to_end(self) -> None:
        """Ending the walk with Esc (either kind) or "End the walk" (a training walk) asks
        first. The walk ends at the moment the key was pressed (a walking test measures up
        to then), not when answered."""
        if not self._live:
            return
        pressed = self._clock.monotonic()
        self.timer.stop()  # nothing moves while the question is open
        choice = self._context.dialogs.choose(
            _("End the walk?"),
            _("Next, you can save what you walked so far."),
            [_("Keep walking"), _("End the walk")],
        )
        if not self._live:
            return
        if choice == 1:
            self._act(self.engine.need_to_stop, pressed)
        if self._live:
            self.timer.start()
            self.tick()

    def stop_for_close(self) -> None:
        """The window closes mid-walk, or a menu leaves it (the patient said so): the walk
        ends now, as stopped, quietly (no cue, no summary: the window is going), and its
        walk waits for the next start, which asks its leg pain. A walk already ended (its
        summary showing) keeps how it ended."""
        end = EndReason.STOPPED
        if self._live:
            self._live = False
            try:
                events = self.engine.need_to_stop(self._clock.monotonic())
            except walk_engine.WalkActionError:
                events = []
            # Closing is not "I need to stop": a walking test cut short did not finish.
            self.recording.record(
                [
                    walk_engine.WalkFinished(e.t_s, WalkEnd.STOPPED)
                    if isinstance(e, walk_engine.WalkFinished)
                    else e
                    for e in events
                ]
            )
        elif self.result_end is not None:
            end = walk_status(self.result_end)
        self.stop_timers()
        stop_waiting(self.recording, end)

    def _act(self, action: WalkAction, now: float | None = None) -> None:
        try:
            self._handle(action(self._clock.monotonic() if now is None else now))
        except walk_engine.WalkActionError as exc:
            log.info("walk action refused: %s", exc)

    def _toggle_pause(self) -> None:
        if self.engine.phase is walk_engine.Phase.PAUSED:
            self._act(self.engine.resume)
        else:
            self._act(self.engine.pause)

    def _handle(self, events: list[walk_engine.Event]) -> None:
        # Sound first, so the cue is on time; then the events are committed (an fsync).
        for event in events:
            if isinstance(event, walk_engine.Cue):
                self._cues.play(event.cue_id)
            elif isinstance(event, walk_engine.WalkFinished):
                self.result_end = event.end
        if events:
            self.recording.record(events)
        now = self._clock.monotonic()
        self.screen.show_view(self.engine.view(now))
        if self.engine.phase is walk_engine.Phase.FINISHED and self._live:
            self.stop_timers()
            self.finished.emit(self.draft())

    def draft(self) -> WalkDraft:
        """The measured walk, for the summary (which asks the leg pain)."""
        started = self.recording.started_at
        assert started is not None  # recording since __init__
        return self.engine.draft(started)

    def stop_timers(self) -> None:
        """No more ticks or heartbeats (the walk ended, or the window closes)."""
        self._live = False
        self.timer.stop()
        self.heartbeat.stop()
