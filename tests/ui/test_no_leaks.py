"""Windows made by a test are really closed and deleted (issue 12): nothing of them, no
widget and no timer, outlives the test, so the next test starts as fast as the first."""

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import close_and_delete


@pytest.mark.parametrize("round_", range(3))
def test_no_widget_of_an_earlier_test_is_still_alive(make_window, round_):
    # Only this test's window and what it owns: the rounds before left nothing behind.
    from stenosis_coach.ui.main_window import MainWindow

    window = make_window()
    # Widgets other test files make by hand (a menu, a dialog) are theirs to close; what
    # must never survive is a part of an earlier test's main window.
    earlier = [
        w
        for w in QApplication.allWidgets()
        if isinstance(w.window(), MainWindow) and w.window() is not window
    ]
    assert earlier == []


def test_a_closed_window_leaves_no_widget_and_no_running_timer(make_window, qtbot, dialogs):
    from stenosis_coach.ui.cues import FakeCuePlayer

    before = len(QApplication.allWidgets())
    window = make_window()
    window._cues = FakeCuePlayer(strict=True)
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    timers = [coach.timer, coach.heartbeat._timer]
    assert all(t.isActive() for t in timers)
    close_and_delete([window], dialogs)
    assert len(QApplication.allWidgets()) == before
    # The coach and its timers went with the window: they can never fire into deleted
    # screens.
    assert not any(shiboken6.isValid(x) for x in (window, coach, *timers))
