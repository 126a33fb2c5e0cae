"""Plan files into the app: all or nothing, replace rules, the walking plan, preload."""

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import plans, routines, walks
from stenosis_coach.services.status import build_status
from stenosis_coach.storage.plans_repo import PlanRepository

LAKESIDE = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"


def bad_copy(tmp_path, **changes) -> Path:
    data = json.loads(LAKESIDE.read_text())
    data.update(changes)
    target = tmp_path / "bad.scplan.json"
    target.write_text(json.dumps(data))
    return target


def test_import_adds_the_routine_exercises_and_walking_plan(db, clock):
    result = plans.import_plans(db, plans.read_plans([LAKESIDE]), clock.now())
    assert result.sentence() == "Imported 1 plan: 1 routine, 2 exercises, a walking plan."
    routine = plans.all_routines(db)["lakeside-before-walk"]
    assert routine.author == "R. Okafor, PT, Lakeside Physio"
    assert routines.my_routine(db).id == "lakeside-before-walk"
    assert "lakeside-seated-march" in plans.all_exercises(db)
    rx = build_status(db, clock.now()).next_walk
    assert (rx.bout_s, rx.rest_s, rx.target_total_s) == (240, 120, 900)


def test_walks_before_the_plan_are_not_replayed_and_later_ones_are(db, clock):
    day = (clock.now() - timedelta(days=3)).astimezone(walks.LOCAL).date()
    walks.log_walk(db, WalkForm(WalkKind.TEST, day, "20", "15", peak_leg_pain=2), clock.now())
    assert build_status(db, clock.now()).next_walk.bout_s == 720  # 80% of 15 min
    plans.import_plans(db, plans.read_plans([LAKESIDE]), clock.now())
    assert build_status(db, clock.now()).next_walk.bout_s == 240  # the plan's bout
    clock.advance(3600)
    walks.log_walk(
        db, WalkForm(WalkKind.TEST, clock.now().date(), "8", "5", peak_leg_pain=2), clock.now()
    )
    assert build_status(db, clock.now()).next_walk.bout_s == 240  # 80% of 5 min


def test_a_batch_with_one_bad_file_imports_nothing(db, clock, tmp_path):
    bad = bad_copy(tmp_path, version=2)
    with pytest.raises(plans.PlanFileProblems) as caught:
        plans.read_plans([LAKESIDE, bad])
    assert all(line.startswith(str(bad)) for line in caught.value.lines)
    assert PlanRepository(db).plans() == []


def test_an_existing_routine_is_refused_unless_replaced(db, clock):
    files = plans.read_plans([LAKESIDE])
    plans.import_plans(db, files, clock.now())
    with pytest.raises(plans.PlanFileProblems, match="already exists; use --replace"):
        plans.import_plans(db, files, clock.now())
    assert len(PlanRepository(db).plans()) == 1
    plans.import_plans(db, files, clock.now(), replace=True)
    assert len(PlanRepository(db).plans()) == 2


def test_preview_says_what_is_added_and_replaced_and_by_whom(db, clock):
    files = plans.read_plans([LAKESIDE])
    [first] = plans.preview(db, files).plans
    assert first.author == "R. Okafor, PT, Lakeside Physio"
    assert first.new_exercises == ["Supported forward lean", "Seated march"]
    assert first.new_routines[0].startswith("Before your walk, about ")
    assert first.walking.startswith("Walk 4:00 min at a time")
    plans.import_plans(db, files, clock.now())
    again = plans.preview(db, files)
    assert again.replaces_anything and again.plans[0].replaced_routines == ["Before your walk"]


def test_export_then_import_on_a_fresh_machine_gives_the_same_plan(db, clock, tmp_path):
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.storage.database import open_database

    plans.import_plans(db, plans.read_plans([LAKESIDE]), clock.now())
    out = plans.export_plan(
        db,
        tmp_path / "mine.scplan.json",
        ["lakeside-before-walk", "flexion-basics"],
        True,
        "My plan",
        "R. Okafor, PT",
        "Lakeside Physio",
    )
    fresh = open_database(AppPaths.resolve(tmp_path / "other-machine"))
    try:
        # "flexion-basics" is built in there too: the patient confirms replacing it.
        plans.import_plans(fresh, plans.read_plans([out]), clock.now(), replace=True)
        for rid in ("lakeside-before-walk", "flexion-basics"):
            assert plans.all_routines(fresh)[rid].steps == plans.all_routines(db)[rid].steps
        assert plans.walking_plan(fresh).start.bout_s == 240
    finally:
        fresh.close()


def test_export_refuses_bad_requests_and_leaves_no_file(db, tmp_path):
    from stenosis_coach.errors import InvalidInput

    with pytest.raises(InvalidInput, match=r"ends in \.scplan\.json"):
        plans.export_plan(db, tmp_path / "x.json", ["flexion-basics"], False, "t", "a", None)
    with pytest.raises(InvalidInput, match="Unknown routine"):
        plans.export_plan(db, tmp_path / "x.scplan.json", ["nope"], False, "t", "a", None)
    with pytest.raises(InvalidInput, match="no such folder"):
        plans.export_plan(
            db, tmp_path / "no" / "x.scplan.json", ["flexion-basics"], False, "t", "a", None
        )
    assert not list(tmp_path.glob("*.scplan.json*")) and not list(tmp_path.glob(".*.partial"))


def test_preload_imports_a_clinic_pack_once(db, clock, tmp_path):
    pack = tmp_path / "preload"
    pack.mkdir()
    shutil.copy(LAKESIDE, pack / "lakeside.scplan.json")
    assert plans.preload(db, [pack], clock.now()).plans == 1
    assert plans.preload(db, [pack], clock.now()) is None
    assert len(PlanRepository(db).plans()) == 1


def test_a_bad_clinic_pack_is_skipped_and_the_app_goes_on(db, clock, tmp_path):
    pack = tmp_path / "preload"
    pack.mkdir()
    (pack / "broken.scplan.json").write_text("{not json")
    assert plans.preload(db, [pack], clock.now()) is None
    assert PlanRepository(db).plans() == []


def test_a_plan_without_exercises_of_its_own_does_not_say_0_exercises():
    # "1 routine, 0 exercises" reads as if the routine were empty: the count is of the
    # therapist's own exercises, so none is not said at all.
    assert plans.ImportResult(1, 0, 1, False).sentence() == "Imported 1 plan: 1 routine."
    assert plans.ImportResult(1, 0, 2, True).sentence() == (
        "Imported 1 plan: 2 routines, a walking plan."
    )
