"""The questionnaire screens (issue 15, DESIGN 5.6): the Zurich Claudication Questionnaire one
question per screen, "My activities" (PSFS) rated 0-10, and a short thank-you.

Each screen only shows state and emits what the user chose; the controller
(:mod:`.controller`) keeps the answers, decides what comes next and saves.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach.core.outcomes.model import MAX_ACTIVITIES, STOPPED, Answer
from stenosis_coach.core.outcomes.psfs import (
    AS_BEFORE_WORDS,
    ASK_WORDS,
    PSFS_SOURCE_TEXT,
    STOPPED_WORDS,
    UNABLE_WORDS,
)
from stenosis_coach.core.outcomes.zcq import ZCQ_SOURCE_TEXT, Item
from stenosis_coach.core.words import spoken_text
from stenosis_coach.i18n import _, ngettext, pgettext
from stenosis_coach.ui.dialogs import Dialogs
from stenosis_coach.ui.form_leave import LeavesAsking, UnsavedEntries
from stenosis_coach.ui.inputs import RatingScale
from stenosis_coach.ui.theme import set_kind
from stenosis_coach.ui.widgets import (
    SPACING,
    ActionRow,
    Card,
    PageBase,
    button,
    label,
    settle,
    tab_controls,
    with_shortcut,
)

SHORT_ANSWER = 24  # characters: answers this short stand two to a row
MOST_IN_ONE_COLUMN = 3  # answers; more stand two to a row, whatever their length


def _shortcut(screen: QWidget, keys: str, slot) -> QShortcut:
    shortcut = QShortcut(QKeySequence(keys), screen)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.setAutoRepeat(False)  # a key held down never answers twice
    shortcut.activated.connect(slot)
    return shortcut


class AnswerButton(QPushButton):
    """A very large answer whose words wrap onto more lines instead of being cut (the
    ZCQ's longest answers are a sentence; at extra-large text they need two lines)."""

    def __init__(self, text: str, name: str) -> None:
        super().__init__()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.words = label(text)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.setContentsMargins(2 * SPACING, SPACING, 2 * SPACING, SPACING)
        row.addWidget(self.words)
        self.setAccessibleName(spoken_text(name))
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self.layout().totalSizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        narrow = min(self.sizeHint().width(), 30 * SPACING)
        return QSize(narrow, self.heightForWidth(narrow))


def source_note() -> str:
    """The instrument's name and source, said modestly before the first question."""
    return _("The questions come from a published questionnaire. Source: {source}").format(
        source=_(ZCQ_SOURCE_TEXT)
    )


class ZcqQuestionScreen(PageBase):
    """One question of the ZCQ with its answers as large buttons (keys 1 to 5).

    Signals:
        answered(int): the answer's score (1-5; the balance item 1, 3 or 5).
        back(): the previous question.
        skipped(): leave this question unanswered and go on.
        leave(): Esc or Leave: the controller asks before the answers are dropped.
    """

    answered = Signal(int)
    back = Signal()
    skipped = Signal()
    leave = Signal()

    def __init__(
        self,
        item: Item,
        intro: str,
        number: int,
        total: int,
        *,
        previous: int | None = None,
        intro_shown: bool = True,
    ) -> None:
        progress = _("Question {number} of {total}").format(number=number, total=total)
        # The title says where the patient is: the screen keeps its room for the question
        # and its answers, all in view even at extra-large text.
        super().__init__(progress, margin=(6, 4), pinned_actions=True)
        self.item = item
        question = item.question
        self.spoken = _("Question {number} of {total}: {question}").format(
            number=number, total=total, question=question
        )
        self.progress_text = self.title
        self.column.setSpacing(2 * SPACING)  # five answers and the question in one view
        chosen = next((o.text for o in item.answers if o.value == previous), None)
        # The answer chosen on coming back, in words (never colour alone): Enter keeps it.
        self.before = label(
            "" if chosen is None else _("You chose: {answer}").format(answer=chosen),
            "secondary",
        )
        self.before.setVisible(chosen is not None)
        self.column.addWidget(self.before)
        # The words that frame a part's questions, on its first question (and on one come
        # back to, where the answer before is said too).
        self.intro = label(intro, "secondary")
        self.intro.setVisible(intro_shown)
        self.column.addWidget(self.intro)
        self.question = label(question, "section-title")
        self.question.setAccessibleName(question)
        self.column.addWidget(self.question)
        # The answers follow the question in the part that scrolls (five of them at
        # extra-large text leave no room for the question if pinned); the ways out stay.
        # Two to a row, their words wrapping inside the button: four or five answers one to
        # a row ran below the window at extra-large text ("Every minute of the day"). Three
        # long sentences (the balance question) stay one to a row, read more easily.
        answers = QGridLayout()
        answers.setSpacing(SPACING)
        short = all(len(o.text) <= SHORT_ANSWER for o in item.answers)
        columns = 2 if short or len(item.answers) > MOST_IN_ONE_COLUMN else 1
        for column in range(columns):
            answers.setColumnStretch(column, 1)  # equal halves, however long the words
        self.answers: list[QPushButton] = []
        for key, option in enumerate(item.answers, start=1):
            choice = AnswerButton(with_shortcut(option.text, str(key)), option.text)
            choice.setCheckable(True)
            choice.setChecked(option.value == previous)
            choice.clicked.connect(lambda _=False, v=option.value: self.answered.emit(v))
            choice.setAccessibleDescription(self.spoken)
            if option.value == previous:
                choice.setAccessibleName(
                    _("{answer}, you chose this. {question}").format(
                        answer=option.text, question=self.spoken
                    )
                )
            answers.addWidget(choice, (key - 1) // columns, (key - 1) % columns)
            self.answers.append(choice)
            _shortcut(self, str(key), choice.click)
        nav = ActionRow()
        self.back_button = button(
            pgettext("button", "Back"),
            _("Back to the previous question"),
            shortcut_hint="Backspace",
        )
        self.back_button.clicked.connect(self.back)
        self.back_button.setEnabled(number > 1)
        self.skip_button = button(_("Skip this question"))
        self.skip_button.clicked.connect(self.skipped)
        self.leave_button = button(_("Leave"), _("Leave the questionnaire"), shortcut_hint="Esc")
        self.leave_button.clicked.connect(self.leave)
        nav.addWidget(self.back_button)
        nav.addWidget(self.skip_button)
        nav.add_apart(self.leave_button)
        self.column.addLayout(answers)
        self.column.addStretch(1)
        self.pin(nav)
        _shortcut(self, "Backspace", self.back_button.click)
        _shortcut(self, "Esc", self.leave_button.click)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.spoken)
        # The focus ring shows on an answer as the question opens: the first one, or after
        # Back the one chosen, so Enter keeps it. (Enter held down answers once: ui.keys.)
        self.setFocusProxy(next((b for b in self.answers if b.isChecked()), self.answers[0]))


class ZcqIntroScreen(PageBase):
    """What the questionnaire is, how to answer it, and its source (cited in the app).

    Signals: proceed() (Start, Enter), leave() (Not now, Esc).
    """

    proceed = Signal()
    leave = Signal()

    def __init__(self, total: int, *, about_care: bool = True) -> None:
        """``about_care``: the questions include how satisfied the patient is with the care
        (from the second questionnaire on)."""
        super().__init__(_("Questionnaire"), margin=(6, 5), pinned_actions=True)
        if about_care:
            words = ngettext(
                "{count} short question about your legs, your walking and your care. Then "
                "My activities: the things you find hard, each rated from 0 to 10. Answer "
                "each question with its button or its number key. You can go back, or skip a "
                "question. It takes about 5 minutes.",
                "{count} short questions about your legs, your walking and your care. Then "
                "My activities: the things you find hard, each rated from 0 to 10. Answer "
                "each question with its button or its number key. You can go back, or skip a "
                "question. It takes about 5 minutes.",
                total,
            )
        else:
            words = ngettext(
                "{count} short question about your legs and your walking. Then My "
                "activities: the things you find hard, each rated from 0 to 10. Answer each "
                "question with its button or its number key. You can go back, or skip a "
                "question. It takes about 5 minutes.",
                "{count} short questions about your legs and your walking. Then My "
                "activities: the things you find hard, each rated from 0 to 10. Answer each "
                "question with its button or its number key. You can go back, or skip a "
                "question. It takes about 5 minutes.",
                total,
            )
        self.text = label(words.format(count=total))
        self.column.addWidget(self.text)
        self.source = label(source_note(), "secondary")
        self.column.addWidget(self.source)
        self.column.addStretch(1)
        self.start = button(_("Start"), _("Start the questionnaire"), "primary", "Enter")
        self.start.clicked.connect(self.proceed)
        self.later = button(_("Not now"), _("Not now: back"), shortcut_hint="Esc")
        self.later.clicked.connect(self.leave)
        self.pin(ActionRow(self.start, self.later))
        self.start.setAccessibleDescription(self.text.text())
        self.setFocusProxy(self.start)
        _shortcut(self, "Esc", self.later.click)


@dataclass
class ActivityChoice:
    """What the patient said about one activity on :class:`ActivitiesScreen`."""

    words: str
    activity_id: int | None  # None: named on this screen
    rating: Answer | None  # 0-10, STOPPED, or None (not rated)
    retired: bool = False


class _ActivityRow(QWidget):
    """One activity: its words, a 0-10 scale, and "I stopped doing it" / "Not important
    now" (each a toggle, so a press by mistake is undone by pressing again)."""

    def __init__(self, words: str, activity_id: int | None, parent: QWidget) -> None:
        super().__init__(parent)  # made inside the page: never a window of its own
        self.words = words
        self.activity_id = activity_id
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        self.title = label(words, "section-title")
        column.addWidget(self.title)
        column.addWidget(
            label(
                _("0 = {unable}, 10 = {as_before}").format(
                    unable=_(UNABLE_WORDS), as_before=_(AS_BEFORE_WORDS)
                ),
                "secondary",
            )
        )
        self.scale = RatingScale(words, _(UNABLE_WORDS), _(AS_BEFORE_WORDS))
        column.addWidget(self.scale)
        self.stopped = button(
            _(STOPPED_WORDS), _("{activity}: I have stopped doing it").format(activity=words)
        )
        self.retire = button(
            _("Not important now"),
            _("{activity}: not important now, stop rating it").format(activity=words),
        )
        for toggle in (self.stopped, self.retire):
            toggle.setCheckable(True)
            set_kind(toggle, "choice")
        self.stopped.toggled.connect(lambda on: on and self.retire.setChecked(False))
        self.retire.toggled.connect(lambda on: on and self.stopped.setChecked(False))
        self.stopped.toggled.connect(self._enable)
        self.retire.toggled.connect(self._enable)
        column.addLayout(ActionRow(self.stopped, self.retire))

    def _enable(self, *_args) -> None:
        self.scale.setEnabled(not (self.stopped.isChecked() or self.retire.isChecked()))

    def choice(self) -> ActivityChoice:
        rating: Answer | None = STOPPED if self.stopped.isChecked() else self.scale.value()
        return ActivityChoice(self.words, self.activity_id, rating, self.retire.isChecked())


class ActivitiesScreen(LeavesAsking, PageBase):
    """My activities (PSFS): each current activity rated 0-10, stopped or retired; new ones
    named (up to 5 in all) in the patient's own words.

    With ``after_questionnaire`` it says first that the answers are saved, and offers Back
    to the questionnaire's last question.

    Signals:
        submitted(list[ActivityChoice]): Save pressed.
        back(): Back to the last question (asked first when something was entered).
        cancelled(): left without saving (asked first when something was entered).
    """

    submitted = Signal(object)
    back = Signal()
    cancelled = Signal()

    def __init__(
        self,
        current: list[tuple[int, str]],
        dialogs: Dialogs,
        *,
        after_questionnaire: bool = False,
    ) -> None:
        super().__init__(_("My activities"), margin=(6, 5), pinned_actions=True)
        self.saved_note = label(_("Your answers are saved. Now your activities."))
        self.saved_note.setVisible(after_questionnaire)
        self.column.addWidget(self.saved_note)
        self.column.addWidget(label(_(ASK_WORDS)))
        self.column.addWidget(label(_(PSFS_SOURCE_TEXT), "secondary"))
        self.rows: list[_ActivityRow] = []
        self._rows = QVBoxLayout()
        self._rows.setSpacing(3 * SPACING)
        self.column.addLayout(self._rows)
        self.add_card = Card(_("Add an activity"))
        self.hint = label(
            _(
                "In your own words, for example: “standing long enough to cook” or “the "
                "grocery store”."
            ),
            "secondary",
        )
        self.new_words = QLineEdit()
        self.new_words.setAccessibleName(_("A new activity, in your own words"))
        self.new_words.setAccessibleDescription(self.hint.text())
        self.new_words.setMaxLength(200)
        self.add_button = button(_("Add"), _("Add this activity"))
        self.add_button.clicked.connect(self._add_typed)
        self.new_words.returnPressed.connect(self._add_typed)
        self.error = label("", "error")
        self.error.hide()
        self.add_card.body.addWidget(self.hint)
        # The words and Add on one line: at extra-large text Add stays in view with Save.
        typed = QHBoxLayout()
        typed.setSpacing(SPACING)
        typed.addWidget(self.new_words, 1)
        typed.addWidget(self.add_button)
        self.add_card.body.addLayout(typed)
        self.add_card.body.addWidget(self.error)
        self.column.addWidget(self.add_card)
        self.column.addStretch(1)
        self.save = button(_("Save"), _("Save my activities"), "primary")
        self.cancel = button(
            pgettext("button", "Leave"), _("Leave without saving"), shortcut_hint="Esc"
        )
        self.back_button = button(pgettext("button", "Back"), _("Back to the last question"))
        self.back_button.setVisible(after_questionnaire)
        self.save.clicked.connect(self._submit)
        self.back_button.clicked.connect(self._back)
        self.cancel.clicked.connect(self._leave)
        actions = ActionRow(self.save, self.back_button)
        actions.add_apart(self.cancel)
        self.pin(actions)
        for activity_id, words in current:
            self._add_row(words, activity_id)
        self._update_add()
        self.setFocusProxy(self.rows[0].scale if self.rows else self.new_words)
        self._unsaved = UnsavedEntries(self, dialogs, extra=lambda: len(self.rows))
        self._unsaved.remember()

    def _add_row(self, words: str, activity_id: int | None) -> _ActivityRow:
        row = _ActivityRow(words, activity_id, self._rows.parentWidget())
        if activity_id is None:  # named just now: it may simply be taken off again
            row.stopped.hide()
            row.retire.setText(_("Take off the list"))
            row.retire.setAccessibleName(_("{activity}: take off the list").format(activity=words))
            row.retire.toggled.connect(lambda on, r=row: on and self._remove(r))
        self.rows.append(row)
        self._rows.addWidget(row)
        self._order_tabs()
        return row

    def _order_tabs(self) -> None:
        """Tab in reading order, every control once: the rows, the new activity, then the
        pinned buttons (rows made after those would otherwise keep Tab among themselves)."""
        controls = [w for r in self.rows for w in (r.scale, r.stopped, r.retire)]
        controls += [self.new_words, self.add_button, self.save, self.back_button, self.cancel]
        for before, after in pairwise(controls):
            QWidget.setTabOrder(before, after)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab follow the page's Tab order (:func:`tab_controls`) through
        every control, out to the pinned buttons and round again. Qt's own search, asked
        from inside the scrolling part, went round the activities' rows only."""
        controls = list(tab_controls(self))
        current = QApplication.focusWidget()
        if current not in controls:
            return super().focusNextPrevChild(forward)
        step = 1 if forward else -1
        target = controls[(controls.index(current) + step) % len(controls)]
        target.setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        )
        return True

    def _back(self) -> None:
        if self._unsaved.may_leave():
            self.back.emit()

    def _remove(self, row: _ActivityRow) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._update_add()
        self._order_tabs()
        self.new_words.setFocus()

    def _rated_count(self) -> int:
        return sum(1 for r in self.rows if not (r.retire.isChecked() or r.stopped.isChecked()))

    def _update_add(self) -> None:
        full = len(self.rows) >= MAX_ACTIVITIES
        self.add_card.setVisible(not full)

    def _add_typed(self) -> None:
        words = " ".join(self.new_words.text().split())
        problem = None
        if not words:
            problem = _("Give the activity a name.")
        elif any(r.words.casefold() == words.casefold() for r in self.rows):
            problem = _("This activity is already on your list.")
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.new_words.setFocus()
            return
        self.error.hide()
        self.new_words.clear()
        row = self._add_row(words, None)
        self._update_add()
        settle(self)  # shown now, so that it takes the focus at once
        row.scale.setFocus()
        # Its words and its scale in view once laid out (the page kept its place before);
        # not at all if it is taken off the list before then.
        area = self.content_area
        assert area is not None
        QTimer.singleShot(0, row, lambda: (area.show_whole(row.scale), area.show_whole(row.title)))

    def choices(self) -> list[ActivityChoice]:
        return [row.choice() for row in self.rows]

    def _submit(self) -> None:
        if self.new_words.text().strip():  # typed but not added: add it, as meant
            self._add_typed()
        self.submitted.emit(self.choices())


class ThankYouScreen(PageBase):
    """Signals: done()."""

    done = Signal()

    def __init__(self, lines: list[str], back_words: str) -> None:
        super().__init__(_("Thank you"), margin=(6, 5), pinned_actions=True)
        self.lines = [label(line) for line in lines]
        for line in self.lines:
            self.column.addWidget(line)
        self.column.addStretch(1)
        self.ok = button(back_words, kind="primary", shortcut_hint="Esc")
        self.ok.clicked.connect(self.done)
        self.ok.setAccessibleDescription(" ".join([_("Thank you."), *lines]))
        self.pin(ActionRow(self.ok))
        self.setFocusProxy(self.ok)
        _shortcut(self, "Esc", self.ok.click)
