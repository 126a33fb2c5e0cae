"""macOS hands a double-clicked plan file to the app as an event, not on the command line."""

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from stenosis_coach.ui.file_open import PlanFileOpener


def send_open(path: str) -> None:
    app = QApplication.instance()
    app.sendEvent(app, QFileOpenEvent(path))


def test_plan_files_wait_for_the_data_then_open_in_order(qapp):
    opener = PlanFileOpener()
    qapp.installEventFilter(opener)
    try:
        send_open("/tmp/a.scplan.json")
        send_open("/tmp/notes.txt")  # not a plan: left alone
        send_open("/tmp/B.SCPLAN.JSON")
        opened: list[Path] = []
        opener.ready(opened.append)
        assert opened == [Path("/tmp/a.scplan.json"), Path("/tmp/B.SCPLAN.JSON")]
        send_open("/tmp/c.scplan.json")  # once ready, at once
        assert opened[-1] == Path("/tmp/c.scplan.json") and len(opened) == 3
    finally:
        qapp.removeEventFilter(opener)


def test_other_events_pass_through(qapp):
    opener = PlanFileOpener()
    assert not opener.eventFilter(QObject(), QFileOpenEvent("/tmp/x.json"))
