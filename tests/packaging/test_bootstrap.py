"""scripts/bootstrap.sh (what ./run.sh and ./test.sh run first) installs the app only when
the project changed, so a second ./run.sh starts at once (issue 12). Checked on a copy of
the script with a fake Python and package tools: no real install happens here."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="bootstrap.sh is for Linux")

FAKE_PYTHON = """#!/bin/sh
if [ "$1" = "-c" ]; then echo "3.11.fake"; exit 0; fi
echo "$*" >> "$(dirname "$0")/../../pip-calls"
"""
# Every package reports "installed", so apt-get is never needed.
FAKE_DPKG = """#!/bin/sh
for a in "$@"; do case "$a" in -*) ;; *) echo "$a install ok installed";; esac; done
"""


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts" / "bootstrap.sh", project / "scripts" / "bootstrap.sh")
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (project / "src" / "pkg").mkdir(parents=True)
    (project / "src" / "pkg" / "main.py").write_text("print('v1')\n")
    (project / "resources").mkdir()
    (project / "resources" / "a.json").write_text("{}")
    venv_bin = project / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "python").write_text(FAKE_PYTHON)
    (venv_bin / "python").chmod(0o755)
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "dpkg-query").write_text(FAKE_DPKG)
    (tools / "dpkg-query").chmod(0o755)
    return project


def _bootstrap(project: Path, *args: str) -> list[str]:
    env = dict(os.environ, PATH=f"{project.parent / 'tools'}:{os.environ['PATH']}")
    subprocess.run(
        [str(project / "scripts" / "bootstrap.sh"), *args],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    calls = project / "pip-calls"
    return calls.read_text().splitlines() if calls.exists() else []


def test_a_second_start_installs_nothing_until_the_project_changes(tmp_path):
    project = _project(tmp_path)
    first = _bootstrap(project)
    assert any("install" in call and call.endswith(" .") for call in first)

    assert _bootstrap(project) == first  # the second start: no pip at all

    (project / "src" / "pkg" / "main.py").write_text("print('v2')\n")
    third = _bootstrap(project)
    assert len(third) > len(first)  # a changed source is installed again


def test_the_test_set_up_and_the_app_set_up_do_not_share_a_stamp(tmp_path):
    project = _project(tmp_path)
    _bootstrap(project)
    calls = _bootstrap(project, "--dev")
    assert any("-e .[dev]" in call for call in calls)
