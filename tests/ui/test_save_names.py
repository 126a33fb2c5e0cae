"""Saved files get their ending without cutting the name the user typed."""

from pathlib import Path

import pytest

from stenosis_coach.ui.dialogs import with_suffix


@pytest.mark.parametrize(
    ("typed", "suffix", "saved"),
    [
        ("visit", ".pdf", "visit.pdf"),
        ("visit.PDF", ".pdf", "visit.PDF"),
        ("notes.txt", ".pdf", "notes.txt.pdf"),
        ("plan", ".scplan.json", "plan.scplan.json"),
        ("plan.json", ".scplan.json", "plan.scplan.json"),
        ("plan.scplan.json", ".scplan.json", "plan.scplan.json"),
        ("week 1.2", ".db", "week 1.2.db"),
    ],
)
def test_the_ending_is_added_once(typed, suffix, saved):
    assert with_suffix(Path("/home/ana") / typed, suffix) == Path("/home/ana") / saved
