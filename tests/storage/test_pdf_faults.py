"""The PDFs (the report, the pocket card) on a full, read-only or failing disk (issue 13,
items 2 and 8): never announced as saved when broken, one sentence, exit 1, nothing left
behind, an older file of the same name untouched, and written for the user only.

The tmpfs tests need root (skipped elsewhere); the fake-failure tests run everywhere.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QPainter

from stenosis_coach import cli
from stenosis_coach.errors import DiskFull, UserError

FIXTURES = Path(__file__).parents[1] / "fixtures"
NOW = datetime(2026, 4, 1, 9, tzinfo=UTC)
OLD_PDF = b"%PDF-1.4\n" + b"an older report, kept whole\n" * 7000 + b"%%EOF\n"  # ~200 KB


@pytest.fixture
def data(tmp_path, capsys):
    folder = tmp_path / "data"
    diary = FIXTURES / "diary-programme-12-weeks.csv"
    assert cli.main(["--data-dir", str(folder), "walks", "import", str(diary)]) == 0
    capsys.readouterr()
    return folder


def report(data: Path, out: Path) -> int:
    return cli.main(["--data-dir", str(data), "report", "--out", str(out)])


def left_behind(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def folder(tmp_path):
    """An empty folder to write in (``tmp_path`` also holds the data and home folders)."""
    made = tmp_path / "out"
    made.mkdir()
    return made


@pytest.fixture
def walked(db):
    """The database after 12 weeks of walks (a report with plots and tables)."""
    from stenosis_coach.services.walks import import_diary

    import_diary(db, FIXTURES / "diary-programme-12-weeks.csv", NOW)
    return db


@pytest.fixture
def card(walked):
    from stenosis_coach.core.walking.card import pocket_card
    from stenosis_coach.services.status import build_status

    return pocket_card(build_status(walked, NOW).next_walk, date(2026, 4, 1))


def fill(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


# -- a real small disk (root only) -----------------------------------------------------------


def test_a_report_onto_a_full_disk_says_so_and_keeps_the_older_pdf(data, mount_tmpfs, capsys, qapp):
    disk = mount_tmpfs("300k")
    out = disk / "report.pdf"
    out.write_bytes(OLD_PDF)  # leaves about 100 KB: the report needs about 140 KB
    code = report(data, out)
    said = capsys.readouterr()
    assert code == 1
    assert said.out == ""  # never "The report was written"
    assert said.err.strip().startswith("The disk is full, so the report was not written")
    assert len(said.err.strip().splitlines()) == 1
    assert out.read_bytes() == OLD_PDF
    assert left_behind(disk) == ["report.pdf"]


def test_a_pocket_card_onto_a_full_disk_says_so_and_keeps_the_older_card(card, mount_tmpfs, qapp):
    from stenosis_coach.ui.walking.pocket_card import write_card_pdf

    disk = mount_tmpfs("300k")
    out = disk / "card.pdf"
    out.write_bytes(OLD_PDF)
    fill(disk)
    with pytest.raises(DiskFull, match=r"^The disk is full, so the pocket card was not written"):
        write_card_pdf(card, out)
    assert out.read_bytes() == OLD_PDF
    assert left_behind(disk) == ["card.pdf", "filler"]


def test_a_report_onto_a_read_only_disk_says_so(data, mount_tmpfs, capsys, qapp):
    disk = mount_tmpfs("300k")
    out = disk / "report.pdf"
    out.write_bytes(OLD_PDF)
    made = subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=False)
    assert made.returncode == 0
    code = report(data, out)
    said = capsys.readouterr()
    assert code == 1 and said.out == ""
    assert "cannot be written to, so the report was not written" in said.err
    assert out.read_bytes() == OLD_PDF


# -- failures faked (run everywhere) ---------------------------------------------------------


class PainterEndFails(QPainter):
    """A painter whose ``end()`` says it failed (as on a device that stopped writing)."""

    def end(self) -> bool:
        super().end()
        return False


class PainterBeginFails(QPainter):
    """A painter that cannot start on the PDF writer."""

    def begin(self, device) -> bool:
        return False


@pytest.fixture
def demo_report(walked):
    from stenosis_coach.services.report import report_for

    return report_for(walked, NOW, None, None, "")


@pytest.fixture
def writers(demo_report, card):
    from stenosis_coach.ui.report.render import write_report_pdf
    from stenosis_coach.ui.walking.pocket_card import write_card_pdf

    return {
        "report": lambda out: write_report_pdf(demo_report, out),
        "pocket card": lambda out: write_card_pdf(card, out),
    }


@pytest.mark.parametrize("what", ["report", "pocket card"])
@pytest.mark.parametrize("painter", [PainterEndFails, PainterBeginFails])
def test_a_painter_that_fails_leaves_the_older_file_and_says_one_sentence(
    writers, what, painter, folder, monkeypatch, qapp
):
    from stenosis_coach.ui import pdf

    out = folder / "out.pdf"
    out.write_bytes(OLD_PDF)
    monkeypatch.setattr(pdf, "QPainter", painter)
    with pytest.raises(UserError) as caught:
        writers[what](out)
    assert caught.value.message == (
        f"The {what} could not be written completely to {out}, so nothing was saved there."
    )
    assert out.read_bytes() == OLD_PDF
    assert left_behind(folder) == ["out.pdf"]


@pytest.mark.parametrize("what", ["report", "pocket card"])
def test_a_failed_pdf_on_a_disk_with_no_space_says_the_disk_is_full(
    writers, what, folder, monkeypatch, qapp
):
    from stenosis_coach import errors
    from stenosis_coach.ui import pdf

    class Full:
        f_bavail, f_frsize, f_flag = 0, 4096, 0

    out = folder / "out.pdf"
    monkeypatch.setattr(pdf, "QPainter", PainterEndFails)
    monkeypatch.setattr(errors.os, "statvfs", lambda p: Full())
    with pytest.raises(DiskFull, match=f"^The disk is full, so the {what} was not written;"):
        writers[what](out)
    assert left_behind(folder) == []


@pytest.mark.parametrize("what", ["report", "pocket card"])
def test_the_pdfs_are_whole_and_private(writers, what, folder, qapp):
    out = folder / "out.pdf"
    out.write_bytes(OLD_PDF)
    os.chmod(out, 0o644)
    writers[what](out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().rstrip().endswith(b"%%EOF") and out.read_bytes() != OLD_PDF
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True)
    assert info.returncode == 0 and info.stderr == ""
    assert left_behind(folder) == ["out.pdf"]
