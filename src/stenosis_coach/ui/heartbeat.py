"""The Qt side of session recording: a once-a-second heartbeat while a session runs, and
what the patient is told when the disk does not take what is recorded (issue 13 item 5)
or another program removed the data file's WAL (item 9).

The rule itself is plain Python (:class:`~stenosis_coach.services.recording.PendingWrites`):
this only calls it each second, shows a calm notice on the session screen (one notice,
never a box a second), keeps trying after the session ended, and asks before the app
closes with something not written yet.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from stenosis_coach.core.sessions import HEARTBEAT_INTERVAL_S
from stenosis_coach.errors import DiskFull, UserError
from stenosis_coach.i18n import N_, _
from stenosis_coach.services.recording import PendingWrites, SessionRecorder, pending_writes
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.widgets import SPACING, Card, label

if TYPE_CHECKING:
    from stenosis_coach.services.coach import Coach

log = logging.getLogger(__name__)

SAVED_AGAIN_BEATS = 6  # "Saved again" stays this many heartbeats, then the notice goes
TOLD_BEATS = 15  # a one-off piece of news (a lost file saved again) stays this long

SAVED_AGAIN = N_("Saved again. Everything you did is saved.")


def why_not_saved(problem: UserError | None) -> str:
    """The reason, in words a patient can act on."""
    if isinstance(problem, DiskFull) or problem is None:
        return _("The disk is full")
    return _("The folder of your data cannot be written to just now")


def what_to_do(problem: UserError | None) -> str:
    if isinstance(problem, DiskFull) or problem is None:
        return _("free some space on the computer")
    return _("ask a helper to look at the folder of your data")


NOT_SAVED_TITLE = N_("Your last session is not saved yet")  # shown as _(NOT_SAVED_TITLE)


def only_in_the_app(problem: UserError | None) -> str:
    """Why what was recorded is not on disk yet, as the start of a question or a message."""
    return _("{why}, so your last session is still only in the app.").format(
        why=why_not_saved(problem)
    )


def waiting_writes(coach: Coach | None) -> PendingWrites | None:
    """What still waits for the disk of ``coach`` after one more try; ``None`` once all
    of it is written (or no data is open)."""
    return None if coach is None else coach.waiting_writes()


def waiting_text(problem: UserError | None) -> str:
    """The notice while what is recorded waits in the app: short, so that the timer and
    the instruction keep their room at every text size."""
    return _(
        "{why}, but nothing is lost: the app keeps what you do. Carry on, and {what_to_do} "
        "when you can."
    ).format(why=why_not_saved(problem), what_to_do=what_to_do(problem))


class SessionHeartbeat(QObject):
    """Calls :meth:`SessionRecorder.heartbeat` every second until stopped.

    Signals:
        notice_changed(str): what the session screen should say about saving ("" when
            there is nothing to say). Emitted only when it changes.
    """

    notice_changed = Signal(str)

    def __init__(self, recorder: SessionRecorder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._recorder = recorder
        self._pending = watch(recorder)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(int(HEARTBEAT_INTERVAL_S * 1000))
        self._timer.timeout.connect(self.beat)
        self._notice = ""
        self._waiting = False
        self._saved_again_beats = 0
        self._told, self._told_beats = "", 0

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def notice(self) -> str:
        return self._notice

    def beat(self) -> None:
        if self._recorder.active:
            self._recorder.heartbeat()
        else:
            self.stop()
        self._update_notice()

    def show_notice_in(
        self, screen: QWidget, saved_later: Callable[[], None] | None = None
    ) -> SavingNotice:
        """Put the saving notice at the top of a session screen (a ``PageBase``).
        ``saved_later`` is called once what waited for the disk is written (the pages
        then show it), even after the session ended."""
        if saved_later is not None:
            self._pending.on_saved = saved_later
        notice = SavingNotice(screen)
        screen.column.insertWidget(0, notice)  # type: ignore[attr-defined]
        self.notice_changed.connect(notice.say)
        notice.say(self._notice)
        return notice

    def _update_notice(self) -> None:
        told = self._recorder.take_files_notice()  # a lost WAL file saved again: say once
        if told:
            self._told, self._told_beats = told, TOLD_BEATS
        problem = self._pending.problem
        if problem is not None:
            self._waiting, self._saved_again_beats = True, SAVED_AGAIN_BEATS
            text = waiting_text(problem)
        elif self._waiting:  # just written, all of it
            self._waiting = False
            text = _(SAVED_AGAIN)
        elif self._saved_again_beats > 0:
            self._saved_again_beats -= 1
            text = _(SAVED_AGAIN) if self._saved_again_beats else ""
        else:
            text = ""
        if not text and self._told_beats > 0:
            self._told_beats -= 1
            text = self._told
        if text != self._notice:
            self._notice = text
            self.notice_changed.emit(text)


class SavingNotice(Card):
    """A calm panel on the session screen, shown only while there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, role="warning", parent=parent)
        self.body.setContentsMargins(2 * SPACING, SPACING, 2 * SPACING, SPACING)
        self.text = label("")
        self.body.addWidget(self.text)
        self.setAccessibleName(_("Saving"))
        self.hide()

    def say(self, text: str) -> None:
        self.text.setText(text)
        self.text.setAccessibleName(text)  # read out as it is shown
        self.setVisible(bool(text))


# -- whatever the screen: keep trying until everything is written --------------------------
_retrying: dict[int, QTimer] = {}


def watch(recorder: SessionRecorder) -> PendingWrites:
    """The writes of the recorder's database that wait for the disk, tried again every
    second from the moment they start to wait (during the session and after it) until
    all are written."""
    db = recorder.database
    pending = pending_writes(db)
    if pending.on_held is None:
        db_ref = weakref.ref(db)  # the queue lives as long as its database, not longer

        def gone() -> bool:
            found = db_ref()
            return found is None or found.closed

        def held() -> None:
            keep_trying(pending, gone)

        pending.on_held = held
    return pending


def keep_trying(pending: PendingWrites, gone: Callable[[], bool]) -> QTimer | None:
    """Once a second, try the writes still waiting for the disk, until all are written or
    their data is ``gone`` (closed). One timer per queue (one queue per database)."""
    if gone() or pending.saved or id(pending) in _retrying:
        return _retrying.get(id(pending))
    timer = QTimer()
    timer.setInterval(int(HEARTBEAT_INTERVAL_S * 1000))

    def retry() -> None:
        if gone() or pending.retry():
            if not pending.saved:
                log.error("database closed with %d session writes not saved", pending.waiting)
            timer.stop()
            _retrying.pop(id(pending), None)

    timer.timeout.connect(retry)
    timer.start()
    _retrying[id(pending)] = timer
    return timer


def retry_timer(pending: PendingWrites) -> QTimer | None:
    """The timer trying ``pending`` again after the session ended (for tests), if one
    runs."""
    return _retrying.get(id(pending))


def may_close_with_unsaved(coach: Coach | None, dialogs: Dialogs) -> bool:
    """Before the app closes: if some of what was recorded is still only in the app, say
    so and let the patient keep the app open, try again, or close anyway. ``True`` when
    the app may close."""
    pending = waiting_writes(coach)
    while pending is not None:
        choice = dialogs.choose(
            _(NOT_SAVED_TITLE),
            _(
                "{only_in_the_app} If you close the app now, it is lost. Please "
                "{what_to_do}, then choose Try again."
            ).format(
                only_in_the_app=only_in_the_app(pending.problem),
                what_to_do=what_to_do(pending.problem),
            ),
            [_("Keep the app open"), _("Try again"), _("Close and lose it")],
        )
        if choice == 2:
            log.error("closed with %d session writes not saved", pending.waiting)
            timer = _retrying.pop(id(pending), None)
            if timer is not None:
                timer.stop()
            return True
        if choice != 1:
            assert coach is not None  # something waits: the data is open
            keep_trying(pending, lambda: coach.closed)
            return False
        pending = waiting_writes(coach)  # Try again
    return True
