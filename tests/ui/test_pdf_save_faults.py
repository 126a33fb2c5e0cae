"""Saving the report and the pocket card from the window when the disk fails (issue 13,
item 2): one calm sentence, never "saved", nothing left behind, the older file kept."""

from __future__ import annotations

import errno
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from stenosis_coach.services.walks import import_diary
from tests.storage.conftest import mount_tmpfs  # noqa: F401 (a fixture: a real small disk)

FIXTURES = Path(__file__).parents[1] / "fixtures"
OLD_PDF = b"%PDF-1.4\n" + b"an older file, kept whole\n" * 8000 + b"%%EOF\n"  # ~200 KB


class PainterEndFails(QPainter):
    """A painter whose ``end()`` says it failed (a device that stopped writing)."""

    def end(self) -> bool:
        super().end()
        return False


def with_walks(window) -> None:
    import_diary(
        window.context.coach.database,
        FIXTURES / "diary-programme-12-weeks.csv",
        datetime(2026, 4, 1, tzinfo=UTC),
    )
    window.context.data_changed.emit()


def fill(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def save_report(window, qtbot, dialogs, out: Path) -> None:
    page = window.show_page("report")
    page.refresh()
    dialogs.paths.append(out)
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)


def save_card(window, qtbot, dialogs, out: Path) -> None:
    page = window.show_page("walk")
    dialogs.paths.append(out)
    qtbot.mouseClick(page.card, Qt.MouseButton.LeftButton)


SAVES = {
    "report": (save_report, "The report was not saved", "Report saved"),
    "pocket card": (save_card, "The card was not saved", "Pocket card saved"),
}


@pytest.mark.parametrize("what", SAVES)
def test_saving_onto_a_full_disk_says_the_disk_is_full(
    window,
    qtbot,
    dialogs,
    mount_tmpfs,  # noqa: F811 (the fixture imported above)
    what,
):
    save, not_saved, saved = SAVES[what]
    with_walks(window)
    disk = mount_tmpfs("300k")
    out = disk / "visit.pdf"
    out.write_bytes(OLD_PDF)
    fill(disk)
    save(window, qtbot, dialogs, out)
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("warn", not_saved)
    assert text.startswith(f"The disk is full, so the {what} was not written;")
    assert saved not in dialogs.titles()
    assert out.read_bytes() == OLD_PDF
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "visit.pdf"]


@pytest.mark.parametrize("what", SAVES)
def test_a_pdf_that_could_not_be_finished_is_not_announced_as_saved(
    window, qtbot, dialogs, tmp_path, monkeypatch, what
):
    from stenosis_coach.ui import pdf

    save, not_saved, saved = SAVES[what]
    with_walks(window)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "visit.pdf"
    out.write_bytes(OLD_PDF)
    monkeypatch.setattr(pdf, "QPainter", PainterEndFails)
    save(window, qtbot, dialogs, out)
    assert dialogs.shown[-1] == (
        "warn",
        not_saved,
        f"The {what} could not be written completely to {out}, so nothing was saved there.",
    )
    assert saved not in dialogs.titles()
    assert out.read_bytes() == OLD_PDF
    assert [p.name for p in folder.iterdir()] == ["visit.pdf"]
    monkeypatch.undo()
    save(window, qtbot, dialogs, out)  # the next try, with a working disk, saves it
    assert dialogs.shown[-1][1] == saved
    assert out.read_bytes().rstrip().endswith(b"%%EOF") and out.read_bytes() != OLD_PDF
