"""Settings apply at once, are remembered, and are all reachable by keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QApplication,
    QWidget,
)

from stenosis_coach.core.settings import TextSize
from stenosis_coach.services.settings_store import load_settings


def test_text_size_applies_at_once_and_is_remembered(make_window, paths, qtbot):
    window = make_window()
    page = window.settings_page
    qtbot.mouseClick(page.size_buttons[TextSize.EXTRA_LARGE], Qt.MouseButton.LeftButton)
    assert QApplication.instance().font().pointSize() == 18
    assert "font-size: 18pt" in QApplication.instance().styleSheet()
    assert load_settings(paths).text_size is TextSize.EXTRA_LARGE
    window.close()
    again = make_window(open_data=False)
    assert again.settings_page.size_buttons[TextSize.EXTRA_LARGE].isChecked()


def test_high_contrast_switches_the_colours(window, paths, qtbot):
    page = window.settings_page
    page.contrast.setChecked(True)
    assert "#000000" in QApplication.instance().styleSheet()
    assert load_settings(paths).high_contrast is True
    page.contrast.setChecked(False)
    assert load_settings(paths).high_contrast is False


def test_sound_off_disables_volume_and_volume_moves_in_steps_of_ten(window, paths, qtbot):
    page = window.settings_page
    window.show_page("settings")
    page.volume.setFocus()
    qtbot.keyClick(page.volume, Qt.Key.Key_Left)
    assert load_settings(paths).volume == 70
    assert page.volume_label.text() == "Volume: 70%"
    page.sound.setChecked(False)
    assert not page.volume.isEnabled()
    assert load_settings(paths).sound_on is False
    assert load_settings(paths).effective_volume == 0.0


def focusable(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if (
            widget.isVisibleTo(root)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and isinstance(widget, (QAbstractButton, QAbstractSlider))
        ):
            found.append(widget)
    return found


def test_every_control_has_an_accessible_name(window):
    for key in window.page_keys():
        window.show_page(key)
        controls = focusable(window)
        assert controls
        for widget in controls:
            assert widget.accessibleName().strip(), f"{type(widget).__name__} {widget}"


def test_tab_reaches_every_settings_control(window, qtbot):
    window.show_page("settings")
    qtbot.waitExposed(window)
    expected = set(focusable(window.settings_page))
    window.nav_button("settings").setFocus()
    reached = set()
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    # Radio buttons in one group take a single Tab stop; arrows move within the group.
    radios = [w for w in expected if type(w).__name__ == "QRadioButton"]
    assert any(r in reached for r in radios)
    assert expected - set(radios) <= reached
