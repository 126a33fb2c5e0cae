"""The database's change counter: readers tell whether the data changed without reading it."""

from datetime import UTC, date, datetime

from stenosis_coach.core.daily import DailyLog
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.walks_repo import WalkRepository

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_a_write_moves_the_generation_and_a_read_does_not(db):
    repo = DailyRepository(db)
    start = db.generation
    repo.all_logs()
    WalkRepository(db).walks()
    SafetyRepository(db).checks()
    assert db.generation == start  # reads leave it where it was

    repo.save_log(DailyLog(day=date(2026, 3, 2), leg_pain=3), AT)
    after_write = db.generation
    assert after_write > start
    repo.all_logs()
    assert db.generation == after_write


def test_raw_sql_writes_through_any_connection_move_it(db):
    start = db.generation
    with db.engine.connect() as conn:  # a connection of its own, not a repository's session
        conn.exec_driver_sql("INSERT INTO app_state (key, value) VALUES ('x', 'y')")
        conn.commit()
    assert db.generation > start


def test_a_rolled_back_write_does_not_move_it(db):
    start = db.generation
    with db.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO app_state (key, value) VALUES ('x', 'y')")
        conn.rollback()
    assert db.generation == start
    SafetyRepository(db).set_state("x", "z")  # the next write after it still counts
    assert db.generation > start


def test_each_table_knows_the_generation_it_last_changed_at(db):
    DailyRepository(db).save_log(DailyLog(day=date(2026, 3, 2), leg_pain=3), AT)
    logged = db.generation
    assert db.changed_at("daily_log") == logged
    assert db.changed_at("walk") < logged and db.changed_at("red_flag_check") < logged
    SafetyRepository(db).set_state("x", "z")
    assert db.changed_at("daily_log") == logged  # another table's write
    assert db.changed_at("daily_log", "app_state") == db.generation


def test_a_statement_it_cannot_read_counts_as_a_change_of_every_table(db):
    with db.engine.connect() as conn:
        conn.exec_driver_sql("WITH x AS (SELECT 1) INSERT INTO app_state VALUES ('w', 'v')")
        conn.commit()
    assert db.changed_at("walk") == db.generation


def test_a_cascading_delete_changes_the_rows_it_reaches(db):
    from stenosis_coach.storage.sessions_repo import SessionRepository

    repo = SessionRepository(db)
    session = repo.start("routine", "Gentle start", AT, 0)
    started = db.generation
    repo.delete(session)
    assert db.changed_at("session_event") > started and db.changed_at("walk") > started
