"""How numbers, durations and dates are said to the user (shared/UI.md "Words")."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from stenosis_coach import i18n
from stenosis_coach.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from babel import Locale

MINUS = "\u2212"  # the real minus sign, for text shown to people


def round_half_away(x: Fraction, places: int = 1) -> Decimal:
    """``x`` rounded half away from zero to ``places`` decimals, exactly (no float on the way):
    ``-12.25 -> Decimal("-12.3")``, ``30 -> Decimal("30.0")``."""
    if places < 0:
        raise ValueError("places must be >= 0")
    x = Fraction(x)
    q = math.floor(abs(x) * 10**places + Fraction(1, 2))
    negative = 1 if x < 0 and q else 0  # never "-0.0"
    return Decimal((negative, tuple(int(d) for d in str(q)), -places))


def number_text(x: Fraction | Decimal | int) -> str:
    """One decimal, half away from zero, without a trailing ``.0``: ``3.5``, ``4``, ``−1.5``;
    in the locale's decimal sign (``3,5`` in Spanish)."""
    rounded = round_half_away(Fraction(x))
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    return i18n.decimal_text(rounded).replace("-", MINUS)


# Durations a patient reads: minutes and seconds below this, whole minutes from it.
WHOLE_MINUTES_FROM_S = 20 * 60


def _exact(seconds: Fraction | int | float) -> Fraction:
    return Fraction(str(seconds)) if isinstance(seconds, float) else Fraction(seconds)


def _duration_parts(seconds: Fraction | int | float) -> tuple[int, int | None]:
    """(minutes, seconds), seconds ``None`` for a long duration said in whole minutes.
    Rounded half up, exactly (a median of 354.5 s is 5:55); never negative."""
    exact = max(Fraction(0), _exact(seconds))
    if exact >= WHOLE_MINUTES_FROM_S:
        return math.floor(exact / 60 + Fraction(1, 2)), None
    whole = math.floor(exact + Fraction(1, 2))
    mins, secs = divmod(whole, 60)
    return mins, secs


def minutes_text(seconds: Fraction | int | float | None) -> str:
    """A duration as a patient reads it: minutes and seconds under 20 minutes
    (``42 -> "0:42 min"``, ``240 -> "4:00 min"``, ``750 -> "12:30 min"``), whole minutes
    from 20 minutes on (``1500 -> "25 min"``), ``None -> "—"``. Exact (no float on the
    way): floats (engine timings) go through their shortest decimal text."""
    if seconds is None:
        return "—"
    mins, secs = _duration_parts(seconds)
    if secs is None:
        return _(_WHOLE_MINUTES).format(minutes=mins)
    return _(_MINUTES_SECONDS).format(minutes=mins, seconds=f"{secs:02d}")


def walked_text(seconds: Fraction | int | float) -> str:
    """Time walked as a timer counts it, for the live walk and its summary alike: whole
    seconds gone (a timer never shows a second before it has passed), said as
    :func:`minutes_text` says a duration, in whole minutes gone from 20 minutes on. 95.6 s
    walked reads "1:35 min", as the timer's "1:35" (:func:`minutes_text` rounds: "1:36 min");
    25:59 reads "25 min"."""
    whole = max(0, math.floor(_exact(seconds)))
    if whole >= WHOLE_MINUTES_FROM_S:
        whole -= whole % 60
    return minutes_text(whole)


# How minutes_text writes a duration; spoken_text reads them back (in the user's language).
# Translators: a duration under 20 minutes, "4:30 min" (4 minutes 30 seconds; {seconds}
# always two digits). Screen readers read it back into words, so keep both placeholders.
_MINUTES_SECONDS = N_("{minutes}:{seconds} min")
# Translators: a duration of 20 minutes or more, "25 min".
_WHOLE_MINUTES = N_("{minutes} min")


def minutes_cell_text(seconds: Fraction | int | float) -> str:
    """:func:`minutes_text` without its unit, for a table whose header says "(min)":
    ``390 -> "6:30"``, ``1500 -> "25"``."""
    mins, secs = _duration_parts(seconds)
    return str(mins) if secs is None else f"{mins}:{secs:02d}"


def min_sec_text(seconds: Fraction | int | float) -> str:
    """Minutes and seconds at any length, for a table column that holds short durations
    too (its header says "(min:sec)"): ``776 -> "12:56"``, ``1800 -> "30:00"``."""
    whole = math.floor(max(Fraction(0), _exact(seconds)) + Fraction(1, 2))
    mins, secs = divmod(whole, 60)
    return f"{mins}:{secs:02d}"


def duration_words(seconds: Fraction | int | float | None) -> str:
    """The same duration for a screen reader: ``"42 seconds"``, ``"4 minutes"``,
    ``"4 minutes 30 seconds"``, ``"25 minutes"``; ``None -> "not known"``."""
    if seconds is None:
        return _("not known")
    mins, secs = _duration_parts(seconds)
    minutes = ngettext("{n} minute", "{n} minutes", mins).format(n=mins)
    if not secs:
        return minutes
    seconds_words = ngettext("{n} second", "{n} seconds", secs).format(n=secs)
    if not mins:
        return seconds_words
    # Translators: a duration said aloud, "4 minutes 30 seconds" ({minutes} and {seconds}
    # are already counted words); a language may join them with "and".
    return _("{minutes} {seconds}").format(minutes=minutes, seconds=seconds_words)


def _shown_duration(template: str, minutes: str) -> str:
    """A regular expression for what ``template`` (one of minutes_text's ways, translated)
    writes; its minutes are the group ``minutes``, its seconds the group ``seconds``."""
    fields = {
        "{minutes}": rf"(?<!\d)(?P<{minutes}>\d+)",
        "{seconds}": r"(?P<seconds>[0-5]\d)",
    }
    parts = re.split(r"(\{minutes\}|\{seconds\})", template)
    pattern = "".join(fields.get(part) or re.escape(part) for part in parts)
    return pattern + (r"(?!\w)" if template[-1:].isalnum() else "")  # "min", not "minutes"


@functools.lru_cache(maxsize=16)
def _shown_durations(with_seconds: str, whole: str) -> re.Pattern[str]:
    """Both ways minutes_text writes a duration (translated), as one expression."""
    long = _shown_duration(with_seconds, "minutes")
    return re.compile(f"(?P<long>{long})|{_shown_duration(whole, 'whole')}")


def spoken_text(text: str) -> str:
    """``text`` with every duration written by :func:`minutes_text` in words, for an
    accessible name: ``"Walked 4:30 min"`` -> ``"Walked 4 minutes 30 seconds"``. It reads
    the durations through minutes_text's own ways of writing them, translated: it holds in
    every language and in the pseudo-locale."""
    shown = _shown_durations(_(_MINUTES_SECONDS), _(_WHOLE_MINUTES))

    def say(match: re.Match[str]) -> str:
        if match.group("long") is not None:
            return duration_words(int(match.group("minutes")) * 60 + int(match.group("seconds")))
        return duration_words(int(match.group("whole")) * 60)

    return shown.sub(say, text)


# Lines that rules judge a percent change against: DESIGN 5.3's improving (+30%) and
# slipping (-30%) lines, and 5.4's relief line (+30%) (core.progress.verdict IMPROVING_PCT,
# SLIPPING_PCT; core.progress.signs RELIEF_PCT; a test keeps them in step). A value judged
# below a line is never rounded onto it: "Holding steady ... (+30%)" would contradict itself.
JUDGED_LINES = (30, -30)


def whole_percent(pct: Decimal | Fraction) -> int:
    """A change in whole percent, as people say it ("+107.8%" is false precision), from the
    value the rules judge (DESIGN 5.3's one-decimal ``change_pct``): rounded half away from
    zero, but never onto a :data:`JUDGED_LINES` line the value did not reach (29.7 -> 29,
    -29.6 -> -29; 30.4 -> 30)."""
    judged = Fraction(pct)
    whole = int(round_half_away(judged, 0))
    for line in JUDGED_LINES:  # a line is reached going away from 0 (>= +30, <= -30)
        if 0 < line <= whole and judged < line:
            whole = line - 1
        elif whole <= line < 0 and judged > line:
            whole = line + 1
    return whole


def percent_text(pct: Decimal | Fraction) -> str:
    """A signed change in whole percent (:func:`whole_percent`): ``+79%``, ``−25%``, ``0%``.
    The one way the app and the report say a percent."""
    whole = whole_percent(pct)
    text = _percent(Decimal(abs(whole)))
    return f"+{text}" if whole > 0 else f"{MINUS}{text}" if whole < 0 else text


def share_text(fraction: Fraction) -> str:
    """A share as a percent, exact to one decimal, no sign: ``4/5 -> "80%"``,
    ``33/40 -> "82.5%"`` (``80 %`` in Spanish)."""
    value = round_half_away(Fraction(fraction) * 100)
    return _percent(value.quantize(Decimal(1)) if value == value.to_integral_value() else value)


def _percent(value: Decimal) -> str:
    """``value`` (not negative) with the locale's percent sign and its spacing ("79%",
    "79 %", "%79"), its decimal sign, without grouping: a figure reads as one word."""
    from babel.numbers import format_percent

    loc = _locale(i18n.language())
    pattern = loc.percent_formats[None].pattern.replace("#,##", "").replace("#", "")
    pattern = pattern.replace("0", "0.#", 1)
    return str(format_percent(value / 100, format=pattern, locale=loc))


def name_in_sentence(name: str) -> str:
    """A name written with a capital (an exercise's: "Pelvic tilt") as it reads inside a
    sentence ("next: pelvic tilt"): English lower-cases its first letter (only that one, so
    the rest of the name stays as written); every other language keeps the name as it is
    (German nouns keep their capital), so its messages carry the name unchanged."""
    if i18n.language().split("_")[0] != "en":
        return name
    return name[:1].lower() + name[1:]


def and_text(items: Sequence[str]) -> str:
    """Items said as a list in a sentence: ``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    # Translators: a list inside a sentence: "pain 7/10 or more, a flare the next day and
    # you had to stop"; {items} is all but the last, already joined with ", ".
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def clock_text(seconds: float) -> str:
    """A timer reading: ``75`` -> ``"1:15"``, ``3725`` -> ``"1:02:05"``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


def day_text(day: date | datetime, today: date | None = None, *, year: bool = False) -> str:
    """The one way a date is said: ``Mon 4 May`` (no leading zero), with its year when it
    is not in ``today``'s year (``Sun 10 Dec 2023``) or when ``year`` asks for it (a
    report's tables). Without ``today``: no year, for a date in a sentence about now.
    In the user's locale: ``lun, 4 may`` in Spanish, ``Mon, May 4`` in the US."""
    with_year = year or (today is not None and day.year != today.year)
    return _date_text(day, "yMMMEd" if with_year else "MMMEd")


def long_day_text(day: date | datetime) -> str:
    """``Monday 4 May 2026`` (``lunes, 4 de mayo de 2026`` in Spanish)."""
    return _date_text(day, "yMMMMEEEEd")


SOURCE_DAY_PATTERN = "EEE d MMM y"  # what day_text writes a day with its year as in English


def day_pattern() -> str:
    """The CLDR pattern :func:`day_text` writes a day with its year in, for a date box that
    shows a day the same way: ``EEE d MMM y`` in the source English (``Mon 4 May 2026``),
    ``E, d. MMM y`` in German, ``y年M月d日E`` in Chinese."""
    name = i18n.language()
    if name == i18n.SOURCE_LOCALE:
        return SOURCE_DAY_PATTERN
    return _date_pattern(name, "yMMMEd")


# Dates come from the locale's CLDR patterns, through Babel. The day with its year is the
# day without it plus the year, added as the locale adds one to a day and month: CLDR's own
# "yMMMEd" for en_GB has a comma ("Sun, 10 Dec 2023") that "MMMEd" ("Sun 10 Dec") has not,
# and the app writes one date one way. Most locales come out as CLDR's own with-year forms.
_DATE_SKELETONS = {
    "MMMEd": ("MMMEd", None),
    "yMMMEd": ("MMMEd", "MMMd"),
    "MMMMEEEEd": ("MMMMEEEEd", None),
    "yMMMMEEEEd": ("MMMMEEEEd", "MMMMd"),
}


def _date_text(day: date | datetime, skeleton: str) -> str:
    calendar_day = day.date() if isinstance(day, datetime) else day
    name = i18n.language()
    if name == i18n.SOURCE_LOCALE:  # the app's own English, without loading Babel at start
        return _source_day(calendar_day, skeleton)
    return _formatted_day(name, calendar_day, skeleton)


# The source English's names (not strftime's, which follow the C library's locale).
_SHORT_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _source_day(day: date, skeleton: str) -> str:
    """What Babel says for ``skeleton`` in the source English (a test keeps them equal):
    ``Mon 4 May``, ``Sun 10 Dec 2023``, ``Monday 4 May 2026``."""
    if skeleton.endswith("EEEEd"):
        text = f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    else:
        text = f"{_SHORT_DAYS[day.weekday()]} {day.day} {_SHORT_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if skeleton.startswith("y") else text


@functools.lru_cache(maxsize=8192)  # a table or a plot says the same days again and again
def _formatted_day(name: str, day: date, skeleton: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, _date_pattern(name, skeleton), locale=_names_locale(name)))


@functools.lru_cache(maxsize=64)
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def _names_locale(name: str) -> Locale:
    """Whose month and day names: the locale's, but the source English keeps its
    three-letter "Sep" (CLDR's en_GB writes "Sept"; the app has always said "Sep")."""
    return _locale("en" if name == i18n.SOURCE_LOCALE else name)


@functools.lru_cache(maxsize=64)
def _date_pattern(name: str, skeleton: str) -> str:
    """The CLDR pattern for ``skeleton`` (one of :data:`_DATE_SKELETONS`) in locale ``name``."""
    loc = _locale(name)
    base, year_base = _DATE_SKELETONS[skeleton]
    pattern = _skeleton_pattern(loc, base)
    if year_base is None:
        return pattern
    short, with_year = _skeleton_pattern(loc, year_base), _skeleton_pattern(loc, "y" + year_base)
    at = pattern.find(short)  # the day and month inside the pattern ("E d MMM", "d MMM E")
    if at >= 0 and with_year.startswith(short):  # "d MMM" -> "d MMM y"
        end = at + len(short)
        return pattern[:end] + with_year[len(short) :] + pattern[end:]
    if at >= 0 and with_year.endswith(short):  # "M月d日" -> "y年M月d日"
        return pattern[:at] + with_year[: -len(short)] + pattern[at:]
    return _skeleton_pattern(loc, skeleton)  # the locale's own, as it is


def _skeleton_pattern(loc: Locale, skeleton: str) -> str:
    """The locale's pattern for ``skeleton``, or for its nearest one with the names as long
    as the skeleton asks ("EEEE" for a whole weekday, "MMMM" for a whole month)."""
    from babel.dates import match_skeleton, tokenize_pattern, untokenize_pattern

    found = loc.datetime_skeletons.get(skeleton)
    if found is not None:
        return str(found.pattern)
    near = match_skeleton(skeleton, loc.datetime_skeletons)
    if near is None:
        return str(loc.date_formats["full" if "EEEE" in skeleton else "medium"].pattern)
    whole_day, whole_month = "EEEE" in skeleton, "MMMM" in skeleton
    tokens: list[tuple[str, str | tuple[str, int]]] = []
    for kind, value in tokenize_pattern(str(loc.datetime_skeletons[near].pattern)):
        if kind == "field" and isinstance(value, tuple):
            letter, width = value  # E to EEE, ccc: a short weekday; MMM, LLL: a short month
            if (whole_day and (letter == "E" or (letter == "c" and width == 3)) and width < 4) or (
                whole_month and letter in "ML" and width == 3
            ):
                value = (letter, 4)
        tokens.append((kind, value))
    return str(untokenize_pattern(tokens))


def source_english(make: Callable[[], str]) -> str:
    """What ``make`` says in the source English (no pseudo-locale), whatever the user's
    language, for what a program reads (``--json``): the same bytes in every language."""
    name, wrapped = i18n.language(), i18n.pseudo()
    if name == i18n.SOURCE_LOCALE and not wrapped:
        return make()
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
    try:
        return make()
    finally:
        i18n.setup(name, pseudo=wrapped)


def greeting(moment: datetime) -> str:
    hour = moment.hour
    if hour < 12:
        return _("Good morning")
    if hour < 18:
        return _("Good afternoon")
    return _("Good evening")
