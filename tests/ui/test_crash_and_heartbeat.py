"""Unexpected errors reach a calm dialog naming the log; the heartbeat ticks every second."""

import logging

from PySide6.QtCore import Qt

from stenosis_coach.errors import InvalidInput
from stenosis_coach.logging_setup import configure_logging
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.ui.crash import make_excepthook
from stenosis_coach.ui.heartbeat import SessionHeartbeat


def raise_and_hook(hook, exc):
    try:
        raise exc
    except BaseException as caught:
        hook(type(caught), caught, caught.__traceback__)


def test_a_bug_is_logged_and_the_dialog_names_the_log_file(paths):
    handler = configure_logging(paths)
    shown = []
    hook = make_excepthook(paths, lambda title, text: shown.append((title, text)))
    raise_and_hook(hook, KeyError("walk-engine"))
    handler.flush()
    assert shown[0][0] == "Something went wrong"
    assert str(paths.log_file) in shown[0][1]
    assert "KeyError: 'walk-engine'" in paths.log_file.read_text()
    logging.getLogger("stenosis_coach").removeHandler(handler)
    handler.close()


def test_an_expected_problem_shows_its_own_sentence(paths):
    shown = []
    hook = make_excepthook(paths, lambda title, text: shown.append((title, text)))
    raise_and_hook(hook, InvalidInput("The file plan.json is not a plan file."))
    assert shown == [("Something needs your attention", "The file plan.json is not a plan file.")]


def test_heartbeat_is_a_precise_one_second_timer_that_records(qtbot, db, clock):
    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    beat = SessionHeartbeat(rec)
    assert beat._timer.interval() == 1000
    assert beat._timer.timerType() == Qt.TimerType.PreciseTimer
    beat.start()
    clock.advance(1.0)
    beat.beat()  # what the timer calls; driven directly so the test never sleeps
    assert SessionRepository(db).get(sid).elapsed_s == 1.0
    rec.finish()
    beat.beat()
    assert not beat.running
