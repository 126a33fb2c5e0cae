"""Loading and saving the user's preferences (a small JSON file in the config dir).

Kept out of the database so that the window can be styled before the database (and
SQLAlchemy) is even imported, which keeps the first paint fast.
"""

from __future__ import annotations

import json
import logging

from stenosis_coach.core.settings import Settings, WindowPlacement
from stenosis_coach.errors import UserError
from stenosis_coach.paths import AppPaths, make_private_dir

log = logging.getLogger(__name__)


def load_settings(paths: AppPaths) -> Settings:
    """The saved settings; defaults if there are none or the file is unreadable."""
    try:
        text = paths.settings_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("could not read settings %s: %s", paths.settings_file, exc)
        return Settings()
    try:
        return Settings.from_dict(json.loads(text))
    except ValueError:
        log.warning("settings file %s is not valid JSON; using defaults", paths.settings_file)
        return Settings()


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write atomically (temp file, then rename), readable by the user only."""
    # Imported when saving only: the window reads its settings before its first paint.
    from stenosis_coach.files import write_checked

    make_private_dir(paths.config_dir)
    text = json.dumps(settings.to_dict(), indent=2) + "\n"
    try:  # private, fsynced, checked, renamed: the one atomic writer
        write_checked(paths.settings_file, data=text.encode("utf-8"), what="settings file")
    except UserError as exc:  # callers treat an unsaved setting as an OSError (logged)
        raise OSError(exc.message) from exc


def remember_window(paths: AppPaths, placement: WindowPlacement) -> None:
    """Keep where the window was, leaving every other saved preference as it is; a
    failure to save only means the next window opens at the default place."""
    try:
        save_settings(paths, load_settings(paths).with_changes(window=placement))
    except OSError as exc:
        log.warning("window place not saved: %s", exc)
