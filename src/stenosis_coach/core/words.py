"""How numbers, durations and dates are said to the user (shared/UI.md "Words")."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal


def minutes_text(seconds: float | int | None) -> str:
    """``390`` -> ``"6.5 min"``; whole minutes lose the ``.0``; ``None`` -> ``"—"``."""
    if seconds is None:
        return "—"
    minutes = (Decimal(str(seconds)) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if minutes == minutes.to_integral_value():
        return f"{int(minutes)} min"
    return f"{minutes} min"


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
