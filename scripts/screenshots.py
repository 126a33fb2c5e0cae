"""Render the window's pages to PNG files, for looking at them as a user would.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR

Writes one PNG per page for each text size, and for high contrast, using a throwaway
data folder. (For the real X11 window, run the app under Xvfb and use `import -window root`.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from stenosis_coach.core.clock import SystemClock
from stenosis_coach.core.settings import Settings, TextSize
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.settings_store import save_settings
from stenosis_coach.ui.app import build_window
from stenosis_coach.ui.dialogs import Dialogs


def shoot(out: Path, size: tuple[int, int] = (1180, 820)) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    written = []
    variants = [(s.value, Settings(text_size=s)) for s in TextSize]
    variants.append(("high_contrast", Settings(high_contrast=True)))
    variants.append(
        ("high_contrast_xl", Settings(text_size=TextSize.EXTRA_LARGE, high_contrast=True))
    )
    for name, settings in variants:
        with tempfile.TemporaryDirectory() as tmp:
            paths = AppPaths.resolve(tmp)
            save_settings(paths, settings)
            window = build_window(paths, SystemClock(), Dialogs())
            window.resize(*size)
            window.show()
            window.context.open_database()
            for key in window.page_keys():
                window.show_page(key)
                app.processEvents()
                target = out / f"{key}-{name}.png"
                window.grab().save(str(target))
                written.append(target)
            window.close()
            window.deleteLater()
            app.processEvents()
    return written


if __name__ == "__main__":
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in shoot(out_dir):
        print(path)
