"""Therapist tools, "Add an exercise": the highlighted exercise is described beside the list
at once, and keys that move the highlight move the description with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def picker(qtbot, window):
    """The exercise picker, opened with "Add an exercise…" on a new routine."""
    from stenosis_coach.ui.therapist.page import TherapistPage

    if "therapist" not in window.page_keys():
        window.add_page(
            "therapist", "Therapist tools", "report", lambda: TherapistPage(window.context)
        )
    page = window.show_page("therapist")
    qtbot.mouseClick(page.tabs.buttons["routines"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.routines.new_routine, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.routines.add_step, Qt.MouseButton.LeftButton)
    assert page.screens.current() is page.picker
    return page.picker


def highlighted(picker) -> str:
    item = picker.list.currentItem()
    assert item is not None and not item.isHidden()
    return picker._library[item.data(Qt.ItemDataRole.UserRole)].name


def test_the_highlighted_exercise_is_described_before_anything_is_typed(qtbot, picker):
    assert picker.search.text() == ""
    name = highlighted(picker)
    assert picker.name.text() == name
    assert picker.steps.text().startswith("1. ")
    assert picker.where.text()
    assert name in picker.picture.accessibleName()


def test_keys_move_the_highlight_and_the_description_with_it(qtbot, picker):
    first = highlighted(picker)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    second = highlighted(picker)
    assert second != first
    assert picker.name.text() == second
    qtbot.keyClick(picker.list, Qt.Key.Key_Up)
    assert picker.name.text() == first == highlighted(picker)


def test_a_second_visit_describes_its_own_highlight(qtbot, picker):
    """Cancel after moving down, add again: the description is of the first one again."""
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list, Qt.Key.Key_Escape)
    page = picker.parentWidget()
    while not hasattr(page, "routines"):
        page = page.parentWidget()
    qtbot.mouseClick(page.routines.add_step, Qt.MouseButton.LeftButton)
    assert page.screens.current() is picker
    assert picker.name.text() == highlighted(picker)


def test_nothing_found_describes_nothing(qtbot, picker):
    qtbot.keyClicks(picker.search, "zzz")
    assert picker.none_found.isVisible()
    assert picker.name.text() == ""
    assert picker.steps.text() == ""
    assert not picker.picture.isVisible()
    picker.search.clear()
    assert picker.name.text() == highlighted(picker)
    assert picker.picture.isVisible()
