"""Strict, private test setup: offscreen Qt, every path under tmp_path, a migrated template DB."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Offscreen unless a developer asks to watch (QT_QPA_PLATFORM=xcb pytest ...).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never open a real audio device in tests: QtMultimedia logs warnings, which fail tests.
os.environ["STENOSIS_COACH_NO_SOUND"] = "1"

from stenosis_coach import i18n
from stenosis_coach.core.clock import ManualClock
from stenosis_coach.paths import ENV_DATA_DIR, AppPaths

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the developer's real data, config or logs."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    # The source English, whatever the machine's locale (dates read "Mon 4 May").
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", i18n.PSEUDO_ENV):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The pseudo-locale: every translated message shows as ``⟦…⟧`` (also in a child process
    or a CLI run, through the environment)."""
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=True)
    yield
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated once per test run; tests copy it instead of migrating again."""
    from stenosis_coach.storage.database import open_database

    template_paths = AppPaths.resolve(tmp_path_factory.mktemp("template"))
    open_database(template_paths).close()
    return template_paths.db_file


@pytest.fixture
def db(paths: AppPaths, template_db: Path) -> Iterator[object]:
    from stenosis_coach.storage.database import open_database

    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    database = open_database(paths)
    yield database
    database.close()


# PySide6 6.12 on Python 3.11 runs the reference counts of None and True down (see
# stenosis_coach/ui/refcounts.py, which the app and these tests use against it). Should a
# newer binding bring another such fault to Python's final garbage collection, the test
# process still ends with pytest's own exit status, never an abort after every result.
_exit_status = {"code": 0}


def pytest_sessionfinish(session, exitstatus):
    _exit_status["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_exit_status["code"])
