"""The refusals of the shared top modules and of opening the data, in the pseudo-locale
(issue 14, "Words are translatable"): each is one marked sentence, ``⟦…⟧`` from its first
word to its last, with its file name filled in (never translated); English unchanged."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from stenosis_coach.errors import DatabaseDamaged, DatabaseTooNew, DiskFull, storage_error
from stenosis_coach.files import InputFileProblem, check_output, read_input
from stenosis_coach.i18n import PSEUDO_CLOSE, PSEUDO_OPEN, _
from stenosis_coach.paths import folder_problem
from stenosis_coach.storage.database import open_database
from stenosis_coach.storage.schema import SCHEMA_VERSION


def whole(message: str) -> bool:
    """One marked sentence: wrapped from its first word to its last."""
    return message.startswith(PSEUDO_OPEN) and message.endswith(PSEUDO_CLOSE)


def test_a_file_that_cannot_be_read_is_said_in_marked_words(tmp_path, pseudo):
    missing = tmp_path / "diary.csv"
    with pytest.raises(InputFileProblem) as caught:
        read_input(missing, 1000, "walk diary")
    assert whole(caught.value.message) and str(missing) in caught.value.message
    assert whole(caught.value.reason)  # plan files quote it after the file name
    with pytest.raises(InputFileProblem) as caught:
        read_input(tmp_path, 1000, "walk diary")
    assert whole(caught.value.message)
    assert "walk diary" in caught.value.message  # the kind, inside its own sentence
    big = tmp_path / "big.csv"
    big.write_text("x" * 2000)
    with pytest.raises(InputFileProblem) as caught:
        read_input(big, 1000, "walk diary")
    assert whole(caught.value.reason) and "2,000" in caught.value.reason


def test_a_wide_text_file_is_refused_in_one_marked_sentence(tmp_path, pseudo):
    diary = tmp_path / "diary.csv"
    diary.write_text("date,walking_min\n", encoding="utf-16")
    with pytest.raises(InputFileProblem) as caught:
        read_input(diary, 1000, "walk diary")
    assert whole(caught.value.message) and "UTF-16" in caught.value.message


def test_a_place_that_cannot_take_the_file_is_said_in_marked_words(tmp_path, pseudo):
    for target in (tmp_path, tmp_path / "missing" / "r.pdf", tmp_path / ("a" * 300)):
        with pytest.raises(Exception) as caught:
            check_output(target, "report")
        assert whole(caught.value.message), caught.value.message


def test_a_full_disk_is_one_marked_sentence_around_its_marked_action(tmp_path, pseudo):
    full = OSError(errno.ENOSPC, "No space left on device")
    found = storage_error(full, _("the backup was not made"), tmp_path)
    assert isinstance(found, DiskFull)
    assert whole(found.message)
    assert f"{PSEUDO_OPEN}the backup was not made{PSEUDO_CLOSE}" in found.message
    for code in (errno.EROFS, errno.EACCES):
        found = storage_error(OSError(code, "x"), _("nothing was restored"), tmp_path)
        assert found is not None and whole(found.message) and str(tmp_path) in found.message


def test_an_unusable_data_folder_is_a_marked_sentence(tmp_path, pseudo):
    for code in (errno.EACCES, errno.ENOTDIR):
        problem = folder_problem(OSError(code, "Some reason"), tmp_path)
        assert whole(problem.message) and str(tmp_path) in problem.message


def test_a_damaged_or_too_new_data_file_is_a_marked_sentence(paths, pseudo):
    paths.ensure()
    paths.db_file.write_text("hello, not a database")
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(paths)
    assert whole(caught.value.message) and str(paths.db_file) in caught.value.message
    paths.db_file.write_bytes(b"")
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(paths)
    assert whole(caught.value.message)
    paths.db_file.unlink()
    open_database(paths).close()
    conn = sqlite3.connect(paths.db_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNew) as caught:
        open_database(paths)
    assert whole(caught.value.message)


def test_the_english_of_the_data_file_sentences_is_unchanged(paths):
    paths.ensure()
    paths.db_file.write_bytes(b"")
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(paths)
    assert caught.value.message == (
        f"Your data file {paths.db_file} is empty, so it has been left as it is."
    )
    assert Path(str(paths.db_file)).read_bytes() == b""
