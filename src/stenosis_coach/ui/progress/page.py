"""Progress: is conservative care working? The verdict in words first, then one plot at a
time, then the daily log and treatments (issue 6, DESIGN 5.3 and 5.4)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from stenosis_coach.core.outcomes.model import has_relief_record
from stenosis_coach.core.progress import series as s
from stenosis_coach.core.progress.verdict import VerdictKind
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import N_, _, ngettext
from stenosis_coach.services.changes import RECORDED
from stenosis_coach.services.progress import ProgressData
from stenosis_coach.services.undo import Deleted, Kind
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.progress.plot import VIEWS, ProgressPlot
from stenosis_coach.ui.tables import rows_view
from stenosis_coach.ui.theme import Palette, palette_for, set_kind
from stenosis_coach.ui.undo import UndoBar, add_undo_shortcut, undo_newest
from stenosis_coach.ui.widgets import (
    SPACING,
    ActionRow,
    Card,
    PageBase,
    button,
    button_row,
    label,
)
from stenosis_coach.ui.writes import Follow

VERDICT_HEADINGS = {  # shown as _(VERDICT_HEADINGS[...])
    VerdictKind.IMPROVING: N_("▲ Improving"),
    VerdictKind.HOLDING: N_("■ Holding steady"),
    VerdictKind.SLIPPING: N_("▼ Slipping"),
    VerdictKind.NOT_ENOUGH_DATA: N_("Not enough walking tests yet"),
}
ZCQ_VIEW = next(i for i, view in enumerate(VIEWS) if view.key == "zcq")
LOG_ROWS = 60  # daily logs listed for changing or deleting
RANGES = (  # shown as _(label)
    (s.Range.FOUR_WEEKS, N_("4 weeks")),
    (s.Range.TWELVE_WEEKS, N_("12 weeks")),
    (s.Range.ALL, N_("All")),
)


def choice_row(labels: list[str], name: str) -> tuple[QButtonGroup, list[QPushButton]]:
    """Buttons, one checked at a time; ``labels`` and ``name`` are shown as given
    (translated)."""
    group = QButtonGroup()
    buttons = []
    for index, text in enumerate(labels):
        btn = QPushButton(text)
        btn.setCheckable(True)
        btn.setAccessibleName(_("{group}: {choice}").format(group=name, choice=text))
        set_kind(btn, "choice")
        group.addButton(btn, index)
        buttons.append(btn)
    return group, buttons


class ProgressPage(PageBase):
    """Signals: log_requested(object day or None), treatment_requested(),
    questionnaire_requested() ("Answer the questionnaire now"), activities_requested()
    ("Change my activities")."""

    log_requested = Signal(object)
    treatment_requested = Signal()
    questionnaire_requested = Signal()
    activities_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__(_("Progress"))
        self._context = context
        self.verdict_card = Card(_("Is it working?"))
        self.verdict_heading = label("", "section-title")
        # The verdict is the page's first Tab stop: a page key opens Progress at its top
        # with the focus (and a screen reader) on the verdict, not scrolled down to the
        # first button past it; Tab goes on to the plots.
        self.verdict_heading.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._ring_verdict(palette_for(context.settings))
        self.verdict_text = label("")
        self.verdict_extra = label("", "secondary")
        for widget in (self.verdict_heading, self.verdict_text, self.verdict_extra):
            self.verdict_card.body.addWidget(widget)
        self.column.addWidget(self.verdict_card)

        self.signs_card = Card(_("Time to talk to your clinician"), role="warning")
        self.signs_text = label("")
        self.signs_card.body.addWidget(self.signs_text)
        self.column.addWidget(self.signs_card)

        plots = Card(None)
        self.view_group, self.view_buttons = choice_row([v.button for v in VIEWS], _("Plot"))
        grid = QGridLayout()  # three to a row: the page never grows wider than the window
        grid.setSpacing(SPACING)
        for index, btn in enumerate(self.view_buttons):
            grid.addWidget(btn, index // 3, index % 3)
        plots.body.addLayout(grid)
        self.range_group, self.range_buttons = choice_row([_(t) for _r, t in RANGES], _("Range"))
        plots.body.addLayout(button_row(*self.range_buttons))
        self.plot = ProgressPlot(palette_for(context.settings), context.settings.type_scale.body)
        plots.body.addWidget(self.plot)
        self.column.addWidget(plots)
        self.view_group.setParent(self)
        self.range_group.setParent(self)
        self.view_group.idClicked.connect(self.show_view)
        self.range_group.idClicked.connect(self.set_range)
        self._add_outcomes_card()

        self.log_card = Card(_("Daily log"))
        self.log_card.body.addWidget(
            label(
                _("Pain, medication, sleep and a standing test, in about 30 seconds."),
                "secondary",
            )
        )
        self.log_today = button(_("Log today…"), _("Log today"), "primary")
        self.log_today.clicked.connect(lambda: self.log_requested.emit(None))
        self.log_card.body.addLayout(button_row(self.log_today))
        self.log_undo = UndoBar(context, {Kind.LOG})
        self.log_undo.restored.connect(lambda back: self._restored(self.logs, back))
        self.log_card.body.addWidget(self.log_undo)
        self.logs: QListWidget = wrapping(rows_view(QListWidget()))
        self.logs.setAccessibleName(_("Your daily logs, newest first"))
        self.logs.setMinimumHeight(200)
        self.log_card.body.addWidget(self.logs)
        self.edit_log = button(_("Change…"), _("Change the chosen day's log"))
        self.delete_log = button(_("Delete"), _("Delete the chosen day's log"), shortcut_hint="Del")
        self.edit_log.clicked.connect(self._edit_log)
        self.delete_log.clicked.connect(self._delete_log)
        self.log_card.body.addLayout(ActionRow(self.edit_log, self.delete_log))
        self.column.addWidget(self.log_card)

        self.treat_card = Card(_("Treatments"))
        self.treatment_undo = UndoBar(context, {Kind.TREATMENT})
        self.treatment_undo.restored.connect(lambda back: self._restored(self.treatments, back))
        self.treat_card.body.addWidget(self.treatment_undo)
        self.treatments: QListWidget = wrapping(rows_view(QListWidget()))
        self.treatments.setAccessibleName(_("Your treatments, newest first"))
        # As tall as its entries, wrapped (a few): the page scrolls, never the list in it.
        self.treatments.viewport().installEventFilter(self)
        self.treat_card.body.addWidget(self.treatments)
        self.no_treatments = label(_("None recorded yet."), "secondary")
        self.treat_card.body.addWidget(self.no_treatments)
        self.add_treatment = button(_("Add a treatment…"), _("Add a treatment"))
        self.delete_treatment = button(
            _("Delete"), _("Delete the chosen treatment"), shortcut_hint="Del"
        )
        self.add_treatment.clicked.connect(self.treatment_requested)
        self.delete_treatment.clicked.connect(self._delete_treatment)
        self.treat_card.body.addLayout(ActionRow(self.add_treatment, self.delete_treatment))
        self.column.addWidget(self.treat_card)
        self.column.addStretch(1)
        # Ctrl+Z on the page brings back the newest delete, a log or a treatment.
        add_undo_shortcut(
            self,
            lambda: undo_newest(
                context, {Kind.LOG, Kind.TREATMENT}, [self.log_undo, self.treatment_undo]
            ),
        )
        for listing in (self.logs, self.treatments):
            listing.installEventFilter(self)

        self._range = s.Range.TWELVE_WEEKS
        self.view_buttons[0].setChecked(True)
        self.range_buttons[1].setChecked(True)
        self.follow = Follow(self, context, RECORDED, self.refresh)
        context.settings_changed.connect(
            lambda st: self.plot.apply_palette(palette_for(st), st.type_scale.body)
        )
        context.settings_changed.connect(lambda st: self._ring_verdict(palette_for(st)))
        self.refresh()

    def _ring_verdict(self, palette: Palette) -> None:
        """The verdict shows the theme's focus ring when it has the focus (the room for
        the ring is kept without it: the words do not move)."""
        self.verdict_heading.setStyleSheet(
            "QLabel { border: 3px solid transparent; }"
            f"QLabel:focus {{ border: 3px solid {palette.focus}; }}"
        )

    def _add_outcomes_card(self) -> None:
        """The questionnaire and My activities (issue 15): the change in words, each
        activity's first and latest rating, and the two ways to answer again."""
        self.outcomes_card = Card(_("Questionnaire and My activities"))
        body = self.outcomes_card.body
        self.zcq_text = label("")
        self.zcq_when = label("", "secondary")
        self.activities_title = label(_("My activities (0 to 10, higher is better)"))
        self.activities_text = label("")
        self.activities_mean = label("")
        for widget in (
            self.zcq_text,
            self.zcq_when,
            self.activities_title,
            self.activities_text,
            self.activities_mean,
        ):
            body.addWidget(widget)
        self.answer_zcq = button(_("Answer the questionnaire now"))
        self.change_activities = button(_("Change my activities"))
        self.answer_zcq.clicked.connect(self._answer_zcq)
        self.change_activities.clicked.connect(self.activities_requested)
        body.addLayout(ActionRow(self.answer_zcq, self.change_activities))  # 2 lines at XL
        self.column.addWidget(self.outcomes_card)

    def _answer_zcq(self) -> None:
        """The questionnaire's plot is in view on coming back: the new point is seen."""
        self.view_buttons[ZCQ_VIEW].click()
        self.questionnaire_requested.emit()

    def _show_outcomes(self, data: ProgressData) -> None:
        self.zcq_text.setText("\n".join(data.zcq_lines))
        self._zcq_words_once()
        self.zcq_when.setText(
            _("Last answered on {day}. The plot “Questionnaire” above shows each one.").format(
                day=day_text(data.last_zcq, data.today)
            )
            if data.last_zcq is not None
            else _("Not answered yet. It takes about 5 minutes.")
        )
        lines = data.activity_lines
        self.activities_text.setText(
            "\n".join(f"•  {line}" for line in lines)
            if lines
            else _("None named yet. Name up to 5 activities that are hard for you.")
        )
        mean = data.activities_mean
        self.activities_mean.setText(mean or "")
        self.activities_mean.setVisible(bool(mean))

    def _zcq_words_once(self) -> None:
        """The questionnaire's change is said beside its plot when that plot is shown,
        else here in the card: on screen once, never twice."""
        self.zcq_text.setVisible(bool(self.zcq_text.text()) and self.plot.view.key != "zcq")

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        coach = self._context.coach
        if coach is None:
            return
        data = coach.progress()
        self.data = data
        v = data.verdict
        self.verdict_heading.setText(_(VERDICT_HEADINGS[v.verdict]))
        self.verdict_heading.setAccessibleName(
            # Translators: the verdict read aloud: the card's question, then its answer
            # ("Is it working? ▲ Improving").
            _("{question} {verdict}").format(
                question=self.verdict_card.accessibleName(), verdict=self.verdict_heading.text()
            )
        )
        self.verdict_heading.setAccessibleDescription(v.summary)
        self.verdict_text.setText(v.summary)
        extra = [line for line in (v.nudge, *data.treatment_lines) if line]
        self.verdict_extra.setText("\n".join(extra))
        self.verdict_extra.setVisible(bool(extra))
        self.signs_text.setText("\n".join(f"•  {sign.text}" for sign in data.signs))
        self.signs_card.setVisible(bool(data.signs))
        self.plot.set_data(data)
        self._show_outcomes(data)
        self.set_range(RANGES.index(next(r for r in RANGES if r[0] is self._range)))
        self.logs.clear()
        # The latest entries (older ones stay in the plots and the report).
        for stored in coach.latest_logs(LOG_ROWS):
            item = QListWidgetItem(log_line(stored.log, data.today))
            item.setData(Qt.ItemDataRole.UserRole, stored.id)
            self.logs.addItem(item)
        if self.logs.count():
            self.logs.setCurrentRow(0)
        self.edit_log.setEnabled(bool(self.logs.count()))
        self.delete_log.setEnabled(bool(self.logs.count()))
        self.log_undo.refresh()
        self.treatment_undo.refresh()
        self.treatments.clear()
        for stored in reversed(coach.treatments()):
            event = stored.event
            text = (
                _("{day}: {treatment} — {note}") if event.note else _("{day}: {treatment}")
            ).format(
                day=day_text(event.date, data.today), treatment=event.kind.label, note=event.note
            )
            if has_relief_record(event.kind):  # DESIGN 5.10: how long its relief lasted
                relief = coach.relief_words(event.date, event.kind)
                text = f"{text}\n{relief}" if relief else text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, stored.id)
            self.treatments.addItem(item)
        has = bool(self.treatments.count())
        self._fit_treatments()
        self.treatments.setVisible(has)
        self.no_treatments.setVisible(not has)
        self.delete_treatment.setEnabled(has)
        if has:
            self.treatments.setCurrentRow(0)

    def show_view(self, index: int) -> None:
        self.plot.show_view(VIEWS[index])
        self._zcq_words_once()
        self.set_range(RANGES.index(next(r for r in RANGES if r[0] is self._range)))

    def set_range(self, index: int) -> None:
        self._range = RANGES[index][0]
        self.range_buttons[index].setChecked(True)
        x_min, x_max = s.x_range(self._range, self.data.today, self.plot.visible_xs())
        self.plot.set_range(x_min, x_max)

    # -- the daily log ---------------------------------------------------------------------
    def _chosen_log(self) -> int | None:
        item = self.logs.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _edit_log(self) -> None:
        coach = self._context.coach
        log_id = self._chosen_log()
        if coach is None or log_id is None:
            return
        chosen = next((x for x in coach.latest_logs(LOG_ROWS) if x.id == log_id), None)
        if chosen is not None:
            self.log_requested.emit(chosen.log.day)

    # -- deleting, undoably (ui/undo.py): the bar above each list says what went -------
    def _delete_log(self) -> None:
        self._delete_from(self.logs, self.log_undo, Kind.LOG)

    def _delete_treatment(self) -> None:
        self._delete_from(self.treatments, self.treatment_undo, Kind.TREATMENT)

    def _delete_from(self, listing: QListWidget, bar: UndoBar, kind: Kind) -> None:
        item = listing.currentItem()
        if item is None:
            return
        row = listing.row(item)
        bar.delete(kind, item.data(Qt.ItemDataRole.UserRole))
        if listing.count():  # the next one down is chosen, ready for another delete
            listing.setCurrentRow(min(row, listing.count() - 1))

    def _restored(self, listing: QListWidget, back: Deleted) -> None:
        """Show what came back: chosen in its list, which takes the focus."""
        for row in range(listing.count()):
            if listing.item(row).data(Qt.ItemDataRole.UserRole) == back.item_id:
                listing.setCurrentRow(row)
                listing.scrollToItem(listing.item(row))
        listing.setFocus()

    def _fit_treatments(self) -> None:
        """The treatments' list as tall as its entries at its width now."""
        listing = self.treatments
        rows = sum(listing.sizeHintForRow(row) for row in range(listing.count()))
        height = max(rows, listing.fontMetrics().lineSpacing()) + 2 * listing.frameWidth()
        if listing.height() != height or listing.minimumHeight() != height:
            listing.setFixedHeight(height)

    def eventFilter(self, watched, event) -> bool:
        """Delete in a list deletes the chosen entry (undoably, like the button); the
        treatments' list keeps its height to its entries when its width changes."""
        from PySide6.QtCore import QEvent

        if watched is self.treatments.viewport() and event.type() == QEvent.Type.Resize:
            if event.size().width() != event.oldSize().width():
                self._fit_treatments()
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            if watched is self.logs:
                self._delete_log()
                return True
            if watched is self.treatments:
                self._delete_treatment()
                return True
        return super().eventFilter(watched, event)


class WrapInView(QStyledItemDelegate):
    """Entries as wide as the list's viewport, their words wrapped to it: Qt wraps an
    entry's words to the viewport and then adds the item's padding, so a wrapped entry
    passed the right edge by that padding and its last letters were cut."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        room = view.viewport().width() if isinstance(view, QListWidget) else 0
        if room <= 0:
            return super().sizeHint(option, index)
        sized = QStyleOptionViewItem(option)
        top = option.rect.topLeft()
        sized.rect = QRect(top.x(), top.y(), room, max(1, option.rect.height()))
        size = super().sizeHint(sized, index)
        over = size.width() - room  # the item's padding, added after the wrapping
        if over > 0:
            sized.rect = QRect(top.x(), top.y(), max(1, room - over), sized.rect.height())
            size = super().sizeHint(sized, index)
        size.setWidth(min(size.width(), room))
        return size


def wrapping(listing: QListWidget) -> QListWidget:
    """A list whose entries go on to more lines when the list is narrower than them
    (extra-large text at 1024 px), never cut ("flexion and w…") or scrolled sideways."""
    listing.setItemDelegate(WrapInView(listing))
    listing.setWordWrap(True)
    listing.setTextElideMode(Qt.TextElideMode.ElideNone)
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listing.setResizeMode(QListWidget.ResizeMode.Adjust)  # laid out again at each width
    listing.setUniformItemSizes(False)
    return listing


def log_line(log, today: date) -> str:
    """One logged day for the list: its date (the year when not this year) and values."""
    parts = []
    if log.leg_pain is not None:
        parts.append(_("leg {pain}/10").format(pain=log.leg_pain))
    if log.back_pain is not None:
        parts.append(_("back {pain}/10").format(pain=log.back_pain))
    parts.append(ngettext("{n} dose", "{n} doses", log.doses).format(n=log.doses))
    if log.standing_s:
        parts.append(_("stood {minutes}").format(minutes=minutes_text(log.standing_s)))
    if log.new_weakness:
        parts.append(_("new weakness"))
    return _("{day}: {values}").format(day=day_text(log.day, today), values=" · ".join(parts))
