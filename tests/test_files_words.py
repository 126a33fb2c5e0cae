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
