"""The walk summary's "Walked: …" says what the coach's last reading said: stopping at
95.6 s walked, the timer shows 1:35, and so does the summary (it said 1:36)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def test_the_summary_says_the_time_the_timer_showed_last(window, qtbot, clock, cues):
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    assert isinstance(window.flow, WalkCoachScreen) and coach.screen.kind is WalkKind.TEST
    for n in range(9):
        clock.advance(10)
        coach.tick()
        if n == 5:
            qtbot.keyClick(coach.screen, Qt.Key.Key_S)  # symptoms starting at 1:00
    clock.advance(5.6)
    coach.tick()
    screen = coach.screen
    assert screen.timer.text() == "1:35"
    assert screen.progress_text.text().startswith("Walked 1:35 min of ")
    qtbot.mouseClick(screen.main, Qt.MouseButton.LeftButton)  # "I need to stop": ends
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    assert summary.facts.text().split("\n")[0] == "Walked: 1:35 min"
    assert summary.intro.text() == "Test done. You walked 1:35 min before you needed to stop."
    assert "1 minute 35 seconds" in summary.facts.accessibleName()
