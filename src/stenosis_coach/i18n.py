"""The one translation function, and dates and numbers said the user's way (DESIGN 2,
"Words are translatable").

Every sentence a user reads goes through :func:`_` (or :func:`ngettext` when it counts
something), from ``core`` to the window, the PDF and the command line::

    from stenosis_coach.i18n import _, ngettext

    label.setText(_("Walk done"))
    _("You walked {minutes} in {count} goes.").format(minutes=..., count=...)
    ngettext("{n} walk", "{n} walks", n).format(n=n)

Rules (docs/architecture.md, "Where words are translated"):

- Mark the whole sentence, with named ``{placeholders}`` filled by ``.format`` after the
  translation, never an f-string inside ``_()`` (the catalogue would hold one entry per
  value) and never a sentence glued from pieces (word order differs between languages).
- A sentence held in a module constant or a table is marked with :func:`N_` (it is only
  noted for the catalogue) and translated where it is shown: ``_(CONSTANT)``.
- English is the source; catalogues live in ``resources/locale/<lang>/LC_MESSAGES`` as
  ``stenosis_coach.mo``. ``scripts/extract_messages.sh`` writes the template
  ``resources/locale/stenosis_coach.pot`` from the marked strings.
- With ``STENOSIS_COACH_PSEUDO=1`` every translated message comes back as ``⟦…⟧`` so anyone
  can see at a glance what is not marked yet.

Pure Python (stdlib ``gettext``; Babel for dates and numbers, imported when first used)
that imports nothing of ours: every layer may import it.
"""

from __future__ import annotations

import gettext
import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "stenosis_coach"
PSEUDO_ENV = "STENOSIS_COACH_PSEUDO"
PSEUDO_OPEN = "\u27e6"  # ⟦
PSEUDO_CLOSE = "\u27e7"  # ⟧
SOURCE_LOCALE = "en_GB"  # the English the app is written in ("Mon 4 May", "3.5")


class _State:
    translations: gettext.NullTranslations = gettext.NullTranslations()
    pseudo: bool = os.environ.get(PSEUDO_ENV) == "1"
    locale_name: str = SOURCE_LOCALE
    locale: Locale | None = None  # Babel's, made on first use


def _wrap(text: str) -> str:
    return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}" if _State.pseudo else text


def _(message: str) -> str:
    """``message`` in the user's language (English when there is no catalogue for it)."""
    return _wrap(_State.translations.gettext(message))


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted sentence that fits ``n`` in the user's language; fill its
    ``{n}`` with ``.format`` after: ``ngettext("{n} walk", "{n} walks", n).format(n=n)``."""
    return _wrap(_State.translations.ngettext(singular, plural, n))


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context``, for a short word whose sense the word alone
    does not carry (``pgettext("button", "Back")``)."""
    return _wrap(_State.translations.pgettext(context, message))


def translated_elsewhere(text: str) -> str:
    """``text`` already in the user's language from another catalogue (Qt's names of keys:
    "Leertaste" for Space), marked as a translated message under the pseudo-locale like
    ours, so the pseudo-locale shows it is translatable."""
    return _wrap(text)


def N_(message: str) -> str:  # the name gettext tools know
    """Note ``message`` for the catalogue without translating it yet (a module constant,
    a table): translate it where it is shown, ``_(message)``."""
    return message


def pseudo() -> bool:
    """Is the pseudo-locale on (every translated message shown as ``⟦…⟧``)?"""
    return _State.pseudo


def is_pseudo_wrapped(text: str) -> bool:
    """Does ``text`` hold a translated message in the pseudo-locale?"""
    return PSEUDO_OPEN in text and PSEUDO_CLOSE in text


def language() -> str:
    """The locale words, dates and numbers are given in (``en_GB``, ``es``, ...)."""
    return _State.locale_name


def _system_locale() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "").split(":")[0].split(".")[0].split("@")[0]
        if value and value not in ("C", "POSIX"):
            return value
    return SOURCE_LOCALE


def setup(
    locale_name: str | None = None,
    *,
    pseudo: bool | None = None,
    catalogues: Path | None = None,
) -> None:
    """Choose the language: ``locale_name`` (``"es"``, ``"en_US"``), or the computer's
    when ``None``. A language with no catalogue keeps English words but its own dates
    and numbers; an unknown locale falls back to the source English. ``pseudo`` turns the
    pseudo-locale on or off (default: ``STENOSIS_COACH_PSEUDO``). ``catalogues`` is the
    folder of compiled catalogues (``resources/locale``, given by the front ends, which know
    where the shipped files are); without it, English words."""
    name = locale_name or _system_locale()
    if name in ("C", "POSIX", "en", SOURCE_LOCALE):
        # The source English: Babel's locale data waits until a date or number is said
        # (the window's first paint does not wait for it).
        _State.locale, _State.locale_name = None, SOURCE_LOCALE
        languages = [SOURCE_LOCALE, "en"]
    else:
        from babel import Locale, UnknownLocaleError

        try:
            loc = Locale.parse(name)
        except (ValueError, UnknownLocaleError):
            loc = Locale.parse(SOURCE_LOCALE)
        if loc.language == "en" and loc.territory is None:
            loc = Locale.parse(SOURCE_LOCALE)
        _State.locale, _State.locale_name = loc, str(loc)
        languages = [str(loc), loc.language]
    _State.translations = (
        gettext.translation(DOMAIN, str(catalogues), languages, fallback=True)
        if catalogues is not None
        else gettext.NullTranslations()
    )
    _State.pseudo = os.environ.get(PSEUDO_ENV) == "1" if pseudo is None else pseudo


def _locale() -> Locale:
    if _State.locale is None:
        from babel import Locale

        _State.locale = Locale.parse(_State.locale_name)
    return _State.locale


def date_text(day: date | datetime, skeleton: str) -> str:
    """``day`` as the user's locale writes the fields of ``skeleton`` (CLDR skeletons:
    ``"MMMEd"`` -> ``Mon 4 May``, ``"yMMMEd"`` -> ``Mon, 4 May 2026``, ``"Hm"`` ->
    ``09:30``)."""
    from babel.dates import format_skeleton

    return str(format_skeleton(skeleton, day, locale=_locale()))


def decimal_text(value: Decimal | int, places: int = 1) -> str:
    """A number already rounded to ``places`` decimals (or fewer), in the locale's digits
    and decimal sign: ``3.5`` -> ``3.5`` (``3,5`` in Spanish); no grouping of thousands
    below 10 000 so a figure reads as one word."""
    from babel.numbers import format_decimal

    pattern = "0" if places == 0 else "0." + "#" * places
    return str(format_decimal(value, format=pattern, locale=_locale()))


def grouped_text(number: int) -> str:
    """A whole number with its thousands grouped the locale's way, for a count or a size
    said in a sentence: ``24980`` -> ``24,980`` (what ``f"{n:,}"`` said in English),
    ``24.980`` in German."""
    from babel.numbers import format_decimal

    return str(format_decimal(number, format="#,##0", locale=_locale()))
