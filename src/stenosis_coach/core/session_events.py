"""Session events as they are stored, and how a session ended (DESIGN 3).

Each engine event class declares the kind it is stored under (``KIND``, a class
attribute): the kinds are a contract with every database written so far, so renaming a
class changes nothing stored or read. :func:`stored_data` turns an engine event into the
data that is stored with its kind; :func:`from_stored` turns a stored event back into the
engine's event, for the engine's own replay (``core.sessions.walk_replay`` and
``routine_replay``).

This module sits below the engines and :mod:`core.sessions` (they both import it), so that
:mod:`core.sessions` can read stored sessions through the engines.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum, StrEnum
from fractions import Fraction
from typing import Any, TypeVar


class EndReason(StrEnum):
    """A finished session's one status: what the history lists, the weekly figures,
    ``status``, the export (``ended_how``) and crash recovery all say about it. Derived
    only by :func:`core.sessions.session_status` and :func:`core.sessions.walk_status`."""

    COMPLETED = "completed"
    STOPPED = "stopped"
    MUST_STOP = "must_stop"
    INTERRUPTED = "interrupted"  # the app died; saved as ended at the last heartbeat


@dataclass(frozen=True)
class SessionEvent:
    """One thing that happened in a session, as stored.

    ``t_s`` is engine time: monotonic seconds from the session's start.
    """

    kind: str
    t_s: float
    at: datetime
    data: dict[str, Any] = field(default_factory=dict)


E = TypeVar("E")


def event_kinds(*classes: type[E]) -> dict[str, type[E]]:
    """An engine's events by the kind each declares as its own (``KIND`` in the class
    itself, not inherited). Two classes of one kind, or one without its own, is a bug
    found at import."""
    found: dict[str, type[E]] = {}
    for cls in classes:
        kind = vars(cls).get("KIND")
        if not isinstance(kind, str) or not kind:
            raise ValueError(f"{cls.__name__} declares no KIND to be stored under")
        if kind in found:
            raise ValueError(f"{found[kind].__name__} and {cls.__name__} share the kind {kind!r}")
        found[kind] = cls
    return found


def plain(value: Any) -> Any:
    """A value as JSON can hold it: exact fractions as text, enums as their value."""
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def stored_kind(event: Any) -> str:
    """The kind an engine event is stored under: the one its class declares (a subclass
    keeps its parent's)."""
    kind = getattr(type(event), "KIND", None)
    if not isinstance(kind, str) or not kind:
        raise TypeError(f"{type(event).__name__} declares no KIND to be stored under")
    return kind


def stored_data(event: Any) -> dict[str, Any]:
    """An engine event's fields as stored (its ``t_s`` is stored as ``t_engine``)."""
    return {
        f.name: plain(getattr(event, f.name)) for f in dataclasses.fields(event) if f.name != "t_s"
    }


def from_stored(kinds: Mapping[str, type[E]], stored: SessionEvent) -> E | None:
    """The engine event a stored one was, or ``None``: a kind not in ``kinds`` (the
    recorder's own facts, ratings), or a fact this version cannot read (it tells
    nothing)."""
    cls = kinds.get(stored.kind)
    if cls is None:
        return None
    typed: type = cls  # a plain class, as _fields' cache keys it
    data = stored.data
    try:
        values: dict[str, Any] = {"t_s": float(data.get("t_engine", stored.t_s))}
        for name, hint, required in _fields(typed):
            if name in data:
                values[name] = _read(hint, data[name])
            elif required:
                return None
        return cls(**values)
    except (TypeError, ValueError, ArithmeticError):
        return None


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """Each stored field of an event class: its name, its type, whether it is required."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            hints[f.name],
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init and f.name != "t_s"
    )


def _read(hint: Any, value: Any) -> Any:
    """A stored value as the field's type holds it (what :func:`plain` wrote)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        if value is None:
            if type(None) in typing.get_args(hint):
                return None
            raise ValueError("a value is missing")
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    if hint is bool and isinstance(value, bool):
        return value
    if value is None or isinstance(value, bool):
        raise ValueError(f"not a {hint}: {value!r}")
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is Fraction:
        return Fraction(value)
    if hint is float:
        return float(value)
    if hint is int:
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"not a whole number: {value!r}")
        return int(value)
    if hint is str:
        if not isinstance(value, str):
            raise ValueError(f"not a text: {value!r}")
        return value
    return value
