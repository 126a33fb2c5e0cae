"""Form pieces the therapist tools share: labelled rows, checked numbers, choices, lists.

They build on the app's own inputs (:class:`NumberField`) and widgets; nothing here knows
about plans.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from stenosis_coach.i18n import N_, _
from stenosis_coach.ui.inputs import NumberField
from stenosis_coach.ui.tables import rows_view
from stenosis_coach.ui.theme import set_kind
from stenosis_coach.ui.therapist.limits import NumberSpec
from stenosis_coach.ui.widgets import SPACING, ActionRow, label

WIDEST_WORDS = N_("Repetitions in each set")  # the longest words of a form's first column


class FormGrid(QGridLayout):
    """Rows of "words | control", with an optional hint and an error line under the control."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(3 * SPACING)
        self.setVerticalSpacing(SPACING)
        self.setColumnStretch(1, 1)
        self._row = 0

    def add(self, title: str, widget: QWidget, hint: str = "", error: QLabel | None = None) -> None:
        words = label(title)
        # Room for "Repetitions in each set" on one line, at every text size.
        widest = words.fontMetrics().horizontalAdvance(_(WIDEST_WORDS))
        words.setMinimumWidth(widest + SPACING)
        words.setBuddy(widget)
        tall = isinstance(widget, QPlainTextEdit) or widget.property("rows_of_buttons")
        align = Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter
        self.addWidget(words, self._row, 0, align)
        self.addWidget(widget, self._row, 1)
        self._row += 1
        if hint:
            self.addWidget(label(hint, "secondary"), self._row, 1)
            self._row += 1
        if error is not None:
            self.addWidget(error, self._row, 1)
            self._row += 1


def error_label() -> QLabel:
    """A red message line, hidden until there is something to say."""
    error = label("", "error")
    error.hide()
    return error


def show_error(error: QLabel, field: QWidget, text: str | None) -> None:
    """Say what is wrong under ``field`` (or clear it); the field gets a red border too."""
    error.setText(text or "")
    error.setVisible(bool(text))
    field.setProperty("invalid", bool(text))
    field.setAccessibleDescription(text or "")
    field.style().unpolish(field)
    field.style().polish(field)


class BoundedNumber(NumberField):
    """A :class:`NumberField` checked against a :class:`NumberSpec` as it is typed.

    A bad value is refused with a message under the field; the draft keeps its last good
    value, and :meth:`problem` says what is wrong until the text is fixed or refilled.

    Signals:
        value_changed(object): a good value typed (``None`` for an empty optional field).
    """

    value_changed = Signal(object)

    def __init__(self, spec: NumberSpec, name: str | None = None) -> None:
        super().__init__(
            name or spec.label,
            step=spec.step,
            minimum=spec.low / spec.scale,
            maximum=spec.high / spec.scale,
            unit=spec.unit_text,
            decimals=spec.decimals,
        )
        self.spec = spec
        self.error = error_label()
        self._problem: str | None = None
        self._filling = False
        self.changed.connect(self._check)

    def show_value(self, value: float | None) -> None:
        """Show the draft's value (no edit is forwarded; any message is cleared)."""
        self._filling = True
        self.set_text(self.spec.shown(value))
        self._filling = False
        self._check(self.text())

    def problem(self) -> str | None:
        return self._problem

    def _check(self, text: str) -> None:
        try:
            value = self.spec.parse(text)
        except ValueError as exc:
            self._problem = str(exc)
        else:
            self._problem = None
            if not self._filling:
                self.value_changed.emit(value)
        show_error(self.error, self.edit, self._problem)


class ChoiceRow(QWidget):
    """A few large buttons of which one is chosen (like the app's other choices), in a
    row or in a grid of ``columns``.

    Signals:
        chosen(object): the value of the button the user chose.
    """

    chosen = Signal(object)

    def __init__(self, name: str, options: Iterable[tuple[object, str]], columns: int = 0) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self._group = QButtonGroup(self)
        self.buttons: dict[object, QPushButton] = {}
        for value, text in options:
            btn = QPushButton(text)
            btn.setCheckable(True)
            btn.setAccessibleName(_("{group}: {choice}").format(group=name, choice=text))
            set_kind(btn, "choice")
            self._group.addButton(btn)
            self.buttons[value] = btn
            btn.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))
        if columns:  # a grid, for long words that would not fit side by side
            self.setProperty("rows_of_buttons", True)
            grid = QGridLayout(self)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(SPACING)
            for index, btn in enumerate(self.buttons.values()):
                grid.addWidget(btn, index // columns, index % columns)
            for column in range(columns):
                grid.setColumnStretch(column, 1)
        else:
            self.setLayout(ActionRow(*self.buttons.values(), spacing=SPACING))  # wraps

    def value(self) -> object | None:
        return next((v for v, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: object) -> None:
        self.buttons[value].setChecked(True)


def item_list(name: str, rows: tuple[int, int] = (3, 6)) -> QListWidget:
    """A list with rows tall enough to hit (48 px, UI.md), as tall as its rows but at least
    ``rows[0]`` and at most ``rows[1]`` of them (then it scrolls).

    A row may have a second line (``"name\ndetail"``); a line too long is cut with "…"."""
    widget = rows_view(QListWidget())
    widget.setAccessibleName(name)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setWordWrap(False)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setProperty("rows", rows)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return widget


def fill_list(widget: QListWidget, rows: Iterable[tuple[str, object]], current: int = -1) -> None:
    """Replace the items (text, data) and select ``current``, without a storm of signals."""
    widget.blockSignals(True)
    widget.clear()
    line = widget.fontMetrics().lineSpacing()
    height = max(48, line + 2 * SPACING + 4)  # UI.md: targets at least 48 px
    heights = []
    for text, data in rows:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        lines = text.count("\n") + 1
        heights.append(max(height, lines * line + 2 * SPACING + 4))
        item.setSizeHint(QSize(0, heights[-1]))
        widget.addItem(item)
    fewest, most = widget.property("rows")
    heights = heights[:most] + [heights[-1] if heights else height] * (fewest - len(heights))
    widget.setFixedHeight(sum(heights) + 2 * widget.frameWidth() + 2)
    widget.setCurrentRow(current if 0 <= current < widget.count() else -1)
    widget.blockSignals(False)


def refit(widget: QWidget) -> None:
    """After part of a page was shown or hidden: size the page again.

    The page's scroll area follows a page that grows but not one that shrinks (the layout
    request goes to its viewport), which would leave a gap. So the layouts from ``widget`` up
    are settled and the scroll area asked now, and once more when the newly shown widgets
    have been polished (their style sets their height)."""
    area = widget
    while area is not None and not isinstance(area, QScrollArea):
        if area.layout() is not None:
            area.layout().activate()
        area = area.parentWidget()
    if area is not None:
        ask = lambda: QCoreApplication.sendEvent(area, QEvent(QEvent.Type.LayoutRequest))  # noqa: E731
        ask()
        QTimer.singleShot(0, area, ask)
