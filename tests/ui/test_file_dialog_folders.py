"""A second save (or open) of the same kind of file starts in the folder the first went to,
for this session: the report, the pocket card and plan files (exported and imported share
one folder). Another kind keeps its own; nothing chosen is nothing remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_therapist_tools import build_plan

LEFT = Qt.MouseButton.LeftButton
LAKESIDE = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"


@pytest.fixture
def therapist(window):
    """The Therapist tools page, added to the window if the window does not have it yet."""
    from stenosis_coach.ui.therapist.page import TherapistPage

    if "therapist" not in window.page_keys():
        window.add_page(
            "therapist", "Therapist tools", "report", lambda: TherapistPage(window.context)
        )
    return window.show_page("therapist")


def asked(dialogs, kind: str) -> list[Path]:
    """Where each file dialog of ``kind`` ("save_path", "open_path") started: the folder of
    the name it suggested, or the folder it opened in."""
    shown = [Path(text) for k, _title, text in dialogs.shown if k == kind]
    return [p.parent if kind == "save_path" else p for p in shown]


def test_the_second_report_is_offered_where_the_first_was_saved(window, qtbot, dialogs, tmp_path):
    page = window.show_page("report")
    page.refresh()
    dialogs.paths.append(tmp_path / "visit")
    qtbot.mouseClick(page.save, LEFT)
    assert (tmp_path / "visit.pdf").exists()
    dialogs.paths.append(None)  # the second time: changed her mind
    qtbot.mouseClick(page.save, LEFT)
    first, second = asked(dialogs, "save_path")
    assert first == Path.home()
    assert second == tmp_path
    name = Path(dialogs.shown[-1][2]).name
    assert name.startswith("stenosis-report-") and name.endswith(".pdf")


def test_the_second_pocket_card_is_offered_where_the_first_was_saved(
    window, qtbot, dialogs, tmp_path
):
    page = window.show_page("walk")
    folder = tmp_path / "cards"
    folder.mkdir()
    dialogs.paths.append(folder / "card.pdf")
    qtbot.mouseClick(page.card, LEFT)
    assert dialogs.shown[-1][1] == "Pocket card saved"
    dialogs.paths.append(None)
    qtbot.mouseClick(page.card, LEFT)
    assert asked(dialogs, "save_path") == [Path.home(), folder]
    # the report is another kind of file: it keeps its own folder
    report = window.show_page("report")
    report.refresh()
    dialogs.paths.append(None)
    qtbot.mouseClick(report.save, LEFT)
    assert asked(dialogs, "save_path")[-1] == Path.home()


def test_nothing_chosen_is_nothing_remembered(window, qtbot, dialogs):
    page = window.show_page("walk")
    dialogs.paths += [None, None]
    qtbot.mouseClick(page.card, LEFT)
    qtbot.mouseClick(page.card, LEFT)
    assert asked(dialogs, "save_path") == [Path.home(), Path.home()]


def test_a_plan_is_opened_where_the_last_plan_came_from(window, dialogs):
    dialogs.paths += [LAKESIDE, None]
    window.plans.choose_and_import()
    window.end_flow()  # leave the preview
    window.plans.choose_and_import()
    assert asked(dialogs, "open_path") == [Path.home(), LAKESIDE.parent]


def test_an_exported_plan_is_offered_and_opened_where_the_last_plan_went(
    qtbot, therapist, window, dialogs, tmp_path
):
    build_plan(qtbot, therapist)
    folder = tmp_path / "for Ann"
    folder.mkdir()
    dialogs.paths += [folder / "plan", None]
    qtbot.mouseClick(therapist.export, LEFT)
    assert (folder / "plan.scplan.json").is_file()
    qtbot.mouseClick(therapist.export, LEFT)
    first, second = asked(dialogs, "save_path")
    assert (first, second) == (Path.home(), folder)
    assert Path(dialogs.shown[-1][2]).name == "flexion-programme-weeks-1-to-4.scplan.json"
    dialogs.paths.append(None)  # importing it on this computer, to try it: the same folder
    window.plans.choose_and_import()
    assert asked(dialogs, "open_path") == [folder]
