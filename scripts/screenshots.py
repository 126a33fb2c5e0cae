"""Render the window's pages and flows to PNG files, to look at them as a user would.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR

Writes one PNG per page for each text size and for high contrast, plus the safety
screens (welcome, a question, each seek-care level, all clear, clearance), using
throwaway data folders. For the real X11 window, see scripts/xvfb_screenshot.sh.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from stenosis_coach.core.clock import SystemClock
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, advice_for
from stenosis_coach.core.settings import Settings, TextSize
from stenosis_coach.paths import AppPaths
from stenosis_coach.services.settings_store import save_settings
from stenosis_coach.ui.app import build_window
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.main_window import MainWindow
from stenosis_coach.ui.safety import screens

VARIANTS = {
    "normal": Settings(text_size=TextSize.NORMAL),
    "large": Settings(text_size=TextSize.LARGE),
    "extra_large": Settings(text_size=TextSize.EXTRA_LARGE),
    "high_contrast": Settings(high_contrast=True),
    "high_contrast_xl": Settings(text_size=TextSize.EXTRA_LARGE, high_contrast=True),
}
SIZE = (1180, 820)


def with_window(
    settings: Settings, use: Callable[[MainWindow, QApplication], None], with_walks: bool = True
) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.resolve(tmp)
        save_settings(paths, settings)
        window = build_window(paths, SystemClock(), Dialogs())
        window.resize(*SIZE)
        window.show()
        window.context.open_database()
        if with_walks:
            from datetime import UTC, datetime

            from stenosis_coach.services.walks import import_diary

            diary = (
                Path(__file__).parents[1] / "tests" / "fixtures" / "diary-programme-12-weeks.csv"
            )
            import_diary(window.context.db, diary, datetime.now(UTC))
            window.context.data_changed.emit()
        use(window, app)
        window.close()
        window.deleteLater()
        app.processEvents()


def save(window: MainWindow, app: QApplication, target: Path, written: list[Path]) -> None:
    app.processEvents()
    window.grab().save(str(target))
    written.append(target)


def yes_to(*ids: str) -> dict[str, bool]:
    return {q.id: q.id in ids for q in QUESTIONS}


SAFETY_SCREENS: dict[str, Callable[[], object]] = {
    "welcome": screens.WelcomeScreen,
    "emergency": lambda: screens.SeekCareScreen(advice_for(yes_to("bladder-trouble"))),
    "urgent": lambda: screens.SeekCareScreen(advice_for(yes_to("clumsy-hands", "fever"))),
    "stop_and_check": lambda: screens.SeekCareScreen(advice_for(yes_to("calf-pain-standing"))),
    "all_clear": screens.AllClearScreen,
    "clearance": lambda: screens.ClearanceScreen(advice_for(yes_to("fever")), "Mon 4 May"),
}


def shoot(out: Path, variants: list[str]) -> list[Path]:
    written: list[Path] = []
    for name in variants:

        def pages(window: MainWindow, app: QApplication, name: str = name) -> None:
            for key in window.page_keys():
                window.show_page(key)
                save(window, app, out / f"{key}-{name}.png", written)
            window.safety.start_check(CheckTrigger.WEEKLY)
            save(window, app, out / f"safety-question-{name}.png", written)
            for screen_name, make in SAFETY_SCREENS.items():
                window.show_flow(make())
                save(window, app, out / f"safety-{screen_name}-{name}.png", written)
            window.end_flow()
            window.show_page("walk")
            window.walking.log_walk()
            save(window, app, out / f"walk-log-{name}.png", written)
            window.end_flow()

        with_window(VARIANTS[name], pages)
    return written


if __name__ == "__main__":
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    chosen = sys.argv[2:] or list(VARIANTS)
    for path in shoot(out_dir, chosen):
        print(path)
