"""A bad number in the daily log is shown where the eye and the keyboard are: the focus
goes to the first bad field, scrolled into view with its message, and the message names
the field as its label does (a tester: "99 doses" left the focus on Save, the field out
of sight above, and the message said "Over-the-counter doses")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.today import LOG_ACTION
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def shown_part(widget) -> QRect:
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return shown


def whole_in_view(widget) -> bool:
    return shown_part(widget) == QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def test_a_bad_dose_takes_the_focus_into_view_and_names_the_field_as_its_label(window, qtbot):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(1180, 820)
    window.today.action_requested.emit(LOG_ACTION)
    screen = window.flow
    assert isinstance(screen, DailyLogScreen)
    screen.otc.edit.selectAll()
    qtbot.keyClicks(screen.otc.edit, "99")
    # Tab on through the form to Save, as the tester did: the form scrolls down.
    screen.notes.setFocus()
    settle()
    screen.content_area.verticalScrollBar().setValue(
        screen.content_area.verticalScrollBar().maximum()
    )
    screen.save.setFocus()
    qtbot.keyClick(screen.save, Qt.Key.Key_Space)
    settle()
    error = screen._errors["otc_doses"]
    assert error.isVisibleTo(screen)
    label = "Pain medicine, over the counter (doses)"
    assert error.text().startswith(label), error.text()
    assert QApplication.focusWidget() is screen.otc.edit
    assert whole_in_view(screen.otc.edit) and whole_in_view(error)


def test_each_number_s_message_names_the_field_as_its_label_and_its_box(window, qtbot):
    window.today.action_requested.emit(LOG_ACTION)
    screen = window.flow
    for _field, box in (
        ("otc_doses", screen.otc),
        ("prescription_doses", screen.rx),
        ("opioid_doses", screen.opioid),
        ("woken_by_leg_pain", screen.woken),
    ):
        box.set_text("99")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    labels = {
        "otc_doses": (screen.otc, "Pain medicine, over the counter (doses)"),
        "prescription_doses": (screen.rx, "Pain medicine on prescription (doses)"),
        "opioid_doses": (screen.opioid, "Opioid pain medicine (doses)"),
        "woken_by_leg_pain": (screen.woken, "Times woken last night by leg pain"),
    }
    for field, (box, words) in labels.items():
        assert screen._errors[field].text().startswith(words + " must be"), field
        assert box.accessibleName() == words or box.edit.accessibleName() == words, field
