"""The walk's summary by keyboard (a tester's findings, 1024x700, extra-large text): Enter in
the boxes typed last (the metres, the notes) saves the walk, as the Save button does, and
the Save button shows that key beside its words, as the other screens' buttons do."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services import walks
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen

CTRL = Qt.KeyboardModifier.ControlModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def summary(window, qtbot, clock) -> WalkSummaryScreen:
    """A walking test: symptoms at 2:30, "I need to stop" at 5:00; its summary."""
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(1024, 700)
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    assert isinstance(window.flow, WalkCoachScreen) and coach.screen.kind is WalkKind.TEST
    for minutes in range(2):
        for _ in range(15):
            clock.advance(10)
            coach.tick()
        if minutes == 0:
            qtbot.keyClick(coach.screen, Qt.Key.Key_S)  # symptoms start
    qtbot.mouseClick(coach.screen.main, Qt.MouseButton.LeftButton)  # "I need to stop"
    screen = window.flow
    assert isinstance(screen, WalkSummaryScreen)
    return screen


def saved_walks(window):
    return walks.history(window.context.coach.database)


def rate(qtbot, screen: WalkSummaryScreen, value: int) -> None:
    screen.pain.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0 + value)
    assert screen.pain.value() == value


def test_enter_in_the_metres_box_saves_the_walk(window, qtbot, clock, cues):
    screen = summary(window, qtbot, clock)
    rate(qtbot, screen, 4)
    screen.distance.edit.setFocus()
    qtbot.keyClicks(screen.distance.edit, "800")
    qtbot.keyClick(screen.distance.edit, Qt.Key.Key_Return)
    assert window.flow is None  # back on the Walk page
    [walk] = saved_walks(window)
    assert walk.walk.peak_leg_pain == 4 and walk.walk.distance_m == Fraction(800)


def test_enter_in_the_notes_saves_the_walk_also_the_keypads_enter(window, qtbot, clock, cues):
    screen = summary(window, qtbot, clock)
    rate(qtbot, screen, 3)
    screen.notes.setFocus()
    qtbot.keyClicks(screen.notes, "cold wind")
    qtbot.keyClick(screen.notes, Qt.Key.Key_Enter, modifier=KEYPAD)
    assert window.flow is None
    [walk] = saved_walks(window)
    assert walk.walk.notes == "cold wind" and walk.walk.distance_m is None


def test_enter_before_the_pain_is_chosen_saves_nothing_and_goes_to_the_pain(
    window, qtbot, clock, cues
):
    screen = summary(window, qtbot, clock)
    screen.distance.edit.setFocus()
    qtbot.keyClicks(screen.distance.edit, "800")
    qtbot.keyClick(screen.distance.edit, Qt.Key.Key_Return)
    assert window.flow is screen and saved_walks(window) == []
    assert screen.hint.isVisible()  # "Choose a number from 0 to 10, then save."
    focused = QApplication.focusWidget()
    assert focused is not None and screen.pain.isAncestorOf(focused)  # where to answer
    assert screen.distance.text() == "800"  # nothing typed is lost


def test_enter_with_ctrl_in_a_box_saves_nothing(window, qtbot, clock, cues):
    screen = summary(window, qtbot, clock)
    rate(qtbot, screen, 4)
    for box in (screen.distance.edit, screen.notes):
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Return, modifier=CTRL)
    assert window.flow is screen and saved_walks(window) == []


def test_a_bad_distance_and_enter_says_what_is_wrong_and_keeps_the_walk(window, qtbot, clock, cues):
    screen = summary(window, qtbot, clock)
    rate(qtbot, screen, 4)
    screen.distance.edit.setFocus()
    qtbot.keyClicks(screen.distance.edit, "far")
    qtbot.keyClick(screen.distance.edit, Qt.Key.Key_Return)
    assert window.flow is screen and saved_walks(window) == []
    assert screen.error.isVisible() and screen.error.text()


def test_save_the_walk_shows_its_key(window, qtbot, clock, cues):
    screen = summary(window, qtbot, clock)
    assert screen.save.text() == "Save the walk   (Enter)"
    assert screen.save.accessibleName() == "Save the walk"  # the key is not read out as words
    assert screen.leave.text() == "Leave without saving   (Esc)"


def test_save_the_walk_shows_its_key_in_the_pseudo_locale(pseudo, window, qtbot, clock, cues):
    screen = summary(window, qtbot, clock)
    assert is_pseudo_wrapped(screen.save.text())  # the layout "{text}   ({key})": one message
    assert "⟦Save the walk⟧" in screen.save.text() and "Enter" in screen.save.text()
