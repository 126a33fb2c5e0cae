"""Keys with Ctrl, Alt or Meta never change a value, anywhere (house rule; UI.md keyboard).

A sweep: on every page and on the flow screens a fixture can reach, every control the Tab
key stops on gets Ctrl, Alt and Meta with Space, Enter, the arrows, PageUp/PageDown,
Home/End, the digits and + and -. After each key nothing a user would notice as a change
may have happened: no box ticked, no choice moved, no number, date, text, rating or list
choice changed, no button pressed, no row opened, nothing saved, no screen opened or left,
no dialog or popup shown. The app's own commands among those keys are allowed, named here:
Ctrl+1 … Ctrl+7 switch pages where the rail is shown, and Alt+Up/Alt+Down open a date box's
calendar or a list's choices (opening changes nothing; the choice is checked after Esc).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from stenosis_coach.core.today import LOG_ACTION, ZCQ_ACTION
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services.changes import Changes
from stenosis_coach.services.walks import log_walk
from stenosis_coach.ui.inputs import RatingScale

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
META = Qt.KeyboardModifier.MetaModifier
MODIFIERS = {"Ctrl": CTRL, "Alt": ALT, "Meta": META}
KEYS = {
    "Space": Qt.Key.Key_Space,
    "Enter": Qt.Key.Key_Return,
    "Up": Qt.Key.Key_Up,
    "Down": Qt.Key.Key_Down,
    "Left": Qt.Key.Key_Left,
    "Right": Qt.Key.Key_Right,
    "PageUp": Qt.Key.Key_PageUp,
    "PageDown": Qt.Key.Key_PageDown,
    "Home": Qt.Key.Key_Home,
    "End": Qt.Key.Key_End,
    **{str(n): Qt.Key(Qt.Key.Key_0 + n) for n in range(10)},
    "+": Qt.Key.Key_Plus,
    "-": Qt.Key.Key_Minus,
}
PAGE_KEYS = {f"Ctrl+{n}" for n in range(1, 8)}  # the rail's commands: switch pages
OPENS_A_LIST = {"Alt+Up", "Alt+Down"}  # a date box's calendar, a list's choices
LAKESIDE = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"


def two_walks(window) -> None:
    for day, minutes in ((date(2026, 2, 26), "12"), (date(2026, 2, 27), "15")):
        log_walk(
            window.context.coach.database,
            WalkForm(WalkKind.TRAINING, day, minutes, peak_leg_pain=2),
            window.context.clock.now(),
        )
    window.context.announce(Changes.all())


# --- reaching the screens -------------------------------------------------------------


def on_page(key: str) -> Callable:
    def reach(window, qtbot, dialogs):
        return window.show_page(key)

    return reach


def daily_log(window, qtbot, dialogs):
    window.today.action_requested.emit(LOG_ACTION)
    return window.flow


def walk_log(window, qtbot, dialogs):
    qtbot.mouseClick(window.show_page("walk").log, Qt.MouseButton.LeftButton)
    return window.flow


def treatment_form(window, qtbot, dialogs):
    qtbot.mouseClick(window.show_page("progress").add_treatment, Qt.MouseButton.LeftButton)
    return window.flow


def routine_ratings(window, qtbot, dialogs):
    page = window.show_page("exercises")
    start_button, _choose = next(iter(page.routine_buttons.values()))
    qtbot.mouseClick(start_button, Qt.MouseButton.LeftButton)
    return window.flow


def questionnaire(window, qtbot, dialogs):
    window.today.action_requested.emit(ZCQ_ACTION)
    window.flow.start.click()
    return window.flow


def my_activities(window, qtbot, dialogs):
    from stenosis_coach.ui.outcomes.screens import ActivitiesScreen, ZcqQuestionScreen

    questionnaire(window, qtbot, dialogs)
    for _ in range(40):
        if not isinstance(window.flow, ZcqQuestionScreen):
            break
        qtbot.mouseClick(window.flow.answers[1], Qt.MouseButton.LeftButton)
    screen = window.flow
    assert isinstance(screen, ActivitiesScreen)
    qtbot.keyClicks(screen.new_words, "standing long enough to cook")
    qtbot.keyClick(screen.new_words, Qt.Key.Key_Return)
    return screen


def plan_preview(window, qtbot, dialogs):
    dialogs.paths.append(LAKESIDE)
    window.plans.choose_and_import()
    return window.flow


def safety_question(window, qtbot, dialogs):
    window.safety.on_startup()
    qtbot.mouseClick(window.flow.start, Qt.MouseButton.LeftButton)
    return window.flow


SCREENS: dict[str, Callable] = {
    "rail": lambda window, qtbot, dialogs: window.rail,
    **{
        f"{key} page": on_page(key)
        for key in ("today", "walk", "exercises", "progress", "report", "therapist", "settings")
    },
    "daily log": daily_log,
    "walk log": walk_log,
    "treatment form": treatment_form,
    "ratings before a routine": routine_ratings,
    "questionnaire question": questionnaire,
    "My activities": my_activities,
    "plan preview": plan_preview,
    "safety question": safety_question,
}


# --- what a user would notice ---------------------------------------------------------


def value_of(widget: QWidget):
    """The value a control shows, or None for a control that holds none."""
    if isinstance(widget, RatingScale):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractSlider) and not isinstance(widget, QScrollBar):
        return widget.value()
    if isinstance(widget, QAbstractItemView) and widget.selectionModel() is not None:
        return tuple(
            sorted((i.row(), i.column()) for i in widget.selectionModel().selectedIndexes())
        )
    return None


def name_of(widget: QWidget) -> str:
    if not shiboken6.isValid(widget):
        return "a control now gone"
    words = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {words!r}"


@dataclass
class Watch:
    """Everything a modifier key must leave as it was, for one screen of one window."""

    window: object
    dialogs: object
    root: QWidget
    presses: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for button in self.root.findChildren(QAbstractButton):
            button.pressed.connect(lambda b=button: self.presses.append(f"pressed {name_of(b)}"))
            button.clicked.connect(
                lambda *_a, b=button: self.presses.append(f"clicked {name_of(b)}")
            )
        for view in self.root.findChildren(QAbstractItemView):
            view.activated.connect(
                lambda *_a, v=view: self.presses.append(f"opened a row of {name_of(v)}")
            )

    def controls(self) -> dict[int, tuple[str, object]]:
        found = {}
        for widget in [self.root, *self.root.findChildren(QWidget)]:
            value = value_of(widget)
            if value is not None:
                found[id(widget)] = (name_of(widget), value)
        for group in self.root.findChildren(QButtonGroup):
            found[id(group)] = ("a group of choices", group.checkedId())
        return found

    def world(self) -> dict[str, object]:
        """What a key may not change anywhere: cheap enough to look at after every key."""
        window = self.window
        return {
            "data saved": window.context.coach.database.generation,
            "settings": window.context.settings,
            "screen": window.flow,
            "page": window.current_key(),
            "dialogs": len(self.dialogs.shown),
            "modal window": QApplication.activeModalWidget(),
        }

    def windows(self) -> tuple:
        return tuple(w for w in QApplication.topLevelWidgets() if w.isVisible())


def turn() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def tab_stops(root: QWidget, qtbot) -> list[QWidget]:
    """The controls of ``root`` in the order Tab reaches them (from the first one on)."""
    start = root if root.focusPolicy() & Qt.FocusPolicy.TabFocus else None
    if start is None:
        first = root.nextInFocusChain()
        while first is not root and not (
            root.isAncestorOf(first)
            and first.isVisible()
            and first.isEnabled()
            and first.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            first = first.nextInFocusChain()
        start = first
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(400):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        if widget is root or root.isAncestorOf(widget):
            seen.append(widget)
        if isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.tabChangesFocus():
            widget.nextInFocusChain().setFocus(
                Qt.FocusReason.TabFocusReason
            )  # not a key: Tab would type into it
            continue
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def own_value(control: QWidget):
    """The focused control's value, with its group's choice (arrows move a choice)."""
    group = control.group() if isinstance(control, QAbstractButton) else None
    return value_of(control), group.checkedId() if group is not None else None


def differences(before: dict, after: dict) -> list[str]:
    changed = []
    for ident, (name, value) in before.items():
        now = after.get(ident)
        if now is None or now[1] != value:
            changed.append(f"{name}: {value!r} -> {now[1] if now else 'gone'!r}")
    return changed


def sweep(window, dialogs, root: QWidget, qtbot) -> list[str]:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    watch = Watch(window, dialogs, root)
    stops = tab_stops(root, qtbot)
    assert stops, "Tab reaches no control"
    rail_shown = window.rail.isVisible()
    findings: list[str] = []
    for control in stops:
        if not shiboken6.isValid(control):
            continue
        control_name = name_of(control)
        before_controls, before_world = watch.controls(), watch.world()
        before_windows = watch.windows()
        control.setFocus(Qt.FocusReason.TabFocusReason)
        for mod_name, modifier in MODIFIERS.items():
            for key_name, key in KEYS.items():
                combo = f"{mod_name}+{key_name}"
                if rail_shown and combo in PAGE_KEYS:
                    continue  # a command: switches the page (tests/ui/test_focus.py)
                value = own_value(control)
                if QApplication.focusWidget() is not control:
                    control.setFocus(Qt.FocusReason.TabFocusReason)
                qtbot.keyClick(control, key, modifier)
                popup = QApplication.activePopupWidget()
                if popup is not None:
                    if combo not in OPENS_A_LIST:
                        findings.append(f"{control_name}: {combo}: opened a popup")
                    qtbot.keyClick(popup, Qt.Key.Key_Escape)
                what = list(watch.presses)
                watch.presses.clear()
                after_world = watch.world()
                what += [f"{k} changed" for k, was in before_world.items() if after_world[k] != was]
                gone = not shiboken6.isValid(control)
                if not gone and own_value(control) != value:
                    what.append(f"its value: {value!r} -> {own_value(control)!r}")
                if what:
                    findings.append(f"{control_name}: {combo}: " + "; ".join(what))
                    if gone or any(after_world[k] != before_world[k] for k in ("screen", "page")):
                        return findings  # the screen is gone: nothing more to sweep here
                    before_world = after_world
        if not shiboken6.isValid(control):
            continue
        turn()
        after_controls = watch.controls()
        changed = differences(before_controls, after_controls)
        if changed:
            findings.append(f"{control_name}: its keys changed " + "; ".join(changed))
        if watch.windows() != before_windows:
            findings.append(f"{control_name}: its keys opened or closed a window")
    return findings


@pytest.mark.qt_log_ignore("This plugin does not support")  # a calendar opened offscreen
@pytest.mark.parametrize("screen", list(SCREENS))
def test_modifier_keys_change_nothing(make_window, dialogs, qtbot, screen):
    window = make_window()
    two_walks(window)  # the walk page's table and the progress page's rows have rows
    root = SCREENS[screen](window, qtbot, dialogs)
    assert root is not None and root.isVisible()
    findings = sweep(window, dialogs, root, qtbot)
    assert not findings, "\n".join(findings)
