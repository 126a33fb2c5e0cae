"""Page 1 of the report on A4 and on US Letter (issue 16): the paper follows the locale, and
page 1 (now with the last 14 days' planned and done sessions and the 12-week trial's line)
stays one page on both. Read from the PDF itself (pdftotext, pdfinfo), as printed."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
PAPERS = {"en_GB": "A4", "en_US": "letter"}

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="pdftotext and pdfinfo (poppler-utils) are not installed",
)


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def printed(report, tmp_path, locale: str) -> tuple[str, list[str]]:
    """The PDF's paper size (pdfinfo's words) and its pages' text."""
    from stenosis_coach.ui.report.render import write_report_pdf

    out = write_report_pdf(report, tmp_path / f"report-{locale}.pdf", locale=QLocale(locale))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    size = next(line for line in info.stdout.splitlines() if line.startswith("Page size:"))
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return size, [flat(page) for page in text.split("\f") if page.strip()]


def demo_report(db, weeks: int):
    from stenosis_coach.services.demo import fill_demo
    from stenosis_coach.services.report import report_for

    fill_demo(db, weeks, 1, NOW, UTC)
    return report_for(db, NOW, tz=UTC)


@pytest.mark.parametrize("weeks", [8, 16])
@pytest.mark.parametrize("locale", sorted(PAPERS))
def test_page_one_is_one_page_on_a4_and_letter(db, qtbot, tmp_path, locale, weeks):
    report = demo_report(db, weeks)
    p1 = report.page1
    assert p1.adherence_line.startswith("Last 14 days: ")
    assert p1.trial_lines
    size, pages = printed(report, tmp_path, locale)
    assert PAPERS[locale] in size, size
    first = pages[0]
    assert flat(p1.adherence_line) in first
    for line in p1.trial_lines:
        assert flat(line) in first, line
    # One page: the next starts with the questions; page 1's last section is on it.
    assert pages[1].startswith("Questions for your visit"), pages[1][:80]
    assert "Safety checks:" in first


def test_the_adherence_line_says_counts_not_a_judgement(db, qtbot):
    p1 = demo_report(db, 16).page1
    words = p1.adherence_line.lower()
    assert " of " in words and "planned" in words
    for word in ("poor", "good", "bad", "fail", "miss"):
        assert word not in words


def test_the_trial_line_after_12_weeks(db, qtbot):
    p1 = demo_report(db, 16).page1
    # The report is for the clinician: of the patient neutrally, not "Your 12 weeks …"
    assert p1.trial_lines[0].startswith("12-week programme completed on ")
    assert "(started on " in p1.trial_lines[0] and "your" not in p1.trial_lines[0].lower()


def test_under_the_pseudo_locale_the_new_lines_are_wrapped_on_letter(pseudo, db, qtbot, tmp_path):
    report = demo_report(db, 16)
    p1 = report.page1
    _size, pages = printed(report, tmp_path, "en_US")
    assert pages[1].startswith("⟦Questions for your visit⟧"), pages[1][:80]
    for line in (p1.adherence_line, *p1.trial_lines):
        assert flat(line).startswith("⟦") and flat(line) in pages[0], line
