"""Logging to a file in the log directory, rotated at start; nothing goes to the network.

Rotation happens when the app or a command starts (the file is over ~1 MB: it moves to
``.1``, older ones shift, three are kept). The app writes a few lines per session, so one
run never gets near the limit, and start-up avoids importing ``logging.handlers``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from stenosis_coach.paths import AppPaths, make_private_dir, make_private_file

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_MARK = "_stenosis_coach"


def rotate(log_file: Path, max_bytes: int = MAX_BYTES, keep: int = BACKUP_COUNT) -> None:
    """If ``log_file`` is over ``max_bytes``, shift it to ``.1`` (``.1`` to ``.2`` …)."""
    try:
        if log_file.stat().st_size <= max_bytes:
            return
    except FileNotFoundError:
        return
    for index in range(keep - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{index}")
        if older.exists():
            os.replace(older, log_file.with_name(f"{log_file.name}.{index + 1}"))
    os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))


def configure_logging(paths: AppPaths, level: int = logging.INFO) -> logging.Handler:
    """Send the app's log records to ``paths.log_file``; returns the handler."""
    make_private_dir(paths.log_dir)
    with contextlib.suppress(OSError):
        rotate(paths.log_file)
    handler = logging.FileHandler(paths.log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    make_private_file(paths.log_file)
    root = logging.getLogger("stenosis_coach")
    root.setLevel(level)
    for old in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(old)
        old.close()
    setattr(handler, _MARK, True)
    root.addHandler(handler)
    return handler
