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


def _all_wrapped(dialogs) -> list[tuple[str, str, str]]:
    """The boxes whose title or text holds words outside a translated message."""
    return [
        shown
        for shown in dialogs.shown
        if not is_pseudo_wrapped(shown[1])
        or (shown[0] in ("inform", "warn", "choose") and not is_pseudo_wrapped(shown[2]))
    ]


def test_the_boxes_of_backup_and_restore_are_translated(pseudo, window, dialogs, tmp_path):
    dialogs.paths.append(tmp_path / "backup.db")
    window.data_actions.backup()
    dialogs.paths.append(tmp_path / "backup.db")
    dialogs.choices.append(0)  # Restore this backup
    window.data_actions.restore()
    assert [kind for kind, _t, _x in dialogs.shown] == [
        "save_path",
        "inform",
        "open_path",
        "choose",
        "inform",
    ]
    assert _all_wrapped(dialogs) == []
    question = dialogs.questions[-1]
    assert all(is_pseudo_wrapped(option) for option in question.options)


def test_the_offer_of_an_unfinished_session_is_translated(
    pseudo, make_window, paths, clock, dialogs
):
    from tests.ui.test_startup import crash_mid_session

    crash_mid_session(paths, clock)
    make_window()  # 'Save it as ended at …' (the first answer)
    assert dialogs.questions and _all_wrapped(dialogs) == []
    assert all(is_pseudo_wrapped(o) for q in dialogs.questions for o in q.options)
