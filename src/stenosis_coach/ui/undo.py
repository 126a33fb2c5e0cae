"""The one way a page deletes something and takes it back (issue 12).

A page that lists walks, daily logs or treatments puts an :class:`UndoBar` above its list
and deletes through it. The bar says, in words, what was deleted last ("The walk of Mon 4
May (20 min) was deleted.") beside an Undo button; Ctrl+Z on the page does the same. Every
delete is kept (:mod:`stenosis_coach.services.undo`), so each Undo brings back the next
newest one, also after the app was closed.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.services import undo as stack
from stenosis_coach.services.undo import Deleted, Kind
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.widgets import (  # re-exported: the undo shortcut is the widgets'
    SPACING,
    UNDO_KEYS,
    button,
    label,
)
from stenosis_coach.ui.widgets import (
    add_undo_shortcut as add_undo_shortcut,
)
from stenosis_coach.ui.writes import write, write_for

NOT_DELETED = N_("It was not deleted")  # shown as _(NOT_DELETED)
NOT_BROUGHT_BACK = N_("It was not brought back")


def more_deleted_text(kinds: frozenset[Kind], more: int) -> str:
    """What Undo does when ``more`` other deletes of ``kinds`` wait after the newest."""
    if kinds == {Kind.WALK}:
        return ngettext(
            "Undo brings it back. {n} more deleted walk can then be brought back, newest first.",
            "Undo brings it back. {n} more deleted walks can then be brought back, newest first.",
            more,
        ).format(n=more)
    if kinds == {Kind.LOG}:
        return ngettext(
            "Undo brings it back. {n} more deleted daily log can then be brought back, newest "
            "first.",
            "Undo brings it back. {n} more deleted daily logs can then be brought back, newest "
            "first.",
            more,
        ).format(n=more)
    if kinds == {Kind.TREATMENT}:
        return ngettext(
            "Undo brings it back. {n} more deleted treatment can then be brought back, newest "
            "first.",
            "Undo brings it back. {n} more deleted treatments can then be brought back, "
            "newest first.",
            more,
        ).format(n=more)
    return ngettext(
        "Undo brings it back. {n} more deleted item can then be brought back, newest first.",
        "Undo brings it back. {n} more deleted items can then be brought back, newest first.",
        more,
    ).format(n=more)


class UndoBar(QWidget):
    """What was deleted last, with an Undo button; hidden when nothing can be undone.

    Signals:
        restored(object): a delete was undone; the :class:`Deleted` item that came back.
    """

    restored = Signal(object)

    def __init__(self, context: AppContext, kinds: Collection[Kind]) -> None:
        super().__init__()
        self._context = context
        self.kinds = frozenset(kinds)
        self.top: Deleted | None = None
        self.text = label("")
        self.more = label("", "secondary")
        self.button = button(_("Undo"), _("Undo"), shortcut_hint=UNDO_KEYS)
        self.button.clicked.connect(self.undo)
        words = QVBoxLayout()
        words.setSpacing(SPACING // 2)
        words.addWidget(self.text)
        words.addWidget(self.more)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2 * SPACING)
        row.addLayout(words, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def refresh(self) -> None:
        """Show the newest delete that can be undone, or hide."""
        coach = self._context.coach
        found = coach.undo_stack(self.kinds) if coach is not None else []
        self.top = found[0] if found else None
        if self.top is None:
            self.setVisible(False)
            return
        self.text.setText(self.top.sentence())
        more = len(found) - 1
        self.more.setText(
            more_deleted_text(self.kinds, more)
            if more
            else ngettext(
                "Undo brings it back. A delete can be undone for {n} day.",
                "Undo brings it back. A delete can be undone for {n} days.",
                stack.KEEP_DAYS,
            ).format(n=stack.KEEP_DAYS)
        )
        self.button.setAccessibleName(self.top.undo_name())
        self.setVisible(True)

    def delete(self, kind: Kind, item_id: int) -> None:
        """Delete one item, undoably; the pages redraw and the Undo button takes the focus
        (so Space or Enter brings it straight back)."""
        if write(self._context, lambda coach: coach.delete(kind, item_id), _(NOT_DELETED)) is None:
            return
        self.refresh()  # also when this page does not follow this kind of change
        self.button.setFocus()
        _scroll_to(self)

    def undo(self) -> Deleted | None:
        """Bring back the newest delete this bar shows."""
        return undo_newest(self._context, self.kinds, [self])


def undo_newest(
    context: AppContext, kinds: Collection[Kind], bars: list[UndoBar]
) -> Deleted | None:
    """Bring back the newest delete of ``kinds``; the bar that showed it says so."""
    back = write_for(context, lambda coach: coach.undo(kinds), _(NOT_BROUGHT_BACK))
    if back is None:
        return None  # nothing to undo (Ctrl+Z does nothing), or it could not be done
    for bar in bars:
        bar.refresh()
    for bar in bars:
        if back.kind in bar.kinds:
            bar.restored.emit(back)
            break
    return back


def _scroll_to(widget: QWidget) -> None:
    """Pages scroll (large text): keep the bar that took the focus in view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget)
