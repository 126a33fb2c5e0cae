"""The one translation function: English source, pseudo-locale, locale dates and numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from stenosis_coach import i18n
from stenosis_coach.i18n import N_, _, ngettext, pgettext


def test_english_is_the_source_and_unchanged() -> None:
    assert _("Walk done") == "Walk done"
    assert ngettext("{n} walk", "{n} walks", 1).format(n=1) == "1 walk"
    assert ngettext("{n} walk", "{n} walks", 3).format(n=3) == "3 walks"
    assert pgettext("button", "Back") == "Back"
    assert N_("Later") == "Later"


@pytest.mark.usefixtures("pseudo")
def test_pseudo_locale_wraps_every_translated_message() -> None:
    assert _("You walked {m} min").format(m=12) == "⟦You walked 12 min⟧"
    assert ngettext("{n} walk", "{n} walks", 2).format(n=2) == "⟦2 walks⟧"
    assert pgettext("button", "Back") == "⟦Back⟧"
    assert N_("Later") == "Later"  # only noted: wrapped where it is shown, _(...)
    assert i18n.is_pseudo_wrapped(_("Later"))


def test_pseudo_locale_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    i18n.setup("en_GB")
    try:
        assert _("Settings") == "⟦Settings⟧"
    finally:
        i18n.setup("en_GB", pseudo=False)


def test_dates_and_numbers_follow_the_locale() -> None:
    day = date(2026, 5, 4)
    assert i18n.date_text(day, "MMMEd") == "Mon 4 May"
    assert i18n.decimal_text(Decimal("3.5")) == "3.5"
    i18n.setup("es")
    try:
        assert i18n.language() == "es"
        assert i18n.date_text(day, "MMMEd") == "lun, 4 may"
        assert i18n.decimal_text(Decimal("3.5")) == "3,5"
        assert _("Walk done") == "Walk done"  # no Spanish catalogue yet: English words
    finally:
        i18n.setup("en_GB")


def test_an_unknown_or_bare_english_locale_is_the_source_english() -> None:
    for name in ("xx_YY", "en", "C"):
        i18n.setup(name)
        assert i18n.language() == "en_GB"
    i18n.setup("en_GB")


def test_the_computers_locale_is_used_when_none_is_chosen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    i18n.setup()
    try:
        assert i18n.language() == "en_US"
        assert i18n.date_text(date(2026, 5, 4), "MMMEd") == "Mon, May 4"
    finally:
        i18n.setup("en_GB")


def test_a_compiled_catalogue_is_read_from_the_folder_the_front_end_gives(tmp_path) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="es", domain=i18n.DOMAIN)
    catalog.add("Walk done", "Paseo hecho")
    # Spanish has three forms in CLDR (one, many: a million..., other)
    catalog.add(("{n} walk", "{n} walks"), ("{n} paseo", "{n} de paseos", "{n} paseos"))
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / f"{i18n.DOMAIN}.mo", "wb") as out:
        write_mo(out, catalog)
    i18n.setup("es_ES", catalogues=tmp_path)
    try:
        assert _("Walk done") == "Paseo hecho"
        assert ngettext("{n} walk", "{n} walks", 3).format(n=3) == "3 paseos"
        assert _("Not in the catalogue") == "Not in the catalogue"
    finally:
        i18n.setup("en_GB")
    assert _("Walk done") == "Walk done"


def test_a_big_number_is_grouped_the_locales_way() -> None:
    assert [i18n.grouped_text(n) for n in (7, 980, 24980, 10_485_760)] == [
        "7",
        "980",
        "24,980",  # English unchanged: what f"{n:,}" said
        "10,485,760",
    ]
    i18n.setup("de")
    try:
        assert i18n.grouped_text(24980) == "24.980"
        assert i18n.grouped_text(10_485_760) == "10.485.760"
    finally:
        i18n.setup("en_GB")


def test_counts_in_sentences_are_grouped_the_locales_way() -> None:
    from stenosis_coach.commands import problem_lines

    message = "\n".join(f"problem {n}" for n in range(1500))
    assert problem_lines(message, 2).endswith("… and 1,498 more problems.")
    i18n.setup("de_DE")
    try:
        assert problem_lines(message, 2).endswith("… and 1.498 more problems.")
    finally:
        i18n.setup("en_GB")
