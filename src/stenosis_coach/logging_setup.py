"""Logging to a rotating file in the log directory; nothing goes to the network."""

from __future__ import annotations

import logging
import logging.handlers

from stenosis_coach.paths import AppPaths, make_private_dir, make_private_file

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3


def configure_logging(paths: AppPaths, level: int = logging.INFO) -> logging.Handler:
    """Send the app's log records to ``paths.log_file``, rotated at ~1 MB, 3 kept.

    Returns the handler so that a caller (tests, a second configuration) can remove it.
    """
    make_private_dir(paths.log_dir)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    make_private_file(paths.log_file)
    root = logging.getLogger("stenosis_coach")
    root.setLevel(level)
    for old in [h for h in root.handlers if getattr(h, "_stenosis_coach", False)]:
        root.removeHandler(old)
        old.close()
    handler._stenosis_coach = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return handler
