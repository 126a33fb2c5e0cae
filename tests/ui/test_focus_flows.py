"""The keyboard focus survives a page's refresh and comes back after a flow (issue 14,
a keyboard-only walk-through): Ctrl+number on a page that catches up with a change, a
change while the focus is on the page, Enter on the rail, and the end of a form."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services.changes import Change, Changes
from stenosis_coach.services.walks import log_walk
from stenosis_coach.ui.walking.log_screen import LogWalkScreen
from stenosis_coach.ui.widgets import first_control

CTRL = Qt.KeyboardModifier.ControlModifier


def active(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def turn(qtbot) -> None:
    """The event loop turns, as it does in the app between two key presses."""
    QApplication.processEvents()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)
    turn(qtbot)


def press_page_key(window, qtbot, key: str) -> None:
    number = window.page_keys().index(key) + 1  # Ctrl+1 … Ctrl+7, in rail order
    press(qtbot, Qt.Key(Qt.Key.Key_0 + number), CTRL)


def in_page(window, key: str, widget) -> bool:
    page = window.page(key)
    return widget is not None and (widget is page or page.isAncestorOf(widget))


def usable_focus(window, key: str) -> None:
    """The focus is on a control of the page ``key`` that a user can see and act on: not
    on the page itself (no ring, Enter does nothing), the rail or a hidden widget."""
    widget = focused()
    assert in_page(window, key, widget), f"{key}: focus on {widget!r}"
    assert widget is not window.page(key), f"{key}: the focus is on the page, on no control"
    assert widget.isVisible() and widget.isEnabled()
    assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def two_walks(window) -> None:
    for day, minutes in ((date(2026, 2, 26), "12"), (date(2026, 2, 27), "15")):
        log_walk(
            window.context.coach.database,
            WalkForm(WalkKind.TRAINING, day, minutes, peak_leg_pain=2),
            window.context.clock.now(),
        )
    window.context.announce(Changes.all())


def delete_a_walk(window, qtbot) -> None:
    """On the Walk page: choose a walk in the table and press Del (the focus moves to Undo)."""
    page = window.open_page("walk")
    page.table.setFocus()
    page.table.selectRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert focused() is page.undo_bar.button


@pytest.mark.parametrize("key", ["today", "progress", "report"])
def test_a_page_key_focuses_a_control_of_a_page_that_catches_up_with_a_change(window, qtbot, key):
    """The tester's steps: Del on the Walk page, then Ctrl+1. Today was rebuilt as it was
    shown, and the focus was left on no control (no ring; Enter did nothing)."""
    two_walks(window)
    active(window, qtbot)
    window.open_page(key)  # the page is made, then left
    delete_a_walk(window, qtbot)
    assert window.page(key).follow.stale

    press_page_key(window, qtbot, key)

    assert window.current_key() == key and not window.page(key).follow.stale
    usable_focus(window, key)
    assert focused() is first_control(window.page(key))


def test_enter_after_a_page_key_starts_todays_first_item(window, qtbot):
    two_walks(window)
    active(window, qtbot)
    window.open_page("today")
    delete_a_walk(window, qtbot)
    press_page_key(window, qtbot, "today")
    start = focused()
    assert isinstance(start, QAbstractButton) and start.property("kind") == "primary"
    assert window.flow is None
    press(qtbot, Qt.Key.Key_Return)
    assert window.flow is not None  # Enter pressed the first Start button


def test_a_page_key_after_saving_a_hand_logged_walk_focuses_today(window, qtbot):
    active(window, qtbot)
    window.open_page("today")
    page = window.open_page("walk")
    page.log.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    screen = window.flow
    assert isinstance(screen, LogWalkScreen)
    fill_log(qtbot, screen)
    screen.save.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.flow is None and window.current_key() == "walk"
    press_page_key(window, qtbot, "today")
    usable_focus(window, "today")


def test_a_change_while_the_page_is_in_view_keeps_the_focus_on_the_same_control(window, qtbot):
    """Today rebuilds its cards for a change: the focus stays on the button of the same
    name (the new one), not lost with the old one."""
    active(window, qtbot)
    page = window.open_page("today")
    before = focused()
    name = before.accessibleName()
    assert name and in_page(window, "today", before)

    window.context.announce(Changes.of(Change.WALKS))
    turn(qtbot)

    usable_focus(window, "today")
    assert focused().accessibleName() == name
    assert page.follow.refreshes >= 1


def test_a_change_that_removes_the_focused_control_puts_the_focus_on_the_first_one(window, qtbot):
    active(window, qtbot)
    page = window.open_page("today")
    before = focused()
    before.setAccessibleName("A button the next refresh does not make again")
    window.context.announce(Changes.of(Change.WALKS))
    turn(qtbot)
    usable_focus(window, "today")
    assert focused() is first_control(page)


def test_a_change_leaves_the_focus_alone_when_it_is_elsewhere(window, qtbot):
    active(window, qtbot)
    window.open_page("today")
    rail = window.nav_button("walk")
    rail.setFocus()
    window.context.announce(Changes.of(Change.WALKS))
    turn(qtbot)
    assert focused() is rail


# -- the rail --------------------------------------------------------------------------
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_on_a_rail_button_opens_the_page_with_the_focus_in_it(window, qtbot, key):
    active(window, qtbot)
    window.open_page("today")
    window.nav_button("walk").setFocus()
    press(qtbot, key)
    page = window.page("walk")
    assert window.current_key() == "walk"
    assert focused() is page.start  # "Start the walk", as Ctrl+3 does
    press(qtbot, Qt.Key.Key_Tab)
    assert in_page(window, "walk", focused())  # Tab goes on through the page
    assert focused() is not page.start


def test_enter_on_the_rail_focuses_a_page_that_catches_up(window, qtbot):
    two_walks(window)
    active(window, qtbot)
    window.open_page("today")
    delete_a_walk(window, qtbot)
    window.nav_button("today").setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_key() == "today"
    usable_focus(window, "today")


def test_a_click_on_the_rail_leaves_the_focus_where_the_hand_is(window, qtbot):
    active(window, qtbot)
    window.open_page("today")
    qtbot.mouseClick(window.nav_button("walk"), Qt.MouseButton.LeftButton)
    turn(qtbot)
    assert window.current_key() == "walk"
    assert focused() is window.nav_button("walk")
    window.show_page("today")  # later, from the program: the focus stays put
    assert focused() is window.nav_button("walk")


# -- the end of a flow -----------------------------------------------------------------
def fill_log(qtbot, screen: LogWalkScreen) -> None:
    qtbot.keyClicks(screen.walking.edit, "20")
    screen.pain.setFocus()
    press(qtbot, Qt.Key.Key_Right)  # the worst leg pain, chosen with the arrows
    press(qtbot, Qt.Key.Key_Right)
    assert screen.pain.value() is not None


def open_log_walk(window, qtbot):
    page = window.open_page("walk")
    page.log.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    screen = window.flow
    assert isinstance(screen, LogWalkScreen)
    return page, screen


def test_cancelling_log_a_walk_gives_the_focus_back_to_its_button(window, qtbot):
    active(window, qtbot)
    page, screen = open_log_walk(window, qtbot)
    press(qtbot, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "walk"
    assert focused() is page.log
    screen = open_log_walk(window, qtbot)[1]
    screen.cancel.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.flow is None and focused() is page.log


def test_saving_log_a_walk_gives_the_focus_back_to_its_button(window, qtbot):
    active(window, qtbot)
    page, screen = open_log_walk(window, qtbot)
    fill_log(qtbot, screen)
    screen.save.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.flow is None and window.current_key() == "walk"
    assert page.model.rowCount() == 1
    assert focused() is page.log


def test_a_flow_from_today_comes_back_to_the_rebuilt_button_or_the_first_control(window, qtbot):
    """A flow started from Today's Start button ends on Today, which is rebuilt: the
    focus goes to the button of the same name, or the page's first control."""
    active(window, qtbot)
    page = window.open_page("today")
    press(qtbot, Qt.Key.Key_Return)
    assert window.flow is not None
    window.end_flow()
    turn(qtbot)
    active(window, qtbot)  # offscreen, the window may lose the activation as the check goes
    usable_focus(window, "today")
    assert focused() is first_control(page)


def test_a_flow_that_ends_on_another_page_focuses_its_first_control(window, qtbot):
    active(window, qtbot)
    window.open_page("today")
    window.page("progress")
    window.progress.log_day(back_to="progress")
    assert window.flow is not None
    press(qtbot, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "progress"
    usable_focus(window, "progress")
    assert focused() is first_control(window.page("progress"))


@pytest.mark.parametrize("opener", ["log_today", "add_treatment"])
def test_esc_on_a_progress_form_gives_the_focus_back_to_the_button_that_opened_it(
    window, qtbot, opener
):
    """The same for every form: the daily log and a treatment, opened from Progress."""
    active(window, qtbot)
    page = window.open_page("progress")
    button = getattr(page, opener)
    button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.flow is not None
    press(qtbot, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "progress"
    assert focused() is button
