"""No network: the commands open no socket (docs/reliability.md)."""

from __future__ import annotations

import shutil
import socket

import pytest

from stenosis_coach import cli
from stenosis_coach.paths import AppPaths


def test_commands_open_no_socket(tmp_path, template_db, monkeypatch, capsys):
    opened = []

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            opened.append(args)
            raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", NoSocket)
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    data = str(paths.data_dir)
    for args in (
        ["status", "--json"],
        ["backup", "--out", str(tmp_path / "b.db")],
        ["export", "--out", str(tmp_path / "csv")],
        ["restore", str(tmp_path / "b.db")],
        ["routines", "list"],
    ):
        assert cli.main(["--data-dir", data, *args]) == 0, capsys.readouterr().err
    assert opened == []


@pytest.mark.parametrize("module", ["urllib.request", "http.client", "requests"])
def test_no_network_library_is_loaded_by_a_command(tmp_path, module):
    import subprocess
    import sys

    code = (
        "import sys; from stenosis_coach import cli; "
        f"cli.main(['--data-dir', {str(tmp_path / 'd')!r}, 'status']); "
        f"print({module!r} in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
