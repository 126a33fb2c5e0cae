"""The read model (issue 14): the records every page and ``status`` read are loaded once per
change of the data, and shared; a write is seen by the next read."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone

import pytest

from stenosis_coach.core.clock import ManualClock
from stenosis_coach.services.coach import Coach
from stenosis_coach.services.undo import Kind
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.plans_repo import PlanRepository
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository

PAST = datetime(2021, 6, 14, 9, 30, tzinfo=UTC)
ZONE = timezone(timedelta(hours=2))

# The repositories' reads of whole tables, counted.
READS = (
    (WalkRepository, "walks_with_sessions"),
    (DailyRepository, "all_logs"),
    (DailyRepository, "treatments"),
    (SafetyRepository, "checks"),
    (SafetyRepository, "clearances"),
    (SessionRepository, "starts_and_ends"),
    (PlanRepository, "plans"),
)


@pytest.fixture
def coach(paths, template_db):
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    with Coach.open(paths, clock=ManualClock(PAST), tz=ZONE) as opened:
        opened.fill_demo(12, 3)
        yield opened


@pytest.fixture
def reads(monkeypatch):
    """How many times each table was read."""
    counted: Counter[str] = Counter()
    for repo, name in READS:
        original = getattr(repo, name)

        def counting(self, *args, _original=original, _name=name, **kwargs):
            counted[_name] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(repo, name, counting)
    return counted


def test_every_reader_in_a_row_reads_each_table_once(coach, reads):
    status = coach.status()
    progress = coach.progress()
    today = coach.today()
    due = coach.due()
    coach.report_model()
    coach.programme_start()
    coach.treatments()
    assert status.due == due  # one answer for status and Today (DESIGN 5.7)
    assert progress.verdict == status.verdict
    assert today.items
    assert set(reads) == {name for _repo, name in READS}
    assert max(reads.values()) == 1, reads


def test_a_write_is_seen_by_the_next_read_and_read_once(coach, reads):
    before = coach.progress()
    newest = coach.latest_logs(1)[0]
    assert newest.log.leg_pain is not None
    coach.delete(Kind.LOG, newest.id)
    after = coach.progress()
    coach.status()
    leg = {p.day for p in before.pain.leg.points} - {p.day for p in after.pain.leg.points}
    assert leg == {newest.log.day}  # the deleted day's pain is gone from the plot
    assert reads["all_logs"] == 2  # once before the delete, once after it
    # What the delete did not touch is kept, and so is what was computed from it alone.
    assert (
        reads["walks_with_sessions"] == 1 and reads["checks"] == 1 and reads["starts_and_ends"] == 1
    )
    assert after.tolerance is before.tolerance


def test_a_deleted_walk_leaves_every_figure_it_was_in(coach, reads):
    before = coach.progress()
    newest = coach.walks()[0]
    coach.delete(Kind.WALK, newest.id)
    after = coach.progress()
    assert reads["walks_with_sessions"] == 2 and reads["all_logs"] == 1
    walked = before.adherence.walks.points[-1].exact, after.adherence.walks.points[-1].exact
    weeks = {p.day: p.exact for p in before.adherence.walks.points}
    changed = {p.day for p in after.adherence.walks.points if weeks.get(p.day) != p.exact}
    assert len(changed) == 1, walked  # the walk's week counts one walk fewer
    assert after.pain is before.pain  # the daily log's figures were kept


def test_moving_the_clock_reads_nothing_again(coach, reads):
    first = coach.status()
    coach.clock.advance(24 * 3600)
    later = coach.status()
    assert later.due is not None and first.due is not None
    assert later.due.at > first.due.at
    assert reads["walks_with_sessions"] == 1 and reads["checks"] == 1


def test_a_questionnaire_is_seen_by_the_next_status(coach):
    """The questionnaires are part of the read model's table tracking (issue 15): a ZCQ
    recorded after a status was worked out changes the next one's ``outcomes``."""
    day = coach.today_date()
    before = coach.status().to_json()["outcomes"]["zcq"]
    assert before["latest"] is None or before["latest"]["date"] != day.isoformat()
    answers = {f"s{i}": 3 for i in range(1, 7)} | {"s7": 3} | {f"f{i}": 2 for i in range(1, 6)}
    coach.record_zcq(day, answers)
    after = coach.status().to_json()["outcomes"]["zcq"]
    assert after["latest"] == {
        "date": day.isoformat(),
        "symptom_severity": 3.0,
        "physical_function": 2.0,
        "satisfaction": None,
    }
