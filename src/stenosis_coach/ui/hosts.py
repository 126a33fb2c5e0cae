"""What a controller is given instead of the window (issue 14): small typed hosts.

A controller (the routine, the walk, the daily log, the safety check, the plan import)
runs full-window flows, may have to pass the safety gate before a session, and plays cues.
It is given exactly those, as the objects below, with the :class:`~.context.AppContext`;
it never holds the window. The window is a :class:`FlowHost`; the safety controller is a
:class:`SafetyGate`; a cue player (``ui.cues``) is a :class:`CuePlayer`. Tests give small
fakes instead (tests/ui/test_controller_hosts.py), with no window at all.

The data itself is the context's :class:`~stenosis_coach.services.coach.Coach`
(:func:`coach_of`): a controller reads through its methods and writes through
``ui.writes`` (which announces what changed).

Importing this module creates no QObject and imports no widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from stenosis_coach.services.coach import Coach
    from stenosis_coach.ui.context import AppContext


class FlowHost(Protocol):
    """Shows full-window flows (a check, a coach, a form) over the rail and the pages."""

    def show_flow(self, widget: QWidget) -> None:
        """Cover the pages with ``widget``; a screen of the flow shown again comes back as
        it was (the screens shown over it go)."""
        ...

    def end_flow(self, page: str = "today") -> None:
        """Back to the rail and the page ``page`` (a page key: "today", "walk" ...)."""
        ...

    def take_flow(self) -> QWidget | None:
        """What is open now (the flow's top screen), to come back to with
        :meth:`restore_flow` after another screen was shown over it."""
        ...

    def restore_flow(self, holder: QWidget | None) -> None:
        """Show again what :meth:`take_flow` gave (``None``: end the flow)."""
        ...


class SafetyGate(Protocol):
    """The red-flag safety questions around a session (DESIGN 5.5)."""

    def request_session(self, start: Callable[[], None]) -> None:
        """Call ``start`` now if a session may start; else ask first (the check left
        unfinished, or the clearance after a "yes") and start only once allowed."""
        ...

    def after_session(
        self,
        *,
        must_stop: bool = False,
        worst_hurt: int | None = None,
        new_symptoms: bool = False,
        rest_not_easing: bool = False,
    ) -> bool:
        """Open the safety check if the session's end calls for it; ``True`` if it did
        (the check's flow then shows, and the caller does not end the flow)."""
        ...


class CuePlayer(Protocol):
    """Plays a cue by its id (``resources/sounds/cues.json``); never raises."""

    def play(self, cue_id: str) -> None: ...


class CuesWhenNeeded:
    """A :class:`CuePlayer` that asks ``player`` for the real one at each cue: the real
    player (QtMultimedia, a sound device) is made only when a first cue plays."""

    def __init__(self, player: Callable[[], CuePlayer]) -> None:
        self._player = player

    def play(self, cue_id: str) -> None:
        self._player().play(cue_id)


def coach_of(context: AppContext) -> Coach:
    """The context's open Coach. A controller acts only while the data is open (its
    page, its flows and the safety gate need it); without it this is a bug."""
    coach = context.coach
    if coach is None or coach.closed:
        raise RuntimeError("no data is open")
    return coach
