"""'This hurts' over a live routine, with Qt's deferred deletes really run (issue 12, H9).

In the real app the event loop deletes what ``deleteLater`` marked as soon as control
returns to it; these tests run those deletes after every step (``flush``), so a screen
dropped while a routine still uses it shows up here as it would for the patient.
"""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.exercises.screens import HurtScreen, PlayerScreen, RatingsScreen
from stenosis_coach.ui.safety.screens import QuestionScreen


def flush() -> None:
    """What the event loop does between two key presses: run the deferred deletes."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def start(window, qtbot):
    page = window.show_page("exercises")
    qtbot.mouseClick(page.routine_buttons["gentle-start"][0], Qt.MouseButton.LeftButton)
    flush()
    before = window.flow
    assert isinstance(before, RatingsScreen)
    qtbot.mouseClick(before.leg.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.back.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.go, Qt.MouseButton.LeftButton)
    flush()
    player = window.flow
    assert isinstance(player, PlayerScreen)
    return window.exercises, player


def advance(controller, clock, seconds: float) -> None:
    while seconds > 0:
        clock.advance(min(1.0, seconds))
        seconds -= 1.0
        flush()
        controller.tick()


def press_hurt(window, qtbot, player) -> HurtScreen:
    qtbot.keyClick(player, Qt.Key.Key_H)
    flush()
    hurt = window.flow
    assert isinstance(hurt, HurtScreen)
    return hurt


def answer(qtbot, hurt: HurtScreen, rating: int, spreading: bool, choice) -> None:
    qtbot.mouseClick(hurt.rating.buttons[rating], Qt.MouseButton.LeftButton)
    flush()
    qtbot.mouseClick(
        hurt.spreading_yes if spreading else hurt.spreading_no, Qt.MouseButton.LeftButton
    )
    flush()
    qtbot.mouseClick(getattr(hurt, choice), Qt.MouseButton.LeftButton)
    flush()


def nothing_left_running(window) -> None:
    controller = window.exercises
    assert window.running_session() is None
    assert not controller.timer.isActive()
    assert controller.heartbeat is None or not controller.heartbeat.running
    repo = SessionRepository(window.context.coach.database)
    assert all(s.end_reason is not None for s in repo.recent(10, kind="routine"))


@pytest.mark.parametrize("leave", ["button", "esc"])
def test_back_from_this_hurts_finds_the_paused_routine_alive(window, qtbot, clock, cues, leave):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    hurt = press_hurt(window, qtbot, player)
    advance(controller, clock, 3)  # the routine's timer fires while the question is open
    if leave == "button":
        qtbot.mouseClick(hurt.back_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(hurt, Qt.Key.Key_Escape)
    flush()
    assert window.flow is player and player.isVisible()
    advance(controller, clock, 2)
    assert player.segment.text() == "Paused"
    qtbot.keyClick(player, Qt.Key.Key_Space)  # carry on
    flush()
    advance(controller, clock, 2)
    assert player.segment.text() != "Paused" and player.countdown.text()
    assert controller.running


def test_carry_on_carefully_goes_on_with_the_routine_to_its_end(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    answer(qtbot, press_hurt(window, qtbot, player), 2, False, "carry_on")
    assert window.flow is player
    advance(controller, clock, 2)
    assert player.segment.text() != "Paused" and player.title.text() == "Pelvic tilt, lying"
    advance(controller, clock, 400)
    after = window.flow
    assert isinstance(after, RatingsScreen)
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    flush()
    assert window.flow is None
    nothing_left_running(window)


def test_skip_after_this_hurts_goes_on_with_the_next_exercise(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    answer(qtbot, press_hurt(window, qtbot, player), 4, False, "skip_button")
    assert window.flow is player
    advance(controller, clock, 2)
    assert player.title.text() == "One knee to chest"
    assert player.segment.text() != "Paused"


def test_stop_after_this_hurts_ends_the_routine_and_nothing_runs_on(
    window, qtbot, clock, dialogs, cues
):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    answer(qtbot, press_hurt(window, qtbot, player), 3, False, "stop_button")
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text() == "Routine stopped"
    advance(controller, clock, 5)  # no timer writes into the player the ratings replaced
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    flush()
    assert window.flow is None
    nothing_left_running(window)
    # Closing the window now asks nothing: no hidden routine is "running".
    window.close()
    assert not [t for t in dialogs.titles() if "Stop the routine" in t]


def test_severe_pain_leads_to_the_safety_check_with_every_screen_alive(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    answer(qtbot, press_hurt(window, qtbot, player), 8, False, "stop_button")
    after = window.flow
    assert isinstance(after, RatingsScreen)
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    flush()
    assert isinstance(window.flow, QuestionScreen)
    advance(controller, clock, 3)
    nothing_left_running(window)


def test_this_hurts_twice_then_back_each_time(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    for _ in range(3):
        hurt = press_hurt(window, qtbot, player)
        advance(controller, clock, 1)
        qtbot.keyClick(hurt, Qt.Key.Key_Escape)
        flush()
        assert window.flow is player
        advance(controller, clock, 1)
    answer(qtbot, press_hurt(window, qtbot, player), 1, False, "carry_on")
    advance(controller, clock, 3)
    assert player.segment.text() != "Paused"


def test_a_routine_whose_player_is_closed_under_it_is_stopped_not_left_running(
    window, qtbot, clock, dialogs, cues
):
    controller, _player = start(window, qtbot)
    advance(controller, clock, 20)
    window.end_flow()  # another screen ends the flow the routine was shown in
    flush()
    advance(controller, clock, 3)  # a tick that was already due finds no player
    nothing_left_running(window)
    [session] = SessionRepository(window.context.coach.database).recent(1, kind="routine")
    assert session.end_reason.value == "stopped"
    window.close()
    assert not [t for t in dialogs.titles() if "Stop the routine" in t]


def test_a_screen_two_deep_over_the_player_keeps_it_alive(window, qtbot, clock, cues):
    """The mechanism, not only one level: whatever is shown over a live flow screen, the
    screens under it stay alive until the flow comes back down to them or ends."""
    from stenosis_coach.ui.widgets import PageBase

    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    hurt = press_hurt(window, qtbot, player)
    window.show_flow(PageBase())  # anything shown over This hurts
    flush()
    advance(controller, clock, 2)
    window.show_flow(hurt)
    flush()
    assert window.flow is hurt
    qtbot.keyClick(hurt, Qt.Key.Key_Escape)
    flush()
    assert window.flow is player
    qtbot.keyClick(player, Qt.Key.Key_Space)
    flush()
    advance(controller, clock, 2)
    assert player.segment.text() != "Paused"
