"""The Today page's "Last time" line tells a routine stopped early from a finished one."""

from stenosis_coach.services import routines
from stenosis_coach.services.today import build_today


def test_a_routine_stopped_early_says_so_in_last_time(db, clock):
    recording = routines.RoutineRecording(db, clock)
    recording.start(routines.my_routine(db), chair_versions=False)
    clock.advance(60)
    recording.finish(False)
    line = build_today(db, clock.now()).last_result
    assert (
        line.startswith("Last time (Mon 2 Mar): Gentle start") and "stopped before the end" in line
    )
    recording = routines.RoutineRecording(db, clock)
    recording.start(routines.my_routine(db), chair_versions=False)
    clock.advance(600)
    recording.finish(True)
    assert "stopped before the end" not in build_today(db, clock.now()).last_result


def test_a_walk_logged_by_hand_after_a_routine_is_last_time(db, clock):
    from datetime import timedelta

    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services import walks

    recording = routines.RoutineRecording(db, clock)
    recording.start(routines.my_routine(db), chair_versions=False)
    clock.advance(600)
    recording.finish(True)
    clock.advance(24 * 3600)
    today = clock.now().astimezone(walks.LOCAL).date()
    walks.log_walk(db, WalkForm(WalkKind.TEST, today, "12.5", "6", peak_leg_pain=4), clock.now())
    line = build_today(db, clock.now()).last_result
    assert line == "Last time (Tue 3 Mar): Walking test, 12:30 min."
    older = WalkForm(WalkKind.TRAINING, today - timedelta(days=5), "9", "", peak_leg_pain=2)
    walks.log_walk(db, older, clock.now())  # logged now, walked days ago: not the last
    assert build_today(db, clock.now()).last_result == line
