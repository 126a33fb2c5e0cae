"""The walk coach says each thing once and truly (a tester, keyboard only): paused, one
"Resume (Space)" button, not two; "Walked … of 30 min" reads the same elapsed time as the
big timer; and "End the walk?" promises nothing the next screen can take back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def start(window, qtbot):
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkCoachScreen)
    return window.walking.coach


def shown_buttons(screen) -> list[str]:
    return [
        " ".join(b.text().split())
        for b in screen.findChildren(QPushButton)
        if b.isVisibleTo(screen)
    ]


def test_paused_shows_one_resume_button_and_space_resumes(window, qtbot, clock, cues):
    coach = start(window, qtbot)
    screen = coach.screen
    clock.advance(5)
    coach.tick()
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert screen.phase.text() == "Paused"
    texts = shown_buttons(screen)
    assert texts.count("Resume (Space)") == 1, texts
    assert " ".join(screen.main.text().split()) == "Resume (Space)" and screen.main.isEnabled()
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert screen.phase.text() != "Paused"
    assert "Pause (Space)" in shown_buttons(screen)
    assert "Resume (Space)" not in shown_buttons(screen)


def test_walked_so_far_reads_the_same_time_as_the_big_timer(window, qtbot, clock, cues):
    coach = start(window, qtbot)
    screen = coach.screen
    assert screen.kind is WalkKind.TEST  # its timer is all the walking so far
    for step in (1.6, 0.3, 58.8, 0.5, 659.9):
        clock.advance(step)
        coach.tick()
        timer = screen.timer.text()
        assert screen.progress_text.text().startswith(f"Walked {timer} min of 30 min"), (
            timer,
            screen.progress_text.text(),
        )


def test_ending_the_walk_promises_only_what_the_summary_does(window, qtbot, clock, dialogs, cues):
    coach = start(window, qtbot)
    clock.advance(30)
    coach.tick()
    dialogs.choices.append(1)  # "End the walk"
    qtbot.keyClick(coach.screen, Qt.Key.Key_Escape)
    question = dialogs.questions[-1]
    assert question.title == "End the walk?"
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    # The summary can leave without saving: the question must not say it is kept.
    assert summary.leave.isVisibleTo(summary) and "Leave without saving" in summary.leave.text()
    assert "kept" not in question.text
    assert "save" in question.text.lower()
