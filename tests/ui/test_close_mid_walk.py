"""A walk stopped by closing the window is not lost: the next start offers it back, asks
its leg pain like any ended walk, and a walking test stopped this way is kept as a walk,
not as a test result (issue 12)."""

from datetime import timedelta

from PySide6.QtCore import Qt

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.services import walks
from stenosis_coach.services.status import build_status
from stenosis_coach.ui.app import resume_kept_walks
from stenosis_coach.ui.cues import FakeCuePlayer
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen

OFFER = "A walk was not saved yet"


def baseline_test(window, clock):
    """A walking test yesterday: the next walk is a training walk."""
    day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
    walks.log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3),
        clock.now(),
    )
    window.context.data_changed.emit()


def walk_then_close(make_window, qtbot, clock, dialogs, seconds, training=True):
    window = make_window()
    window._cues = cues = FakeCuePlayer(strict=True)
    if training:
        baseline_test(window, clock)
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkCoachScreen)
    coach = window.walking.coach
    clock.advance(seconds)
    coach.tick()
    dialogs.choices.append(1)  # "Stop and close"
    assert window.close()
    return cues


def offers(dialogs):
    return [text for _kind, title, text in dialogs.shown if title == OFFER]


def rate_and_save(window, qtbot, pain=2):
    resume_kept_walks(window)
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[pain], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)


def test_a_walk_stopped_by_closing_is_offered_at_the_next_start_and_kept_as_stopped(
    make_window, qtbot, clock, dialogs
):
    walk_then_close(make_window, qtbot, clock, dialogs, 90)
    dialogs.choices.append(0)  # "Keep it"
    again = make_window()
    [offer] = offers(dialogs)
    assert "Your walk on Mon 2 Mar at" in offer and "1:30 min" in offer
    assert offer.endswith("Keep it / Discard it")
    rate_and_save(again, qtbot, pain=2)
    walk = walks.history(again.context.coach.database)[0].walk
    assert walk.total_walk_s == 90 and walk.kind is WalkKind.TRAINING
    assert walk.ended_by is WalkEnd.STOPPED and walk.peak_leg_pain == 2
    dialogs.shown.clear()
    make_window()  # kept: not offered again
    assert offers(dialogs) == []


def test_a_walking_test_stopped_by_closing_is_kept_as_a_walk_not_a_test_result(
    make_window, qtbot, clock, dialogs
):
    cues = walk_then_close(make_window, qtbot, clock, dialogs, 120, training=False)
    assert "walk_complete" not in cues.played  # nothing says "well done" as it closes
    dialogs.choices.append(0)  # "Keep it"
    again = make_window()
    [offer] = offers(dialogs)
    assert "Your walking test on Mon 2 Mar" in offer
    assert "not a test result" in offer and "still due" in offer
    rate_and_save(again, qtbot, pain=1)
    [stored] = walks.history(again.context.coach.database)
    assert stored.walk.total_walk_s == 120 and stored.walk.kind is WalkKind.TRAINING
    assert stored.walk.ended_by is WalkEnd.STOPPED
    assert build_status(again.context.coach.database, clock.now()).next_walk.kind is WalkKind.TEST


def test_a_walk_stopped_by_closing_can_be_discarded_at_the_next_start(
    make_window, qtbot, clock, dialogs
):
    walk_then_close(make_window, qtbot, clock, dialogs, 60)
    dialogs.choices += [1, 0]  # "Discard it", then "Discard it" again to confirm
    again = make_window()
    assert len(offers(dialogs)) == 1 and dialogs.titles()[-1] == "Discard this walk?"
    assert again.context.kept_walks == []
    assert len(walks.history(again.context.coach.database)) == 1  # only the baseline test
    dialogs.shown.clear()
    make_window()
    assert offers(dialogs) == []


def test_a_kept_walk_whose_summary_was_not_saved_is_offered_again(
    make_window, qtbot, clock, dialogs
):
    walk_then_close(make_window, qtbot, clock, dialogs, 75)
    dialogs.choices.append(0)  # "Keep it"
    again = make_window()
    resume_kept_walks(again)
    assert isinstance(again.flow, WalkSummaryScreen)
    assert again.close()  # closed at the summary: nothing asked, nothing lost
    dialogs.shown.clear()
    dialogs.choices.append(0)
    third = make_window()
    [offer] = offers(dialogs)
    assert "1:15 min" in offer
    rate_and_save(third, qtbot, pain=4)
    assert walks.history(third.context.coach.database)[0].walk.total_walk_s == 75


def test_leaving_the_summary_of_a_kept_walk_without_saving_is_not_asked_again(
    make_window, qtbot, clock, dialogs
):
    walk_then_close(make_window, qtbot, clock, dialogs, 75)
    dialogs.choices.append(0)  # "Keep it"
    again = make_window()
    resume_kept_walks(again)
    summary = again.flow
    dialogs.choices.append(1)  # "Leave without saving"
    qtbot.mouseClick(summary.leave, Qt.MouseButton.LeftButton)
    assert again.flow is None
    assert len(walks.history(again.context.coach.database)) == 1
    dialogs.shown.clear()
    make_window()
    assert offers(dialogs) == []


def test_a_walking_test_ended_then_closed_at_its_summary_keeps_its_result(
    make_window, qtbot, clock, dialogs
):
    window = make_window()
    window._cues = FakeCuePlayer(strict=True)
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    clock.advance(300)
    coach.tick()
    qtbot.mouseClick(coach.screen.end, Qt.MouseButton.LeftButton)  # "I need to stop": ends
    assert isinstance(window.flow, WalkSummaryScreen)
    dialogs.choices.append(1)  # "Stop and close" before rating the pain
    assert window.close()
    dialogs.choices.append(0)  # "Keep it"
    again = make_window()
    [offer] = offers(dialogs)
    assert "Your walking test on Mon 2 Mar" in offer and "not a test result" not in offer
    rate_and_save(again, qtbot, pain=3)
    [stored] = walks.history(again.context.coach.database)
    assert stored.walk.kind is WalkKind.TEST and stored.walk.ended_by is WalkEnd.COMPLETED
    assert stored.walk.total_walk_s == 300


def test_a_walk_stopped_from_the_menu_is_offered_at_the_next_start_too(
    make_window, qtbot, clock, dialogs
):
    window = make_window()
    window._cues = FakeCuePlayer(strict=True)
    baseline_test(window, clock)
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    clock.advance(50)
    coach.tick()
    import_plan = next(
        a for a in window.menuBar().actions()[0].menu().actions() if "Import" in a.text()
    )
    dialogs.choices.append(1)  # "Stop"
    dialogs.paths.append(None)  # then no file chosen
    import_plan.trigger()
    assert window.flow is None and window.running_session() is None
    assert window.close()
    dialogs.choices.append(0)  # "Keep it"
    again = make_window()
    [offer] = offers(dialogs)
    assert "0:50 min" in offer
    rate_and_save(again, qtbot, pain=1)
    assert walks.history(again.context.coach.database)[0].walk.total_walk_s == 50


def test_a_walking_test_cut_short_by_a_crash_is_kept_as_a_walk_too(
    make_window, qtbot, clock, dialogs
):
    window = make_window()
    window._cues = FakeCuePlayer(strict=True)
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach  # a walking test
    clock.advance(100)
    coach.tick()
    coach.heartbeat.beat()
    coach.stop_timers()
    window.context.close_database()  # the app dies mid-test
    dialogs.choices.append(0)  # "Save it as ended at HH:MM"
    again = make_window()
    offer = next(text for _k, title, text in dialogs.shown if title == "A session was not finished")
    assert "not a test result" in offer and "still due" in offer
    rate_and_save(again, qtbot, pain=2)
    [stored] = walks.history(again.context.coach.database)
    assert stored.walk.kind is WalkKind.TRAINING and stored.walk.total_walk_s == 100
    assert build_status(again.context.coach.database, clock.now()).next_walk.kind is WalkKind.TEST
