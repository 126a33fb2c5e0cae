"""On a walking test, needing to stop IS how the test ends: "I need to stop" (the button,
E, or the big button once symptoms came) ends it at once, with no question whose default
would carry on walking. The summary lets the patient correct the rest. Esc, easier to
press by mistake, still asks; a training walk asks as before (issue 12, a fresh-eyes tour)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.services import walks
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def start(window, qtbot, clock, kind: WalkKind = WalkKind.TEST):
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


def saved_walk(window, qtbot):
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    return walks.history(window.context.coach.database)[0].walk


def words(button) -> str:
    """A button's words without its key hint: "I need to stop   (E)" -> "I need to stop"."""
    return button.text().split("   ")[0]


def test_i_need_to_stop_ends_a_walking_test_at_once_without_a_question(
    window, qtbot, clock, cues, dialogs
):
    coach = start(window, qtbot, clock)
    screen = coach.screen
    assert words(screen.end) == "I need to stop"
    assert screen.end.accessibleName() == "I need to stop"  # the name says what is shown
    walk_for(coach, clock, 250)
    qtbot.mouseClick(screen.end, Qt.MouseButton.LeftButton)
    assert dialogs.shown == []  # nothing asked: the test ended when she needed to stop
    walk = saved_walk(window, qtbot)
    assert (
        walk.kind is WalkKind.TEST and walk.ended_by is WalkEnd.COMPLETED
    )  # a test ends when she needs to
    assert walk.total_walk_s == 250 and walk.tfs_s is None


def test_after_symptoms_the_big_button_and_e_end_the_test_at_once(
    window, qtbot, clock, cues, dialogs
):
    coach = start(window, qtbot, clock)
    walk_for(coach, clock, 200)
    qtbot.keyClick(coach.screen, Qt.Key.Key_S)  # symptoms starting
    walk_for(coach, clock, 100)
    assert coach.screen.main.accessibleName() == "I need to stop"
    qtbot.keyClick(coach.screen, Qt.Key.Key_E)
    assert dialogs.shown == []
    walk = saved_walk(window, qtbot)
    assert walk.tfs_s == 200 and walk.total_walk_s == 300


def test_esc_on_a_walking_test_still_asks_and_keep_walking_carries_on(
    window, qtbot, clock, cues, dialogs
):
    coach = start(window, qtbot, clock)
    walk_for(coach, clock, 60)
    dialogs.choices.append(0)  # "Keep walking"
    qtbot.keyClick(coach.screen, Qt.Key.Key_Escape)
    assert [kind for kind, *_ in dialogs.shown] == ["choose"]
    assert window.flow is coach.screen
    walk_for(coach, clock, 30)
    assert coach.screen.timer.text() == "1:30"


def test_a_training_walk_still_asks_before_it_ends(window, qtbot, clock, cues, dialogs):
    coach = start(window, qtbot, clock, WalkKind.TRAINING)
    assert words(coach.screen.end) == "End the walk"
    assert coach.screen.end.accessibleName() == "End the walk"
    walk_for(coach, clock, 60)
    dialogs.choices.append(0)  # "Keep walking"
    qtbot.mouseClick(coach.screen.end, Qt.MouseButton.LeftButton)
    assert dialogs.titles() == ["End the walk?"]
    assert window.flow is coach.screen
