"""After Back, a question shows the answer given before beside its number, and keeps the
words that frame every question (a fresh-eyes tester, issue 14)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stenosis_coach.core.safety import QUESTIONS
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.ui.safety.screens import INTRO_AGAIN, INTRO_FIRST, QuestionScreen

TOTAL = len(QUESTIONS)


def press(window, qtbot, key) -> QuestionScreen:
    qtbot.keyClick(window.flow, key)
    screen = window.flow
    assert isinstance(screen, QuestionScreen)
    return screen


def test_back_keeps_the_framing_words_and_adds_the_answer_before(window, qtbot):
    window.safety.start_check()  # the first check: "Recently, ..."
    press(window, qtbot, Qt.Key.Key_N)
    press(window, qtbot, Qt.Key.Key_N)
    second = press(window, qtbot, Qt.Key.Key_Backspace)
    assert second.progress_text.text() == f"Question 2 of {TOTAL}. Your answer before: No"
    assert second.intro.isVisibleTo(second)  # not replaced by the note
    assert second.intro.text() == INTRO_FIRST
    first = press(window, qtbot, Qt.Key.Key_Backspace)
    assert first.progress_text.text() == f"Question 1 of {TOTAL}. Your answer before: No"
    assert first.intro.isVisibleTo(first) and first.intro.text() == INTRO_FIRST


def test_a_later_check_keeps_its_own_framing_after_back(qtbot):
    screen = QuestionScreen("Q?", 5, TOTAL, previous=True, first_check=False)
    qtbot.addWidget(screen)
    assert screen.intro.isVisibleTo(screen) and screen.intro.text() == INTRO_AGAIN
    assert screen.progress_text.text() == f"Question 5 of {TOTAL}. Your answer before: Yes"


def test_the_answer_before_is_the_answer_word_translated_as_on_its_button(window, qtbot, pseudo):
    window.safety.start_check()
    press(window, qtbot, Qt.Key.Key_N)
    screen = press(window, qtbot, Qt.Key.Key_Backspace)
    said = screen.progress_text.text()
    assert is_pseudo_wrapped(said)
    assert said == f"⟦Question 1 of {TOTAL}. Your answer before: ⟦No⟧⟧"
    assert "⟦No⟧" in screen.no.text()  # the same word as the button
    assert screen.intro.isVisibleTo(screen) and is_pseudo_wrapped(screen.intro.text())
