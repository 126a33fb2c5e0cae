"""How the window writes, and how pages follow what was written (issue 14).

A write goes through :func:`write` (or :func:`write_for` when it also gives an answer):
it runs one of the Coach's write methods, shows an expected problem (a
:class:`~stenosis_coach.errors.UserError`: a full disk, a wrong value) in a calm box
with its own sentence, and announces the :class:`~stenosis_coach.services.changes.Changes`
on the context::

    changes = write(context, lambda coach: coach.choose_routine(rid), _("Not changed"))

A page follows the changes of the kinds it shows with :class:`Follow`: it refreshes
while it is in view, and only marks itself stale while hidden, to refresh once shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from stenosis_coach.errors import UserError
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.ui.context import AppContext

if TYPE_CHECKING:
    from stenosis_coach.services.coach import Coach

log = logging.getLogger(__name__)

T = TypeVar("T")


def write_for(
    context: AppContext, action: Callable[[Coach], tuple[T, Changes]], failed: str
) -> T | None:
    """Run ``action`` on the open coach; announce what it changed and return its answer.
    An expected problem is shown under the title ``failed`` (its sentence as the text)
    and gives ``None``; so does having no data open."""
    coach = context.coach
    if coach is None or coach.closed:
        return None
    try:
        answer, changes = action(coach)
    except UserError as exc:
        log.warning("write refused: %s", exc.message)
        context.dialogs.warn(failed, exc.message)
        return None
    context.announce(changes)
    return answer


def write(context: AppContext, action: Callable[[Coach], Changes], failed: str) -> Changes | None:
    """Run ``action`` (a Coach write method) and announce its changes; ``None`` when it
    could not be done (the problem was shown under the title ``failed``)."""
    return write_for(context, lambda coach: (changes := action(coach), changes), failed)


class Follow(QObject):
    """Keeps a page up to date with the data, for the kinds of change it shows.

    A change of one of ``kinds`` (or the data opened or replaced) calls ``refresh`` at
    once while the page is visible; while it is hidden (another page, a flow over the
    pages) the page is only marked :attr:`stale` and refreshed when next shown."""

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
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.refresh()
        return False
