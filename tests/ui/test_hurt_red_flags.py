"""A "this hurts" answer that means "stop and get checked" never leads back into the
routine (issue 12, H17; DESIGN 5.5: a red flag is always followed by the check, never by
another exercise).

Pain of 7 or more, or a "yes" to spreading leg symptoms or new weakness: "Back to the
routine" is gone, Esc does not resume, the routine is kept as stopped and the symptom
check is owed at once, so that closing the app right then (or anywhere on the way to the
check) leaves walks and routines waiting for it at the next start. The follow-up question
stays in view, whole, at 1024x700 with extra-large text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.exercises.hurt import hurt_check_trigger, must_stop
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.core.settings import TextSize
from stenosis_coach.services import safety
from stenosis_coach.services.due import due_at
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.cues import FakeCuePlayer
from stenosis_coach.ui.exercises.screens import HurtScreen, PlayerScreen, RatingsScreen
from stenosis_coach.ui.safety.screens import QuestionScreen
from stenosis_coach.ui.widgets import Card

WIDTH, HEIGHT = 1024, 700

# (pain, spreading or new weakness): each answer that means "stop and get checked"
RED_FLAGS = [(2, True), (8, False), (8, True), (7, None), (None, True)]
IDS = ["pain-2-spreading", "pain-8", "pain-8-spreading", "pain-7-only", "spreading-only"]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def all_clear_check(window, clock) -> None:
    """The first check, answered no to everything: nothing holds the walk or the routine."""
    db, now = window.context.coach.database, clock.now()
    check = safety.start_check(db, CheckTrigger.FIRST_RUN, now)
    for question in QUESTIONS:
        safety.answer(db, check.id, question.id, False, now)
    assert safety.finish_check(db, check.id, now) is None
    window.context.data_changed.emit()


def start(window, qtbot, clock) -> PlayerScreen:
    page = window.show_page("exercises")
    click(qtbot, page.routine_buttons["gentle-start"][0])
    before = window.flow
    assert isinstance(before, RatingsScreen)
    click(qtbot, before.skip)
    player = window.flow
    assert isinstance(player, PlayerScreen)
    advance(window, clock, 12)
    return player


def advance(window, clock, seconds: float) -> None:
    while seconds > 0:
        clock.advance(min(1.0, seconds))
        seconds -= 1.0
        window.exercises.tick()


def hurt_screen(window, qtbot, player) -> HurtScreen:
    qtbot.keyClick(player, Qt.Key.Key_H)
    hurt = window.flow
    assert isinstance(hurt, HurtScreen)
    return hurt


def give(qtbot, hurt: HurtScreen, pain: int | None, spreading: bool | None) -> None:
    """The answers as the patient gives them, no button below them pressed."""
    if pain is not None:
        click(qtbot, hurt.rating.buttons[pain])
    if spreading is not None:
        click(qtbot, hurt.spreading_yes if spreading else hurt.spreading_no)


def routine_sessions(window):
    return SessionRepository(window.context.coach.database).recent(10, kind="routine")


def owed_check(window, clock):
    return safety.status(window.context.coach.database, clock.now()).pending


def no_way_back(window, qtbot, clock, hurt: HurtScreen, player: PlayerScreen) -> None:
    """Neither the button nor Esc nor Space brings the routine back."""
    assert not hurt.back_button.isVisible() and not hurt.back_button.isEnabled()
    assert not hurt.skip_button.isVisible() and not hurt.carry_on.isVisible()
    hurt.back_button.click()  # even pressed some other way: nothing resumes
    assert window.flow is hurt
    qtbot.keyClick(hurt, Qt.Key.Key_Escape)
    assert window.flow is not player and not player.isVisible()
    qtbot.keyClick(window.flow, Qt.Key.Key_Space)
    advance(window, clock, 3)
    assert window.exercises.session is None or window.exercises.session.finished
    assert not window.exercises.timer.isActive()


# -- the rule --------------------------------------------------------------------------------


def test_the_answers_that_call_for_the_check():
    assert hurt_check_trigger(2, True) is CheckTrigger.SESSION_SYMPTOMS
    assert hurt_check_trigger(None, True) is CheckTrigger.SESSION_SYMPTOMS
    assert hurt_check_trigger(7, None) is CheckTrigger.SEVERE_HURT
    assert hurt_check_trigger(8, True) is CheckTrigger.SEVERE_HURT
    assert hurt_check_trigger(6, False) is None
    assert hurt_check_trigger(6, None) is None
    assert hurt_check_trigger(None, None) is None
    assert must_stop(9, False) and must_stop(0, True) and not must_stop(3, False)


# -- no way back -----------------------------------------------------------------------------


@pytest.mark.parametrize(("pain", "spreading"), RED_FLAGS, ids=IDS)
def test_a_red_flag_answer_cannot_be_escaped_back_into_the_routine(
    window, qtbot, clock, cues, pain, spreading
):
    player = start(window, qtbot, clock)
    hurt = hurt_screen(window, qtbot, player)
    give(qtbot, hurt, pain, spreading)
    assert "stop" in hurt.advice.text().lower()
    no_way_back(window, qtbot, clock, hurt, player)
    # Esc went on, as the only button does: how she feels now, then the check.
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text() == "Routine stopped"
    qtbot.keyClick(after, Qt.Key.Key_Escape)
    assert isinstance(window.flow, QuestionScreen)
    [session] = routine_sessions(window)
    assert session.end_reason.value == "stopped"
    assert window.running_session() is None


@pytest.mark.parametrize(("pain", "spreading"), RED_FLAGS[:3], ids=IDS[:3])
def test_the_only_button_goes_on_to_the_check(window, qtbot, clock, cues, pain, spreading):
    player = start(window, qtbot, clock)
    hurt = hurt_screen(window, qtbot, player)
    give(qtbot, hurt, pain, spreading)
    shown = [b for b in (hurt.skip_button, hurt.stop_button, hurt.carry_on, hurt.back_button)]
    assert [b for b in shown if b.isVisible()] == [hurt.stop_button]
    assert hurt.stop_button.isEnabled()
    click(qtbot, hurt.stop_button)
    after = window.flow
    assert isinstance(after, RatingsScreen) and after.title.text() == "Routine stopped"
    click(qtbot, after.leg.buttons[4])
    click(qtbot, after.back.buttons[3])
    click(qtbot, after.go)
    assert isinstance(window.flow, QuestionScreen)
    assert window.running_session() is None


def test_a_complete_red_flag_answer_is_kept_at_once_and_cannot_be_changed_to_go_back(
    window, qtbot, clock, cues
):
    """Answering "yes" stops the routine there and then; changing the answer afterwards
    does not bring "Back to the routine" back."""
    player = start(window, qtbot, clock)
    hurt = hurt_screen(window, qtbot, player)
    give(qtbot, hurt, 2, True)
    assert window.exercises.session.finished  # stopped, not paused
    assert owed_check(window, clock) is not None  # the check is owed already
    assert owed_check(window, clock).trigger is CheckTrigger.SESSION_SYMPTOMS
    click(qtbot, hurt.spreading_no)  # the answer is kept: nothing to change
    click(qtbot, hurt.rating.buttons[0])
    assert hurt.spreading_yes.isChecked() and hurt.rating.value() == 2
    assert not hurt.back_button.isVisible() and not hurt.back_button.isEnabled()
    no_way_back(window, qtbot, clock, hurt, player)


def test_a_mild_answer_still_goes_back_to_the_routine(window, qtbot, clock, cues):
    player = start(window, qtbot, clock)
    hurt = hurt_screen(window, qtbot, player)
    give(qtbot, hurt, 3, False)
    assert hurt.back_button.isVisible() and hurt.back_button.isEnabled()
    assert owed_check(window, clock) is None
    qtbot.keyClick(hurt, Qt.Key.Key_Escape)
    assert window.flow is player
    qtbot.keyClick(player, Qt.Key.Key_Space)
    advance(window, clock, 2)
    assert player.segment.text() != "Paused"


def test_the_testers_path_by_keyboard_ends_at_the_check_and_the_walk_waits(
    window, qtbot, clock, cues
):
    """H, 2, Yes, then Esc at every screen: the routine never comes back, and leaving the
    check holds the walk (Today says so first; Start the walk opens the check)."""
    all_clear_check(window, clock)
    player = start(window, qtbot, clock)
    hurt = hurt_screen(window, qtbot, player)
    qtbot.keyClick(hurt.rating, Qt.Key.Key_2)
    hurt.spreading_yes.setFocus()
    qtbot.keyClick(hurt.spreading_yes, Qt.Key.Key_Space)
    assert hurt.spreading_yes.isChecked()
    for _ in range(3):  # the hurt screen, the ratings after, the first question
        qtbot.keyClick(window.flow, Qt.Key.Key_Escape)
        assert window.flow is not player
        if window.flow is None:
            break
        qtbot.keyClick(window.flow, Qt.Key.Key_Space)
    assert window.flow is None and window.running_session() is None
    first = today_cards(window)[0]
    assert first.title_label.text() == "Finish your safety check before the next walk"
    page = window.show_page("walk")
    click(qtbot, page.start)
    assert isinstance(window.flow, QuestionScreen)  # no walking test starts


# -- closed on the way: the check is owed at the next start ---------------------------------


def active(window, qtbot):
    """A window of its own (no other one open), active: its keys work."""
    window._cues = FakeCuePlayer(strict=True)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def close(window) -> None:
    window.context.dialogs.choices[:0] = [1]  # "Stop and close", if it asks
    window.close()
    window.context.close_database()


def today_cards(window) -> list[Card]:
    box = window.show_page("today")._items_box
    cards = [box.itemAt(i).widget() for i in range(box.count())]
    return [c for c in cards if isinstance(c, Card)]


def held_at_next_start(make_window, qtbot, clock) -> None:
    again = active(make_window(), qtbot)
    again.safety.on_startup()  # as the app does once the data is open
    question = again.flow
    assert isinstance(question, QuestionScreen)  # the check first, before anything
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # left again: "Back to Today"
    assert again.flow is None
    first = today_cards(again)[0]
    assert first.title_label.text() == "Finish your safety check before the next walk"
    due = due_at(again.context.coach.database, clock.now())
    assert due.check_waiting is not None and due.walk.waits_for_check
    page = again.show_page("walk")
    assert "safety check" in page.due_text.text()
    click(qtbot, page.start)  # the walk waits: the check comes instead
    assert isinstance(again.flow, QuestionScreen)
    qtbot.keyClick(again.flow, Qt.Key.Key_Escape)
    page = again.show_page("exercises")
    click(qtbot, page.routine_buttons["gentle-start"][0])  # the routine waits too
    assert isinstance(again.flow, QuestionScreen)
    [session] = routine_sessions(again)
    assert session.end_reason.value == "stopped"


@pytest.mark.parametrize(
    ("pain", "spreading", "where"),
    [
        (2, True, "hurt"),  # closed right as the answer is given
        (8, None, "hurt"),  # the second question not answered yet
        (None, True, "hurt"),
        (2, True, "ratings"),  # closed on "How are your legs and back now?"
        (8, False, "check"),  # closed in the middle of the check
    ],
    ids=["answered", "pain-only", "spreading-only", "on-the-ratings", "mid-check"],
)
def test_closing_on_the_way_to_the_check_holds_everything_at_the_next_start(
    make_window, qtbot, clock, pain, spreading, where
):
    window = active(make_window(), qtbot)
    all_clear_check(window, clock)
    player = start(window, qtbot, clock)
    hurt = hurt_screen(window, qtbot, player)
    give(qtbot, hurt, pain, spreading)
    if where in ("ratings", "check"):
        click(qtbot, hurt.stop_button)
        assert isinstance(window.flow, RatingsScreen)
    if where == "check":
        click(qtbot, window.flow.skip)
        question = window.flow
        assert isinstance(question, QuestionScreen)
        click(qtbot, question.no)
    close(window)
    held_at_next_start(make_window, qtbot, clock)


# -- the follow-up question in view ----------------------------------------------------------


def settle() -> None:
    from PySide6.QtCore import QEvent

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


@pytest.mark.parametrize("size", [TextSize.EXTRA_LARGE, TextSize.NORMAL], ids=lambda s: s.value)
@pytest.mark.parametrize(
    ("pain", "spreading"),
    [(2, None), (2, False), (2, True), (8, None), (8, False), (None, True)],
    ids=["pain-2", "pain-2-no", "pain-2-yes", "pain-8", "pain-8-no", "yes-only"],
)
def test_the_follow_up_question_stays_whole_in_view(
    window, qtbot, clock, cues, size, pain, spreading
):
    window.context.update_settings(text_size=size)
    window.resize(WIDTH, HEIGHT)
    player = start(window, qtbot, clock)
    hurt = hurt_screen(window, qtbot, player)
    settle()
    hurt.content_area.verticalScrollBar().setValue(0)
    give(qtbot, hurt, pain, spreading)
    settle()
    assert (window.width(), window.height()) == (WIDTH, HEIGHT)
    line = QFontMetrics(hurt.spreading_yes.font()).height()
    asked = [hurt.spreading_question, hurt.spreading_yes, hurt.spreading_no, *hurt.rating.buttons]
    ways = [b for b in (hurt.skip_button, hurt.stop_button, hurt.carry_on, hurt.back_button)]
    for widget in [*asked, *[b for b in ways if b.isVisible()], hurt.advice]:
        name = widget.accessibleName() or widget.text()
        if widget is hurt.advice and not widget.text():
            continue
        assert widget.isVisible(), name
        whole = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert shown_part(widget) == whole, f"{name}: {whole} is not all in view"
        assert whole.height() >= line, f"{name}: squeezed to {whole.height()} px"
        assert window.rect().contains(whole), name
