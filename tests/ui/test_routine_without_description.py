"""A therapist's routine imported without a description: its Today card keeps no empty line
for it, and the sentences about it on the Exercises page are single-spaced, with no space
left at either end ("about 2 min.  From R. Okafor, PT." had two)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from stenosis_coach.ui.widgets import Card

LAKESIDE = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"
AUTHOR = "R. Okafor, PT, Lakeside Physio"


@pytest.fixture
def imported(window, qtbot, dialogs, tmp_path):
    """Lakeside's plan with its routine's description left out, imported: now my routine."""
    plan = json.loads(LAKESIDE.read_text())
    del plan["routines"][0]["description"]
    bare = tmp_path / "no-description.scplan.json"
    bare.write_text(json.dumps(plan))
    window.plans.import_files([bare])
    qtbot.mouseClick(window.flow.import_button, Qt.MouseButton.LeftButton)
    return window


def shown_labels(widget) -> list[QLabel]:
    return [w for w in widget.findChildren(QLabel) if w.isVisible()]


def test_the_today_card_keeps_no_room_for_a_missing_description(imported):
    today = imported.show_page("today")
    cards = [c for c in today.findChildren(Card) if c.isVisible()]
    [card] = [c for c in cards if shown_labels(c)[0].text().startswith("Before your walk, ")]
    texts = [w.text() for w in shown_labels(card)]
    assert all(text.strip() for text in texts), texts  # no empty line
    # shorter than every card that has a line under its title (the empty line was as tall)
    others = [c for c in cards if c is not card]
    assert others and all(card.height() < other.height() for other in others)


def test_the_exercises_page_says_it_single_spaced(imported):
    page = imported.show_page("exercises")
    mine = page.mine_text.text()
    assert mine.startswith("Before your walk — about ")
    assert mine.endswith(f" min. From {AUTHOR}.")
    about = [w.text() for w in shown_labels(page) if AUTHOR in w.text()]
    assert f"From {AUTHOR}. Suggested 4 times a week." in about
    for text in about:
        assert "  " not in text and text == text.strip(), repr(text)


def test_the_sentences_without_a_description_are_whole_messages(pseudo, imported):
    from stenosis_coach.i18n import is_pseudo_wrapped

    page = imported.show_page("exercises")
    mine = page.mine_text.text()
    assert is_pseudo_wrapped(mine) and mine.endswith(f" min⟧. From {AUTHOR}.⟧"), mine
    about = [w.text() for w in shown_labels(page) if AUTHOR in w.text()]
    assert f"⟦From {AUTHOR}. ⟦Suggested 4 times a week.⟧⟧" in about
