"""A change refreshes only the page in view (issue 14): the others catch up when shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import progress, report, today
from stenosis_coach.services.walks import history, log_walk


@pytest.fixture
def builds(monkeypatch):
    """How many times each page's model was built (Today, Progress, the report)."""
    counts = {"today": 0, "progress": 0, "report": 0}

    def counting(module, name, key):
        real = getattr(module, name)

        def counted(*args, **kwargs):
            counts[key] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)

    counting(today, "today_of", "today")
    counting(progress, "progress_of", "progress")
    counting(report, "report_of", "report")
    return counts


def _two_walks(window) -> None:
    for day, minutes in ((date(2026, 2, 26), "12"), (date(2026, 2, 27), "15")):
        log_walk(
            window.context.coach.database,
            WalkForm(WalkKind.TRAINING, day, minutes, peak_leg_pain=2),
            window.context.clock.now(),
        )


def test_a_delete_refreshes_only_the_page_in_view(window, qtbot, builds):
    _two_walks(window)
    for key in ("progress", "report", "today"):  # each page made once, then left
        window.show_page(key)
    page = window.show_page("walk")
    assert page.model.rowCount() == 2  # shown: fresh
    before = dict(builds)

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    assert page.model.rowCount() == 1 and len(history(window.context.coach.database)) == 1
    assert builds == before  # Today, Progress and the report were not rebuilt
    window.show_page("report")  # shown again: the report is rebuilt once
    assert builds["report"] == before["report"] + 1
    assert builds["today"] == before["today"] and builds["progress"] == before["progress"]


def test_a_hidden_page_is_stale_then_fresh_when_shown(window, qtbot):
    _two_walks(window)
    progress_page = window.show_page("progress")
    page = window.show_page("walk")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert progress_page.follow.stale  # hidden: only marked
    shown = progress_page.follow.refreshes

    window.show_page("progress")

    assert not progress_page.follow.stale and progress_page.follow.refreshes == shown + 1
    window.show_page("walk")
    window.show_page("progress")  # nothing changed meanwhile: not rebuilt again
    assert progress_page.follow.refreshes == shown + 1


def test_a_page_refreshes_only_for_the_kinds_it_shows(window, qtbot):
    """Choosing a routine changes plans and routines: the Exercises page redraws; a
    walk's delete does not touch it."""
    _two_walks(window)
    exercises = window.show_page("exercises")
    other = next(r for r in exercises.routine_buttons if r != exercises._mine_id)
    done = exercises.follow.refreshes
    qtbot.mouseClick(exercises.routine_buttons[other][1], Qt.MouseButton.LeftButton)
    assert exercises.follow.refreshes == done + 1 and exercises._mine_id == other
    walk = window.show_page("walk")
    walk.table.setFocus()
    qtbot.keyClick(walk.table, Qt.Key.Key_Delete)
    assert not exercises.follow.stale  # nothing it shows changed
