"""The live walk screen: the timer and the instruction dominate; one huge main action.

Only displays a :class:`~stenosis_coach.core.walking.engine.WalkView` and forwards what
the user presses; :class:`~stenosis_coach.ui.walking.coach.WalkCoach` runs the walk.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
)

from stenosis_coach.core.walking.engine import Phase, WalkView
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.words import clock_text, minutes_text, spoken_text, walked_text
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.ui.theme import set_role
from stenosis_coach.ui.widgets import (
    SPACING,
    ActionRow,
    PageBase,
    TimerLabel,
    button,
    label,
    with_shortcut,
)

# The timer's size, as a share of the coach's own (UI.md's timer size times 1.4, to read
# from a treadmill): the largest with which every word fits above the buttons. The
# smallest is about UI.md's timer size (80 pt at extra-large text).
TIMER_SCALES = (1.0, 0.86, 0.72)


class CoachTimer(TimerLabel):
    """The walk's big timer, which can be drawn a little smaller (:meth:`set_scale`) than
    the text size's coach timer where a short window needs the room for the words."""

    def __init__(self) -> None:
        super().__init__("0:00", "coach-timer")
        self._scale = TIMER_SCALES[0]

    @property
    def scale(self) -> float:
        return self._scale

    def set_scale(self, scale: float) -> None:
        if scale != self._scale:
            self._scale = scale
            self.updateGeometry()
            self.update()

    def digits_font(self) -> QFont:
        """The font the digits are drawn in: the text size's, times the scale."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * self._scale)
        return font

    def _hint(self) -> QSize:
        font = self.digits_font()
        font_metrics = QFontMetrics(font)
        margins = 2 * self.margin()
        wide = max(font_metrics.horizontalAdvance(t) for t in (self.text(), self._widest))
        # As tall as the digits (see TimerLabel), not the font's whole line.
        tall = font_metrics.capHeight() + font_metrics.descent()
        return QSize(wide + margins, tall + margins)

    def sizeHint(self) -> QSize:
        return self._hint()

    def minimumSizeHint(self) -> QSize:
        return self._hint()

    def paintEvent(self, event) -> None:  # the digits at the scaled size, centred
        painter = QPainter(self)
        painter.setFont(self.digits_font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.text())


def _invalidate(layout: QLayout) -> None:
    """Forget what ``layout`` and everything in it measured (words and sizes changed),
    so a height asked now is the height the next layout pass will give."""
    layout.invalidate()
    for n in range(layout.count()):
        item = layout.itemAt(n)
        if item is None:
            continue
        item.invalidate()
        widget = item.widget()
        inner = item.layout() or (widget.layout() if widget is not None else None)
        if inner is not None:
            _invalidate(inner)


class WalkCoachScreen(PageBase):
    """Signals: symptoms(), ready(), pause_toggled(), end_walk() ("I need to stop" or "End
    the walk": its button, E, the big button), leave() (Esc), must_stop()."""

    symptoms = Signal()
    ready = Signal()
    pause_toggled = Signal()
    end_walk = Signal()
    leave = Signal()
    must_stop = Signal()

    def __init__(self, kind: WalkKind) -> None:
        super().__init__(
            _("Walking test") if kind is WalkKind.TEST else _("Training walk"),
            margin=(4, 3),
            pinned_actions=True,
        )
        self.kind = kind
        # A short window at large text (a 1024x700 screen) shows every word without
        # scrolling, since a person walking never scrolls: the timer with the phase's
        # headline beside it in the banner, and the instruction under it across the
        # whole width, in few lines; the timer is made a little smaller only where the
        # words would not fit otherwise (see _fit).
        self.banner = QFrame()
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(2 * SPACING, SPACING, 3 * SPACING, SPACING)
        banner.setSpacing(2 * SPACING)
        self.phase = label("", "section-title")
        self.timer = CoachTimer()
        self.timer.setAccessibleName(_("Timer"))
        self.sub = label("", "secondary")
        said = QVBoxLayout()
        said.setSpacing(SPACING)
        said.addStretch(1)
        said.addWidget(self.phase)
        said.addWidget(self.sub)
        said.addStretch(1)
        banner.addWidget(self.timer)
        banner.addLayout(said, 1)
        self.instruction = label("", "section-title")
        self.progress_text = label("", "secondary")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(16)
        self.progress.setAccessibleName(_("Progress of the walk"))
        # How far along, beside the title: the rest of the row, so it keeps to one line.
        along = QVBoxLayout()
        along.setSpacing(SPACING)
        along.addStretch(1)
        along.addWidget(self.progress_text)
        along.addWidget(self.progress)
        top = QHBoxLayout()
        top.setSpacing(4 * SPACING)
        self.column.removeWidget(self.title)
        top.addWidget(self.title, 0, Qt.AlignmentFlag.AlignBottom)
        top.addLayout(along, 1)
        self.column.addLayout(top)
        self.column.addWidget(self.banner)
        self.column.addWidget(self.instruction)
        self.column.setSpacing(2 * SPACING)

        starting = _("Symptoms starting")
        self.main = button(starting, starting, "huge", shortcut_hint="S")
        self.main.clicked.connect(self._main_pressed)
        self.main.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.pause = button(_("Pause"), _("Pause the walk"), shortcut_hint="Space")
        end_words = _("I need to stop") if kind is WalkKind.TEST else _("End the walk")
        self.end = button(end_words, end_words, shortcut_hint="E")  # named as it reads
        self.end.setToolTip(
            _("Ends the test now: how long you walked is the result. Esc asks first.")
            if kind is WalkKind.TEST
            else _("Ends the walk (asks first). Esc does the same.")
        )
        self.stop = button(
            _("Must stop"), _("Must stop: something is wrong"), "danger", shortcut_hint="M"
        )
        self.pause.clicked.connect(self.pause_toggled)
        self.end.clicked.connect(self.end_walk)
        self.stop.clicked.connect(self.must_stop)
        self.column.addStretch(1)
        # The big button and the controls stay at the bottom, in view at any text size.
        self.pin(self.main, ActionRow(self.pause, self.end, self.stop))
        self.give_spare_room_to_actions()  # UI.md: the main action fills a large part
        for keys, target in (
            ("S", self._key_symptoms),
            ("R", self._key_ready),
            ("Return", self._main_pressed),
            ("Space", self.pause_toggled.emit),  # the small button may be hidden
            ("E", self.end_walk.emit),
            ("Esc", self.leave.emit),  # the coach asks before the walk ends
            ("M", self.stop.click),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(target)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._view: WalkView | None = None
        self._fitted_for: tuple[object, ...] = ()  # what the screen said when it was last fitted

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit(may_grow=True)

    def _fit(self, *, may_grow: bool) -> None:
        """Make the timer as large as it can be with every word of the screen in view
        above the pinned buttons (at extra-large text on a 1024x700 screen it is a little
        smaller). Only a resize, a new phase or a new instruction (moments when the
        screen changes anyway) may make it larger again: it does not change size while
        the walker watches it, when a line of words comes and goes."""
        area, actions = self.content_area, self.actions
        assert area is not None and actions is not None
        body, bar = area.widget(), actions.parentWidget()
        assert body is not None and bar is not None
        width = self.width()
        _invalidate(actions)
        buttons = bar.heightForWidth(width)
        room = self.height() - (buttons if buttons >= 0 else bar.sizeHint().height())
        start = 0 if may_grow else TIMER_SCALES.index(self.timer.scale)
        for scale in TIMER_SCALES[start:]:
            self.timer.set_scale(scale)
            _invalidate(self.column)
            if body.heightForWidth(width) <= room:
                break

    def show_view(self, view: WalkView) -> None:
        changed = self._view is None or self._view.phase != view.phase
        self._view = view
        active = view.paused_in or view.phase
        self.phase.setText(self._phase_text(view))
        if active is Phase.RESTING:
            self.timer.setText(clock_text(view.rest_s))
            self.sub.setText(
                _("Ready now when your legs have settled.")
                if view.ready_allowed
                else _("You can press Ready in {time}.").format(time=clock_text(view.ready_in_s))
            )
        else:
            self.timer.setText(clock_text(view.timer_s))
            if view.bout_left_s is not None and self.kind is WalkKind.TRAINING:
                left = clock_text(view.bout_left_s)
                self.sub.setText(_("{time} left in this bout").format(time=left))
            elif view.tfs_s is not None:
                started = minutes_text(view.tfs_s)
                self.sub.setText(_("Symptoms started at {time}").format(time=started))
            else:
                self.sub.setText("")
        new_words = view.instruction != self.instruction.text()
        self.instruction.setText(view.instruction)
        whole = view.target_s if view.target_s is not None else 1800
        rests = view.rests_taken
        # Two facts, each its own message, with a dot between them.
        facts = [
            _("Walked {walked} of {whole}").format(
                walked=walked_text(view.total_walked_s), whole=minutes_text(whole)
            )
        ]
        if rests:
            facts.append(ngettext("{n} rest", "{n} rests", rests).format(n=rests))
        self.progress_text.setText(" · ".join(facts))
        self.progress.setValue(round(view.progress * 1000))
        self._main_for(view)
        paused = view.phase is Phase.PAUSED
        words = _("Resume") if paused else _("Pause")
        self.pause.setText(with_shortcut(words, "Space"))
        if changed:
            set_role(self.banner, f"phase-{view.phase.value}")
            self.banner.style().unpolish(self.banner)
            self.banner.style().polish(self.banner)
            said = _("{headline}. {instruction}").format(
                headline=self.phase.text(), instruction=view.instruction
            )
            self.setAccessibleDescription(spoken_text(said))
        # Heights change only with the words (once a second at most), not with the timer.
        shown = (
            self.phase.text(),
            self.sub.text(),
            view.instruction,
            self.progress_text.text(),
            self.main.text(),
            self.pause.isVisibleTo(self),
            self.end.isVisibleTo(self),
        )
        if changed or new_words or shown != self._fitted_for:
            self._fitted_for = shown
            self._fit(may_grow=changed or new_words)  # with the banner's frame for the phase

    def _phase_text(self, view: WalkView) -> str:
        """The banner's headline: one short line; the instruction under it says what to
        do (sit down or lean forward; this time is not counted)."""
        active = view.paused_in or view.phase
        if view.phase is Phase.PAUSED:
            return _("Paused")
        if active is Phase.RESTING:
            return _("Rest {number}").format(number=view.rests_taken)
        if self.kind is WalkKind.TEST:
            return _("Walk at your own pace")  # the title says it is the walking test
        return _("Bout {number}: walk {time}").format(
            number=view.bout_n, time=minutes_text(view.bout_planned_s)
        )

    def _main_for(self, view: WalkView) -> None:
        active = view.paused_in or view.phase
        ends = False  # the big button ends the walk, as the small "I need to stop" does
        if view.phase is Phase.PAUSED:
            words, key = _("Resume"), "Space"
            self.main.setEnabled(True)
        elif active is Phase.RESTING:
            words, key = _("Symptoms eased — ready"), "R"
            self.main.setEnabled(view.ready_allowed)
        elif self.kind is WalkKind.TEST and view.tfs_s is not None:
            words, key, ends = _("I need to stop"), "E", True
            self.main.setEnabled(True)
        else:
            words, key = _("Symptoms starting"), "S"
            self.main.setEnabled(view.phase is Phase.WALKING)
        self.main.setText(with_shortcut(words, key))
        self.main.setAccessibleName(words)
        # One action, one button: when the big button says "I need to stop", the small
        # one with the same words goes; so does the small Pause while the big one says
        # "Resume" (the focus, if it was there, goes to the big one).
        self._show_unless(self.end, ends)
        self._show_unless(self.pause, view.phase is Phase.PAUSED)

    def _show_unless(self, small, same: bool) -> None:
        if small.isVisibleTo(self) != same:
            return
        if same and small.hasFocus():
            self.main.setFocus()
        small.setVisible(not same)

    def _main_pressed(self) -> None:
        view = self._view
        if view is None:
            return
        active = view.paused_in or view.phase
        if view.phase is Phase.PAUSED:
            self.pause_toggled.emit()
        elif active is Phase.RESTING:
            if view.ready_allowed:
                self.ready.emit()
        elif self.kind is WalkKind.TEST and view.tfs_s is not None:
            self.end_walk.emit()
        else:
            self.symptoms.emit()

    def _key_symptoms(self) -> None:
        if self._view is not None and self._view.phase is Phase.WALKING:
            self.symptoms.emit()

    def _key_ready(self) -> None:
        if self._view is not None and self._view.ready_allowed:
            self.ready.emit()
