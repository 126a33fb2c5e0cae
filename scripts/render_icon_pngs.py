"""Regenerate the app-icon PNGs from ``stenosis-coach.svg`` using PySide6 only.

Usage (from anywhere)::

    QT_QPA_PLATFORM=offscreen python scripts/render_icon_pngs.py

Writes ``png/stenosis-coach-<size>.png`` next to this script for each size in
``SIZES``.  No external tools (rsvg-convert, Inkscape) are needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parents[1] / "resources" / "icons"
SOURCE = HERE / "stenosis-coach.svg"
OUT_DIR = HERE / "png"
SIZES = (16, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    """Render ``svg`` into a transparent ``size``×``size`` ARGB image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"invalid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        target = OUT_DIR / f"stenosis-coach-{size}.png"
        if not render(SOURCE, size).save(str(target), "PNG"):
            print(f"failed to write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
