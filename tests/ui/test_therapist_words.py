"""The therapist tools speak in translatable words (issue 14, "Words are translatable").

Under the pseudo-locale every translated message reads ``⟦…⟧``: each screen of the tools
(details, routines, your own exercises, the walking plan, the preview, the exercise picker)
and the questions it asks show their words wrapped; what the therapist typed does not count.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListView, QListWidget

from stenosis_coach.i18n import is_pseudo_wrapped
from tests.ui import pseudo_texts
from tests.ui.pseudo_texts import unwrapped, wrapped_share
from tests.ui.test_therapist_tools import build_plan, click, go_to

# What build_plan types: the therapist's words, never translated.
TYPED = (
    "Flexion programme, weeks 1 to 4",
    "R. Okafor, PT",
    "Lakeside Physio",
    "Ann Lee",
    "Stop if the pain spreads.",
    "Wall lean",
    "wall-lean",
    "Stand facing a wall.",
    "Lean in with your forearms.",
    "Stop if your legs tingle.",
    "Morning flexion",
    "morning-flexion",
    "R. Okafor, PT, Lakeside Physio",
)


@pytest.fixture(autouse=True)
def _lists_have_no_headers(monkeypatch):
    """A list view has no column headers to read (and its model's columnCount is private
    to Qt): the collector reads headers of tables only. The rows are checked below."""
    headers = pseudo_texts._headers
    monkeypatch.setattr(
        pseudo_texts, "_headers", lambda view: [] if isinstance(view, QListView) else headers(view)
    )


@pytest.fixture
def page(pseudo, window):
    """The Therapist tools page, made under the pseudo-locale."""
    from stenosis_coach.ui.therapist.page import TherapistPage

    if "therapist" not in window.page_keys():
        window.add_page(
            "therapist", "Therapist tools", "report", lambda: TherapistPage(window.context)
        )
    return window.show_page("therapist")


def list_rows(widget) -> list[str]:
    """The rows of every visible list under ``widget`` (the collector reads no list rows)."""
    rows = []
    for view in widget.findChildren(QListWidget):
        if view.isVisibleTo(widget):
            rows += [
                view.item(i).text() for i in range(view.count()) if not view.item(i).isHidden()
            ]
    return rows


def unwrapped_rows(widget) -> list[str]:
    found = []
    for row in list_rows(widget):
        rest = row
        for typed in sorted(TYPED, key=len, reverse=True):
            rest = rest.replace(typed, "")
        if any(c.isalpha() for c in rest) and not is_pseudo_wrapped(row):
            found.append(row)
    return found


def assert_wrapped(widget) -> None:
    assert unwrapped(widget, TYPED) == []
    assert wrapped_share(widget, TYPED) >= 0.97
    assert unwrapped_rows(widget) == []


def test_every_empty_section_speaks_wrapped(page, qtbot):
    for section in ("details", "routines", "exercises", "walking", "preview"):
        go_to(qtbot, page, section)
        assert_wrapped(page)


def test_a_whole_plan_speaks_wrapped_on_every_section(page, qtbot):
    build_plan(qtbot, page)
    for section in ("details", "routines", "exercises", "walking", "preview"):
        go_to(qtbot, page, section)
        assert_wrapped(page)
    go_to(qtbot, page, "routines")
    page.routines.step_list.setCurrentRow(1)  # a step counted by time
    assert_wrapped(page)
    go_to(qtbot, page, "walking")
    click(qtbot, page.walking.advanced_button)  # folded again
    assert_wrapped(page)


def test_the_picker_speaks_wrapped(page, qtbot):
    build_plan(qtbot, page)
    go_to(qtbot, page, "routines")
    click(qtbot, page.routines.add_step)
    assert page.screens.current() is page.picker
    assert_wrapped(page)
    qtbot.keyClicks(page.picker.search, "zzzz")  # nothing found
    assert page.picker.none_found.isVisible()
    assert_wrapped(page)


def test_a_sentence_with_a_name_or_number_is_one_wrapped_message(page, qtbot):
    build_plan(qtbot, page)
    length = page.routines.length.text()
    assert length.startswith("⟦Estimated length: ") and length.endswith("⟧"), length
    go_to(qtbot, page, "preview")
    lines = page.preview.text().split("\n")
    heading = next(line for line in lines if "Morning flexion" in line)
    assert heading.startswith("⟦Morning flexion, ") and heading.endswith(" times a week⟧")
    assert "⟦From R. Okafor, PT, Lakeside Physio⟧" in lines
    assert "⟦For Ann Lee⟧" in lines


def test_the_questions_and_messages_are_wrapped(page, qtbot, dialogs, tmp_path):
    click(qtbot, page.export)  # nothing to export yet
    kind, title, text = dialogs.shown[-1]
    assert kind == "warn" and is_pseudo_wrapped(title)
    assert text.startswith("⟦Please fix this first:") and text.endswith("⟧"), text
    problems = text.split("\n")[1:]
    assert problems and all(is_pseudo_wrapped(line) for line in problems), problems

    build_plan(qtbot, page)
    dialogs.paths.append(tmp_path / "plan")
    click(qtbot, page.export)
    kind, title, text = dialogs.shown[-1]
    assert kind == "inform" and is_pseudo_wrapped(title) and is_pseudo_wrapped(text)
    save = [s for s in dialogs.shown if s[0] == "save_path"][-1]
    assert is_pseudo_wrapped(save[1])

    go_to(qtbot, page, "routines")
    dialogs.choices.append(1)  # keep it
    click(qtbot, page.routines.remove_step)
    go_to(qtbot, page, "exercises")
    dialogs.choices.append(1)
    click(qtbot, page.own_exercises.remove_exercise)
    go_to(qtbot, page, "routines")
    dialogs.choices.append(1)
    click(qtbot, page.routines.remove_routine)
    for question in dialogs.questions[-3:]:
        assert is_pseudo_wrapped(question.title), question
        assert is_pseudo_wrapped(question.text), question
        assert all(is_pseudo_wrapped(option) for option in question.options), question


def test_a_refused_number_says_why_wrapped(page, qtbot):
    from tests.ui.test_therapist_tools import type_over

    go_to(qtbot, page, "walking")
    click(qtbot, page.walking.include)
    field = page.walking.numbers["walks_per_week"]
    type_over(qtbot, field, "99")
    assert field.error.isVisible()
    assert is_pseudo_wrapped(field.error.text())
    type_over(qtbot, field, "")
    assert is_pseudo_wrapped(field.error.text())
