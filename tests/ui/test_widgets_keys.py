"""A button says its key in the user's language (issue 14, "Words are translatable"): the
hint after its words ("Pause   (Space)") is Qt's translated name of the key, English
unchanged, and the pseudo-locale shows it as translated text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from stenosis_coach import i18n
from stenosis_coach.i18n import _, pgettext
from stenosis_coach.ui.app import install_qt_translations
from stenosis_coach.ui.widgets import button, key_text, with_shortcut
from tests.ui.pseudo_texts import unwrapped, wrapped_twice


@pytest.fixture
def german(qapp) -> Iterator[None]:
    i18n.setup("de")
    translator = install_qt_translations(qapp)
    assert translator is not None
    yield
    QApplication.removeTranslator(translator)
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


def test_english_key_hints_are_unchanged(qtbot):
    pause = button(_("Pause"), shortcut_hint="Space")
    qtbot.addWidget(pause)
    assert pause.text() == "Pause   (Space)"
    assert with_shortcut(_("Stop"), "Esc") == "Stop   (Esc)"
    assert [key_text(k) for k in ("Del", "Enter", "Ctrl+Z", "H", "←", "Alt+↑")] == [
        "Del",
        "Enter",
        "Ctrl+Z",
        "H",
        "←",
        "Alt+↑",
    ]


def test_key_hints_are_said_in_the_users_language(german, qtbot):
    pause = button(_("Pause"), shortcut_hint="Space")
    qtbot.addWidget(pause)
    assert pause.text() == "Pause   (Leertaste)"
    assert with_shortcut(_("Delete"), "Del") == "Delete   (Entf)"
    assert key_text("Backspace") == "Rücktaste"
    assert key_text("Ctrl+Z") == "Strg+Z"
    # A key already given as a translated message (pgettext("key", ...)) is said as Qt says
    # it when the catalogue has no word for it, and as the translator wrote it otherwise.
    assert key_text(pgettext("key", "Ctrl+E")) == "Strg+E"
    assert key_text("Strg+E") == "Strg+E"


def test_the_key_hint_is_translated_text_under_the_pseudo_locale(pseudo, qtbot):
    pause = button(_("Pause"), _("Pause"), shortcut_hint="Space")
    qtbot.addWidget(pause)
    # The layout around the key is one message a translator may change (other brackets,
    # the key first): the button's words and its key inside it, each translated once.
    assert pause.text() == "⟦⟦Pause⟧   (⟦Space⟧)⟧"
    named = button("Anna's routine", "Anna's routine", shortcut_hint="Esc")  # data + a key
    qtbot.addWidget(named)
    assert unwrapped(named, data=["Anna's routine"]) == []
    marked = button(_("Export plan…"), shortcut_hint=pgettext("key", "Ctrl+E"))
    qtbot.addWidget(marked)
    assert marked.text() == "⟦⟦Export plan…⟧   (⟦Ctrl+E⟧)⟧"  # translated once
    assert wrapped_twice(marked) == []
