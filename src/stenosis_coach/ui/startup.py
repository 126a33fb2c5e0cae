"""What happens right after the window is first shown: open the data, then offer back
any session that an earlier run did not finish (DESIGN 3).

Kept out of the first paint: importing SQLAlchemy and checking the database happen
after the window is on screen.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from stenosis_coach import APP_TITLE
from stenosis_coach.errors import DatabaseDamaged, DatabaseTooNew, UserError
from stenosis_coach.i18n import N_, _, date_text
from stenosis_coach.services.changes import Changes
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.data_actions import DataActions

if TYPE_CHECKING:
    from stenosis_coach.services.coach import Coach

log = logging.getLogger(__name__)


def prepare_folders(paths, dialogs=None) -> bool:
    """Make the data folders and start the log; ``False`` (quit, exit 1) when the data
    folder cannot be used (read-only, not allowed, full): one sentence on stderr and in
    a dialog, never a traceback and never a window that cannot save."""
    from stenosis_coach.logging_setup import configure_logging
    from stenosis_coach.paths import folder_problem

    try:
        paths.ensure()
        configure_logging(paths)
    except UserError as exc:
        message = exc.message
    except OSError as exc:
        message = folder_problem(exc, paths.log_dir).message
    else:
        return True
    print(message, file=sys.stderr)
    if dialogs is None:
        from PySide6.QtWidgets import QApplication

        from stenosis_coach.ui.dialogs import Dialogs

        _app = QApplication.instance() or QApplication(sys.argv[:1])
        dialogs = Dialogs()
    dialogs.warn(_("{app} cannot start").format(app=APP_TITLE), message)
    return False


def open_data(context: AppContext, data_actions: DataActions) -> bool:
    """Open the database, handling a newer or damaged file. ``False`` means: quit."""
    dialogs = context.dialogs
    try:
        context.open_database()
    except DatabaseTooNew as exc:
        dialogs.warn(_("A newer version made this data"), exc.message)
        return False
    except DatabaseDamaged as exc:
        return _offer_backup(context, data_actions, exc)
    except UserError as exc:
        dialogs.warn(_("Your data could not be opened"), exc.message)
        return False
    context.kept_walks = offer_interrupted_sessions(context)
    return True


def _offer_backup(context: AppContext, data_actions: DataActions, exc: DatabaseDamaged) -> bool:
    newest = exc.newest_backup
    if newest is None:
        context.dialogs.warn(
            _("Your data file is damaged"),
            _(
                "{problem} There is no backup to go back to. If you made one with "
                "Back up…, you can restore it with: {command}."
            ).format(problem=exc.message, command="stenosis-coach restore FILE"),
        )
        return False
    choice = context.dialogs.choose(
        _("Your data file is damaged"),
        _(
            "{problem} The newest backup is {file}. Restoring it keeps the damaged file "
            "beside it, unchanged."
        ).format(problem=exc.message, file=newest.name),
        [_("Restore the newest backup"), _("Close the app")],
        safe=1,  # closing changes nothing; the damaged file stays as it is
    )
    if choice != 0:
        return False
    if not data_actions.restore_file(newest):
        return False
    log.info("restored newest backup %s after damage", newest)
    return context.coach is not None


# Said when a walking test that was cut short is offered back (services.stopped_walks.
# kept_as: it is kept as a walk, never as a test result it did not measure).
NOT_A_TEST_RESULT = N_(  # shown as _(NOT_A_TEST_RESULT)
    "A walking test cut short is not a test result: it is kept as a walk, and a new "
    "walking test is still due."
)


def not_a_test_result(coach: Coach, session) -> bool:
    """Whether this walk's session, kept, is a walking test kept as a walk."""
    from stenosis_coach.services import stopped_walks

    draft = coach.walk_draft(session)
    return stopped_walks.kept_as(draft).kind is not draft.kind


def discard_confirmed(context: AppContext, what: str) -> bool:
    """The second question before a session or walk (``what``: "session", "walk")
    offered back at start is deleted."""
    return context.dialogs.confirm(
        _("Discard this walk?") if what == "walk" else _("Discard this session?"),
        _("It will be deleted and cannot be brought back."),
        yes=_("Discard it"),
        no=_("Keep it"),
    )


def offer_interrupted_sessions(context: AppContext) -> list:
    """Ask, for each unfinished session, whether to keep it (ended at its last heartbeat).

    Returns the kept walks: their summary (the leg pain) is asked next.
    """
    from stenosis_coach.core.sessions import EndReason, interrupted_offer

    coach = context.coach
    if coach is None:
        return []
    changes = Changes()
    kept_walks = []
    for session in coach.interrupted_sessions():
        alive = session.last_alive_local
        text = interrupted_offer(session)
        if session.kind == "walk" and not_a_test_result(coach, session):
            text = _("{offer} {not_a_test_result}").format(
                offer=text, not_a_test_result=_(NOT_A_TEST_RESULT)
            )
        ended = session.end_reason not in (None, EndReason.INTERRUPTED)
        choice = context.dialogs.choose(
            _("A session was not saved") if ended else _("A session was not finished"),
            text,
            [_("Save it as ended at {time}").format(time=date_text(alive, "Hm")), _("Discard it")],
        )
        if choice == 1 and discard_confirmed(context, "session"):
            changes |= coach.discard_interrupted(session.id)
        else:
            # Closing the question keeps the data: nothing is lost by accident.
            saved, kept = coach.keep_interrupted(session.id)
            changes |= kept
            if saved.kind == "walk":
                kept_walks.append(saved)
    kept_walks += offer_stopped_walks(context)
    context.announce(changes)
    return kept_walks


def offer_stopped_walks(context: AppContext) -> list:
    """Offer back each walk stopped before its summary (the window was closed, or a menu
    left it): keep it (its summary, the leg pain, comes next) or discard it. Returns the
    kept ones."""
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.core.words import day_text, minutes_text
    from stenosis_coach.services import stopped_walks

    coach = context.coach
    assert coach is not None
    kept = []
    for session in coach.stopped_walks():
        draft = coach.walk_draft(session)
        start = session.local_start
        said = (
            _(
                "Your walking test on {day} at {time} was stopped after {minutes} of "
                "walking, before it was saved."
            )
            if draft.kind is WalkKind.TEST
            else _(
                "Your walk on {day} at {time} was stopped after {minutes} of walking, "
                "before it was saved."
            )
        )
        text = said.format(
            day=day_text(start),
            time=date_text(start, "Hm"),
            minutes=minutes_text(draft.total_walk_s),
        )
        if stopped_walks.kept_as(draft).kind is not draft.kind:
            text = _("{offer} {not_a_test_result}").format(
                offer=text, not_a_test_result=_(NOT_A_TEST_RESULT)
            )
        choice = context.dialogs.choose(
            _("A walk was not saved yet"),
            _("{offer} If you keep it, you rate your leg pain next.").format(offer=text),
            [_("Keep it"), _("Discard it")],
        )
        if choice == 1 and discard_confirmed(context, "walk"):
            context.announce(coach.discard_stopped_walk(session.id))
            continue
        kept.append(session)  # closing the question keeps it: nothing lost by accident
    return kept
