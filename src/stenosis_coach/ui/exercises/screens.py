"""The routine's screens: ratings before and after, the player, and "this hurts"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout

from stenosis_coach.core.exercises.engine import SessionView
from stenosis_coach.core.exercises.hurt import must_stop
from stenosis_coach.core.exercises.model import Exercise
from stenosis_coach.core.exercises.timeline import SegmentKind
from stenosis_coach.core.words import name_in_sentence
from stenosis_coach.i18n import _, pgettext
from stenosis_coach.ui.exercises.illustration import Illustration
from stenosis_coach.ui.inputs import RatingScale
from stenosis_coach.ui.theme import set_kind, set_role
from stenosis_coach.ui.widgets import (
    SPACING,
    ActionRow,
    PageBase,
    TimerLabel,
    button,
    button_row,
    label,
    with_shortcut,
)


def shortcut(widget, keys: str, slot) -> None:
    item = QShortcut(QKeySequence(keys), widget)
    item.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    item.activated.connect(slot)


class RatingsScreen(PageBase):
    """Leg and back pain, 0-10, with big buttons (before and after a routine).

    Signals: done(object leg, object back, bool chair_versions) — ``None`` when skipped;
    cancelled() — the visible ``cancel`` button (when given) or Esc.
    """

    done = Signal(object, object, bool)
    cancelled = Signal()

    def __init__(
        self,
        title: str,
        intro: str,
        action: str,
        offer_chair: bool = False,
        cancel: str | None = None,
    ) -> None:
        super().__init__(title, pinned_actions=True)
        self.column.setSpacing(2 * SPACING)  # both scales in view on a short screen
        self.intro = label(intro)
        self.column.addWidget(self.intro)
        self.column.addWidget(label(_("Leg pain now (0 = none, 10 = worst)"), "section-title"))
        self.leg = RatingScale(_("Leg pain"))
        self.column.addWidget(self.leg)
        self.column.addWidget(label(_("Back pain now (0 = none, 10 = worst)"), "section-title"))
        self.back = RatingScale(_("Back pain"))
        self.column.addWidget(self.back)
        chair = _("Do the floor exercises on a chair or bed instead")
        self.chair = QCheckBox(chair)
        self.chair.setAccessibleName(chair)
        self.chair.setVisible(offer_chair)
        # ``action`` and ``cancel`` come translated from the caller.
        self.go = button(action, kind="primary")
        skip = _("Skip the ratings")
        self.skip = button(skip, _("{action} without ratings").format(action=action))
        self.go.setEnabled(False)
        self.leg.rated.connect(self._rated)
        self.back.rated.connect(self._rated)
        self.go.clicked.connect(
            lambda: self.done.emit(self.leg.value(), self.back.value(), self.chair.isChecked())
        )
        self.skip.clicked.connect(lambda: self.done.emit(None, None, self.chair.isChecked()))
        buttons = [self.go, self.skip]
        self.cancel = None
        if cancel:
            self.cancel = button(
                cancel, _("{action}: go back").format(action=cancel), shortcut_hint="Esc"
            )
            self.cancel.clicked.connect(self.cancelled)
            buttons.append(self.cancel)
        else:  # after a routine: leaving is saving without ratings, as the button says
            self.skip.setText(with_shortcut(skip, "Esc"))
        # Floor or chair is decided as the routine starts: the choice stays with Start.
        self.pin(self.chair, ActionRow(*buttons))
        shortcut(self, "Esc", self.cancelled.emit)
        self.column.addStretch(1)
        self.setFocusProxy(self.leg)

    def _rated(self, _value: int) -> None:
        self.go.setEnabled(self.leg.value() is not None and self.back.value() is not None)


class PlayerScreen(PageBase):
    """The coach on the floor: picture and steps, a big countdown, counters, next up.

    Signals: back(), pause_toggled(), skip(), stop(), hurts().
    """

    back = Signal()
    pause_toggled = Signal()
    skip = Signal()
    stop = Signal()
    hurts = Signal()

    def __init__(self, routine_name: str, library: dict[str, Exercise]) -> None:
        super().__init__("", margin=(4, 2), pinned_actions=True)
        self._library = library
        self.routine_line = label(routine_name, "secondary")
        # The exercise's name with the routine's beside it, then the picture (what comes
        # next below it) with the countdown and the steps beside it: all in view above the
        # pinned buttons on a short screen at extra-large text (1024x700).
        header = QHBoxLayout()
        header.setSpacing(3 * SPACING)
        self.column.removeWidget(self.title)
        header.addWidget(self.title, 1, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.routine_line, 0, Qt.AlignmentFlag.AlignBottom)
        self.column.addLayout(header)
        self.column.setSpacing(2 * SPACING)
        top = QHBoxLayout()
        top.setSpacing(3 * SPACING)
        self.picture = Illustration(320)
        self.next_up = label("", "secondary")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        self.progress.setAccessibleName(_("Progress through the routine"))
        left = QVBoxLayout()  # what comes next, small, below the picture
        left.setSpacing(SPACING)
        left.addWidget(self.picture)
        left.addSpacing(SPACING)
        left.addWidget(self.next_up)
        left.addWidget(self.progress)
        left.addStretch(1)
        top.addLayout(left, 0)
        right = QVBoxLayout()
        right.setSpacing(SPACING)
        self.segment = label("", "section-title")
        self.segment.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = TimerLabel("", "key-number", widest="00")
        self.countdown.setAccessibleName(_("Countdown"))
        self.counters = label("", "secondary")
        self.counters.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue_line = label("", "secondary")
        self.cue_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.steps = label("")
        for widget in (self.segment, self.countdown, self.counters):
            right.addWidget(widget)
        right.addSpacing(SPACING)
        right.addWidget(self.steps)
        right.addStretch(1)
        top.addLayout(right, 1)
        self.column.addLayout(top)
        self.column.addStretch(1)

        self.hurt_button = button(_("This hurts"), _("This hurts"), "safety", shortcut_hint="H")
        self.hurt_button.clicked.connect(self.hurts)
        self.back_button = button(
            pgettext("button", "Back"), _("Back to the start of this exercise"), shortcut_hint="←"
        )
        self.pause_button = button(_("Pause"), _("Pause"), shortcut_hint="Space")
        self.skip_button = button(_("Skip"), _("Skip to the next exercise"), shortcut_hint="→")
        self.stop_button = button(_("Stop"), _("Stop the routine"), shortcut_hint="Esc")
        for control, signal in (
            (self.back_button, self.back),
            (self.pause_button, self.pause_toggled),
            (self.skip_button, self.skip),
            (self.stop_button, self.stop),
        ):
            control.clicked.connect(signal)
        # UI.md: the same controls in the same order at the bottom, so hands learn them;
        # "This hurts" stands apart at the right, where it cannot be pressed by mistake.
        controls = ActionRow(
            self.back_button, self.pause_button, self.skip_button, self.stop_button
        )
        controls.add_apart(self.hurt_button)
        self.pin(controls)
        for keys, target in (
            ("Left", self.back),
            ("Space", self.pause_toggled),
            ("Right", self.skip),
            ("Esc", self.stop),  # the controller asks before it stops
            ("H", self.hurts),
        ):
            shortcut(self, keys, target.emit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._shown_exercise = ""
        self._segment_kind: SegmentKind | None = None

    def show_view(self, view: SessionView) -> None:
        segment = view.segment
        if segment is None:
            return
        if segment.exercise != self._shown_exercise:
            exercise = self._library[segment.exercise]
            self._shown_exercise = segment.exercise
            self.title.setText(exercise.name)
            self.picture.show_exercise(exercise.illustration, exercise.name)
            self.steps.setText(
                "\n".join(f"{n}. {s}" for n, s in enumerate(exercise.steps, start=1))
            )
        self.segment.setText(segment.text if not view.paused else _("Paused"))
        self.countdown.setText(str(view.countdown))
        # Separate facts, each its own message, listed with a dot between them.
        parts = [_("Exercise {number} of {count}").format(number=view.step + 1, count=view.steps)]
        if view.reps:
            parts.append(_("rep {number} of {count}").format(number=view.rep_no, count=view.reps))
        if view.sets and view.sets > 1:
            parts.append(_("set {number} of {count}").format(number=view.set_no, count=view.sets))
        if view.side:
            parts.append(_("first side") if view.side == "first" else _("second side"))
        self.counters.setText(" · ".join(parts))
        self.next_up.setText(view.next_up)
        self.progress.setValue(round(view.progress * 1000))
        words = _("Resume") if view.paused else _("Pause")
        self.pause_button.setText(with_shortcut(words, "Space"))
        if segment.kind != self._segment_kind:
            # A change of colour marks each transition (UI.md "Coaching screens").
            self._segment_kind = segment.kind
            role = (
                "key-number-rest"
                if segment.kind
                in (SegmentKind.REST, SegmentKind.SWITCH_SIDE, SegmentKind.GET_READY)
                else "key-number"
            )
            set_role(self.countdown, role)
            self.countdown.style().unpolish(self.countdown)
            self.countdown.style().polish(self.countdown)
            self.setAccessibleDescription(
                # Translators: read aloud in the routine player: the exercise's name, then
                # what is happening now ("Knee to chest: Hold, 5 seconds left").
                _("{exercise}: {now}").format(exercise=self.title.text(), now=segment.text)
            )


class HurtScreen(PageBase):
    """ "This hurts": how much, and whether symptoms spread; then what to do.

    A mild answer offers a skip, a stop or carrying on, and the way back to the paused
    routine. An answer that means "stop and get checked" (pain of 7 or more, or spreading
    symptoms or new weakness: :func:`~stenosis_coach.core.exercises.hurt.must_stop`) has
    no way back into the routine: "Back to the routine" goes, Esc goes on as the one
    button does. Once that answer is complete it is final (``stop_now``): the screen keeps
    it, and the only way on is the check (``go_on``).

    Signals: answered(int rating, bool spreading_or_weak, str choice) where choice is
    ``"skip"``, ``"stop"`` or ``"carry_on"`` (a mild answer); cancelled() (back to the
    routine, still paused); answers_changed(object rating, object spreading) as they are
    given (``None``: not yet); stop_now(object rating, object spreading) once, when the
    answer means stop (the other part may be ``None`` if she went on without it);
    go_on() (after ``stop_now``: on to the check).
    """

    answered = Signal(int, bool, str)
    cancelled = Signal()  # "Back to the routine" or Esc: nothing answered, still paused
    answers_changed = Signal(object, object)
    stop_now = Signal(object, object)
    go_on = Signal()

    def __init__(self, exercise_name: str) -> None:
        super().__init__(_("This hurts"), margin=(4, 3), pinned_actions=True)
        self.column.setSpacing(2 * SPACING)  # the questions fit above the pinned answers
        # The name inside a sentence: English lower-cases its first letter, German keeps
        # its capitals (core.words.name_in_sentence).
        self.question = label(
            _(
                "The routine is paused. Exercise pain should stay at 3 out of 10 or less. "
                "How much does it hurt now, during {exercise}?"
            ).format(exercise=name_in_sentence(exercise_name))
        )
        self.column.addWidget(self.question)
        self.rating = RatingScale(_("How much it hurts"))
        self.column.addWidget(self.rating)
        self.spreading_question = label(
            _("Are your leg symptoms spreading, or do you feel new weakness in your legs?"),
            "section-title",
        )
        self.column.addWidget(self.spreading_question)
        # Y and N answer it, as in the safety check. Two tab stops, not a radio group (an
        # auto-exclusive pair is one stop: Tab jumped over "No" to "Back to the routine").
        self.spreading_yes = button(
            _("Yes"), _("Yes, spreading or new weakness"), shortcut_hint="Y"
        )
        self.spreading_no = button(
            _("No"), _("No spreading and no new weakness"), shortcut_hint="N"
        )
        for widget in (self.spreading_yes, self.spreading_no):
            widget.setCheckable(True)
            widget.setProperty("kind", "choice")
            widget.clicked.connect(lambda _=False, w=widget: self._choose_spreading(w))
        self.column.addLayout(button_row(self.spreading_yes, self.spreading_no))
        # Said only when the answer means stop; the buttons say the rest. Pinned with them,
        # in the room "Back to the routine" leaves (the questions above keep theirs).
        self.advice = label("", "section-title")
        self.skip_button = button(_("Skip this exercise"), kind="primary")
        self.stop_button = button(_("Stop the routine"))
        self.carry_on = button(_("Carry on carefully"))
        self.skip_button.clicked.connect(lambda: self._answer("skip"))
        self.stop_button.clicked.connect(self._stop_pressed)
        self.carry_on.clicked.connect(lambda: self._answer("carry_on"))
        self.back_button = button(
            _("Back to the routine"), _("Back to the routine, still paused"), shortcut_hint="Esc"
        )
        self.back_button.clicked.connect(self._back)
        # What to do, and the ways out, stay in view while the questions above scroll.
        self.pin(
            self.advice,
            ActionRow(self.skip_button, self.stop_button, self.carry_on),
            ActionRow(self.back_button),
        )
        shortcut(self, "Esc", self._escape)
        shortcut(self, "Y", self.spreading_yes.click)  # a disabled button ignores it
        shortcut(self, "N", self.spreading_no.click)
        self.column.addStretch(1)
        self._final = False  # the answer meant stop and was given: kept, no way back
        self._spreading: bool | None = None  # Yes, No, or not answered yet
        self.rating.rated.connect(self._update)
        self._update()
        self.setFocusProxy(self.rating)

    def _choose_spreading(self, chosen: QPushButton) -> None:
        """One answer: the one pressed is chosen (pressed again, it stays chosen)."""
        if self._final:
            return
        self._spreading = chosen is self.spreading_yes
        self.spreading_yes.setChecked(self._spreading)
        self.spreading_no.setChecked(not self._spreading)
        self._update()

    def spreading(self) -> bool | None:
        return self._spreading

    def must_stop(self) -> bool:
        return must_stop(self.rating.value(), self.spreading())

    @property
    def final(self) -> bool:
        return self._final

    def _update(self, *_args) -> None:
        if self._final:
            return
        rating, spreading = self.rating.value(), self.spreading()
        self.answers_changed.emit(rating, spreading)
        severe = self.must_stop()
        if severe and rating is not None and spreading is not None:
            self._stop(rating, spreading)  # the whole answer means stop: it is final
            return
        self.advice.setText(
            _("Please stop the routine now. A few safety questions come next.") if severe else ""
        )
        self.advice.setVisible(severe)  # no empty gap above the buttons
        self.skip_button.setVisible(not severe)
        self.carry_on.setVisible(not severe)
        # No way back into the routine once an answer means stop (DESIGN 5.5).
        self.back_button.setVisible(not severe)
        self.back_button.setEnabled(not severe)
        answered = rating is not None and spreading is not None
        for widget in (self.skip_button, self.carry_on):
            widget.setEnabled(answered)
        self.stop_button.setEnabled(answered or severe)
        self._stop_is_primary(severe)

    def _stop_is_primary(self, primary: bool) -> None:
        """The one way on, when the answer means stop, in the main colour."""
        if (self.stop_button.property("kind") == "primary") == primary:
            return
        set_kind(self.stop_button, "primary" if primary else "")
        self.stop_button.style().unpolish(self.stop_button)
        self.stop_button.style().polish(self.stop_button)

    def _stop(self, rating: int | None, spreading: bool | None) -> None:
        """The answer means stop: keep it, say so, and offer only the way to the check."""
        self._final = True
        self.stop_now.emit(rating, spreading)
        for widget in (self.rating, self.spreading_yes, self.spreading_no):
            widget.setEnabled(False)  # what she answered stays shown, and kept
        for widget in (self.skip_button, self.carry_on, self.back_button):
            widget.setVisible(False)
            widget.setEnabled(False)
        self.advice.setText(
            _("The routine is stopped, and what you did is kept. A few safety questions come next.")
        )
        self.advice.setVisible(True)
        self.stop_button.setText(_("Go on"))
        self.stop_button.setAccessibleName(_("Go on to the safety questions"))
        self._stop_is_primary(True)
        self.stop_button.setEnabled(True)
        self.stop_button.setFocus()

    def _stop_pressed(self) -> None:
        if self._final:
            self.go_on.emit()
        elif self.must_stop():  # one part is enough: on without the other
            self._stop(self.rating.value(), self.spreading())
            self.go_on.emit()
        else:
            self._answer("stop")

    def _back(self) -> None:
        if not self._final and not self.must_stop():
            self.cancelled.emit()

    def _escape(self) -> None:
        """Esc goes back to the routine, unless the answer means stop: then it goes on, as
        the one button does (never back into the routine)."""
        if self._final or self.must_stop():
            self._stop_pressed()
        else:
            self.cancelled.emit()

    def _answer(self, choice: str) -> None:
        rating, spreading = self.rating.value(), self.spreading()
        if rating is not None and spreading is not None and not self.must_stop():
            self.answered.emit(rating, spreading, choice)
