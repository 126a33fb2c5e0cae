"""The window fits the screen it opens on (down to 1024x700) and opens where it was."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.settings import Settings, TextSize, WindowPlacement
from stenosis_coach.services.settings_store import load_settings, save_settings

SMALL = QRect(0, 0, 1024, 700)
BIG = QRect(0, 0, 1920, 1080)


def new_window(qtbot, paths, clock, dialogs, available: QRect):
    from stenosis_coach.ui.app import build_window, place_window

    window = build_window(paths, clock, dialogs)
    qtbot.addWidget(window)
    place_window(window, available)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_fits_a_small_screen_at_extra_large_text(qtbot, paths, clock, dialogs):
    save_settings(paths, Settings(text_size=TextSize.EXTRA_LARGE, high_contrast=True))
    window = new_window(qtbot, paths, clock, dialogs, SMALL)
    assert SMALL.contains(window.frameGeometry())
    # Nothing in the window asks for more than the small screen has.
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= SMALL.width() and hint.height() <= SMALL.height()
    window.resize(SMALL.size())
    QApplication.processEvents()  # the layouts settle
    assert window.size() == SMALL.size()
    # Every rail button keeps its full size, reachable by scrolling the rail if need be.
    for button in [window.nav_button(key) for key in window.page_keys()] + [window.new_symptoms]:
        assert button.height() >= button.minimumSizeHint().height(), button.text()
        window.rail_area.ensureWidgetVisible(button)
        assert button.visibleRegion().boundingRect().height() == button.height(), button.text()


def test_a_first_window_is_centred_on_a_big_screen(qtbot, paths, clock, dialogs):
    window = new_window(qtbot, paths, clock, dialogs, BIG)
    assert window.size().toTuple() == (1180, 820)
    assert BIG.contains(window.frameGeometry())


def test_size_and_place_are_remembered_and_restored(qtbot, paths, clock, dialogs):
    window = new_window(qtbot, paths, clock, dialogs, BIG)
    window.setGeometry(QRect(120, 90, 1000, 680))
    window.close()
    assert load_settings(paths).window == WindowPlacement(120, 90, 1000, 680, False)

    again = new_window(qtbot, paths, clock, dialogs, BIG)
    assert again.geometry() == QRect(120, 90, 1000, 680)
    again.showMaximized()
    again.close()
    saved = load_settings(paths).window
    assert saved.maximised and (saved.width, saved.height) == (1000, 680)

    third = new_window(qtbot, paths, clock, dialogs, BIG)
    assert third.windowState() & Qt.WindowState.WindowMaximized
    assert third.normalGeometry().size().toTuple() == (1000, 680)


def test_a_place_on_a_screen_that_is_gone_is_brought_back(qtbot, paths, clock, dialogs):
    save_settings(paths, Settings(window=WindowPlacement(2600, 1200, 1300, 900)))
    window = new_window(qtbot, paths, clock, dialogs, SMALL)
    assert SMALL.contains(window.frameGeometry())


def test_changing_a_setting_keeps_the_remembered_place(window, paths):
    window.context.update_settings(high_contrast=True)
    window.setGeometry(QRect(10, 20, 900, 640))
    window.close()
    saved = load_settings(paths)
    assert saved.high_contrast and saved.window == WindowPlacement(10, 20, 900, 640, False)
