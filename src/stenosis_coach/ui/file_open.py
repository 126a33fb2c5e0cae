"""Plan files opened from the desktop on macOS.

Finder hands a double-clicked document to a running (or starting) app as a
``QFileOpenEvent``, not on the command line. Plan files that arrive before the data is open
are kept, then handed over in order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

PLAN_SUFFIX = ".scplan.json"


class PlanFileOpener(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Path] = []
        self._open: Callable[[Path], None] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = Path(event.file())
        if not path.name.lower().endswith(PLAN_SUFFIX):
            return False
        if self._open is None:
            self._pending.append(path)
        else:
            self._open(path)
        return True

    def ready(self, open_plan: Callable[[Path], None]) -> None:
        """From now on hand plan files to ``open_plan``; first those kept so far."""
        self._open = open_plan
        pending, self._pending = self._pending, []
        for path in pending:
            open_plan(path)
