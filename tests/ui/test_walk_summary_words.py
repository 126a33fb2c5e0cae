"""The end of a walk says what happened, truly (issue 12): a walking test ends when the
patient needs to stop, so its summary says what the test measured instead of "you
finished the walk"; a walk ended early never says it was finished."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import walks
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def start(window, qtbot, clock, kind: WalkKind):
    if kind is WalkKind.TRAINING:  # a test yesterday: today's walk is a training walk
        day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
        form = WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3)
        walks.log_walk(window.context.coach.database, form, clock.now())
        window.context.data_changed.emit()
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    assert isinstance(window.flow, WalkCoachScreen) and coach.screen.kind is kind
    return coach


def walk_for(coach, clock, seconds: int) -> None:
    for _ in range(seconds // 10):
        clock.advance(10)
        coach.tick()


def summary_of(window) -> WalkSummaryScreen:
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    return summary


def test_a_walking_test_ended_by_i_need_to_stop_says_what_it_measured(
    window, qtbot, clock, cues, dialogs
):
    coach = start(window, qtbot, clock, WalkKind.TEST)
    walk_for(coach, clock, 200)
    qtbot.keyClick(coach.screen, Qt.Key.Key_S)  # symptoms starting at 3:20
    walk_for(coach, clock, 200)
    qtbot.mouseClick(coach.screen.main, Qt.MouseButton.LeftButton)  # "I need to stop": ends
    intro = summary_of(window).intro.text()
    assert intro == "Test done. You walked 6:40 min before you needed to stop."
    assert "finished" not in intro and "Well done" not in intro
    # A screen reader says the time in words.
    assert summary_of(window).intro.accessibleName() == (
        "Test done. You walked 6 minutes 40 seconds before you needed to stop."
    )


def test_a_walking_test_that_reaches_its_30_minutes_says_so(window, qtbot, clock, cues):
    coach = start(window, qtbot, clock, WalkKind.TEST)
    walk_for(coach, clock, 1810)
    intro = summary_of(window).intro.text()
    assert intro == "Test done. You walked for the full 30 min."


def test_a_training_walk_ended_by_must_stop_never_says_finished(window, qtbot, clock, cues):
    coach = start(window, qtbot, clock, WalkKind.TRAINING)
    walk_for(coach, clock, 90)
    qtbot.mouseClick(coach.screen.stop, Qt.MouseButton.LeftButton)
    intro = summary_of(window).intro.text()
    assert "finished" not in intro and "Well done" not in intro
    assert intro.startswith("You stopped because something felt wrong.")


def test_a_training_walk_ended_early_never_says_finished(window, qtbot, clock, cues, dialogs):
    coach = start(window, qtbot, clock, WalkKind.TRAINING)
    walk_for(coach, clock, 90)
    dialogs.choices.append(1)  # "End the walk" asks first: yes, end it
    qtbot.mouseClick(coach.screen.end, Qt.MouseButton.LeftButton)
    intro = summary_of(window).intro.text()
    assert "finished" not in intro and "Well done" not in intro
    assert intro.startswith("The walk ended early.")


def test_a_training_walk_that_reaches_its_target_is_praised(window, qtbot, clock, cues):
    coach = start(window, qtbot, clock, WalkKind.TRAINING)
    for _bout in range(4):
        walk_for(coach, clock, 240)
        if isinstance(window.flow, WalkSummaryScreen):
            break
        walk_for(coach, clock, 60)
        qtbot.keyClick(coach.screen, Qt.Key.Key_R)
    assert summary_of(window).intro.text() == "Well done: you finished the walk."
