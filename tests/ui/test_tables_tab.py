"""Tables and lists never trap Tab: Tab leaves them for the buttons below, the arrows move
from row to row, and a whole row is chosen (issue 12, keyboard walk-through)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
)


def walks_shown(window, clock):
    from stenosis_coach.services.demo import fill_demo

    fill_demo(window.context.coach.database, weeks=4, seed=3, now=clock.now())
    window.context.data_changed.emit()
    page = window.show_page("walk")
    assert page.model.rowCount() > 3
    return page


def test_tab_from_the_walks_table_reaches_correct_and_delete(window, qtbot, clock):
    page = walks_shown(window, clock)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.edit  # "Correct…", not the next cell
    qtbot.keyClick(page.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.delete
    qtbot.keyClick(page.delete, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.table


def test_shift_tab_from_the_walks_table_goes_back_out_of_it(window, qtbot, clock):
    page = walks_shown(window, clock)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    focused = QApplication.focusWidget()
    assert focused is not page.table and not page.table.isAncestorOf(focused)


def test_arrows_move_the_chosen_walk_row_by_row(window, qtbot, clock):
    page = walks_shown(window, clock)
    page.table.setFocus()
    assert page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 2
    chosen = page.table.selectionModel().selectedRows()
    assert [index.row() for index in chosen] == [2]  # the whole row, only that one
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [1]


def in_combo_box(view) -> bool:
    """A combo box's drop-down list, or a date box's calendar: a grid of days, whose keys
    are Qt's and tested with the date box (tests/ui/test_inputs_keys.py)."""
    parent = view.parentWidget()
    while parent is not None and not isinstance(parent, QComboBox | QCalendarWidget):
        parent = parent.parentWidget()
    return parent is not None


def test_every_table_and_list_lets_tab_leave_and_chooses_whole_rows(window, clock):
    """The same for every page's lists (walks, daily logs, treatments, exercises, the
    therapist's routines and steps): one shared helper sets them up."""
    walks_shown(window, clock)
    views = []
    for key in window.page_keys():
        page = window.show_page(key)
        views += [
            (key, v)
            for v in page.findChildren(QAbstractItemView)
            if not isinstance(v, QHeaderView) and not in_combo_box(v)
        ]
    assert {key for key, _ in views} >= {"walk", "progress", "exercises", "therapist"}
    for key, view in views:
        name = f"{key}: {view.accessibleName()}"
        assert not view.tabKeyNavigation(), name
        assert view.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows, name
        assert view.selectionMode() is QAbstractItemView.SelectionMode.SingleSelection, name
