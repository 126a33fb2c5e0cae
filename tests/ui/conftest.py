"""GUI fixtures: a real window on a temp data dir, with scripted dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from stenosis_coach.ui.dialogs import Dialogs


class Question(NamedTuple):
    """A question asked through ``choose`` (or ``confirm``), with its safe option."""

    title: str
    text: str
    options: list[str]
    safe: int  # the option after which nothing changes: what Esc picks


class FakeDialogs(Dialogs):
    """Records every dialog; answers from scripted queues (default: the first option).
    :attr:`ESC` in ``choices`` answers as Esc does in the real box: the safe option."""

    ESC = "Esc"

    def __init__(self) -> None:
        super().__init__(None)
        self.shown: list[tuple[str, str, str]] = []  # (kind, title, text)
        self.questions: list[Question] = []
        self.choices: list[int | str | None] = []
        self.paths: list[Path | None] = []

    def inform(self, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))

    def warn(self, title: str, text: str) -> None:
        self.shown.append(("warn", title, text))

    def choose(self, title: str, text: str, options: list[str], safe: int = 0) -> int | None:
        assert 0 <= safe < len(options), f"{title}: no safe option"
        self.shown.append(("choose", title, text + " | " + " / ".join(options)))
        self.questions.append(Question(title, text, list(options), safe))
        answer = self.choices.pop(0) if self.choices else 0
        return safe if answer == self.ESC else answer

    def ask_save_name(self, title, suggested, file_filter):
        self.shown.append(("save_path", title, str(suggested)))
        return self.paths.pop(0)

    def folder_path(self, title, start):
        self.shown.append(("folder_path", title, str(start)))
        return self.paths.pop(0)

    def open_path(self, title, start, file_filter):
        self.shown.append(("open_path", title, str(start)))
        return self.paths.pop(0)

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.shown]


# Key and mouse actions after which Qt's deferred deletes are run (see below).
_QTBOT_ACTIONS = (
    "keyClick",
    "keyClicks",
    "keyPress",
    "keyRelease",
    "keySequence",
    "mouseClick",
    "mouseDClick",
    "mousePress",
    "mouseRelease",
)


@pytest.fixture(autouse=True)
def _deferred_deletes_run(request) -> None:
    """In the app, the event loop deletes what ``deleteLater`` marked as soon as control
    returns to it, between two key presses; tests have no running loop, so those deletes
    would never happen and a screen used after it was dropped would go unnoticed. Each key
    or mouse action through ``qtbot`` is followed by them here, as in the app."""
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    qtbot = request.getfixturevalue("qtbot")

    def then_deletes(action):
        def act(*args, **kwargs):
            result = action(*args, **kwargs)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            return result

        return act

    for name in _QTBOT_ACTIONS:
        setattr(qtbot, name, then_deletes(getattr(qtbot, name)))


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


def close_and_delete(windows, dialogs: FakeDialogs) -> None:
    """Really close each window (a session still running is stopped: "Stop and close") and
    delete it with everything it owns, so no widget, timer or heartbeat outlives its test."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for window in windows:
        if not shiboken6.isValid(window):
            continue
        coach = window.context.coach
        if coach is not None and not coach.closed and window.running_session() is not None:
            dialogs.choices[:0] = [1]  # "Stop and close"
        window.close()
        window.context.close_database()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_window(qtbot, paths, clock, dialogs):
    """Build windows on the test's data dir; at the end each is closed and deleted."""
    from stenosis_coach.ui.app import build_window

    made = []

    def make(open_data: bool = True):
        window = build_window(paths, clock, dialogs)
        window.resize(1100, 760)
        window.show()
        if open_data:
            from stenosis_coach.ui.startup import open_data as start

            assert start(window.context, window.data_actions)
        made.append(window)
        return window

    yield make
    close_and_delete(made, dialogs)
    made.clear()


@pytest.fixture
def window(make_window) -> Iterator[object]:
    return make_window()


@pytest.fixture
def cues(window):
    """Cues recorded, not played; strict, so a coach asking for a missing clip fails."""
    from stenosis_coach.ui.cues import FakeCuePlayer

    window._cues = FakeCuePlayer(strict=True)
    return window._cues
