"""The user guide (issue 16): Help → User guide and F1 open it in its own window at the
part for what is shown; a running walk keeps going; Esc closes it and the focus comes
back; it follows the text size and high contrast; every text is a translated message."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services import walks
from stenosis_coach.ui.help import guide as guide_words
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen

PAGES = ("today", "exercises", "walk", "progress", "report", "therapist", "settings")


def activate(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press_f1(window, qtbot):
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.guide is not None and window.guide.isVisible())
    qtbot.waitUntil(window.guide.isActiveWindow)
    return window.guide


def shown_title(guide) -> str:
    return guide.browser.toPlainText().splitlines()[0]


@pytest.mark.parametrize("page", PAGES)
def test_f1_on_each_page_opens_its_part_of_the_guide(window, qtbot, page):
    window.open_page(page)
    guide = press_f1(window, qtbot)
    assert guide.isWindow() and not guide.isModal()
    assert guide.current_key() == page
    assert shown_title(guide) == guide_words.find_section(page).title
    assert guide.contents.currentItem().text() == guide_words.find_section(page).title
    assert window.current_key() == page  # the page stays as it was


def test_help_menu_has_the_user_guide_with_f1(window, qtbot):
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    action = next(a for a in help_menu.actions() if a.text().replace("&", "") == "User guide")
    assert action.shortcut().toString() == "F1"
    window.open_page("report")
    action.trigger()
    assert window.guide.isVisible() and window.guide.current_key() == "report"


def baseline_test(window, clock):
    day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
    walks.log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3),
        clock.now(),
    )
    window.context.data_changed.emit()


def test_f1_during_a_walk_opens_the_walking_part_and_the_walk_keeps_going(
    window, qtbot, clock, cues
):
    baseline_test(window, clock)
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    screen = window.flow
    assert isinstance(screen, WalkCoachScreen)
    clock.advance(30)
    coach.tick()
    guide = press_f1(window, qtbot)
    assert guide.current_key() == "walk"
    clock.advance(200)
    coach.tick()
    assert window.flow is screen and window.walking.running
    assert cues.played[-1] == "find_a_seat_soon"  # the walk spoke on, under the guide
    qtbot.keyClick(guide, Qt.Key.Key_Escape)
    assert not guide.isVisible()
    assert window.flow is screen and window.walking.running  # Esc went to the guide only
    qtbot.waitUntil(window.isActiveWindow)
    assert screen.isAncestorOf(QApplication.focusWidget())


def test_esc_closes_the_guide_and_the_focus_comes_back(window, qtbot):
    page = window.open_page("settings")
    page.backup_button.setFocus()
    guide = press_f1(window, qtbot)
    qtbot.keyClick(guide.contents, Qt.Key.Key_Escape)
    assert not guide.isVisible()
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is page.backup_button


def test_the_close_button_closes_it_too(window, qtbot):
    guide = press_f1(window, qtbot)
    assert guide.close_button.accessibleName()
    qtbot.mouseClick(guide.close_button, Qt.MouseButton.LeftButton)
    assert not guide.isVisible()


def test_the_contents_list_works_by_keyboard_with_large_targets(window, qtbot):
    window.open_page("today")
    guide = press_f1(window, qtbot)
    keys = guide_words.section_keys()
    at = keys.index("today")
    guide.contents.setFocus()
    qtbot.keyClick(guide.contents, Qt.Key.Key_Down)
    assert guide.current_key() == keys[at + 1]
    assert shown_title(guide) == guide_words.find_section(keys[at + 1]).title
    qtbot.keyClick(guide.contents, Qt.Key.Key_Home)
    assert guide.current_key() == keys[0]
    for row in range(guide.contents.count()):
        assert guide.contents.visualItemRect(guide.contents.item(row)).height() >= 48
    for widget in (guide.contents, guide.browser, guide.close_button):
        assert widget.accessibleName()
    assert guide.browser.openLinks() is False and guide.browser.openExternalLinks() is False


def points(guide, block_number: int) -> float:
    """The point size of the shown text's block ``block_number`` (0: the part's title)."""
    block = guide.browser.document().findBlockByNumber(block_number)
    return block.begin().fragment().charFormat().fontPointSize()


def test_the_guide_follows_the_text_size_and_high_contrast(window, qtbot):
    guide = press_f1(window, qtbot)
    qtbot.waitExposed(guide)
    assert points(guide, 0) == 20 and points(guide, 1) == 15  # large, the default
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    assert points(guide, 0) == 24 and points(guide, 1) == 18
    window.context.update_settings(high_contrast=True)
    image = guide.browser.viewport().grab().toImage()
    assert image.pixelColor(3, image.height() - 3) == QColor("#000000")


def test_every_text_of_the_guide_is_translated(pseudo, make_window, qtbot):
    window = make_window()
    guide = press_f1(window, qtbot)
    assert is_pseudo_wrapped(guide.windowTitle())
    assert is_pseudo_wrapped(guide.title.text())
    for widget in (guide.contents, guide.browser, guide.close_button):
        assert is_pseudo_wrapped(widget.accessibleName())
    for row in range(guide.contents.count()):
        guide.contents.setCurrentRow(row)
        assert is_pseudo_wrapped(guide.contents.item(row).text())
        lines = [line for line in guide.browser.toPlainText().splitlines() if line.strip()]
        assert lines and all("⟦" in line and line.rstrip().endswith("⟧") for line in lines)
        assert "⟦⟦" not in guide.browser.toPlainText()


def test_tab_goes_from_the_contents_to_the_text_to_close(window, qtbot):
    guide = press_f1(window, qtbot)
    assert QApplication.focusWidget() is guide.contents
    qtbot.keyClick(guide.contents, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is guide.browser
    qtbot.keyClick(guide.browser, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is guide.close_button
    qtbot.keyClick(guide.close_button, Qt.Key.Key_Return)
    assert not guide.isVisible()


def test_f1_on_settings_opens_the_part_about_what_has_the_focus(window, qtbot):
    """Settings holds several parts of the guide: F1 opens the one for the card in use
    (Margaret pressed F1 in Reminders and got "Text size, colours and sound")."""
    from stenosis_coach.ui.reminders_settings import ReminderCard

    page = window.open_page("settings")
    reminders = page.findChild(ReminderCard)
    for widget, key in (
        (reminders.enabled_box, "reminders"),
        (page.start_at_login, "reminders"),
        (page.backup_button, "data"),
        (page.contrast, "settings"),
        (page.test_sound, "settings"),
    ):
        if not widget.isVisibleTo(page):
            continue
        window.activateWindow()
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        guide = press_f1(window, qtbot)
        assert guide.current_key() == key, widget.accessibleName()
        assert shown_title(guide) == guide_words.find_section(key).title
        qtbot.keyClick(guide.contents, Qt.Key.Key_Escape)
        qtbot.waitUntil(widget.hasFocus)


def test_f1_elsewhere_still_opens_the_page_part(window, qtbot):
    page = window.open_page("report")
    window.activateWindow()
    focusable = [w for w in page.findChildren(QWidget) if w.focusPolicy() and w.isVisible()]
    focusable[0].setFocus()
    guide = press_f1(window, qtbot)
    assert guide.current_key() == "report"


def test_the_guide_names_the_walk_buttons_as_the_screens_show_them(window, qtbot, clock):
    """“Symptoms starting” (S), “I need to stop” (E) on a test, “End the walk” (E) on a
    training walk, “Must stop” (M), “Pause” (Space): read off the coach's own buttons."""
    import re

    walk_text = " ".join(guide_words.find_section("walk").texts())
    for kind in (WalkKind.TEST, WalkKind.TRAINING):
        screen = WalkCoachScreen(kind)
        for widget in (screen.main, screen.pause, screen.end, screen.stop):
            found = re.fullmatch(r"(.+?)\s+\((.+)\)", widget.text())
            assert found, widget.text()
            words, key = found.groups()
            assert f"“{words}” ({key})" in walk_text, widget.text()
        screen.deleteLater()


def test_the_guide_names_the_rest_and_resume_buttons_as_the_walk_shows_them(window, qtbot, clock):
    """“Symptoms eased — ready” (R) in a rest and “Resume” (Space) when paused, read off a
    training walk as it runs."""
    import re

    walk_text = " ".join(guide_words.find_section("walk").texts())

    def named(widget) -> str:
        words, key = re.fullmatch(r"(.+?)\s+\((.+)\)", widget.text()).groups()
        return f"“{words}” ({key})"

    baseline_test(window, clock)
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    coach, screen = window.walking.coach, window.flow
    clock.advance(30)
    coach.tick()
    qtbot.mouseClick(screen.main, Qt.MouseButton.LeftButton)  # symptoms starting: a rest
    coach.tick()
    assert named(screen.main) in walk_text and "(R)" in screen.main.text()
    qtbot.mouseClick(screen.pause, Qt.MouseButton.LeftButton)
    coach.tick()
    assert named(screen.main) in walk_text and "(Space)" in screen.main.text()
