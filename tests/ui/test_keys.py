"""Keys on screens without the rail: Ctrl/Alt/Meta never change a value; Enter presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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

    assert daily.logs(window.context.db)[0].log.leg_pain == 4


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
