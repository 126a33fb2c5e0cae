"""The file types a file box offers (issue 14): the same words for the same files wherever
a box opens or saves them, translated, with their patterns kept as Qt reads them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

PLAN_TYPES = "⟦Plan files⟧ (*.scplan.json);;⟦All files⟧ (*)"


@pytest.fixture
def offered(dialogs, monkeypatch):
    """Each file box's title and the file types it offered, in order."""
    seen: list[tuple[str, str]] = []

    def open_path(title, start, file_filter):
        seen.append((title, file_filter))

    def ask_save_name(title, suggested, file_filter):
        seen.append((title, file_filter))

    monkeypatch.setattr(dialogs, "open_path", open_path)
    monkeypatch.setattr(dialogs, "ask_save_name", ask_save_name)
    return seen


def test_importing_and_exporting_a_plan_offer_plan_files_in_the_same_words(
    pseudo, qtbot, window, offered
):
    from stenosis_coach.ui.therapist.page import TherapistPage

    [import_plan] = [a for a in window.findChildren(QAction) if "Import plan" in a.text()]
    import_plan.trigger()

    window.add_page("therapist", "Therapist tools", "report", lambda: TherapistPage(window.context))
    page = window.show_page("therapist")
    fields = page.details.fields
    for name, text in (("title", "Walking, weeks 1 to 4"), ("author", "R. Okafor, PT")):
        fields[name].setFocus()
        qtbot.keyClicks(fields[name], text)
    page.tabs.buttons["walking"].click()
    qtbot.mouseClick(page.walking.include, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)

    assert offered == [("⟦Import a plan⟧", PLAN_TYPES), ("⟦Export plan⟧", PLAN_TYPES)]


def test_the_pocket_card_and_the_report_offer_pdf_files_in_the_same_words(
    pseudo, qtbot, window, offered
):
    qtbot.mouseClick(window.show_page("walk").card, Qt.MouseButton.LeftButton)
    report = window.show_page("report")
    report.refresh()
    qtbot.mouseClick(report.save, Qt.MouseButton.LeftButton)

    assert [types for _title, types in offered] == ["⟦PDF files⟧ (*.pdf)"] * 2
