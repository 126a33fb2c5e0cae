"""The pocket card is printed like the report (issue 12): the paper font, not the app's
text size, and a long word wraps inside the page instead of running off it."""

from __future__ import annotations

import re
import subprocess

from PySide6.QtCore import Qt

from stenosis_coach.core.settings import TextSize


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_card_is_laid_out_the_same_at_every_text_size(window, qtbot, dialogs, tmp_path):
    page = window.show_page("walk")
    texts = []
    for size in (TextSize.NORMAL, TextSize.EXTRA_LARGE):
        window.context.update_settings(text_size=size)
        dialogs.paths.append(tmp_path / f"{size.value}.pdf")
        qtbot.mouseClick(page.card, Qt.MouseButton.LeftButton)
        assert dialogs.shown[-1][1] == "Pocket card saved"
        texts.append(pdf_text(tmp_path / f"{size.value}.pdf"))
    assert texts[0] == texts[1]  # the app's text size is for the screen, not the paper


def test_a_long_word_on_the_card_wraps_inside_the_page(qapp, tmp_path):
    from stenosis_coach.core.walking.card import PocketCard
    from stenosis_coach.ui.walking.pocket_card import write_card_pdf

    word = "Supercalifragilistic" * 5  # 100 letters: wider than the page at 15 pt
    card = PocketCard(
        title="Today's walk",
        day="Wednesday 1 April 2026",
        summary="Walk 4:30 min.",
        bouts=(),
        steps=(word,),
        when_symptoms_come="Sit down.",
        emergency_signs=("Chest pain",),
        record_lines=("Minutes walked",),
    )
    out = write_card_pdf(card, tmp_path / "card.pdf")
    text = pdf_text(out)
    assert word in re.sub(r"[\s\u200b]", "", text)  # every letter printed, in order
    assert all(len(line) < 90 for line in text.splitlines() if "Supercali" in line)


def page_pixels(pdf) -> bytes:
    return subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout


def test_the_card_and_the_report_print_the_same_in_high_contrast(window, qtbot, dialogs, tmp_path):
    from tests.ui.test_report_page import with_walks

    with_walks(window)
    pixels = {}
    for contrast in (False, True):
        window.context.update_settings(high_contrast=contrast)
        for name, page_name, button in (("card", "walk", "card"), ("report", "report", "save")):
            page = window.show_page(page_name)
            out = tmp_path / f"{name}-{contrast}.pdf"
            dialogs.paths.append(out)
            qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
            assert dialogs.shown[-1][0] == "inform"
            pixels[name, contrast] = page_pixels(out)
    assert pixels["card", False] == pixels["card", True]  # black on white: paper has no theme
    assert pixels["report", False] == pixels["report", True]
