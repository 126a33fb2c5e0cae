"""One way the window writes (ui/writes.py): an expected problem is said in a calm box with
its own sentence, nothing is announced, and the page keeps what it showed."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.errors import InvalidInput
from stenosis_coach.services.coach import Coach
from stenosis_coach.services.walks import history, log_walk


@pytest.fixture
def walk_page(window):
    log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TRAINING, date(2026, 2, 27), "15", peak_leg_pain=2),
        window.context.clock.now(),
    )
    page = window.show_page("walk")
    page.table.setFocus()
    return page


def _announced(window) -> list:
    said: list = []
    window.context.changed.connect(said.append)
    return said


def test_a_full_disk_while_deleting_is_said_in_its_own_words(
    window, walk_page, qtbot, dialogs, monkeypatch
):
    def full(self, kind, item_id):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Coach, "delete", full)
    said = _announced(window)
    qtbot.keyClick(walk_page.table, Qt.Key.Key_Delete)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warn", "It was not deleted")
    assert text.startswith("The disk is full, so nothing was changed;")
    assert said == [] and walk_page.model.rowCount() == 1  # nothing announced, still listed
    assert not walk_page.undo_bar.isVisibleTo(walk_page)


def test_a_refusal_is_said_with_its_sentence(window, walk_page, qtbot, dialogs, monkeypatch):
    def refused(self, kind, item_id):
        raise InvalidInput("That walk is no longer there.")

    monkeypatch.setattr(Coach, "delete", refused)
    qtbot.keyClick(walk_page.table, Qt.Key.Key_Delete)
    assert dialogs.shown[-1] == ("warn", "It was not deleted", "That walk is no longer there.")
    assert len(history(window.context.coach.database)) == 1


def test_a_bug_is_not_hidden_as_a_problem_of_the_disk(window, walk_page, monkeypatch):
    from stenosis_coach.ui.writes import write

    def bug(coach):
        raise KeyError("no such kind")

    with pytest.raises(KeyError):
        write(window.context, bug, "It was not deleted")


def test_a_forms_problem_goes_back_to_the_form(window, walk_page):
    """A value refused by a form (a ValueError) is the caller's to show at its field, even
    when its words look like a disk's."""
    from stenosis_coach.core.walking.logged import FormProblems
    from stenosis_coach.ui.writes import write

    def refused(coach):
        raise FormProblems({"minutes": "the disk is full of minutes: type fewer"})

    with pytest.raises(FormProblems):
        write(window.context, refused, "Your walk was not saved")
