"""Dates, numbers and durations said the user's way (issue 14, "Words are translatable"):
the source English unchanged, another locale's own dates and decimal sign, and every word
wrapped in the pseudo-locale."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from stenosis_coach import i18n
from stenosis_coach.core.words import (
    day_text,
    duration_words,
    greeting,
    long_day_text,
    minutes_cell_text,
    minutes_text,
    number_text,
    percent_text,
    spoken_text,
)
from stenosis_coach.i18n import _


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.setup("es", pseudo=False)
    yield
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


@pytest.fixture
def american() -> Iterator[None]:
    i18n.setup("en_US", pseudo=False)
    yield
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


def test_the_source_english_dates_are_unchanged() -> None:
    assert day_text(date(2026, 5, 4)) == "Mon 4 May"
    assert day_text(date(2023, 12, 10), date(2026, 12, 3)) == "Sun 10 Dec 2023"
    assert day_text(date(2026, 5, 4), year=True) == "Mon 4 May 2026"
    assert day_text(datetime(2026, 9, 1, 9, 30)) == "Tue 1 Sep"  # not CLDR's "Sept"
    assert long_day_text(date(2026, 5, 4)) == "Monday 4 May 2026"
    assert long_day_text(date(2026, 9, 1)) == "Tuesday 1 September 2026"


@pytest.mark.usefixtures("spanish")
def test_a_spanish_user_reads_spanish_dates_and_decimal_commas() -> None:
    assert day_text(date(2026, 5, 4)) == "lun, 4 may"
    assert day_text(date(2023, 12, 10), date(2026, 12, 3)) == "dom, 10 dic 2023"
    assert long_day_text(date(2026, 5, 4)) == "lunes, 4 de mayo de 2026"
    assert number_text(Fraction(7, 2)) == "3,5"
    assert number_text(Fraction(-3, 2)) == "\u22121,5"
    assert number_text(4) == "4"
    assert percent_text(Decimal("78.8")) == "+79\u00a0%"
    assert percent_text(Decimal("-25")) == "\u221225\u00a0%"


@pytest.mark.usefixtures("american")
def test_an_american_user_reads_the_month_first() -> None:
    assert day_text(date(2026, 5, 4)) == "Mon, May 4"
    assert day_text(date(2023, 12, 10), date(2026, 12, 3)) == "Sun, Dec 10, 2023"
    assert long_day_text(date(2026, 5, 4)) == "Monday, May 4, 2026"


def test_english_numbers_and_percents_are_unchanged() -> None:
    assert number_text(Fraction(7, 2)) == "3.5"
    assert number_text(Fraction(-3, 2)) == "\u22121.5"
    assert number_text(Decimal("1234.5")) == "1234.5"  # one word, no grouping
    assert percent_text(Decimal("1234")) == "+1234%"
    assert minutes_cell_text(390) == "6:30"
    assert minutes_cell_text(1500) == "25"


@pytest.mark.usefixtures("pseudo")
def test_durations_and_greetings_are_wrapped_in_the_pseudo_locale() -> None:
    assert minutes_text(270) == "⟦4:30 min⟧"
    assert minutes_text(1500) == "⟦25 min⟧"
    assert i18n.is_pseudo_wrapped(duration_words(270))
    assert i18n.is_pseudo_wrapped(duration_words(None))
    assert greeting(datetime(2026, 5, 4, 8)) == "⟦Good morning⟧"
    assert minutes_cell_text(390) == "6:30"  # a table cell: the header says "(min)"


@pytest.mark.usefixtures("pseudo")
def test_shown_durations_become_words_in_the_pseudo_locale() -> None:
    shown = _("Walked {time} of {total}").format(time=minutes_text(270), total=minutes_text(1500))
    spoken = spoken_text(shown)
    assert "4:30" not in spoken and "25 min⟧" not in spoken
    assert "4 minutes" in spoken and "30 seconds" in spoken and "25 minutes" in spoken
    assert spoken_text("Pain 4/10 at 10:05") == "Pain 4/10 at 10:05"


ABBREVIATED = {
    "{minutes}:{seconds} min": "{minutes}:{seconds} mn",
    "{minutes} min": "{minutes} mn",
    "{minutes} {seconds}": "{minutes} y {seconds}",
}


class _Abbreviated(gettext.NullTranslations):
    """A language that writes "4:30 mn" and says "4 minutos"."""

    def gettext(self, message: str) -> str:
        return ABBREVIATED.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if msgid1 == "{n} minute":
            return "{n} minuto" if n == 1 else "{n} minutos"
        if msgid1 == "{n} second":
            return "{n} segundo" if n == 1 else "{n} segundos"
        return msgid1 if n == 1 else msgid2


def test_shown_durations_become_words_in_another_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(i18n._State, "translations", _Abbreviated())
    assert minutes_text(270) == "4:30 mn"
    assert spoken_text(f"Caminó {minutes_text(270)} de {minutes_text(1500)}") == (
        "Caminó 4 minutos y 30 segundos de 25 minutos"
    )
    assert minutes_cell_text(1500) == "25"


def test_the_source_englishs_quick_dates_are_babels() -> None:
    """The source English is written without loading Babel (start-up); it says exactly
    what the locale's patterns say, every day of a year, with and without the year."""
    from stenosis_coach.core import words

    day = date(2024, 1, 1)
    for _n in range(366):
        for skeleton in ("MMMEd", "yMMMEd", "yMMMMEEEEd"):
            assert words._source_day(day, skeleton) == words._formatted_day(
                i18n.SOURCE_LOCALE, day, skeleton
            )
        day += timedelta(days=1)


def test_a_name_inside_an_english_sentence_loses_only_its_first_capital() -> None:
    from stenosis_coach.core.words import name_in_sentence

    assert name_in_sentence("Pelvic tilt") == "pelvic tilt"
    assert name_in_sentence("") == ""
    for language in ("de", "es", "fr"):
        i18n.setup(language)
        try:
            assert name_in_sentence("Beckenkippen") == "Beckenkippen"
        finally:
            i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
    i18n.setup("en_US")
    try:
        assert name_in_sentence("Pelvic tilt") == "pelvic tilt"
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
