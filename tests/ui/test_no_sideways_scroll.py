"""No page scrolls sideways at 1024 px with extra-large text: rows of buttons go on to a
second line and side-by-side parts stack, rather than push words out of sight."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from stenosis_coach.core.settings import TextSize

PAGES = ["today", "walk", "exercises", "progress", "report", "settings", "therapist"]


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


@pytest.mark.parametrize("key", PAGES)
def test_no_page_scrolls_sideways_at_extra_large_text(window, key):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(1024, 700)
    window.show_page(key)
    settle()
    sideways = [
        (area.objectName() or type(area.widget()).__name__, area.horizontalScrollBar().maximum())
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]
    assert sideways == []
