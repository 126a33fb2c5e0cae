"""Render every exercise illustration onto one contact-sheet PNG, using PySide6 only.

Usage (from anywhere)::

    QT_QPA_PLATFORM=offscreen python scripts/illustration_sheet.py [OUT.png] [--width 240]

Each SVG in ``resources/exercises/illustrations`` is drawn at ``--width`` pixels wide
(height from its viewBox) on a white tile, with its exercise id written underneath by
QPainter (the SVGs themselves hold no text).  Every file is checked with
``QSvgRenderer.isValid()``; the script exits 1 if any is invalid (the sheet is still
written, with the broken tile marked), and 2 if the folder holds no SVGs.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "exercises" / "illustrations"
COLUMNS = 4
GAP = 16
LABEL_H = 28
SHEET_BG = QColor("#FAF8F5")  # the app's background (theme.LIGHT)
TILE_BG = QColor("#FFFFFF")  # the app's card colour
TEXT = QColor("#1C1B1A")
BORDER = QColor("#8A857E")
ERROR = QColor("#B3261E")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp/illustrations.png", type=Path)
    parser.add_argument("--width", type=int, default=240, help="tile width in pixels")
    parser.add_argument("--folder", type=Path, default=FOLDER)
    args = parser.parse_args(argv)

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svgs = sorted(args.folder.glob("*.svg"))
    if not svgs:
        print(f"no SVG files in {args.folder}", file=sys.stderr)
        return 2

    renderers = [QSvgRenderer(str(path)) for path in svgs]
    invalid = [path for path, r in zip(svgs, renderers, strict=True) if not r.isValid()]

    tile_w = args.width
    tile_h = tile_w * 3 // 4  # fallback for a broken file
    for renderer in renderers:
        if renderer.isValid():
            box = renderer.viewBoxF()
            if box.width() > 0:
                tile_h = max(tile_h, round(tile_w * box.height() / box.width()))
    cols = min(COLUMNS, len(svgs))
    rows = math.ceil(len(svgs) / cols)
    cell_w, cell_h = tile_w + GAP, tile_h + LABEL_H + GAP
    image = QImage(cols * cell_w + GAP, rows * cell_h + GAP, QImage.Format.Format_ARGB32)
    image.fill(SHEET_BG)

    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont()
    font.setPixelSize(15)
    painter.setFont(font)
    for index, (path, renderer) in enumerate(zip(svgs, renderers, strict=True)):
        x = GAP + (index % cols) * cell_w
        y = GAP + (index // cols) * cell_h
        tile = QRectF(x, y, tile_w, tile_h)
        painter.fillRect(tile, TILE_BG)
        painter.setPen(QPen(BORDER, 1))
        painter.drawRect(tile.adjusted(0.5, 0.5, -0.5, -0.5))
        if renderer.isValid():
            box = renderer.viewBoxF()
            h = tile_w * box.height() / box.width() if box.width() > 0 else tile_h
            renderer.render(painter, QRectF(x, y + (tile_h - h) / 2, tile_w, h))
            painter.setPen(TEXT)
            label = path.stem
        else:
            painter.setPen(QPen(ERROR, 4))
            painter.drawLine(tile.topLeft(), tile.bottomRight())
            painter.drawLine(tile.topRight(), tile.bottomLeft())
            painter.setPen(ERROR)
            label = f"{path.stem} (INVALID)"
        painter.drawText(
            QRectF(x, y + tile_h + 2, tile_w, LABEL_H - 2),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            label,
        )
    painter.end()

    if not image.save(str(args.out), "PNG"):
        print(f"failed to write {args.out}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({len(svgs)} illustrations, {tile_w} px wide)")
    for path in invalid:
        print(f"INVALID SVG: {path}", file=sys.stderr)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
