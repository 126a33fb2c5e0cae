"""The daily log in under 30 seconds, and the standing tolerance test."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach.core.clock import Clock
from stenosis_coach.core.daily import STANDING_LIMIT_S, TREATMENT_WORDS, DailyLog, TreatmentKind
from stenosis_coach.core.numbers import NumberProblem, NumberRule, read_whole
from stenosis_coach.core.outcomes.model import SinceTreatment
from stenosis_coach.core.walking.engine import measured
from stenosis_coach.core.walking.logged import FormProblems
from stenosis_coach.core.words import clock_text, day_text, minutes_text
from stenosis_coach.i18n import _
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.form_leave import LeavesAsking, UnsavedEntries, forget_error_when
from stenosis_coach.ui.inputs import NumberField, RatingScale, is_plain_key
from stenosis_coach.ui.theme import set_kind
from stenosis_coach.ui.widgets import (
    SPACING,
    ActionRow,
    PageBase,
    TimerLabel,
    button,
    button_row,
    label,
)


def number_labels() -> dict[str, str]:
    """Each number's one name: its label, its box's accessible name and the start of the
    sentence that names a problem with it (made when read, in the user's language)."""
    return {
        "otc_doses": _("Pain medicine, over the counter (doses)"),
        "prescription_doses": _("Pain medicine on prescription (doses)"),
        "opioid_doses": _("Opioid pain medicine (doses)"),
        "woken_by_leg_pain": _("Times woken last night by leg pain"),
    }


def number_rules() -> dict[str, NumberRule]:
    """The same bounds as DailyLog.problems; read here so a typo is named before anything
    is kept. Each rule is named as its field's label."""
    names = number_labels()
    highs = {"otc_doses": 50, "prescription_doses": 50, "opioid_doses": 50, "woken_by_leg_pain": 20}
    return {
        field: NumberRule(names[field], low=0, high=high, whole=True, required=False)
        for field, high in highs.items()
    }


_BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
_ON_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)
_PRESS_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Select, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReliefQuestion(QWidget):
    """DESIGN 5.10: "Compared with before your epidural injection on Mon 4 May:" and its
    four answers as large buttons, much better to worse.

    One answer at a time, or none (the question is optional): pressing the chosen answer
    again takes it back. The answers are one Tab stop (the chosen one, else the first); the
    arrow keys move along them, taking the choice along once one is chosen, and Space
    chooses. Keys held with Ctrl, Alt or Meta change nothing. The answers go on to a second
    line when the width asks for it (extra-large text).
    """

    def __init__(
        self,
        treatment_day: date,
        kind: TreatmentKind,
        log_day: date,
        answer: SinceTreatment | None = None,
    ) -> None:
        super().__init__()
        treatment = TREATMENT_WORDS[kind]  # in plain words, translated
        self.question = label(
            # Translators: the daily log's question after an injection, a nerve block or a
            # procedure: "Compared with before your epidural injection on Mon 4 May:".
            _("Compared with before your {treatment} on {day}:").format(
                treatment=treatment, day=day_text(treatment_day, log_day)
            )
        )
        self.buttons: list[QPushButton] = []
        self._values: list[SinceTreatment] = list(SinceTreatment)
        for value in self._values:
            btn = QPushButton(value.label)
            btn.setCheckable(True)
            btn.setCursor(Qt.CursorShape.PointingHandCursor)
            btn.setAccessibleName(
                # Translators: a screen reader's name for an answer of the question
                # "Compared with before your {treatment} on {day}:".
                _("Compared with before your {treatment}: {answer}").format(
                    treatment=treatment, answer=value.label
                )
            )
            set_kind(btn, "choice")
            btn.toggled.connect(lambda on, b=btn: self._toggled(b, on))
            btn.installEventFilter(self)
            self.buttons.append(btn)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 2 * SPACING)  # as far from the next row as the others
        column.setSpacing(SPACING)
        column.addWidget(self.question)
        column.addLayout(ActionRow(*self.buttons))
        if answer is not None:
            self.buttons[self._values.index(answer)].setChecked(True)
        self._tab_stop()

    def answer(self) -> SinceTreatment | None:
        """The answer chosen, or None when the question is left unanswered."""
        for value, btn in zip(self._values, self.buttons, strict=True):
            if btn.isChecked():
                return value
        return None

    def _toggled(self, chosen: QPushButton, on: bool) -> None:
        if on:  # one answer at a time
            for btn in self.buttons:
                if btn is not chosen:
                    btn.setChecked(False)
        self._tab_stop()

    def _tab_stop(self) -> None:
        """Tab stops once on the answers: on the chosen one, else on the first."""
        chosen = next((b for b in self.buttons if b.isChecked()), self.buttons[0])
        for btn in self.buttons:
            btn.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if btn is chosen else Qt.FocusPolicy.ClickFocus
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in self.buttons:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        moves = key in _BACK_KEYS or key in _ON_KEYS
        if not is_plain_key(event):
            return moves or key in _PRESS_KEYS  # a command's key: no answer changes
        if not moves:
            return False  # Space (and Enter) press the answer as on any button
        index = self.buttons.index(watched)  # type: ignore[arg-type]
        step = -1 if key in _BACK_KEYS else 1
        target = self.buttons[max(0, min(len(self.buttons) - 1, index + step))]
        if self.answer() is not None:
            target.setChecked(True)  # the choice moves along, as in any group of options
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True


class DailyLogScreen(LeavesAsking, PageBase):
    """Signals:
    submitted(DailyLog): Save pressed; the owner stores it or calls show_problems.
    cancelled(): left without saving (asked first when something was entered).
    standing_requested(): start the standing test (its result comes back by
        :meth:`set_standing`).
    """

    submitted = Signal(object)
    cancelled = Signal()
    standing_requested = Signal()

    def __init__(
        self,
        day: date,
        dialogs: Dialogs,
        existing: DailyLog | None = None,
        *,
        relief: tuple[date, TreatmentKind] | None = None,
        since: SinceTreatment | None = None,
    ) -> None:
        """``relief``: the treatment the day's log asks "compared with before" about
        (DESIGN 5.10; None: not asked that day), and ``since`` the day's answer so far."""
        super().__init__(
            _("How was today?")
            if existing is None
            else _("How was {day}?").format(day=day_text(day)),
            pinned_actions=True,
        )
        self.day = day
        self._standing = existing.standing_s if existing else None
        self.column.addWidget(
            label(
                _("Your log for {day}. Fill in what you can; everything is optional.").format(
                    day=day_text(day)
                ),
                "secondary",
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(3 * SPACING)
        grid.setVerticalSpacing(2 * SPACING)
        self._errors: dict[str, QWidget] = {}
        self._row = 0

        def add(field: str, title: str, widget: QWidget) -> None:
            grid.addWidget(label(title), self._row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, self._row, 1)
            error = label("", "error")
            error.hide()
            self._errors[field] = error
            grid.addWidget(error, self._row + 1, 1)
            self._row += 2

        self.leg = RatingScale(_("Leg pain"))
        self.back = RatingScale(_("Back pain"))
        self.numbness = RatingScale(_("Numbness or tingling"), _("none"), _("worst"))
        add("leg_pain", _("Leg pain (0 to 10)"), self.leg)
        add("back_pain", _("Back pain (0 to 10)"), self.back)
        add("numbness", _("Numbness or tingling (0 to 10)"), self.numbness)
        self.relief: ReliefQuestion | None = None
        if relief is not None:  # after the pain it asks about, across the whole form
            self.relief = ReliefQuestion(relief[0], relief[1], day, since)
            grid.addWidget(self.relief, self._row, 0, 1, 2)
            self._row += 1
        names = number_labels()  # one name each: label, box and message say the same
        self.otc = NumberField(names["otc_doses"], step=1, maximum=50, decimals=0)
        self.rx = NumberField(names["prescription_doses"], step=1, maximum=50, decimals=0)
        self.opioid = NumberField(names["opioid_doses"], step=1, maximum=50, decimals=0)
        add("otc_doses", names["otc_doses"], self.otc)
        add("prescription_doses", names["prescription_doses"], self.rx)
        add("opioid_doses", names["opioid_doses"], self.opioid)
        self.woken = NumberField(names["woken_by_leg_pain"], step=1, maximum=20, decimals=0)
        add("woken_by_leg_pain", names["woken_by_leg_pain"], self.woken)
        self.sleep = RatingScale(_("Sleep quality"), _("very bad"), _("very good"))
        add("sleep_quality", _("Sleep quality (0 = very bad, 10 = very good)"), self.sleep)
        self.weak_yes = QPushButton(_("Yes"))
        self.weak_no = QPushButton(_("No"))
        for widget, name in (
            (self.weak_yes, _("Yes, new weakness or balance trouble")),
            (self.weak_no, _("No new weakness or balance trouble")),
        ):
            widget.setCheckable(True)
            widget.setAutoExclusive(True)
            widget.setAccessibleName(name)
            set_kind(widget, "choice")
        weak = QWidget()
        weak.setLayout(button_row(self.weak_yes, self.weak_no))
        add("new_weakness", _("New weakness or balance trouble?"), weak)
        self.standing_text = label("", "secondary")
        self.standing_button = button(_("Do a standing test…"), _("Do a standing test"))
        self.standing_button.clicked.connect(self.standing_requested)
        standing = QWidget()
        standing.setLayout(button_row(self.standing_button, self.standing_text))
        add("standing_s", _("Standing test (optional)"), standing)
        self.notes = QLineEdit()
        self.notes.setAccessibleName(_("Notes"))
        add("notes", _("Notes"), self.notes)
        self.column.addLayout(grid)
        self.save = button(_("Save"), _("Save the log"), "primary")
        self.cancel = button(_("Cancel"), shortcut_hint="Esc")
        self.save.clicked.connect(self._submit)
        self.cancel.clicked.connect(self._leave)
        self.pin(ActionRow(self.save, self.cancel))
        self.column.addStretch(1)
        if existing is not None:
            self._fill(existing)
        else:  # the weakness question starts unanswered: no answer she did not give
            for field in (self.otc, self.rx, self.opioid):
                field.set_text("0")
        self.set_standing(self._standing)
        self.setFocusProxy(self.leg)
        edits = {
            "leg_pain": self.leg.rated,
            "back_pain": self.back.rated,
            "numbness": self.numbness.rated,
            "otc_doses": self.otc.changed,
            "prescription_doses": self.rx.changed,
            "opioid_doses": self.opioid.changed,
            "woken_by_leg_pain": self.woken.changed,
            "sleep_quality": self.sleep.rated,
            "new_weakness": self.weak_yes.toggled,
            "notes": self.notes.textChanged,
        }
        for field, edited in edits.items():
            forget_error_when(edited, self._errors[field])
        self._unsaved = UnsavedEntries(self, dialogs, extra=lambda: self._standing)
        self._unsaved.remember()

    def _fill(self, log: DailyLog) -> None:
        self.leg.set_value(log.leg_pain)
        self.back.set_value(log.back_pain)
        self.numbness.set_value(log.numbness)
        self.otc.set_text(str(log.otc_doses))
        self.rx.set_text(str(log.prescription_doses))
        self.opioid.set_text(str(log.opioid_doses))
        self.woken.set_text("" if log.woken_by_leg_pain is None else str(log.woken_by_leg_pain))
        self.sleep.set_value(log.sleep_quality)
        (self.weak_yes if log.new_weakness else self.weak_no).setChecked(True)
        self.notes.setText(log.notes)

    @property
    def asks_relief(self) -> bool:
        """True when the log asks "compared with before the treatment" (DESIGN 5.10)."""
        return self.relief is not None

    def since_treatment(self) -> SinceTreatment | None:
        """The answer to "compared with before the treatment" (None: not asked, or left
        unanswered)."""
        return self.relief.answer() if self.relief is not None else None

    def set_standing(self, seconds) -> None:
        self._standing = seconds
        self._errors["standing_s"].hide()
        self.standing_text.setText(
            _("You stood {time}.").format(time=minutes_text(seconds)) if seconds else ""
        )

    def log(self) -> DailyLog:
        """The log as filled in, or :class:`FormProblems` naming each number not readable."""
        fields = {
            "otc_doses": self.otc,
            "prescription_doses": self.rx,
            "opioid_doses": self.opioid,
            "woken_by_leg_pain": self.woken,
        }
        rules = number_rules()
        numbers: dict[str, int | None] = {}
        problems: dict[str, str] = {}
        for name, field in fields.items():
            try:
                numbers[name] = read_whole(field.text(), rules[name])
            except NumberProblem as problem:
                problems[name] = problem.message
        if problems:
            raise FormProblems(problems)
        return DailyLog(
            day=self.day,
            leg_pain=self.leg.value(),
            back_pain=self.back.value(),
            numbness=self.numbness.value(),
            otc_doses=numbers["otc_doses"] or 0,
            prescription_doses=numbers["prescription_doses"] or 0,
            opioid_doses=numbers["opioid_doses"] or 0,
            woken_by_leg_pain=numbers["woken_by_leg_pain"],
            sleep_quality=self.sleep.value(),
            new_weakness=self.weak_yes.isChecked(),
            standing_s=self._standing,
            notes=self.notes.text().strip(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for field, error in self._errors.items():
            error.setText(problems.get(field, ""))
            error.setVisible(field in problems)
        first = next((f for f in self._errors if f in problems), None)
        if first is None:
            return
        # As the walk form does: the focus goes to the first bad field, and the field and
        # its message are scrolled into view (Save is pinned: both may be out of sight).
        targets: dict[str, QWidget] = {
            "leg_pain": self.leg,
            "back_pain": self.back,
            "numbness": self.numbness,
            "otc_doses": self.otc.edit,
            "prescription_doses": self.rx.edit,
            "opioid_doses": self.opioid.edit,
            "woken_by_leg_pain": self.woken.edit,
            "sleep_quality": self.sleep,
            "new_weakness": self.weak_yes,
            "standing_s": self.standing_button,
            "notes": self.notes,
        }
        target = targets.get(first)
        if target is None:
            self.bring_into_view(self._errors[first])
            return
        target.setFocus()
        self.bring_into_view(self._errors[first], target)

    def _submit(self) -> None:
        try:
            log = self.log()
        except FormProblems as problems:
            self.show_problems(problems.problems)
            return
        self.submitted.emit(log)


class StandingTestScreen(PageBase):
    """Stand until symptoms start, then tap (at most 30 min).

    Signals: finished(object seconds or None when cancelled).
    """

    finished = Signal(object)

    def __init__(self, clock: Clock) -> None:
        super().__init__(_("Standing test"), pinned_actions=True)
        self._clock = clock
        self._start = clock.monotonic()
        self.column.addWidget(
            label(
                _(
                    "Stand up straight and still, near a chair. When symptoms start in your "
                    "legs, press the big button and sit down. The test stops by itself at "
                    "30 minutes."
                )
            )
        )
        self.timer_label = TimerLabel("0:00", "coach-timer")
        self.timer_label.setAccessibleName(_("Time standing"))
        self.column.addWidget(self.timer_label)
        started = _("Symptoms started")
        self.done = button(started, started, "huge", shortcut_hint="Enter")
        self.done.clicked.connect(self._stop)
        self.done.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.column.addStretch(1)
        self.cancel = button(_("Cancel"), shortcut_hint="Esc")
        self.cancel.clicked.connect(lambda: self._end(None))
        self.pin(self.done, ActionRow(self.cancel))
        self.give_spare_room_to_actions()  # the big button fills what the words leave
        self.refresh = QTimer(self)
        self.refresh.setInterval(200)
        self.refresh.timeout.connect(self.tick)
        self.refresh.start()
        self.setFocusProxy(self.done)

    def elapsed(self) -> float:
        return self._clock.monotonic() - self._start

    def tick(self) -> None:
        if self.elapsed() >= STANDING_LIMIT_S:
            self._end(measured(STANDING_LIMIT_S))
        else:
            self.timer_label.setText(clock_text(self.elapsed()))

    def _stop(self) -> None:
        self._end(max(measured(self.elapsed()), measured(0.1)))

    def _end(self, seconds) -> None:
        self.refresh.stop()
        self.finished.emit(seconds)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._stop()
        elif event.key() == Qt.Key.Key_Escape:
            self._end(None)
        else:
            super().keyPressEvent(event)
