"""Keys on screens without the rail: Ctrl/Alt/Meta never change a value; Enter presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from stenosis_coach.core.today import LOG_ACTION
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
META = Qt.KeyboardModifier.MetaModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def open_daily_log(window) -> DailyLogScreen:
    window.today.action_requested.emit(LOG_ACTION)
    screen = window.flow
    assert isinstance(screen, DailyLogScreen)
    assert not window.rail.isVisible()  # the rail's Ctrl+1…7 do not apply here
    return screen


@pytest.mark.parametrize("modifier", [CTRL, ALT, META, CTRL | ALT])
def test_digits_with_a_modifier_never_change_a_rating(window, qtbot, modifier):
    screen = open_daily_log(window)
    qtbot.mouseClick(screen.leg.buttons[4], Qt.MouseButton.LeftButton)
    screen.leg.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_7, Qt.Key.Key_0, Qt.Key.Key_Left, Qt.Key.Key_Right):
        qtbot.keyClick(screen.leg, key, modifier=modifier)
    assert screen.leg.value() == 4
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    from stenosis_coach.services import daily

    assert daily.logs(window.context.coach.database)[0].log.leg_pain == 4


def test_plain_and_keypad_digits_still_choose(window, qtbot):
    screen = open_daily_log(window)
    screen.back.setFocus()
    qtbot.keyClick(screen.back, Qt.Key.Key_6)
    assert screen.back.value() == 6
    screen.back.setFocus()
    qtbot.keyClick(screen.back, Qt.Key.Key_3, modifier=KEYPAD)
    assert screen.back.value() == 3
    qtbot.keyClick(screen.back, Qt.Key.Key_Right)
    assert screen.back.value() == 4


@pytest.mark.parametrize("modifier", [CTRL, ALT, META])
def test_up_and_down_with_a_modifier_never_change_a_number(window, qtbot, modifier):
    screen = open_daily_log(window)
    screen.opioid.set_text("2")
    screen.opioid.edit.setFocus()
    qtbot.keyClick(screen.opioid.edit, Qt.Key.Key_Up, modifier=modifier)
    assert screen.opioid.text() == "2"
    qtbot.keyClick(screen.opioid.edit, Qt.Key.Key_Down, modifier=modifier)
    assert screen.opioid.text() == "2"
    qtbot.keyClick(screen.opioid.edit, Qt.Key.Key_Up)
    assert screen.opioid.text() == "3"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_presses_the_focused_button_on_a_real_page(window, qtbot, key):
    from stenosis_coach.ui.walking.log_screen import LogWalkScreen

    page = window.show_page("walk")
    page.log.setFocus()
    modifier = KEYPAD if key == Qt.Key.Key_Enter else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(page.log, key, modifier=modifier)
    assert isinstance(window.flow, LogWalkScreen)
    screen = window.flow
    screen.cancel.setFocus()
    qtbot.keyClick(screen.cancel, key, modifier=modifier)  # Cancel, on a screen without rail
    assert window.flow is None


def test_enter_presses_once_even_with_several_windows(make_window, qtbot):
    window = make_window()
    make_window(open_data=False)  # a second window: the filter is not installed twice
    page = window.show_page("walk")
    presses = []
    page.log.clicked.connect(lambda: presses.append(1))
    qtbot.keyClick(page.log, Qt.Key.Key_Return)
    assert presses == [1]


def test_enter_with_ctrl_or_in_a_text_box_presses_nothing(window, qtbot):
    from stenosis_coach.services import walks

    page = window.show_page("walk")
    qtbot.keyClick(page.log, Qt.Key.Key_Return, modifier=CTRL)
    assert window.flow is None
    qtbot.keyClick(page.log, Qt.Key.Key_Return)
    screen = window.flow
    qtbot.keyClicks(screen.walking.edit, "20")
    qtbot.keyClick(screen.walking.edit, Qt.Key.Key_Return)
    qtbot.keyClick(screen.notes, Qt.Key.Key_Return)
    assert window.flow is screen and walks.history(window.context.coach.database) == []
    screen.walking.set_text("6,5")
    qtbot.keyClick(screen.walking.edit, Qt.Key.Key_Up)
    assert screen.walking.text() == "7,5"  # the step keeps the decimal comma typed


def test_enter_in_a_dialog_presses_the_focused_button_once(window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "Delete?", "Delete this walk?", parent=window)
    keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
    delete = box.addButton("Delete", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    clicks = []
    keep.clicked.connect(lambda: clicks.append("keep"))
    delete.clicked.connect(lambda: clicks.append("delete"))
    box.show()
    delete.setFocus()
    qtbot.keyClick(delete, Qt.Key.Key_Return, modifier=CTRL)
    assert clicks == [] and box.isVisible()  # Ctrl+Enter presses nothing, here too
    qtbot.keyClick(delete, Qt.Key.Key_Return)
    assert clicks == ["delete"] and box.clickedButton() is delete


def test_ctrl_digits_on_the_ratings_before_a_routine_change_nothing(window, qtbot):
    from stenosis_coach.ui.exercises.screens import RatingsScreen

    page = window.show_page("exercises")
    start_button, _choose = next(iter(page.routine_buttons.values()))
    qtbot.mouseClick(start_button, Qt.MouseButton.LeftButton)
    before = window.flow
    assert isinstance(before, RatingsScreen) and not window.rail.isVisible()
    qtbot.mouseClick(before.leg.buttons[2], Qt.MouseButton.LeftButton)
    for number in range(1, 8):  # the rail's page keys, Ctrl+1 … Ctrl+7
        qtbot.keyClick(before.leg.buttons[2], Qt.Key.Key_0 + number, modifier=CTRL)
    assert before.leg.value() == 2 and before.back.value() is None
    assert window.flow is before


@pytest.mark.parametrize("modifier", [CTRL, ALT, META])
def test_space_with_a_modifier_ticks_no_box_and_presses_no_button(window, qtbot, modifier):
    page = window.show_page("settings")
    was = page.contrast.isChecked()
    page.contrast.setFocus()
    qtbot.keyClick(page.contrast, Qt.Key.Key_Space, modifier=modifier)
    assert page.contrast.isChecked() == was and window.context.settings.high_contrast == was
    today = window.show_page("today")
    start = next(b for b in today.findChildren(QPushButton) if b.isVisibleTo(today))
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Space, modifier=modifier)
    assert window.flow is None and window.current_key() == "today"
    page = window.show_page("settings")
    page.contrast.setFocus()
    qtbot.keyClick(page.contrast, Qt.Key.Key_Space)  # plain Space still ticks
    assert page.contrast.isChecked() != was


@pytest.mark.parametrize("modifier", [CTRL, ALT, META])
def test_steps_with_a_modifier_move_no_slider_and_no_choice(window, qtbot, modifier):
    page = window.show_page("settings")
    volume, size = page.volume.value(), page.size_group.checkedId()
    chosen = page.size_group.checkedButton()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_PageDown):
        page.volume.setFocus()
        qtbot.keyClick(page.volume, key, modifier=modifier)
        chosen.setFocus()
        qtbot.keyClick(chosen, key, modifier=modifier)
    assert page.volume.value() == volume and page.size_group.checkedId() == size
    assert window.context.settings.volume == volume
    qtbot.keyClick(page.volume, Qt.Key.Key_Home)  # without a modifier the keys still work
    assert page.volume.value() == 0


def test_alt_with_a_digit_types_nothing_but_alt_gr_still_types(window, qtbot):
    page = window.show_page("report")
    box = page.patient  # "Your name on the report"
    box.setFocus()
    for modifier in (ALT, META):
        qtbot.keyClick(box, Qt.Key.Key_1, modifier=modifier)
        qtbot.keyClick(box, Qt.Key.Key_Space, modifier=modifier)
    assert box.text() == ""
    qtbot.keyClick(box, Qt.Key.Key_At, modifier=CTRL | ALT)  # AltGr+Q on Windows: "@"
    qtbot.keyClicks(box, "Ann")
    assert box.text() == "@Ann"


def test_option_on_a_mac_still_types_letters(window, qtbot, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from stenosis_coach.ui import keys

    monkeypatch.setattr(keys, "_ON_A_MAC", True)  # Option is Alt to Qt, and types "é"
    page = window.show_page("report")
    page.patient.setFocus()
    typed = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Eacute, ALT, "é")
    QApplication.sendEvent(page.patient, typed)
    qtbot.keyClick(page.patient, Qt.Key.Key_1, modifier=CTRL)  # Cmd+1: a command
    assert page.patient.text() == "é"
