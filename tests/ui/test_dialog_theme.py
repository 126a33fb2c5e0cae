"""Qt's own dialogs (files, messages, questions) follow the theme and the text size.

Under Xvfb and offscreen Qt uses its own widget file dialog, which inherits the app's
colours: in high contrast its lists once showed white file names on white.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)

from stenosis_coach.core.settings import Settings, TextSize
from stenosis_coach.services.settings_store import save_settings
from stenosis_coach.ui.dialogs import Dialogs

AA = 4.5  # WCAG 2.2 text contrast


def luminance(color: QColor) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def dominant(image: QImage) -> QColor:
    """The most common colour of a grab: the background of a mostly empty view."""
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    return QColor.fromRgb(max(counts, key=counts.get))


VARIANTS = {
    "high_contrast_xl": Settings(text_size=TextSize.EXTRA_LARGE, high_contrast=True),
    "light": Settings(text_size=TextSize.NORMAL),
}


@pytest.fixture(params=list(VARIANTS))
def themed(request, make_window, paths):
    save_settings(paths, VARIANTS[request.param])
    return make_window(open_data=False), VARIANTS[request.param]


def assert_readable(widget: QWidget, text_role: QPalette.ColorRole, bg_role: QPalette.ColorRole):
    palette = widget.palette()
    ratio = contrast(palette.color(text_role), palette.color(bg_role))
    assert ratio >= AA, f"{type(widget).__name__} {widget.objectName()}: {ratio:.2f}:1"


def test_the_file_dialog_is_readable_in_both_themes(themed, tmp_path: Path, qtbot):
    window, settings = themed
    for name in ("walks.csv", "plan.scplan.json"):
        (tmp_path / name).write_text("x")
    dialog = Dialogs(window).file_dialog(
        "Import plan", tmp_path, "Plan files (*.scplan.json)", "open"
    )
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # as under Xvfb
    dialog.show()
    qtbot.waitExposed(dialog)
    # Sized to the window, so large text is not squeezed into a small box.
    assert dialog.width() >= 0.8 * window.width() and dialog.height() >= 0.8 * window.height()
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    assert dialog.accessibleName() == "Import plan"
    views = [v for v in dialog.findChildren(QAbstractItemView) if v.isVisible()]
    assert len(views) >= 2  # the side bar and the files
    for view in views:
        assert_readable(view, QPalette.ColorRole.Text, QPalette.ColorRole.Base)
        assert_readable(view, QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)
        # What is painted is the palette's background: the whole view, not just its roles.
        shown = dominant(view.viewport().grab().toImage())
        assert contrast(shown, view.palette().color(QPalette.ColorRole.Text)) >= AA
    for edit in dialog.findChildren(QLineEdit):
        assert_readable(edit, QPalette.ColorRole.Text, QPalette.ColorRole.Base)
    for combo in dialog.findChildren(QComboBox):
        if combo.isVisible():
            assert_readable(combo, QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button)
            assert_readable(combo, QPalette.ColorRole.Text, QPalette.ColorRole.Base)
            shown = dominant(combo.grab().toImage())
            assert contrast(shown, combo.palette().color(QPalette.ColorRole.Text)) >= AA
    for header in dialog.findChildren(QHeaderView):
        if header.isVisible():
            shown = dominant(header.grab().toImage())
            assert contrast(shown, header.palette().color(QPalette.ColorRole.ButtonText)) >= AA
    for label in dialog.findChildren(QLabel):
        assert label.font().pointSize() == settings.type_scale.body
    dialog.close()


def test_message_boxes_questions_and_menus_follow_the_theme(themed, qtbot):
    window, settings = themed
    box = QMessageBox(QMessageBox.Icon.Information, "Stenosis Coach", "Something to read.")
    box.setParent(window, box.windowFlags())
    box.show()
    qtbot.waitExposed(box)
    assert_readable(box, QPalette.ColorRole.WindowText, QPalette.ColorRole.Window)
    text = next(label for label in box.findChildren(QLabel) if label.text() == "Something to read.")
    assert text.font().pointSize() == settings.type_scale.body
    shown = dominant(box.grab().toImage())
    assert contrast(shown, text.palette().color(QPalette.ColorRole.WindowText)) >= AA
    box.close()

    ask = QInputDialog(window)
    ask.setLabelText("Your name")
    ask.show()
    qtbot.waitExposed(ask)
    for edit in ask.findChildren(QLineEdit):
        assert_readable(edit, QPalette.ColorRole.Text, QPalette.ColorRole.Base)
    ask.close()

    menu = QMenu(window)
    menu.addAction("Back up…")
    assert_readable(menu, QPalette.ColorRole.WindowText, QPalette.ColorRole.Window)
    app = QApplication.instance()
    assert_readable(app, QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase)


def test_already_open_message_uses_the_saved_text_size_and_theme(paths, qtbot, monkeypatch):
    """A second start shows "already open" before any window: it still reads large."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFont

    from stenosis_coach.instance_lock import InstanceLock
    from stenosis_coach.ui import app as app_module

    app = QApplication.instance()
    app.setStyleSheet("")  # as a fresh start: nothing themed yet
    app.setFont(QFont())
    app.setPalette(QPalette())
    paths.ensure()
    monkeypatch.setattr(app_module, "prepare_folders", lambda paths: True)  # no log files
    save_settings(paths, Settings(text_size=TextSize.EXTRA_LARGE, high_contrast=True))
    seen = {}

    def look_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        text = next(label for label in box.findChildren(QLabel) if "already open" in label.text())
        seen["size"] = text.font().pointSize()
        seen["contrast"] = contrast(
            dominant(box.grab().toImage()), text.palette().color(QPalette.ColorRole.WindowText)
        )
        seen["name"] = box.accessibleName()
        box.accept()

    with InstanceLock(paths.lock_file) as first:
        assert first.acquire()
        QTimer.singleShot(0, look_and_close)
        assert app_module.run_app(paths) == 1
    assert seen["size"] == 18
    assert seen["contrast"] >= AA
    assert seen["name"]


def test_the_file_dialog_tool_buttons_stand_out_from_their_background(themed, tmp_path, qtbot):
    """Back, forward, up, new folder, list and detail: icons follow the text colour (3:1 at
    least, WCAG non-text contrast); Qt's own were dark grey on black in high contrast."""
    from PySide6.QtWidgets import QToolButton

    window, _settings = themed
    dialog = Dialogs(window).file_dialog("Restore", tmp_path, "", "open")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [b for b in dialog.findChildren(QToolButton) if b.isVisible() and b.toolTip()]
    assert len(buttons) >= 4
    background = window.palette().color(QPalette.ColorRole.Button)
    for button in buttons:
        image = button.icon().pixmap(button.iconSize()).toImage()
        inked = [
            image.pixelColor(x, y)
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inked, button.toolTip()
        best = max(contrast(colour, background) for colour in inked)
        assert best >= 3, f"{button.toolTip()}: {best:.2f}:1"
        assert button.accessibleName() or button.toolTip()
    dialog.close()
