"""Runs a routine: ratings, the player fed by a precise timer, cues, "this hurts", history.

The engine decides; this turns ``QTimer`` ticks into engine calls (STYLE 2), stores every
event as it happens (with a heartbeat) and plays the cues.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

from stenosis_coach.core.exercises import engine as exercise_engine
from stenosis_coach.core.exercises.hurt import hurt_check_trigger, must_stop
from stenosis_coach.core.exercises.library import has_floor_steps, with_chair_versions
from stenosis_coach.core.exercises.model import Routine
from stenosis_coach.core.exercises.timeline import CueId
from stenosis_coach.core.routine_summary import end_title
from stenosis_coach.core.safety_state import CheckRecord
from stenosis_coach.core.sessions import EndReason
from stenosis_coach.i18n import N_, _, pgettext
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.services.coach import Coach
from stenosis_coach.services.routines import ResumePoint, RoutineRecording
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.cues import cue_manifest
from stenosis_coach.ui.exercises.page import ExercisesPage
from stenosis_coach.ui.exercises.screens import HurtScreen, PlayerScreen, RatingsScreen
from stenosis_coach.ui.heartbeat import SessionHeartbeat
from stenosis_coach.ui.hosts import CuePlayer, FlowHost, SafetyGate, coach_of
from stenosis_coach.ui.writes import write, write_for

log = logging.getLogger(__name__)

STEP_EVENTS = (exercise_engine.StepStarted, exercise_engine.StepDone, exercise_engine.StepSkipped)
REFRESH_MS = 200  # the countdown on screen; cues get their own precise wake-up (below)

Action = Callable[[float], list[exercise_engine.Event]]  # an engine call, given the time

# Boxes' titles, over the problem's own sentence (a full disk ...).
ROUTINE_NOT_SAVED = N_("The routine was not saved")
CHECK_NOT_SAVED = N_("The safety check was not saved")


class ExerciseController(QObject):
    """Runs routines on ``flows``: each starts through ``safety`` and plays its cues on
    ``cues``."""

    def __init__(
        self,
        context: AppContext,
        page: ExercisesPage,
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
        page.start_requested.connect(lambda rid: self.start_routine(rid, back_to="exercises"))
        self.session: exercise_engine.ExerciseSession | None = None
        self.player: PlayerScreen | None = None
        self.recording: RoutineRecording | None = None
        # One precise single-shot timer, re-armed after every tick for whichever comes
        # first: the next cue's due moment (from the engine's timeline, so cues never
        # drift) or the next screen refresh.
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        self._running = False
        self.heartbeat: SessionHeartbeat | None = None
        self._worst_hurt: int | None = None
        self._spreading = False
        # The answers on an open "this hurts" screen, as given (``None``: none is open).
        self._hurt_answer: tuple[int | None, bool | None] | None = None
        self._completed = False
        self._check_next = False  # the routine stopped for the safety check (DESIGN 5.5)
        self._steps: list[exercise_engine.Event] = []  # this routine's step events
        # A start that waits for the check the gate asked first: (signal, slot).

    @property
    def _coach(self) -> Coach:
        return coach_of(self._context)

    # -- start ------------------------------------------------------------------------------
    def start_routine(self, routine_id: str | None = None, back_to: str = "today") -> None:
        """Start a routine (the patient's own by default), after the safety gate.
        Cancel on the first screen goes back to ``back_to``."""
        self._through_gate(lambda: self._before(routine_id, back_to))

    def resume_routine(self, routine_id: str | None = None) -> bool:
        """Carry on with ``routine_id`` (the patient's own when ``None``), stopped early
        today, from the step it was in.

        A new session of the same routine starting at that step, linked to the stopped
        one (see :func:`~stenosis_coach.services.routines.resume_point`). No ratings
        first: they were given when the routine started. ``False`` when there is nothing
        to carry on (then the routine starts from the beginning)."""
        point = self._coach.resume_point(routine_id)
        if point is None:
            self.start_routine(routine_id)
            return False
        self._through_gate(lambda: self._carry_on(point))
        return True

    def _through_gate(self, start: Callable[[], None]) -> None:
        """``start`` through the safety gate. When the gate asks a waiting check first
        (DESIGN 5.5: after a severe "this hurts" the check is owed), the gate keeps what
        she asked for: once that check ends with no "yes", ``start`` goes on, instead of
        leaving her on Today. A check left again, or one with a "yes", starts nothing."""
        self._safety.request_session(start)

    def _carry_on(self, point: ResumePoint) -> None:
        routine = self._coach.routines()[point.routine_id]
        self._begin(routine, None, None, point.chair_versions, point)

    def _before(self, routine_id: str | None, back_to: str) -> None:
        coach = self._coach
        routine = coach.routines()[routine_id] if routine_id else coach.my_routine()
        exercises = coach.exercises()
        screen = RatingsScreen(
            routine.name,
            _("Before you start: how are your legs and back right now?"),
            _("Start the routine"),
            offer_chair=has_floor_steps(routine, exercises),
            cancel=_("Cancel"),
        )
        screen.done.connect(lambda leg, back, chair: self._begin(routine, leg, back, chair))
        screen.cancelled.connect(lambda: self._flows.end_flow(back_to))
        self._flows.show_flow(screen)

    def _begin(
        self,
        routine: Routine,
        leg: int | None,
        back: int | None,
        chair: bool,
        carries_on: ResumePoint | None = None,
    ) -> None:
        exercises = self._coach.exercises()
        if chair:
            routine = with_chair_versions(routine, exercises)
        clock = self._context.clock
        self.recording = self._coach.record_routine()
        self.recording.start(routine, chair, carries_on)
        if carries_on is None:
            self.recording.ratings("before", leg, back)
        step = carries_on.step if carries_on is not None else 0
        self.session = exercise_engine.ExerciseSession(
            routine, exercises, clock.monotonic(), start_step=step
        )
        self._completed = False
        self._check_next = False
        self._steps = []
        self.player = PlayerScreen(routine.name, exercises)
        p = self.player
        p.pause_toggled.connect(self._toggle_pause)
        p.skip.connect(lambda: self._act_on(lambda s: s.skip))
        p.back.connect(lambda: self._act_on(lambda s: s.back))
        p.stop.connect(self.ask_to_stop)
        p.hurts.connect(self._hurts)
        p.destroyed.connect(self._player_gone)
        self._worst_hurt, self._spreading = None, False
        if self.heartbeat is not None:
            self.heartbeat.deleteLater()  # the last routine's, stopped: one at a time
        self.heartbeat = SessionHeartbeat(self.recording.recorder, self)
        # A full disk is said on the player; what waited is shown once written.
        self.heartbeat.show_notice_in(p, self._saved_later)
        self._flows.show_flow(p)
        self._running = True
        self.tick()
        self.heartbeat.start()

    # -- running ----------------------------------------------------------------------------
    def tick(self) -> None:
        if self.session is not None:
            self._handle(self.session.tick(self._context.clock.monotonic()))
            self._arm()

    def _arm(self) -> None:
        if not self._running or self.session is None:
            return
        now = self._context.clock.monotonic()
        due = self.session.next_due_at(now)
        wait_ms = REFRESH_MS if due is None else min(REFRESH_MS, (due - now) * 1000)
        self.timer.start(max(0, int(wait_ms)))

    def _act(self, action: Action) -> None:
        if self.session is not None:
            self._handle(action(self._context.clock.monotonic()))

    def _act_on(self, action: Callable[[exercise_engine.ExerciseSession], Action]) -> None:
        """An action of the session running when the button is pressed (none: nothing)."""
        if self.session is not None:
            self._act(action(self.session))

    def _toggle_pause(self) -> None:
        if self.session is None:
            return
        self._act(self.session.resume if self.session.paused else self.session.pause)

    def _handle(self, events: list[exercise_engine.Event]) -> None:
        assert self.session is not None and self.recording is not None
        # Sound first, so the cue is on time; then the events are committed (an fsync).
        for event in events:
            if isinstance(event, exercise_engine.Cue):
                self._play(event)
            elif isinstance(event, exercise_engine.SessionFinished):
                self._completed = event.reason is EndReason.COMPLETED
            elif isinstance(event, STEP_EVENTS):
                self._steps.append(event)
        self.recording.record(events)
        if self.player is not None:
            self.player.show_view(self.session.view(self._context.clock.monotonic()))
        if self.session.finished and self._running:
            self._finished()

    def _play(self, cue: exercise_engine.Cue) -> None:
        if self.player is not None:
            self.player.cue_line.setText(cue.text)  # every spoken cue has a written twin
        if cue.cue_id == CueId.NEXT and cue.exercise:
            # A therapist's own exercise has no recorded name: "Get ready" instead.
            clip = f"next-{cue.exercise}"
            self._cues.play(clip if clip in cue_manifest() else "get_ready")
        else:
            self._cues.play(cue.cue_id.value)

    @property
    def running(self) -> bool:
        """A routine is being recorded (from the first exercise to the last rating)."""
        return self.recording is not None and self.recording.recorder.active

    def ask_to_stop(self) -> None:
        """Stop (the button or Esc) asks first; the routine is paused while it asks."""
        if self.session is None or self.session.finished:
            return
        was_paused = self.session.paused
        if not was_paused:
            self._act(self.session.pause)
        choice = self._context.dialogs.choose(
            _("Stop the routine?"), _("What you did so far is kept."), [_("Keep going"), _("Stop")]
        )
        if self.session is None or self.session.finished:
            return
        if choice == 1:
            self._act(self.session.stop)
        elif not was_paused:
            self._act(self.session.resume)
            self._arm()

    def stop_for_close(self) -> None:
        """The window is closing (the patient said so): keep what was done, as stopped.
        An answer to "this hurts" that means stop owes the check even so."""
        if self._hurt_answer is not None and must_stop(*self._hurt_answer):
            self._stop_for_check(*self._hurt_answer)
        self.end()
        if self.session is not None and not self.session.finished:
            self._handle(self.session.stop(self._context.clock.monotonic()))
        if self.recording is not None:
            self.recording.finish(self._completed)
        self.session = None

    def end(self) -> None:
        """Stop every timer (the flow ended, or the window closes)."""
        self._running = False
        self.timer.stop()
        if self.heartbeat is not None:
            self.heartbeat.stop()

    def _player_gone(self, _obj: object = None) -> None:
        """The player was deleted (its flow ended): nothing may write into it any more, and
        a routine still live under it is stopped and kept as stopped, never left "running"
        hidden (closing the window would then ask about a routine no one can see)."""
        self.player = None
        if self.session is not None and not self.session.finished:
            log.warning("the routine player was closed under a live routine: kept as stopped")
            self.stop_for_close()

    # -- this hurts -------------------------------------------------------------------------
    def _hurts(self) -> None:
        if self.session is None or self.session.finished:
            return
        if not self.session.paused:
            self._act(self.session.pause)
        view = self.session.view(self._context.clock.monotonic())
        names = self._coach.exercises()
        # No exercise on screen (a rest): "How much does it hurt now, during this?"
        unnamed = pgettext("an exercise not named", "this")
        name = names[view.segment.exercise].name if view.segment else unnamed
        screen = HurtScreen(name)
        self._hurt_answer = (None, None)
        screen.answers_changed.connect(self._hurt_answers_changed)
        screen.answered.connect(self._hurt_answered)
        screen.cancelled.connect(self._hurt_left)
        screen.stop_now.connect(self._stop_for_check)
        screen.go_on.connect(self._after_stop_for_check)
        self._flows.show_flow(screen)  # over the player, which stays alive under it

    def _hurt_answers_changed(self, rating: int | None, spreading: bool | None) -> None:
        """Kept as they are given: a window closed over an answer that means stop still
        stops the routine for the check (:meth:`stop_for_close`)."""
        self._hurt_answer = (rating, spreading)

    def _hurt_left(self) -> None:
        """Back to the paused routine without choosing: what she answered is kept (a
        rating typed, then Tab and Space on "Back to the routine", is not thrown away)."""
        rating, spreading = self._hurt_answer or (None, None)
        session, recording = self.session, self.recording
        # An answer that means stop never leaves this way (the screen goes on to the check).
        live = session is not None and recording is not None and not session.finished
        if live and rating is not None and not must_stop(rating, spreading):
            assert session is not None and recording is not None
            self._handle(session.this_hurts(self._context.clock.monotonic(), rating))
            self._worst_hurt = max(self._worst_hurt or 0, rating)
            if spreading is not None:  # its details, beside the rating they go with
                recording.hurt_details(spreading)
        self._back_to_player()

    def _back_to_player(self) -> None:
        self._hurt_answer = None
        if self.player is not None and not (self.session is None or self.session.finished):
            self._flows.show_flow(self.player)

    def _hurt_answered(self, rating: int, spreading: bool, choice: str) -> None:
        """A mild answer: skip, stop or carry on, as she chose."""
        assert self.session is not None and self.recording is not None
        if must_stop(rating, spreading):  # the screen never sends it so: stop all the same
            self._stop_for_check(rating, spreading)
            self._after_stop_for_check()
            return
        self._hurt_answer = None
        now = self._context.clock.monotonic()
        self._handle(self.session.this_hurts(now, rating))
        self.recording.hurt_details(spreading)
        self._worst_hurt = max(self._worst_hurt or 0, rating)
        self._spreading = self._spreading or spreading
        self._back_to_player()
        if choice == "stop":
            self._act(self.session.stop)
        elif choice == "skip":
            self._act(self.session.skip)
            self._act(self.session.resume)
        else:
            self._act(self.session.resume)

    def _stop_for_check(self, rating: int | None, spreading: bool | None) -> None:
        """An answer that means "stop and get checked" (DESIGN 5.5): the routine stops here
        and is kept as stopped, and the check is owed at once (it is stored as started),
        so closing the app now, or anywhere before the check is done, leaves walks and
        routines waiting for it. Nothing leads back into the routine."""
        self._hurt_answer = None
        trigger = hurt_check_trigger(rating, spreading)
        if self.session is None or self.recording is None or trigger is None:
            return
        self._running = False  # the end screen comes when she goes on, not now
        self.timer.stop()
        self._check_next = True
        now = self._context.clock.monotonic()
        if not self.session.finished:
            if rating is not None:
                self._handle(self.session.this_hurts(now, rating))
                self._worst_hurt = max(self._worst_hurt or 0, rating)
            if spreading is not None:
                self.recording.hurt_details(spreading)
                self._spreading = self._spreading or spreading
            self._handle(self.session.stop(now))

        def owe(coach: Coach) -> tuple[CheckRecord | None, Changes]:
            check, changes = coach.owe_check(trigger)  # None: a check already waits
            return check, changes | Changes.of(Change.ROUTINES)  # and the routine stopped

        check = write_for(self._context, owe, _(CHECK_NOT_SAVED))
        if check is not None:
            log.info("this hurts (%s): routine stopped, check %s owed", trigger, check.id)

    def _after_stop_for_check(self) -> None:
        """On from a stop for the check: how she feels now, then the check."""
        if self.session is not None and self.session.finished and self.recording is not None:
            self._finished()

    # -- end --------------------------------------------------------------------------------
    def _finished(self) -> None:
        self.end()
        completed = self._completed
        title = end_title(self._steps, completed)  # what was done: skips are said
        intro = (
            # Stopped for the check: why it comes (again, maybe minutes after the last).
            _(
                "How are your legs and back now? A few safety questions come next, about "
                "what you felt just now."
            )
            if self._check_next
            else _("How are your legs and back now?")
        )
        screen = RatingsScreen(title, intro, _("Save"))
        screen.done.connect(lambda leg, back, _chair: self._save(leg, back, completed))
        # Leaving the ratings (Esc) saves the routine without them, as "Skip" does.
        screen.cancelled.connect(lambda: self._save(None, None, completed))
        self.player = None
        self._flows.show_flow(screen)

    def _save(self, leg: int | None, back: int | None, completed: bool) -> None:
        recording = self.recording
        assert recording is not None
        write(
            self._context,
            lambda coach: coach.finish_routine(recording, leg, back, completed),
            _(ROUTINE_NOT_SAVED),
        )
        self.session = None
        worst, spreading = self._worst_hurt, self._spreading
        if not self._safety.after_session(worst_hurt=worst, new_symptoms=spreading):
            self._flows.end_flow()

    def _saved_later(self) -> None:
        """What waited for the disk (a full disk) is written: the pages show it."""
        self._context.announce(Changes.of(Change.ROUTINES))
