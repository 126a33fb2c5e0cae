"""Therapist tools: removing an exercise from a routine asks first, like removing a routine
or an own exercise (issue 12: no delete may lose data without a way back)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_therapist_tools import build_plan, click, go_to, page  # noqa: F401


def test_removing_a_step_asks_first_and_cancel_keeps_it_with_its_dose(qtbot, page, dialogs):  # noqa: F811
    build_plan(qtbot, page)
    go_to(qtbot, page, "routines")
    routines = page.routines
    steps = lambda: list(page.draft.routines[0].steps)  # noqa: E731
    before = steps()
    routines.step_list.setFocus()
    routines.step_list.setCurrentRow(2)
    dialogs.choices.append(1)  # Cancel
    qtbot.keyClick(routines.step_list, Qt.Key.Key_Delete)
    _kind, title, text = dialogs.shown[-1]
    assert title == "Remove this exercise from the routine?"
    assert "“Wall lean”" in text and "“Morning flexion”" in text
    assert steps() == before and routines.step_list.hasFocus()
    qtbot.keyClick(routines.step_list, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert steps() == before and dialogs.shown[-1][1] == title  # nothing asked, nothing gone
    click(qtbot, routines.remove_step)  # this time: "Remove the exercise"
    assert steps() == before[:2]
