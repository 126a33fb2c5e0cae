"""The shared widgets' own words are translatable (issue 14, "Words are translatable"):
the dialogs' buttons and questions, "Leave without saving?", a rating's and a number box's
names for screen readers, and why cues are not heard. Under the pseudo-locale each comes
back wrapped ``⟦…⟧``, once (never ``⟦⟦…⟧⟧`` for one message)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from stenosis_coach.i18n import is_pseudo_wrapped
from tests.ui.conftest import FakeDialogs


def _whole(text: str) -> bool:
    """Is ``text`` one wrapped message, from its first character to its last?"""
    depth = 0
    for index, char in enumerate(text):
        depth += {"⟦": 1, "⟧": -1}.get(char, 0)
        if depth == 0:
            return index == len(text) - 1 and index > 0
    return False


def once(text: str) -> bool:
    """Wrapped, and not the same message twice over (``⟦⟦Leg pain⟧: 4⟧`` is a sentence
    holding a name; ``⟦⟦Leg pain⟧⟧`` would be one message translated twice)."""
    return is_pseudo_wrapped(text) and not (_whole(text) and _whole(text[1:-1]))


def test_confirm_says_cancel_in_the_users_language(pseudo):
    dialogs = FakeDialogs()
    dialogs.confirm("⟦Remove?⟧", "⟦It goes.⟧", "⟦Remove⟧")
    assert dialogs.questions[-1].options == ["⟦Remove⟧", "⟦Cancel⟧"]


def test_replacing_a_file_is_asked_in_one_wrapped_sentence(pseudo, tmp_path: Path):
    (tmp_path / "visit.pdf").write_text("old")
    dialogs = FakeDialogs()
    dialogs.paths.append(tmp_path / "visit")
    dialogs.choices.append(1)  # keep the old file
    assert dialogs.save_path("⟦Save⟧", tmp_path / "visit.pdf", "PDF (*.pdf)", ".pdf") is None
    question = dialogs.questions[-1]
    assert once(question.title) and once(question.text)
    assert question.text == f"⟦visit.pdf already exists in {tmp_path}. Replace it?⟧"
    assert all(once(option) for option in question.options)


def test_an_ok_box_has_a_wrapped_button(pseudo, qtbot):
    from stenosis_coach.ui.dialogs import Dialogs

    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(b.text() for b in box.findChildren(QPushButton))
        box.buttons()[0].click()

    QTimer.singleShot(0, read_and_close)
    Dialogs().inform("⟦Saved⟧", "⟦Your report is saved.⟧")
    assert seen == ["⟦OK⟧"]


def test_leaving_a_form_is_asked_wrapped(pseudo, qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from stenosis_coach.ui.form_leave import UnsavedEntries

    form = QWidget()
    qtbot.addWidget(form)
    box = QLineEdit(form)
    QVBoxLayout(form).addWidget(box)
    dialogs = FakeDialogs()
    unsaved = UnsavedEntries(form, dialogs)
    unsaved.remember()
    box.setText("6")
    assert not unsaved.may_leave()  # the first option, "Keep editing"
    question = dialogs.questions[-1]
    assert question.title == "⟦Leave without saving?⟧"
    assert question.text == "⟦What you entered is lost.⟧"
    assert question.options == ["⟦Keep editing⟧", "⟦Leave⟧"]


def test_a_rating_and_a_number_box_are_named_wrapped(pseudo, qtbot):
    from stenosis_coach.ui.inputs import NumberField, RatingScale

    scale = RatingScale("⟦Leg pain⟧")
    qtbot.addWidget(scale)
    assert once(scale.accessibleDescription())
    names = [b.accessibleName() for b in scale.buttons]
    assert all(once(name) for name in names), names
    assert "⟦no pain⟧" in names[0] and "⟦worst⟧" in names[10]
    scale.set_value(4)
    assert scale.accessibleDescription() == (
        "⟦4 chosen. The arrow keys change it; to choose 10, type 1 then 0.⟧"
    )

    field = NumberField("⟦Minutes⟧")
    qtbot.addWidget(field)
    assert once(field.minus.accessibleName()) and once(field.plus.accessibleName())


def test_why_cues_are_not_heard_is_wrapped(pseudo):
    from stenosis_coach.ui.cues import NO_DEVICE, SOUND_OFF, SilentCuePlayer, cue_text

    assert SilentCuePlayer(SOUND_OFF).last_error == f"⟦{SOUND_OFF}⟧"
    assert SilentCuePlayer(NO_DEVICE).last_error == f"⟦{NO_DEVICE}⟧"
    assert cue_text("hold") == "⟦Hold⟧"
