"""Print the pocket card to a one-page PDF in big type (QTextDocument -> QPdfWriter)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF

from stenosis_coach.core.walking.card import PocketCard
from stenosis_coach.i18n import _
from stenosis_coach.ui.pdf import draw_contents, paper_document, paper_text, pdf_pages

CARD_CSS = """
body { font-family: sans-serif; color: #000000; }
h1 { font-size: 26pt; margin: 0 0 4pt 0; }
p.day { font-size: 13pt; margin: 0 0 10pt 0; }
p { font-size: 15pt; margin: 0 0 8pt 0; }
p.h { font-size: 18pt; font-weight: bold; margin: 14pt 0 4pt 0; }
li { font-size: 15pt; }
td.line { font-size: 14pt; padding: 16pt 0 2pt 0; border-bottom: 1px solid #000000; }
"""


def card_html(card: PocketCard) -> str:
    steps = "".join(f"<li>{paper_text(step)}</li>" for step in card.steps)
    signs = "".join(f"<li>{paper_text(sign)}</li>" for sign in card.emergency_signs)
    # Translators: a line to write on, on the printed pocket card, after its name
    # ("Walked:"). Keep the name first if your language puts a colon after a label.
    line = _("{line}:")
    lines = "".join(
        f'<tr><td class="line" width="100%">{paper_text(line.format(line=name))}</td></tr>'
        for name in card.record_lines
    )
    symptoms = paper_text(_("When symptoms come"))
    emergency = paper_text(_("Get emergency care now if you have"))
    write_down = paper_text(_("Write down"))
    return f"""<html><head><style>{CARD_CSS}</style></head><body>
<h1>{paper_text(card.title)}</h1>
<p class="day">{paper_text(card.day)}</p>
<p><b>{paper_text(card.summary)}</b></p>
<ol>{steps}</ol>
<p class="h">{symptoms}</p>
<p>{paper_text(card.when_symptoms_come)}</p>
<p class="h">{emergency}</p>
<ul>{signs}</ul>
<p class="h">{write_down}</p>
<table width="100%" cellspacing="0">{lines}</table>
</body></html>"""


def write_card_pdf(card: PocketCard, target: Path, locale: QLocale | None = None) -> Path:
    """Write the card to ``target`` all or nothing (:func:`~stenosis_coach.ui.pdf.pdf_pages`):
    a failure is one sentence (:class:`~stenosis_coach.errors.UserError`) and leaves
    ``target`` as it was."""
    target = Path(target)
    doc = paper_document(card_html(card))
    with pdf_pages(
        target,
        what="pocket card",
        title=card.title,
        margins_mm=QMarginsF(15, 15, 15, 15),
        locale=locale,
    ) as (writer, painter):
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        # Lay the text out at 72 points per inch, then scale up to the printer's pixels;
        # if it is taller than the page, shrink it a little: the card is always one page.
        scale = writer.resolution() / 72
        width, height = rect.width() / scale, rect.height() / scale
        doc.setTextWidth(width)
        if doc.size().height() > height:
            fit = height / doc.size().height()
            doc.setTextWidth(width / fit)
            scale *= fit
        painter.scale(scale, scale)
        draw_contents(painter, doc)
    return target
