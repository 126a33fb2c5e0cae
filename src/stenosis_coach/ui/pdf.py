"""What the PDF files (the report, the pocket card) share: paper for the locale, a writer
set up for print, and writing through a temp file so a failure leaves no partial file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter

PAPER_PT = 9  # the base size of text on paper; a document's CSS sizes are set against it


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """A4, or Letter where the locale uses US paper."""
    locale = locale or QLocale()
    letter = locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def paper_font() -> QFont:
    """The base font of a document printed to paper. Set it on the ``QTextDocument``:
    otherwise the application font, which follows the text-size setting, scales the whole
    layout (the same report from the app at extra-large text ran onto more pages)."""
    font = QFont("Sans Serif")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(PAPER_PT)
    return font


def pdf_writer(
    path: Path, title: str, margins_mm: QMarginsF, locale: QLocale | None = None
) -> QPdfWriter:
    """A 300-dpi portrait writer on the locale's paper."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Stenosis Coach")
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
def replaced_whole(target: Path) -> Iterator[Path]:
    """Yield a temp path beside ``target``; when the block ends without an error it
    becomes ``target``, otherwise it is removed. (Close the writer inside the block.)"""
    tmp = target.with_name(f".{target.name}.partial")
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
