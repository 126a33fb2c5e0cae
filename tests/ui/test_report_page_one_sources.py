"""Page 1 of the report must not mislead (a fresh-eyes tester and a physiotherapist read
the 12-week demo's page 1): each figure says where it comes from, "Walking tolerance" no
longer repeats "Walking before symptoms", a standing test that cannot be compared is said
in words instead of "—", the ZCQ's citation is not stuck onto the heading, and the plot has
the height its axis needs, with the numbers of treatments close in time kept apart.

Read from the PDF itself (pdftotext), as a clinician reads the paper, and from the plot
as it is drawn."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from stenosis_coach.core.daily import TreatmentEvent, TreatmentKind

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pages_of(report, tmp_path, locale: str = "en_GB") -> list[str]:
    from stenosis_coach.ui.report.render import write_report_pdf

    out = write_report_pdf(report, tmp_path / f"report-{locale}.pdf", locale=QLocale(locale))
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [flat(page) for page in text.split("\f") if page.strip()]


def demo_report(db, weeks: int = 12):
    from stenosis_coach.services.demo import fill_demo
    from stenosis_coach.services.report import report_for

    fill_demo(db, weeks, 1, NOW, UTC)
    return report_for(db, NOW, tz=UTC)


def test_every_figure_on_page_one_says_where_it_comes_from(db, qtbot, tmp_path):
    report = demo_report(db)
    first = pages_of(report, tmp_path)[0]
    # The verdict's leg pain is the walking tests' (it sat beside a daily log whose leg
    # pain fell, with no word of where either came from).
    verdict = first[
        first.index("Is it working?") : first.index("Zurich Claudication Questionnaire,")
    ]
    assert "First 3 and latest 3 walking tests: walking before symptoms" in verdict
    assert "leg pain after the test" in verdict
    table = first[first.index("At the start and now") : first.index("Treatments")]
    assert "From" in table
    for row in report.page1.compare:
        assert row.source, row.key
        assert flat(row.label) in table and flat(row.source) in table, row.key
    assert "Leg pain after walking tests (0–10)" in table
    assert "Daily leg pain (0–10)" in table
    assert "Walking tolerance" not in first  # it repeated "Walking before symptoms"


def test_a_standing_test_that_cannot_be_compared_is_said_in_words(db, qtbot, tmp_path):
    report = demo_report(db)
    p1 = report.page1
    note = "Standing tests: none in the last 28 days, so they are not compared."
    rows = tuple(r for r in p1.compare if r.key != "standing")
    report = replace(report, page1=replace(p1, compare=rows, compare_notes=(note,)))
    pages = pages_of(report, tmp_path)
    table = pages[0][pages[0].index("At the start and now") : pages[0].index("Treatments")]
    assert note in table and "Standing tolerance" not in table
    assert pages[1].startswith("Questions for your visit"), pages[1][:80]


def test_the_zcq_citation_is_beside_its_line_not_the_heading(db, qtbot, tmp_path):
    report = demo_report(db)
    first = pages_of(report, tmp_path)[0]
    assert re.search(r"Is it working\? [▲■▼○] ", first), first[:400]  # the verdict next
    zcq = next(line for line in report.page1.outcomes if line.startswith("Zurich"))
    cited = first.index("Stucki 1996")
    assert first.index(flat(zcq)) < cited < first.index("What next")


def test_the_plot_is_tall_enough_for_its_axis(db, qtbot):
    from PySide6.QtGui import QImage

    from stenosis_coach.ui.report.render import PLOT_PRINT_WIDTH, page_one, plot_png

    report = demo_report(db)
    png = plot_png(report.page1.plot)
    image = QImage.fromData(png)
    printed = PLOT_PRINT_WIDTH * image.height() / image.width()
    assert printed >= 95  # points: the 2-8 minute labels were crowded in 80
    html = page_one(report, png)
    assert re.search(r'<img [^>]*height="(\d+)"', html).group(1) == str(round(printed))


def drawn_numbers(plot) -> list[str]:
    """The treatment numbers as the report's plot draws them, left to right."""
    import pyqtgraph as pg

    from stenosis_coach.ui.report.render import report_plot

    _view, item = report_plot(plot)
    lines = sorted(
        (i for i in item.items if isinstance(i, pg.InfiniteLine)), key=lambda ln: ln.value()
    )
    labels = [getattr(ln, "label", None) for ln in lines]  # pyqtgraph: none when not given
    return [lb.textItem.toPlainText() if lb is not None else "" for lb in labels]


def test_treatments_close_in_time_share_one_number_label(db, qtbot):
    from stenosis_coach.core.progress.series import treatment_markers

    p1 = demo_report(db).page1
    start = NOW.date() - timedelta(days=80)
    events = [
        TreatmentEvent(start, TreatmentKind.PT_START),
        TreatmentEvent(start + timedelta(days=30), TreatmentKind.EPIDURAL_INJECTION),
        TreatmentEvent(start + timedelta(days=60), TreatmentKind.MEDICATION_CHANGE),
        TreatmentEvent(start + timedelta(days=62), TreatmentKind.NERVE_BLOCK),
    ]
    plot = replace(p1.plot, markers=tuple(treatment_markers(events, UTC)))
    # The last two, 2 days apart on a 12-week axis, are one label; their numbers touched.
    assert drawn_numbers(plot) == ["1", "2", "3, 4", ""]


def test_treatments_far_apart_keep_their_own_numbers(db, qtbot):
    p1 = demo_report(db).page1
    assert drawn_numbers(p1.plot) == [str(i) for i in range(1, len(p1.plot.markers) + 1)]


@pytest.mark.parametrize("locale", ["en_GB", "en_US"])
def test_page_one_is_still_one_page_with_the_taller_plot(db, qtbot, tmp_path, locale):
    pages = pages_of(demo_report(db), tmp_path, locale)
    assert "Safety checks:" in pages[0]
    assert pages[1].startswith("Questions for your visit"), pages[1][:80]


def test_under_the_pseudo_locale_the_sources_are_wrapped(pseudo, db, qtbot, tmp_path):
    from stenosis_coach.i18n import is_pseudo_wrapped

    report = demo_report(db)
    first = pages_of(report, tmp_path)[0]
    assert "⟦From⟧" in first
    for row in report.page1.compare:
        assert is_pseudo_wrapped(row.source) and flat(row.source) in first, row.key
