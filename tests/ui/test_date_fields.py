"""Every date box is one Tab stop (H19): Tab leaves the field instead of walking through its
day-name, day, month and year; the arrows and typing still change it, and Ctrl or Alt with
an arrow never changes a date (keys with Ctrl/Alt never change a value)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from stenosis_coach.ui.inputs import DateField


def focused():
    return QApplication.focusWidget()


def tab(qtbot, back: bool = False) -> None:
    if back:
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def test_tab_from_the_report_from_date_lands_on_the_to_date(window, qtbot):
    page = window.show_page("report")
    page.first.setFocus()
    assert focused() is page.first
    tab(qtbot)
    assert focused() is page.last
    tab(qtbot, back=True)
    assert focused() is page.first
    # Arriving by Shift+Tab, as by Tab, Up changes the day (not the year, not the day name)
    before = page.first.date()
    qtbot.keyClick(page.first, Qt.Key.Key_Up)
    assert page.first.date() == before.addDays(1)
    tab(qtbot)
    before = page.last.date()
    qtbot.keyClick(page.last, Qt.Key.Key_Down)
    assert page.last.date() == before.addDays(-1)
    tab(qtbot)
    assert focused() is not page.last  # on to the next control, not the "to" date's month


def test_tab_leaves_the_walk_date_and_the_treatment_date_at_once(window, qtbot):
    page = window.show_page("walk")
    qtbot.mouseClick(page.log, Qt.MouseButton.LeftButton)
    screen = window.flow
    screen.day.setFocus()
    tab(qtbot)
    assert focused() is screen.today_button
    tab(qtbot, back=True)
    assert focused() is screen.day
    screen.cancel.click()

    window.page("progress")
    treatment = window.progress.add_treatment()
    treatment.day.setFocus()
    tab(qtbot)
    assert focused() is treatment.note


def test_every_date_box_is_the_one_shared_date_field_with_a_name(window, qtbot):
    page = window.show_page("report")
    walk = window.show_page("walk")
    qtbot.mouseClick(walk.log, Qt.MouseButton.LeftButton)
    log = window.flow
    fields = [page.first, page.last, log.day]
    log.cancel.click()
    window.page("progress")
    fields.append(window.progress.add_treatment().day)
    for field in fields:
        assert isinstance(field, DateField)
        assert field.accessibleName()
        assert field.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_arrows_change_the_date_and_ctrl_or_alt_arrows_do_not(qtbot):
    field = DateField("Date of the walk")
    qtbot.addWidget(field)
    field.setDate(QDate(2026, 3, 10))
    field.show()
    field.setFocus()
    field.setCurrentSection(DateField.Section.DaySection)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.date() == QDate(2026, 3, 11)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.date() == QDate(2026, 3, 9)
    for modifier in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier):
        for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            if (key, modifier) != (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier):
                qtbot.keyClick(field, key, modifier)  # (Alt+Down opens the calendar)
    assert field.date() == QDate(2026, 3, 9)
    # Right moves to the next part of the date (the month): Up then changes the month
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.date() == QDate(2026, 4, 9)


def test_the_wheel_does_not_change_a_date_the_pointer_only_passes_over(qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    field = DateField("Report from date")
    qtbot.addWidget(field)
    field.setDate(QDate(2026, 3, 10))
    field.show()
    centre = QPointF(field.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(field.mapToGlobal(field.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(field, wheel)
    assert field.date() == QDate(2026, 3, 10)
    assert not wheel.isAccepted()  # passed on: the page scrolls instead
