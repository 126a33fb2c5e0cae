"""Numbers typed in forms: inf, nan, 1,500 and friends get a message on the form, never the
crash dialog, and nothing is saved (issue 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stenosis_coach.core.today import LOG_ACTION
from stenosis_coach.services import daily, walks
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.log_screen import LogWalkScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen


def open_log(window, qtbot) -> LogWalkScreen:
    page = window.show_page("walk")
    qtbot.mouseClick(page.log, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, LogWalkScreen)
    return window.flow


@pytest.mark.parametrize("typed", ["inf", "nan", "-inf", "Infinity", "1e309"])
def test_inf_or_nan_as_a_logged_walks_distance_is_explained_and_nothing_saved(
    window, qtbot, dialogs, typed
):
    screen = open_log(window, qtbot)
    qtbot.keyClicks(screen.walking.edit, "20")
    qtbot.mouseClick(screen.pain.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.distance.edit, typed)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert window.flow is screen
    error = screen._errors["distance_m"]
    assert error.isVisibleTo(screen)
    assert error.text() == "Distance must be a number of metres, like 800, or left empty."
    assert dialogs.shown == []  # no crash dialog
    assert walks.history(window.context.coach.database) == []


def test_a_decimal_comma_is_read_and_an_ambiguous_distance_is_asked_about(window, qtbot):
    screen = open_log(window, qtbot)
    qtbot.keyClicks(screen.walking.edit, "6,5")
    qtbot.mouseClick(screen.pain.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.distance.edit, "1,500")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert window.flow is screen and walks.history(window.context.coach.database) == []
    assert "could mean 1500 or 1.5" in screen._errors["distance_m"].text()
    qtbot.mouseClick(screen.distance.plus, Qt.MouseButton.LeftButton)
    assert screen.distance.text() == "1,500"  # + never guesses which it was
    screen.distance.set_text("1 500")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    [stored] = walks.history(window.context.coach.database)
    assert stored.walk.total_walk_s == 390 and stored.walk.distance_m == 1500


def test_bad_rests_are_explained_not_saved(window, qtbot):
    screen = open_log(window, qtbot)
    qtbot.keyClicks(screen.walking.edit, "20")
    qtbot.mouseClick(screen.pain.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.rests.edit, "2.5")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert screen._errors["rests"].text() == "Rests must be a whole number from 0 to 50."
    assert walks.history(window.context.coach.database) == []


def walk_summary(window, qtbot, clock) -> WalkSummaryScreen:
    page = window.show_page("walk")
    qtbot.mouseClick(page.start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkCoachScreen)
    coach = window.walking.coach
    clock.advance(90)
    coach.tick()
    qtbot.mouseClick(coach.screen.stop, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, WalkSummaryScreen)
    return window.flow


@pytest.mark.parametrize("typed", ["inf", "nan"])
def test_inf_or_nan_as_a_recorded_walks_distance_is_explained_and_nothing_saved(
    window, qtbot, clock, cues, dialogs, typed
):
    summary = walk_summary(window, qtbot, clock)
    qtbot.mouseClick(summary.pain.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(summary.distance.edit, typed)
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    assert window.flow is summary
    assert summary.error.text() == "Distance must be a number of metres, like 800, or left empty."
    assert dialogs.shown == [] and walks.history(window.context.coach.database) == []
    summary.distance.set_text("450,5")
    qtbot.mouseClick(summary.save, Qt.MouseButton.LeftButton)
    assert walks.history(window.context.coach.database)[0].walk.distance_m * 2 == 901


def test_daily_log_doses_name_the_field_and_nothing_is_saved(window, qtbot):
    window.today.action_requested.emit(LOG_ACTION)
    screen = window.flow
    screen.opioid.set_text("nan")
    screen.woken.set_text("1e3")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert window.flow is screen and daily.logs(window.context.coach.database) == []
    assert screen._errors["opioid_doses"].text() == (
        "Opioid pain medicine (doses) must be a whole number from 0 to 50."
    )
    assert screen._errors["woken_by_leg_pain"].text() == (
        "Times woken last night by leg pain must be a whole number from 0 to 20."
    )
    screen.opioid.set_text("2,0")
    screen.woken.set_text("")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert daily.logs(window.context.coach.database)[0].log.opioid_doses == 2


def test_therapist_numbers_use_the_same_parser():
    from stenosis_coach.ui.therapist.limits import PROGRESSION_NUMBERS, STEP_NUMBERS, WALK_NUMBERS

    reps, bout = STEP_NUMBERS["reps"], WALK_NUMBERS["bout_s"]
    assert reps.parse(" 12 ") == 12 and bout.parse("2,5") == 150
    for bad in ("inf", "nan", "1e309", "1_0", "1e1", "0x10"):
        with pytest.raises(ValueError, match=r"^Repetitions must be a whole number from 1 to 100"):
            reps.parse(bad)
    with pytest.raises(ValueError, match=r"could mean 1500 or 1\.5"):
        bout.parse("1,500")  # not silently 1.5 minutes
    assert PROGRESSION_NUMBERS["step_up"].parse("1,1") == 1.1


def test_a_therapist_number_box_explains_inf(window, qtbot):
    from stenosis_coach.ui.therapist.form import BoundedNumber
    from stenosis_coach.ui.therapist.limits import STEP_NUMBERS

    box = BoundedNumber(STEP_NUMBERS["reps"])
    qtbot.addWidget(box)
    seen = []
    box.value_changed.connect(seen.append)
    qtbot.keyClicks(box.edit, "inf")
    assert box.problem() == "Repetitions must be a whole number from 1 to 100."
    assert seen == []
