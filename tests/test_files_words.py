"""The sentences of files.py in another language (issue 14, "Words are translatable"):
numbers grouped the locale's way, English unchanged."""

from __future__ import annotations

import pytest

from stenosis_coach import i18n
from stenosis_coach.files import InputFileProblem, read_input


def _too_big_reason(tmp_path) -> str:
    big = tmp_path / "big.csv"
    big.write_text("x" * 24980)
    with pytest.raises(InputFileProblem) as caught:
        read_input(big, 10_000, "walk diary")
    return caught.value.reason


def test_a_file_size_is_grouped_the_english_way(tmp_path):
    assert _too_big_reason(tmp_path) == (
        "the file is 24,980 bytes; a walk diary is at most 10,000 bytes"
    )


def test_a_file_size_is_grouped_the_locales_way(tmp_path):
    i18n.setup("de")
    try:
        reason = _too_big_reason(tmp_path)
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
    assert "24.980 bytes" in reason and "10.000 bytes" in reason


# What each sentence said in English before it became one message per kind of file.
READ_SAID = {
    "_FOLDER_NOT": "is a folder, not a {what}",
    "_TOO_BIG": "the file is too big; a {what} is at most {limit} bytes",
    "_SIZE_TOO_BIG": "the file is {size} bytes; a {what} is at most {limit} bytes",
}
WRITE_SAID = {
    "_IS_A_FOLDER": "{file} is a folder; give a file name for the {what}.",
    "_NOT_ORDINARY": "{file} is not an ordinary file (a device or a pipe), so it was left as "
    "it is; give a file name for the {what}.",
    "_NO_FILE_HERE": "No file can be made in {folder}, so the {what} was not written there; "
    "choose another place.",
    "_NOT_WRITTEN": "the {what} was not written",
    "_INCOMPLETE": "The {what} could not be written completely to {file}, so nothing was saved "
    "there.",
    "_FAILED": "The {what} could not be written to {file} ({reason}).",
}
READ_KINDS = ("file", "walk diary", "plan file", "backup")  # what services read
WRITE_KINDS = ("file", "report", "pocket card", "backup", "settings file", "export", "plan file")


def test_each_kind_of_file_has_its_whole_sentence_in_unchanged_english():
    from stenosis_coach import files

    for tables, kinds in ((READ_SAID, READ_KINDS), (WRITE_SAID, WRITE_KINDS)):
        for name, template in tables.items():
            sentences = getattr(files, name)
            assert set(sentences) == set(kinds), name
            for kind in kinds:
                assert sentences[kind] == template.replace("{what}", kind), (name, kind)


def _one_message(text: str) -> bool:
    return text.count(i18n.PSEUDO_OPEN) == 1 and text.count(i18n.PSEUDO_CLOSE) == 1


def test_the_kind_of_file_is_inside_one_message(tmp_path, pseudo):
    """Not a sentence with a translated noun put in it ("the ⟦backup⟧ was not written"),
    whose article and verb could not agree with it in French or German."""
    import errno

    from stenosis_coach.errors import UserError
    from stenosis_coach.files import _write_error, check_output

    with pytest.raises(InputFileProblem) as caught:
        read_input(tmp_path, 1000, "plan file")
    assert _one_message(caught.value.reason) and "not a plan file" in caught.value.reason
    with pytest.raises(UserError) as refused:
        check_output(tmp_path, "report")
    assert _one_message(refused.value.message) and "for the report." in refused.value.message
    full = _write_error(OSError(errno.ENOSPC, "No space left"), tmp_path / "b.db", "backup")
    assert "⟦the backup was not written⟧" in full.message
    other = _write_error(OSError(errno.EIO, "Input/output error"), tmp_path / "x", "export")
    assert _one_message(other.message) and "The export could not be written" in other.message
