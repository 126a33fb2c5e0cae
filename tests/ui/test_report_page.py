"""The Report page: a range, a name, a preview of page 1, Save PDF; Export data in Settings."""

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from stenosis_coach.services.walks import import_diary

FIXTURES = Path(__file__).parents[1] / "fixtures"


def with_walks(window):
    import_diary(
        window.context.coach.database,
        FIXTURES / "diary-programme-12-weeks.csv",
        datetime(2026, 4, 1, tzinfo=UTC),
    )
    window.context.data_changed.emit()


def test_preview_and_save_pdf_with_the_name_as_typed(window, qtbot, dialogs, tmp_path):
    with_walks(window)
    page = window.show_page("report")
    page.patient.setText("Ana <b>Ruiz</b> & Co")
    page.refresh()
    assert "Improving" in page.preview.toPlainText()
    assert "Ana <b>Ruiz</b> & Co" in page.preview.toPlainText()
    dialogs.paths.append(tmp_path / "visit")
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "visit.pdf"
    assert pdf.exists() and dialogs.shown[-1][1] == "Report saved"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Ana <b>Ruiz</b> & Co" in text


def test_a_reversed_range_is_explained_and_nothing_can_be_saved(window):
    page = window.show_page("report")
    page.first.setDate(QDate(2026, 5, 1))
    page.last.setDate(QDate(2026, 4, 1))
    page.refresh()
    assert "reversed" in page.error.text()
    assert not page.save.isEnabled() and not page.print_button.isEnabled()


def test_range_buttons_set_the_dates(window, qtbot):
    page = window.show_page("report")
    qtbot.mouseClick(page.four, Qt.MouseButton.LeftButton)
    first = page.first.date()
    assert first.daysTo(page.last.date()) == 27


def test_export_data_from_settings_writes_the_csv_files(window, qtbot, dialogs, tmp_path):
    with_walks(window)
    dialogs.paths.append(tmp_path)
    window.show_page("settings")
    qtbot.mouseClick(window.settings_page.export_button, Qt.MouseButton.LeftButton)
    [folder] = list(tmp_path.glob("stenosis-coach-export-*"))
    assert (folder / "walks.csv").exists() and (folder / "daily_log.csv").exists()
    assert dialogs.shown[-1][1] == "Data exported"


def test_a_file_the_added_pdf_ending_would_replace_is_asked_about(window, qtbot, dialogs, tmp_path):
    with_walks(window)
    page = window.show_page("report")
    page.refresh()
    kept = tmp_path / "visit.pdf"
    kept.write_bytes(b"last month's report")
    dialogs.paths.append(tmp_path / "visit")  # the dialog checked "visit", not "visit.pdf"
    dialogs.choices.append(1)  # Cancel
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][1] == "Replace the file?"
    assert kept.read_bytes() == b"last month's report"
    dialogs.paths.append(tmp_path / "visit")
    dialogs.choices.append(0)  # Replace it
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert kept.read_bytes().startswith(b"%PDF") and dialogs.shown[-1][1] == "Report saved"


def test_a_long_name_prints_whole_and_the_change_in_whole_percent(window, qtbot, dialogs, tmp_path):
    import re
    import unicodedata

    with_walks(window)
    page = window.show_page("report")
    name = "Ana" + "y" * 194 + "Ruiz"  # 201 characters, no space to break at
    page.patient.setText(name)
    page.refresh()
    dialogs.paths.append(tmp_path / "visit.pdf")
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "visit.pdf"), "-"],
        capture_output=True,
        text=True,
    ).stdout
    squeezed = re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFKC", first))
    assert f"Patient:{name}" in squeezed  # wrapped on the page, not clipped
    assert re.search(r"\(\+\d+%\)", first) and not re.search(r"\d\.\d%", first)


def test_the_pdf_is_laid_out_the_same_at_every_text_size(window, qtbot, dialogs, tmp_path):
    from stenosis_coach.core.settings import TextSize

    with_walks(window)
    page = window.show_page("report")
    texts = []
    for size in (TextSize.NORMAL, TextSize.EXTRA_LARGE):
        window.context.update_settings(text_size=size)
        page.refresh()
        dialogs.paths.append(tmp_path / f"{size.value}.pdf")
        qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
        texts.append(
            subprocess.run(
                ["pdftotext", "-layout", str(tmp_path / f"{size.value}.pdf"), "-"],
                capture_output=True,
                text=True,
            ).stdout
        )
    assert texts[0] == texts[1]  # the app's text size is for the screen, not the paper
    assert "Walking and symptoms report\n" in texts[1]  # the title on one line
