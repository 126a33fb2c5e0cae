"""A data folder that cannot be written (issue 13, item 6): one sentence, a dialog, exit 1;
never a traceback, never a window that cannot save."""

from __future__ import annotations

import errno

import pytest

from stenosis_coach import (
    cli,
    logging_setup,  # noqa: F401 - imported before make_private_dir is patched
)
from stenosis_coach import paths as paths_module
from stenosis_coach.paths import AppPaths
from stenosis_coach.ui import app as _app


@pytest.fixture
def read_only(monkeypatch):
    def refuse(directory):
        raise OSError(errno.EROFS, "Read-only file system", str(directory))

    monkeypatch.setattr(paths_module, "make_private_dir", refuse)


def test_the_window_says_it_in_one_dialog_and_exits_1(
    tmp_path, read_only, monkeypatch, capsys, qapp
):
    from stenosis_coach.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs.Dialogs, "warn", lambda self, title, text: shown.append(text))
    assert _app.run_app(AppPaths.resolve(tmp_path / "data")) == 1
    err = capsys.readouterr().err
    assert len(shown) == 1
    assert "cannot be written to" in shown[0] and "Traceback" not in err
    assert err.strip() == shown[0]


def test_a_command_says_it_in_one_sentence_and_exits_1(tmp_path, read_only, capsys):
    assert cli.main(["--data-dir", str(tmp_path / "data"), "status"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"{tmp_path / 'data'} is on a disk that cannot be written to, so Stenosis Coach "
        "cannot keep your data there."
    )


def test_a_full_disk_anywhere_in_a_command_is_one_sentence_not_a_bug(tmp_path, monkeypatch, capsys):
    from stenosis_coach.commands import Command

    def fills_up(args, paths):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(
        cli, "load_commands", lambda: {"backup": Command("backup", "x", lambda p: None, fills_up)}
    )
    assert cli.main(["--data-dir", str(tmp_path / "data"), "backup"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "The disk is full, so 'backup' was not finished; free some space, then try again."
