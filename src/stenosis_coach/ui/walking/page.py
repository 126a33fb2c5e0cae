"""The Walk page: the next walk explained, logging walks done elsewhere, and the history."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QTableView

from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.i18n import _
from stenosis_coach.services.changes import RECORDED
from stenosis_coach.services.undo import Deleted, Kind
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.tables import fit_columns, rows_view
from stenosis_coach.ui.undo import UndoBar, add_undo_shortcut
from stenosis_coach.ui.walking.history_model import WalkHistoryModel
from stenosis_coach.ui.widgets import Card, PageBase, button, button_row, label
from stenosis_coach.ui.writes import Follow


class WalkPage(PageBase):
    """Signals:
    start_requested(): the user wants to start today's walk with the live coach.
    log_requested(): open the "log a walk" screen.
    edit_requested(int): correct the walk with this id.
    card_requested(): print the pocket card.
    """

    start_requested = Signal()
    log_requested = Signal()
    edit_requested = Signal(int)
    card_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__(_("Walking"))
        self._context = context

        self.next_card = Card(_("Your next walk"))
        self.due_text = label("")  # due today, or why not (DESIGN 5.7)
        self.next_text = label("")
        self.why_text = label("", "secondary")
        self.next_card.body.addWidget(self.due_text)
        self.next_card.body.addWidget(self.next_text)
        self.next_card.body.addWidget(self.why_text)
        self.start = button(_("Start the walk"), _("Start the walk with the coach"), "primary")
        self.card = button(_("Print a pocket card…"), _("Print a pocket card of this walk"))
        self.start.clicked.connect(self.start_requested)
        self.card.clicked.connect(self.card_requested)
        self.next_card.body.addLayout(button_row(self.start, self.card))
        # The rules behind the Why (H19): below the walk's buttons, so opening them never
        # pushes "Start the walk" out of view; a toggle that says its state.
        self.more = button(_("More about this plan"), _("More about this plan"))
        self.more.setCheckable(True)
        self.more.toggled.connect(self._show_details)
        self.details_text = label("", "secondary")
        self.details_text.setAccessibleName(_("More about this plan"))
        self.details_text.hide()
        self.next_card.body.addLayout(button_row(self.more))
        self.next_card.body.addWidget(self.details_text)
        self.column.addWidget(self.next_card)

        elsewhere = Card(_("Walked somewhere else?"))
        elsewhere.body.addWidget(
            label(
                _(
                    "Log a walk you did outdoors or away from the computer. It counts just "
                    "like a walk with the coach."
                )
            )
        )
        self.log = button(_("Log a walk…"), _("Log a walk done elsewhere"))
        self.log.clicked.connect(self.log_requested)
        elsewhere.body.addLayout(button_row(self.log))
        self.column.addWidget(elsewhere)

        history = Card(_("Your walks"))
        self.undo_bar = UndoBar(context, {Kind.WALK})
        self.undo_bar.restored.connect(self._restored)
        add_undo_shortcut(self, self.undo_bar.undo)
        history.body.addWidget(self.undo_bar)
        self.model = WalkHistoryModel()
        self.table = rows_view(QTableView())  # Tab goes on to Correct… and Delete
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Your walks, newest first"))
        self.table.verticalHeader().hide()
        # Every column whole at any text size, side by side: they share the width, the
        # titles and cells going on to a second line when the window is narrow.
        self.columns = fit_columns(self.table)
        self.table.setMinimumHeight(320)
        self.table.doubleClicked.connect(lambda _index: self._edit())
        self.empty = label(_("No walks yet. Your walks will be listed here."), "secondary")
        history.body.addWidget(self.empty)
        history.body.addWidget(self.table)
        self.edit = button(_("Correct…"), _("Correct the chosen walk"), shortcut_hint="Enter")
        self.delete = button(_("Delete"), _("Delete the chosen walk"), shortcut_hint="Del")
        self.edit.clicked.connect(self._edit)
        self.delete.clicked.connect(self._delete)
        history.body.addLayout(button_row(self.edit, self.delete))
        self.column.addWidget(history)
        self.column.addStretch(1)
        self.table.installEventFilter(self)

        self.follow = Follow(self, context, RECORDED, self.refresh)
        self.refresh()

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        coach = self._context.coach
        if coach is None:
            return
        from stenosis_coach.core.due import walk_status_line
        from stenosis_coach.core.today import walk_instruction
        from stenosis_coach.services.status import walk_headline

        walk = coach.next_walk()  # the same answer as Today's
        rx = walk.prescription
        self.next_card.title_label.setText(
            _("Your next walk: a walking test")
            if rx.kind is WalkKind.TEST
            else _("Your next walk: a training walk")
        )
        self.due_text.setText(walk_status_line(walk))
        self.next_text.setText(walk_instruction(walk_headline(rx)))  # the title names it
        self.why_text.setText(_("Why: {reason}").format(reason=rx.reason) if rx.reason else "")
        self.details_text.setText("\n\n".join(rx.details))
        self.more.setVisible(bool(rx.details))
        self._show_details(self.more.isChecked())
        walks = coach.walks()
        self.model.set_walks(walks)
        self.undo_bar.refresh()
        has = bool(walks)
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        self.edit.setEnabled(has)
        self.delete.setEnabled(has)
        if has and not self.table.selectionModel().hasSelection():
            self.table.selectionModel().select(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _show_details(self, shown: bool) -> None:
        shown = shown and bool(self.details_text.text())
        self.details_text.setVisible(shown)
        self.more.setText(_("Less about this plan") if shown else _("More about this plan"))
        self.more.setAccessibleDescription(
            _("The details are shown below.") if shown else _("The details are hidden.")
        )

    # -- acting -------------------------------------------------------------------------
    def _chosen(self):
        index = self.table.currentIndex()
        return self.model.walk_at(index.row()) if index.isValid() else None

    def _edit(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.edit_requested.emit(chosen.id)

    def _delete(self) -> None:
        """Delete the chosen walk at once: the bar above the list says which, and Undo
        (or Ctrl+Z) brings it back, as many times as there were deletes."""
        chosen = self._chosen()
        if chosen is None:
            return
        row = self.table.currentIndex().row()
        self.undo_bar.delete(Kind.WALK, chosen.id)
        if self.model.rowCount():  # the next walk down is chosen, ready for another delete
            self._select(min(row, self.model.rowCount() - 1))

    def _restored(self, back: Deleted) -> None:
        """Show the walk that came back: chosen in the list, which takes the focus."""
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.walk_at(r).id == back.item_id),
            None,
        )
        if row is not None:
            self._select(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.table.setFocus()

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._edit()
                return True
            # Ctrl/Alt+Delete is not a delete (keys with Ctrl or Alt never change data).
            if (
                event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                self._delete()
                return True
        return False
