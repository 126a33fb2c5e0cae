"""A message that names a file ("Backup made", "Report saved", "Plan exported") shows the
path whole, on one line, at the current text size: a narrow box split it ("/tmp/ t5out/
report.pdf"). File dialogs start in the folder used last for the same kind of file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from stenosis_coach.core.settings import Settings, TextSize
from stenosis_coach.services.settings_store import save_settings
from stenosis_coach.ui.dialogs import Dialogs

PATH = "/tmp/t5out/stenosis-coach-backups/stenosis-coach-backup-2026-03-02.db"
SPACED = "/home/anna/My Documents/visit-report.pdf"


@pytest.fixture(params=[TextSize.EXTRA_LARGE, TextSize.NORMAL])
def sized(request, make_window, paths):
    save_settings(paths, Settings(text_size=request.param))
    return make_window(open_data=False)


def shown_lines(label: QLabel) -> list[str]:
    """The lines ``label`` shows, laid out as it lays them out (its font, its width)."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(0)
    document.setPlainText(label.text())
    document.setTextWidth(label.contentsRect().width() - 2 * max(label.margin(), 0))
    document.size()  # laid out now
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            lines.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def words_of(text: str) -> str:
    """What a reader sees: no invisible joiners, ordinary spaces."""
    return text.replace("\u2060", "").replace("\xa0", " ")


def look_then_ok(seen: dict) -> None:
    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        body = box.findChild(QLabel, "qt_msgbox_informativelabel")
        seen["lines"] = [words_of(line).strip() for line in shown_lines(body)]
        seen["fits"] = box.width() <= box.screen().availableGeometry().width()
        seen["text"] = words_of(body.text())
        seen["description"] = box.accessibleDescription()
        next(b for b in box.findChildren(QPushButton) if b.text() == "OK").click()

    QTimer.singleShot(0, look)


@pytest.mark.parametrize("path", [PATH, SPACED])
def test_a_path_in_a_message_is_never_broken(sized, qtbot, path):
    seen: dict = {}
    look_then_ok(seen)
    said = f"Your data was backed up to {path}."
    Dialogs(sized).inform("Backup made", said)
    assert seen["text"] == said  # the same words
    assert seen["description"] == said  # a screen reader reads the plain sentence
    assert any(f"{path}." in line for line in seen["lines"]), seen["lines"]
    assert seen["fits"]


def test_a_message_without_a_path_is_as_it_was(sized, qtbot):
    seen: dict = {}
    look_then_ok(seen)
    Dialogs(sized).inform("Plan exported", "Give this file to your patient and/or carer.")
    assert seen["text"] == "Give this file to your patient and/or carer."


def test_the_folder_used_last_is_where_the_next_file_dialog_starts(tmp_path):
    dialogs = Dialogs(None)
    home = dialogs.start_folder("backup")
    assert home.is_dir()
    dialogs.remember_folder("backup", tmp_path / "b.db")
    assert dialogs.start_folder("backup") == tmp_path
    assert dialogs.start_folder("export") == home  # another kind keeps its own
    dialogs.remember_folder("export", tmp_path / "out")
    (tmp_path / "out").mkdir()
    dialogs.remember_folder("export", tmp_path / "out")
    assert dialogs.start_folder("export") == tmp_path / "out"
    dialogs.remember_folder("backup", tmp_path / "gone" / "b.db")  # since deleted: home
    assert dialogs.start_folder("backup") == home
