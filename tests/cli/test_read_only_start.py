"""A data folder that cannot be written (issue 13, item 6): one sentence, a dialog, exit 1;
never a traceback, never a window that cannot save."""

from __future__ import annotations

import errno

import pytest

from stenosis_coach import cli
from stenosis_coach import paths as paths_module
from stenosis_coach.paths import AppPaths


@pytest.fixture
def read_only(monkeypatch):
    def refuse(directory):
        raise OSError(errno.EROFS, "Read-only file system", str(directory))

    monkeypatch.setattr(paths_module, "make_private_dir", refuse)


def test_the_window_says_it_in_one_dialog_and_exits_1(
    tmp_path, read_only, monkeypatch, capsys, qapp
):
    from stenosis_coach.ui import dialogs
    from stenosis_coach.ui.app import run_app

    shown = []
    monkeypatch.setattr(dialogs.Dialogs, "warn", lambda self, title, text: shown.append(text))
    assert run_app(AppPaths.resolve(tmp_path / "data")) == 1
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
