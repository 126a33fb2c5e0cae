"""The two shared inputs by keyboard, as a tester found them (issue 14, Margaret, 72, keyboard
only, extra-large text): "10" typed on a 0-10 scale recorded 0; the scales did not show what
0 and 10 mean; the date box could not go back a week by keys, dropped a typed day after the
maximum, and Alt+Down opened no calendar.

Key events carry their own timestamps (as the system gives them), so "1 then 0 quickly" and
"1, a pause, then 0" are told apart without sleeping."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.ui.inputs import DateField, RatingScale

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
META = Qt.KeyboardModifier.MetaModifier
NONE = Qt.KeyboardModifier.NoModifier
# The offscreen test platform cannot raise a window or grab the keyboard for a popup.
POPUP_LOGS = pytest.mark.qt_log_ignore("This plugin does not support")


def press(widget, key, stamp: int = 0, modifiers=NONE, text: str = "") -> QKeyEvent:
    """A key press at ``stamp`` ms, as the window system sends it (digits carry their text)."""
    if not text and Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and modifiers == NONE:
        text = chr(key)
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)
    event.setTimestamp(stamp)
    QApplication.sendEvent(widget, event)
    return event


def type_digits(widget, digits: str, start: int, gap: int) -> None:
    for at, digit in enumerate(digits):
        press(widget, Qt.Key(Qt.Key.Key_0 + int(digit)), start + at * gap)


def daily_log(window):
    window.show_page("progress")
    window.progress.log_day(back_to="progress")
    return window.flow


# --- The 0-10 scale -------------------------------------------------------------------------


def test_1_then_0_typed_quickly_chooses_10_on_the_daily_log(window, qtbot):
    screen = daily_log(window)
    chosen: list[int] = []
    screen.leg.rated.connect(chosen.append)
    screen.leg.setFocus()
    type_digits(screen.leg, "10", start=50_000, gap=400)
    assert screen.leg.value() == 10
    assert screen.leg.buttons[10].isChecked()
    assert chosen[-1] == 10
    assert "10 chosen" in screen.leg.accessibleDescription()


def test_1_then_0_chooses_10_on_my_activities_where_0_means_unable(window, qtbot):
    from tests.ui.test_outcomes import answer_all, open_questionnaire

    open_questionnaire(window)
    screen = answer_all(qtbot, window)
    qtbot.keyClicks(screen.new_words, "walking to the shops")
    qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    (row,) = screen.rows
    type_digits(row.scale, "10", start=7_000, gap=900)
    assert row.scale.value() == 10


def test_1_a_pause_then_0_is_0(qtbot):
    scale = RatingScale("Leg pain")
    qtbot.addWidget(scale)
    type_digits(scale, "10", start=1_000, gap=2_000)  # 2 s apart: two choices
    assert scale.value() == 0


def test_1_alone_stays_1_and_another_digit_after_1_starts_anew(qtbot):
    scale = RatingScale("Leg pain")
    qtbot.addWidget(scale)
    press(scale, Qt.Key.Key_1, 1_000)
    assert scale.value() == 1
    press(scale, Qt.Key.Key_5, 1_300)
    assert scale.value() == 5  # not 15
    press(scale, Qt.Key.Key_0, 1_600)
    assert scale.value() == 0  # "5" does not start a 10
    type_digits(scale, "110", start=5_000, gap=300)  # 1, 1 again, then 0: ten
    assert scale.value() == 10
    press(scale, Qt.Key.Key_1, 9_000)
    press(scale, Qt.Key.Key_Left, 9_100)  # the arrows end the typing
    press(scale, Qt.Key.Key_0, 9_200)
    assert scale.value() == 0
    press(scale, Qt.Key.Key_1, 12_000)
    press(scale, Qt.Key.Key_0, 12_100, CTRL)  # a command, never a value
    assert scale.value() == 1


def test_the_scale_says_how_to_reach_10(window, qtbot):
    screen = daily_log(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    scale = screen.leg
    assert "type 1 then 0" in scale.accessibleDescription()
    scale.set_value(4)
    assert "type 1 then 0" in scale.accessibleDescription()
    scale.setFocus()
    assert scale.hint.isVisible()
    assert "type 1 then 0" in scale.hint.text()
    screen.back.setFocus()  # only the scale with the focus shows it: four would repeat it
    assert not scale.hint.isVisible() and screen.back.hint.isVisible()


def test_every_scale_shows_what_0_and_10_mean_under_its_ends(window, qtbot):
    from stenosis_coach.core.settings import TextSize

    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    screen = daily_log(window)
    QApplication.processEvents()
    cases = [
        (screen.leg, "no pain", "worst"),
        (screen.numbness, "none", "worst"),
        (screen.sleep, "very bad", "very good"),
    ]
    for scale, low, high in cases:
        assert scale.low.text() == low and scale.high.text() == high
        for words in (scale.low, scale.high):
            assert words.isVisibleTo(window)
            assert words.property("role") == "secondary"
            assert words.wordWrap()
            assert words.height() >= words.heightForWidth(words.width())  # not clipped
        first, last = scale.buttons[0].geometry(), scale.buttons[10].geometry()
        low_at = scale.low.geometry()
        high_at = scale.high.geometry()
        assert low_at.top() > first.bottom() and high_at.top() > last.bottom()  # under them
        assert low_at.left() == first.left()  # under the 0
        assert high_at.right() == last.right()  # under the 10
        assert scale.high.alignment() & Qt.AlignmentFlag.AlignRight


def test_the_scales_words_are_translated(qtbot, pseudo):
    scale = RatingScale("⟦Leg pain⟧")
    qtbot.addWidget(scale)
    for words in (scale.low, scale.high, scale.hint):
        assert is_pseudo_wrapped(words.text()), words.text()
    assert is_pseudo_wrapped(scale.accessibleDescription())


# --- The date box ----------------------------------------------------------------------------


def treatment_day(window, qtbot):
    window.show_page("progress")
    screen = window.progress.add_treatment()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field = screen.day
    field.setFocus()
    field.setCurrentSectionIndex(1)  # the day's number, where Tab lands
    return field


def test_a_week_back_across_the_month_end_by_keys(window, qtbot):
    field = treatment_day(window, qtbot)
    today = field.day()
    assert today == date(2026, 3, 2) == field.maximumDate().toPython()
    for _ in range(7):
        qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.day() == date(2026, 2, 23)  # on past the 1st, into February
    qtbot.keyClick(field, Qt.Key.Key_PageDown)
    assert field.day() == date(2026, 2, 16)  # PageDown: a week
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    qtbot.keyClick(field, Qt.Key.Key_Plus)
    assert field.day() == date(2026, 2, 24)
    qtbot.keyClick(field, Qt.Key.Key_Minus)
    qtbot.keyClick(field, Qt.Key.Key_Minus)
    assert field.day() == date(2026, 2, 22)


def test_a_day_at_a_time_across_the_year_end(qtbot):
    field = DateField("Report from date", date(2027, 1, 1))
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.setCurrentSectionIndex(0)  # on the day's name: still a day at a time
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.day() == date(2026, 12, 31)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.day() == date(2027, 1, 2)


def test_the_maximum_is_kept_and_said(window, qtbot):
    field = treatment_day(window, qtbot)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    assert field.day() == date(2026, 3, 2)
    assert "can't be after Mon 2 Mar" in field.accessibleDescription()
    for _ in range(3):
        qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_PageUp)  # a week on would pass the maximum: stops there
    assert field.day() == date(2026, 3, 2)


def test_a_typed_day_after_the_maximum_is_that_day_last_month(window, qtbot):
    """On 2 March, "26" typed for a past treatment means 26 February (it was dropped: "2")."""
    field = treatment_day(window, qtbot)
    type_digits(field, "26", start=10_000, gap=500)
    assert field.day() == date(2026, 2, 26)
    assert "Thu 26 Feb 2026" in field.text()
    assert "can't be after Mon 2 Mar" in field.accessibleDescription()
    type_digits(field, "1", start=20_000, gap=0)  # a pause, then "1": a new day, in February
    assert field.day() == date(2026, 2, 1)
    type_digits(field, "31", start=30_000, gap=300)  # no 31 February: the last 31st
    assert field.day() == date(2026, 1, 31)
    type_digits(field, "2", start=40_000, gap=0)
    assert field.day() == date(2026, 1, 2)
    type_digits(field, "5", start=50_000, gap=0)  # 5 January; on 50 s, 5 is not after 2
    assert field.day() == date(2026, 1, 5)


def test_a_typed_day_within_the_month_is_that_day(qtbot):
    field = DateField("Date of the walk", date(2026, 3, 20), maximum=date(2026, 3, 20))
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.setCurrentSectionIndex(1)
    type_digits(field, "14", start=1_000, gap=700)
    assert field.day() == date(2026, 3, 14)
    type_digits(field, "9", start=5_000, gap=0)
    assert field.day() == date(2026, 3, 9)
    type_digits(field, "45", start=8_000, gap=100)  # no 45th: 4, then 5 anew
    assert field.day() == date(2026, 3, 5)


@POPUP_LOGS
@pytest.mark.parametrize(("key", "modifiers"), [(Qt.Key.Key_Down, ALT), (Qt.Key.Key_F4, NONE)])
def test_alt_down_or_f4_opens_the_calendar_and_esc_closes_it_unchanged(
    window, qtbot, key, modifiers
):
    field = treatment_day(window, qtbot)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    before = field.day()
    popup = field.calendarWidget().window()
    qtbot.keyClick(field, key, modifiers)
    assert popup.isVisible()
    assert field.day() == before  # opening is not a change
    view = QApplication.focusWidget()
    assert field.calendarWidget().isAncestorOf(view)  # the arrows work in it at once
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert field.day() == before  # Esc: as it was
    assert field.hasFocus()


@POPUP_LOGS
def test_the_calendar_picks_a_day_with_the_arrows_and_enter(window, qtbot):
    field = treatment_day(window, qtbot)
    popup = field.calendarWidget().window()
    qtbot.keyClick(field, Qt.Key.Key_Down, ALT)
    view = QApplication.focusWidget()
    qtbot.keyClick(view, Qt.Key.Key_Up)  # a week back
    for modifier in (CTRL, ALT, META):
        for arrow in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_PageUp):
            qtbot.keyClick(view, arrow, modifier)
    qtbot.keyClick(view, Qt.Key.Key_Right)  # not after the maximum: stays
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert field.day() == date(2026, 2, 24)


def test_ctrl_alt_or_meta_with_a_key_never_changes_the_date(window, qtbot):
    field = treatment_day(window, qtbot)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    before = field.day()
    keys = (
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Minus,
        Qt.Key.Key_1,
    )
    for modifier in (CTRL, META, CTRL | ALT):
        for key in keys:
            press(field, key, 0, modifier)
    for key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_1):
        press(field, key, 0, ALT)
    assert field.day() == before
    assert not field.calendarWidget().window().isVisible()


def test_the_date_box_and_its_calendar_button_fit_at_extra_large_text(window, qtbot):
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from stenosis_coach.core.settings import TextSize

    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    field = treatment_day(window, qtbot)
    QApplication.processEvents()
    option = QStyleOptionComboBox()
    option.initFrom(field)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    arrow = field.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, field
    )
    assert field.rect().contains(arrow)
    assert arrow.width() >= 32 and arrow.height() >= 32  # UI.md: no control under 32 px
    metrics = field.fontMetrics()
    assert field.width() - arrow.width() > metrics.horizontalAdvance(field.text())
    assert field.height() >= metrics.height() + 8


def test_the_date_box_in_pseudo_says_the_maximum_wrapped(qtbot, pseudo):
    field = DateField("⟦Date⟧", date(2026, 3, 2), maximum=date(2026, 3, 2))
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.setCurrentSectionIndex(1)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert is_pseudo_wrapped(field.accessibleDescription())
    assert field.day() == date(2026, 3, 2)
    assert QDate(2026, 3, 2) == field.date()
