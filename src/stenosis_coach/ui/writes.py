"""How the window writes, and how pages follow what was written (issue 14).

A write goes through :func:`write` (or :func:`write_for` when it also gives an answer):
it runs one of the Coach's write methods, shows an expected problem (a
:class:`~stenosis_coach.errors.UserError`: a full disk, a wrong value) in a calm box
with its own sentence, and announces the :class:`~stenosis_coach.services.changes.Changes`
on the context::

    changes = write(context, lambda coach: coach.choose_routine(rid), _("Not changed"))

A page follows the changes of the kinds it shows with :class:`Follow`: it refreshes
while it is in view, and only marks itself stale while hidden, to refresh once shown.
A refresh never leaves the keyboard focus on no control: what it built is shown at once
(so a page key that showed the page focuses its first control), and when it rebuilt the
control that had the focus, the focus goes to the new control of the same name, else to
the page's first control.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from stenosis_coach.errors import UserError, storage_error
from stenosis_coach.i18n import _
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.widgets import focus_again, focus_mark, settle

if TYPE_CHECKING:
    from stenosis_coach.services.coach import Coach

log = logging.getLogger(__name__)

T = TypeVar("T")


def write_for(
    context: AppContext, action: Callable[[Coach], tuple[T, Changes]], failed: str
) -> T | None:
    """Run ``action`` on the open coach; announce what it changed and return its answer.
    An expected problem (a :class:`UserError`, or a disk that is full, read-only or not
    allowed, told apart by :func:`errors.storage_error`) is shown under the title
    ``failed`` with its own sentence, and gives ``None``; so does having no data open.
    Anything else is a bug and is raised."""
    coach = context.coach
    if coach is None or coach.closed:
        return None
    try:
        answer, changes = action(coach)
    except UserError as exc:
        problem: UserError = exc
    except Exception as exc:  # a full or read-only disk is said; anything else is a bug
        found = _disk_problem(exc, coach.paths.db_file)
        if found is None:
            raise
        problem = found
    else:
        context.announce(changes)
        return answer
    log.warning("write not done: %s", problem.message)
    context.dialogs.warn(failed, problem.message)
    return None


def _disk_problem(exc: Exception, where: Path) -> UserError | None:
    """The sentence for a disk that refused a write (SQLite's or the system's error, also
    as the database layer wraps it); ``None`` for anything else (a bug, a form's
    ``ValueError``)."""
    import sqlite3  # the database's driver, loaded with the data (after the first paint)

    orig = getattr(exc, "orig", None)
    if not isinstance(exc, (OSError, sqlite3.Error)) and not isinstance(orig, sqlite3.Error):
        return None
    return storage_error(exc, _("nothing was changed"), where)


def write(context: AppContext, action: Callable[[Coach], Changes], failed: str) -> Changes | None:
    """Run ``action`` (a Coach write method) and announce its changes; ``None`` when it
    could not be done (the problem was shown under the title ``failed``)."""
    return write_for(context, lambda coach: (changes := action(coach), changes), failed)


class Follow(QObject):
    """Keeps a page up to date with the data, for the kinds of change it shows.

    A change of one of ``kinds`` (or the data opened or replaced) calls ``refresh`` at
    once while the page is visible; while it is hidden (another page, a flow over the
    pages) the page is only marked :attr:`stale` and refreshed when next shown, in the
    same step that shows it (before a page key puts the focus on it).

    The focus is kept: what the refresh added is shown at once (Qt would show it only
    when the event loop turns), and if the focus was on a control of the page that the
    refresh removed or hid (a card built again), it goes to the control made again in its
    place (same class and name), else to the page's first control."""

    def __init__(
        self,
        page: QWidget,
        context: AppContext,
        kinds: Collection[Change],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(page)
        self._page = page
        self.kinds = frozenset(kinds)
        self._refresh = refresh
        self.stale = False
        self.refreshes = 0  # how many times the page was refreshed for a change
        context.changed.connect(self._changed)  # the data opened or replaced: all of it
        page.installEventFilter(self)

    def _changed(self, changes: Changes) -> None:
        if not changes.touches(self.kinds):
            return
        if self._page.isVisible():
            self.refresh()
        else:
            self.stale = True

    def refresh(self) -> None:
        self.stale = False
        self.refreshes += 1
        mark = focus_mark(self._page)
        self._refresh()
        settle(self._page)
        if mark is not None and not mark.still_there() and self._page.isVisible():
            focus_again(mark, self._page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.refresh()
        return False
