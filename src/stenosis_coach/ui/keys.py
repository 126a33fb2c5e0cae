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
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

from stenosis_coach.ui.inputs import is_plain_key

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterPressesButtons(QObject):
    """The application-wide filter; install it with :func:`install_enter_presses`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QPushButton | QToolButton):
            return False
        if event.key() not in _ENTER:  # type: ignore[attr-defined]
            return False
        if not (watched.isEnabled() and watched.isVisible()):
            return False
        if is_plain_key(event) and not event.isAutoRepeat():  # type: ignore[attr-defined]
            watched.click()
        event.accept()
        return True


def install_enter_presses(app: QApplication) -> EnterPressesButtons:
    """Install the filter on ``app`` once (building more windows does not add another)."""
    existing = app.findChild(EnterPressesButtons)
    if isinstance(existing, EnterPressesButtons):
        return existing
    keys = EnterPressesButtons(app)
    app.installEventFilter(keys)
    return keys
