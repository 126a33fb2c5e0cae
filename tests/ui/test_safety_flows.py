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
        question = next(q for q in QUESTIONS if text in (q.text, q.first_text))
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
    assert first.leave.isVisible()  # but it can be left for now
    done = answer_through(window, qtbot)
    assert isinstance(done, AllClearScreen)
    qtbot.mouseClick(done.ok, Qt.MouseButton.LeftButton)
    assert window.flow is None and window.current_key() == "today"
    status = safety.status(window.context.coach.database, clock.now())
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
    assert safety.status(window.context.coach.database, clock.now()).weekly_due


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
    assert safety.status(window.context.coach.database, clock.now()).pending.trigger is trigger


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
    assert visible_buttons(screen) == [screen.ok.text()]  # no exercise, no walk
    assert "back to Today" in screen.ok.text()
    qtbot.mouseClick(screen.ok, Qt.MouseButton.LeftButton)
    [item] = [i for i in _today_items(window, clock)]
    assert item.blocks_plan and item.title == "Get emergency care now"


def _today_items(window, clock):
    from stenosis_coach.services.today import build_today

    return [
        i
        for i in build_today(window.context.coach.database, clock.now()).items
        if i.key.startswith("safety")
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
    assert not safety.status(window.context.coach.database, clock.now()).needs_clearance


def test_keyboard_answers_and_back(window, qtbot, clock):
    window.safety.start_check()
    qtbot.keyClick(window.flow, Qt.Key.Key_N)
    assert window.flow.progress_text.text().startswith("Question 2 ")
    qtbot.keyClick(window.flow, Qt.Key.Key_Backspace)
    screen = window.flow
    assert screen.progress_text.text().startswith("Question 1 ")
    assert screen.no.hasFocus()  # the earlier answer keeps the focus
    assert screen.progress_text.text().endswith("Your answer before: No")  # and is shown
    qtbot.keyClick(screen, Qt.Key.Key_N)
    qtbot.keyClick(window.flow, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.flow, Qt.Key.Key_Y)
    pending = safety.status(window.context.coach.database, clock.now()).pending
    # Question 1 is an emergency: a "yes" ends the check at once (not pending any more)
    assert pending is None
    day = timedelta(days=1)
    [check] = safety.checks_between(
        window.context.coach.database, clock.now() - day, clock.now() + day
    )
    assert check.answers == {QUESTIONS[0].id: True}


def test_screen_readers_hear_the_question_on_its_label_and_on_yes_and_no(window):
    window.safety.start_check()
    screen = window.flow
    text = screen.question.text()
    assert text in (QUESTIONS[0].text, QUESTIONS[0].first_text)
    assert screen.question.accessibleName() == text
    assert screen.yes.accessibleDescription() == f"Question 1 of {len(QUESTIONS)}: {text}"
    assert screen.no.accessibleDescription() == f"Question 1 of {len(QUESTIONS)}: {text}"


# -- the flow of December 2026 (DESIGN 5.5, issue 12) -----------------------------------


def focus_name():
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget is not None else None


def press_no(window, qtbot, times):
    for _ in range(times):
        qtbot.mouseClick(window.flow.no, Qt.MouseButton.LeftButton)


def test_an_emergency_yes_shows_the_emergency_screen_at_once(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    window.safety.start_check()
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)  # saddle numbness
    screen = window.flow
    assert isinstance(screen, SeekCareScreen)
    assert screen.title.text() == "Get emergency care now"
    status = safety.status(window.context.coach.database, clock.now())
    assert status.pending is None and status.needs_clearance
    check = status.open_flag
    assert check.answers == {"saddle-numbness": True}
    assert check.not_asked == tuple(q.id for q in QUESTIONS[1:])


def test_an_emergency_yes_later_in_the_check_also_stops_it_there(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    window.safety.after_session(must_stop=True)
    press_no(window, qtbot, 4)
    qtbot.keyClick(window.flow, Qt.Key.Key_Y)  # question 5: leg weakness getting worse
    assert isinstance(window.flow, SeekCareScreen)
    assert window.flow.advice.level is Level.EMERGENCY
    flag = safety.status(window.context.coach.database, clock.now()).open_flag
    assert len(flag.answers) == 5 and len(flag.not_asked) == len(QUESTIONS) - 5


def test_urgent_and_stop_answers_let_the_check_finish_then_the_most_severe_advice(
    window, qtbot, clock
):
    complete_first_check(window, qtbot, clock)
    window.safety.start_check()
    press_no(window, qtbot, 8)
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)  # clumsy hands: urgent
    assert isinstance(window.flow, QuestionScreen)  # the check goes on
    assert window.flow.progress_text.text() == f"Question 10 of {len(QUESTIONS)}"
    screen = answer_through(window, qtbot, yes={"fever", "calf-pain-standing"})
    assert isinstance(screen, SeekCareScreen)
    assert screen.advice.level is Level.URGENT
    assert screen.advice.reasons == ("Clumsy hands or dropping things", "Fever")
    assert screen.advice.also_noted == ("Calf pain that eases by standing still",)


def test_a_check_left_with_a_yes_shows_its_advice_first_thing_at_the_next_start(
    make_window, qtbot, clock
):
    window = make_window()
    complete_first_check(window, qtbot, clock)
    window.safety.start_check()
    press_no(window, qtbot, 8)
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)  # urgent, then the app dies
    window.context.close_database()
    again = make_window()
    again.safety.on_startup()
    screen = again.flow
    assert isinstance(screen, SeekCareScreen)
    assert screen.title.text() == "Contact your clinician today"
    assert "not finished" in screen.note.text()
    status = safety.status(again.context.coach.database, clock.now())
    assert status.pending is None and status.needs_clearance
    assert len(status.open_flag.not_asked) == len(QUESTIONS) - 9
    qtbot.mouseClick(screen.ok, Qt.MouseButton.LeftButton)
    assert again.flow is None and again.current_key() == "today"


def test_an_emergency_yes_left_by_a_crash_shows_the_emergency_screen_at_the_next_start(
    make_window, qtbot, clock
):
    """The tester's case: a "yes" to question 1 stored, then the app closed before any advice
    (the version before December 2026 kept asking). The next start shows emergency care."""
    from stenosis_coach.storage.safety_repo import SafetyRepository

    window = make_window()
    db = window.context.coach.database
    check = safety.start_check(db, CheckTrigger.FIRST_RUN, clock.now())
    SafetyRepository(db).answer(check.id, "saddle-numbness", True, clock.now())
    window.context.close_database()
    again = make_window()
    again.safety.on_startup()
    assert isinstance(again.flow, SeekCareScreen)
    assert again.flow.title.text() == "Get emergency care now"


def test_advice_closed_by_closing_the_app_is_shown_again_at_the_next_start(
    make_window, qtbot, clock
):
    window = make_window()
    complete_first_check(window, qtbot, clock)
    window.safety.start_check()
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)  # emergency screen
    window.context.close_database()  # closed over the emergency screen
    again = make_window()
    again.safety.on_startup()
    assert isinstance(again.flow, SeekCareScreen)
    assert again.flow.title.text() == "Get emergency care now"
    qtbot.mouseClick(again.flow.ok, Qt.MouseButton.LeftButton)  # read it
    again.context.close_database()
    third = make_window()
    third.safety.on_startup()
    assert third.flow is None  # Today carries the advice from now on


def test_a_check_left_with_only_no_answers_carries_on_and_says_so(make_window, qtbot, clock):
    window = make_window()
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    press_no(window, qtbot, 3)
    window.context.close_database()
    clock.advance(3600)
    again = make_window()
    again.safety.on_startup()
    screen = again.flow
    assert isinstance(screen, QuestionScreen)
    assert screen.progress_text.text() == f"Question 4 of {len(QUESTIONS)}"
    said = " ".join(lbl.text() for lbl in screen.findChildren(type(screen.title)))
    assert "not finished" in said and "question 4" in said


def test_a_check_left_long_ago_starts_again_from_the_first_question(make_window, qtbot, clock):
    window = make_window()
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    press_no(window, qtbot, 3)
    window.context.close_database()
    clock.advance(timedelta(days=2).total_seconds())
    again = make_window()
    again.safety.on_startup()
    screen = again.flow
    assert screen.progress_text.text() == f"Question 1 of {len(QUESTIONS)}"
    said = " ".join(lbl.text() for lbl in screen.findChildren(type(screen.title)))
    assert "starts again from the first question" in said
    assert safety.status(again.context.coach.database, clock.now()).pending.answers == {}


def test_the_first_check_never_says_since_your_last_check(window, qtbot, clock):
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    for _ in QUESTIONS:
        screen = window.flow
        said = " ".join(lbl.text() for lbl in screen.findChildren(type(screen.title)))
        assert "last check" not in said.lower()
        assert "last check" not in screen.accessibleName().lower()
        qtbot.mouseClick(screen.no, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)
    window.safety.start_check()  # the second check has a last check to count from
    assert "since your last check" in window.flow.question.text().lower()


def test_the_welcome_says_how_many_questions(window):
    window.safety.on_startup()
    welcome = window.flow
    said = " ".join(lbl.text() for lbl in welcome.findChildren(type(welcome.title)))
    assert f"{len(QUESTIONS)} questions" in said
    assert "since your last check" not in said


def test_each_question_is_announced_as_it_takes_the_focus(window, qtbot, clock):
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    total = len(QUESTIONS)
    for number, question in enumerate(QUESTIONS, start=1):
        assert focus_name() == f"Question {number} of {total}: {question.first_text}"
        qtbot.keyClick(window.flow, Qt.Key.Key_N)
    complete = safety.status(window.context.coach.database, clock.now())
    assert not complete.first_check_needed
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)
    window.safety.start_check()
    qtbot.keyClick(window.flow, Qt.Key.Key_N)
    assert focus_name() == f"Question 2 of {total}: {QUESTIONS[1].text}"
    qtbot.keyClick(window.flow, Qt.Key.Key_Backspace)  # the earlier answer has the focus
    assert focus_name().endswith(f"Question 1 of {total}: {QUESTIONS[0].text}")
    assert focus_name().startswith("No")


def test_the_thank_you_points_to_the_button_where_it_will_be(window, qtbot, clock):
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    thanks = answer_through(window, qtbot)
    assert isinstance(thanks, AllClearScreen)
    assert not window.new_symptoms.isVisible()  # no rail on this screen
    text = thanks.text.text()
    assert "I have new symptoms" in text and "after this screen" in text.lower()
    qtbot.keyClick(thanks, Qt.Key.Key_Escape)
    assert window.new_symptoms.isVisible()


def test_the_welcome_can_be_left_and_the_check_still_comes_before_a_session(window, qtbot, clock):
    window.safety.on_startup()
    welcome = window.flow
    assert welcome.later.isVisible() and "Esc" in welcome.later.text()
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "today"
    started = []
    window.safety.request_session(lambda: started.append("walk"))
    assert started == [] and isinstance(window.flow, WelcomeScreen)
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, QuestionScreen)


def test_a_check_that_must_be_answered_can_be_left_but_comes_back_before_a_session(
    window, qtbot, clock
):
    complete_first_check(window, qtbot, clock)
    window.safety.after_session(must_stop=True)
    press_no(window, qtbot, 2)
    screen = window.flow
    assert screen.leave.isVisible() and "Esc" in screen.leave.text()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "today"
    started = []
    window.safety.request_session(lambda: started.append("walk"))
    assert started == [] and isinstance(window.flow, QuestionScreen)
    assert window.flow.progress_text.text() == f"Question 3 of {len(QUESTIONS)}"


def test_leaving_a_check_after_a_yes_shows_the_advice_and_the_gate_holds(window, qtbot, clock):
    complete_first_check(window, qtbot, clock)
    window.safety.start_check(CheckTrigger.WEEKLY)
    press_no(window, qtbot, 8)
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)  # clumsy hands
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)  # Finish later
    screen = window.flow
    assert isinstance(screen, SeekCareScreen) and screen.advice.level is Level.URGENT
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    started = []
    window.safety.request_session(lambda: started.append("walk"))
    assert started == [] and isinstance(window.flow, ClearanceScreen)


def test_the_emergency_screen_leads_back_to_today_and_sessions_wait_for_the_clearance(
    window, qtbot, clock
):
    complete_first_check(window, qtbot, clock)
    window.safety.after_session(must_stop=True)
    qtbot.mouseClick(window.flow.yes, Qt.MouseButton.LeftButton)
    screen = window.flow
    assert isinstance(screen, SeekCareScreen)
    assert screen.ok.hasFocus()
    assert "Get emergency care now" in screen.ok.accessibleDescription()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "today"
    started = []
    window.safety.request_session(lambda: started.append("walk"))
    assert started == [] and isinstance(window.flow, ClearanceScreen)
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)  # Not yet
    assert started == [] and window.flow is None
    window.safety.request_session(lambda: started.append("walk"))
    qtbot.mouseClick(window.flow.checked, Qt.MouseButton.LeftButton)
    assert started == ["walk"]


def test_a_key_held_down_answers_one_question_only(window, qtbot, clock):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    complete_first_check(window, qtbot, clock)
    window.safety.start_check()
    for repeat in (False, True, True, True):
        key = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier, "n", repeat
        )
        QApplication.sendEvent(QApplication.focusWidget(), key)
    assert window.flow.progress_text.text() == f"Question 2 of {len(QUESTIONS)}"
    pending = safety.status(window.context.coach.database, clock.now()).pending
    assert pending.answers == {QUESTIONS[0].id: False}
