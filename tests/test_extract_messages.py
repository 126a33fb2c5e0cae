"""The catalogue template carries the notes written for translators (issue 14, "Words are
translatable"): a ``# Translators: ...`` comment above a message that is only layout, or
that needs its context, reaches the .pot as an extracted comment (``#.``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("pot") / "stenosis_coach.pot"
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "extract_messages.sh"), str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with open(out, "rb") as handle:
        return read_po(handle)


def _notes(catalogue, msgid: str, context: str | None = None) -> str:
    message = catalogue.get(msgid, context)
    assert message is not None, msgid
    return " ".join(message.auto_comments)


@pytest.mark.parametrize(
    "msgid",
    [
        "next: {exercise}",  # the name as written, lower-cased in English alone
        "Next: {exercise}",
        "{scale}: {value}",  # layout only
        "{scale}: {value} ({meaning})",
        "{field}: less",
        "{minutes}:{seconds} min",
        "{minutes} {seconds}",
        "{items} and {last}",
        "{file}: {reason}.",
    ],
)
def test_layout_and_context_messages_carry_a_note_for_translators(catalogue, msgid):
    assert _notes(catalogue, msgid).startswith("Translators:")


def test_the_template_is_written_where_asked_and_the_shipped_one_is_left_alone(catalogue):
    assert len(catalogue) > 1000
