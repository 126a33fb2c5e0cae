"""Print the pocket card to a one-page PDF in big type (QTextDocument -> QPdfWriter)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QPainter, QTextDocument

from stenosis_coach.core.walking.card import PocketCard
from stenosis_coach.ui.pdf import pdf_writer, replaced_whole

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
    steps = "".join(f"<li>{escape(step)}</li>" for step in card.steps)
    signs = "".join(f"<li>{escape(sign)}</li>" for sign in card.emergency_signs)
    lines = "".join(
        f'<tr><td class="line" width="100%">{escape(name)}:</td></tr>' for name in card.record_lines
    )
    return f"""<html><head><style>{CARD_CSS}</style></head><body>
<h1>{escape(card.title)}</h1>
<p class="day">{escape(card.day)}</p>
<p><b>{escape(card.summary)}</b></p>
<ol>{steps}</ol>
<p class="h">When symptoms come</p>
<p>{escape(card.when_symptoms_come)}</p>
<p class="h">Get emergency care now if you have</p>
<ul>{signs}</ul>
<p class="h">Write down</p>
<table width="100%" cellspacing="0">{lines}</table>
</body></html>"""


def write_card_pdf(card: PocketCard, target: Path, locale: QLocale | None = None) -> Path:
    """Write the card to ``target`` (a temp file first, then renamed: no partial file)."""
    target = Path(target)
    with replaced_whole(target) as tmp:
        writer = pdf_writer(tmp, card.title, QMarginsF(15, 15, 15, 15), locale)
        doc = QTextDocument()
        doc.setHtml(card_html(card))
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
        painter = QPainter(writer)
        try:
            painter.scale(scale, scale)
            doc.drawContents(painter)
        finally:
            painter.end()
        del writer  # flushes and closes the file
    return target
