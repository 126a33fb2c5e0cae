"""A date box shows a day as the rest of the app says it, in the user's locale (issue 14,
"Words are translatable"): its format comes from the locale's pattern for a day with its
year (the one core.words.day_text uses), English unchanged; Tab still leaves it with the
cursor on the day's number, wherever the locale puts it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from stenosis_coach import i18n
from stenosis_coach.core.words import day_text
from stenosis_coach.ui.inputs import DateField

DAY = date(2026, 9, 7)


@pytest.fixture
def language():
    chosen: list[str] = []

    def choose(name: str) -> None:
        chosen.append(name)
        i18n.setup(name)

    yield choose
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


def test_the_source_english_is_unchanged(qtbot):
    field = DateField("Day", DAY)
    qtbot.addWidget(field)
    assert field.displayFormat() == "ddd d MMM yyyy"
    assert field.locale() == QLocale()  # the computer's, as before
    assert field.text() == QLocale().toString(QDate(2026, 9, 7), "ddd d MMM yyyy")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("de", "Mo., 7. Sept. 2026"),
        ("en_US", "Mon, Sep 7, 2026"),
        ("es", "lun, 7 sept 2026"),
        ("pt_BR", "seg., 7 de set. de 2026"),  # words quoted in the pattern
        ("zh_CN", "2026年9月7日周一"),  # the day's number third, its name last
    ],
)
def test_a_date_box_says_the_day_the_locales_way(qtbot, language, name, shown):
    language(name)
    field = DateField("Day", DAY)
    qtbot.addWidget(field)
    assert field.text() == shown == day_text(DAY, year=True)


@pytest.mark.parametrize("name", ["en_US", "zh_CN", "de"])
def test_arriving_by_tab_the_arrows_change_the_day_in_any_order_of_parts(qtbot, language, name):
    language(name)
    field = DateField("Day", DAY)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    QApplication.sendEvent(field, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.day() == date(2026, 9, 8)


def test_a_cldr_pattern_becomes_qts_format_with_its_words_quoted():
    from stenosis_coach.ui.inputs import qt_date_format

    assert qt_date_format("E, d. MMM y") == ("ddd', 'd'. 'MMM' 'yyyy", 1)
    assert qt_date_format("EEEE d 'de' MMMM 'de' y") == (
        "dddd' 'd' de 'MMMM' de 'yyyy",
        1,
    )
    assert qt_date_format("y年M月d日E") == ("yyyy'年'M'月'd'日'ddd", 2)
    assert qt_date_format("d 'o''clock' MMM") == ("d' o''clock 'MMM", 0)  # '' is a quote
    assert qt_date_format("G y MMM d") is None  # an era: no such part in a date box
    assert qt_date_format("MMM y") is None  # no day's number
