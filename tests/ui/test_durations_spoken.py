"""Durations are shown as minutes and seconds and read out in words."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from stenosis_coach.core.words import minutes_text

SHOWN = re.compile(r"^\d+:\d\d min$|^\d+ min$")


def test_walk_history_shows_minutes_and_seconds_and_says_them_in_words(window, clock):
    from stenosis_coach.services.demo import fill_demo

    fill_demo(window.context.coach.database, weeks=4, seed=3, now=clock.now())
    window.context.data_changed.emit()
    page = window.show_page("walk")
    model = page.model
    assert model.rowCount() > 0
    walked = [model.index(row, 2) for row in range(model.rowCount())]
    for index in walked:
        shown = model.data(index, Qt.ItemDataRole.DisplayRole)
        said = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
        assert SHOWN.match(shown), shown  # "6:30 min", never "6.5 min"
        assert ":" not in said and "minute" in said, said  # "6 minutes 30 seconds"
    stored = page.model.walk_at(0)
    assert model.data(walked[0], Qt.ItemDataRole.DisplayRole) == minutes_text(
        stored.walk.total_walk_s
    )
