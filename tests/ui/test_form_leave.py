"""Forms ask before throwing typed entries away: Esc or Cancel after the patient typed or
chose something asks "Leave without saving?" (Esc there keeps editing); with nothing
changed the form closes at once. An error line goes as soon as its field is edited."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from stenosis_coach.core.today import LOG_ACTION
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import daily, walks
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen
from stenosis_coach.ui.progress.treatment_screen import TreatmentScreen
from stenosis_coach.ui.walking.log_screen import LogWalkScreen

LEAVE = "Leave without saving?"
LEFT_CLICK = Qt.MouseButton.LeftButton


def open_daily_log(window, qtbot):
    window.today.action_requested.emit(LOG_ACTION)
    assert isinstance(window.flow, DailyLogScreen)
    return window.flow


def open_log_walk(window, qtbot):
    qtbot.mouseClick(window.show_page("walk").log, LEFT_CLICK)
    assert isinstance(window.flow, LogWalkScreen)
    return window.flow


def open_treatment(window, qtbot):
    qtbot.mouseClick(window.show_page("progress").add_treatment, LEFT_CLICK)
    assert isinstance(window.flow, TreatmentScreen)
    return window.flow


def rate_leg(screen, qtbot) -> None:
    screen.leg.setFocus()
    qtbot.keyClick(screen.leg, Qt.Key.Key_4)


def type_minutes(screen, qtbot) -> None:
    qtbot.keyClicks(screen.walking.edit, "12")


def choose_kind(screen, qtbot) -> None:
    qtbot.mouseClick(next(iter(screen.kind_buttons.values())), LEFT_CLICK)


def type_note(screen, qtbot) -> None:
    qtbot.keyClicks(screen.notes, "windy")


FORMS: dict[str, tuple[Callable, Callable]] = {
    "daily log, a rating": (open_daily_log, rate_leg),
    "daily log, a note": (open_daily_log, type_note),
    "log a walk, minutes": (open_log_walk, type_minutes),
    "log a walk, a note": (open_log_walk, type_note),
    "treatment, its kind": (open_treatment, choose_kind),
}


def press_esc(screen, qtbot) -> None:
    """Esc where the focus is (a text box passes it on to the form)."""
    focused = screen.focusWidget()
    qtbot.keyClick(focused if focused is not None else screen, Qt.Key.Key_Escape)


def press_cancel(screen, qtbot) -> None:
    qtbot.mouseClick(screen.cancel, LEFT_CLICK)


@pytest.mark.parametrize("leave", [press_esc, press_cancel], ids=["Esc", "Cancel"])
@pytest.mark.parametrize("form", list(FORMS))
def test_leaving_a_form_with_entries_asks_and_esc_keeps_editing(
    window, dialogs, qtbot, form, leave
):
    open_form, enter = FORMS[form]
    screen = open_form(window, qtbot)
    enter(screen, qtbot)
    dialogs.choices = [dialogs.ESC]
    leave(screen, qtbot)
    question = dialogs.questions[-1]
    assert question.title == LEAVE
    assert question.text == "What you entered is lost."
    assert question.options == ["Keep editing", "Leave"]
    assert question.safe == 0
    assert window.flow is screen  # still there, with what was entered

    dialogs.choices = [1]  # "Leave"
    leave(screen, qtbot)
    assert window.flow is None


@pytest.mark.parametrize("leave", [press_esc, press_cancel], ids=["Esc", "Cancel"])
@pytest.mark.parametrize("open_form", [open_daily_log, open_log_walk, open_treatment])
def test_a_form_left_as_it_came_closes_at_once(window, dialogs, qtbot, open_form, leave):
    screen = open_form(window, qtbot)
    leave(screen, qtbot)
    assert window.flow is None
    assert dialogs.questions == []


def test_an_entry_put_back_as_it_was_is_no_change(window, dialogs, qtbot):
    screen = open_log_walk(window, qtbot)
    qtbot.keyClicks(screen.walking.edit, "5")
    screen.walking.edit.clear()
    press_esc(screen, qtbot)
    assert window.flow is None
    assert dialogs.questions == []


def test_a_log_or_walk_being_corrected_closes_at_once_when_nothing_changed(
    window, dialogs, qtbot, clock
):
    from stenosis_coach.core.clock import LOCAL
    from stenosis_coach.core.daily import DailyLog

    now = clock.now()
    today = now.astimezone(LOCAL).date()
    daily.save_log(window.context.coach.database, DailyLog(day=today, leg_pain=3, notes="ok"), now)
    screen = open_daily_log(window, qtbot)
    assert screen.leg.value() == 3
    press_esc(screen, qtbot)
    assert window.flow is None

    form = WalkForm(kind=WalkKind.TRAINING, day=today, walking_min="15", peak_leg_pain=2)
    walks.log_walk(window.context.coach.database, form, now)
    stored = walks.history(window.context.coach.database)[0]
    window.show_page("walk").edit_requested.emit(stored.id)
    screen = window.flow
    assert isinstance(screen, LogWalkScreen)
    assert screen.walking.text() == "15"
    press_cancel(screen, qtbot)
    assert window.flow is None
    assert dialogs.questions == []


def test_a_standing_test_result_is_an_entry_too(window, dialogs, qtbot):
    screen = open_daily_log(window, qtbot)
    screen.set_standing(95.0)
    dialogs.choices = [dialogs.ESC]
    press_esc(screen, qtbot)
    assert dialogs.questions[-1].title == LEAVE
    assert window.flow is screen


# -- error lines go when their field is edited ---------------------------------------------
def test_log_a_walk_clears_a_fields_error_when_it_is_edited(window, qtbot):
    screen = open_log_walk(window, qtbot)
    qtbot.keyClicks(screen.distance.edit, "lots")
    qtbot.mouseClick(screen.save, LEFT_CLICK)
    walking, pain, distance = (
        screen._errors[f] for f in ("walking_min", "peak_leg_pain", "distance_m")
    )
    assert walking.isVisibleTo(screen) and pain.isVisibleTo(screen)
    assert distance.isVisibleTo(screen)

    qtbot.keyClicks(screen.walking.edit, "20")
    assert not walking.isVisibleTo(screen)
    assert pain.isVisibleTo(screen) and distance.isVisibleTo(screen)  # not fixed yet
    qtbot.mouseClick(screen.pain.buttons[3], LEFT_CLICK)
    assert not pain.isVisibleTo(screen)
    screen.distance.edit.clear()
    assert not distance.isVisibleTo(screen)
    qtbot.mouseClick(screen.save, LEFT_CLICK)
    assert window.flow is None  # saved


def test_the_daily_log_clears_a_numbers_error_when_it_is_edited(window, qtbot):
    screen = open_daily_log(window, qtbot)
    screen.opioid.set_text("")
    qtbot.keyClicks(screen.opioid.edit, "two")
    qtbot.mouseClick(screen.save, LEFT_CLICK)
    error = screen._errors["opioid_doses"]
    assert error.isVisibleTo(screen)
    screen.opioid.edit.clear()
    qtbot.keyClicks(screen.opioid.edit, "2")
    assert not error.isVisibleTo(screen)


def test_the_treatment_form_clears_its_error_when_a_kind_is_chosen(window, qtbot):
    screen = open_treatment(window, qtbot)
    qtbot.mouseClick(screen.save, LEFT_CLICK)
    assert screen.error.text() == "Choose what the treatment was."
    choose_kind(screen, qtbot)
    assert screen.error.text() == ""
