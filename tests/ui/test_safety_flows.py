"""Every way into the red-flag check, and the seek-care screens it leads to (issue 3)."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from stenosis_coach.core.safety import QUESTIONS, CheckTrigger, Level
from stenosis_coach.services import safety
from stenosis_coach.ui.safety.screens import (
    AllClearScreen,
    ClearanceScreen,
    QuestionScreen,
    SeekCareScreen,
    WelcomeScreen,
)


def answer_through(window, qtbot, yes=()):
    """Answer every remaining question by pressing the big buttons."""
    for _ in range(len(QUESTIONS) + 1):
        screen = window.flow
        if not isinstance(screen, QuestionScreen):
            return screen
        text = screen.question.text()
        question = next(q for q in QUESTIONS if q.text == text)
        target = screen.yes if question.id in yes else screen.no
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    raise AssertionError("the check never ended")


def today_button(window, qtbot, text):
    """The Today page's button with ``text``, once Qt has shown the new card."""
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


def visible_buttons(widget):
    return [b.text() for b in widget.findChildren(QPushButton) if b.isVisibleTo(widget)]


def complete_first_check(window, qtbot, clock):
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    assert isinstance(answer_through(window, qtbot), AllClearScreen)
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)


def test_first_run_welcomes_then_checks_then_all_clear(window, qtbot, clock):
    window.safety.on_startup()
    welcome = window.flow
    assert isinstance(welcome, WelcomeScreen)
    said = " ".join(lbl.text() for lbl in welcome.findChildren(type(welcome.title)))
    assert "does not diagnose" in said and "does not replace" in said
    qtbot.mouseClick(welcome.start, Qt.MouseButton.LeftButton)
    first = window.flow
    assert isinstance(first, QuestionScreen)
    assert first.progress_text.text() == f"Question 1 of {len(QUESTIONS)}"
    assert not first.later.isVisible()  # the first check cannot be put off
    done = answer_through(window, qtbot)
    assert isinstance(done, AllClearScreen)
    qtbot.mouseClick(done.ok, Qt.MouseButton.LeftButton)
    assert window.flow is None and window.current_key() == "today"
    status = safety.status(window.context.db, clock.now())
    assert not status.first_check_needed and not status.weekly_due


def test_first_run_is_not_repeated_once_done(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    window.safety.on_startup()
    assert window.flow is None


def test_a_crash_mid_check_asks_again_at_the_next_start(make_window, qtbot, clock, paths):
    window = make_window()
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    for _ in range(3):
        qtbot.mouseClick(window.flow.no, Qt.MouseButton.LeftButton)
    window.context.close_database()  # the app dies
    again = make_window()
    again.safety.on_startup()
    assert isinstance(again.flow, QuestionScreen)
    assert again.flow.progress_text.text() == f"Question 4 of {len(QUESTIONS)}"


def test_weekly_check_is_due_on_today_and_can_be_finished_later(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    clock.advance(timedelta(days=7).total_seconds())
    window.today.refresh()
    start = today_button(window, qtbot, "Start the check")
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    check = window.flow
    assert isinstance(check, QuestionScreen) and check.later.isVisibleTo(check)
    qtbot.mouseClick(check.later, Qt.MouseButton.LeftButton)
    assert window.flow is None
    assert safety.status(window.context.db, clock.now()).weekly_due


def test_on_demand_entry_is_always_in_the_rail(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    window.show_page("settings")
    assert window.new_symptoms.isVisible()
    assert window.new_symptoms.accessibleName() == "I have new symptoms"
    qtbot.mouseClick(window.new_symptoms, Qt.MouseButton.LeftButton)
    screen = answer_through(window, qtbot, yes={"clumsy-hands"})
    assert isinstance(screen, SeekCareScreen)
    assert screen.advice.level is Level.URGENT
    assert screen.title.text() == "Contact your clinician today"


@pytest.mark.parametrize(
    ("end", "trigger"),
    [
        ({"must_stop": True}, CheckTrigger.MUST_STOP),
        ({"worst_hurt": 7}, CheckTrigger.SEVERE_HURT),
        ({"new_symptoms": True}, CheckTrigger.SESSION_SYMPTOMS),
        ({"rest_not_easing": True}, CheckTrigger.REST_NOT_EASING),
    ],
)
def test_a_session_ending_on_a_warning_sign_opens_the_check(window, qtbot, clock, end, trigger):
    complete_first_check(window, qtbot, clock)
    assert window.safety.after_session(**end) is True
    check = window.flow
    assert isinstance(check, QuestionScreen)
    assert not check.later.isVisibleTo(check)  # must be answered
    assert safety.status(window.context.db, clock.now()).pending.trigger is trigger


def test_a_mild_session_end_does_not_open_the_check(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    assert window.safety.after_session(worst_hurt=6) is False
    assert window.flow is None


def test_must_stop_with_new_bladder_trouble_says_emergency_and_nothing_else(window, qtbot, clock):
    """Tom's day (DESIGN 1): must stop, a yes to bladder trouble, emergency care only."""
    complete_first_check(window, qtbot, clock)
    window.safety.after_session(must_stop=True)
    screen = answer_through(window, qtbot, yes={"bladder-trouble"})
    assert isinstance(screen, SeekCareScreen)
    assert screen.title.text() == "Get emergency care now"
    assert "emergency" in screen.body.text()
    assert visible_buttons(screen) == ["I understand"]  # no exercise, no walk
    qtbot.mouseClick(screen.ok, Qt.MouseButton.LeftButton)
    [item] = [i for i in _today_items(window, clock)]
    assert item.blocks_plan and item.title == "Get emergency care now"


def _today_items(window, clock):
    from stenosis_coach.services.today import build_today

    return [
        i for i in build_today(window.context.db, clock.now()).items if i.key.startswith("safety")
    ]


def test_starting_a_session_after_a_yes_asks_for_the_clearance_first(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    window.safety.start_check()
    answer_through(window, qtbot, yes={"calf-pain-standing"})
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)
    started = []
    window.safety.request_session(lambda: started.append("walk"))
    screen = window.flow
    assert isinstance(screen, ClearanceScreen) and started == []
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)  # "Not yet"
    assert started == [] and window.flow is None
    window.safety.request_session(lambda: started.append("walk"))
    qtbot.mouseClick(window.flow.checked, Qt.MouseButton.LeftButton)
    assert started == ["walk"]
    window.safety.request_session(lambda: started.append("routine"))
    assert started == ["walk", "routine"]  # cleared: no more questions


def test_the_advice_on_today_leads_to_the_clearance(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    window.safety.start_check()
    answer_through(window, qtbot, yes={"fever"})
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)
    button = today_button(window, qtbot, "I have been checked")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.mistake, Qt.MouseButton.LeftButton)
    assert not safety.status(window.context.db, clock.now()).needs_clearance


def test_keyboard_answers_and_back(window, qtbot, clock):
    window.safety.start_check()
    screen = window.flow
    qtbot.keyClick(screen, Qt.Key.Key_N)
    assert screen.progress_text.text().startswith("Question 2 ")
    qtbot.keyClick(screen, Qt.Key.Key_Backspace)
    assert screen.progress_text.text().startswith("Question 1 ")
    assert screen.no.hasFocus()  # the earlier answer keeps the focus
    qtbot.keyClick(screen, Qt.Key.Key_Y)
    pending = safety.status(window.context.db, clock.now()).pending
    assert pending.answers == {QUESTIONS[0].id: True}


def test_screen_readers_hear_the_question_on_its_label_and_on_yes_and_no(window):
    window.safety.start_check()
    screen = window.flow
    assert screen.question.accessibleName() == QUESTIONS[0].text
    assert screen.yes.accessibleDescription() == QUESTIONS[0].text
    assert screen.no.accessibleDescription() == QUESTIONS[0].text
