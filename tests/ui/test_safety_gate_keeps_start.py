"""The safety gate keeps what a start asked for while a check was waiting (DESIGN 5.5):
"Start the walk" with a check left for later asks that check first; once it ends with no
"yes", the walk starts (the button says "Go on", not "Back to Today"). A check left again,
or one with a "yes", starts nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.ui.safety.screens import AllClearScreen, QuestionScreen
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen


def leave_a_must_stop_check(window, qtbot):
    """A must-stop check (it cannot be put off) answered 'no' twice, then left."""
    window.safety._run_check(CheckTrigger.MUST_STOP)
    for _ in range(2):
        qtbot.mouseClick(window.flow.no, Qt.MouseButton.LeftButton)
    window.safety._postpone()
    assert window.flow is None


def start_the_walk(window, qtbot):
    window.show_page("walk")
    window.walking.start_walk()
    assert isinstance(window.flow, QuestionScreen)  # the waiting check comes first


def test_the_walk_starts_once_the_waiting_check_is_answered_no(window, qtbot, cues):
    leave_a_must_stop_check(window, qtbot)
    start_the_walk(window, qtbot)
    while isinstance(window.flow, QuestionScreen):
        qtbot.mouseClick(window.flow.no, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, AllClearScreen)
    assert window.flow.ok.text().startswith("Go on")
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkCoachScreen)


def test_a_check_left_again_starts_nothing(window, qtbot, cues):
    leave_a_must_stop_check(window, qtbot)
    start_the_walk(window, qtbot)
    window.safety._postpone()
    assert not isinstance(window.flow, WalkCoachScreen)
    # The next check, opened from the rail, ends on Today: no walk starts behind it.
    qtbot.mouseClick(window.new_symptoms, Qt.MouseButton.LeftButton)
    while isinstance(window.flow, QuestionScreen):
        qtbot.mouseClick(window.flow.no, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, AllClearScreen)
    assert window.flow.ok.text().startswith("Back to Today")
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)
    assert window.flow is None


def test_a_yes_in_the_waiting_check_starts_nothing(window, qtbot, cues):
    leave_a_must_stop_check(window, qtbot)
    start_the_walk(window, qtbot)
    urgent = next(i for i, q in enumerate(QUESTIONS) if q.level.name == "URGENT")
    while isinstance(window.flow, QuestionScreen):
        index = window.safety._index
        button = window.flow.yes if index == urgent else window.flow.no
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)  # the advice, read
    assert not isinstance(window.flow, WalkCoachScreen)
