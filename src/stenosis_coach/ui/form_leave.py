"""What every form shares about leaving: typed entries are never thrown away unasked, and an
error line goes as soon as its field is edited.

A form keeps an :class:`UnsavedEntries` and remembers its values once it is filled; its Esc
and Cancel go through :meth:`UnsavedEntries.may_leave`. With nothing changed the form
closes at once; otherwise it asks "Leave without saving?", where Esc keeps editing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from stenosis_coach.i18n import N_, _
from stenosis_coach.ui.dialogs import Dialogs

LEAVE_TITLE = N_("Leave without saving?")
LEAVE_TEXT = N_("What you entered is lost.")
LEAVE_OPTIONS = [N_("Keep editing"), N_("Leave")]  # the first is safe: Esc keeps editing


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):  # the text boxes, number fields and date boxes
        return widget.text()
    if isinstance(widget, QAbstractButton):  # ratings, choices, check boxes
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    return None


class UnsavedEntries:
    """What the patient typed or chose on ``form``, compared with what it showed when it
    was filled. Every entry widget of the form counts (text boxes, number and date boxes,
    rating and choice buttons); ``extra`` adds a value kept outside widgets (a standing
    test's result)."""

    def __init__(
        self, form: QWidget, dialogs: Dialogs, extra: Callable[[], object] = lambda: None
    ) -> None:
        self._form = form
        self._dialogs = dialogs
        self._extra = extra
        self._entries: list[QWidget] = []
        self._kept: tuple = ()

    def remember(self) -> None:
        """The form is filled (empty, or with what is being corrected): nothing changed yet."""
        self._entries = [
            widget
            for widget in self._form.findChildren(QWidget)
            if _value(widget) is not None
            and not (isinstance(widget, QAbstractButton) and not widget.isCheckable())
        ]
        self._kept = self._values()

    def _values(self) -> tuple:
        return (*(_value(widget) for widget in self._entries), self._extra())

    def changed(self) -> bool:
        return self._values() != self._kept

    def may_leave(self) -> bool:
        """``True`` when the form may close now: nothing changed, or the patient chose
        "Leave" (Esc, or closing the question, keeps editing)."""
        if not self.changed():
            return True
        options = [_(option) for option in LEAVE_OPTIONS]
        return self._dialogs.choose(_(LEAVE_TITLE), _(LEAVE_TEXT), options, safe=0) == 1


def forget_error_when(edited: SignalInstance, error: QLabel) -> None:
    """Hide ``error`` (the line under a field) as soon as the field is edited: an old
    message must not stay beside a value that was fixed."""

    def forget(*_args) -> None:
        error.setText("")
        error.hide()

    edited.connect(forget)


class LeavesAsking:
    """Mixed into a form screen (before its widget class) that has ``cancelled`` and an
    :class:`UnsavedEntries` as ``_unsaved``: Esc and :meth:`_leave` (its Cancel) close it,
    asking first when something was entered."""

    cancelled: SignalInstance
    _unsaved: UnsavedEntries

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._leave()
        else:
            super().keyPressEvent(event)  # type: ignore[misc]

    def _leave(self) -> None:
        if self._unsaved.may_leave():
            self.cancelled.emit()
