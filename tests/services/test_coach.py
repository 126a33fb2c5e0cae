"""The Coach (DESIGN 2, "The next step of the house"): one object owns the user's data, the
clock and the time zone, and closes the data whatever happens."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta, timezone

import pytest

from stenosis_coach.core.clock import ManualClock
from stenosis_coach.services.coach import Coach

# Long before the real now: whatever reads the wall clock instead of the coach's shows.
PAST = datetime(2021, 6, 14, 9, 30, tzinfo=UTC)
ZONE = timezone(timedelta(hours=2))


@pytest.fixture
def data(paths, template_db):
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    return paths


@pytest.fixture
def demo(data):
    """Twelve weeks of demo history ending the day before PAST."""
    with Coach.open(data, clock=ManualClock(PAST), tz=ZONE) as coach:
        coach.fill_demo(12, 3)
    return data


def test_the_coach_opens_the_data_and_closes_it_after_with(data):
    with Coach.open(data, clock=ManualClock(PAST)) as coach:
        database = coach.database
        assert not coach.closed and not database.closed
        assert coach.status().next_walk is not None
    assert coach.closed and database.closed
    with pytest.raises(RuntimeError, match="closed"):
        coach.status()


def test_the_data_is_closed_when_the_work_inside_fails(data):
    with pytest.raises(ZeroDivisionError), Coach.open(data, clock=ManualClock(PAST)) as coach:
        database = coach.database
        _ = 1 / 0
    assert database.closed


def test_a_new_data_folder_is_made_on_open(paths):
    assert not paths.db_file.exists()
    with Coach.open(paths, clock=ManualClock(PAST)) as coach:
        assert coach.due().sentence()
    assert paths.db_file.exists()


def test_looking_at_the_library_without_data_creates_no_file(paths):
    with Coach.open(paths, clock=ManualClock(PAST), create=False) as coach:
        assert "flexion-basics" in coach.routines()
        assert coach.exercises()
        with pytest.raises(RuntimeError, match="no data"):
            coach.status()
    assert not paths.db_file.exists()


def test_status_is_the_one_at_the_coach_clock_and_zone(demo):
    from stenosis_coach.services.status import build_status

    clock = ManualClock(PAST)
    with Coach.open(demo, clock=clock, tz=ZONE) as coach:
        status = coach.status()
        expected = build_status(coach.database, PAST, ZONE)
        assert status.sentences() == expected.sentences()
        assert status.to_json() == expected.to_json()
        clock.advance(400 * 86400)  # the clock moves: so does what the coach says
        later = coach.status()
        assert later.to_json() == build_status(coach.database, clock.now(), ZONE).to_json()
        assert later.to_json() != status.to_json()


def test_due_is_asked_at_a_wall_time_in_the_coach_zone(demo):
    from stenosis_coach.services.due import due_at

    with Coach.open(demo, clock=ManualClock(PAST), tz=ZONE) as coach:
        at = coach.wall_time(datetime(2021, 6, 14, 23, 30))
        assert at == datetime(2021, 6, 14, 21, 30, tzinfo=UTC)
        assert coach.due(at).to_json() == due_at(coach.database, at, ZONE).to_json()
        assert coach.due().to_json() == due_at(coach.database, PAST, ZONE).to_json()


def test_the_exported_walking_plan_is_the_one_due_at_the_coach_time(demo, tmp_path):
    """With no plan imported, the walking plan written is the next walk at the coach's time
    (not at the computer's: services/plans.py read the wall clock). Halfway through the
    history the bouts were shorter than at its end."""
    from stenosis_coach.services.status import build_status

    halfway = PAST - timedelta(weeks=8)
    with Coach.open(demo, clock=ManualClock(halfway), tz=ZONE) as coach:
        rx = build_status(coach.database, halfway, ZONE).next_walk
        assert rx.bout_s < build_status(coach.database, PAST, ZONE).next_walk.bout_s
        out = coach.export_plan(
            tmp_path / "mine.scplan.json", ["flexion-basics"], True, "Mine", "Me", None
        )
    walking = json.loads(out.read_text())["walking"]
    assert (walking["bout_s"], walking["rest_s"], walking["target_total_s"]) == (
        int(rx.bout_s),
        int(rx.rest_s),
        int(rx.target_total_s),
    )


def test_the_report_and_the_export_are_stamped_with_the_coach_time(demo, tmp_path):
    with Coach.open(demo, clock=ManualClock(PAST), tz=ZONE) as coach:
        report = coach.report_model(None, None, "A. Patient")
        result = coach.export(tmp_path / "csv")
    # 9:30 UTC is 11:30 in the coach's zone, on the day the coach's clock says.
    assert report.page1.generated_line == "Made with Stenosis Coach on Mon 14 Jun 2021 at 11:30."
    assert result.sentence()
    assert (tmp_path / "csv").is_dir()


def test_restore_takes_its_time_from_the_clock_given(demo, tmp_path):
    backup = Coach.backup(demo, tmp_path / "copy.db")
    result = Coach.restore(demo, backup, clock=ManualClock(PAST))
    assert result.previous_kept_at is not None
    assert "2021" in result.previous_kept_at.name


def test_a_write_says_what_it_changed_and_undo_brings_it_back(demo):
    from stenosis_coach.services.changes import Change, Changes
    from stenosis_coach.services.undo import Kind

    with Coach.open(demo, clock=ManualClock(PAST), tz=ZONE) as coach:
        newest = coach.walks()[0]
        changes = coach.delete(Kind.WALK, newest.id)
        assert changes == Changes.of(Change.WALKS) and not changes.everything
        assert changes.touches({Change.WALKS, Change.DAILY})
        assert not changes.touches({Change.ROUTINES, Change.PLANS})
        assert coach.walks()[0].id != newest.id
        back, undone = coach.undo({Kind.WALK})
        assert back is not None and back.item_id == newest.id and undone == changes
        assert coach.undo({Kind.LOG}) == (None, Changes())  # nothing: nothing changed
        chosen = coach.choose_routine("chair-routine")
        assert chosen.touches({Change.PLANS}) and coach.my_routine().id == "chair-routine"


def test_everything_changed_touches_every_kind():
    from stenosis_coach.services.changes import Change, Changes

    assert Changes.all().touches({Change.SETTINGS}) and Changes.all().everything
    assert not Changes() and (Changes.of(Change.WALKS) | Changes.all()).everything
    assert Changes.of(Change.WALKS) | Changes.of(Change.DAILY) == Changes.of(
        Change.WALKS, Change.DAILY
    )
