"""The safety screens: welcome, one question at a time, seek care, all clear, clearance.

Each screen only shows state and emits what the user chose; the controller decides what
happens next and stores it. None of these screens has a button that starts an exercise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout

from stenosis_coach import APP_TITLE
from stenosis_coach.core.safety import ClearanceReason, Level, RedFlagQuestion, SeekCareAdvice
from stenosis_coach.ui.widgets import SPACING, Card, PageBase, button, button_row, label

WELCOME_DOES = (
    f"{APP_TITLE} guides you through gentle exercise routines and walks with planned "
    "rests, and records how you are doing, so that you and your clinician can see "
    "whether walking is getting easier."
)
WELCOME_DOES_NOT = (
    "It does not diagnose anything and it does not replace your doctor, physiotherapist "
    "or other clinician. Follow their advice first. If something feels wrong, stop and "
    "ask them."
)
WELCOME_PRIVATE = "Everything stays on this computer. The app never uses the internet."
CHECK_INTRO = (
    "First, a short safety check: a few yes-or-no questions about anything new or "
    "changed since your last check. Some symptoms need a clinician soon, and this check "
    "helps you notice them."
)


class Screen(PageBase):
    """A full-window screen with generous margins and a page title."""

    def __init__(self, title: str) -> None:
        super().__init__(title, margin=(6, 5))
        self.layout_ = self.column

    def finish_with(self, action: QPushButton) -> None:
        """End the screen with its one main action, which also takes the focus."""
        self.layout_.addLayout(button_row(action))
        self.layout_.addStretch(1)
        self.setFocusProxy(action)

    def add_shortcut(self, keys: str, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut


class WelcomeScreen(Screen):
    """Signals: proceed(): the user read the welcome and goes on to the check."""

    proceed = Signal()

    def __init__(self) -> None:
        super().__init__(f"Welcome to {APP_TITLE}")
        for text in (WELCOME_DOES, WELCOME_DOES_NOT, WELCOME_PRIVATE):
            self.layout_.addWidget(label(text))
        card = Card("Before you start")
        card.body.addWidget(label(CHECK_INTRO))
        self.layout_.addWidget(card)
        self.start = button("Start the safety check", kind="primary")
        self.start.clicked.connect(self.proceed)
        self.finish_with(self.start)


class QuestionScreen(Screen):
    """One question with two very large buttons.

    Signals:
        answered(bool): Yes (True) or No (False).
        back(): go to the previous question.
        postpone(): leave the check for later (only offered when allowed).
    """

    answered = Signal(bool)
    back = Signal()
    postpone = Signal()

    def __init__(self, may_postpone: bool) -> None:
        super().__init__("Safety check")
        self.intro = label(
            "Answer about anything new or changed since your last check.", "secondary"
        )
        self.layout_.addWidget(self.intro)
        self.progress_text = label("", "secondary")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        self.progress.setAccessibleName("Progress through the check")
        self.layout_.addWidget(self.progress_text)
        self.layout_.addWidget(self.progress)
        self.question = label("", "section-title")
        self.layout_.addWidget(self.question)
        answers = QHBoxLayout()
        answers.setSpacing(3 * SPACING)
        self.yes = button("Yes", "Yes", "answer", shortcut_hint="Y")
        self.no = button("No", "No", "answer", shortcut_hint="N")
        for widget, value in ((self.yes, True), (self.no, False)):
            widget.clicked.connect(lambda _=False, v=value: self.answered.emit(v))
            answers.addWidget(widget, 1)
        self.layout_.addLayout(answers)
        self.layout_.addStretch(1)
        nav = QHBoxLayout()
        self.back_button = button(
            "Back", "Back to the previous question", shortcut_hint="Backspace"
        )
        self.back_button.clicked.connect(self.back)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        self.later = button("Finish later", "Finish the check later", shortcut_hint="Esc")
        self.later.clicked.connect(self.postpone)
        self.later.setVisible(may_postpone)
        nav.addWidget(self.later)
        self.layout_.addLayout(nav)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.add_shortcut("Y", self.yes.click)
        self.add_shortcut("N", self.no.click)
        self.add_shortcut("Backspace", self.back_button.click)
        if may_postpone:
            self.add_shortcut("Esc", self.later.click)

    def show_question(
        self, question: RedFlagQuestion, number: int, total: int, previous: bool | None
    ) -> None:
        self.progress_text.setText(f"Question {number} of {total}")
        self.progress.setRange(0, total)
        self.progress.setValue(number - 1)
        self.question.setText(question.text)
        # Screen readers: the label is named by its words, and tabbing to Yes or No says
        # the question too (Qt exposes no text of labels over AT-SPI, only names).
        self.question.setAccessibleName(question.text)
        for answer in (self.yes, self.no):
            answer.setAccessibleDescription(question.text)
        self.back_button.setEnabled(number > 1)
        # After Back, the earlier answer has the focus, so Enter keeps it. A new question
        # focuses neither answer: holding Enter must never answer for the patient.
        if previous is None:
            self.setFocus()
        else:
            (self.yes if previous else self.no).setFocus()
        self.setAccessibleDescription(f"Question {number} of {total}. {question.text}")


LEVEL_ROLE = {
    Level.EMERGENCY: "alert-emergency",
    Level.URGENT: "warning",
    Level.STOP_AND_CHECK: "warning",
}


class SeekCareScreen(Screen):
    """What to do now, after a "yes". One action: close this screen (no exercise here).

    Signals:
        done(): the user has read the advice.
    """

    done = Signal()

    def __init__(self, advice: SeekCareAdvice) -> None:
        super().__init__(advice.title)
        self.advice = advice
        card = Card(None, role=LEVEL_ROLE[advice.level])
        self.body = label(advice.body)
        card.body.addWidget(self.body)
        self.layout_.addWidget(card)
        self.layout_.addWidget(label("You answered yes to:", "section-title"))
        for reason in advice.reasons:
            self.layout_.addWidget(label(f"•  {reason}"))
        if advice.also_noted:
            self.layout_.addWidget(label("You also noted:"))
            for reason in advice.also_noted:
                self.layout_.addWidget(label(f"•  {reason}"))
        self.layout_.addWidget(
            label(
                "Until you tell the app that a clinician has checked you, your Today page "
                "shows this advice instead of exercises and walks.",
                "secondary",
            )
        )
        self.ok = button("I understand", "I understand this advice", "primary")
        self.ok.clicked.connect(self.done)
        self.finish_with(self.ok)


class AllClearScreen(Screen):
    """Signals: done()."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__("Thank you")
        self.layout_.addWidget(
            label(
                "You answered no to every question. The next check is in a week. If anything "
                "new comes up before then, use “I have new symptoms” on the left at any time."
            )
        )
        self.ok = button("Back to Today", kind="primary")
        self.ok.clicked.connect(self.done)
        self.finish_with(self.ok)


class ClearanceScreen(Screen):
    """Asked before any session while a "yes" waits for a clinician's check.

    Signals:
        cleared(ClearanceReason): checked by a clinician, or the answer was a mistake.
        not_yet(): go back without starting anything.
    """

    cleared = Signal(object)
    not_yet = Signal()

    def __init__(self, advice: SeekCareAdvice, when_text: str) -> None:
        super().__init__("Have you been checked?")
        self.layout_.addWidget(
            label(
                f"In your safety check on {when_text} you answered yes to: "
                f"{'; '.join(advice.reasons)}. The advice was: {advice.title.lower()}."
            )
        )
        self.layout_.addWidget(
            label(
                "Exercises and walks can start again once a clinician has checked you, or if "
                "that answer was a mistake."
            )
        )
        self.checked = button("A clinician has checked me", kind="primary")
        self.mistake = button("My answer was a mistake")
        self.back_button = button("Not yet", "Not yet: go back")
        self.checked.clicked.connect(
            lambda: self.cleared.emit(ClearanceReason.CHECKED_BY_CLINICIAN)
        )
        self.mistake.clicked.connect(lambda: self.cleared.emit(ClearanceReason.ANSWERED_BY_MISTAKE))
        self.back_button.clicked.connect(self.not_yet)
        column = QVBoxLayout()
        column.setSpacing(2 * SPACING)
        for widget in (self.checked, self.mistake, self.back_button):
            column.addLayout(button_row(widget))
        self.layout_.addLayout(column)
        self.layout_.addStretch(1)
        self.add_shortcut("Esc", self.back_button.click)
        self.setFocusProxy(self.back_button)
