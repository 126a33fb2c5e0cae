"""Today: what is due, each with one big Start button, and the last result in one line."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from stenosis_coach.core.today import NOTHING_DUE, NOTHING_DUE_TITLE, TodayModel
from stenosis_coach.i18n import _
from stenosis_coach.services.changes import RECORDED
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.widgets import (
    SPACING,
    UNDO_KEYS,
    ActionRow,
    Card,
    PageBase,
    add_undo_shortcut,
    button,
    button_row,
    label,
)
from stenosis_coach.ui.writes import Follow, write

if TYPE_CHECKING:  # the trial's review comes with the data: the window paints without it
    from stenosis_coach.core.trial import TrialReview


class TodayPage(PageBase):
    """The home page.

    Signals:
        action_requested(str): the user pressed an item's button; the argument is the
            item's ``action`` string.
    """

    action_requested = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        layout = self.column
        self.date_line = label("", "secondary")
        layout.addWidget(self.date_line)
        # The 12-week trial (issue 16): "Week 3 of 12 …", calmly, under the date.
        self.trial_line = label("", "secondary")
        self.trial_line.setObjectName("trial-week")
        self.trial_line.hide()
        layout.addWidget(self.trial_line)
        self._items_box = QVBoxLayout()
        self._items_box.setSpacing(2 * SPACING)
        layout.addLayout(self._items_box)
        # The 12-week review once hidden: where it is still seen, and the way back (after
        # the day's plan, where the review was; Ctrl+Z too).
        self.review_hidden = QWidget()
        hidden = QVBoxLayout(self.review_hidden)
        hidden.setContentsMargins(0, 0, 0, 0)
        hidden.setSpacing(SPACING)
        self.review_hidden_note = label(
            _(
                "The 12-week review is hidden. Page 1 of your report still shows what "
                "changed since your programme started."
            ),
            "secondary",
        )
        self.review_hidden_note.setObjectName("trial-review-hidden")
        hidden.addWidget(self.review_hidden_note)
        self.show_review = button(
            _("Show the review again"), _("Show the 12-week review again"), shortcut_hint=UNDO_KEYS
        )
        self.show_review.setObjectName("trial-review-show")
        self.show_review.clicked.connect(self._show_review_again)
        hidden.addLayout(button_row(self.show_review))
        self.review_hidden.hide()
        layout.addWidget(self.review_hidden)
        add_undo_shortcut(self, self._undo_hide)
        self.last_result = label("", "secondary")
        layout.addWidget(self.last_result)
        layout.addStretch(1)
        self.loading = label(_("Opening your data…"), "secondary")
        self._items_box.addWidget(self.loading)
        self.follow = Follow(self, context, RECORDED, self.refresh)

    def refresh(self) -> None:
        coach = self._context.coach
        if coach is None:
            return
        self.show_model(coach.today())

    def show_model(self, model: TodayModel) -> None:
        self.title.setText(_("{greeting}.").format(greeting=model.greeting))
        self.date_line.setText(model.date_text)
        self.trial_line.setText(model.trial_line)
        self.trial_line.setVisible(bool(model.trial_line))
        self._clear_items()
        if model.nothing_due:
            card = Card(_(NOTHING_DUE_TITLE))
            card.body.addWidget(label(_(NOTHING_DUE)))
            self._items_box.addWidget(card)
        # The review comes after the day's plan: a page key puts the focus on the first
        # thing due, never on "Done, hide this" (the week line above says 12 weeks are done).
        for item in model.items:
            card = Card(item.title, role="warning" if item.urgent else "card")
            card.setProperty("card-key", item.key)
            if item.detail:  # a routine imported without a description has none: no gap
                card.body.addWidget(label(item.detail))
            if item.choices:
                answers = []
                for text, action in item.choices:
                    # said as one, the card then the answer
                    answer = button(text, _("{card} {answer}").format(card=item.title, answer=text))
                    answer.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
                    answers.append(answer)
                card.body.addLayout(ActionRow(*answers))  # wraps rather than overflow
            else:
                start = button(
                    item.action_label,
                    _("{action}: {card}").format(action=item.action_label, card=item.title),
                    "primary",
                )
                start.clicked.connect(lambda _=False, a=item.action: self.action_requested.emit(a))
                card.body.addLayout(button_row(start))
            self._items_box.addWidget(card)
        if model.review is not None:
            self._items_box.addWidget(self._review_card(model.review))
        self.review_hidden.setVisible(model.review_hidden)
        self.last_result.setText(model.last_result or "")
        self.last_result.setVisible(bool(model.last_result))

    def _review_card(self, review: TrialReview) -> Card:
        """After 12 weeks: what changed, what to do with it, and "Done, hide this"."""
        card = Card(review.title)
        card.setObjectName("trial-review")
        for line in review.lines:
            card.body.addWidget(label(line))
        hide = button(
            _("Done, hide this"),
            _("{action}: {card}").format(action=_("Done, hide this"), card=review.title),
        )
        hide.setObjectName("trial-review-hide")
        hide.clicked.connect(lambda _=False, start=review.start: self._hide_review(start))
        card.body.addLayout(button_row(hide))
        return card

    def _hide_review(self, start: date) -> None:
        """Hide it; the focus goes to "Show the review again" (one more Space undoes)."""
        done = write(
            self._context,
            lambda coach: coach.hide_trial_review(start),
            _("The review was not hidden"),
        )
        if done is not None and self.review_hidden.isVisible():
            self.show_review.setFocus(Qt.FocusReason.OtherFocusReason)
            _keep_in_view(self.show_review)

    def _show_review_again(self) -> None:
        done = write(
            self._context,
            lambda coach: coach.show_trial_review(),
            _("The review was not shown again"),
        )
        hide = self.findChild(QPushButton, "trial-review-hide")
        if done is not None and hide is not None and hide.isVisible():
            hide.setFocus(Qt.FocusReason.OtherFocusReason)
            _keep_in_view(hide)

    def _undo_hide(self) -> None:
        """Ctrl+Z on Today: the review hidden comes back (nothing else to undo here)."""
        if self.review_hidden.isVisible():
            self._show_review_again()

    def _clear_items(self) -> None:
        while self._items_box.count():
            item = self._items_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()


def _keep_in_view(widget: QWidget) -> None:
    """The page scrolls (large text): keep the control that took the focus in view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        parent.ensureWidgetVisible(widget, 0, 2 * SPACING)
