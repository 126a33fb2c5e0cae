"""Column types: aware UTC datetimes stored as sortable ISO text."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


def parse_utc(value: str | None) -> datetime | None:
    """A stored UTC time back as an aware datetime (also used by bulk raw reads)."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    # Stored values are UTC already ("+00:00" parses to the UTC singleton).
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


def parse_exact(value: str | None) -> Fraction | None:
    """A stored exact value back as a Fraction (also used by bulk raw reads)."""
    if value is None:
        return None
    # Most values are whole seconds; int() is much faster than Fraction's parser.
    return Fraction(int(value)) if value.isdigit() else Fraction(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores timezone-aware datetimes as ``YYYY-MM-DDTHH:MM:SS.ffffff+00:00`` in UTC.

    Naive datetimes are refused: a time without a zone is a bug waiting for a DST change.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: store aware UTC times")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return parse_utc(value)


class ExactSeconds(TypeDecorator[Fraction]):
    """Stores a :class:`Fraction` exactly, as ``"390"`` or ``"781/2"`` text.

    Walking times feed contracts computed in exact arithmetic (DESIGN 5.1, 5.3); a float
    column would turn 6.45 min into 386.99999… s.
    """

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Fraction | int | None, dialect: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise ValueError(f"float {value!r}: store exact Fractions")
        return str(Fraction(value))

    def process_result_value(self, value: str | None, dialect: object) -> Fraction | None:
        return parse_exact(value)
