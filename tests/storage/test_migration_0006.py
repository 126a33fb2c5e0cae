"""Migration 0006 (issue 15): questionnaires, My activities and the relief answer, with no
row of a version 5 file lost, and the file backed up before (DESIGN 3)."""

import sqlite3

from stenosis_coach.storage import backup
from stenosis_coach.storage.database import UPGRADE_LABEL, open_database
from stenosis_coach.storage.engine import make_engine
from stenosis_coach.storage.migrate import upgrade_to_head

UTC_TIME = "2026-03-02T08:30:00.000000+00:00"

# A version 5 file with a row (or two) in every table, written as version 5 wrote them.
ROWS_OF_VERSION_5 = [
    "INSERT INTO session VALUES (1, 'routine', 'Gentle start', 'ended', "
    f"'{UTC_TIME}', 60, '{UTC_TIME}', 61.5, '{UTC_TIME}', 'completed')",
    f"INSERT INTO session_event VALUES (1, 1, 'started', 0.0, '{UTC_TIME}', "
    '\'{"routine": "flexion-basics"}\')',
    f"INSERT INTO red_flag_check VALUES (1, 'first_run', '{UTC_TIME}', 60, '{UTC_TIME}', "
    "NULL, 'urgent')",
    f"INSERT INTO red_flag_answer VALUES (1, 1, 'fever', 1, '{UTC_TIME}')",
    f"INSERT INTO clearance VALUES (1, '{UTC_TIME}', 60, 'checked_by_clinician', 1)",
    "INSERT INTO app_state VALUES ('welcome_seen', 'yes')",
    f"INSERT INTO walk VALUES (1, 1, 'test', '{UTC_TIME}', 60, '781/2', '195', 5, 1, 0, "
    "'completed', '420.5', 'café, \"quoted\"', 0, 0, '', NULL)",
    f"INSERT INTO walk VALUES (2, NULL, 'training', '{UTC_TIME}', 60, '540', NULL, 1, NULL, 1, "
    f"'completed', NULL, '', 1, 1, 'diary.csv', '{UTC_TIME}')",
    "INSERT INTO daily_log VALUES (1, '2026-03-01', 4, 2, NULL, 2, 0, 1, NULL, 7, 1, '270', "
    f"'sore', '{UTC_TIME}', NULL)",
    "INSERT INTO daily_log VALUES (2, '2026-02-28', 9, NULL, NULL, 0, 0, 0, 1, NULL, 0, NULL, "
    f"'', '{UTC_TIME}', '{UTC_TIME}')",
    "INSERT INTO treatment_event VALUES (1, '2026-02-10', 'epidural_injection', 'L4-L5', NULL)",
    "INSERT INTO plan_import VALUES (1, 'Lakeside', 'Ana', 'Clinic', NULL, NULL, 'p.json', "
    f"'{'a' * 64}', '{UTC_TIME}', NULL)",
    "INSERT INTO custom_exercise VALUES ('ex-1', '{}', 1)",
    "INSERT INTO custom_routine VALUES ('r-1', '{}', 1)",
]


def tables(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
            )
        ]
        return {n: conn.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in names}
    finally:
        conn.close()


def columns(path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def version_5_file(paths):
    paths.ensure()
    engine = make_engine(paths.db_file)
    upgrade_to_head(engine, "0005")
    engine.dispose()
    conn = sqlite3.connect(paths.db_file)
    with conn:
        for statement in ROWS_OF_VERSION_5:
            conn.execute(statement)
    conn.close()
    return tables(paths.db_file)


def test_a_version_5_file_keeps_every_row_and_is_backed_up_first(paths):
    before = version_5_file(paths)
    assert all(before[name] for name in before), "every table of version 5 has a row"

    open_database(paths).close()

    after = tables(paths.db_file)
    for name, rows in before.items():
        if name == "daily_log":  # the one table with a new column, last and empty
            assert [row[:-1] for row in after[name]] == rows
            assert [row[-1] for row in after[name]] == [None, None]
        else:
            assert after[name] == rows, name
    assert after["questionnaire_answer"] == [] and after["activity"] == []
    [saved] = backup.backups(paths.backup_dir, UPGRADE_LABEL)
    assert tables(saved) == before
    conn = sqlite3.connect(paths.db_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_new_file_has_the_outcome_tables(paths):
    open_database(paths).close()
    assert columns(paths.db_file, "questionnaire_answer") == [
        "id",
        "day",
        "instrument",
        "item",
        "answer",
        "recorded_at",
        "deleted_at",
    ]
    assert columns(paths.db_file, "activity") == [
        "id",
        "words",
        "added_on",
        "retired_on",
        "stopped_on",
    ]
    assert columns(paths.db_file, "daily_log")[-1] == "since_treatment"
    assert backup.backups(paths.backup_dir) == []


def test_the_tables_match_the_models(paths):
    """What the migrations made is what the models describe (Alembic finds no difference)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    import stenosis_coach.storage.models  # noqa: F401

    db = open_database(paths)
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    finally:
        db.close()
    ours = [d for d in diff if "questionnaire_answer" in repr(d) or "activity" in repr(d)]
    ours += [d for d in diff if "since_treatment" in repr(d)]
    assert ours == []
