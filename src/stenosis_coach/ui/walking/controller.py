"""Runs the walking flows in the window: log or correct a walk, the live coach, the card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.walking.logged import FormProblems, WalkForm, form_from_walk
from stenosis_coach.services import walks as walk_service
from stenosis_coach.ui.walking.log_screen import LogWalkScreen
from stenosis_coach.ui.walking.page import WalkPage


class WalkController(QObject):
    def __init__(self, window, page: WalkPage) -> None:  # window: MainWindow
        super().__init__(window)
        self._window = window
        self._context = window.context
        self.page = page
        page.log_requested.connect(self.log_walk)
        page.edit_requested.connect(self.correct_walk)
        page.card_requested.connect(self.print_card)

    def log_walk(self) -> LogWalkScreen:
        screen = LogWalkScreen(self._today())
        screen.submitted.connect(lambda form: self._save(screen, form, None))
        screen.cancelled.connect(self._back)
        self._window.show_flow(screen)
        return screen

    def correct_walk(self, walk_id: int) -> LogWalkScreen | None:
        stored = next((s for s in walk_service.history(self._context.db) if s.id == walk_id), None)
        if stored is None:
            return None
        screen = LogWalkScreen(self._today(), form_from_walk(stored.walk, LOCAL))
        screen.submitted.connect(lambda form: self._save(screen, form, walk_id))
        screen.cancelled.connect(self._back)
        self._window.show_flow(screen)
        return screen

    def print_card(self) -> Path | None:
        """Save today's walk as a one-page PDF to print and carry."""
        from stenosis_coach.core.walking.card import pocket_card
        from stenosis_coach.services.status import build_status
        from stenosis_coach.ui.walking.pocket_card import write_card_pdf

        ctx = self._context
        today = self._today()
        suggested = Path.home() / f"walk-card-{today.isoformat()}.pdf"
        target = ctx.dialogs.save_path("Save the pocket card", suggested, "PDF files (*.pdf)")
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        card = pocket_card(build_status(ctx.db, ctx.clock.now()).next_walk, today)
        try:
            write_card_pdf(card, target)
        except OSError as exc:
            ctx.dialogs.warn(
                "The card was not saved", f"{target} could not be written: {exc.strerror or exc}."
            )
            return None
        ctx.dialogs.inform(
            "Pocket card saved", f"The card is in {target}. Open it to print it, then fold it."
        )
        return target

    def _save(self, screen: LogWalkScreen, form: WalkForm, walk_id: int | None) -> None:
        now = self._context.clock.now()
        try:
            if walk_id is None:
                walk_service.log_walk(self._context.db, form, now)
            else:
                walk_service.correct_walk(self._context.db, walk_id, form, now)
        except FormProblems as problems:
            screen.show_problems(problems.problems)
            return
        self._context.data_changed.emit()
        self._back()

    def _back(self) -> None:
        self._window.end_flow("walk")

    def _today(self):
        return self._context.clock.now().astimezone(LOCAL).date()
