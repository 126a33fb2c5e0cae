"""The state the window's pages share: paths, settings, the open Coach, the clock."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.clock import Clock
from stenosis_coach.core.settings import Settings
from stenosis_coach.i18n import _
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.changes import Changes
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.theme import apply_theme

if TYPE_CHECKING:  # imported when the data opens: the first paint does not wait for it
    from stenosis_coach.services.coach import Coach

log = logging.getLogger(__name__)

# Why data is about to be replaced (ids): the question that stops a routine or walk names
# it, "Stop the walk to restore your backup?" (MainWindow.leave_session).
RESTORE_REASON = "restore"
IMPORT_REASON = "import"


class AppContext(QObject):
    """Shared state, with signals for what changed.

    Signals:
        settings_changed(Settings): the user changed a preference; it is already saved
            and the theme applied.
        changed(Changes): recorded data changed, and which kinds of it (announced by
            :meth:`announce`, see ``ui/writes.py``); each page redraws for its own kinds.
        data_changed(): the untyped form, for code not yet moved to :meth:`announce`:
            emitting it announces ``Changes.all()``; it is also emitted after each
            announcement, for listeners not yet moved to ``changed``.
        database_ready(): the database is open (after start-up checks or a restore).
    """

    settings_changed = Signal(object)
    changed = Signal(object)
    data_changed = Signal()
    database_ready = Signal()

    def __init__(self, paths: AppPaths, settings: Settings, clock: Clock, dialogs: Dialogs) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.clock = clock
        self.dialogs = dialogs
        self.coach: Coach | None = None  # the user's data, once open (see open_database)
        self.kept_walks: list = []  # walks a crash cut short, kept at start: ask their pain
        # Set by the window: may data be replaced now (see may_replace_data)?
        self.replace_guard: Callable[[str], bool] | None = None
        self._settings_unsaved = False  # a failed save was said; said again once it works
        self._announcing = False
        self.data_changed.connect(self._untyped_change)

    def announce(self, changes: Changes) -> None:
        """Tell the pages what a write changed (nothing when ``changes`` is empty)."""
        if not changes:
            return
        self._announcing = True
        try:
            self.changed.emit(changes)
            self.data_changed.emit()
        finally:
            self._announcing = False

    def _untyped_change(self) -> None:
        """``data_changed`` emitted by code that does not say what changed: all of it."""
        if not self._announcing:
            self.changed.emit(Changes.all())

    def may_replace_data(self, reason: str = "") -> bool:
        """Before a restore or an import (``reason``: RESTORE_REASON, IMPORT_REASON)
        replaces data: ``True`` once nothing holds the data that is replaced (no routine
        or walk runs, no screen is open over the pages; the window asks or says so).
        Without a window, always ``True``."""
        return self.replace_guard(reason) if self.replace_guard is not None else True

    def update_settings(self, **changes: object) -> None:
        from stenosis_coach.services.settings_store import save_settings

        new = self.settings.with_changes(**changes)
        if new == self.settings:
            return
        self.settings = new
        try:
            save_settings(self.paths, new)
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
            if not self._settings_unsaved:  # said once, until saving works again
                self._settings_unsaved = True
                self.dialogs.warn(
                    _("Settings not kept"),
                    _(
                        "{problem} The change applies now, but the app will start with your "
                        "old settings next time."
                    ).format(problem=exc),
                )
        else:
            self._settings_unsaved = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, new)
        self.settings_changed.emit(new)

    def open_database(self) -> None:
        """Open the Coach on the user's data (checked, backed up, migrated) with this
        context's clock; raises the storage errors."""
        from stenosis_coach.services.coach import Coach

        self.coach = Coach.open(self.paths, clock=self.clock)
        self.database_ready.emit()
        self.announce(Changes.all())  # the pages show the data as it is now

    def close_database(self) -> None:
        if self.coach is not None:
            self.coach.close()
            self.coach = None
