"""The main window: opens on an empty data dir, navigates by mouse and keyboard."""

import stat

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.today import NOTHING_DUE


def test_opens_on_an_empty_data_dir_with_a_private_wal_database(window, paths):
    assert paths.db_file.exists()
    assert stat.S_IMODE(paths.db_file.stat().st_mode) == 0o600
    with window.context.coach.database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert window.isVisible()
    assert window.current_key() == "today"


def test_today_greets_and_a_new_user_starts_with_a_walking_test(window, qtbot):
    today = window.today
    assert today.title.text().startswith("Good ")
    assert "Today is" in today.date_line.text()

    def texts():
        return [w.text() for w in today.findChildren(type(today.title)) if w.isVisible()]

    qtbot.waitUntil(lambda: "Walking test" in texts())
    assert NOTHING_DUE not in texts()
    assert not today.loading.isVisible()


def test_today_says_plainly_when_nothing_is_due(window, qtbot):
    from stenosis_coach.core.today import compose_today

    window.today.show_model(compose_today(window.context.clock.now(), []))
    qtbot.waitUntil(
        lambda: any(
            w.text() == NOTHING_DUE
            for w in window.today.findChildren(type(window.today.title))
            if w.isVisible()
        )
    )


def test_only_existing_areas_are_in_the_rail(window):
    keys = ["today", "exercises", "walk", "progress", "report", "therapist", "settings"]
    assert window.page_keys() == keys
    labels = [window.nav_button(k).text() for k in window.page_keys()]
    assert labels == [
        "Today",
        "Exercises",
        "Walk",
        "Progress",
        "Report",
        "Therapist",
        "Settings",
    ]


def test_rail_buttons_and_shortcuts_switch_pages(window, qtbot):
    qtbot.mouseClick(window.nav_button("settings"), Qt.MouseButton.LeftButton)
    assert window.current_key() == "settings"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # A button's shortcut "animates" the click (a short visible press), so wait for it.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_key() == "today")
    for number, key in (
        (2, "exercises"),
        (3, "walk"),
        (4, "progress"),
        (5, "report"),
        (6, "therapist"),
        (7, "settings"),
    ):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        qtbot.waitUntil(lambda key=key: window.current_key() == key)


def test_base_text_is_at_least_14_pt_by_default(window):
    assert QApplication.instance().font().pointSize() >= 14


def test_buttons_are_large_targets(window, qtbot):
    window.show_page("settings")
    qtbot.waitExposed(window)
    for widget in (
        window.settings_page.backup_button,
        window.settings_page.restore_button,
        window.nav_button("today"),
    ):
        assert widget.height() >= 48, widget.text()


def test_rail_buttons_are_plain_buttons_that_say_which_page_is_current(window):
    # Checkable buttons read as "check box" to screen readers and toggle without navigating.
    for key in window.page_keys():
        assert not window.nav_button(key).isCheckable()
    assert window.nav_button("today").accessibleDescription() == "Current page"
    window.show_page("settings")
    assert window.nav_button("settings").accessibleDescription() == "Current page"
    assert window.nav_button("today").accessibleDescription() != "Current page"


def test_cards_are_named_by_their_titles_for_screen_readers(window):
    from stenosis_coach.ui.widgets import Card

    window.show_page("settings")
    names = {card.accessibleName() for card in window.settings_page.findChildren(Card)}
    assert {"Text and colours", "Sound", "Your data"} <= names


def test_the_current_pages_bold_label_is_not_cut_short(window, qtbot):
    from PySide6.QtGui import QFont, QFontMetrics

    window.show_page("therapist")
    qtbot.waitExposed(window)
    nav = window.nav_button("therapist")
    bold = QFont(nav.font())
    bold.setWeight(QFont.Weight.DemiBold)
    needed = QFontMetrics(bold).horizontalAdvance(nav.text()) + nav.iconSize().width()
    assert nav.width() >= needed
