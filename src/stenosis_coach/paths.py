"""Where the app keeps its files: one :class:`AppPaths`, created from platformdirs.

Nothing is created on import or construction; :meth:`AppPaths.ensure` makes the
directories (private to the user) when the app or a command actually needs them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from stenosis_coach import APP_NAME
from stenosis_coach.errors import StorageProblem, UserError, storage_error
from stenosis_coach.i18n import _

ENV_DATA_DIR = "STENOSIS_COACH_DATA_DIR"
DIR_MODE = 0o700
FILE_MODE = 0o600


@dataclass(frozen=True)
class AppPaths:
    """All the places the app reads and writes.

    With an override (``--data-dir`` or ``STENOSIS_COACH_DATA_DIR``) everything lives
    below that one directory, so a test or a second profile never touches the real data.
    """

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """Paths for ``data_dir`` if given, else the env override, else the platform's."""
        chosen = data_dir if data_dir is not None else os.environ.get(ENV_DATA_DIR) or None
        if chosen is not None:
            root = Path(chosen).expanduser().absolute()
            return cls(data_dir=root, config_dir=root / "config", log_dir=root / "logs")
        import platformdirs  # only when no override is given: it costs start-up time

        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            data_dir=Path(dirs.user_data_dir),
            config_dir=Path(dirs.user_config_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    @property
    def db_file(self) -> Path:
        return self.data_dir / "coach.db"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def preload_dir(self) -> Path:
        return self.config_dir / "preload"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "stenosis-coach.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "coach.lock"

    def ensure(self) -> None:
        """Create the data, backup, config and log directories, readable by the user only.

        A folder that cannot be made or used (read-only disk, not allowed, full) raises a
        :class:`~stenosis_coach.errors.StorageProblem` of one sentence.
        """
        for directory in (self.data_dir, self.backup_dir, self.config_dir, self.log_dir):
            try:
                make_private_dir(directory)
            except OSError as exc:
                raise folder_problem(exc, directory) from exc


def folder_problem(exc: OSError, directory: Path) -> UserError:
    """One sentence for a data folder that cannot be made or used."""
    found = storage_error(exc, _("Stenosis Coach cannot keep your data there"), directory)
    if found is not None:
        return found
    reason = (exc.strerror or str(exc)).lower()  # the system's words
    return StorageProblem(
        _("Stenosis Coach cannot use the folder {folder} ({reason}).").format(
            folder=directory, reason=reason
        )
    )


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` (and parents) and make it 0700."""
    directory.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if os.name == "posix":
        os.chmod(directory, DIR_MODE)


def make_private_file(path: Path) -> None:
    """Restrict an existing file to its owner (0600)."""
    if os.name == "posix" and path.exists():
        os.chmod(path, FILE_MODE)
