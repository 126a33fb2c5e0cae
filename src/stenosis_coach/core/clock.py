"""Time, injected: session logic never reads the wall clock or sleeps by itself.

Two readings matter. ``monotonic()`` schedules cues and measures durations (it never jumps
when the wall clock is changed); ``now()`` stamps records in UTC. A session keeps both
from its start so that stored times and engine timings agree.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary fixed point; never goes backwards."""

    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that moves only when told to: for tests and replays."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start time")
        self._mono = monotonic_start

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not go backwards")
        self._mono += seconds
        self._now += timedelta(seconds=seconds)


def utc_offset_minutes(moment: datetime) -> int:
    """The local UTC offset at ``moment``, in whole minutes (stored beside UTC times)."""
    offset = moment.astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


class SystemLocalTime(tzinfo):
    """The computer's local time zone, with the offset right for each moment (DST too).

    A fixed offset taken "now" would put a summer diary walk an hour off in winter.
    """

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return self._local(dt).utcoffset() or timedelta(0)

    def dst(self, dt: datetime | None) -> timedelta:
        return self._local(dt).dst() or timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return self._local(dt).tzname() or "local"

    @staticmethod
    def _local(dt: datetime | None) -> datetime:
        naive = (dt or datetime.now()).replace(tzinfo=None)
        # astimezone() on a naive datetime asks the operating system about local time.
        return naive.astimezone()

    def __repr__(self) -> str:
        return "SystemLocalTime()"


def system_zone() -> tzinfo:
    """The computer's time zone as a fast ``ZoneInfo`` when the system names it (the TZ
    variable, or /etc/localtime pointing into the zone database), else
    :class:`SystemLocalTime`, which asks the operating system for each moment."""
    import os
    from pathlib import Path
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    names = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = Path("/etc/localtime").resolve()
        if "zoneinfo" in target.parts:
            names.append("/".join(target.parts[target.parts.index("zoneinfo") + 1 :]))
    except OSError:
        pass
    for name in names:
        if name and not name.startswith("/"):
            try:
                zone = ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            # Trust it only if it agrees with the operating system right now.
            now = datetime.now()
            if now.replace(tzinfo=zone).utcoffset() == now.astimezone().utcoffset():
                return zone
    return SystemLocalTime()


def __getattr__(name: str) -> tzinfo:
    """``LOCAL``, the computer's zone, is looked up on first use, not at import, so the
    window does not wait for it (PEP 562)."""
    if name == "LOCAL":
        zone = system_zone()
        globals()["LOCAL"] = zone
        return zone
    raise AttributeError(name)
