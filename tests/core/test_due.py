"""What is due at a local moment T (DESIGN 5.7): one answer for Today, the Walk page,
``status`` and ``due``."""

from datetime import UTC, datetime, timedelta
from fractions import Fraction

from stenosis_coach.core.due import (
    ActiveRoutine,
    DueInputs,
    RoutinePlanIn,
    RoutineRun,
    WalkingPlanIn,
    walk_status_line,
    what_is_due,
)
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
FRIDAY = MONDAY + timedelta(days=4)
CHOSEN = ActiveRoutine("gentle-start", "Gentle start", 7, 600.0)


def walk(at, kind=WalkKind.TRAINING, minutes=15, pain=2):
    return Walk(at, kind, Fraction(minutes * 60), None, pain)


def run(at, elapsed_s, completed=False, routine="gentle-start"):
    return RoutineRun(routine, at, elapsed_s, completed)


def due(at, **inputs):
    inputs.setdefault("chosen_routine", CHOSEN)
    return what_is_due(DueInputs(**inputs), at, UTC)


def test_a_due_walking_test_is_shown_even_when_the_weeks_walks_are_done():
    # four training walks this week (Mon-Thu), the last test nine days ago
    walks = [walk(MONDAY - timedelta(days=9), WalkKind.TEST, 10)]
    walks += [walk(MONDAY + timedelta(days=d)) for d in range(4)]
    answer = due(FRIDAY, walks=walks)
    assert answer.walk.this_week == 4 and answer.walk.kind is WalkKind.TEST
    assert answer.walk.due
    assert "even though this week's 4 walks are done" in walk_status_line(answer.walk)


def test_training_walks_stop_being_due_once_the_week_has_its_walks():
    walks = [walk(MONDAY, WalkKind.TEST, 10)] + [
        walk(MONDAY + timedelta(days=d)) for d in (1, 2, 3)
    ]
    answer = due(FRIDAY, walks=walks)
    assert answer.walk.kind is WalkKind.TRAINING and not answer.walk.due
    assert "This week's 4 walks are done" in walk_status_line(answer.walk)
    # the week runs Monday to Sunday: on the next Monday a walk is due again
    assert due(MONDAY + timedelta(days=7), walks=walks).walk.due


def test_no_second_walk_on_the_same_day_and_a_plan_sets_walks_per_week():
    walks = [walk(MONDAY - timedelta(days=2), WalkKind.TEST, 10), walk(MONDAY)]
    answer = due(MONDAY + timedelta(hours=3), walks=walks)
    assert not answer.walk.due and answer.walk.walked_today
    plan = PlanStart(MONDAY - timedelta(days=3), 240, 120, 900)
    two = [WalkingPlanIn(plan, walks_per_week=1)]
    assert not due(MONDAY + timedelta(days=1), walks=walks, walking_plans=two).walk.due
    assert due(MONDAY + timedelta(days=1), walks=walks).walk.due  # default: 4 a week


def test_only_what_happened_up_to_t_counts():
    later = [walk(MONDAY + timedelta(hours=5), WalkKind.TEST, 10)]
    answer = due(MONDAY + timedelta(hours=1), walks=later)
    assert answer.walk.due and answer.walk.prescription.bout_s is None
    plan = PlanStart(MONDAY + timedelta(hours=2), 240, 120, 900)
    assert (
        due(MONDAY + timedelta(hours=1), walking_plans=[WalkingPlanIn(plan)]).walk.prescription
    ).bout_s is None
    checked = [MONDAY + timedelta(hours=2)]
    assert due(MONDAY + timedelta(hours=1), finished_checks=checked).safety_check
    assert not due(MONDAY + timedelta(hours=3), finished_checks=checked).safety_check
    runs = [run(MONDAY + timedelta(hours=2), 600, completed=True)]
    [routine] = due(MONDAY + timedelta(hours=1), routine_runs=runs).routines
    assert routine.due


def test_a_routine_stopped_early_is_not_done_and_offers_to_carry_on():
    runs = [run(MONDAY + timedelta(minutes=5), 60)]  # 1 of 10 minutes, then stopped
    [routine] = due(MONDAY + timedelta(hours=1), routine_runs=runs).routines
    assert routine.due and routine.stopped_today and routine.done_today == 0
    # 80 % of its length counts as done, as does reaching the end
    for finished in (run(MONDAY + timedelta(minutes=20), 480), run(MONDAY, 100, True)):
        [routine] = due(MONDAY + timedelta(hours=1), routine_runs=[*runs, finished]).routines
        assert not routine.due and routine.done_today == 1 and not routine.stopped_today


def test_a_routine_is_due_per_week_and_per_day():
    three = ActiveRoutine("flexion", "Flexion basics", 3, 600.0)
    plans = [RoutinePlanIn(MONDAY - timedelta(days=1), (three,))]
    runs = [run(MONDAY + timedelta(days=d), 600, True, "flexion") for d in range(3)]
    answer = due(FRIDAY, routine_plans=plans, routine_runs=runs)
    [routine] = answer.routines
    assert routine.routine.id == "flexion"  # the plan's routines replace the chosen one
    assert routine.done_this_week == 3 and not routine.due
    twice = ActiveRoutine("flexion", "Flexion basics", 14, 600.0)
    plans = [RoutinePlanIn(MONDAY - timedelta(days=1), (twice,))]
    one_today = [run(MONDAY + timedelta(hours=1), 600, True, "flexion")]
    [routine] = due(
        MONDAY + timedelta(hours=3), routine_plans=plans, routine_runs=one_today
    ).routines
    assert routine.per_day == 2 and routine.due  # ceil(14 / 7) = 2 a day


def test_daily_log_and_safety_check():
    answer = due(MONDAY)
    assert answer.daily_log and answer.safety_check  # no log today, no check ever
    answer = due(MONDAY, log_days=frozenset({MONDAY.date()}), finished_checks=[MONDAY])
    assert not answer.daily_log and not answer.safety_check
    week = timedelta(days=7)
    assert not due(MONDAY + week - timedelta(minutes=1), finished_checks=[MONDAY]).safety_check
    assert due(MONDAY + week, finished_checks=[MONDAY]).safety_check  # >= 7 x 24 h


def test_when_all_is_done_it_says_so():
    walks = [walk(MONDAY - timedelta(days=1), WalkKind.TEST, 10), walk(MONDAY)]
    answer = due(
        MONDAY + timedelta(hours=2),
        walks=walks,
        routine_runs=[run(MONDAY, 600, True)],
        log_days=frozenset({MONDAY.date()}),
        finished_checks=[MONDAY],
        zcq_days=[MONDAY.date()],  # issue 15: with walks begun, the ZCQ is due until answered
    )
    assert not answer.anything_due
    assert answer.sentence() == "Nothing is due now: you have done everything for today."
    assert due(MONDAY).sentence() == (
        "Due now: the weekly safety check, a walking test, Gentle start and today's log."
    )


def test_a_check_started_and_not_finished_is_due_first_and_the_walk_waits_for_it():
    from stenosis_coach.core.due import StartedCheck

    done = MONDAY - timedelta(days=1)  # a check finished yesterday: none is due
    left = StartedCheck(MONDAY, answered=3)  # then one after "must stop", left unfinished
    later = StartedCheck(  # a weekly check left with "Finish later"
        MONDAY - timedelta(hours=3), left_for_later_at=MONDAY - timedelta(hours=2)
    )
    inputs = {"finished_checks": [done], "started_checks": [left, later]}
    before = due(MONDAY - timedelta(minutes=1), **inputs)
    assert not before.safety_check and before.check_waiting is None
    # While it was being answered, before "Finish later", it was waiting.
    assert due(MONDAY - timedelta(hours=2, minutes=30), **inputs).check_waiting == later
    now = due(MONDAY + timedelta(hours=1), **inputs)
    assert now.safety_check and now.check_waiting == left
    assert now.walk.waits_for_check
    assert walk_status_line(now.walk).startswith("Finish your safety check first")
    assert now.to_json()["safety_check_waiting"] is True
    # Once finished, nothing waits (and only what happened up to T counts).
    finished = StartedCheck(MONDAY, finished_at=MONDAY + timedelta(hours=2), answered=16)
    inputs = {"finished_checks": [done, finished.finished_at], "started_checks": [finished]}
    assert due(MONDAY + timedelta(hours=1), **inputs).walk.waits_for_check
    after = due(MONDAY + timedelta(hours=3), **inputs)
    assert after.check_waiting is None and not after.safety_check
