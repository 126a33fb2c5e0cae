"""Started at login (issue 16): ``--minimised`` opens the app hidden in the tray when there
is one (its icon shown, the way back to the window), else minimised; the data still opens."""

from __future__ import annotations

import pytest

from stenosis_coach import cli
from stenosis_coach.services import autostart
from stenosis_coach.ui import app as ui_app


class TrayStub:
    def __init__(self) -> None:
        self.shown = False

    def show(self) -> None:
        self.shown = True


@pytest.fixture
def unshown(qtbot, paths, clock, dialogs):
    """A window as run_app builds it, not shown yet; closed and deleted at the end."""
    from tests.ui.conftest import close_and_delete

    window = ui_app.build_window(paths, clock, dialogs)
    yield window
    close_and_delete([window], dialogs)


def test_a_normal_start_shows_the_window(unshown):
    assert ui_app.show_at_start(unshown) is True
    assert unshown.isVisible() and not unshown.isMinimized()


def test_minimised_with_a_tray_stays_hidden_and_shows_the_tray_icon(unshown):
    unshown.tray = TrayStub()
    assert ui_app.show_at_start(unshown, minimised=True) is False
    assert not unshown.isVisible() and unshown.tray.shown


def test_minimised_without_a_tray_is_minimised(unshown):
    unshown.tray = None
    assert ui_app.show_at_start(unshown, minimised=True) is False
    assert unshown.isMinimized()


def test_the_command_line_takes_minimised_to_the_window(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(
        cli,
        "open_app",
        lambda paths, plan, minimised=False: opened.append((paths.data_dir, plan, minimised)) or 0,
    )
    assert cli.main(["--data-dir", str(tmp_path), autostart.MINIMISED_OPTION]) == 0
    assert cli.main([autostart.MINIMISED_OPTION, "--data-dir", str(tmp_path)]) == 0
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert opened == [(tmp_path, None, True), (tmp_path, None, True), (tmp_path, None, False)]
