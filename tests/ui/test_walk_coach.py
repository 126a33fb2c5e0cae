"""The live walk coach: bouts, rests, symptom taps, must stop, and a crash mid-walk."""

import sqlite3
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.services import walks
from stenosis_coach.ui.safety.screens import QuestionScreen
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def baseline_test(window, clock, symptoms="5"):
    """A walking test yesterday with symptoms at 5 min: the next walk is 4 min bouts."""
    day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
    walks.log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TEST, day, "8", symptoms, peak_leg_pain=3),
        clock.now(),
    )
    window.context.data_changed.emit()


def start(window, qtbot):
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkCoachScreen)
    return window.walking.coach


def advance(coach, clock, seconds):
    clock.advance(seconds)
    coach.tick()


def test_a_training_walk_runs_bout_rest_bout_with_the_last_bout_shortened(
    window, qtbot, clock, cues, paths
):
    baseline_test(window, clock)
    coach = start(window, qtbot)
    screen = coach.screen
    assert screen.phase.text() == "Bout 1: walk 4:00 min"
    assert cues.played == ["start_walking"]
    advance(coach, clock, 210)
    assert cues.played[-1] == "find_a_seat_soon"
    advance(coach, clock, 30)
    assert screen.phase.text().startswith("Rest 1")
    assert not screen.main.isEnabled()  # ready only after 60 s of rest
    advance(coach, clock, 60)
    assert screen.main.isEnabled()
    for _bout in range(3):
        qtbot.keyClick(screen, Qt.Key.Key_R)
        assert screen.phase.text().startswith("Bout")
        advance(coach, clock, 240)
        if isinstance(window.flow, WalkSummaryScreen):
            break
        advance(coach, clock, 60)
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    walk = walks.history(window.context.coach.database)[0].walk
    assert walk.total_walk_s == 900 and walk.rests == 3 and walk.peak_leg_pain == 2
    assert walk.kind is WalkKind.TRAINING and walk.ended_by is WalkEnd.COMPLETED
    assert "walk_complete" in cues.played
    conn = sqlite3.connect(paths.db_file)
    kinds = [r[0] for r in conn.execute("SELECT kind FROM session_event ORDER BY id")]
    conn.close()
    assert kinds.count("bout_ended") == 4 and kinds[-1] == "finished"
    assert window.current_key() == "walk"


def test_symptoms_starting_ends_the_bout_and_starts_a_rest(window, qtbot, clock, cues):
    baseline_test(window, clock)
    coach = start(window, qtbot)
    advance(coach, clock, 100)
    qtbot.keyClick(coach.screen, Qt.Key.Key_S)
    assert coach.screen.phase.text().startswith("Rest 1")
    assert cues.played[-1] == "time_to_rest"


def test_must_stop_saves_the_walk_then_asks_the_safety_questions(window, qtbot, clock, cues):
    baseline_test(window, clock)
    coach = start(window, qtbot)
    advance(coach, clock, 90)
    qtbot.mouseClick(coach.screen.stop, Qt.MouseButton.LeftButton)
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[8], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    assert walks.history(window.context.coach.database)[0].walk.ended_by is WalkEnd.MUST_STOP
    assert isinstance(window.flow, QuestionScreen)
    assert not window.flow.later.isVisibleTo(window.flow)


def test_pause_is_not_counted_as_walking(window, qtbot, clock, cues):
    baseline_test(window, clock)
    coach = start(window, qtbot)
    advance(coach, clock, 60)
    qtbot.keyClick(coach.screen, Qt.Key.Key_Space)
    advance(coach, clock, 500)
    qtbot.keyClick(coach.screen, Qt.Key.Key_Space)
    advance(coach, clock, 30)
    assert coach.screen.timer.text() == "1:30"


def test_a_walking_test_records_when_symptoms_start_and_ends_when_you_need_to_stop(
    window, qtbot, clock, cues
):
    coach = start(window, qtbot)  # no walks yet: the first walk is a test
    assert coach.screen.title.text() == "Walking test"
    advance(coach, clock, 200)
    qtbot.keyClick(coach.screen, Qt.Key.Key_S)
    advance(coach, clock, 100)
    qtbot.mouseClick(coach.screen.main, Qt.MouseButton.LeftButton)  # now "I need to stop"
    summary = window.flow
    qtbot.mouseClick(summary.pain.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    walk = walks.history(window.context.coach.database)[0].walk
    assert walk.kind is WalkKind.TEST and walk.tfs_s == 200 and walk.total_walk_s == 300


def test_a_walk_cut_short_by_a_crash_is_offered_back_and_its_pain_asked(
    make_window, qtbot, clock, dialogs, paths
):
    from stenosis_coach.ui.app import resume_kept_walks

    window = make_window()
    from stenosis_coach.ui.cues import FakeCuePlayer

    window._cues = FakeCuePlayer(strict=True)
    baseline_test(window, clock)
    coach = start(window, qtbot)
    advance(coach, clock, 125)
    coach.heartbeat.beat()
    coach.stop_timers()
    window.context.close_database()  # the app dies mid-walk

    dialogs.choices.append(0)  # "Save it as ended at HH:MM"
    again = make_window()
    assert len(again.context.kept_walks) == 1
    resume_kept_walks(again)
    summary = again.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    walk = walks.history(again.context.coach.database)[0].walk
    assert walk.total_walk_s == 125 and walk.kind is WalkKind.TRAINING


# -- ending a walk asks first; one button per action; a way back everywhere (issue 12) --


def test_ending_a_walk_asks_first_and_keep_walking_carries_on(window, qtbot, clock, dialogs, cues):
    baseline_test(window, clock)
    coach = start(window, qtbot)
    advance(coach, clock, 60)
    for press in (
        lambda: qtbot.mouseClick(coach.screen.end, Qt.MouseButton.LeftButton),
        lambda: qtbot.keyClick(coach.screen, Qt.Key.Key_E),
        lambda: qtbot.keyClick(coach.screen, Qt.Key.Key_Escape),
    ):
        dialogs.choices.append(0)  # "Keep walking"
        press()
        assert dialogs.shown[-1][1] == "End the walk?"
        assert window.flow is coach.screen
    advance(coach, clock, 30)
    assert coach.screen.timer.text() == "1:30"


def test_a_walk_ended_after_asking_keeps_the_time_of_the_press(window, qtbot, clock, dialogs, cues):
    coach = start(window, qtbot)  # a walking test
    advance(coach, clock, 200)
    qtbot.keyClick(coach.screen, Qt.Key.Key_S)
    advance(coach, clock, 100)

    def answer_late(*_args):
        clock.advance(20)  # the patient takes 20 s to answer
        return 1  # "End the walk"

    dialogs.choose = answer_late
    qtbot.keyClick(coach.screen, Qt.Key.Key_Escape)
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    qtbot.mouseClick(summary.pain.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    walk = walks.history(window.context.coach.database)[0].walk
    assert walk.total_walk_s == 300 and walk.tfs_s == 200


def test_the_walking_test_shows_i_need_to_stop_once(window, qtbot, clock, cues):
    coach = start(window, qtbot)
    screen = coach.screen

    def stop_buttons():
        return [
            b
            for b in screen.findChildren(QPushButton)
            if b.isVisibleTo(screen) and b.text().startswith("I need to stop")
        ]

    assert len(stop_buttons()) == 1
    advance(coach, clock, 100)
    qtbot.keyClick(screen, Qt.Key.Key_S)  # symptoms: the big button now says it
    advance(coach, clock, 1)
    assert stop_buttons() == [screen.main]


def test_the_walk_summary_can_be_left_after_asking(window, qtbot, clock, dialogs, cues):
    baseline_test(window, clock)
    coach = start(window, qtbot)
    advance(coach, clock, 90)
    dialogs.choices.append(1)
    qtbot.mouseClick(coach.screen.end, Qt.MouseButton.LeftButton)
    summary = window.flow
    assert summary.leave.isVisibleTo(summary) and "Esc" in summary.leave.text()
    dialogs.choices.append(0)  # "Go back to the walk"
    qtbot.keyClick(summary, Qt.Key.Key_Escape)
    assert dialogs.shown[-1][1] == "Leave without saving?" and window.flow is summary
    dialogs.choices.append(1)  # "Leave without saving"
    qtbot.mouseClick(summary.leave, Qt.MouseButton.LeftButton)
    assert window.flow is None and window.current_key() == "walk"
    assert len(walks.history(window.context.coach.database)) == 1  # only yesterday's test
    from stenosis_coach.core.sessions import EndReason
    from stenosis_coach.storage.sessions_repo import SessionRepository

    [session] = SessionRepository(window.context.coach.database).recent(1, kind="walk")
    assert session.end_reason is EndReason.STOPPED  # the session and its events are kept
