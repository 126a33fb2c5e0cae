"""The PDF report's own words are translatable (issue 14, "Words are translatable").

The report's sentences come from ``core.report``; the drawing adds its headings, labels,
the plot's key, axis title and alt text, and the line that says how many rows a long table
left out. Under the pseudo-locale each of those comes back wrapped ``⟦…⟧``, on paper too.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime

import pytest

from stenosis_coach.i18n import is_pseudo_wrapped

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

# The drawing's own words (headings and labels), always on the report.
HEADINGS = (
    "Is it working?",
    "Next walk:",
    "At the start and now",
    "What next:",
    "Time to talk to your clinician?",
    "Safety checks:",
    "Questions for your visit",
    "Daily log",
    "Week by week",
    "Walks",
    "Exercise sessions",
    "About these figures",
)


@pytest.fixture
def demo_report(pseudo, db, qtbot):
    from stenosis_coach.services.demo import fill_demo
    from stenosis_coach.services.report import report_for

    fill_demo(db, 30, 1, NOW, UTC)  # 30 weeks of demo history
    return report_for(db, NOW, tz=UTC)


def words_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup)).replace("\xa0", " ")


def test_every_heading_of_the_report_is_wrapped(demo_report):
    from stenosis_coach.ui.report.render import plot_png, report_html

    text = words_of(report_html(demo_report, plot_png(demo_report.page1.plot)))
    for heading in HEADINGS:
        assert f"⟦{heading}⟧" in text, heading
        assert heading not in text.replace(f"⟦{heading}⟧", ""), f"{heading!r} unwrapped"
    assert "⟦Key: " in text


def test_the_plot_speaks_wrapped(demo_report):
    from stenosis_coach.ui.report.render import plot_key, plot_words, report_plot

    plot = demo_report.page1.plot
    words = plot_words(plot)
    assert words.startswith("⟦Plot of ") and words.endswith("⟧"), words
    key = words_of(plot_key(plot))
    assert key.startswith("⟦Key: ") and key.endswith("⟧"), key
    for entry in ("walking test", "median of the last 3"):
        assert f"⟦{entry}⟧" in key
    _view, item = report_plot(plot)
    assert is_pseudo_wrapped(item.getAxis("left").labelText)


def test_a_long_table_says_what_it_left_out_in_one_wrapped_sentence(pseudo, qtbot):
    from stenosis_coach.core.report.tables import Table
    from stenosis_coach.ui.report.render import latest_table, walks_left_out

    rows = [("Mon 4 May 2026",)] * 5
    grid = latest_table(
        "Walks", rows, lambda shown: Table(("Date",), tuple(shown)), 3, "none", walks_left_out
    )
    words = words_of(grid)
    assert "⟦The latest 3 walks of 5. Every one is in the CSV export.⟧" in words


def test_the_pdf_on_paper_shows_its_words_wrapped(demo_report, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from stenosis_coach.ui.report.render import write_report_pdf

    out = write_report_pdf(demo_report, tmp_path / "report.pdf")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # "ﬁ" ligatures: "fi"
    for heading in ("Questions for your visit", "About these figures", "Week by week"):
        assert f"⟦{heading}⟧" in flat, heading
