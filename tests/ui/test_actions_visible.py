"""Every screen of a session shows its buttons without scrolling (issue 12): at a 1024x700
window with extra-large text (and at the normal size) each action lies whole inside the
window, with the content above scrolling when it must, and big type stays big."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton

from stenosis_coach.core.safety import QUESTIONS
from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.today import LOG_ACTION
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import walks
from stenosis_coach.ui.exercises.screens import HurtScreen, PlayerScreen, RatingsScreen
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen, StandingTestScreen
from stenosis_coach.ui.safety.screens import (
    AllClearScreen,
    ClearanceScreen,
    QuestionScreen,
    SeekCareScreen,
    WelcomeScreen,
)
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.log_screen import LogWalkScreen
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen

WIDTH, HEIGHT = 1024, 700


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _ratings(window, qtbot, clock):
    page = window.show_page("exercises")
    click(qtbot, page.routine_buttons["gentle-start"][0])
    screen = window.flow
    assert isinstance(screen, RatingsScreen)
    return screen


def ratings(window, qtbot, clock):
    screen = _ratings(window, qtbot, clock)
    assert screen.chair.isVisibleTo(screen)  # a routine on the floor: a chair is offered
    return screen, [screen.chair, screen.go, screen.skip, screen.cancel]


def player(window, qtbot, clock):
    before = _ratings(window, qtbot, clock)
    click(qtbot, before.skip)
    screen = window.flow
    assert isinstance(screen, PlayerScreen)
    clock.advance(8)
    window.exercises.tick()
    buttons = [
        screen.back_button,
        screen.pause_button,
        screen.skip_button,
        screen.stop_button,
        screen.hurt_button,
    ]
    return screen, [*buttons, screen.countdown, screen.steps, screen.next_up]


def _hurt(window, qtbot, clock):
    playing, _ = player(window, qtbot, clock)
    click(qtbot, playing.hurt_button)
    screen = window.flow
    assert isinstance(screen, HurtScreen)
    return screen


def hurt_asked(window, qtbot, clock):
    screen = _hurt(window, qtbot, clock)  # both questions in view, with the ways out
    asked = [*screen.rating.buttons, screen.spreading_yes, screen.spreading_no]
    return screen, [*asked, screen.stop_button, screen.back_button]


def hurt(window, qtbot, clock):
    screen = _hurt(window, qtbot, clock)
    click(qtbot, screen.rating.buttons[2])
    click(qtbot, screen.spreading_no)
    return screen, [screen.skip_button, screen.stop_button, screen.carry_on, screen.back_button]


def _coach(window, qtbot, clock, kind):
    if kind is WalkKind.TRAINING:  # a test yesterday: today's walk is a training walk
        day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
        form = WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3)
        walks.log_walk(window.context.coach.database, form, clock.now())
        window.context.data_changed.emit()
    page = window.show_page("walk")
    click(qtbot, page.start)
    screen = window.flow
    assert isinstance(screen, WalkCoachScreen) and screen.kind is kind
    clock.advance(95)
    window.walking.coach.tick()
    return screen


def walk_test(window, qtbot, clock):
    screen = _coach(window, qtbot, clock, WalkKind.TEST)
    return screen, [screen.main, screen.pause, screen.end, screen.stop, screen.timer]


def training_walk(window, qtbot, clock):
    screen = _coach(window, qtbot, clock, WalkKind.TRAINING)
    return screen, [screen.main, screen.pause, screen.end, screen.stop, screen.timer]


def walk_resting(window, qtbot, clock):
    screen = _coach(window, qtbot, clock, WalkKind.TRAINING)
    qtbot.keyClick(screen, Qt.Key.Key_S)  # symptoms: a rest, its longer words in the banner
    assert screen.phase.text().startswith("Rest 1")
    said = [screen.phase, screen.timer, screen.sub, screen.instruction]  # when Ready comes
    return screen, [screen.main, screen.pause, screen.end, screen.stop, *said]


def walk_test_after_symptoms(window, qtbot, clock):
    screen = _coach(window, qtbot, clock, WalkKind.TEST)
    qtbot.keyClick(screen, Qt.Key.Key_S)
    clock.advance(700)  # past ten minutes: the timer gains a digit
    window.walking.coach.tick()
    assert screen.main.accessibleName() == "I need to stop"
    return screen, [screen.main, screen.pause, screen.stop, screen.timer]


def walk_summary(window, qtbot, clock):
    coach = _coach(window, qtbot, clock, WalkKind.TEST)
    click(qtbot, coach.stop)  # must stop: the summary says most before its buttons
    screen = window.flow
    assert isinstance(screen, WalkSummaryScreen)
    return screen, [*screen.pain.buttons, screen.save, screen.leave]  # the pain asked first


def training_summary(window, qtbot, clock):
    coach = _coach(window, qtbot, clock, WalkKind.TRAINING)
    click(qtbot, coach.stop)  # a training walk's summary has one more line: its rests
    screen = window.flow
    assert isinstance(screen, WalkSummaryScreen)
    return screen, [*screen.pain.buttons, screen.save, screen.leave]


def log_walk(window, qtbot, clock):
    page = window.show_page("walk")
    click(qtbot, page.log)
    screen = window.flow
    assert isinstance(screen, LogWalkScreen)
    return screen, [screen.save, screen.cancel]


def _daily(window):
    window.today.action_requested.emit(LOG_ACTION)
    screen = window.flow
    assert isinstance(screen, DailyLogScreen)
    return screen


def daily_log(window, qtbot, clock):
    screen = _daily(window)
    return screen, [screen.save, screen.cancel]


def standing_test(window, qtbot, clock):
    click(qtbot, _daily(window).standing_button)
    screen = window.flow
    assert isinstance(screen, StandingTestScreen)
    return screen, [screen.done, screen.cancel]


def treatment(window, qtbot, clock):
    window.page("progress")
    screen = window.progress.add_treatment()
    return screen, [screen.save, screen.cancel]


def plan_preview(window, qtbot, clock):
    from pathlib import Path

    plan = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"
    window.plans.import_files([plan])
    screen = window.flow
    return screen, [screen.import_button, screen.cancel]


def welcome(window, qtbot, clock):
    window.safety.on_startup()
    screen = window.flow
    assert isinstance(screen, WelcomeScreen)
    return screen, [screen.start, screen.later]


def question(window, qtbot, clock):
    window.safety.on_startup()
    click(qtbot, window.flow.start)
    click(qtbot, window.flow.no)  # question 2: Back is on
    screen = window.flow
    assert isinstance(screen, QuestionScreen)
    return screen, [screen.yes, screen.no, screen.back_button, screen.leave]


def _answer(window, qtbot, yes: set[str]):
    for _ in range(len(QUESTIONS) + 1):
        screen = window.flow
        if not isinstance(screen, QuestionScreen):
            return screen
        text = screen.question.text()
        item = next(q for q in QUESTIONS if text in (q.text, q.first_text))
        click(qtbot, screen.yes if item.id in yes else screen.no)
    raise AssertionError("the check never ended")


def emergency(window, qtbot, clock):
    window.safety.on_startup()
    click(qtbot, window.flow.start)
    screen = _answer(window, qtbot, {QUESTIONS[0].id})
    assert isinstance(screen, SeekCareScreen)
    return screen, [screen.ok]


def all_clear(window, qtbot, clock):
    window.safety.on_startup()
    click(qtbot, window.flow.start)
    screen = _answer(window, qtbot, set())
    assert isinstance(screen, AllClearScreen)
    return screen, [screen.ok]


def clearance(window, qtbot, clock):
    window.safety.on_startup()
    click(qtbot, window.flow.start)
    click(qtbot, _answer(window, qtbot, {q.id for q in QUESTIONS}).ok)
    window.safety.show_clearance()
    screen = window.flow
    assert isinstance(screen, ClearanceScreen)
    return screen, [screen.checked, screen.mistake, screen.back_button]


def zcq_intro(window, qtbot, clock):
    from stenosis_coach.core.today import ZCQ_ACTION
    from stenosis_coach.ui.outcomes.screens import ZcqIntroScreen

    window.today.action_requested.emit(ZCQ_ACTION)
    screen = window.flow
    assert isinstance(screen, ZcqIntroScreen)
    return screen, [screen.text, screen.start, screen.later]


def zcq_question(window, qtbot, clock):
    from stenosis_coach.ui.outcomes.screens import ZcqQuestionScreen

    intro, _ = zcq_intro(window, qtbot, clock)
    click(qtbot, intro.start)
    click(qtbot, window.flow.answers[2])  # question 2: Back is on
    screen = window.flow
    assert isinstance(screen, ZcqQuestionScreen)
    return screen, [screen.question, screen.back_button, screen.skip_button, screen.leave_button]


def _my_activities(window, qtbot, clock):
    from stenosis_coach.ui.outcomes.screens import ActivitiesScreen, ZcqQuestionScreen

    coach = window.context.coach
    for words in ("Standing long enough to cook", "Walking round the grocery store", "Gardening"):
        coach.add_activity(words)  # the demo data's three
    intro, _ = zcq_intro(window, qtbot, clock)
    click(qtbot, intro.start)
    for _ in range(20):
        if not isinstance(window.flow, ZcqQuestionScreen):
            break
        click(qtbot, window.flow.answers[0])
    screen = window.flow
    assert isinstance(screen, ActivitiesScreen)
    return screen


def my_activities(window, qtbot, clock):
    screen = _my_activities(window, qtbot, clock)
    return screen, [screen.title, screen.save, screen.back_button, screen.cancel]


def thank_you(window, qtbot, clock):
    from stenosis_coach.ui.outcomes.screens import ThankYouScreen

    click(qtbot, _my_activities(window, qtbot, clock).save)
    screen = window.flow
    assert isinstance(screen, ThankYouScreen)
    return screen, [screen.ok]


SCREENS = [
    ratings,
    player,
    hurt_asked,
    hurt,
    walk_test,
    training_walk,
    walk_resting,
    walk_test_after_symptoms,
    walk_summary,
    training_summary,
    log_walk,
    daily_log,
    standing_test,
    treatment,
    plan_preview,
    welcome,
    question,
    emergency,
    all_clear,
    clearance,
    zcq_intro,
    zcq_question,
    my_activities,
    thank_you,
]


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def shown_part(widget) -> QRect:
    """The part of ``widget`` the window shows, in window coordinates: clipped by every
    parent (a scroll area's viewport hides what is scrolled out of it)."""
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return shown


@pytest.mark.parametrize("size", [TextSize.EXTRA_LARGE, TextSize.NORMAL], ids=lambda s: s.value)
@pytest.mark.parametrize("open_screen", SCREENS, ids=lambda f: f.__name__)
def test_every_action_is_in_view_without_scrolling(window, qtbot, clock, cues, size, open_screen):
    window.context.update_settings(text_size=size)
    window.resize(WIDTH, HEIGHT)
    screen, widgets = open_screen(window, qtbot, clock)
    settle()
    assert (window.width(), window.height()) == (WIDTH, HEIGHT)  # the window did not grow
    for area in screen.window().findChildren(QAbstractScrollArea):
        area.verticalScrollBar().setValue(0)  # as the screen opens: nothing scrolled
        area.horizontalScrollBar().setValue(0)
    settle()
    body = window.context.settings.type_scale.body
    for widget in widgets:
        name = widget.accessibleName() or getattr(widget, "text", widget.objectName)()
        assert widget.isVisible(), name
        whole = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert shown_part(widget) == whole, f"{name}: {whole} is not all in view"
        assert window.rect().contains(whole), name
        assert widget.font().pointSizeF() >= body, f"{name}: its text shrank"
        if isinstance(widget, QPushButton):  # squeezed narrower, its words would be cut
            assert widget.width() >= widget.sizeHint().width(), f"{name}: words cut"


def test_the_player_comes_back_whole_after_this_hurts(window, qtbot, clock, cues):
    """The flow a screen covers is kept until the next one: "This hurts" then "Back to the
    routine" shows the same player again, even after Qt has run its deferred deletes."""
    playing, _ = player(window, qtbot, clock)
    click(qtbot, playing.hurt_button)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop does
    click(qtbot, window.flow.back_button)
    assert window.flow is playing and playing.isVisible()
    qtbot.keyClick(playing, Qt.Key.Key_Space)  # resume
    before = playing.countdown.text()
    clock.advance(1)
    window.exercises.tick()
    assert playing.countdown.text() != before


def test_the_chair_choice_stays_with_the_start_button(window, qtbot, clock):
    """Floor or chair is decided when the routine starts: the choice sits with the Start
    button, in view even in the smallest window the app allows."""
    from stenosis_coach.core.settings import MINIMUM_WINDOW_SIZE

    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(*MINIMUM_WINDOW_SIZE)
    _screen, widgets = ratings(window, qtbot, clock)
    settle()
    for widget in widgets:
        whole = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert shown_part(widget) == whole, f"{widget.accessibleName()} is not all in view"


def test_a_problem_below_the_fold_is_scrolled_into_view(window, qtbot, clock):
    """Save is pinned, so the field it complains about may be scrolled out of sight: the
    form brings that field and its message into view."""
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)
    screen, _ = log_walk(window, qtbot, clock)
    qtbot.keyClicks(screen.walking.edit, "20")
    click(qtbot, screen.pain.buttons[3])
    qtbot.keyClicks(screen.distance.edit, "inf")
    screen.content_area.verticalScrollBar().setValue(0)  # back at the top, as after typing
    settle()
    click(qtbot, screen.save)
    settle()
    error = screen._errors["distance_m"]
    assert error.text()
    for widget in (screen.distance.edit, error):
        whole = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        assert shown_part(widget) == whole, f"{widget.accessibleName() or error.text()}"


def test_a_problem_in_the_daily_log_below_the_fold_is_scrolled_into_view(window, qtbot, clock):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)
    screen, _ = daily_log(window, qtbot, clock)
    qtbot.keyClicks(screen.woken.edit, "inf")
    screen.content_area.verticalScrollBar().setValue(0)
    settle()
    click(qtbot, screen.save)
    settle()
    error = screen._errors["woken_by_leg_pain"]
    assert error.text()
    whole = QRect(error.mapTo(window, QPoint(0, 0)), error.size())
    assert shown_part(error) == whole, error.text()


def test_the_keyboard_focus_is_always_scrolled_into_view(window, qtbot, clock):
    """Shift+Tab from the pinned Save goes back into the form, to its last field, which is
    scrolled into view (Tab within a scroll area does that; coming from outside it did not)."""
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(WIDTH, HEIGHT)
    screen, _ = log_walk(window, qtbot, clock)
    screen.save.setFocus()
    settle()
    qtbot.keyClick(screen.save, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    settle()
    focused = QApplication.focusWidget()
    assert focused is screen.notes
    whole = QRect(focused.mapTo(window, QPoint(0, 0)), focused.size())
    assert shown_part(focused) == whole
