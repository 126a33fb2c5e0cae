"""The demo history (issue 6): written whole, through storage, into empty data only."""

from __future__ import annotations

import pytest

from stenosis_coach.core.sessions import EndReason
from stenosis_coach.errors import InvalidInput
from stenosis_coach.services import demo
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository


def test_the_demo_fills_empty_data_and_every_row_reads_back(db, clock):
    assert not demo.has_data(db)
    summary = demo.fill_demo(db, 12, seed=3, now=clock.now())
    assert demo.has_data(db)
    walks = WalkRepository(db).all()
    sessions = SessionRepository(db)
    routine_sessions = sessions.starts_and_ends("routine")
    assert len(walks) == summary.walks
    assert len(routine_sessions) == summary.routines
    assert len(DailyRepository(db).logs()) == summary.logs
    checks = SafetyRepository(db).checks()
    assert len(checks) == summary.checks and all(c.complete for c in checks)
    assert all(c.answers for c in checks)
    # A walk recorded in the app has its session, which started when the walk did.
    live = [w for w in walks if not w.walk.imported]
    assert live
    walk_sessions = {s.started_at: s for s in sessions.starts_and_ends("walk")}
    assert {w.walk.start for w in live} == set(walk_sessions)
    assert all(s.end_reason in (EndReason.COMPLETED, EndReason.STOPPED) for s in routine_sessions)
    first = routine_sessions[0]
    kinds = [e.kind for e in sessions.events(first.id)]
    assert kinds[:2] == ["started", "ratings_before"] and kinds[-1] == "ratings_after"
    state = SafetyRepository(db)
    assert state.get_state("welcome_seen") == clock.now().isoformat()
    assert state.get_state("my_routine") == "flexion-basics"
    assert summary.sentence().startswith("Added a 12-week demo history: ")


def test_the_demo_never_fills_data_that_holds_a_history(db, clock):
    demo.fill_demo(db, 4, seed=1, now=clock.now())
    with pytest.raises(InvalidInput, match="already holds recorded data"):
        demo.fill_demo(db, 4, seed=1, now=clock.now())


@pytest.mark.parametrize("weeks", [3, 1041])
def test_the_demo_length_is_checked(db, clock, weeks):
    with pytest.raises(InvalidInput, match="--weeks must be from 4 to 1040"):
        demo.fill_demo(db, weeks, seed=1, now=clock.now())


def test_a_16_week_demo_has_questionnaires_activities_and_relief(db, clock):
    """Issue 15: the ZCQ and My activities every 28 days, the epidural's relief answers."""
    from stenosis_coach.services.status import build_status
    from stenosis_coach.storage.outcomes_repo import OutcomesRepository

    demo.fill_demo(db, 16, seed=1, now=clock.now())  # the command's default seed
    repo = OutcomesRepository(db)
    assert len(repo.questionnaires("zcq")) == 4 and len(repo.questionnaires("psfs")) == 4
    assert len(repo.activities()) == 3
    answers = DailyRepository(db).since_treatment_answers()
    assert 30 <= len(answers) <= 42
    status = build_status(db, clock.now()).to_json()
    assert status["outcomes"]["zcq"]["meaningful"] is True
    assert status["outcomes"]["psfs"]["change"] > 0
    assert [r["kind"] for r in status["treatment_relief"]] == ["epidural_injection"]


def test_a_12_week_demo_says_how_long_the_epidurals_relief_lasted(db, clock):
    """``demo --weeks 12`` then ``status --json``: the epidural's relief_days is a number
    (leg pain eased for a few weeks, then came back), as on Progress and in the report."""
    from stenosis_coach.services.status import build_status

    demo.fill_demo(db, 12, seed=1, now=clock.now())  # the command's default seed
    [relief] = build_status(db, clock.now()).to_json()["treatment_relief"]
    assert relief["kind"] == "epidural_injection"
    assert isinstance(relief["relief_days"], int) and 20 <= relief["relief_days"] <= 35


def test_the_summary_counts_the_questionnaires_it_wrote(db, clock):
    from stenosis_coach.storage.outcomes_repo import OutcomesRepository

    summary = demo.fill_demo(db, 12, seed=1, now=clock.now())
    written = len(OutcomesRepository(db).questionnaires())
    assert summary.questionnaires == written == 6  # the ZCQ and My activities, 3 times
    assert summary.sentence() == (
        f"Added a 12-week demo history: {summary.walks} walks, {summary.routines} routine "
        f"sessions, {summary.logs} daily logs, {summary.checks} safety checks and "
        "6 questionnaires."
    )
    one = demo.DemoSummary(4, 20, 25, 26, 4, questionnaires=1)
    assert one.sentence().endswith("4 safety checks and 1 questionnaire.")


def test_the_summary_is_whole_messages_under_the_pseudo_locale(pseudo):
    summary = demo.DemoSummary(12, 40, 30, 80, 12, questionnaires=6)
    sentence = summary.sentence()
    assert sentence.startswith("⟦Added a 12-week demo history: ") and sentence.endswith("⟧")
    assert "⟦6 questionnaires⟧" in sentence and "⟦40 walks⟧" in sentence
