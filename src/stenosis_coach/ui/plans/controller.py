"""Import plan files from the File menu, a drop on the window, or the command line."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject

from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import _
from stenosis_coach.services import plans
from stenosis_coach.services.changes import Changes
from stenosis_coach.ui.context import IMPORT_REASON, AppContext
from stenosis_coach.ui.dialogs import plan_filter
from stenosis_coach.ui.hosts import FlowHost, coach_of
from stenosis_coach.ui.plans.preview_screen import ImportPreviewScreen
from stenosis_coach.ui.writes import write_for

log = logging.getLogger(__name__)

# The kind of file dialog (Dialogs.start_folder) for plan files: those exported on the
# Therapist tools page and those imported share one folder.
PLANS = "plan"


def preload_folders(config_preload: Path) -> list[Path]:
    """The clinic pack folders: the user's config ``preload/``, and for a packaged build,
    a ``preload/`` folder beside the program."""
    folders = [config_preload]
    if getattr(sys, "frozen", False):
        folders.append(Path(sys.executable).resolve().parent / "preload")
    return folders


class PlanImportController(QObject):
    """Imports plan files: the preview, then the import, shown on ``flows``."""

    def __init__(
        self, context: AppContext, *, flows: FlowHost, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._flows = flows

    def choose_and_import(self) -> None:
        dialogs = self._context.dialogs
        path = dialogs.open_path(_("Import a plan"), dialogs.start_folder(PLANS), plan_filter())
        if path is not None:
            dialogs.remember_folder(PLANS, path)
            self.import_files([path])

    def import_files(self, paths: list[Path]) -> ImportPreviewScreen | None:
        """Check the files, then show what they add or replace; import on "Import"."""
        # Never under a routine, a walk, a form.
        if not self._context.may_replace_data(IMPORT_REASON):
            return None
        try:
            files = plans.read_plans(paths)
        except InvalidInput as exc:
            self._context.dialogs.warn(
                _("This plan cannot be imported"),
                _("Nothing was imported. The file has these problems:\n\n{problems}").format(
                    problems=exc.message
                ),
            )
            return None
        screen = ImportPreviewScreen(coach_of(self._context).plan_preview(files))
        screen.confirmed.connect(lambda: self._import(files))
        screen.cancelled.connect(lambda: self._flows.end_flow())
        self._flows.show_flow(screen)
        return screen

    def _import(self, files: list[plans.PlanFile]) -> None:
        # The patient saw what is replaced on the preview and pressed Import. Plans bring
        # exercises, routines and the walking plan: every page may show something new.
        result = write_for(
            self._context,
            lambda coach: (coach.import_plans(files, replace=True), Changes.all()),
            _("The plan was not imported"),
        )
        if result is None:
            return  # said; the preview stays, to try again or cancel
        self._flows.end_flow("exercises" if result.routines else "walk")
        self._context.dialogs.inform(_("Plan imported"), result.sentence())

    def preload(self) -> None:
        """At first run, the clinic pack (if any) is imported once."""
        folders = preload_folders(self._context.paths.preload_dir)
        result = write_for(
            self._context,
            lambda coach: coach.preload_plans(folders),
            _("The clinic's plan was not imported"),
        )
        if result is not None:
            log.info("clinic pack imported: %s", result.sentence())
