"""Deletes that can be undone (issue 12): one stack for walks, daily logs and treatments.

Two deletes then two undos must give back exactly what was there: the export (every CSV
file) and the status are compared before the deletes and after the undos.
"""

from datetime import date, timedelta
from pathlib import Path

import pytest

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.words import minutes_text
from stenosis_coach.services import daily, undo, walks
from stenosis_coach.services.demo import fill_demo
from stenosis_coach.services.export import FILES, export_csv
from stenosis_coach.services.status import build_status
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.walks_repo import WalkRepository

ALL = frozenset(undo.Kind)


def exported(db, clock, folder: Path) -> dict[str, bytes]:
    export_csv(db, folder, clock.now())
    return {name: (folder / name).read_bytes() for name in FILES}


def log_walk(db, clock, day: date, minutes: str, kind=WalkKind.TRAINING):
    return walks.log_walk(db, WalkForm(kind, day, minutes, peak_leg_pain=3), clock.now())


def test_two_walks_deleted_then_two_undos_give_back_the_export_and_status(db, clock, tmp_path):
    fill_demo(db, weeks=6, seed=3, now=clock.now())
    app_walks = [s for s in walks.history(db) if not s.walk.imported]
    first, second = app_walks[0], app_walks[3]  # recorded live: each has a session and events
    before = exported(db, clock, tmp_path / "before")
    status_before = build_status(db, clock.now())

    undo.delete(db, undo.Kind.WALK, first.id, clock.now())
    undo.delete(db, undo.Kind.WALK, second.id, clock.now())  # the same instant: order kept
    gone = exported(db, clock, tmp_path / "gone")
    assert gone["walks.csv"] != before["walks.csv"]
    assert [d.item_id for d in undo.undo_stack(db, ALL, clock.now())] == [second.id, first.id]

    assert undo.undo(db, ALL, clock.now()).item_id == second.id
    assert undo.undo(db, ALL, clock.now()).item_id == first.id
    assert undo.undo(db, ALL, clock.now()) is None
    assert exported(db, clock, tmp_path / "after") == before
    assert build_status(db, clock.now()) == status_before


def test_two_daily_logs_deleted_then_two_undos_give_them_back(db, clock, tmp_path):
    today = clock.now().date()
    ids = [
        daily.save_log(
            db, DailyLog(today - timedelta(days=n), leg_pain=n, otc_doses=1), clock.now()
        )
        for n in (1, 2, 3)
    ]
    before = exported(db, clock, tmp_path / "before")
    undo.delete(db, undo.Kind.LOG, ids[0], clock.now())
    clock.advance(60)
    undo.delete(db, undo.Kind.LOG, ids[2], clock.now())
    assert [s.id for s in daily.logs(db)] == [ids[1]]
    top = undo.undo_stack(db, ALL, clock.now())[0]
    assert top.sentence() == f"The daily log of {_day(today - timedelta(days=3))} was deleted."
    undo.undo(db, {undo.Kind.LOG}, clock.now())
    undo.undo(db, {undo.Kind.LOG}, clock.now())
    assert exported(db, clock, tmp_path / "after") == before


def test_two_treatments_deleted_then_two_undos_give_them_back(db, clock, tmp_path):
    today = clock.now().date()
    ids = [
        daily.add_treatment(db, TreatmentEvent(today - timedelta(days=d), kind, note), clock.now())
        for d, kind, note in (
            (40, TreatmentKind.PT_START, ""),
            (20, TreatmentKind.EPIDURAL_INJECTION, "L4-5, right"),
            (10, TreatmentKind.MEDICATION_CHANGE, "gabapentin stopped"),
        )
    ]
    before = exported(db, clock, tmp_path / "before")
    undo.delete(db, undo.Kind.TREATMENT, ids[1], clock.now())
    undo.delete(db, undo.Kind.TREATMENT, ids[2], clock.now())
    assert [t.id for t in daily.treatments(db)] == [ids[0]]
    assert undo.undo_stack(db, ALL, clock.now())[1].sentence() == (
        f"The treatment of {_day(today - timedelta(days=20))} (epidural injection) was deleted."
    )
    undo.undo(db, ALL, clock.now())
    undo.undo(db, ALL, clock.now())
    assert exported(db, clock, tmp_path / "after") == before


def test_one_stack_across_kinds_newest_first_and_each_page_undoes_its_own(db, clock):
    walk = log_walk(db, clock, date(2026, 2, 20), "20")
    log_id = daily.save_log(db, DailyLog(date(2026, 2, 21), leg_pain=2), clock.now())
    event = daily.add_treatment(
        db, TreatmentEvent(date(2026, 2, 22), TreatmentKind.NERVE_BLOCK), clock.now()
    )
    for kind, item in ((undo.Kind.WALK, walk.id), (undo.Kind.LOG, log_id)):
        undo.delete(db, kind, item, clock.now())
    undo.delete(db, undo.Kind.TREATMENT, event, clock.now())
    stack = undo.undo_stack(db, ALL, clock.now())
    assert [d.kind for d in stack] == [undo.Kind.TREATMENT, undo.Kind.LOG, undo.Kind.WALK]
    assert stack[2].sentence() == f"The walk of Fri 20 Feb ({minutes_text(1200)}) was deleted."
    # The Walk page undoes walks only: the newer log and treatment stay deleted.
    assert undo.undo(db, {undo.Kind.WALK}, clock.now()).item_id == walk.id
    assert [d.kind for d in undo.undo_stack(db, ALL, clock.now())] == [
        undo.Kind.TREATMENT,
        undo.Kind.LOG,
    ]


def test_the_stack_survives_closing_the_app(db, clock, paths):
    first = log_walk(db, clock, date(2026, 2, 20), "20")
    second = log_walk(db, clock, date(2026, 2, 21), "25")
    undo.delete(db, undo.Kind.WALK, first.id, clock.now())
    undo.delete(db, undo.Kind.WALK, second.id, clock.now())
    db.close()
    again = open_database(paths)
    try:
        assert [d.item_id for d in undo.undo_stack(again, ALL, clock.now())] == [
            second.id,
            first.id,
        ]
        undo.undo(again, ALL, clock.now())
        undo.undo(again, ALL, clock.now())
        assert {s.id for s in walks.history(again)} == {first.id, second.id}
    finally:
        again.close()


def test_a_delete_is_offered_for_undo_for_30_days_and_never_erased(db, clock):
    walk = log_walk(db, clock, date(2026, 2, 20), "20")
    undo.delete(db, undo.Kind.WALK, walk.id, clock.now())
    clock.advance(24 * 3600)  # another day: the bar says when the delete was
    [shown] = undo.undo_stack(db, ALL, clock.now())
    assert shown.sentence().endswith(") was deleted on Mon 2 Mar.")
    clock.advance(timedelta(days=undo.KEEP_DAYS - 1, seconds=-1).total_seconds())
    assert len(undo.undo_stack(db, ALL, clock.now())) == 1
    clock.advance(2)
    assert undo.undo_stack(db, ALL, clock.now()) == []
    assert undo.undo(db, ALL, clock.now()) is None
    [kept] = WalkRepository(db).all(include_deleted=True)
    assert kept.id == walk.id  # still in the database file (and its backups)


def test_a_clock_set_back_keeps_the_order_of_deletes(db, clock):
    from stenosis_coach.core.clock import ManualClock

    first = log_walk(db, clock, date(2026, 2, 20), "20")
    second = log_walk(db, clock, date(2026, 2, 21), "25")
    undo.delete(db, undo.Kind.WALK, first.id, clock.now())
    earlier = ManualClock(clock.now() - timedelta(hours=2))
    undo.delete(db, undo.Kind.WALK, second.id, earlier.now())
    assert undo.undo(db, ALL, clock.now()).item_id == second.id


def test_undoing_a_log_deleted_then_written_again_keeps_both(db, clock):
    """One live log per day: the deleted log comes back and the newer one of that day
    is deleted in its place (and can itself be brought back the same way)."""
    day = date(2026, 2, 25)
    old = daily.save_log(db, DailyLog(day, leg_pain=6, notes="old"), clock.now())
    undo.delete(db, undo.Kind.LOG, old, clock.now())
    new = daily.save_log(db, DailyLog(day, leg_pain=2, notes="new"), clock.now())
    assert new != old
    back = undo.undo(db, ALL, clock.now())
    assert back.item_id == old
    [live] = daily.logs(db)
    assert live.id == old and live.log.notes == "old"
    [top] = undo.undo_stack(db, ALL, clock.now())
    assert top.item_id == new and top.sentence() == "The daily log of Wed 25 Feb was deleted."


def test_a_missing_item_is_not_deleted_twice(db, clock):
    walk = log_walk(db, clock, date(2026, 2, 20), "20")
    undo.delete(db, undo.Kind.WALK, walk.id, clock.now())
    with pytest.raises(LookupError):
        undo.delete(db, undo.Kind.WALK, walk.id, clock.now())
    assert len(undo.undo_stack(db, ALL, clock.now())) == 1


def test_the_service_delete_functions_share_the_stack(db, clock):
    walk = log_walk(db, clock, date(2026, 2, 20), "20")
    log_id = daily.save_log(db, DailyLog(date(2026, 2, 21)), clock.now())
    event = daily.add_treatment(
        db, TreatmentEvent(date(2026, 2, 22), TreatmentKind.PROCEDURE), clock.now()
    )
    walks.delete_walk(db, walk.id, clock.now())
    daily.delete_log(db, log_id, clock.now())
    daily.delete_treatment(db, event, clock.now())
    assert [d.kind for d in undo.undo_stack(db, ALL, clock.now())] == [
        undo.Kind.TREATMENT,
        undo.Kind.LOG,
        undo.Kind.WALK,
    ]


def _day(day: date) -> str:
    from stenosis_coach.core.words import day_text

    return day_text(day)


def test_a_walk_from_another_year_is_named_with_its_year(db, clock):
    walk = log_walk(db, clock, date(2025, 12, 30), "20", kind=WalkKind.TEST)
    undo.delete(db, undo.Kind.WALK, walk.id, clock.now())
    [shown] = undo.undo_stack(db, ALL, clock.now())
    assert shown.sentence() == (
        f"The walking test of Tue 30 Dec 2025 ({minutes_text(1200)}) was deleted."
    )
