"""The walk coach shows all its words without scrolling (a person walking never scrolls):
on a 1024x700 screen with extra-large text, in light and high contrast, for a walking
test and a training walk, walking, resting and paused, every text of the screen lies
whole in view above the pinned buttons, and nothing scrolls. A larger window keeps the
big timer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import walks
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen

# A 1024x700 screen: the whole window (menu bar included) at that size, and the window a
# window manager leaves there when maximised (its frame and title bar around it; measured
# on the tester's screenshot: 1016x656).
SHORT_WINDOWS = [(1024, 700), (1016, 656)]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def start_walk(window, qtbot, clock, kind: WalkKind) -> WalkCoachScreen:
    if kind is WalkKind.TRAINING:  # a test yesterday: today's walk is a training walk
        day = (clock.now() - timedelta(days=1)).astimezone(walks.LOCAL).date()
        form = WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=3)
        walks.log_walk(window.context.coach.database, form, clock.now())
        window.context.data_changed.emit()
    page = window.show_page("walk")
    click(qtbot, page.start)
    screen = window.flow
    assert isinstance(screen, WalkCoachScreen) and screen.kind is kind
    return screen


def later(window, clock, seconds: float) -> None:
    clock.advance(seconds)
    window.walking.coach.tick()


def walk_test_started(window, qtbot, clock):  # the longest instruction: symptoms not yet felt
    screen = start_walk(window, qtbot, clock, WalkKind.TEST)
    later(window, clock, 95)
    assert "Symptoms starting" in screen.instruction.text()
    return screen


def walk_test_after_symptoms(window, qtbot, clock):
    screen = start_walk(window, qtbot, clock, WalkKind.TEST)
    later(window, clock, 95)
    qtbot.keyClick(screen, Qt.Key.Key_S)
    later(window, clock, 700)  # past ten minutes: the timer gains a digit
    assert screen.sub.text().startswith("Symptoms started at")
    return screen


def walk_test_paused(window, qtbot, clock):
    screen = start_walk(window, qtbot, clock, WalkKind.TEST)
    later(window, clock, 95)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert screen.phase.text() == "Paused"
    return screen


def bout(window, qtbot, clock):
    screen = start_walk(window, qtbot, clock, WalkKind.TRAINING)
    later(window, clock, 95)
    assert screen.phase.text().startswith("Bout 1")
    assert "left in this bout" in screen.sub.text()
    return screen


def resting(window, qtbot, clock):
    screen = bout(window, qtbot, clock)
    qtbot.keyClick(screen, Qt.Key.Key_S)  # symptoms: a rest
    later(window, clock, 10)
    assert screen.phase.text() == "Rest 1"
    assert "Ready" in screen.sub.text()
    return screen


def ready_to_go_on(window, qtbot, clock):  # the rest's longer instruction
    screen = resting(window, qtbot, clock)
    later(window, clock, 60)
    assert "Press ready" in screen.instruction.text()
    return screen


def second_bout(window, qtbot, clock):  # one rest taken: the progress line says so
    screen = ready_to_go_on(window, qtbot, clock)
    qtbot.keyClick(screen, Qt.Key.Key_R)
    later(window, clock, 30)
    assert screen.phase.text().startswith("Bout 2")
    assert "1 rest" in screen.progress_text.text()
    return screen


def training_paused(window, qtbot, clock):
    screen = bout(window, qtbot, clock)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    return screen


SCREENS = [
    walk_test_started,
    walk_test_after_symptoms,
    walk_test_paused,
    bout,
    resting,
    ready_to_go_on,
    second_bout,
    training_paused,
]


def texts_of(screen: WalkCoachScreen) -> list[QLabel]:
    return [
        screen.title,
        screen.phase,
        screen.timer,
        screen.sub,
        screen.instruction,
        screen.progress_text,
    ]


def assert_all_in_view(window, screen: WalkCoachScreen) -> None:
    area = screen.content_area
    assert area is not None
    area.verticalScrollBar().setValue(0)  # as the screen opens: nothing scrolled
    settle()
    viewport = QRect(area.viewport().mapTo(window, QPoint(0, 0)), area.viewport().size())
    assert area.verticalScrollBar().maximum() == 0, "the walk coach has to be scrolled"
    assert not area.verticalScrollBar().isVisible(), "a scroll bar shows"
    for text in texts_of(screen):
        if not text.text():
            continue
        said = text.text()
        whole = QRect(text.mapTo(window, QPoint(0, 0)), text.size())
        assert viewport.contains(whole), f"{said!r}: {whole} is not all in {viewport}"
        if text.wordWrap():  # its lines all fit the height it was given
            assert text.height() >= text.heightForWidth(text.width()), f"{said!r} is cut"
        else:
            assert text.width() >= text.sizeHint().width(), f"{said!r} is cut"
            assert text.height() >= text.sizeHint().height(), f"{said!r} is cut"
    bar = QRect(screen.progress.mapTo(window, QPoint(0, 0)), screen.progress.size())
    assert viewport.contains(bar), "the bar of how far along is out of view"
    for button in (screen.main, screen.stop):  # the buttons stay pinned, in the window
        place = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert window.rect().contains(place) and not viewport.intersects(place)


@pytest.mark.parametrize("window_size", SHORT_WINDOWS, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("contrast", [False, True], ids=["light", "high-contrast"])
@pytest.mark.parametrize("open_screen", SCREENS, ids=lambda f: f.__name__)
def test_the_walk_coach_shows_every_word_at_1024x700_extra_large(
    window, qtbot, clock, cues, contrast, open_screen, window_size
):
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE, high_contrast=contrast)
    window.resize(*window_size)
    screen = open_screen(window, qtbot, clock)
    settle()
    assert (window.width(), window.height()) == window_size  # the window did not grow
    assert_all_in_view(window, screen)


@pytest.mark.parametrize("size", list(TextSize), ids=lambda s: s.value)
@pytest.mark.parametrize(
    "window_size", [*SHORT_WINDOWS, (1280, 800)], ids=lambda s: "x".join(map(str, s))
)
@pytest.mark.parametrize(
    "open_screen", [walk_test_started, ready_to_go_on], ids=lambda f: f.__name__
)
def test_the_walk_coach_fits_at_every_text_size(
    window, qtbot, clock, cues, size, window_size, open_screen
):
    window.context.update_settings(text_size=size)
    window.resize(*window_size)
    screen = open_screen(window, qtbot, clock)
    settle()
    assert_all_in_view(window, screen)


def test_the_timer_is_smaller_only_where_the_words_need_its_room(window, qtbot, clock, cues):
    """On the short screen the timer is a little smaller (never below UI.md's timer size);
    a larger window, or the window made larger, has the coach's full-size timer again, and
    a shorter instruction gives the timer its room back."""
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.resize(1016, 656)
    screen = walk_test_started(window, qtbot, clock)
    settle()
    full = screen.timer.font().pointSizeF()  # the coach timer's size at this text size
    short = screen.timer.digits_font().pointSizeF()
    assert window.context.settings.type_scale.key_number <= short < full
    window.resize(1280, 800)
    settle()
    assert screen.timer.digits_font().pointSizeF() == full
    assert_all_in_view(window, screen)
    window.resize(1016, 656)
    settle()
    assert screen.timer.digits_font().pointSizeF() == short
    assert_all_in_view(window, screen)
    qtbot.keyClick(screen, Qt.Key.Key_S)  # a shorter instruction: room for a larger timer
    later(window, clock, 1)
    settle()
    assert screen.timer.digits_font().pointSizeF() > short
    assert_all_in_view(window, screen)
