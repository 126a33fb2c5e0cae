"""Settings → "Start when I log in" (issue 16): off by default, writes and removes the
desktop's autostart entry, and always shows what is really on disk."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services import autostart


def entry_path() -> Path:
    found = autostart.autostart_for()
    assert isinstance(found, autostart.XdgAutostart)  # this machine: Linux
    return found.path


def exec_of(path: Path) -> list[str]:
    line = next(x for x in path.read_text(encoding="utf-8").splitlines() if x.startswith("Exec="))
    return shlex.split(line.removeprefix("Exec="))


def click(qtbot, box) -> None:
    """Click on the box's words, where a hand would (the box is as wide as its card)."""
    qtbot.mouseClick(
        box, Qt.MouseButton.LeftButton, pos=QPoint(box.height() // 2, box.height() // 2)
    )


def test_off_by_default_and_ticking_it_writes_the_entry(window, qtbot, paths):
    page = window.open_page("settings")
    box = page.start_at_login
    assert box.isVisible() and not box.isChecked()
    assert not entry_path().exists()
    click(qtbot, box)
    assert box.isChecked()
    assert exec_of(entry_path()) == [
        sys.executable,
        "-m",
        "stenosis_coach",
        "--data-dir",
        str(paths.data_dir),  # the test's own data folder, not the usual one
        "--minimised",
    ]
    click(qtbot, box)
    assert not box.isChecked() and not entry_path().exists()


def test_space_ticks_it(window, qtbot):
    page = window.open_page("settings")
    page.start_at_login.setFocus()
    qtbot.keyClick(page.start_at_login, Qt.Key.Key_Space)
    assert page.start_at_login.isChecked() and entry_path().exists()


def test_the_box_shows_what_is_on_disk_each_time_the_page_shows(window, qtbot):
    page = window.open_page("settings")
    place = autostart.autostart_for()
    place.enable(["stenosis-coach", "--minimised"])  # written by an earlier run
    window.open_page("today")
    window.open_page("settings")
    assert page.start_at_login.isChecked()
    place.disable()  # removed with the desktop's own settings
    window.open_page("today")
    window.open_page("settings")
    assert not page.start_at_login.isChecked()


def test_when_it_cannot_be_written_it_says_so_and_stays_off(window, qtbot, dialogs):
    config = entry_path().parent.parent
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("not a folder", encoding="utf-8")
    page = window.open_page("settings")
    click(qtbot, page.start_at_login)
    kind, title, text = dialogs.shown[-1]
    assert kind == "warn" and title == "“Start when I log in” was not changed"
    assert "was not turned on" in text
    assert not page.start_at_login.isChecked()


def test_its_words_are_translated(pseudo, window):
    page = window.open_page("settings")
    assert is_pseudo_wrapped(page.start_at_login.text())
    assert is_pseudo_wrapped(page.start_at_login.accessibleName())
    assert is_pseudo_wrapped(page.start_at_login_note.text())


def test_opening_settings_leaves_the_window_active_with_the_focus_in_the_page(window, qtbot):
    """No part of the page is ever shown as a window of its own (which would take the
    activation and the focus away, and log a Qt warning)."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.open_page("settings")
    QApplication.processEvents()  # a window shown by mistake would take the activation now
    assert QApplication.activeWindow() is window
    assert page.isAncestorOf(QApplication.focusWidget())
