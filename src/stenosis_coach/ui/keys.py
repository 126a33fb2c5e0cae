"""Enter presses the focused button, everywhere in the app (README: "Space or Enter presses").

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

While Enter or Space clicks a button, :func:`~stenosis_coach.ui.widgets.pressed_by_keys`
says so: what the click opens may then take the focus (Enter on a rail button puts the
focus into its page, as Ctrl+number does), where a mouse click leaves it under the hand.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

from stenosis_coach.ui.inputs import is_plain_key
from stenosis_coach.ui.widgets import keyboard_press

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_SPACE = (Qt.Key.Key_Space, Qt.Key.Key_Select)


class EnterPressesButtons(QObject):
    """The application-wide filter; install it with :func:`install_enter_presses`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyRelease:
            return self._space_released(watched, event)
        if event.type() != QEvent.Type.KeyPress:
            return False
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


def install_enter_presses(app: QApplication) -> EnterPressesButtons:
    """Install the filter on ``app`` once (building more windows does not add another)."""
    existing = app.findChild(EnterPressesButtons)
    if isinstance(existing, EnterPressesButtons):
        return existing
    keys = EnterPressesButtons(app)
    app.installEventFilter(keys)
    return keys
