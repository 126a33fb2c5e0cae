"""Where the keyboard focus goes, and that it can be seen (issue 12, keyboard walk-through
at extra-large text in high contrast)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stenosis_coach.ui.widgets import page_in

CTRL = Qt.KeyboardModifier.ControlModifier
PAGES = ["today", "exercises", "walk", "progress", "report", "therapist", "settings"]


def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press_page_key(window, qtbot, key: str) -> None:
    number = window.page_keys().index(key) + 1  # Ctrl+1 … Ctrl+7, in rail order
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key(Qt.Key.Key_0 + number), CTRL)


def in_page(window, key: str, widget) -> bool:
    page = window.page(key)
    return widget is not None and (widget is page or page.isAncestorOf(widget))


@pytest.mark.parametrize("key", PAGES)
def test_a_page_key_puts_the_focus_on_the_page_it_opens(window, qtbot, key):
    """Ctrl+number opens the page at once and its first control takes the focus, the same
    whichever page or control it came from: Enter and Tab then act on the new page."""
    active(window, qtbot)
    assert window.page_keys() == PAGES
    reached = []
    for start in ("today", "settings"):
        if start == key:
            start = "walk"
        window.show_page(start)
        window.nav_button(start).setFocus()
        press_page_key(window, qtbot, key)
        assert window.current_key() == key  # at once: no animated click to wait for
        focused = QApplication.focusWidget()
        assert in_page(window, key, focused), f"{key}: focus on {focused!r}"
        assert focused.isVisible()
        reached.append(focused)
    assert reached[0] is reached[1]  # the same place each time, so Tab counts agree


def test_page_keys_focus_the_first_useful_control(window, qtbot):
    active(window, qtbot)
    window.nav_button("today").setFocus()
    press_page_key(window, qtbot, "walk")
    assert QApplication.focusWidget() is window.page("walk").start  # "Start the walk"
    press_page_key(window, qtbot, "today")
    focused = QApplication.focusWidget()
    assert focused.property("kind") == "primary"  # the first Start button on Today
    press_page_key(window, qtbot, "settings")
    settings = window.settings_page
    chosen = settings.size_buttons[window.context.settings.text_size]
    assert QApplication.focusWidget() is chosen  # the text size in use, not "Normal"


@pytest.mark.parametrize("key", ["walk", "progress", "settings"])
def test_a_page_key_shows_the_focused_control_even_on_a_scrolled_page(window, qtbot, key):
    """Extra-large text on a 1024x700 screen: the page was left scrolled to its end; the
    page key brings it back to the top, as far down as its first control needs."""
    from PySide6.QtCore import QPoint, QRect

    from stenosis_coach.core.settings import TextSize

    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(1024, 700)
    active(window, qtbot)
    page = window.show_page(key)
    area = page.parentWidget().parentWidget()  # the scroll area the page sits in
    QApplication.processEvents()
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    window.show_page("today")
    window.nav_button("today").setFocus()
    press_page_key(window, qtbot, key)
    focused = QApplication.focusWidget()
    shown = QRect(area.viewport().mapTo(window, QPoint(0, 0)), area.viewport().size())
    where = QRect(focused.mapTo(window, QPoint(0, 0)), focused.size())
    assert shown.contains(where), (key, shown, where)
    if key != "progress":  # the first control is near the top: the title shows with it
        title = QRect(page.title.mapTo(window, QPoint(0, 0)), page.title.size())
        assert shown.contains(title), (key, shown, title)


def test_enter_after_a_page_key_does_not_go_back_to_the_old_page(window, qtbot):
    active(window, qtbot)
    window.show_page("settings")
    window.nav_button("settings").setFocus()
    press_page_key(window, qtbot, "report")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.current_key() == "report"
    assert in_page(window, "report", QApplication.focusWidget())
    assert page_in(window.stack.currentWidget().layout().itemAt(0).widget()) is window.page(
        "report"
    )


# -- the focus can be seen ---------------------------------------------------------------
def rules(sheet: str) -> dict[str, str]:
    """Each selector of the stylesheet with its declarations (later rules add to earlier)."""
    found: dict[str, str] = {}
    for block in sheet.split("}"):
        if "{" not in block:
            continue
        selectors, body = block.split("{", 1)
        for selector in selectors.split(","):
            key = " ".join(selector.split())
            found[key] = found.get(key, "") + " " + " ".join(body.split())
    return found


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_theme_draws_a_3px_focus_ring_on_every_kind_of_control(high_contrast):
    from stenosis_coach.core.settings import Settings
    from stenosis_coach.ui.theme import palette_for, stylesheet

    settings = Settings(high_contrast=high_contrast)
    p = palette_for(settings)
    found = rules(stylesheet(settings))
    # On a filled button (primary, danger, a chosen toggle) the ring must differ from the
    # fill: the light theme's focus blue is its primary blue, so the ring is the text colour
    # there; high contrast uses its cyan ring everywhere (UI.md), never a white one.
    on_fill = "#00E5FF" if high_contrast else p.text
    assert p.focus == ("#00E5FF" if high_contrast else "#1F5FA8")
    for selector, colour in {
        "QPushButton:focus": p.focus,
        'QToolButton[kind="nav"]:focus': p.focus,
        "QRadioButton:focus": p.focus,
        "QCheckBox:focus": p.focus,
        'QPushButton[kind="primary"]:focus': on_fill,
        'QPushButton[kind="danger"]:focus': on_fill,
        'QPushButton[kind="rating"]:checked:focus': on_fill,
        'QPushButton[kind="choice"]:checked:focus': on_fill,
        'QWidget[role="rating-scale"]:focus': p.focus,
        "QTextEdit:focus": p.focus,
        "QAbstractSpinBox:focus": p.focus,
    }.items():
        assert f"border: 3px solid {colour}" in found.get(selector, ""), selector
    assert f"border: 4px solid {on_fill}" in found['QPushButton[kind="huge"]:focus']
    # No grey dotted box from the style around a focused button's words.
    assert "outline: none" in found["*"]


def grab(widget):
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    return widget.grab().toImage()


def colour_count(image, colour: str) -> int:
    from PySide6.QtGui import QColor

    want = QColor(colour).rgb()
    return sum(
        1
        for y in range(image.height())
        for x in range(0, image.width())
        if image.pixel(x, y) == want
    )


@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_focused_rating_row_is_ringed(window, qtbot, high_contrast):
    """The 0-10 row takes one Tab stop; when it has the focus, a ring in the focus colour
    is drawn around it (before, the row took the focus and showed nothing)."""
    from stenosis_coach.ui.inputs import RatingScale
    from stenosis_coach.ui.theme import palette_for

    window.context.update_settings(high_contrast=high_contrast)
    focus = palette_for(window.context.settings).focus
    page = window.show_page("settings")
    scale = RatingScale("Leg pain")
    page.column.addWidget(scale)
    active(window, qtbot)
    window.nav_button("settings").setFocus()
    before = grab(scale)
    scale.setFocus()
    assert scale.hasFocus()
    after = grab(scale)
    assert before != after
    assert colour_count(after, focus) > 2 * scale.width()  # a ring: top and bottom at least
    assert colour_count(before, focus) < colour_count(after, focus) / 4
    scale.set_value(4)  # chosen: the ring is still drawn around the row
    assert colour_count(grab(scale), focus) > 2 * scale.width()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_a_chosen_toggle_keeps_its_ring_when_focused(window, qtbot, high_contrast):
    """Progress "Walking tests": the chosen (filled) toggle showed no ring when focused."""
    from stenosis_coach.ui.theme import palette_for

    window.context.update_settings(high_contrast=high_contrast)
    ring = "#00E5FF" if high_contrast else palette_for(window.context.settings).text
    page = window.show_page("progress")
    chosen = next(b for b in page.view_buttons if b.isChecked())
    active(window, qtbot)
    window.nav_button("progress").setFocus()
    before = grab(chosen)
    chosen.setFocus()
    after = grab(chosen)
    assert before != after
    assert colour_count(after, ring) > 2 * chosen.width()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_focus_changes_only_the_ring_of_a_button_never_its_inside(window, qtbot, high_contrast):
    """The style's own focus box (a grey box around the words, seen in high contrast) is
    not drawn: inside its ring a focused button looks as it does without the focus."""
    window.context.update_settings(high_contrast=high_contrast)
    page = window.show_page("settings")
    active(window, qtbot)
    window.nav_button("settings").setFocus()
    target = page.backup_button
    before = grab(target)
    page.restore_button.setFocus()
    qtbot.keyClick(page.restore_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert target.hasFocus()  # by the keyboard: the style draws its focus box then
    after = grab(target)
    inset = 6  # past the 3 px ring and its rounded corners
    inside = before.rect().adjusted(inset, inset, -inset, -inset)
    assert before != after  # the ring
    assert before.copy(inside) == after.copy(inside)


def test_the_report_preview_shows_a_ring_when_focused(window, qtbot):
    """The preview takes Tab (it scrolls with the arrows), so it shows the ring too."""
    from stenosis_coach.ui.theme import palette_for

    page = window.show_page("report")
    active(window, qtbot)
    page.print_button.setFocus()
    before = grab(page.preview)
    page.preview.setFocus()
    after = grab(page.preview)
    focus = palette_for(window.context.settings).focus
    assert colour_count(after, focus) > 2 * page.preview.width()
    assert colour_count(before, focus) == 0


def test_a_rating_row_is_one_tab_stop_and_the_arrows_move_the_choice(window, qtbot):
    """Tab reaches the row once (not eleven buttons one by one) and goes on past it; a
    click leaves the focus on the row, so the arrows then move the choice just made."""
    page = window.show_page("progress")
    window.progress.log_day(back_to="progress")
    screen = window.flow
    active(window, qtbot)
    qtbot.mouseClick(screen.leg.buttons[4], Qt.MouseButton.LeftButton)
    assert screen.leg.hasFocus() and screen.leg.value() == 4
    qtbot.keyClick(screen.leg, Qt.Key.Key_Right)
    assert screen.leg.value() == 5 and screen.leg.hasFocus()
    qtbot.keyClick(screen.leg, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.back  # the next row, not the button "6"
    assert "5 chosen" in screen.leg.accessibleDescription()
    assert page is window.page("progress")


def test_rating_buttons_are_at_least_8px_apart_at_every_text_size(window, qtbot):
    from stenosis_coach.core.settings import TextSize
    from stenosis_coach.ui.inputs import RatingScale

    page = window.show_page("settings")
    scale = RatingScale("Leg pain")
    page.column.addWidget(scale)
    for size in TextSize:
        window.context.update_settings(text_size=size)
        QApplication.processEvents()
        page.column.activate()
        gaps = [
            right.geometry().left() - left.geometry().right() - 1
            for left, right in zip(scale.buttons, scale.buttons[1:], strict=False)
        ]
        assert min(gaps) >= 8, (size, gaps)
        assert min(b.width() for b in scale.buttons) >= 48


def test_tab_into_the_text_size_choices_lands_on_the_chosen_one(window, qtbot):
    from stenosis_coach.core.settings import TextSize

    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    page = window.show_page("settings")
    active(window, qtbot)
    window.nav_button("settings").setFocus()
    qtbot.keyClick(window.nav_button("settings"), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.size_buttons[TextSize.EXTRA_LARGE]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # one stop for the group
    assert QApplication.focusWidget() is page.contrast
    qtbot.keyClick(page.contrast, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.size_buttons[TextSize.EXTRA_LARGE]
    # The arrows move the choice, and the Tab stop goes with it.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert window.context.settings.text_size is TextSize.LARGE
    assert QApplication.focusWidget() is page.size_buttons[TextSize.LARGE]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.contrast
    qtbot.keyClick(page.contrast, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.size_buttons[TextSize.LARGE]


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_control_on_every_page_shows_when_it_has_the_focus(
    window, qtbot, clock, high_contrast
):
    """Each control that Tab reaches (buttons, lists, the plot, boxes) looks different
    with the focus than without it, on every page, in both themes."""
    from PySide6.QtWidgets import QWidget

    from stenosis_coach.services.demo import fill_demo

    fill_demo(window.context.coach.database, weeks=4, seed=3, now=clock.now())
    window.context.data_changed.emit()
    window.context.update_settings(high_contrast=high_contrast)
    active(window, qtbot)
    unseen = []
    for key in window.page_keys():
        page = window.show_page(key)
        for widget in page.findChildren(QWidget):
            if not (
                widget.isVisibleTo(page)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None
            ):
                continue
            window.nav_button(key).setFocus()
            before = grab(widget)
            widget.setFocus()
            if grab(widget) == before:
                unseen.append(f"{key}: {type(widget).__name__} {widget.accessibleName()!r}")
    assert unseen == []


def open_screen(window, qtbot, which: str):
    if which == "daily log":
        window.show_page("progress")
        window.progress.log_day(back_to="progress")
    elif which == "log a walk":
        page = window.show_page("walk")
        qtbot.mouseClick(page.log, Qt.MouseButton.LeftButton)
    else:  # the ratings before a routine
        page = window.show_page("exercises")
        start_button, _choose = next(iter(page.routine_buttons.values()))
        qtbot.mouseClick(start_button, Qt.MouseButton.LeftButton)
    return window.flow


@pytest.mark.parametrize("high_contrast", [False, True])
@pytest.mark.parametrize("which", ["daily log", "log a walk", "ratings"])
def test_every_control_on_the_rating_screens_shows_the_focus(window, qtbot, which, high_contrast):
    from PySide6.QtWidgets import QWidget

    window.context.update_settings(high_contrast=high_contrast)
    screen = open_screen(window, qtbot, which)
    active(window, qtbot)
    controls = [
        w
        for w in screen.findChildren(QWidget)
        if w.isVisibleTo(screen)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]
    assert len(controls) >= 5
    unseen = []
    for widget in controls:
        other = next(c for c in controls if not (c is widget or c.isAncestorOf(widget)))
        other.setFocus()
        before = grab(widget)
        widget.setFocus()
        if grab(widget) == before:
            unseen.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    assert unseen == []
