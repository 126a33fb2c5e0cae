"""Choose an exercise for a routine: built-in and your own, searchable by name."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidgetItem, QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Exercise, Source
from stenosis_coach.i18n import _, pgettext
from stenosis_coach.ui.exercises.illustration import Illustration
from stenosis_coach.ui.therapist.form import fill_list, item_list
from stenosis_coach.ui.therapist.preview import position_text
from stenosis_coach.ui.widgets import SPACING, Card, button, button_row, label


def choice_text(exercise: Exercise) -> str:
    """An exercise in the list: its name, and whether it is for the neck or your own."""
    neck = exercise.region == "cervical"
    if exercise.source is Source.BUILT_IN:
        return _("{exercise} (neck)").format(exercise=exercise.name) if neck else exercise.name
    if neck:
        return _("{exercise} (neck) (your own)").format(exercise=exercise.name)
    return _("{exercise} (your own)").format(exercise=exercise.name)


class ExercisePicker(QWidget):
    """A search box over the library; Enter or "Add to the routine" takes the chosen one.

    Signals:
        chosen(str): the id of the exercise to add.
        cancelled(): back without adding.
    """

    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2 * SPACING)
        self.heading = label("", "section-title")
        column.addWidget(self.heading)
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Find an exercise"))
        self.search.setPlaceholderText(_("Type part of a name, for example: knee"))
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        column.addWidget(label(_("Find an exercise")))
        column.addWidget(self.search)

        card = Card()
        row = QHBoxLayout()
        row.setSpacing(3 * SPACING)
        self.list = item_list(_("Exercises to choose from"), rows=(7, 7))
        self.list.setMinimumWidth(340)
        self.list.currentItemChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self._take())
        row.addWidget(self.list, 1, Qt.AlignmentFlag.AlignTop)
        detail = QVBoxLayout()
        detail.setSpacing(SPACING)
        self.picture = Illustration(240)
        self.name = label("", "section-title")
        self.where = label("", "secondary")
        self.steps = label("")
        for widget in (self.picture, self.name, self.where, self.steps):
            detail.addWidget(widget)
        detail.addStretch(1)
        row.addLayout(detail, 1)
        card.body.addLayout(row)
        self.none_found = label(_("No exercise has that name. Try fewer letters."), "secondary")
        self.none_found.hide()
        card.body.addWidget(self.none_found)
        self._card = card

        self.add = button(
            _("Add to the routine"), kind="primary", shortcut_hint=pgettext("key", "Enter")
        )
        self.cancel = button(
            pgettext("button", "Cancel"),
            _("Cancel adding an exercise"),
            shortcut_hint=pgettext("key", "Esc"),
        )
        self.add.clicked.connect(self._take)
        self.cancel.clicked.connect(self.cancelled)
        # Right under the search box, where the keys are: the card may reach below the window.
        column.addLayout(button_row(self.add, self.cancel))
        column.addWidget(self._card)
        column.addStretch(1)
        QWidget.setTabOrder(self.search, self.add)  # reading order, as laid out
        QWidget.setTabOrder(self.add, self.cancel)
        QWidget.setTabOrder(self.cancel, self.list)
        self._library: Mapping[str, Exercise] = {}
        self.setFocusProxy(self.search)

    def show_library(self, library: Mapping[str, Exercise], routine_name: str) -> None:
        """Offer every exercise of ``library``; yours first, then the built-in ones."""
        self._library = library
        self.heading.setText(_("Add an exercise to “{routine}”").format(routine=routine_name))
        ordered = sorted(library.values(), key=lambda e: (e.source is Source.BUILT_IN, e.name))
        rows = [(choice_text(exercise), exercise.id) for exercise in ordered]
        fill_list(self.list, rows, 0)
        self.search.clear()
        self._filter("")
        self._show(self.list.currentItem())  # fill_list moved the highlight silently

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.list.setFocus()
                self.list.keyPressEvent(event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._take()
                return True
        return False

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def _filter(self, text: str) -> None:
        words = text.strip().lower().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = f"{item.text()} {item.data(Qt.ItemDataRole.UserRole)}".lower()
            hidden = not all(word in haystack for word in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentRow(-1 if first is None else self.list.row(first))
        self.none_found.setVisible(first is None)
        self.add.setEnabled(first is not None)

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        """Describe the highlighted exercise beside the list; nothing when none is."""
        self.picture.setVisible(item is not None)
        if item is None:
            for text in (self.name, self.where, self.steps):
                text.clear()
            return
        exercise = self._library[item.data(Qt.ItemDataRole.UserRole)]
        self.picture.show_exercise(exercise.illustration, exercise.name)
        self.name.setText(exercise.name)
        self.where.setText(position_text(exercise.position))
        self.steps.setText(
            "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
        )

    def _take(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
