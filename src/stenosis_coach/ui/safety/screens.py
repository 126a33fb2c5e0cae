"""The safety screens: welcome, one question at a time, seek care, all clear, clearance.

Each screen only shows state and emits what the user chose; the controller decides what
happens next and stores it. None of these screens has a button that starts an exercise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout

from stenosis_coach import APP_TITLE
from stenosis_coach.core.safety import QUESTIONS, ClearanceReason, Level, SeekCareAdvice
from stenosis_coach.i18n import N_, _, ngettext, pgettext
from stenosis_coach.ui.widgets import SPACING, ActionRow, Card, PageBase, button, label

# Clinically reviewed words: translated where shown (``_()``), never reworded here.
WELCOME_DOES = N_(
    "{app} guides you through gentle exercise routines and walks with planned "
    "rests, and records how you are doing, so that you and your clinician can see "
    "whether walking is getting easier."
)
WELCOME_DOES_NOT = N_(
    "It does not diagnose anything and it does not replace your doctor, physiotherapist "
    "or other clinician. Follow their advice first. If something feels wrong, stop and "
    "ask them."
)
WELCOME_PRIVATE = N_("Everything stays on this computer. The app never uses the internet.")
INTRO_FIRST = N_("Answer about anything that is new or getting worse recently.")
INTRO_AGAIN = N_("Answer about anything new or changed since your last check.")
# A check that must be answered (first run, after a session's warning sign) can be left,
# but it is not put off: it is asked before the next exercise or walk.
MUST_ANSWER_NOTE = N_("You can finish the check later. Walks and exercises wait until then.")


def check_intro() -> str:
    """What the safety check is, said before it starts."""
    count = len(QUESTIONS)
    return ngettext(
        "First, a short safety check: {count} question about anything new or getting "
        "worse recently. You answer each one with Yes or No, and it takes about two "
        "minutes. Some symptoms need a clinician soon, and this check helps you notice them.",
        "First, a short safety check: {count} questions about anything new or getting "
        "worse recently. You answer each one with Yes or No, and it takes about two "
        "minutes. Some symptoms need a clinician soon, and this check helps you notice them.",
        count,
    ).format(count=count)


def answer_word(yes: bool) -> str:
    """An answer as its button says it: Yes or No."""
    return _("Yes") if yes else _("No")


class Screen(PageBase):
    """A full-window screen with generous margins and a page title."""

    def __init__(self, title: str) -> None:
        super().__init__(title, margin=(6, 5), pinned_actions=True)
        self.layout_ = self.column

    def finish_with(self, action: QPushButton) -> None:
        """End the screen with its one main action, which also takes the focus."""
        self.pin(ActionRow(action))
        self.layout_.addStretch(1)
        self.setFocusProxy(action)

    def add_shortcut(self, keys: str, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # A key held down must never answer or leave more than once.
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(slot)
        return shortcut

    def add_notice(self, text: str) -> None:
        card = Card()
        card.body.addWidget(label(text))
        self.layout_.addWidget(card)


class WelcomeScreen(Screen):
    """Signals:
    proceed(): the user read the welcome and goes on to the check.
    not_now(): the user looks around first (Esc); the check is asked before any session.
    """

    proceed = Signal()
    not_now = Signal()

    def __init__(self) -> None:
        super().__init__(_("Welcome to {app}").format(app=APP_TITLE))
        self.layout_.addWidget(label(_(WELCOME_DOES).format(app=APP_TITLE)))
        for text in (WELCOME_DOES_NOT, WELCOME_PRIVATE):
            self.layout_.addWidget(label(_(text)))
        card = Card(_("Before you start"))
        intro = check_intro()
        card.body.addWidget(label(intro))
        self.start = button(_("Start the safety check"), kind="primary")
        self.start.clicked.connect(self.proceed)
        self.later = button(_("Not now"), _("Not now: look around first"), shortcut_hint="Esc")
        self.later.clicked.connect(self.not_now)
        # What the check is stays with the button that starts it, both always in view.
        self.pin(card, ActionRow(self.start, self.later))
        self.layout_.addStretch(1)
        self.setFocusProxy(self.start)
        self.start.setAccessibleDescription(intro)
        self.add_shortcut("Esc", self.later.click)


class QuestionScreen(Screen):
    """One question with two very large buttons; a new screen for each question, so that
    a screen reader announces each one as it takes the focus.

    Signals:
        answered(bool): Yes (True) or No (False).
        back(): go to the previous question.
        postpone(): leave the check for later (Finish later, or Back to Today).
    """

    answered = Signal(bool)
    back = Signal()
    postpone = Signal()

    def __init__(
        self,
        text: str,
        number: int,
        total: int,
        *,
        previous: bool | None = None,
        may_postpone: bool = False,
        first_check: bool = False,
        notice: str | None = None,
    ) -> None:
        super().__init__(_("Safety check"))
        self.spoken = _("Question {number} of {total}: {question}").format(
            number=number, total=total, question=text
        )
        if notice:
            self.add_notice(notice)
            self.setAccessibleDescription(notice)
        # Said on the first question (every question starts with the same words), and again
        # on a question come back to with Back: the answer given before is added beside the
        # question's number, it does not take the place of these words.
        self.intro = label(_(INTRO_FIRST if first_check else INTRO_AGAIN), "secondary")
        self.intro.setVisible(number == 1 or previous is not None)
        self.layout_.addWidget(self.intro)
        if previous is None:
            progress = _("Question {number} of {total}").format(number=number, total=total)
        else:
            # The answer in the very words of its button (the same message, translated once).
            progress = _("Question {number} of {total}. Your answer before: {answer}").format(
                number=number, total=total, answer=answer_word(previous)
            )
        self.progress_text = label(progress, "secondary")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        self.progress.setAccessibleName(_("Progress through the check"))
        self.progress.setRange(0, total)
        self.progress.setValue(number - 1)
        self.layout_.addWidget(self.progress_text)
        self.layout_.addWidget(self.progress)
        self.question = label(text, "section-title")
        self.question.setAccessibleName(text)
        self.layout_.addWidget(self.question)
        answers = QHBoxLayout()
        answers.setSpacing(3 * SPACING)
        self.yes = button(answer_word(True), answer_word(True), "answer", shortcut_hint="Y")
        self.no = button(answer_word(False), answer_word(False), "answer", shortcut_hint="N")
        for widget, value in ((self.yes, True), (self.no, False)):
            widget.clicked.connect(lambda _=False, v=value: self.answered.emit(v))
            # Tabbing to Yes or No says the question too.
            widget.setAccessibleDescription(self.spoken)
            answers.addWidget(widget, 1)
        self.layout_.addStretch(1)
        nav = ActionRow()
        self.back_button = button(
            pgettext("button", "Back"),
            _("Back to the previous question"),
            shortcut_hint="Backspace",
        )
        self.back_button.clicked.connect(self.back)
        self.back_button.setEnabled(number > 1)
        nav.addWidget(self.back_button)
        # A check the patient chose (weekly, on demand) is put off; one that must be
        # answered is only left for now, and asked again before the next session.
        self.later = button(_("Finish later"), _("Finish the check later"), shortcut_hint="Esc")
        self.leave = button(
            _("Back to Today"), _("Back to Today, finish later"), shortcut_hint="Esc"
        )
        for widget in (self.later, self.leave):
            widget.clicked.connect(self.postpone)
            nav.add_apart(widget)
        self.later.setVisible(may_postpone)
        self.leave.setVisible(not may_postpone)
        if not may_postpone:
            self.layout_.addWidget(label(_(MUST_ANSWER_NOTE), "secondary"))
        # The answers and the ways out stay in view while a long question scrolls.
        self.pin(answers, nav)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.add_shortcut("Y", self.yes.click)
        self.add_shortcut("N", self.no.click)
        self.add_shortcut("Backspace", self.back_button.click)
        self.add_shortcut("Esc", (self.later if may_postpone else self.leave).click)
        # The screen takes the focus and is named by its question: a screen reader says
        # "Question 3 of 16: ..." as each question appears. After Back, the earlier answer
        # has the focus instead (Enter keeps it), named with the question. A new question
        # focuses neither answer: holding Enter must never answer for the patient.
        self.setAccessibleName(self.spoken)
        if previous is not None:
            earlier = self.yes if previous else self.no
            named = (
                _("Yes, your answer before. {question}")
                if previous
                else _("No, your answer before. {question}")
            )
            earlier.setAccessibleName(named.format(question=self.spoken))
            self.setFocusProxy(earlier)


LEVEL_ROLE = {
    Level.EMERGENCY: "alert-emergency",
    Level.URGENT: "warning",
    Level.STOP_AND_CHECK: "warning",
}


class SeekCareScreen(Screen):
    """What to do now, after a "yes". One way out: back to Today (Esc too), never into an
    exercise or a walk.

    Signals:
        done(): the user has read the advice.
    """

    done = Signal()

    def __init__(self, advice: SeekCareAdvice, note: str | None = None) -> None:
        super().__init__(advice.title)
        self.advice = advice
        card = Card(None, role=LEVEL_ROLE[advice.level])
        self.body = label(advice.body)
        card.body.addWidget(self.body)
        self.layout_.addWidget(card)
        answered_yes = _("You answered yes to:")
        self.layout_.addWidget(label(answered_yes, "section-title"))
        for reason in advice.reasons:
            self.layout_.addWidget(label(f"•  {reason}"))
        if advice.also_noted:
            self.layout_.addWidget(label(_("You also noted:")))
            for reason in advice.also_noted:
                self.layout_.addWidget(label(f"•  {reason}"))
        if note:
            self.note = label(note)
            self.layout_.addWidget(self.note)
        self.layout_.addWidget(
            label(
                _(
                    "Until you tell the app that a clinician has checked you, your Today page "
                    "shows this advice instead of exercises and walks."
                ),
                "secondary",
            )
        )
        self.ok = button(
            _("I understand, back to Today"),
            _("I understand: back to the Today page"),
            "primary",
            shortcut_hint="Esc",
        )
        self.ok.clicked.connect(self.done)
        # The button takes the focus: a screen reader says the advice with it.
        said = [advice.title, note or "", advice.body, answered_yes, *advice.reasons]
        self.ok.setAccessibleDescription(" ".join(part for part in said if part))
        self.setAccessibleName(advice.title)
        self.finish_with(self.ok)
        self.add_shortcut("Esc", self.ok.click)


class AllClearScreen(Screen):
    """Signals: done()."""

    done = Signal()

    def __init__(self, *, goes_on: bool = False) -> None:
        """``goes_on``: what was started before the check (a walk, a routine) comes next,
        so the button says so instead of "Back to Today"."""
        super().__init__(_("Thank you"))
        self.text = label(
            _(
                "You answered no to every question. The next check is in a week. If anything "
                "new comes up before then, press “I have new symptoms”. After this screen you "
                "will find it on the left of the main screen, below the pages, at any time."
            )
        )
        self.layout_.addWidget(self.text)
        words = _("Go on") if goes_on else _("Back to Today")
        self.ok = button(words, kind="primary", shortcut_hint="Esc")
        self.ok.clicked.connect(self.done)
        self.ok.setAccessibleDescription(" ".join((_("Thank you."), self.text.text())))
        self.finish_with(self.ok)
        self.add_shortcut("Esc", self.ok.click)


class ClearanceScreen(Screen):
    """Asked before any session while a "yes" waits for a clinician's check.

    Signals:
        cleared(ClearanceReason): checked by a clinician, or the answer was a mistake.
        not_yet(): go back without starting anything.
    """

    cleared = Signal(object)
    not_yet = Signal()

    def __init__(self, advice: SeekCareAdvice, when_text: str) -> None:
        super().__init__(_("Have you been checked?"))
        self.said = label(
            _(
                "In your safety check on {day} you answered yes to: {answers}. "
                "The advice was: {advice}."
            ).format(
                day=when_text,
                answers="; ".join(advice.reasons),
                advice=advice.title.lower(),
            )
        )
        self.layout_.addWidget(self.said)
        self.layout_.addWidget(
            label(
                _(
                    "Exercises and walks can start again once a clinician has checked you, "
                    "or if that answer was a mistake."
                )
            )
        )
        self.checked = button(_("A clinician has checked me"), kind="primary")
        self.mistake = button(_("My answer was a mistake"))
        self.back_button = button(_("Not yet"), _("Not yet: go back"), shortcut_hint="Esc")
        self.checked.clicked.connect(
            lambda: self.cleared.emit(ClearanceReason.CHECKED_BY_CLINICIAN)
        )
        self.mistake.clicked.connect(lambda: self.cleared.emit(ClearanceReason.ANSWERED_BY_MISTAKE))
        self.back_button.clicked.connect(self.not_yet)
        column = QVBoxLayout()
        column.setSpacing(2 * SPACING)
        for widget in (self.checked, self.mistake, self.back_button):
            column.addLayout(ActionRow(widget))
        self.pin(column)
        self.layout_.addStretch(1)
        self.add_shortcut("Esc", self.back_button.click)
        self.back_button.setAccessibleDescription(
            " ".join((_("Have you been checked?"), self.said.text()))
        )
        self.setFocusProxy(self.back_button)
