"""A question in a pop-up is said in its body, first and in big bold type, not only in the
window title (system-size text that many window managers do not even show). Tested with
the real dialog class, not the scripted FakeDialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from stenosis_coach.core.settings import Settings, TextSize
from stenosis_coach.services.settings_store import save_settings
from stenosis_coach.ui.dialogs import Dialogs


@pytest.fixture(params=[TextSize.EXTRA_LARGE, TextSize.NORMAL])
def sized(request, make_window, paths):
    settings = Settings(text_size=request.param)
    save_settings(paths, settings)
    return make_window(open_data=False), settings


def shown_labels(box: QMessageBox) -> list[QLabel]:
    """The labels of the box's body, top to bottom, as a reader sees them."""
    labels = [lab for lab in box.findChildren(QLabel) if lab.isVisible() and lab.text()]
    return sorted(labels, key=lambda lab: lab.mapTo(box, lab.rect().topLeft()).y())


def answer_with(button_text: str, seen: dict) -> None:
    """When the box is up: note what its body shows, then press ``button_text``."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        labels = shown_labels(box)
        seen["texts"] = [lab.text() for lab in labels]
        seen["fonts"] = [lab.font() for lab in labels]
        seen["name"] = box.accessibleName()
        press = next(b for b in box.findChildren(QPushButton) if b.text() == button_text)
        press.click()

    QTimer.singleShot(0, look)


def test_a_question_is_the_first_line_of_the_body_in_big_bold_type(sized, qtbot):
    window, settings = sized
    seen: dict = {}
    answer_with("Stop", seen)
    choice = Dialogs(window).choose(
        "Stop the routine?", "What you did so far is kept.", ["Keep going", "Stop"]
    )
    assert choice == 1
    assert seen["texts"][:2] == ["Stop the routine?", "What you did so far is kept."]
    question, detail = seen["fonts"][:2]
    assert question.pointSize() == settings.type_scale.section_title  # follows the setting
    assert question.bold()
    assert detail.pointSize() == settings.type_scale.body
    assert not detail.bold()
    assert seen["name"] == "Stop the routine?"


def test_a_confirmation_and_a_message_say_their_title_in_the_body_too(sized, qtbot):
    window, settings = sized
    seen: dict = {}
    answer_with("Keep it", seen)
    kept = not Dialogs(window).confirm(
        "Discard this walk?",
        "It will be deleted and cannot be brought back.",
        yes="Discard it",
        no="Keep it",
    )
    assert kept
    assert seen["texts"][:2] == [
        "Discard this walk?",
        "It will be deleted and cannot be brought back.",
    ]
    assert seen["fonts"][0].pointSize() == settings.type_scale.section_title

    answer_with("OK", seen)
    Dialogs(window).warn("The report was not saved", "The disk is full.")
    assert seen["texts"][:2] == ["The report was not saved", "The disk is full."]
    assert seen["fonts"][0].bold()
