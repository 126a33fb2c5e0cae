"""Back up… and Restore… from the window (Settings page and File menu)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject

from stenosis_coach.errors import UserError
from stenosis_coach.i18n import _
from stenosis_coach.ui.context import RESTORE_REASON, AppContext

log = logging.getLogger(__name__)

# The kinds of file dialog that remember their folder (Dialogs.start_folder): backups made
# and restored share one, so Restore right after Back up starts where the backup went.
BACKUPS, EXPORTS = "backup", "export"


def db_filter() -> str:
    """The file dialog's filter for backups (the patterns stay as they are)."""
    return _("Stenosis Coach backups ({patterns});;All files ({all})").format(
        patterns="*.db", all="*"
    )


class DataActions(QObject):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context

    def _today(self) -> date:
        coach = self._context.coach
        return coach.today_date() if coach is not None else date.today()

    def backup(self) -> None:
        from stenosis_coach.services.coach import Coach

        ctx = self._context
        folder = ctx.dialogs.start_folder(BACKUPS)  # where the last backup went, or home
        suggested = folder / f"stenosis-coach-backup-{self._today().isoformat()}.db"
        target = ctx.dialogs.save_path(
            _("Back up your data"),
            suggested,
            db_filter(),
            ".db",  # not translated: a file name's ending
        )
        if target is None:
            return
        ctx.dialogs.remember_folder(BACKUPS, target)
        try:
            written = Coach.backup(ctx.paths, target)
        except UserError as exc:
            ctx.dialogs.warn(_("The backup was not made"), exc.message)
            return
        ctx.dialogs.inform(
            _("Backup made"), _("Your data was backed up to {file}.").format(file=written)
        )

    def export_data(self) -> Path | None:
        """Everything recorded as CSV files, in a new dated folder inside one the user picks."""
        ctx = self._context
        parent = ctx.dialogs.folder_path(
            _("Choose where to put the exported files"), ctx.dialogs.start_folder(EXPORTS)
        )
        coach = ctx.coach
        if parent is None or coach is None:
            return None
        ctx.dialogs.remember_folder(EXPORTS, parent)
        today = coach.today_date().isoformat()
        target = parent / f"stenosis-coach-export-{today}"
        n = 2
        while target.exists():
            target = parent / f"stenosis-coach-export-{today}-{n}"
            n += 1
        try:
            result = coach.export(target)
        except UserError as exc:
            ctx.dialogs.warn(_("The data was not exported"), exc.message)
            return None
        ctx.dialogs.inform(_("Data exported"), result.sentence())
        return target

    def restore(self) -> None:
        from stenosis_coach.services.data_backup import check_restorable

        ctx = self._context
        if not ctx.may_replace_data(RESTORE_REASON):  # a routine or walk is stopped first (asked)
            return
        source = ctx.dialogs.open_path(
            _("Restore from a backup"), ctx.dialogs.start_folder(BACKUPS), db_filter()
        )
        if source is None:
            return
        ctx.dialogs.remember_folder(BACKUPS, source)
        try:
            check_restorable(source, ctx.paths)
        except UserError as exc:
            ctx.dialogs.warn(_("This file cannot be restored"), exc.message)
            return
        if not ctx.dialogs.confirm(
            _("Replace your data?"),
            _(
                "Your data will be replaced by the backup in {file}. Your current data will "
                "be kept as a backup, so you can go back."
            ).format(file=source),
            yes=_("Restore this backup"),
        ):
            return
        self.restore_file(source)

    def restore_file(self, source: Path) -> bool:
        """Close the database, restore, reopen; tell the user how it went."""
        from stenosis_coach.services.coach import Coach

        ctx = self._context
        if not ctx.may_replace_data(RESTORE_REASON):
            return False
        ctx.close_database()
        try:
            result = Coach.restore(ctx.paths, source, ctx.clock)
        except UserError as exc:
            self._reopen()  # the data is open again before the message is read
            ctx.dialogs.warn(_("The restore did not work"), exc.message)
            return False
        self._reopen()
        said = (
            _("Your data was restored from {file}. The data it replaced was kept at {kept}.")
            if result.previous_kept_at
            else _("Your data was restored from {file}.")
        )
        ctx.dialogs.inform(
            _("Data restored"), said.format(file=source, kept=result.previous_kept_at)
        )
        return True

    def _reopen(self) -> None:
        try:
            self._context.open_database()
        except UserError as exc:
            self._context.dialogs.warn(_("Your data could not be opened"), exc.message)
            return  # opened, every page is told all of it changed (AppContext.open_database)
