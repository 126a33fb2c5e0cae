"""Page 1 of the PDF report answers "is it working, by walking and by the ZCQ, and did the
epidural help and for how long?" (issue 15): a line for the clinician near the top, the ZCQ
and My-activities change beside the walking verdict, the treatments' relief in their own
column, the ZCQ cited in a small note; and page 1 is still one page.

Read from the PDF itself (pdftotext), as a clinician reads the paper."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from stenosis_coach.core.daily import TreatmentKind

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def flat(text: str) -> str:
    """One line of words, as pdftotext reads them ("ﬁ" ligatures: "fi")."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_pages(report, tmp_path) -> list[str]:
    from stenosis_coach.ui.report.render import write_report_pdf

    out = write_report_pdf(report, tmp_path / "report.pdf")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [flat(page) for page in text.split("\f") if page.strip()]


def demo_report(db, weeks: int = 16):
    from stenosis_coach.services.demo import fill_demo
    from stenosis_coach.services.report import report_for

    fill_demo(db, weeks, 1, NOW, UTC)
    return report_for(db, NOW, tz=UTC)


def test_page_one_answers_by_walking_by_the_zcq_and_how_long_the_epidural_helped(
    db, qtbot, tmp_path
):
    report = demo_report(db)
    p1 = report.page1
    assert p1.outcomes and p1.clinician_line  # the 16-week demo has both
    epidural = next(t for t in p1.treatments if t.event.kind is TreatmentKind.EPIDURAL_INJECTION)
    assert epidural.relief_text
    pages = pdf_pages(report, tmp_path)
    first = pages[0]
    # The clinician's line near the top: before the verdict.
    assert flat(p1.clinician_line) in first
    assert first.index(flat(p1.clinician_line)) < first.index("Is it working?")
    # The ZCQ and My-activities change with the verdict, before what to do next.
    for line in p1.outcomes:
        assert flat(line) in first, line
        assert first.index("Is it working?") < first.index(flat(line)) < first.index("What next")
    assert "Stucki 1996" in first  # the instrument cited, in a small note
    # The treatments table has a Relief column: the epidural's relief in words.
    table = first[first.index("Treatments") :]
    assert "Relief" in table and flat(epidural.relief_text) in table
    # Page 1 is one page: the next page starts with the questions, and the page's last
    # section (the safety checks) is on page 1.
    assert pages[1].startswith("Questions for your visit"), pages[1][:80]
    assert "Safety checks:" in first


def test_page_one_stays_one_page_when_the_treatments_relief_is_long(db, qtbot, tmp_path):
    report = demo_report(db)
    from stenosis_coach.core.outcomes.model import has_relief_record

    # The longest relief sentence the model says, on the epidural's row.
    long = "Not enough daily logs before the epidural injection to tell how long relief lasted."
    treatments = tuple(
        replace(t, relief_days=None, relief_text=long) if has_relief_record(t.event.kind) else t
        for t in report.page1.treatments
    )
    report = replace(report, page1=replace(report.page1, treatments=treatments))
    pages = pdf_pages(report, tmp_path)
    assert long in pages[0]
    assert pages[1].startswith("Questions for your visit"), pages[1][:80]


def test_the_full_references_are_with_the_other_figures(db, qtbot, tmp_path):
    pages = pdf_pages(demo_report(db), tmp_path)
    rest = " ".join(pages[1:])
    assert "Spine 1996;21(7):796-803" in rest  # Stucki's paper, in full
    assert "Physiotherapy Canada 1995" in rest  # Stratford's


def test_no_questionnaire_no_outcome_lines_and_no_citation(db, qtbot, tmp_path):
    report = demo_report(db)
    report = replace(report, page1=replace(report.page1, outcomes=()))
    first = pdf_pages(report, tmp_path)[0]
    assert "Stucki" not in first and "Zurich" not in first
    assert flat(report.page1.clinician_line) in first


def test_under_the_pseudo_locale_page_one_new_words_are_wrapped(pseudo, db, qtbot, tmp_path):
    report = demo_report(db)
    p1 = report.page1
    pages = pdf_pages(report, tmp_path)
    first = pages[0]
    assert pages[1].startswith("⟦Questions for your visit⟧"), pages[1][:80]  # one page
    assert flat(p1.clinician_line).startswith("⟦") and flat(p1.clinician_line) in first
    for line in p1.outcomes:
        assert flat(line).startswith("⟦") and flat(line) in first, line
    assert "⟦Relief⟧" in first
    assert "⟦(Stucki 1996)⟧" in first  # the note
    epidural = next(t for t in p1.treatments if t.event.kind is TreatmentKind.EPIDURAL_INJECTION)
    assert flat(epidural.relief_text).startswith("⟦") and flat(epidural.relief_text) in first
