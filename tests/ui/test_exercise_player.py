"""The routine player: ratings, coaching by eye and ear, this hurts, history (issue 4)."""

from PySide6.QtCore import Qt

from stenosis_coach.core.routine_summary import summarize
from stenosis_coach.core.sessions import EndReason
from stenosis_coach.core.today import ROUTINE_RESUME_ACTION
from stenosis_coach.services import routines
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.exercises.screens import HurtScreen, PlayerScreen, RatingsScreen
from stenosis_coach.ui.safety.screens import QuestionScreen


def start(window, qtbot, routine_id="gentle-start", chair=False):
    page = window.show_page("exercises")
    start_button, _choose = page.routine_buttons[routine_id]
    qtbot.mouseClick(start_button, Qt.MouseButton.LeftButton)
    before = window.flow
    assert isinstance(before, RatingsScreen)
    qtbot.mouseClick(before.leg.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.back.buttons[2], Qt.MouseButton.LeftButton)
    if chair:
        before.chair.setChecked(True)
    qtbot.mouseClick(before.go, Qt.MouseButton.LeftButton)
    player = window.flow
    assert isinstance(player, PlayerScreen)
    return window.exercises, player


def advance(controller, clock, seconds, step=1.0):
    while seconds > 0:
        clock.advance(min(step, seconds))
        seconds -= step
        controller.tick()


def last_summary(window):
    repo = SessionRepository(window.context.coach.database)
    [session] = repo.recent(1, kind="routine")
    return summarize(session, repo.events(session.id))


def test_a_whole_routine_is_coached_start_to_finish_and_stored(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    assert player.title.text() == "Pelvic tilt, lying"
    assert player.picture.pixmap() is not None and not player.picture.pixmap().isNull()
    assert cues.played[0] == "next-pelvic-tilt"
    advance(controller, clock, 7)
    assert player.segment.text() == "Hold" and "rep 1 of 10" in player.counters.text()
    assert "hold" in cues.played and "tick" in cues.played
    advance(controller, clock, 400)
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text().startswith("Routine complete")
    assert cues.played[-1] == "routine_complete"
    qtbot.mouseClick(after.leg.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(after.back.buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(after.go, Qt.MouseButton.LeftButton)
    summary = last_summary(window)
    assert summary.completed and summary.steps_done == 4
    assert (summary.before.leg, summary.after.leg) == (3, 2)
    assert window.flow is None
    assert "leg pain 3 → 2" in window.page("exercises").history_list.text()


def test_keys_pause_skip_and_back(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 10)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    frozen = player.countdown.text()
    advance(controller, clock, 30)
    assert player.countdown.text() == frozen and player.segment.text() == "Paused"
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.keyClick(player, Qt.Key.Key_Right)
    advance(controller, clock, 0.1)
    assert player.title.text() == "One knee to chest"
    advance(controller, clock, 5)
    qtbot.keyClick(player, Qt.Key.Key_Left)  # back to the start of this exercise
    advance(controller, clock, 0.1)
    assert "Exercise 2 of 4" in player.counters.text()
    qtbot.keyClick(player, Qt.Key.Key_Left)  # within its first 2 s: the one before
    advance(controller, clock, 0.1)
    assert "Exercise 1 of 4" in player.counters.text()


def test_severe_pain_stops_the_routine_and_opens_the_safety_check(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    qtbot.keyClick(player, Qt.Key.Key_H)
    hurt = window.flow
    assert isinstance(hurt, HurtScreen)
    qtbot.mouseClick(hurt.rating.buttons[7], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hurt.spreading_no, Qt.MouseButton.LeftButton)
    assert not hurt.skip_button.isVisibleTo(hurt) and not hurt.carry_on.isVisibleTo(hurt)
    qtbot.mouseClick(hurt.stop_button, Qt.MouseButton.LeftButton)
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text() == "Routine stopped"
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, QuestionScreen)
    summary = last_summary(window)
    assert summary.worst_hurt == 7 and not summary.completed


def test_spreading_symptoms_also_lead_to_the_safety_check(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    qtbot.mouseClick(player.hurt_button, Qt.MouseButton.LeftButton)
    hurt = window.flow
    qtbot.mouseClick(hurt.rating.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hurt.spreading_yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hurt.stop_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, QuestionScreen)


def test_mild_pain_can_skip_to_the_next_exercise(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    qtbot.keyClick(player, Qt.Key.Key_H)
    hurt = window.flow
    qtbot.mouseClick(hurt.rating.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hurt.spreading_no, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hurt.skip_button, Qt.MouseButton.LeftButton)
    assert window.flow is player
    advance(controller, clock, 0.1)
    assert player.title.text() == "One knee to chest"
    assert player.segment.text() != "Paused"


def test_floor_exercises_can_be_done_on_a_chair(window, qtbot, clock, cues):
    _controller, player = start(window, qtbot, "flexion-basics", chair=True)
    assert player.title.text() == "Pelvic tilt, sitting"


def test_today_offers_my_routine_and_starts_it(window, qtbot, clock, cues):
    routines.choose_routine(window.context.coach.database, "chair-routine")
    window.context.data_changed.emit()
    window.show_page("today")
    from stenosis_coach.core.today import ROUTINE_ACTION

    window.today.action_requested.emit(ROUTINE_ACTION)
    assert isinstance(window.flow, RatingsScreen)
    assert window.flow.title.text() == "Chair routine"


# -- stopping asks; a stopped routine is not done; carrying on (issue 12) ---------------


def test_esc_asks_before_stopping_and_keep_going_carries_on(window, qtbot, clock, dialogs, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 10)
    dialogs.choices.append(0)  # "Keep going"
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert dialogs.shown[-1] == (
        "choose",
        "Stop the routine?",
        "What you did so far is kept. | Keep going / Stop",
    )
    assert window.flow is player
    advance(controller, clock, 1)
    assert player.segment.text() != "Paused" and not controller.session.finished


def test_a_routine_stopped_early_is_recorded_as_stopped_not_done(
    window, qtbot, clock, dialogs, cues
):
    controller, player = start(window, qtbot)
    advance(controller, clock, 60)
    dialogs.choices.append(1)  # "Stop"
    qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text() == "Routine stopped"
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    summary = last_summary(window)
    assert not summary.completed
    assert summary.session.end_reason is EndReason.STOPPED


def test_carry_on_starts_the_stopped_routine_from_the_step_it_was_in(
    window, qtbot, clock, dialogs, cues
):
    controller, player = start(window, qtbot)
    qtbot.keyClick(player, Qt.Key.Key_Right)  # on to exercise 2 of 4
    advance(controller, clock, 8)
    dialogs.choices.append(1)
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    stopped = last_summary(window).session

    window.today.action_requested.emit(ROUTINE_RESUME_ACTION)
    player = window.flow
    assert isinstance(player, PlayerScreen)
    assert player.title.text() == "One knee to chest"
    assert "Exercise 2 of 4" in player.counters.text()
    advance(window.exercises, clock, 600)
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text().startswith("Routine complete")
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    summary = last_summary(window)
    assert summary.completed and summary.steps_done == 3  # the three it carried on with
    repo = SessionRepository(window.context.coach.database)
    started = repo.events(summary.session.id)[0]
    assert started.data["carries_on"] == stopped.id and started.data["from_step"] == 1
    assert routines.resume_point(window.context.coach.database, clock.now()) is None


def test_nothing_to_carry_on_starts_the_routine_from_the_beginning(window, qtbot, cues):
    window.today.action_requested.emit(ROUTINE_RESUME_ACTION)
    assert isinstance(window.flow, RatingsScreen)


# -- every screen of the routine has a way back, and Esc does the same (issue 12) -------


def test_the_ratings_before_a_routine_can_be_cancelled_with_a_button_or_esc(window, qtbot):
    page = window.show_page("exercises")
    for leave in ("button", "esc"):
        qtbot.mouseClick(page.routine_buttons["gentle-start"][0], Qt.MouseButton.LeftButton)
        before = window.flow
        assert isinstance(before, RatingsScreen)
        assert before.cancel.isVisibleTo(before) and "Esc" in before.cancel.text()
        if leave == "button":
            qtbot.mouseClick(before.cancel, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(before.leg.buttons[0], Qt.Key.Key_Escape)
        assert window.flow is None and window.current_key() == "exercises"
    assert SessionRepository(window.context.coach.database).recent(5, kind="routine") == []


def test_esc_on_the_ratings_after_a_routine_saves_it_without_ratings(
    window, qtbot, clock, dialogs, cues
):
    controller, _player = start(window, qtbot)
    advance(controller, clock, 400)
    after = window.flow
    assert "Esc" in after.skip.text()
    qtbot.keyClick(after, Qt.Key.Key_Escape)
    assert window.flow is None
    summary = last_summary(window)
    assert summary.completed and summary.after.leg is None


def test_the_hurt_screen_goes_back_to_the_paused_routine(window, qtbot, clock, cues):
    controller, player = start(window, qtbot)
    advance(controller, clock, 12)
    for leave in ("button", "esc"):
        qtbot.keyClick(player, Qt.Key.Key_H)
        hurt = window.flow
        assert isinstance(hurt, HurtScreen) and hurt.back_button.isVisibleTo(hurt)
        if leave == "button":
            qtbot.mouseClick(hurt.back_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(hurt, Qt.Key.Key_Escape)
        assert window.flow is player
        advance(controller, clock, 1)
        assert player.segment.text() == "Paused"
    assert last_summary_or_none(window) is None


def last_summary_or_none(window):
    return next(
        iter(SessionRepository(window.context.coach.database).recent(1, kind="routine")), None
    )


def test_carry_on_a_named_routine_from_today(window, qtbot, clock, dialogs, cues):
    controller, player = start(window, qtbot, "flexion-basics")
    qtbot.keyClick(player, Qt.Key.Key_Right)
    qtbot.keyClick(player, Qt.Key.Key_Right)  # on to exercise 3
    advance(controller, clock, 3)
    dialogs.choices.append(1)
    qtbot.mouseClick(player.stop_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    # The patient's own routine (gentle start) was not stopped: nothing to carry on there.
    assert routines.resume_point(window.context.coach.database, clock.now()) is None

    window.today.action_requested.emit(f"{ROUTINE_RESUME_ACTION}:flexion-basics")
    player = window.flow
    assert isinstance(player, PlayerScreen)
    assert player.counters.text().startswith("Exercise 3 of")


def test_today_offers_to_carry_on_a_routine_stopped_early_and_carrying_on_works(
    window, qtbot, clock, dialogs, cues
):
    from PySide6.QtWidgets import QApplication, QPushButton

    controller, player = start(window, qtbot)
    qtbot.keyClick(player, Qt.Key.Key_Right)
    advance(controller, clock, 3)
    dialogs.choices.append(1)
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.flow.skip, Qt.MouseButton.LeftButton)
    assert window.flow is None and window.current_key() == "today"
    QApplication.processEvents()  # new cards are shown on the next turn of the event loop
    [carry_on] = [
        b
        for b in window.today.findChildren(QPushButton)
        if b.isVisible() and b.text() == "Carry on"
    ]
    qtbot.mouseClick(carry_on, Qt.MouseButton.LeftButton)
    player = window.flow
    assert isinstance(player, PlayerScreen) and "Exercise 2 of 4" in player.counters.text()


# -- a routine skipped through to its end says so and is not counted as done (H9) ----------


def test_a_routine_skipped_through_says_what_was_done_and_stays_due(
    window, qtbot, clock, dialogs, cues
):
    from stenosis_coach.services.due import due_at

    controller, player = start(window, qtbot)
    for _ in range(200):  # the first exercise, done in full
        advance(controller, clock, 1)
        if player.title.text() == "One knee to chest":
            break
    for _ in range(3):  # the last three skipped with → in seconds
        qtbot.keyClick(player, Qt.Key.Key_Right)
        advance(controller, clock, 2)
    after = window.flow
    assert isinstance(after, RatingsScreen)
    assert after.title.text() == "Routine finished: 1 of 4 exercises done, 3 skipped."
    assert "Well done" not in after.title.text()
    qtbot.mouseClick(after.skip, Qt.MouseButton.LeftButton)
    summary = last_summary(window)
    assert (summary.steps_done, summary.steps_skipped) == (1, 3)
    assert summary.completed and not summary.done
    history = window.page("exercises").history_list.text()
    assert "finished, 3 of 4 exercises skipped" in history
    mine = [
        r
        for r in due_at(window.context.coach.database, clock.now()).routines
        if r.routine.id == "gentle-start"
    ]
    assert mine and mine[0].due and mine[0].done_this_week == 0
    # Today offers it again as it is, not as "stopped early": it was not stopped.
    [card] = [
        i
        for i in routines.today_items(window.context.coach.database, clock.now())
        if "routine" in i.key
    ]
    assert "stopped" not in card.detail and card.choices == ()
    from stenosis_coach.services.report import report_for

    [row] = report_for(window.context.coach.database, clock.now()).routines
    assert row.ended == "Finished, 3 of 4 skipped" and row.ended in row.cells
    # Progress's weekly routines agree with what is due: one session, none done.
    from stenosis_coach.services.progress import progress_data

    week = progress_data(window.context.coach.database, clock.now()).adherence.routines.points[-1]
    assert (week.exact, week.counts) == (1, (0,))
