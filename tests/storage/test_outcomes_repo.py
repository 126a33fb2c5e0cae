"""Questionnaires, My activities and the relief answer in storage (issue 15, DESIGN 5.6,
5.10): whole questionnaires in, core types out, in date order."""

import sqlite3
from datetime import date, timedelta

import pytest

from stenosis_coach.core.daily import DailyLog
from stenosis_coach.core.outcomes.model import Questionnaire, SinceTreatment
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.outcomes_repo import Activity, OutcomesRepository

FIRST_ZCQ = {"s1": 4, "s2": 4, "s3": 3, "s7": 3, "f1": 3, "f5": 1}


def raw_rows(db, sql):
    conn = sqlite3.connect(db.paths.db_file)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_questionnaire_comes_back_whole_as_core_types_in_date_order(db, clock):
    repo = OutcomesRepository(db)
    later = Questionnaire(date(2026, 4, 27), "zcq", {"s1": 3, "p1": 2})
    first = Questionnaire(date(2026, 3, 2), "zcq", FIRST_ZCQ)
    activities = Questionnaire(
        date(2026, 3, 2), "psfs", {"Standing to cook a meal": 3, "Gardening": "stopped"}
    )
    for q in (later, first, activities):
        repo.save_questionnaire(q, clock.now())
    assert repo.questionnaires() == [activities, first, later]
    assert repo.questionnaires("zcq") == [first, later]
    assert list(repo.questionnaires("zcq")[0].answers) == list(FIRST_ZCQ)  # items in order
    assert repo.questionnaire(date(2026, 3, 2), "psfs") == activities
    assert repo.questionnaire(date(2026, 3, 3), "psfs") is None
    # one row per answered item, an answer as questionnaires.csv writes it
    assert raw_rows(
        db, "SELECT item, answer FROM questionnaire_answer WHERE instrument='psfs'"
    ) == [
        ("Standing to cook a meal", "3"),
        ("Gardening", "stopped"),
    ]


def test_saving_the_same_day_again_replaces_that_instrument_only(db, clock):
    repo = OutcomesRepository(db)
    day = date(2026, 3, 2)
    repo.save_questionnaire(Questionnaire(day, "zcq", FIRST_ZCQ), clock.now())
    repo.save_questionnaire(Questionnaire(day, "psfs", {"Gardening": 4}), clock.now())
    clock.advance(60)
    repo.save_questionnaire(Questionnaire(day, "zcq", {"s1": 2}), clock.now())
    assert repo.questionnaires() == [
        Questionnaire(day, "psfs", {"Gardening": 4}),
        Questionnaire(day, "zcq", {"s1": 2}),
    ]
    # the old answers are kept, deleted with when
    deleted = raw_rows(db, "SELECT COUNT(*) FROM questionnaire_answer WHERE deleted_at IS NOT NULL")
    assert deleted == [(len(FIRST_ZCQ),)]


def test_a_questionnaire_is_saved_in_one_transaction(db, clock, monkeypatch):
    """A failure half-way through leaves the questionnaire stored before, untouched."""
    repo = OutcomesRepository(db)
    day = date(2026, 3, 2)
    repo.save_questionnaire(Questionnaire(day, "zcq", FIRST_ZCQ), clock.now())

    def broken(answer):
        if answer == 2:
            raise OSError("disk gone")
        return str(answer)

    monkeypatch.setattr("stenosis_coach.storage.outcomes_repo.answer_text", broken)
    with pytest.raises(OSError):
        repo.save_questionnaire(Questionnaire(day, "zcq", {"s1": 1, "s2": 2}), clock.now())
    assert repo.questionnaires() == [Questionnaire(day, "zcq", FIRST_ZCQ)]


def test_a_deleted_questionnaire_is_left_out(db, clock):
    repo = OutcomesRepository(db)
    day = date(2026, 3, 2)
    repo.save_questionnaire(Questionnaire(day, "zcq", FIRST_ZCQ), clock.now())
    assert repo.delete_questionnaire(day, "zcq", clock.now()) is True
    assert repo.delete_questionnaire(day, "zcq", clock.now()) is False
    assert repo.questionnaires() == []


def test_activities_are_added_retired_and_stopped(db):
    repo = OutcomesRepository(db)
    day = date(2026, 3, 2)
    cook = repo.add_activity("Standing to cook a meal", day)
    shop = repo.add_activity("Walking round the supermarket", day)
    garden = repo.add_activity("Gardening", day)
    assert cook == Activity(cook.id, "Standing to cook a meal", day)
    assert cook.current
    later = day + timedelta(days=28)
    assert repo.retire_activity(shop.id, later).retired_on == later
    assert repo.stop_activity(garden.id, later).stopped_on == later
    listed = repo.activities()
    assert [a.words for a in listed] == [
        "Standing to cook a meal",
        "Walking round the supermarket",
        "Gardening",
    ]
    assert [a.current for a in listed] == [True, False, False]
    with pytest.raises(LookupError):
        repo.stop_activity(999, later)


def test_a_stopped_answer_marks_the_activity_stopped(db, clock):
    repo = OutcomesRepository(db)
    garden = repo.add_activity("Gardening", date(2026, 3, 2))
    cook = repo.add_activity("Cooking", date(2026, 3, 2))
    day = date(2026, 3, 30)
    repo.save_questionnaire(
        Questionnaire(day, "psfs", {"Gardening": "stopped", "Cooking": 5}), clock.now()
    )
    by_id = {a.id: a for a in repo.activities()}
    assert by_id[garden.id].stopped_on == day
    assert by_id[cook.id].current


def test_the_relief_answer_is_the_days_log(db, clock):
    logs = DailyRepository(db)
    day = date(2026, 3, 23)
    assert logs.since_treatment(day) is None
    with pytest.raises(LookupError):
        logs.set_since_treatment(day, SinceTreatment.BETTER, clock.now())
    logs.save_log(DailyLog(day, leg_pain=4), clock.now())
    logs.save_log(DailyLog(day + timedelta(days=1), leg_pain=5), clock.now())
    clock.advance(60)
    logs.set_since_treatment(day, SinceTreatment.MUCH_BETTER, clock.now())
    assert logs.since_treatment(day) is SinceTreatment.MUCH_BETTER
    assert logs.since_treatment_answers() == {day: SinceTreatment.MUCH_BETTER}
    assert logs.updated_times()[logs.log_for(day).id] == clock.now()
    # saving the log's numbers again keeps the answer; clearing it is None
    logs.save_log(DailyLog(day, leg_pain=3), clock.now())
    assert logs.since_treatment(day) is SinceTreatment.MUCH_BETTER
    logs.set_since_treatment(day, None, clock.now())
    assert logs.since_treatment_answers() == {}


def test_a_folders_questionnaires_give_their_rows_and_the_activities_they_imply(db, clock):
    """For the data folder's import (DESIGN 4.4: the folder holds the ratings, not a list
    of activities): rows for a bulk insert, activities rebuilt from the ratings."""
    from sqlalchemy import insert

    from stenosis_coach.storage.models import ActivityRow, QuestionnaireAnswerRow
    from stenosis_coach.storage.outcomes_repo import activity_rows, answer_rows

    march, april, may = date(2026, 3, 2), date(2026, 4, 27), date(2026, 5, 25)
    folder = [
        Questionnaire(march, "psfs", {"Cook": 3, "Shop": 2, "Garden": 4}),
        Questionnaire(march, "zcq", {"s1": 4}),
        Questionnaire(april, "psfs", {"Cook": 6, "Garden": "stopped", "Dance": 1}),
        Questionnaire(may, "psfs", {"Cook": 7, "Dance": 2}),
    ]
    with db.session() as s:
        s.execute(insert(QuestionnaireAnswerRow), answer_rows(folder, clock.now()))
        s.execute(insert(ActivityRow), activity_rows(folder))
    repo = OutcomesRepository(db)
    assert repo.questionnaires() == sorted(folder, key=lambda q: (q.date, q.instrument))
    got = {a.words: (a.added_on, a.retired_on, a.stopped_on) for a in repo.activities()}
    assert got == {
        "Cook": (march, None, None),
        "Shop": (march, april, None),  # missing from April's rating on: retired then
        "Garden": (march, None, april),
        "Dance": (april, None, None),
    }
    assert [a.words for a in repo.activities()] == ["Cook", "Shop", "Garden", "Dance"]
    assert activity_rows([]) == []
