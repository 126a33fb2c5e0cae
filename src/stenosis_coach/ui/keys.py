"""Enter presses the focused button, and keys with Ctrl, Alt or Meta never change a value,
everywhere in the app (README: "Space or Enter presses"; UI.md, keyboard).

Qt presses a focused :class:`QPushButton` on Enter only in dialogs (``autoDefault``); in the
window only Space did. One filter on the application fixes it for every page, screen and
dialog at once:

* Enter or Return (the main key or the keypad's) on a focused, enabled push or tool button
  clicks it once, as Space does. Held down, it does not click again and again.
* With Ctrl, Alt or Meta held, Enter is a command, not a press: it presses nothing, not
  even in a dialog (where Qt would press the focused button whatever was held).
* Anything else is left alone: Enter in a text box still submits or does nothing as before,
  Enter in a list still opens its row, and a screen's own Enter shortcut (the walking
  coach's main button) still wins, because Qt's shortcuts come before key presses.
* In a dialog the focused button is pressed, as Qt does there already, and only once: the
  filter takes the key, so the dialog does not press its default button as well.

The same filter keeps the house rule "keys with Ctrl, Alt or Meta never change a value" for
every control at once (:func:`_a_command_on_a_value`): Qt's own keys would press a button
on Ctrl+Space, move a choice on Ctrl+arrow, a slider on Alt+Home, a list's row on Meta+Up,
open a row on Alt+Enter and type Alt+1 into a text box. Those keys, held with a command
modifier, reach no control; the app's shortcuts (Ctrl+1…7, Ctrl+Z, F1, a screen's keys)
still work, as Qt runs shortcuts before key presses. tests/ui/test_modifier_keys_sweep.py
presses every such key on every control of every page and screen.

While Enter or Space clicks a button, :func:`~stenosis_coach.ui.widgets.pressed_by_keys`
says so: what the click opens may then take the focus (Enter on a rail button puts the
focus into its page, as Ctrl+number does), where a mouse click leaves it under the hand.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from stenosis_coach.ui.inputs import COMMAND_MODIFIERS, is_plain_key
from stenosis_coach.ui.widgets import keyboard_press

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SPACE = (Qt.Key.Key_Space, Qt.Key.Key_Select)
_ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
_OPEN_LIST = (Qt.Key.Key_Up, Qt.Key.Key_Down)
_STEPS = (
    *_ARROWS,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Minus,
)
_ON_A_MAC = sys.platform == "darwin"


def _typing_modifiers() -> tuple[Qt.KeyboardModifier, ...]:
    """Modifiers with which a keyboard types a character into a text box, not a command."""
    alt_gr = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    return (alt_gr, Qt.KeyboardModifier.AltModifier) if _ON_A_MAC else (alt_gr,)


_OWN_COMMANDS = "stenosisOwnCommandKeys"  # a widget property: see takes_command_keys


class EnterPressesButtons(QObject):
    """The application-wide filter; install it with :func:`install_enter_presses`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyRelease:
            return self._space_released(watched, event)
        if event.type() != QEvent.Type.KeyPress:
            return False
        if _a_command_on_a_value(watched, event):
            event.accept()
            return True
        if not isinstance(watched, QPushButton | QToolButton):
            return False
        if event.key() not in _ENTER:  # type: ignore[attr-defined]
            return False
        if not (watched.isEnabled() and watched.isVisible()):
            return False
        if is_plain_key(event) and not event.isAutoRepeat():  # type: ignore[attr-defined]
            with keyboard_press(watched):
                watched.click()
        event.accept()
        return True

    def _space_released(self, watched: QObject, event: QEvent) -> bool:
        """Space clicks a button as it is let go (Qt's own press): the button handles the
        release here, while :func:`pressed_by_keys` says it is the keyboard's press."""
        if not (
            isinstance(watched, QPushButton | QToolButton)
            and event.key() in _SPACE  # type: ignore[attr-defined]
            and watched.isDown()
            and is_plain_key(event)
            and not event.isAutoRepeat()  # type: ignore[attr-defined]
        ):
            return False
        with keyboard_press(watched):
            watched.event(event)
        return True


def takes_command_keys(widget: QWidget, *keys: str) -> None:
    """Let ``widget`` have these keys with Ctrl, Alt or Meta (``"Alt+Up"``) as its own
    commands, shown next to their buttons (the routine's list: Alt+Up moves the exercise
    up); every other such key still changes nothing on it."""
    widget.setProperty(_OWN_COMMANDS, [*keys])


def _a_command_on_a_value(watched: QObject, event: QEvent) -> bool:
    """Is this key, held with Ctrl, Alt or Meta, one Qt would let change a value?

    Qt presses a button on Ctrl+Space, moves a choice on Ctrl+arrow, a slider on Alt+Home,
    a list's row on Meta+Up and opens it on Alt+Enter, types Alt+1 into a text box,
    whatever was held. Kept as commands: Alt+Up or Alt+Down opens a list's choices or a
    date box's calendar (opening changes nothing), the keys a widget takes as its own
    (:func:`takes_command_keys`), and in a text box the keys that type letters: Ctrl+Alt
    (AltGr on Windows types "@" or "€" so) and, on a Mac, Option (Alt to Qt: Option+E
    then E types "é")."""
    if is_plain_key(event) or not isinstance(watched, QWidget):
        return False
    key, held = event.key(), event.modifiers() & COMMAND_MODIFIERS  # type: ignore[attr-defined]
    own = watched.property(_OWN_COMMANDS)
    if own and QKeySequence(int(held.value) | int(key)).toString() in own:
        return False
    steps_or_digits = key in _STEPS or Qt.Key.Key_0 <= key <= Qt.Key.Key_9
    if isinstance(watched, QAbstractButton):
        return key in _SPACE or (watched.isCheckable() and key in _ARROWS)
    if isinstance(watched, QScrollBar):
        return False  # scrolling is no value
    if isinstance(watched, QAbstractSlider):
        return key in _STEPS
    if isinstance(watched, QComboBox | QDateTimeEdit) and key in _OPEN_LIST:
        return held != Qt.KeyboardModifier.AltModifier
    if isinstance(watched, QAbstractSpinBox | QComboBox | QAbstractItemView):
        return steps_or_digits or key in _SPACE or key in _ENTER
    if isinstance(watched, QLineEdit | QTextEdit | QPlainTextEdit):
        text = event.text()  # type: ignore[attr-defined]
        return bool(text) and text[0].isprintable() and held not in _typing_modifiers()
    return False


def install_enter_presses(app: QApplication) -> EnterPressesButtons:
    """Install the filter on ``app`` once (building more windows does not add another)."""
    existing = app.findChild(EnterPressesButtons)
    if isinstance(existing, EnterPressesButtons):
        return existing
    keys = EnterPressesButtons(app)
    app.installEventFilter(keys)
    return keys
