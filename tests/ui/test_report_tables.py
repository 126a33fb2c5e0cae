"""The report's tables and plot read at a glance on paper (issue 12, H12 item 4): cells
have room around their words ("Training30" read as one word), a column says its durations
one way, columns with nothing in them are left out, and the plot's symbols are explained."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument

from stenosis_coach.core.progress.series import Marker
from stenosis_coach.services.demo import fill_demo
from stenosis_coach.services.report import report_for
from stenosis_coach.ui.report.render import (
    KEY_TREATMENT,
    PAGE_MARGINS_MM,
    plot_key,
    plot_png,
    report_document,
    report_html,
)

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def demo_report(db):
    fill_demo(db, 30, 1, NOW, UTC)  # 30 weeks of demo history
    return report_for(db, NOW, tz=UTC)


def cell_texts(doc: QTextDocument) -> list[tuple[float, float, float, str]]:
    """(top, left of the text, right of the text, text) of every laid-out line of words."""
    layout = doc.documentLayout()
    found = []
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        lines = block.layout()
        if block.text().strip() and lines.lineCount():
            line = lines.lineAt(0)
            left = rect.left() + line.x()
            found.append((round(rect.top()), left, left + line.naturalTextWidth(), block.text()))
        block = block.next()
    return found


def test_table_cells_have_room_between_their_words(demo_report, qtbot):
    doc = report_document(demo_report, None)
    margins = PAGE_MARGINS_MM
    width = (210 - margins.left() - margins.right()) * 72 / 25.4  # A4, in points
    doc.setPageSize(QSizeF(width, 770))  # laid out as on paper
    assert doc.documentLayout().documentSize().width() <= width + 0.5  # nothing cut off
    rows: dict[int, list[tuple[float, float, str]]] = {}
    for top, left, right, text in cell_texts(doc):
        rows.setdefault(top, []).append((left, right, text))
    font = doc.defaultFont()
    room = font.pointSizeF() * 0.5  # about half a letter's height between two cells' words
    checked = 0
    for cells in rows.values():
        if len(cells) < 3:  # a paragraph, not a table row
            continue
        for (_l, right, text), (left, _r, after) in pairwise(sorted(cells)):
            assert left - right >= room, (text, after, left - right)
            checked += 1
    assert checked > 100


def test_the_walks_table_says_each_column_one_way(demo_report):
    html = report_html(demo_report, None)
    walks = html[html.index("<h2>Walks</h2>") :]
    walks = walks[: walks.index("</table>")]
    head = re.findall(r"<th[^>]*>(.*?)</th>", walks)
    assert "Walked (min:sec)" in head  # 30 above 12:56 read as two units
    walked = head.index("Walked (min:sec)")
    rows = re.findall(r"<tr>(.*?)</tr>", walks)[1:]
    cells = [re.findall(r"<td>(.*?)</td>", r)[walked] for r in rows]
    assert cells and all(re.fullmatch(r"\d+:\d\d", c) for c in cells), cells[:5]


def test_columns_that_hold_nothing_are_left_out(demo_report):
    assert all(r.worst_hurt is None for r in demo_report.routines)  # the demo never hurts
    html = report_html(demo_report, None)
    sessions = html[html.index("<h2>Exercise sessions</h2>") :]
    head = re.findall(r"<th[^>]*>(.*?)</th>", sessions[: sessions.index("</table>")])
    assert head and not any("Worst" in h for h in head)


def test_the_plots_symbols_are_explained_under_it(demo_report, qtbot):
    png = plot_png(demo_report.page1.plot)
    html = report_html(demo_report, png)
    after = html[html.index("<img") :]
    key = after[: after.index("<h2>")]
    assert "●" in key and "walking test" in key
    assert "median of the last 3" in key
    assert "□" not in key  # no test without symptoms here: no square to explain
    tests = demo_report.page1.plot.tolerance
    bound = replace(tests.points[-1], lower_bound=True)  # symptoms never came
    plot = replace(
        demo_report.page1.plot,
        tolerance=replace(tests, points=(*tests.points[:-1], bound)),
        markers=demo_report.page1.plot.markers[:1] or (Marker(bound.x, bound.day, "PT", ""),),
    )
    key = plot_key(plot)
    assert "□" in key and "no symptoms" in key  # the open squares, explained
    assert f"{KEY_TREATMENT}</b> treatments: 1 " in key  # the dashed line drawn, not said


def test_report_dates_in_sentences_carry_the_year_when_not_this_year(db):
    fill_demo(db, 30, 1, NOW - timedelta(days=400), UTC)  # a history that ended last year
    report = report_for(db, NOW, tz=UTC)
    line = report.page1.opioid_line
    if "the last on" in line:
        assert re.search(r"the last on \w{3} \d{1,2} \w{3} 2025\.", line), line


def test_the_plot_image_says_what_it_shows_in_words(demo_report, qtbot):
    png = plot_png(demo_report.page1.plot)
    html = report_html(demo_report, png)
    alt = re.search(r'<img [^>]*alt="([^"]*)"', html)
    assert alt, "the plot has no words for a screen reader"
    tests = len(demo_report.page1.plot.tolerance.points)
    assert alt.group(1).startswith(f"Plot of {tests} walking tests from ")
    assert "min" in alt.group(1) and "Walks table" in alt.group(1)
