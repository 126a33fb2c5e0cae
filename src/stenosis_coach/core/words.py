"""How numbers, durations and dates are said to the user (shared/UI.md "Words")."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

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
    """One decimal, half away from zero, without a trailing ``.0``: ``3.5``, ``4``, ``−1.5``."""
    rounded = round_half_away(Fraction(x))
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    return str(rounded).replace("-", MINUS)


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
    return f"{mins} min" if secs is None else f"{mins}:{secs:02d} min"


def minutes_cell_text(seconds: Fraction | int | float) -> str:
    """:func:`minutes_text` without its unit, for a table whose header says "(min)":
    ``390 -> "6:30"``, ``1500 -> "25"``."""
    return minutes_text(seconds).removesuffix(" min")


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
        return "not known"
    mins, secs = _duration_parts(seconds)
    words = []
    if mins or not secs:
        words.append(f"{mins} minute" + ("" if mins == 1 else "s"))
    if secs:
        words.append(f"{secs} second" + ("" if secs == 1 else "s"))
    return " ".join(words)


_SHOWN_DURATION = re.compile(r"\b(\d+):([0-5]\d) min\b|\b(\d+) min\b")


def spoken_text(text: str) -> str:
    """``text`` with every duration written by :func:`minutes_text` in words, for an
    accessible name: ``"Walked 4:30 min"`` -> ``"Walked 4 minutes 30 seconds"``."""

    def say(match: re.Match[str]) -> str:
        if match.group(3) is not None:
            return duration_words(int(match.group(3)) * 60)
        return duration_words(int(match.group(1)) * 60 + int(match.group(2)))

    return _SHOWN_DURATION.sub(say, text)


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
    return f"+{whole}%" if whole > 0 else f"{MINUS}{-whole}%" if whole < 0 else "0%"


def clock_text(seconds: float) -> str:
    """A timer reading: ``75`` -> ``"1:15"``, ``3725`` -> ``"1:02:05"``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


def day_text(day: date | datetime, today: date | None = None, *, year: bool = False) -> str:
    """The one way a date is said: ``Mon 4 May`` (no leading zero), with its year when it
    is not in ``today``'s year (``Sun 10 Dec 2023``) or when ``year`` asks for it (a
    report's tables). Without ``today``: no year, for a date in a sentence about now."""
    text = f"{day:%a} {day.day} {day:%b}"
    if year or (today is not None and day.year != today.year):
        return f"{text} {day.year}"
    return text


def long_day_text(day: date | datetime) -> str:
    """``Monday 4 May 2026``."""
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def greeting(moment: datetime) -> str:
    hour = moment.hour
    if hour < 12:
        return "Good morning"
    if hour < 18:
        return "Good afternoon"
    return "Good evening"
