"""The daily log and treatments: one log per day, undoable deletes, feeding the verdict."""

from datetime import date, timedelta
from fractions import Fraction

import pytest

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.walking.logged import FormProblems
from stenosis_coach.errors import InvalidInput
from stenosis_coach.services import daily
from stenosis_coach.services.status import build_status

DAY = date(2026, 3, 1)


def test_a_day_has_one_log_and_saving_again_replaces_it(db, clock):
    daily.save_log(db, DailyLog(DAY, leg_pain=4, otc_doses=2), clock.now())
    daily.save_log(
        db,
        DailyLog(DAY, leg_pain=3, otc_doses=1, opioid_doses=1, standing_s=Fraction(245)),
        clock.now(),
    )
    [stored] = daily.logs(db)
    assert stored.log.leg_pain == 3 and stored.log.doses == 2
    assert stored.log.standing_s == 245


def test_bad_values_are_named_and_nothing_is_saved(db, clock):
    with pytest.raises(FormProblems) as caught:
        daily.save_log(db, DailyLog(DAY, leg_pain=11, otc_doses=-1), clock.now())
    assert set(caught.value.problems) == {"leg_pain", "otc_doses"}
    with pytest.raises(FormProblems) as caught:
        daily.save_log(db, DailyLog(clock.now().date() + timedelta(days=1)), clock.now())
    assert "day" in caught.value.problems
    assert daily.logs(db) == []


def test_deleting_a_log_can_be_undone(db, clock):
    log_id = daily.save_log(db, DailyLog(DAY, leg_pain=4), clock.now())
    daily.delete_log(db, log_id, clock.now())
    assert daily.logs(db) == []
    daily.undo_delete_log(db, log_id, clock.now())
    assert len(daily.logs(db)) == 1


def test_treatments_are_listed_by_date_and_deletable(db, clock):
    later = daily.add_treatment(
        db, TreatmentEvent(DAY, TreatmentKind.EPIDURAL_INJECTION, "L4-5"), clock.now()
    )
    daily.add_treatment(
        db, TreatmentEvent(DAY - timedelta(days=30), TreatmentKind.PT_START), clock.now()
    )
    assert [t.event.kind for t in daily.treatments(db)] == [
        TreatmentKind.PT_START,
        TreatmentKind.EPIDURAL_INJECTION,
    ]
    daily.delete_treatment(db, later, clock.now())
    assert len(daily.treatments(db)) == 1
    with pytest.raises(InvalidInput, match="future"):
        daily.add_treatment(
            db,
            TreatmentEvent(clock.now().date() + timedelta(days=2), TreatmentKind.PROCEDURE),
            clock.now(),
        )


def test_new_weakness_in_the_log_is_a_sign_to_talk_to_the_clinician(db, clock):
    today = clock.now().date()
    daily.save_log(db, DailyLog(today - timedelta(days=3), new_weakness=True), clock.now())
    codes = [s.code.value for s in build_status(db, clock.now()).signs]
    assert codes == ["new_weakness_or_balance"]


def test_the_fast_bulk_reads_agree_with_the_ordinary_ones(db, clock):
    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services.walks import log_walk
    from stenosis_coach.storage.daily_repo import DailyRepository
    from stenosis_coach.storage.walks_repo import WalkRepository

    daily.save_log(
        db,
        DailyLog(
            DAY,
            leg_pain=4,
            back_pain=2,
            numbness=1,
            otc_doses=1,
            prescription_doses=2,
            opioid_doses=1,
            woken_by_leg_pain=3,
            sleep_quality=6,
            new_weakness=True,
            standing_s=Fraction(2451, 10),
            notes="cold",
        ),
        clock.now(),
    )
    assert DailyRepository(db).all_logs() == [s.log for s in daily.logs(db)]
    log_walk(
        db,
        WalkForm(
            WalkKind.TEST,
            DAY,
            "6.45",
            "4.5",
            rests=2,
            peak_leg_pain=3,
            distance_m="812.5",
            notes="hill",
        ),
        clock.now(),
    )
    repo = WalkRepository(db)
    assert repo.walks() == [stored.walk for stored in repo.all()]
