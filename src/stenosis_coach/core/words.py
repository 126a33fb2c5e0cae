"""How numbers, durations and dates are said to the user (shared/UI.md "Words")."""

from __future__ import annotations

import math
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


def minutes_text(seconds: Fraction | int | float | None) -> str:
    """Seconds as minutes to one decimal, exactly: ``198 -> "3.3 min"``, ``360 -> "6 min"``,
    ``None -> "—"``. Floats (engine timings) go through their shortest decimal text."""
    if seconds is None:
        return "—"
    exact = Fraction(str(seconds)) if isinstance(seconds, float) else Fraction(seconds)
    return f"{number_text(exact / 60)} min"


def percent_text(pct: Decimal | Fraction) -> str:
    """A signed change: ``+78.8%``, ``−25%``, ``0%``."""
    text = number_text(pct)
    return f"+{text}%" if pct > 0 else f"{text}%"


def clock_text(seconds: float) -> str:
    """A timer reading: ``75`` -> ``"1:15"``, ``3725`` -> ``"1:02:05"``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


def day_text(day: date | datetime) -> str:
    """``Mon 4 May`` (no leading zero, no year)."""
    return f"{day:%a} {day.day} {day:%b}"


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
