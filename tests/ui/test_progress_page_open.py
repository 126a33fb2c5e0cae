"""The Progress page opens fast (issue 14) and still shows everything: a plot's curves are
made when its view is first shown, "Show the numbers" makes its table when first asked,
and nothing a user sees, reads with the keyboard or hears changes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget

from stenosis_coach.core.daily import DailyLog
from stenosis_coach.services import daily
from stenosis_coach.ui.progress.plot import SKY, VIEWS


def save_logs(window, first: date, days: int) -> None:
    now = window.context.clock.now()
    for n in range(days):
        log = DailyLog(first + timedelta(days=n), leg_pain=2 + n % 3, back_pain=4)
        daily.save_log(window.context.coach.database, log, now)
    window.context.data_changed.emit()


def curve_data(page, path: str) -> tuple[list[float], list[float]]:
    item, _style = page.plot._curves[path]
    xs, ys = item.getData()
    return [float(x) for x in xs], [float(y) for y in ys]


def test_a_view_first_shown_later_draws_its_data_in_the_current_theme(window):
    save_logs(window, date(2026, 2, 20), 5)
    page = window.show_page("progress")
    pain = next(i for i, view in enumerate(VIEWS) if view.key == "pain")
    assert "pain.leg" not in page.plot._curves  # not made before it is shown
    save_logs(window, date(2026, 2, 25), 2)  # more data, then the theme changes
    window.context.update_settings(high_contrast=True)
    page.view_buttons[pain].click()
    assert page.plot.title.text() == VIEWS[pain].title
    xs, ys = curve_data(page, "pain.leg")
    assert xs == [p.x for p in page.data.pain.leg.points] and len(xs) == 7
    assert ys == [p.y for p in page.data.pain.leg.points]
    item, _style = page.plot._curves["pain.leg"]
    assert item.opts["pen"].color().name().lower() == SKY.lower()  # on black: sky blue
    assert item.isVisible() and not page.plot._curves["tolerance"][0].isVisible()
    assert "leg" in page.plot.key.text() and page.plot.key.isVisible()
    page.view_buttons[0].click()  # back to the walking tests: the pain curves hide
    assert not item.isVisible()


def test_the_numbers_table_is_made_when_asked_for_and_is_next_with_tab(window):
    save_logs(window, date(2026, 2, 20), 5)
    page = window.show_page("progress")
    page.view_buttons[2].click()  # pain
    plot = page.plot
    assert page.findChildren(QTableWidget) == []  # nothing to make until it is asked for
    show = plot.numbers_button
    show.setFocus()
    QApplication.processEvents()
    QTest.keyClick(show, Qt.Key.Key_Space)
    numbers = plot.numbers
    assert numbers.isVisible() and numbers.rowCount() == 5
    assert numbers.accessibleName().startswith("The numbers of the plot: Leg and back pain")
    assert numbers.item(0, 0).text() == "Tue 24 Feb"  # newest first
    QTest.keyClick(show, Qt.Key.Key_Tab)  # the table comes right after its button
    assert QApplication.focusWidget() is numbers
    QTest.keyClick(numbers, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is show
    QTest.keyClick(show, Qt.Key.Key_Space)
    assert not numbers.isVisible() and show.text().startswith("Show")
