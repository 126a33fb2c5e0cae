"""Last line of defence: an unexpected error is logged and shown in a calm dialog that
names the log file; an expected problem (:class:`UserError`) gets its plain message."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from stenosis_coach import APP_TITLE
from stenosis_coach.errors import UserError
from stenosis_coach.i18n import _
from stenosis_coach.paths import AppPaths

log = logging.getLogger(__name__)


def crash_message(paths: AppPaths) -> str:
    return _(
        "{app} ran into a problem it did not expect. What you recorded up to now is saved. "
        "If it happens again, the details for a helper are in {log_file}."
    ).format(app=APP_TITLE, log_file=paths.log_file)


def make_excepthook(
    paths: AppPaths, show: Callable[[str, str], None]
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A ``sys.excepthook`` that logs and calls ``show(title, text)``."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, UserError):
            log.info("problem shown to the user: %s", exc.message)
            show(_("Something needs your attention"), exc.message)
            return
        if isinstance(exc, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.critical("unexpected error", exc_info=(kind, exc, tb))
        try:
            show(_("Something went wrong"), crash_message(paths))
        except Exception:  # the dialog itself failed: never loop
            log.exception("could not show the crash dialog")

    return hook
