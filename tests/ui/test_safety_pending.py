"""A check left unfinished with a "yes" in it: whatever opens a check next (Today's
"Symptom check", "I have new symptoms", a session's end) shows that advice first
(DESIGN 5.5, December 2026 flow; issue 12)."""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.services import safety
from stenosis_coach.ui.safety.screens import QuestionScreen, SeekCareScreen


def today_button(window, qtbot, text):
    found = []

    def shown():
        found[:] = [
            b
            for b in window.today.findChildren(QPushButton)
            if b.text() == text and b.isVisibleTo(window.today)
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[0]


def leave_a_check_with_an_urgent_yes(make_window, qtbot, trigger=CheckTrigger.WEEKLY):
    """A check answered up to an urgent "yes" (clumsy hands, question 9), then the app
    closed before the check ended."""
    window = make_window()
    window.safety._run_check(trigger)
    for _ in range(8):
        qtbot.mouseClick(window.flow.no, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, QuestionScreen)  # the check goes on: question 10
    window.context.close_database()
    return make_window()  # the next start, before anything else is shown


def assert_the_left_advice_shows(window, clock):
    screen = window.flow
    assert isinstance(screen, SeekCareScreen)
    assert screen.title.text() == "Contact your clinician today"
    assert "not finished" in screen.note.text()
    status = safety.status(window.context.coach.database, clock.now())
    assert status.pending is None and status.needs_clearance
    assert len(status.open_flag.not_asked) == len(QUESTIONS) - 9


def test_symptom_check_on_today_shows_the_advice_of_a_check_left_with_a_yes(
    make_window, qtbot, clock
):
    window = leave_a_check_with_an_urgent_yes(make_window, qtbot)
    window.show_page("today")
    qtbot.mouseClick(today_button(window, qtbot, "Finish the check"), Qt.MouseButton.LeftButton)
    assert_the_left_advice_shows(window, clock)
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)
    assert window.flow is None and window.current_key() == "today"
    # Today now leads to the clearance, not to another check.
    assert today_button(window, qtbot, "I have been checked")


def test_symptom_check_on_today_a_week_later_still_shows_that_advice(make_window, qtbot, clock):
    window = leave_a_check_with_an_urgent_yes(make_window, qtbot)
    clock.advance(timedelta(days=8).total_seconds())
    window.context.data_changed.emit()
    window.show_page("today")
    qtbot.mouseClick(today_button(window, qtbot, "Finish the check"), Qt.MouseButton.LeftButton)
    assert_the_left_advice_shows(window, clock)


def test_new_symptoms_from_the_rail_shows_the_advice_of_a_check_left_with_a_yes(
    make_window, qtbot, clock
):
    window = leave_a_check_with_an_urgent_yes(make_window, qtbot, CheckTrigger.FIRST_RUN)
    qtbot.mouseClick(window.new_symptoms, Qt.MouseButton.LeftButton)
    assert_the_left_advice_shows(window, clock)


def new_symptoms_menu(window):
    return next(a for a in window.menuBar().actions()[1].menu().actions() if "symptoms" in a.text())


def test_new_symptoms_from_the_menu_during_a_check_goes_on_with_that_check(window, qtbot, clock):
    window.safety._run_check(CheckTrigger.WEEKLY)
    for _ in range(8):
        qtbot.mouseClick(window.flow.no, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)  # urgent: the check goes on
    new_symptoms_menu(window).trigger()
    screen = window.flow
    assert isinstance(screen, QuestionScreen)  # not cut short, no "was not finished"
    assert screen.progress_text.text() == f"Question 10 of {len(QUESTIONS)}"
    assert "not finished" not in " ".join(w.text() for w in screen.findChildren(type(screen.title)))
    status = safety.status(window.context.coach.database, clock.now())
    assert status.pending is not None and len(status.pending.answers) == 9


def test_the_screen_reader_check_script_presses_buttons_the_safety_screens_have(qtbot):
    """scripts/atspi_check.py gets through the first-run flow by the buttons' accessible
    names: each name it knows must be one a safety screen gives a button (it once looked
    for "I understand this advice", a name no screen has any more)."""
    import importlib.util
    from pathlib import Path

    from stenosis_coach.core.safety import advice_for
    from stenosis_coach.ui.safety.screens import (
        AllClearScreen,
        ClearanceScreen,
        WelcomeScreen,
    )

    script = Path(__file__).resolve().parents[2] / "scripts" / "atspi_check.py"
    spec = importlib.util.spec_from_file_location("atspi_check", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    advice = advice_for({"saddle-numbness": True})
    screens = [
        WelcomeScreen(),
        QuestionScreen(QUESTIONS[0].text, 1, len(QUESTIONS), may_postpone=True),
        QuestionScreen(QUESTIONS[0].text, 1, len(QUESTIONS), may_postpone=False),
        SeekCareScreen(advice),
        AllClearScreen(),
        ClearanceScreen(advice, "Mon 2 Mar"),
    ]
    names = set()
    for screen in screens:
        qtbot.addWidget(screen)
        names |= {b.accessibleName() for b in screen.findChildren(QPushButton)}
    assert [name for name in module.FLOW_BUTTONS if name not in names] == []
