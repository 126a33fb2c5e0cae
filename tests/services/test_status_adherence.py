"""``status --json`` ``adherence: {last_14_days: {planned, done}}`` (DESIGN 4.1, 5.7), from a
history recorded as the app records it: the therapist plan fixture, walks logged, routine
sessions coached to their end or stopped early. Progress's weekly counts agree."""

from datetime import timedelta
from pathlib import Path

from stenosis_coach.core.exercises import engine as exercise_engine
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import exercises as library
from stenosis_coach.services import plans, routines, walks
from stenosis_coach.services.progress import progress_data
from stenosis_coach.services.status import adherence_14_days, build_status

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLAN = FIXTURES / "plan-lakeside.scplan.json"  # 4 walks a week, "Before your walk" 4 a week


def log_walk(db, clock, kind=WalkKind.TRAINING):
    day = clock.now().astimezone(walks.LOCAL).date()
    walks.log_walk(db, WalkForm(kind, day, "15", "", peak_leg_pain=2), clock.now())


def coach_routine(db, clock, routine_id, to_the_end=True):
    """A routine coached step by step, as the player does, to its end or stopped after a
    minute."""
    routine = library.routines(db)[routine_id]
    rec = routines.RoutineRecording(db, clock)
    rec.start(routine, chair_versions=False)
    session = exercise_engine.ExerciseSession(routine, library.exercises(db), clock.monotonic())
    for _ in range(60):
        clock.advance(1.0)
        rec.record(session.tick(clock.monotonic()))
    while to_the_end and not session.finished:
        clock.advance(1.0)
        rec.record(session.tick(clock.monotonic()))
    rec.finish(completed=to_the_end)


def test_status_json_says_planned_and_done_over_the_last_14_days(db, clock):
    # Day 0 (a Monday): the plan is imported and the first walk logged.
    plans.import_plans(db, plans.read_plans([PLAN]), clock.now())
    start = clock.now()
    for day in range(14):
        clock.advance((start + timedelta(days=day) - clock.now()).total_seconds())
        if day in (0, 2, 4, 7, 9):
            log_walk(db, clock, WalkKind.TEST if day == 0 else WalkKind.TRAINING)
        if day in (1, 3, 8):
            coach_routine(db, clock, "lakeside-before-walk")
        if day == 10:
            coach_routine(db, clock, "lakeside-before-walk", to_the_end=False)  # not done
        if day == 11:
            coach_routine(db, clock, "gentle-start")  # not a routine of the plan
    clock.advance(timedelta(hours=8).total_seconds())  # the evening of day 13
    status = build_status(db, clock.now()).to_json()
    # planned 2 x (4 walks + 4 sessions) = 16; done 5 walks + 3 sessions to their end
    assert status["adherence"] == {"last_14_days": {"planned": 16, "done": 8}}
    said = adherence_14_days(db, clock.now()).sentence()
    assert said == "Last 14 days: 5 of 8 planned walks and 3 of 8 planned routine sessions."
    # Progress's weeks say the same: the two weeks, planned and done.
    weekly = progress_data(db, clock.now()).adherence
    assert [p.exact for p in weekly.planned_walks.points[-2:]] == [4, 4]
    assert [p.exact for p in weekly.planned_routines.points[-2:]] == [4, 4]
    assert [p.counts[0] for p in weekly.routines.points[-2:]] == [2, 1]  # done
    assert [p.exact for p in weekly.walks.points[-2:]] == [3, 2]


def test_a_fresh_install_plans_nothing(db, clock):
    status = build_status(db, clock.now()).to_json()
    assert status["adherence"] == {"last_14_days": {"planned": 0, "done": 0}}


def test_on_the_first_evening_status_says_the_programme_is_new(db, clock):
    # The plan imported this morning, a walk done: a whole week is planned in the contract,
    # but the words count from the programme's start and say it started today.
    plans.import_plans(db, plans.read_plans([PLAN]), clock.now())
    log_walk(db, clock)
    clock.advance(timedelta(hours=10).total_seconds())
    status = build_status(db, clock.now())
    assert status.to_json()["adherence"] == {"last_14_days": {"planned": 8, "done": 1}}
    said = status.sentences()
    assert (
        "Since the programme started today: 1 of 1 planned walk and 0 of 1 planned routine session."
    ) in said
    assert not any("of 8" in line or "of 11" in line for line in said)
