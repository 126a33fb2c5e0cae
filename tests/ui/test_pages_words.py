"""The window's pages show only translated words (issue 14, "Words are translatable"):
under the pseudo-locale every text of Today, Walk, Exercises, Progress, Report, Settings
and the rail reads ⟦…⟧, apart from what is data (exercise and routine content, a path)."""

from __future__ import annotations

import pytest

from stenosis_coach.i18n import is_pseudo_wrapped
from tests.ui.pseudo_texts import unwrapped, wrapped_share


def _library_words(window) -> list[str]:
    """The built-in exercises' and routines' own content (translated with the library)."""
    coach = window.context.coach
    words: list[str] = []
    for exercise in coach.exercises().values():
        words += [exercise.name, *exercise.steps, *exercise.cautions]
    for routine in coach.routines().values():
        words += [routine.name, routine.description]
    return words


@pytest.mark.parametrize("key", ["today", "walk", "exercises", "progress", "report", "settings"])
def test_every_text_of_the_page_is_translated(pseudo, make_window, key):
    window = make_window()
    page = window.show_page(key)
    data = [*_library_words(window), str(window.context.paths.data_dir)]
    assert unwrapped(page, data) == []
    assert wrapped_share(page, data) == 1.0


def test_the_rail_and_the_menus_are_translated(pseudo, make_window):
    window = make_window()
    assert unwrapped(window.rail) == []
    for menu_action in window.menuBar().actions():
        assert is_pseudo_wrapped(menu_action.text())
        for action in menu_action.menu().actions():
            assert action.isSeparator() or is_pseudo_wrapped(action.text())


def test_a_sentence_with_a_value_is_one_message(pseudo, make_window):
    window = make_window()
    settings = window.show_page("settings")
    assert settings.volume_label.text().startswith("⟦Volume: ")
    assert settings.volume_label.text().count("⟦") == 1
    walk = window.show_page("walk")
    assert walk.why_text.text().startswith("⟦Why: ")
