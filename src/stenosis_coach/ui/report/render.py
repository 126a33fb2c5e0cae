"""Lay the report out and print it to PDF: QTextDocument (HTML) -> QPdfWriter.

Only layout lives here; every number and sentence comes from the core report model.
Everything the patient typed is escaped, so "Ana <b>Ruiz</b> & Co" prints as typed. The
design holds in grayscale: the verdict has a word and a symbol, lines differ in style.
"""

from __future__ import annotations

import base64
import re
import string
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QImage, QPageLayout, QTextDocument

from stenosis_coach.core.outcomes.model import has_relief_record
from stenosis_coach.core.outcomes.psfs import PSFS_SOURCE_TEXT
from stenosis_coach.core.outcomes.zcq import ZCQ_SOURCE_TEXT
from stenosis_coach.core.progress.verdict import VerdictKind
from stenosis_coach.core.report.model import PlotData, Report
from stenosis_coach.core.report.tables import (
    COMPARE_HEADERS,
    SOURCE_HEADER,
    UNKNOWN,
    Table,
    date_text,
    routine_table,
    walk_table,
    weekly_table,
)
from stenosis_coach.core.words import min_sec_text, minutes_text
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.ui.pdf import (
    page_size_for_locale,
    paper_document,
    paper_text,
    pdf_pages,
    print_document,
)

SYMBOLS = {
    VerdictKind.IMPROVING: "▲",
    VerdictKind.HOLDING: "■",
    VerdictKind.SLIPPING: "▼",
    VerdictKind.NOT_ENOUGH_DATA: "○",
}
# Cell padding in px: Qt's rich text reads a cell's CSS padding in px only; in pt it is 0,
# and "Training" and "30" printed as "Training30" (px are the printed page's points here).
# With that room the week-by-week table's 9 columns fit the page only with headers in
# regular weight (on grey, they still stand apart) and 13 mm side margins.
CSS = """
body { font-family: sans-serif; font-size: 9pt; color: #000000; }
h1 { font-size: 16pt; margin: 0; }
h2 { font-size: 10.5pt; margin: 2pt 0 1pt 0; }
p { margin: 0 0 1pt 0; line-height: 95%; }
ul, ol { margin-top: 0; margin-bottom: 1pt; }
p.meta { color: #333333; font-size: 9pt; margin: 0; }
table.grid { border-collapse: collapse; }
table.grid th { background: #E8E8E8; text-align: left; padding: 0px 3px; font-weight: normal;
                border: 1px solid #777777; font-size: 7.5pt; }
table.grid td { padding: 0px 3px; border: 1px solid #999999; font-size: 8pt; }
li { margin: 0; }
.small { font-size: 8pt; color: #333333; }
p.note { font-size: 7.5pt; color: #333333; }
p.answer { margin: 0 0 1pt 0; }
table.box { border-collapse: collapse; margin: 3pt 0 0 0; }
table.box td { border: 1px solid #555555; background: #F0F0F0; padding: 2px 4px; }
"""
# Detail tables show the latest rows: a 10-minute appointment has no use for 175 pages,
# and every row is in the CSV export.
LATEST_WEEKS = 52
LATEST_ROWS = 120
NOTE_HEADERS = (N_("Date"), N_("From"), N_("Note"))
# A date and what it adds in brackets: "Mon 4 May 2026 (" (a table's date has its year, a
# label such as "Leg pain (0–10)" has none before its bracket), in any language's date order.
DATED = re.compile(r"^([^(]*\d{4}[^(]*?)&nbsp;\(")
NBSP = "&nbsp;"
SHORT_CELL = 12  # characters: a cell this short never wraps
NO_WIDTHS: Mapping[int, str] = MappingProxyType({})
PAGE_MARGINS_MM = QMarginsF(13, 11, 13, 11)  # left, top, right, bottom: page 1 is full
# Pixels of the exported plot: printed 500 pt wide, 97 pt tall, room for a tick label
# every 2 minutes (at 240 px, 80 pt, "2 4 6 8" were crowded).
PLOT_SIZE = (1500, 290)
# Treatments closer than this on the plot (pixels of its x axis, the numbers' bold font
# about 20 px a digit) share one number label, "3, 4": their own would touch.
MERGE_MARKERS_PX = 70
PLOT_AREA_PX = PLOT_SIZE[0] - 110  # the x axis' length: the image less the y axis' width
KEY_TEST, KEY_AT_LEAST, KEY_MEDIAN, KEY_TREATMENT = "●", "□", "━━", "┆"  # as drawn
PLOT_PRINT_WIDTH = 500  # points: the page's width; the height keeps the aspect
# A citation after the line it qualifies: small and regular.
CITE_STYLE = "font-size: 7.5pt; color: #333333"
# The treatments table with its Relief column: the most room left for the relief sentence;
# the walking before/after ("2:55 → 4:33") on one line under a header of three.
RELIEF_WIDTHS: Mapping[int, str] = MappingProxyType({2: "20%", 4: "40%"})
# Page 1 is one page on every paper (issue 16): when it is full, on US Letter (18 mm
# shorter than A4), its words and plot are set this much smaller, the least that fits.
FIT_SCALES = (1.0, 0.97, 0.94, 0.91, 0.88, 0.85, 0.82)
POINTS = re.compile(r"(\d+(?:\.\d+)?)pt")


def table(
    headers: Sequence[str] | None,
    rows: Iterable[Sequence[str]],
    widths: Mapping[int, str] = NO_WIDTHS,
    one_line: Collection[int] | None = None,
    span_last: bool = False,
) -> str:
    """A grid; ``headers=None`` for a two-column list of labels and values. ``widths``
    gives a column its share of the page ("28%"), e.g. room for notes to wrap. The columns
    in ``one_line`` never wrap (a date: "Thu 8 Oct 2026", not "Thu 8 Oct" over "2026");
    by default the first one (a date, a label), what a date adds in brackets under it.
    ``span_last``: a last cell the same as the row's above is one cell over both rows
    (a source said once beside the rows it is the source of)."""
    first_whole = one_line is None
    kept = one_line or ()
    head = "".join(
        f'<th width="{widths[i]}">{paper_text(h)}</th>'
        if i in widths
        else f"<th>{paper_text(h)}</th>"
        for i, h in enumerate(headers or ())
    )

    def cell(i: int, text: str) -> str:
        # The first column of a grid (a date, a label) stays on one line; what a date adds
        # in brackets ("(3 of 7 days)") goes under it.
        if i == 0 and headers and first_whole:
            dated = DATED.sub(r"\1<br>(", paper_text(text).replace(" ", NBSP))
            return f"<td>{dated}</td>"
        if len(text) <= SHORT_CELL or i in kept:  # "no symptoms", "4 → 2": on one line
            return f"<td>{paper_text(text).replace(' ', NBSP)}</td>"
        return f"<td>{paper_text(text)}</td>"

    rows = [list(row) for row in rows]
    spans = [1] * len(rows)  # rows each last cell covers (0: covered by one above)
    if span_last:
        for i in range(1, len(rows)):
            top = next(j for j in range(i - 1, -1, -1) if spans[j])
            if rows[i] and rows[top] and rows[i][-1] == rows[top][-1]:
                spans[top] += 1
                spans[i] = 0

    def line(row: Sequence[str], span: int) -> str:
        cells = [cell(i, c) for i, c in enumerate(row)]
        if span_last and cells:
            last = cells.pop()
            if span > 1:
                last = last.replace("<td>", f'<td rowspan="{span}">', 1)
            if span:
                cells.append(last)
        return "<tr>" + "".join(cells) + "</tr>"

    body = "".join(line(row, span) for row, span in zip(rows, spans, strict=True))
    start = '<table class="grid" width="100%" cellspacing="0">'
    return f"{start}{f'<thead><tr>{head}</tr></thead>' if head else ''}{body}</table>"


def latest_table(
    title: str,
    rows: Sequence[object],
    printed: Callable[[Sequence[object]], Table],
    limit: int,
    none: str,
    left_out: Callable[[int, int], str],
    widths: Callable[[Table], Mapping[int, str]] = lambda _table: NO_WIDTHS,
) -> str:
    """``title`` and a grid of the newest ``limit`` rows as ``printed`` lays them out (one
    duration format per column, empty columns left out); older rows are counted, not
    printed: ``left_out(shown, total)`` says so (:func:`walks_left_out`...)."""
    if not rows:
        return f"<h2>{paper_text(title)}</h2><p>{paper_text(none)}</p>"
    shown = rows[-limit:]
    lead = (
        f'<p class="small">{paper_text(left_out(len(shown), len(rows)))}</p>'
        if len(rows) > len(shown)
        else ""
    )
    grid = printed(shown)
    return f"<h2>{paper_text(title)}</h2>" + lead + table(grid.headers, grid.rows, widths(grid))


def weeks_left_out(shown: int, total: int) -> str:
    return ngettext(
        "The latest {shown} week of {total}. Every one is in the CSV export.",
        "The latest {shown} weeks of {total}. Every one is in the CSV export.",
        shown,
    ).format(shown=shown, total=total)


def walks_left_out(shown: int, total: int) -> str:
    return ngettext(
        "The latest {shown} walk of {total}. Every one is in the CSV export.",
        "The latest {shown} walks of {total}. Every one is in the CSV export.",
        shown,
    ).format(shown=shown, total=total)


def sessions_left_out(shown: int, total: int) -> str:
    return ngettext(
        "The latest {shown} session of {total}. Every one is in the CSV export.",
        "The latest {shown} sessions of {total}. Every one is in the CSV export.",
        shown,
    ).format(shown=shown, total=total)


def notes_left_out(shown: int, total: int) -> str:
    return ngettext(
        "The latest {shown} note of {total}. Every one is in the CSV export.",
        "The latest {shown} notes of {total}. Every one is in the CSV export.",
        shown,
    ).format(shown=shown, total=total)


def notes_width(grid: Table) -> Mapping[int, str]:
    """Notes, when the walks have any: a few lines, not a column of words."""
    for name in (_("Notes"), "Notes"):  # the header as core.report.tables gives it
        if name in grid.headers:
            return {grid.headers.index(name): "22%"}
    return NO_WIDTHS


def note_table(rows: Sequence[object]) -> Table:
    return Table(tuple(_(h) for h in NOTE_HEADERS), tuple(r.cells for r in rows))


def bullets(items: Iterable[str]) -> str:
    items = list(items)
    return "<ul>" + "".join(f"<li>{paper_text(i)}</li>" for i in items) + "</ul>" if items else ""


def report_plot(plot: PlotData):
    """The walking-tolerance plot laid out at :data:`PLOT_SIZE` for paper: a hidden
    ``PlotWidget`` (the exporter needs a view) and its plot item. The axes are the
    Progress page's: dates that never overlap, no "(x0.001)", a real range around one test."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    from stenosis_coach.ui.progress.plot import (
        EDGE_PAD,
        MINUTES,
        DateAxis,
        no_si_prefix,
        stagger_numbers,
        y_range,
    )

    view = pg.PlotWidget(axisItems={"bottom": DateAxis(plot.tz)}, background="#FFFFFF")
    item = view.getPlotItem()
    no_si_prefix(item)
    item.setLabel("left", _("minutes"))
    item.showGrid(y=True, alpha=0.3)
    black = pg.mkPen("#000000", width=4)
    font = QFont()
    font.setPixelSize(34)  # prints at about 9 pt once the image is scaled to the page
    for axis in ("left", "bottom"):
        item.getAxis(axis).setPen(black)
        item.getAxis(axis).setTextPen(black)
        item.getAxis(axis).setStyle(tickFont=font, tickTextOffset=12)
        item.getAxis(axis).label.setFont(font)
    item.getAxis("bottom").setHeight(70)
    item.getAxis("left").setWidth(110)
    # Grayscale-safe: tests are dark filled circles, "at least" tests open squares, the
    # running median a thick black line, treatments dashed grey lines with their number.
    exact = [p for p in plot.tolerance.points if not p.lower_bound]
    bound = [p for p in plot.tolerance.points if p.lower_bound]
    item.plot(
        [p.x for p in exact],
        [p.y for p in exact],
        pen=None,
        symbol="o",
        symbolSize=16,
        symbolBrush="#0072B2",
        symbolPen="#000000",
    )
    if bound:
        item.plot(
            [p.x for p in bound],
            [p.y for p in bound],
            pen=None,
            symbol="s",
            symbolSize=16,
            symbolBrush="#FFFFFF",
            symbolPen=pg.mkPen("#000000", width=2),
        )
    item.plot(plot.running_median.xs, plot.running_median.ys, pen=black)
    label_font = QFont(font)
    label_font.setBold(True)
    lines = []
    for marker, number in zip(plot.markers, marker_numbers(plot), strict=True):
        line = pg.InfiniteLine(
            pos=marker.x,
            angle=90,
            pen=pg.mkPen("#555555", width=3, style=Qt.PenStyle.DashLine),
            label=number or None,  # "": its number is on the treatment just before it
            labelOpts={"position": 0.9, "color": "#000000", "fill": "#FFFFFF"},
        )
        item.addItem(line)
        if number:
            line.label.setFont(label_font)
            lines.append(line)
    item.setXRange(*plot.x_range, padding=EDGE_PAD)  # a test on the first day drawn whole
    ys = [p.y for p in plot.tolerance.points] + list(plot.running_median.ys)
    item.setYRange(*y_range(ys, MINUTES), padding=0)  # from 0, a few minutes above
    # The view is never shown, so it never lays its plot out: size the plot itself.
    item.setGeometry(QRectF(0, 0, *PLOT_SIZE))
    stagger_numbers(item, lines)
    return view, item


def marker_numbers(plot: PlotData) -> list[str]:
    """The number label of each treatment line, in the plot's order: its own number, or
    for treatments closer than :data:`MERGE_MARKERS_PX` on the axis, the first of them
    all their numbers ("3, 4") and the others none (""), so numbers never touch. The key
    under the plot still names each number."""
    x0, x1 = plot.x_range
    per_px = max(x1 - x0, 1.0) / PLOT_AREA_PX
    found: list[str] = []
    group: list[int] = []  # indexes of the treatments sharing the current label
    for i, marker in enumerate(plot.markers):
        if group and marker.x - plot.markers[group[0]].x < MERGE_MARKERS_PX * per_px:
            group.append(i)
            found[group[0]] = ", ".join(str(n + 1) for n in group)
            found.append("")
        else:
            group = [i]
            found.append(str(i + 1))
    return found


def plot_png(plot: PlotData) -> bytes | None:
    """The walking-tolerance plot as PNG bytes (pyqtgraph's ImageExporter), or ``None``
    when there are no tests in the range."""
    if not plot.tolerance.points:
        return None
    from pyqtgraph.exporters import ImageExporter

    _view, item = report_plot(plot)
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = PLOT_SIZE[0]
    exporter.parameters()["height"] = PLOT_SIZE[1]
    exporter.parameters()["background"] = "#FFFFFF"
    image: QImage = exporter.export(toBytes=True)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def plot_words(plot: PlotData) -> str:
    """The plot in one sentence, for a screen reader (the image's alt text)."""
    points = plot.tolerance.points
    n = len(points)
    first, last = points[0].day, points[-1].day
    low = min(points, key=lambda p: p.exact).exact * 60
    high = max(points, key=lambda p: p.exact).exact * 60
    return ngettext(
        "Plot of {n} walking test from {first} to {last}: from {low} to {high} before "
        "symptoms. The numbers are in the Walks table and the CSV export.",
        "Plot of {n} walking tests from {first} to {last}: from {low} to {high} before "
        "symptoms. The numbers are in the Walks table and the CSV export.",
        n,
    ).format(
        n=n,
        first=date_text(first),
        last=date_text(last),
        low=minutes_text(low),
        high=minutes_text(high),
    )


def plot_key(plot: PlotData) -> str:
    """What each mark on the plot means, as HTML, with the marks themselves (the plot's
    open squares were explained nowhere)."""
    entries = [f"<b>{KEY_TEST}</b> {paper_text(_('walking test'))}"]
    if any(p.lower_bound for p in plot.tolerance.points):
        at_least = _("no symptoms came (at least this long)")
        entries.append(f"<b>{KEY_AT_LEAST}</b> {paper_text(at_least)}")
    entries.append(f"<b>{KEY_MEDIAN}</b> {paper_text(_('median of the last 3'))}")
    if plot.markers:
        numbers = " · ".join(
            f"{n} {paper_text(m.label)}" for n, m in enumerate(plot.markers, start=1)
        )
        words = filled_html(_("treatments: {numbers}"), numbers=numbers)  # ┆ says "dashed"
        entries.append(f"<b>{KEY_TREATMENT}</b> {words}")
    return filled_html(_("Key: {entries}."), entries="; &nbsp;".join(entries))


def filled_html(message: str, **markup: str) -> str:
    """A translated ``message`` for paper, its words escaped and its ``{placeholders}``
    filled with ``markup`` as it is (HTML made, and escaped, by the caller)."""
    parts = []
    for words, field, _spec, _conversion in string.Formatter().parse(message):
        parts.append(paper_text(words))
        if field is not None:
            parts.append(markup[field])
    return "".join(parts)


def labelled(line: str) -> str:
    """A model's "Label: the rest" line for paper, its label in bold; a language that
    writes its label another way: the line as it is."""
    head, colon, rest = line.partition(": ")
    if colon:
        return f"<b>{paper_text(head)}:</b> {paper_text(rest)}"
    return paper_text(line)


def verdict_html(v) -> str:
    """The walking verdict as page 1's first answer: its symbol and word in bold, then the
    numbers ("▲ Improving: your walking has got better. Walking before symptoms: …"), in the
    same weight as the questionnaires' answers under it."""
    lead = f"{SYMBOLS[v.verdict.verdict]} {v.headline}"
    head, colon, rest = v.summary.partition(": ")
    if colon and head == v.headline:  # the summary starts with the headline: said once
        return f"<b>{paper_text(lead)}:</b> {paper_text(rest)}"
    # Translators: the walking verdict's symbol and word ("▲ Improving"), then its sentence.
    return filled_html(
        _("{verdict}: {summary}"),
        verdict=f"<b>{paper_text(lead)}</b>",
        summary=paper_text(v.summary),
    )


def page_one(report: Report, png: bytes | None, scale: float = 1.0) -> str:
    """Page 1's HTML; ``scale``: its inline sizes (and the plot) that much smaller, with
    :func:`scaled_css` and the paper font scaled alike (:func:`report_document`)."""
    p1 = report.page1
    v = p1.verdict
    parts = [f"<h1>{paper_text(p1.title)}</h1>"]
    if p1.patient_line:
        parts.append(f'<p class="meta"><b>{paper_text(p1.patient_line)}</b></p>')
    parts.append(f'<p class="meta">{paper_text(p1.range_line)}</p>')
    for line in p1.trial_lines:  # the 12-week trial (issue 16), as Today says it
        parts.append(f'<p class="meta">{paper_text(line)}</p>')
    if p1.clinician_line:  # the first thing the clinician reads, in a box
        parts.append(
            '<table class="box" width="100%" cellspacing="0"><tr><td>'
            f"{labelled(p1.clinician_line)}</td></tr></table>"
        )
    # Is it working? By walking (DESIGN 5.3) and by the questionnaires (5.6), one answer
    # under the other, in the same weight; the ZCQ cited modestly after its own line.
    parts.append(f"<h2>{paper_text(_('Is it working?'))}</h2>")
    parts.append(f'<p class="answer">{verdict_html(v)}</p>')
    cites = (*p1.outcome_citations, *("",) * len(p1.outcomes))  # "": a line without one
    for line, cite in zip(p1.outcomes, cites, strict=False):
        small = (
            f' <span style="{scaled_sizes(CITE_STYLE, scale)}">{paper_text(cite)}</span>'
            if cite
            else ""
        )
        parts.append(f'<p class="answer">{labelled(line)}{small}</p>')
    if p1.adherence_line:  # planned and done sessions: counts, never a judgement
        parts.append(f'<p class="answer">{labelled(p1.adherence_line)}</p>')
    if v.nudge:
        parts.append(f"<p>{paper_text(v.nudge)}</p>")
    # What to do next: a few short sentences in one paragraph, each after a bullet, the
    # last the plan in force (page 1 keeps it when the page is full).
    steps = [paper_text(step) for step in p1.what_next]
    steps.append(f"<b>{paper_text(_('Next walk:'))}</b> {paper_text(p1.next_walk)}")
    parts.append(
        f"<p><b>{paper_text(_('What next:'))}</b> "
        + "&nbsp; ".join(f"•&nbsp;{step}" for step in steps)  # a line breaks before a •
        + "</p>"
    )
    parts.append(f"<h2>{paper_text(p1.plot.title)}</h2>")
    if png is not None:
        data = base64.b64encode(png).decode("ascii")
        image = QImage.fromData(png)
        width = round(PLOT_PRINT_WIDTH * scale)
        height = round(width * image.height() / max(1, image.width()))
        alt = paper_text(plot_words(p1.plot))
        parts.append(
            f'<p><img src="data:image/png;base64,{data}" width="{width}" height="{height}" '
            f'alt="{alt}"></p>'
        )
        parts.append(f'<p class="small">{plot_key(p1.plot)}</p>')
    else:
        parts.append(f"<p>{paper_text(p1.plot.empty_text)}</p>")
    parts.append(f"<h2>{paper_text(_('At the start and now'))}</h2>")
    # Each row says where its figures come from, in its last column (a clinician must
    # never wonder which leg pain is which); a row left out is said under the table.
    compare_headers = (*(_(h) if h else h for h in COMPARE_HEADERS), _(SOURCE_HEADER))
    rows = ((*row.cells, row.source) for row in p1.compare)
    parts.append(table(compare_headers, rows, one_line=(0,), span_last=True))
    for note in p1.compare_notes:
        parts.append(f'<p class="note">{paper_text(note)}</p>')
    if p1.treatments:
        parts.append(f"<h2>{paper_text(_('Treatments'))}</h2>")
        parts.append(treatment_table(p1.treatments))
        # What "before" and "after" are (DESIGN 5.3) and where relief comes from (5.10),
        # then the model's caveat: one small paragraph of whole sentences.
        windows = _(
            "Walking: median of the tests in the 28 days before → days 7–35 after. Relief: "
            "from leg pain in the daily log."
        )
        caveat = " ".join((windows, p1.treatment_caveat))
        parts.append(f'<p class="note">{paper_text(caveat)}</p>')
    if p1.signs or not p1.clinician_line:  # no signs: the clinician's line says so
        signs = "; ".join(sign.text for sign in p1.signs) or _("No signs found in the data.")
        talk = paper_text(_("Time to talk to your clinician?"))
        parts.append(f"<p><b>{talk}</b> {paper_text(signs)}</p>")
    if p1.opioid_line:  # "Opioids: ..." with its label in bold
        parts.append(f"<p>{labelled(p1.opioid_line)}</p>")
    safety = paper_text(_("Safety checks:"))
    parts.append(f"<p><b>{safety}</b> {paper_text(p1.safety.summary)}</p>")
    for flag in p1.safety.flagged:
        parts.append(f"<p>&nbsp;&nbsp;• {flag_html(flag)}</p>")
    return "".join(parts)


def treatment_table(lines) -> str:
    """Each treatment's walking before/after (DESIGN 5.3) and, for an injection, block or
    procedure, its relief in the daily log beside it (5.10); the Relief column only when a
    treatment listed has a relief record."""
    headers = [
        _("Treatment"),
        _("Date"),
        _("Walking before symptoms (min:sec)"),
        _("Change"),
    ]
    rows = [treatment_cells(t) for t in lines]
    if not any(has_relief_record(t.event.kind) for t in lines):
        return table(headers, rows, one_line=(1,))
    headers.append(_("Relief"))
    rows = [(*cells, t.relief_text or UNKNOWN) for cells, t in zip(rows, lines, strict=True)]
    return table(headers, rows, RELIEF_WIDTHS, one_line=(1,))


def flag_html(flag) -> str:
    """A flagged safety check as one sentence, its first part in bold: "<b>Mon 4 May, after
    a walk: stop and get checked.</b> Yes to: new weakness. Cleared on Tue 5 May."."""
    # The sentence is translated whole; its bold part ends at the <b>…</b> the message keeps.
    message = _("<b>{day}, {trigger}: {level}.</b> Yes to: {answers}. {clearance}.")
    return message.format(
        day=paper_text(flag.date_text),
        trigger=paper_text(flag.trigger_text),
        level=paper_text(flag.level_text),
        answers=paper_text("; ".join(flag.answers)),
        clearance=paper_text(flag.clearance_text),
    )


def treatment_cells(line) -> tuple[str, str, str, str]:
    effect = line.effect
    if effect.before_median_s is None or effect.after_median_s is None:
        span = _("not enough walking tests to compare")
    else:
        # min:sec, the unit in the header; on one line ("2:55 → 4:33", never "2:55 →" over
        # "4:33"), so the Relief column has room.
        before, after = min_sec_text(effect.before_median_s), min_sec_text(effect.after_median_s)
        span = f"{before}\u00a0→\u00a0{after}"
    change = line.change_text  # whole percent, as the model says it
    note = line.event.note
    short = f" ({note})" if note and len(note) <= 24 else ""  # long notes: see later pages
    # The treatment's name on one line ("Start of physiotherapy"); a note may wrap under it.
    name = line.event.kind.label.replace(" ", "\u00a0")
    return (name + short, date_text(line.event.date), span, change)


def later_pages(report: Report) -> str:
    questions = paper_text(_("Questions for your visit"))
    parts = [f'<h1 style="page-break-before: always">{questions}</h1>']
    footnotes = report.page1.footnotes
    parts.append(
        "<ol>"
        + "".join(
            f"<li><b>{paper_text(q.text)}</b>"
            + (f"<br>{paper_text(q.detail)}" if q.detail else "")
            + "</li>"
            for q in report.questions
        )
        + "</ol>"
    )
    d = report.daily_summary
    parts.append(f"<h2>{paper_text(_('Daily log'))}</h2>")
    parts.append(table(None, ((line.label, line.value) for line in d.lines)))
    parts.append(
        latest_table(
            _("Week by week"),
            report.weekly,
            weekly_table,
            LATEST_WEEKS,
            _("No weeks with data in this range."),
            weeks_left_out,
        )
    )
    parts.append(
        latest_table(
            _("Walks"),
            report.walks,
            walk_table,
            LATEST_ROWS,
            _("No walks in this range."),
            walks_left_out,
            notes_width,
        )
    )
    parts.append(
        latest_table(
            _("Exercise sessions"),
            report.routines,
            routine_table,
            LATEST_ROWS,
            _("No exercise sessions in this range."),
            sessions_left_out,
        )
    )
    if report.page1.outcomes:  # page 1 cites the questionnaires; here in full
        footnotes = (*footnotes, _(ZCQ_SOURCE_TEXT), _(PSFS_SOURCE_TEXT))
    parts.append(
        f"<h2>{paper_text(_('About these figures'))}</h2>"
        + bullets((*footnotes, report.page1.generated_line))
    )
    if report.notes:
        parts.append(
            latest_table(_("Notes"), report.notes, note_table, LATEST_ROWS, "", notes_left_out)
        )
    return "".join(parts)


def scaled_sizes(css: str, scale: float) -> str:
    """``css`` with every size in points times ``scale``."""
    if scale == 1.0:
        return css
    return POINTS.sub(lambda m: f"{float(m.group(1)) * scale:.2f}pt", css)


def report_html(report: Report, png: bytes | None, scale: float = 1.0) -> str:
    return (
        f"<html><head><style>{scaled_sizes(CSS, scale)}</style></head><body>"
        f"{page_one(report, png, scale)}{later_pages(report)}</body></html>"
    )


def paper_rect(locale: QLocale | None = None) -> QSizeF:
    """The printed area of the locale's paper (A4, or US Letter), in points, inside the
    report's margins."""
    layout = QPageLayout(
        page_size_for_locale(locale),
        QPageLayout.Orientation.Portrait,
        PAGE_MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
    return layout.paintRect(QPageLayout.Unit.Point).size()


def page_one_scale(report: Report, png: bytes | None, page: QSizeF) -> float:
    """The largest of :data:`FIT_SCALES` at which page 1 fits one ``page``: A4 at full
    size, US Letter (18 mm shorter) a little smaller when page 1 is full; the smallest when
    even that does not fit (page 1 then runs on)."""
    for scale in FIT_SCALES:
        html = (
            f"<html><head><style>{scaled_sizes(CSS, scale)}</style></head><body>"
            f"{page_one(report, png, scale)}</body></html>"
        )
        doc = paper_document(html, scale)
        doc.setPageSize(page)
        if doc.pageCount() == 1:
            return scale
    return FIT_SCALES[-1]


def report_document(report: Report, png: bytes | None, page: QSizeF | None = None) -> QTextDocument:
    """The report laid out for paper (a PDF or a printer): the paper font, not the app's
    text size, and lines broken between words only, so table columns keep whole words
    ("symptoms", not "sympto-ms") and Qt sizes them to fit. Page 1 is one ``page`` (the
    locale's paper when not given): on a shorter paper its words and plot are set a little
    smaller (:func:`page_one_scale`), never cut."""
    scale = page_one_scale(report, png, page or paper_rect())
    return paper_document(report_html(report, png, scale), scale)


def write_report_pdf(
    report: Report,
    target: Path,
    locale: QLocale | None = None,
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Render to ``target`` all or nothing (:func:`~stenosis_coach.ui.pdf.pdf_pages`):
    a failure is one sentence (:class:`~stenosis_coach.errors.UserError`) and leaves
    ``target`` as it was. ``progress`` gets 0-100."""
    target = Path(target)
    step = progress or (lambda _percent: None)
    step(5)
    png = plot_png(report.page1.plot)
    step(40)
    doc = report_document(report, png, paper_rect(locale))
    step(70)
    margins = PAGE_MARGINS_MM
    with pdf_pages(
        target, what="report", title=report.page1.title, margins_mm=margins, locale=locale
    ) as (writer, painter):
        print_document(doc, writer, painter)
        step(95)
    step(100)
    return target
