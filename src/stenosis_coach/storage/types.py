"""Column types: aware UTC datetimes stored as sortable ISO text."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


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
        if value is None:
            return None
        return datetime.fromisoformat(value).astimezone(UTC)


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
        return None if value is None else Fraction(value)
