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
