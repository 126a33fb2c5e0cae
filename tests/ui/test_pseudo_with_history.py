"""The pseudo-locale contract on a lived-in window (issue 14, "Done when": ≥ 97 % of the
visible texts wrapped on every page): a year of history fills every card, table, verdict,
sign and plot key, and each page's words still come through the translation function.

Data is not counted: what the user or a plan entered, and the built-in exercises' and
routines' own content (translated with the library: tests/core/test_exercise_library.py).
"""

from __future__ import annotations

import pytest

from stenosis_coach.services.coach import Coach
from tests.ui.pseudo_texts import unwrapped, wrapped_share, wrapped_twice

PAGES = ["today", "walk", "exercises", "progress", "report", "therapist", "settings"]


@pytest.fixture
def lived_in(pseudo, paths, clock, make_window):
    with Coach.open(paths, clock=clock) as coach:
        coach.fill_demo(52, 7)
    window = make_window()
    coach = window.context.coach
    data = [str(paths.data_dir)]
    for exercise in coach.exercises().values():
        data += [exercise.name, *exercise.steps, *exercise.cautions]
    for routine in coach.routines().values():
        data += [routine.name, routine.description or ""]
    return window, data


@pytest.mark.parametrize("key", PAGES)
def test_a_page_full_of_history_speaks_translated_words(lived_in, key):
    window, data = lived_in
    page = window.show_page(key)
    left = unwrapped(page, data)
    assert wrapped_share(page, data) >= 0.97, left
    assert wrapped_twice(page) == []


def test_the_window_around_the_pages_is_translated(lived_in):
    window, data = lived_in
    window.show_page("progress")
    assert unwrapped(window.rail, data) == []
    assert window.windowTitle()  # the app's name: the same in every language
