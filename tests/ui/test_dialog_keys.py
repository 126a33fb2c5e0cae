"""Keys in a question box, through the real dialog class: Esc picks the safe option (the
one where nothing changes), and Enter, pressed at once, is never the destructive one.
Every question the app asks names its safe option, and a question asked because of a
restore or an import says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from stenosis_coach.core.settings import Settings, TextSize
from stenosis_coach.services.settings_store import save_settings
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.theme import HIGH_CONTRAST, LIGHT


def press_when_open(key: Qt.Key, seen: dict) -> None:
    """When the box is up: note which button has the focus, then press ``key`` on it."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        focused = box.focusWidget()  # what has the focus once the box is active
        seen["focused"] = focused.text() if isinstance(focused, QPushButton) else None
        seen["default"] = next(
            (b.text() for b in box.findChildren(QPushButton) if b.isDefault()), None
        )
        target = focused if focused is not None else box
        from PySide6.QtTest import QTest

        QTest.keyClick(target, key)
        if box.isVisible():  # the key did nothing: do not leave the test hanging
            seen["still_open"] = True
            box.reject()
            box.done(0)

    QTimer.singleShot(0, press)


# (title, text, options, safe): the app's questions, destructive ones included.
QUESTIONS = [
    ("Stop the walk?", "What you did so far is kept.", ["Keep going", "Stop"], 0),
    ("Stop the routine?", "What you did so far is kept.", ["Keep going", "Stop"], 0),
    ("Stop the walk and close?", "A walk is running.", ["Keep going", "Stop and close"], 0),
    ("End the walk?", "What you walked so far is kept.", ["Keep walking", "End the walk"], 0),
    ("Your data file is damaged", "…", ["Restore the newest backup", "Close the app"], 1),
]


@pytest.mark.parametrize(("title", "text", "options", "safe"), QUESTIONS)
def test_esc_picks_the_safe_option(make_window, qtbot, title, text, options, safe):
    window = make_window(open_data=False)
    seen: dict = {}
    press_when_open(Qt.Key.Key_Escape, seen)
    choice = Dialogs(window).choose(title, text, options, safe=safe)
    assert "still_open" not in seen
    assert choice == safe


@pytest.mark.parametrize(("title", "text", "options", "safe"), QUESTIONS)
def test_enter_at_once_is_the_safe_option_never_the_destructive_one(
    make_window, qtbot, title, text, options, safe
):
    window = make_window(open_data=False)
    seen: dict = {}
    press_when_open(Qt.Key.Key_Return, seen)
    choice = Dialogs(window).choose(title, text, options, safe=safe)
    assert seen["default"] == options[safe]
    assert seen["focused"] == options[safe]
    assert choice == safe


def test_a_confirmation_keeps_things_on_esc_and_on_enter(make_window, qtbot):
    window = make_window(open_data=False)
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return):
        seen: dict = {}
        press_when_open(key, seen)
        replaced = Dialogs(window).confirm(
            "Replace your data?", "Your data will be replaced.", yes="Restore this backup"
        )
        assert not replaced
        assert seen["default"] == "Cancel"


def test_every_question_the_app_asked_named_a_safe_option(window, dialogs, qtbot):
    """FakeDialogs records each question's safe option; Esc in a script picks it."""
    dialogs.choices = [dialogs.ESC]
    page = window.show_page("walk")
    page.start.click()
    window.data_actions.restore()
    question = dialogs.questions[-1]
    assert question.title == "Stop the walk to restore your backup?"
    assert question.options[question.safe] == "Keep going"
    assert window.running_session() == "walk"  # Esc kept the walk going


def test_importing_a_plan_mid_walk_says_why_it_asks(window, dialogs, qtbot):
    dialogs.choices = [dialogs.ESC]
    window.show_page("walk").start.click()
    assert window.plans.import_files([]) is None
    assert dialogs.questions[-1].title == "Stop the walk to import a plan?"
    assert window.running_session() == "walk"


def test_a_menu_mid_walk_still_asks_plainly(window, dialogs, qtbot):
    dialogs.choices = [dialogs.ESC]
    window.show_page("walk").start.click()
    assert not window.leave_session()
    assert dialogs.questions[-1].title == "Stop the walk?"


# -- the box's border ----------------------------------------------------------------------
@pytest.mark.parametrize("high_contrast", [True, False])
def test_a_question_box_has_a_visible_border_in_the_theme(make_window, paths, qtbot, high_contrast):
    save_settings(paths, Settings(text_size=TextSize.EXTRA_LARGE, high_contrast=high_contrast))
    window = make_window(open_data=False)
    border = (HIGH_CONTRAST if high_contrast else LIGHT).border
    seen: dict = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        image: QImage = box.grab().toImage()
        if high_contrast:
            image.save("/tmp/h18_box_hc.png")  # looked at by eye
        w, h = image.width(), image.height()
        seen["edges"] = [
            image.pixelColor(x, y).name().upper()
            for x, y in ((1, h // 2), (w - 2, h // 2), (w // 2, 1), (w // 2, h - 2))
        ]
        box.reject()

    QTimer.singleShot(0, look)
    Dialogs(window).choose("Stop the walk?", "What you did so far is kept.", ["Keep going", "Stop"])
    assert seen["edges"] == [border] * 4
