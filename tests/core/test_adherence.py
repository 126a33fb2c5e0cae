"""Adherence without blame (DESIGN 5.7): planned vs done sessions, hand-computed cases.

planned = 2 x (walks_per_week + the active routines' per_week) over today and the 13 days
before; done = walks started plus active-routine sessions that reached their end (the rule
what is due uses: core.due.run_is_done). Per calendar week (Monday-Sunday) for Progress; a
week with nothing planned is not a miss.
"""

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

from stenosis_coach.core.adherence import last_14_days, weekly
from stenosis_coach.core.due import (
    ActiveRoutine,
    DueInputs,
    RoutinePlanIn,
    RoutineRun,
    WalkingPlanIn,
)
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart

# Sunday 15 March 2026, evening: the 14 days are Mon 2 March to Sun 15 March.
SUNDAY = datetime(2026, 3, 15, 20, 0, tzinfo=UTC)
MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
CHOSEN = ActiveRoutine("gentle-start", "Gentle start", 7, 600.0)
PLANNED = ActiveRoutine("pt-flexion", "Flexion", 3, 900.0)


def walk(at, kind=WalkKind.TRAINING):
    return Walk(at, kind, Fraction(15 * 60), None, 2)


def run(at, elapsed_s=900.0, completed=True, routine="pt-flexion", skipped=False):
    return RoutineRun(routine, at, elapsed_s, completed, skipped_through=skipped)


def plan_at(at, walks_per_week=4):
    return WalkingPlanIn(PlanStart(at, 240, 120, 1200), walks_per_week)


def routines_at(at, *routines):
    return RoutinePlanIn(at, routines)


def test_the_contract_example_nine_of_eleven():
    # A plan of 4 walks and one routine 3 times a week, long before the 14 days... but here
    # as one week: walks_per_week 4, routine 3 a week -> 7 a week, 14 in 14 days.
    start = MONDAY - timedelta(days=30)
    inputs = DueInputs(
        walks=[walk(MONDAY + timedelta(days=d)) for d in (0, 2, 4, 7, 9, 11)],
        walking_plans=[plan_at(start)],
        routine_plans=[routines_at(start, PLANNED)],
        chosen_routine=CHOSEN,
        routine_runs=[run(MONDAY + timedelta(days=d, hours=2)) for d in (1, 8, 10)],
    )
    a = last_14_days(inputs, SUNDAY, UTC)
    assert (a.first, a.last) == (date(2026, 3, 2), date(2026, 3, 15))
    assert (a.walks_planned, a.walks_done) == (8, 6)
    assert (a.routines_planned, a.routines_done) == (6, 3)
    assert (a.planned, a.done) == (14, 9)
    assert a.to_json() == {"planned": 14, "done": 9}
    assert a.sentence() == (
        "Last 14 days: 9 of 14 planned sessions (walks 6 of 8, routines 3 of 6)"
    )


def test_a_routine_stopped_early_or_skipped_through_is_not_done():
    start = MONDAY - timedelta(days=30)
    runs = [
        run(MONDAY + timedelta(days=1)),  # done
        run(MONDAY + timedelta(days=2), elapsed_s=300.0, completed=False),  # stopped early
        run(MONDAY + timedelta(days=3), elapsed_s=400.0, completed=False, skipped=True),
        run(MONDAY + timedelta(days=4), elapsed_s=720.0, completed=False),  # 80 % of 900 s
    ]
    inputs = DueInputs(
        routine_plans=[routines_at(start, PLANNED)],
        walking_plans=[plan_at(start)],
        routine_runs=runs,
    )
    a = last_14_days(inputs, SUNDAY, UTC)
    assert (a.routines_planned, a.routines_done) == (6, 2)


def test_a_session_of_a_routine_not_active_does_not_count():
    start = MONDAY - timedelta(days=30)
    inputs = DueInputs(
        routine_plans=[routines_at(start, PLANNED)],
        chosen_routine=CHOSEN,  # a plan's routines are the active ones, not the chosen one
        walking_plans=[plan_at(start)],
        routine_runs=[run(MONDAY, 600.0, routine="gentle-start"), run(MONDAY)],
    )
    assert last_14_days(inputs, SUNDAY, UTC).routines_done == 1


def test_with_no_plan_the_chosen_routine_counts_seven_a_week():
    inputs = DueInputs(
        walks=[walk(MONDAY - timedelta(days=40))],  # the programme began 40 days ago
        chosen_routine=CHOSEN,
        routine_runs=[
            run(MONDAY + timedelta(days=d), 600.0, routine="gentle-start") for d in (0, 1)
        ],
    )
    a = last_14_days(inputs, SUNDAY, UTC)
    assert (a.walks_planned, a.routines_planned) == (8, 14)  # default 4 walks, 7 routines
    assert (a.walks_done, a.routines_done) == (0, 2)


def test_fourteen_a_week():
    start = MONDAY - timedelta(days=30)
    twice = ActiveRoutine("pt-flexion", "Flexion", 14, 900.0)
    runs = [run(MONDAY + timedelta(days=d, hours=h)) for d in range(14) for h in (0, 6)]
    inputs = DueInputs(
        walking_plans=[plan_at(start, walks_per_week=5)],
        routine_plans=[routines_at(start, twice)],
        routine_runs=runs,
    )
    a = last_14_days(inputs, SUNDAY, UTC)
    assert (a.walks_planned, a.routines_planned, a.routines_done) == (10, 28, 28)


def test_nothing_later_than_the_moment_counts():
    start = MONDAY - timedelta(days=30)
    inputs = DueInputs(
        walks=[walk(SUNDAY - timedelta(hours=1)), walk(SUNDAY + timedelta(hours=1))],
        walking_plans=[plan_at(start)],
        routine_plans=[routines_at(start, PLANNED)],
    )
    assert last_14_days(inputs, SUNDAY, UTC).walks_done == 1


def test_before_any_plan_or_session_nothing_is_planned():
    a = last_14_days(DueInputs(chosen_routine=CHOSEN), SUNDAY, UTC)
    assert (a.planned, a.done) == (0, 0)
    assert a.sentence() == "Last 14 days: nothing was planned yet."


def test_a_programme_begun_this_week_plans_this_week_only():
    # The plan came on Wednesday of the second week: the first 7 days were before it.
    start = MONDAY + timedelta(days=9)
    inputs = DueInputs(
        walking_plans=[plan_at(start)],
        routine_plans=[routines_at(start, PLANNED)],
        walks=[walk(start + timedelta(hours=1))],
    )
    a = last_14_days(inputs, SUNDAY, UTC)
    assert (a.walks_planned, a.routines_planned, a.walks_done) == (4, 3, 1)


def test_weekly_a_week_before_any_plan_is_not_a_miss():
    start = MONDAY + timedelta(days=7, hours=1)  # Monday 9 March: the plan comes
    inputs = DueInputs(
        walking_plans=[plan_at(start, walks_per_week=3)],
        routine_plans=[routines_at(start, PLANNED)],
        walks=[walk(start + timedelta(days=d)) for d in (0, 2)],
        routine_runs=[run(start + timedelta(days=1)), run(start + timedelta(days=3), 100.0, False)],
    )
    weeks = weekly(inputs, [date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)], SUNDAY, UTC)
    assert [(w.planned, w.done) for w in weeks] == [(0, 0), (0, 0), (6, 3)]
    assert [(w.walks_planned, w.walks_done) for w in weeks] == [(0, 0), (0, 0), (3, 2)]
    assert [(w.first, w.last) for w in weeks][-1] == (date(2026, 3, 9), date(2026, 3, 15))


def test_weekly_follows_the_plan_in_force_at_each_weeks_end():
    first = MONDAY - timedelta(days=14)
    second = MONDAY + timedelta(days=3)  # Thursday: a new plan with 5 walks a week
    inputs = DueInputs(
        walking_plans=[plan_at(first, 3), plan_at(second, 5)],
        routine_plans=[routines_at(first, PLANNED)],
    )
    weeks = weekly(inputs, [date(2026, 2, 23), date(2026, 3, 2)], SUNDAY, UTC)
    assert [w.walks_planned for w in weeks] == [3, 5]
    assert [w.routines_planned for w in weeks] == [3, 3]


def test_weeks_agree_with_the_14_days_when_nothing_changed():
    start = MONDAY - timedelta(days=30)
    inputs = DueInputs(
        walks=[walk(MONDAY + timedelta(days=d)) for d in (0, 3, 8)],
        walking_plans=[plan_at(start)],
        routine_plans=[routines_at(start, PLANNED)],
        routine_runs=[run(MONDAY + timedelta(days=d)) for d in (1, 5, 6, 12)],
    )
    both = weekly(inputs, [date(2026, 3, 2), date(2026, 3, 9)], SUNDAY, UTC)
    fourteen = last_14_days(inputs, SUNDAY, UTC)
    assert sum(w.planned for w in both) == fourteen.planned == 14
    assert sum(w.done for w in both) == fourteen.done == 7


def test_the_sentence_has_no_judgement_and_is_one_message(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    start = MONDAY - timedelta(days=30)
    inputs = DueInputs(walking_plans=[plan_at(start)], routine_plans=[routines_at(start, PLANNED)])
    said = last_14_days(inputs, SUNDAY, UTC).sentence()
    assert is_pseudo_wrapped(said) and said.count("⟦") == 1
    for word in ("poor", "good", "bad", "fail", "miss"):
        assert word not in said.lower()
