"""End of a walk: what was measured, and the worst leg pain (big buttons)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit

from stenosis_coach.core.walking.engine import TEST_LIMIT_S, WalkDraft
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.core.words import minutes_text, spoken_text, walked_text
from stenosis_coach.i18n import N_, _
from stenosis_coach.ui.inputs import NumberField, RatingScale
from stenosis_coach.ui.widgets import (
    SPACING,
    ActionRow,
    Card,
    EnterSaves,
    PageBase,
    button,
    label,
)

ENDINGS = {  # translated where shown: ending_text
    WalkEnd.COMPLETED: N_("Well done: you finished the walk."),  # a training walk's target
    WalkEnd.STOPPED: N_("The walk ended early. That is fine: what you walked still counts."),
    WalkEnd.MUST_STOP: N_(
        "You stopped because something felt wrong. Next come a few safety questions."
    ),
    WalkEnd.REST_NOT_EASING: N_(
        "Your legs did not settle after 10 minutes of rest. Next come a few safety questions."
    ),
}


def ending_text(draft: WalkDraft) -> str:
    """How the walk ended, in words that are true for it. A walking test ends when the
    patient needs to stop (or at its 30 minutes): that is what it measures, so its summary
    says so, calmly, instead of praising a walk "finished"."""
    if draft.kind is WalkKind.TEST and draft.ended_by is WalkEnd.COMPLETED:
        if draft.total_walk_s >= TEST_LIMIT_S:
            return _("Test done. You walked for the full {time}.").format(
                time=minutes_text(TEST_LIMIT_S)
            )
        walked = walked_text(draft.total_walk_s)  # what the timer showed last
        return _("Test done. You walked {time} before you needed to stop.").format(time=walked)
    return _(ENDINGS[draft.ended_by])


class WalkSummaryScreen(PageBase):
    """Signals: saved(int pain, str distance, str notes); left() — "Leave without saving"
    or Esc (the controller asks first); done_leaving() — it did leave."""

    saved = Signal(int, str, str)
    left = Signal()
    done_leaving = Signal()

    def __init__(self, draft: WalkDraft, interrupted: bool = False) -> None:
        super().__init__(_("Your walk"), margin=(4, 2), pinned_actions=True)
        self.column.setSpacing(2 * SPACING)  # the pain question in view on a short screen
        intro = (
            _(
                "This walk was not finished because the app closed. Here is what was "
                "recorded up to then."
            )
            if interrupted
            else ending_text(draft)
        )
        self.intro = label(intro)
        self.intro.setAccessibleName(spoken_text(intro))  # "6 minutes 40 seconds"
        self.column.addWidget(self.intro)
        card = Card(_("What you did"))
        # The time walked as the coach's timer showed it last (whole seconds gone).
        facts = [_("Walked: {time}").format(time=walked_text(draft.total_walk_s))]
        if draft.kind is WalkKind.TRAINING:
            facts.append(_("Rests: {count}").format(count=draft.rests))
        facts.append(
            _("Symptoms started after {time} of walking").format(time=minutes_text(draft.tfs_s))
            if draft.tfs_s is not None
            else _("Symptoms did not start")
        )
        # One line each, close together: the pain question below stays in view.
        self.facts = label("\n".join(facts))
        self.facts.setAccessibleName(spoken_text(". ".join(facts)))
        card.body.addWidget(self.facts)
        self.column.addWidget(card)
        self.column.addWidget(
            label(_("Your worst leg pain during the walk (0 to 10)"), "section-title")
        )
        self.pain = RatingScale(_("Worst leg pain"))
        self.pain.rated.connect(self._rated)
        self.column.addWidget(self.pain)
        self.distance = NumberField(
            _("Distance in metres"),
            step=100,
            maximum=100000,
            unit=_("metres (if you know it)"),
            decimals=0,
        )
        self.notes = QLineEdit()
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setPlaceholderText(_("Notes (optional)"))
        self.column.addWidget(self.distance)
        self.column.addWidget(self.notes)
        self.error = label("", "error")
        self.error.hide()
        self.hint = label(_("Choose a number from 0 to 10, then save."), "secondary")
        self.save = button(_("Save the walk"), kind="primary", shortcut_hint="Enter")
        self.save.setEnabled(False)
        self.save.clicked.connect(self._save)
        # Enter in the boxes typed last saves, as Save does; before the pain is chosen
        # it takes the focus to the pain question (the hint says why Save waits).
        EnterSaves(self.save, self.distance.edit, self.notes, otherwise=self._ask_pain)
        self.leave = button(
            _("Leave without saving"), _("Leave without saving the walk"), shortcut_hint="Esc"
        )
        self.leave.clicked.connect(self.left)
        # Why Save waits, what went wrong, and the buttons: always in view.
        self.pin(self.error, self.hint, ActionRow(self.save, self.leave))
        escape = QShortcut(QKeySequence("Esc"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.left.emit)
        self.column.addStretch(1)
        self.setFocusProxy(self.pain)

    def _rated(self, _value: int) -> None:
        self.save.setEnabled(True)
        self.hint.hide()

    def _ask_pain(self) -> None:
        self.pain.setFocus(Qt.FocusReason.OtherFocusReason)
        self.bring_into_view(self.pain)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _save(self) -> None:
        pain = self.pain.value()
        if pain is not None:
            self.saved.emit(pain, self.distance.text(), self.notes.text())
