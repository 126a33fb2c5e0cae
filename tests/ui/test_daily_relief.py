"""Relief after a treatment in the daily log (issue 15, DESIGN 5.10): for 42 days after an
epidural injection, a nerve block or a procedure the log asks "compared with before" with
four large buttons; other kinds never. The answer is optional, saved with the log, and
shown again when the day's log is changed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import SinceTreatment
from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.words import day_text
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def today(window) -> date:
    return window.context.coach.today_date()


def treated(window, days_ago: int, kind=TreatmentKind.EPIDURAL_INJECTION) -> date:
    day = today(window) - timedelta(days=days_ago)
    window.context.coach.add_treatment(TreatmentEvent(day, kind))
    return day


def open_log(window, day: date | None = None) -> DailyLogScreen:
    window.show_page("progress")
    window.progress.log_day(day, back_to="progress")
    screen = window.flow
    assert isinstance(screen, DailyLogScreen)
    settle()
    return screen


def asked(screen: DailyLogScreen) -> bool:
    return screen.relief is not None and screen.relief.isVisibleTo(screen)


def chosen(screen: DailyLogScreen) -> list[str]:
    assert screen.relief is not None
    return [b.text() for b in screen.relief.buttons if b.isChecked()]


def save(window, qtbot, screen: DailyLogScreen) -> None:
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert window.flow is not screen  # saved and closed


@pytest.mark.parametrize("days_ago", [1, 42])
def test_asked_on_day_1_and_day_42_naming_the_treatment_and_its_date(window, days_ago):
    day = treated(window, days_ago)
    screen = open_log(window)
    assert asked(screen)
    assert screen.relief.question.text() == (
        f"Compared with before your epidural injection on {day_text(day)}:"
    )
    assert [b.text() for b in screen.relief.buttons] == [
        "Much better",
        "Better",
        "The same",
        "Worse",
    ]
    assert chosen(screen) == []  # nothing chosen for her: it may stay unanswered
    names = [b.accessibleName() for b in screen.relief.buttons]
    assert names[0] == "Compared with before your epidural injection: Much better"
    assert len(set(names)) == 4


def test_not_asked_on_day_43_nor_on_the_treatment_day(window):
    treated(window, 43)
    treated(window, 0)
    screen = open_log(window)
    assert not asked(screen)


@pytest.mark.parametrize(
    "kind",
    [
        TreatmentKind.PT_START,
        TreatmentKind.PT_END,
        TreatmentKind.MEDICATION_CHANGE,
        TreatmentKind.SURGICAL_CONSULT,
    ],
)
def test_never_asked_after_physiotherapy_medication_or_a_consultation(window, kind):
    treated(window, 5, kind)
    assert not asked(open_log(window))


@pytest.mark.parametrize(
    ("kind", "words"),
    [(TreatmentKind.NERVE_BLOCK, "nerve block"), (TreatmentKind.PROCEDURE, "procedure")],
)
def test_asked_after_a_nerve_block_or_a_procedure(window, kind, words):
    day = treated(window, 10, kind)
    screen = open_log(window)
    assert asked(screen)
    assert screen.relief.question.text() == f"Compared with before your {words} on {day_text(day)}:"


def test_the_answer_is_saved_with_the_log_and_shown_again_on_change(window, qtbot):
    treated(window, 3)
    coach = window.context.coach
    screen = open_log(window)
    screen.leg.set_value(3)
    qtbot.mouseClick(screen.relief.buttons[1], Qt.MouseButton.LeftButton)
    assert chosen(screen) == ["Better"]
    announced = []
    window.context.changed.connect(announced.append)
    save(window, qtbot, screen)
    assert coach.since_treatment(today(window)) == SinceTreatment.BETTER
    assert coach.daily_log(today(window)).log.leg_pain == 3
    assert len(announced) == 1  # one write, announced once

    again = open_log(window, today(window))
    assert chosen(again) == ["Better"]
    qtbot.mouseClick(again.relief.buttons[3], Qt.MouseButton.LeftButton)
    assert chosen(again) == ["Worse"]  # one answer at a time
    save(window, qtbot, again)
    assert coach.since_treatment(today(window)) == SinceTreatment.WORSE


def test_left_unanswered_the_log_is_saved_without_an_answer(window, qtbot):
    treated(window, 3)
    coach = window.context.coach
    screen = open_log(window)
    screen.leg.set_value(4)
    save(window, qtbot, screen)
    assert coach.daily_log(today(window)).log.leg_pain == 4
    assert coach.since_treatment(today(window)) is None
    # A chosen answer can be taken back: pressing it again clears it.
    again = open_log(window, today(window))
    qtbot.mouseClick(again.relief.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.relief.buttons[0], Qt.MouseButton.LeftButton)
    assert chosen(again) == []


def test_a_past_days_log_shows_that_days_answer_and_asks_only_in_its_window(window, qtbot):
    coach = window.context.coach
    injected = treated(window, 50)
    asked_day = injected + timedelta(days=2)  # 48 days ago: in its window
    before = injected - timedelta(days=1)  # before the injection: not asked
    for day in (asked_day, before):
        coach.save_daily_log(DailyLog(day=day, leg_pain=5))
    coach.answer_since_treatment(asked_day, SinceTreatment.MUCH_BETTER)

    screen = open_log(window, asked_day)
    assert asked(screen) and chosen(screen) == ["Much better"]
    screen.cancel.click()
    assert not asked(open_log(window, before))
    window.flow.cancel.click()
    assert not asked(open_log(window))  # today is day 50: not asked


def test_keyboard_only_tab_arrows_and_space_never_ctrl_or_alt(window, qtbot):
    treated(window, 7)
    coach = window.context.coach
    screen = open_log(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen.numbness.setFocus()
    qtbot.keyClick(screen.numbness, Qt.Key.Key_Tab)
    first = screen.relief.buttons[0]
    assert QApplication.focusWidget() is first  # one Tab stop: the first answer
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is screen.relief.buttons[1] and chosen(screen) == []
    qtbot.keyClick(screen.relief.buttons[1], Qt.Key.Key_Space)
    assert chosen(screen) == ["Better"]
    qtbot.keyClick(screen.relief.buttons[1], Qt.Key.Key_Right)  # the choice moves along
    assert chosen(screen) == ["The same"]
    focused = QApplication.focusWidget()
    assert focused is screen.relief.buttons[2]
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Space):
        for held in (CTRL, ALT):
            qtbot.keyClick(QApplication.focusWidget(), key, held)
    assert chosen(screen) == ["The same"]
    assert QApplication.focusWidget() is focused
    qtbot.keyClick(focused, Qt.Key.Key_Tab)  # Tab leaves the answers: one Tab stop
    assert QApplication.focusWidget() not in screen.relief.buttons
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is focused  # back to the answer chosen
    screen.save.setFocus()
    qtbot.keyClick(screen.save, Qt.Key.Key_Space)
    assert coach.since_treatment(today(window)) == SinceTreatment.SAME


def shown_part(widget) -> QRect:
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return shown


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_answers_wrap_at_extra_large_text_and_none_is_cut(window, qtbot, high_contrast):
    from stenosis_coach.ui.progress.daily_screen import ReliefQuestion

    window.context.update_settings(text_size=TextSize.EXTRA_LARGE, high_contrast=high_contrast)
    window.resize(1024, 700)
    injected = treated(window, 7, TreatmentKind.NERVE_BLOCK)
    screen = open_log(window)
    sideways = [
        area.horizontalScrollBar().maximum()
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]
    assert sideways == []
    for btn in screen.relief.buttons:
        assert btn.width() >= btn.sizeHint().width(), btn.text()  # words never cut
        screen.content_area.ensureWidgetVisible(btn)
        settle()
        assert shown_part(btn).width() == btn.width(), btn.text()
    # Where the width is short (longer words in another language), the answers go on to
    # more lines, each whole, rather than being squeezed.
    holder = QWidget()
    qtbot.addWidget(holder)
    narrow = ReliefQuestion(injected, TreatmentKind.NERVE_BLOCK, today(window))
    column = QVBoxLayout(holder)
    column.addWidget(narrow)
    column.addStretch(1)
    holder.resize(400, 600)
    holder.show()
    settle()
    assert len({btn.y() for btn in narrow.buttons}) >= 2
    for btn in narrow.buttons:
        assert btn.width() >= btn.sizeHint().width(), btn.text()
        assert narrow.rect().contains(btn.geometry()), btn.text()


def test_every_word_of_the_question_is_translatable(pseudo, window):
    from tests.ui.pseudo_texts import unwrapped, wrapped_twice

    treated(window, 2)
    screen = open_log(window)
    assert asked(screen)
    question = screen.relief.question.text()
    assert is_pseudo_wrapped(question) and question.startswith("⟦Compared with before your")
    assert unwrapped(screen.relief) == []
    assert wrapped_twice(screen.relief) == []
    assert all(is_pseudo_wrapped(b.text()) for b in screen.relief.buttons)
