"""The Qt side of session recording: a once-a-second heartbeat while a session runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer

from stenosis_coach.core.sessions import HEARTBEAT_INTERVAL_S
from stenosis_coach.services.recording import SessionRecorder


class SessionHeartbeat(QObject):
    """Calls :meth:`SessionRecorder.heartbeat` every second until stopped."""

    def __init__(self, recorder: SessionRecorder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._recorder = recorder
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(int(HEARTBEAT_INTERVAL_S * 1000))
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def beat(self) -> None:
        if self._recorder.active:
            self._recorder.heartbeat()
        else:
            self._timer.stop()
