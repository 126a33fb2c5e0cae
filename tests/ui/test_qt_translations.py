"""Qt's own dialogs speak the user's language (issue 14): the app loads Qt's shipped
translations for it, and nothing breaks where there are none."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from stenosis_coach import i18n
from stenosis_coach.ui.app import install_qt_translations


def _cancel() -> str:
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


def test_qt_dialog_buttons_are_in_the_users_language(qapp):
    i18n.setup("de")
    try:
        translator = install_qt_translations(qapp)
        assert translator is not None
        assert _cancel() == "Abbrechen"
    finally:
        QApplication.removeTranslator(translator)
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
    assert _cancel() == "Cancel"


def test_a_language_qt_has_no_translation_for_is_harmless(qapp):
    i18n.setup("en_GB")
    try:
        assert install_qt_translations(qapp) is None  # English: Qt's own words stay
        assert _cancel() == "Cancel"
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
