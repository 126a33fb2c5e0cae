"""Therapist tools (issue 8): build a plan with the widgets, export it, import it elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from stenosis_coach.core.exercises.model import Position, Sides
from stenosis_coach.ui.therapist.draft import PlanDraft, slug, unique_slug
from stenosis_coach.ui.therapist.limits import STEP_NUMBERS, WALK_NUMBERS
from stenosis_coach.ui.therapist.preview import preview_lines

LEFT = Qt.MouseButton.LeftButton


# --- helpers: the therapist's hands ------------------------------------------------------------


@pytest.fixture
def page(window):
    """The Therapist tools page, added to the window if the window does not have it yet."""
    from stenosis_coach.ui.therapist.page import TherapistPage

    if "therapist" not in window.page_keys():
        window.add_page(
            "therapist", "Therapist tools", "report", lambda: TherapistPage(window.context)
        )
    return window.show_page("therapist")


def click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
    qtbot.mouseClick(widget, LEFT)


def type_over(qtbot, box: QWidget, text: str) -> None:
    """Focus a text box, select what is there and type ``text`` over it, key by key."""
    edit = getattr(box, "edit", box)  # a NumberField types into its text box
    edit.setFocus()
    if isinstance(edit, QPlainTextEdit):
        edit.selectAll()
        for number, line in enumerate(text.split("\n")):
            if number:
                qtbot.keyClick(edit, Qt.Key.Key_Return)
            qtbot.keyClicks(edit, line)
    else:
        edit.selectAll()
        qtbot.keyClicks(edit, text)


def go_to(qtbot, page, section: str) -> None:
    click(qtbot, page.tabs.buttons[section])
    assert page.current_section() == section


def add_exercise(qtbot, page, search: str) -> None:
    """Press "Add an exercise…", type in the search box and press Enter."""
    click(qtbot, page.routines.add_step)
    assert page.screens.current() is page.picker
    qtbot.keyClicks(page.picker.search, search)
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    assert page.screens.current() is not page.picker


def build_plan(qtbot, page) -> None:
    """A 3-exercise routine (2 built-in + 1 of the therapist's own) and a walking plan."""
    go_to(qtbot, page, "details")
    fields = page.details.fields
    type_over(qtbot, fields["title"], "Flexion programme, weeks 1 to 4")
    type_over(qtbot, fields["author"], "R. Okafor, PT")
    type_over(qtbot, fields["clinic"], "Lakeside Physio")
    type_over(qtbot, fields["patient"], "Ann Lee")
    type_over(qtbot, page.details.notes, "Stop if the pain spreads.")

    go_to(qtbot, page, "exercises")
    own = page.own_exercises
    click(qtbot, own.new_exercise)
    assert own.name.hasFocus()
    qtbot.keyClicks(own.name, "Wall lean")  # the name is selected: typing replaces it
    assert own.ident.text() == "wall-lean"
    click(qtbot, own.position.buttons[Position.STANDING])
    type_over(qtbot, own.instructions, "Stand facing a wall.\nLean in with your forearms.")
    type_over(qtbot, own.cautions, "Stop if your legs tingle.")

    go_to(qtbot, page, "routines")
    routines = page.routines
    click(qtbot, routines.new_routine)
    assert routines.name.hasFocus()
    qtbot.keyClicks(routines.name, "Morning flexion")
    type_over(qtbot, routines.per_week, "5")
    add_exercise(qtbot, page, "pelvic tilt ly")
    add_exercise(qtbot, page, "bike")
    add_exercise(qtbot, page, "wall")
    # The last one added is chosen: set its dose with the keyboard and the choices.
    editor = routines.step_editor
    type_over(qtbot, editor.numbers["reps"], "8")
    type_over(qtbot, editor.numbers["hold_s"], "5")
    editor.numbers["sets"].edit.setFocus()
    qtbot.keyClick(editor.numbers["sets"].edit, Qt.Key.Key_Up)  # 1 -> 2
    click(qtbot, editor.sides.buttons[Sides.EACH])
    # The bike is the second step: 12 minutes.
    routines.step_list.setCurrentRow(1)
    type_over(qtbot, editor.numbers["duration_s"], "720")

    go_to(qtbot, page, "walking")
    walking = page.walking
    click(qtbot, walking.include)
    type_over(qtbot, walking.numbers["bout_s"], "5")
    type_over(qtbot, walking.numbers["rest_s"], "2.5")
    type_over(qtbot, walking.numbers["target_total_s"], "20")
    click(qtbot, walking.rest_position.buttons["lean"])
    type_over(qtbot, walking.numbers["walks_per_week"], "5")
    type_over(qtbot, walking.numbers["test_every_days"], "14")
    click(qtbot, walking.advanced_button)
    type_over(qtbot, walking.progression["step_up"], "1.05")


def export(qtbot, page, dialogs, target: Path) -> None:
    dialogs.paths.append(target)
    click(qtbot, page.export)


# --- the whole journey -------------------------------------------------------------------------


def test_a_plan_built_with_the_widgets_imports_on_a_fresh_machine(
    qtbot, page, dialogs, tmp_path, clock
):
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.services.exercises import exercises, routines
    from stenosis_coach.services.plans import import_plans, read_plans, walking_plan
    from stenosis_coach.storage.database import open_database

    build_plan(qtbot, page)
    assert page.routines.length.text() == "Estimated length: about 18 min"
    export(qtbot, page, dialogs, tmp_path / "plan")

    written = tmp_path / "plan.scplan.json"
    assert written.is_file()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("inform", "Plan exported")
    assert str(written) in text
    assert dialogs.shown[-2] == (
        "save_path",
        "Export plan",
        str(Path.home() / "flexion-programme-weeks-1-to-4.scplan.json"),
    )

    fresh = open_database(AppPaths.resolve(tmp_path / "patient"), clock.now())
    try:
        files = read_plans([written])
        import_plans(fresh, files, clock.now())
        routine = routines(fresh)["morning-flexion"]
        assert routine.name == "Morning flexion"
        assert routine.per_week == 5
        assert routine.author == "R. Okafor, PT, Lakeside Physio"
        steps = [(s.exercise, s.dosing) for s in routine.steps]
        assert [name for name, _ in steps] == ["pelvic-tilt", "stationary-cycling", "wall-lean"]
        assert steps[0][1].reps == 10 and steps[0][1].hold_s == 5  # the library's usual dose
        assert steps[1][1].duration_s == 720 and steps[1][1].reps is None
        wall = steps[2][1]
        assert (wall.reps, wall.hold_s, wall.sets, wall.sides) == (8, 5, 2, Sides.EACH)
        mine = exercises(fresh)["wall-lean"]
        assert mine.name == "Wall lean"
        assert mine.position is Position.STANDING
        assert mine.steps == ("Stand facing a wall.", "Lean in with your forearms.")
        assert mine.cautions == ("Stop if your legs tingle.",)
        plan = walking_plan(fresh)
        assert plan is not None
        start = plan.start
        assert (start.bout_s, start.rest_s, start.target_total_s) == (300, 150, 1200)
        assert (plan.walks_per_week, plan.rest_position, start.test_every_days) == (5, "lean", 14)
        assert float(start.progression.step_up) == pytest.approx(1.05)
        assert float(start.progression.bout_fraction) == pytest.approx(0.8)
        assert files[0].plan.patient == "Ann Lee"
        assert files[0].plan.notes == "Stop if the pain spreads."
    finally:
        fresh.close()


def test_the_preview_shows_what_the_patient_will_see(qtbot, page):
    build_plan(qtbot, page)
    go_to(qtbot, page, "preview")
    text = page.preview.text()
    assert text.startswith("Flexion programme, weeks 1 to 4\nFrom R. Okafor, PT, Lakeside Physio")
    assert "Morning flexion, about 18 min, 5 times a week" in text
    assert "1. Pelvic tilt, lying: 10 times, holding 5 s each" in text
    assert "2. Exercise bike, leaning forward: 12:00 min" in text
    assert "3. Wall lean: 2 sets of 8 times, holding 5 s each, each side; rest 30 s" in text
    assert "Walk 5:00 min at a time, resting leaning forward about 2:30 min, 20 min in all" in text


def test_exercises_that_imported_plans_brought_can_be_picked(
    qtbot, window, page, dialogs, tmp_path
):
    """The tools offer the exercises in the user's data (through the window's Coach), and
    follow the data when it changes."""
    from stenosis_coach.services.plans import read_plans

    build_plan(qtbot, page)
    export(qtbot, page, dialogs, tmp_path / "plan")
    window.context.coach.import_plans(read_plans([tmp_path / "plan.scplan.json"]))
    window.context.data_changed.emit()
    page.draft.exercises.clear()  # no longer this draft's own: the data's
    assert page.library()["wall-lean"].name == "Wall lean"
    go_to(qtbot, page, "routines")
    click(qtbot, page.routines.add_step)
    qtbot.keyClicks(page.picker.search, "wall lean")
    shown = [page.picker.list.item(i) for i in range(page.picker.list.count())]
    assert [i.text() for i in shown if not i.isHidden()] == ["Wall lean (your own)"]


# --- refusing what is wrong --------------------------------------------------------------------


def test_out_of_range_values_are_refused_with_a_message_and_nothing_is_written(
    qtbot, page, dialogs, tmp_path
):
    build_plan(qtbot, page)
    go_to(qtbot, page, "routines")
    reps = page.routines.step_editor.numbers["reps"]
    page.routines.step_list.setCurrentRow(2)
    type_over(qtbot, reps, "150")
    assert reps.error.isVisible()
    assert reps.error.text() == "Repetitions must be a whole number from 1 to 100."
    assert reps.edit.property("invalid") is True
    assert page.draft.routines[0].steps[2].reps == 15  # the last good value is kept

    go_to(qtbot, page, "walking")
    bout = page.walking.numbers["bout_s"]
    type_over(qtbot, bout, "90")
    assert bout.error.text() == "Each walk must be a number from 1 to 60 minutes."

    export(qtbot, page, dialogs, tmp_path / "plan")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warn", "The plan is not ready yet")
    assert "Repetitions must be a whole number from 1 to 100." in text
    assert "Each walk must be a number from 1 to 60 minutes." in text
    assert dialogs.paths, "no file was asked for"
    assert list(tmp_path.glob("*.scplan.json")) == []

    type_over(qtbot, bout, "5")
    go_to(qtbot, page, "routines")
    type_over(qtbot, reps, "12")
    assert not reps.error.isVisible()
    qtbot.keyClick(reps.edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Export plan
    assert dialogs.shown[-1][:2] == ("inform", "Plan exported")


def test_a_walk_longer_than_the_session_is_refused_by_the_plan_check(
    qtbot, page, dialogs, tmp_path
):
    build_plan(qtbot, page)
    go_to(qtbot, page, "walking")
    type_over(qtbot, page.walking.numbers["bout_s"], "25")  # the session is 20 min
    export(qtbot, page, dialogs, tmp_path / "plan")
    assert dialogs.shown[-1][:2] == ("warn", "The plan is not ready yet")
    assert "Each walk cannot be longer than the total walking time." in dialogs.shown[-1][2]
    assert list(tmp_path.glob("*.scplan.json")) == []


def test_the_file_check_has_the_last_word(qtbot, page, dialogs, tmp_path):
    """What only the plan file's own check catches is shown as its plain message."""
    build_plan(qtbot, page)
    export(qtbot, page, dialogs, tmp_path / "no-such-folder" / "plan")
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warn", "The plan was not exported")
    assert "no such folder" in text


def test_a_custom_id_that_is_a_built_in_id_is_refused(qtbot, page, dialogs, tmp_path):
    build_plan(qtbot, page)
    go_to(qtbot, page, "exercises")
    own = page.own_exercises
    type_over(qtbot, own.ident, "pelvic-tilt")
    assert own.id_error.isVisible()
    assert (
        own.id_error.text() == "'pelvic-tilt' is the id of a built-in exercise. Choose another id."
    )
    assert page.draft.exercises[0].id != "pelvic-tilt"
    type_over(qtbot, own.ident, "Wall Lean!")
    assert "small letters a to z, digits and hyphens" in own.id_error.text()
    export(qtbot, page, dialogs, tmp_path / "plan")
    assert dialogs.shown[-1][:2] == ("warn", "The plan is not ready yet")
    assert list(tmp_path.glob("*.scplan.json")) == []

    type_over(qtbot, own.ident, "wall-lean-2")  # a good id: the routine step follows it
    assert not own.id_error.isVisible()
    assert [s.exercise for s in page.draft.routines[0].steps][2] == "wall-lean-2"
    qtbot.keyClicks(own.name, " standing")  # the id no longer follows the name
    assert own.ident.text() == "wall-lean-2"


def test_an_empty_plan_says_what_is_missing(qtbot, page, dialogs):
    click(qtbot, page.export)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warn", "The plan is not ready yet")
    assert "Give the plan a title (in Plan details)." in text
    assert "Add a routine or include a walking plan." in text
    assert not any(kind == "save_path" for kind, _, _ in dialogs.shown)


# --- editing -----------------------------------------------------------------------------------


def test_steps_reorder_with_buttons_and_keys_and_are_removed(qtbot, page, dialogs):
    build_plan(qtbot, page)
    go_to(qtbot, page, "routines")
    routines = page.routines
    order = lambda: [s.exercise for s in page.draft.routines[0].steps]  # noqa: E731
    routines.step_list.setFocus()
    routines.step_list.setCurrentRow(2)
    qtbot.keyClick(routines.step_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert order() == ["pelvic-tilt", "wall-lean", "stationary-cycling"]
    assert routines.current_step() == 1
    click(qtbot, routines.move_up)
    assert order() == ["wall-lean", "pelvic-tilt", "stationary-cycling"]
    assert not routines.move_up.isEnabled()  # at the top
    assert routines.step_list.item(0).text().startswith("1. Wall lean\n2 sets of 8 times")
    qtbot.keyClick(routines.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert order() == ["pelvic-tilt", "wall-lean", "stationary-cycling"]
    click(qtbot, routines.move_down)
    assert order() == ["pelvic-tilt", "stationary-cycling", "wall-lean"]
    assert not routines.move_down.isEnabled()  # at the bottom
    qtbot.keyClick(routines.step_list, Qt.Key.Key_Delete)
    assert order() == ["pelvic-tilt", "stationary-cycling"]
    click(qtbot, routines.remove_step)
    assert order() == ["pelvic-tilt"]
    assert routines.length.text() == "Estimated length: about 1 min"


def test_routines_are_added_renamed_and_removed(qtbot, page, dialogs):
    go_to(qtbot, page, "routines")
    routines = page.routines
    assert not routines.steps_card.isVisible()
    assert routines.none_yet.isVisible()
    click(qtbot, routines.new_routine)
    click(qtbot, routines.new_routine)
    assert [r.name for r in page.draft.routines] == ["Routine 1", "Routine 2"]
    type_over(qtbot, routines.name, "Evening stretch")
    assert routines.routine_list.item(1).text() == "Evening stretch"
    assert page.draft.routines[1].id == "evening-stretch"
    type_over(qtbot, routines.name, "Gentle start")  # a built-in routine's id is kept clear
    assert page.draft.routines[1].id == "gentle-start-2"
    dialogs.choices.append(1)  # "Cancel"
    click(qtbot, routines.remove_routine)
    assert len(page.draft.routines) == 2
    click(qtbot, routines.remove_routine)  # confirmed
    assert [r.name for r in page.draft.routines] == ["Routine 1"]
    assert routines.routine_list.count() == 1


def test_the_exercise_search_finds_by_name_and_can_be_cancelled(qtbot, page):
    go_to(qtbot, page, "routines")
    click(qtbot, page.routines.new_routine)
    click(qtbot, page.routines.add_step)
    picker = page.picker
    qtbot.keyClicks(picker.search, "zzz")
    assert picker.none_found.isVisible()
    assert not picker.add.isEnabled()
    picker.search.clear()
    qtbot.keyClicks(picker.search, "knee")
    shown = [
        picker.list.item(i).text()
        for i in range(picker.list.count())
        if not picker.list.item(i).isHidden()
    ]
    assert shown == ["Both knees to chest", "Knee to chest, sitting", "One knee to chest"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Tab)  # Tab follows the screen: Add is next
    assert picker.add.hasFocus()
    picker.search.setFocus()
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # into the list, to the next one
    assert picker.list.hasFocus()
    assert picker.name.text() == "Knee to chest, sitting"
    qtbot.keyClick(picker.list, Qt.Key.Key_Escape)
    assert page.screens.current() is not picker
    assert page.draft.routines[0].steps == []


def test_the_advanced_fold_shows_and_hides_the_progression_numbers(qtbot, page):
    go_to(qtbot, page, "walking")
    walking = page.walking
    assert not walking.card.isEnabled()
    click(qtbot, walking.include)
    assert not walking.advanced.isVisible()
    click(qtbot, walking.advanced_button)
    assert walking.advanced.isVisible()
    assert walking.progression["bout_fraction"].text() == "0.8"
    assert walking.progression["max_target_s"].text() == "30"
    type_over(qtbot, walking.progression["flare_pain"], "8")
    assert page.draft.walking.plan_form()["progression"] == {"flare_pain": 8}
    click(qtbot, walking.defaults)
    assert "progression" not in page.draft.walking.plan_form()
    click(qtbot, walking.advanced_button)
    assert not walking.advanced.isVisible()


def test_every_focusable_control_has_an_accessible_name(qtbot, page):
    build_plan(qtbot, page)
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView)
    unnamed = [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for w in page.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not w.accessibleName().strip()
    ]
    assert unnamed == []


def test_targets_are_large_enough(qtbot, page):
    build_plan(qtbot, page)
    for key in ("details", "routines", "exercises", "walking"):
        go_to(qtbot, page, key)
        qtbot.wait(1)
        for widget in page.findChildren(QAbstractButton):
            if widget.isVisible():
                assert widget.height() >= 48, widget.accessibleName()


def test_each_section_fits_the_window_without_sideways_scrolling(qtbot, window, page, tmp_path):
    """At 1180 x 820 with large text (the default), nothing is cut off at the side."""
    window.resize(1180, 820)
    build_plan(qtbot, page)
    area = page.parentWidget().parentWidget()
    for key in ("details", "routines", "exercises", "walking", "preview"):
        go_to(qtbot, page, key)
        qtbot.wait(20)  # the scroll area sizes the page once its layouts have settled
        assert not area.horizontalScrollBar().isVisible(), key
        assert page.height() <= max(page.sizeHint().height(), area.viewport().height()), key
        assert window.grab().save(str(tmp_path / f"therapist-{key}.png"))


# --- the draft on its own (no widgets) ---------------------------------------------------------


def test_slugs_and_unique_ids():
    assert slug("Wall slide, standing!") == "wall-slide-standing"
    assert slug("  ") == ""
    assert unique_slug("Wall", {"wall", "wall-2"}, "x") == "wall-3"
    assert len(unique_slug("a" * 80, {"a" * 64}, "x")) == 64
    assert unique_slug("!!!", set(), "exercise") == "exercise"


def test_numbers_are_parsed_against_design_bounds():
    reps = STEP_NUMBERS["reps"]
    assert reps.parse("12") == 12
    for bad in ("0", "101", "2.5", "ten", ""):
        with pytest.raises(ValueError, match="Repetitions"):
            reps.parse(bad)
    assert STEP_NUMBERS["hold_s"].parse("") is None
    bout = WALK_NUMBERS["bout_s"]
    assert bout.parse("2,5") == 150
    assert bout.shown(150) == "2.5"
    with pytest.raises(ValueError, match="from 1 to 60 minutes"):
        bout.parse("0.5")


def test_the_draft_moves_steps_and_follows_exercise_ids():
    from stenosis_coach.core.exercises.library import builtin_library

    library = builtin_library()
    draft = PlanDraft()
    r = draft.add_routine("Mine")
    e = draft.add_exercise("Wall lean")
    draft.add_step(r, library["pelvic-tilt"])
    draft.add_step(r, draft.library(library)["wall-lean"])
    assert draft.move_step(r, 0, -1) == 0  # already at the top
    assert draft.move_step(r, 0, +1) == 1
    assert draft.set_exercise_id(e, "chin-tuck") is not None
    assert draft.set_exercise_id(e, "lean") is None
    assert [s.exercise for s in draft.routines[r].steps] == ["lean", "pelvic-tilt"]
    assert draft.remove_exercise(e) == 1
    assert [s.exercise for s in draft.routines[r].steps] == ["pelvic-tilt"]
    draft.title, draft.author = "T", "A"
    assert draft.problems() == []
    lines = preview_lines(draft, library)
    assert ("section-title", "Mine, about 1 min, 7 times a week") in lines
    assert lines[-1] == ("", "No walking plan in this file.")
