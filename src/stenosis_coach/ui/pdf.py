"""What the PDF files (the report, the pocket card) share: paper for the locale, a paper
font, long words that wrap, and one way to write a PDF all or nothing.

:func:`pdf_pages` writes through :func:`stenosis_coach.files.replaced_checked` (a private
temp file, fsynced, checked to end with ``%%EOF``, then renamed): the writer and its
painter are made and finished inside that block, and a painter that cannot start or
finish is a failed write. So a full disk is never announced as a saved report: the caller
gets one sentence (:class:`~stenosis_coach.errors.UserError`), the older file of that
name is left as it was, and nothing else is left behind.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from html import escape
from pathlib import Path

from PySide6.QtCore import QFile, QFileDevice, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from stenosis_coach import APP_TITLE
from stenosis_coach.files import WriteCheckFailed, replaced_checked

PAPER_PT = 9  # the base size of text on paper; a document's CSS sizes are set against it
ZWSP = "\u200b"  # a zero-width break opportunity
# Characters: a longer word may break after every 20 (a name, a URL). Not fewer: a real
# word ("Questionnaire", "physiotherapy") printed "Questionnair" over "e".
BREAK_EVERY = 20
LONG_WORD = re.compile(rf"\S{{{BREAK_EVERY + 1},}}")


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """A4, or Letter where the locale uses US paper."""
    locale = locale or QLocale()
    letter = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def paper_font() -> QFont:
    """The base font of a document printed to paper. Set it on the ``QTextDocument``:
    otherwise the application font, which follows the text-size setting, scales the whole
    layout (the same report from the app at extra-large text ran onto more pages)."""
    font = QFont("Sans Serif")  # not translated: a font family's name
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(PAPER_PT)
    return font


def breakable(text: str) -> str:
    """``text`` with a zero-width break opportunity every :data:`BREAK_EVERY` characters of
    any word longer than that: the layout breaks between words (WordWrap), so a 200-letter
    name or a URL would otherwise run off the page or stretch its column."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        return ZWSP.join(word[i : i + BREAK_EVERY] for i in range(0, len(word), BREAK_EVERY))

    return LONG_WORD.sub(split, text)


def paper_text(text: object) -> str:
    """``text`` for a paper document's HTML: escaped (printed as typed, so
    "Ana <b>Ruiz</b>" stays as typed) and with long words breakable."""
    return escape(breakable(str(text)), quote=True)


def paper_document(html: str, scale: float = 1.0) -> QTextDocument:
    """A document laid out for paper: the paper font (not the app's text size), lines
    broken between words only (so table columns keep whole words; put text through
    :func:`paper_text`, so a long word breaks too). ``scale``: the paper font that much
    smaller or larger (a page that must fit a shorter paper)."""
    doc = QTextDocument()
    font = paper_font()
    font.setPointSizeF(PAPER_PT * scale)
    doc.setDefaultFont(font)
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setHtml(html)
    return doc


def pdf_writer(
    device: Path | QIODevice, title: str, margins_mm: QMarginsF, locale: QLocale | None = None
) -> QPdfWriter:
    """A 300-dpi portrait writer on the locale's paper, to a file name or an open device."""
    writer = QPdfWriter(device if isinstance(device, QIODevice) else str(device))
    writer.setTitle(title)
    writer.setCreator(APP_TITLE)  # the app's name, the same in every language
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            page_size_for_locale(locale),
            QPageLayout.Orientation.Portrait,
            margins_mm,
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


@contextlib.contextmanager
def pdf_pages(
    target: Path,
    *,
    what: str,
    title: str,
    margins_mm: QMarginsF,
    locale: QLocale | None = None,
) -> Iterator[tuple[QPdfWriter, QPainter]]:
    """Paint a PDF that replaces ``target`` only when it is whole.

    Yields the writer and an active painter on it (draw, and call :func:`new_page`
    between pages). When the block ends the painter is ended and the file closed, then
    checked and renamed over ``target`` (:func:`~stenosis_coach.files.replaced_checked`,
    ``what`` names the file in sentences: "report", "pocket card"). A painter that does
    not start or end, a write the file refused (a full disk), or a file that does not end
    with ``%%EOF`` raises a :class:`~stenosis_coach.errors.UserError` of one sentence;
    ``target`` is then left as it was.
    """
    with replaced_checked(target, kind="pdf", what=what) as tmp:
        device = QFile(str(tmp))
        if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
            raise WriteCheckFailed(f"the PDF could not be opened: {device.errorString()}")
        try:
            writer = pdf_writer(device, title, margins_mm, locale)
            painter = QPainter()
            if not painter.begin(writer):
                raise WriteCheckFailed("the painter could not start the PDF")
            try:
                yield writer, painter
            finally:
                ended = painter.isActive() and painter.end()
            if not ended:
                raise WriteCheckFailed("the painter could not finish the PDF")
        finally:  # the painter has ended (or never began): the writer writes no more
            written = device.flush() and device.error() == QFileDevice.FileError.NoError
            device.close()
        if not written or device.error() != QFileDevice.FileError.NoError:
            raise WriteCheckFailed(f"the PDF was not written whole: {device.errorString()}")


def new_page(writer: QPdfWriter) -> None:
    """The next page, or a failed write."""
    if not writer.newPage():
        raise WriteCheckFailed("the PDF writer could not start a new page")


def draw_contents(painter: QPainter, doc: QTextDocument, view: QRectF | None = None) -> None:
    """Paint ``doc`` (clipped to ``view``, in the document's units) in black by default,
    whatever the app's theme, as ``QTextDocument.print`` does."""
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette(context.palette)
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    context.palette = palette
    painter.save()
    if view is not None:
        painter.setClipRect(view)
        context.clip = view
    doc.documentLayout().draw(painter, context)
    painter.restore()


def print_document(doc: QTextDocument, writer: QPdfWriter, painter: QPainter) -> None:
    """Every page of ``doc`` laid out on ``writer``'s paint rect (in points) and painted
    with ``painter`` (the same pages as ``QTextDocument.print``, whose painter cannot be
    checked)."""
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    painter.scale(writer.width() / rect.width(), writer.height() / rect.height())
    width, height = rect.width(), rect.height()
    for index in range(doc.pageCount()):
        if index:
            new_page(writer)
        painter.save()
        painter.translate(0, -index * height)
        draw_contents(painter, doc, QRectF(0, index * height, width, height))
        painter.restore()
