"""Plain-English messages for plan file problems, at JSON paths (DESIGN 4.2).

Turns pydantic's errors into sentences a therapist understands, worded from the models' own
bounds (so a message can never disagree with the check): ``$.routines[0].steps[2].reps`` --
"must be a whole number from 1 to 100, not 250". The messages are the therapist's to read:
each is translated (``_``), the JSON path and the values from the file are not.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from stenosis_coach.core.plans.model import (
    FILLED_LINE_PATTERN,
    LINE_PATTERN,
    RULES_ERROR,
    SLUG_PATTERN,
    VERSION,
    Loc,
    PlanFile,
)
from stenosis_coach.i18n import _, grouped_text, ngettext


def sorted_problems(problems: list[tuple[Loc, str]]) -> list[tuple[str, str]]:
    """``(json path, message)`` pairs, without repeats, in file order (list indexes as numbers)."""

    def order(item: tuple[Loc, str]) -> tuple[Any, ...]:
        loc, message = item
        return (tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in loc), message)

    return [(json_path(loc), message) for loc, message in sorted(set(problems), key=order)]


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def json_path(loc: Loc) -> str:
    """``("routines", 0, "steps", 2, "reps")`` -> ``$.routines[0].steps[2].reps``."""
    parts = ["$"]
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif _NAME.fullmatch(part) and len(part) <= 64:
            parts.append(f".{part}")
        else:
            shown = part if len(part) <= 64 else part[:64] + "..."
            parts.append(f"[{json.dumps(shown)}]")
    return "".join(parts)


def _printable(text: str, most: int = 40) -> str:
    cut = text if len(text) <= most else text[:most] + "..."
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in cut)


def show(value: Any) -> str:
    """A JSON value as a therapist would recognise it in the file."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        text = str(value)
        if len(text) <= 20:
            return text
        return _("a number of {count} digits").format(count=len(text))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return '"' + _printable(value) + '"'
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


def _field_at(loc: Loc) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model owning ``loc``'s last name, and that field (``None`` where unknown)."""
    model: type[BaseModel] | None = PlanFile
    owner: type[BaseModel] | None = None
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None:
            return None, None
        owner, info = model, model.model_fields.get(part)
        if info is None:
            return owner, None
        model = _inner_model(info.annotation)
    return owner, info


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _base_type(annotation: Any) -> Any:
    """``int | None`` -> ``int``; ``list[X]`` -> ``list``; a Literal stays itself."""
    if get_origin(annotation) is Literal:
        return annotation
    if get_origin(annotation) is list:
        return list
    args = [a for a in get_args(annotation) if a is not type(None)]
    return _base_type(args[0]) if args else annotation


def _limit(info: FieldInfo, name: str) -> Any:
    for item in info.metadata:
        if getattr(item, name, None) is not None:
            return getattr(item, name)
    return None


def _not_a_list(field: str, value: Any) -> str:
    """``must be a list [...] of steps, not "x"``: one whole message per kind of list."""
    if field == "steps":
        text = _("must be a list [...] of steps, not {value}")
    elif field == "exercises":
        text = _("must be a list [...] of exercises, not {value}")
    elif field == "routines":
        text = _("must be a list [...] of routines, not {value}")
    else:
        text = _("must be a list [...] of items, not {value}")
    return text.format(value=show(value))


def _empty_list(field: str) -> str:
    if field == "steps":
        return _("must have at least one step")
    if field == "exercises":
        return _("must have at least one exercise")
    if field == "routines":
        return _("must have at least one routine")
    return _("must have at least one item")


def _long_list(field: str, most: int, count: int) -> str:
    if field == "steps":
        text = ngettext(
            "may have at most {most} step, not {count}",
            "may have at most {most} steps, not {count}",
            most,
        )
    elif field == "exercises":
        text = ngettext(
            "may have at most {most} exercise, not {count}",
            "may have at most {most} exercises, not {count}",
            most,
        )
    elif field == "routines":
        text = ngettext(
            "may have at most {most} routine, not {count}",
            "may have at most {most} routines, not {count}",
            most,
        )
    else:
        text = ngettext(
            "may have at most {most} item, not {count}",
            "may have at most {most} items, not {count}",
            most,
        )
    return text.format(most=most, count=count)


def translate_error(error: Mapping[str, Any]) -> list[tuple[Loc, str]]:
    loc: Loc = tuple(error["loc"])
    kind: str = error["type"]
    value = error.get("input")
    if kind == RULES_ERROR:
        return [((*loc, *sub), message) for sub, message in error["ctx"]["problems"]]
    owner, info = _field_at(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        close = difflib.get_close_matches(key, list(owner.model_fields), n=1) if owner else None
        if close:
            message = _("unknown field '{field}' (did you mean '{close}'?)").format(
                field=_printable(key), close=close[0]
            )
        else:
            message = _("unknown field '{field}'").format(field=_printable(key))
        return [(loc, message)]
    if kind == "missing":
        return [(loc, _("is required but missing"))]
    if info is None or (loc and isinstance(loc[-1], int)):  # every list holds objects
        if kind == "model_type" and not loc:
            return [((), _("a plan file is one JSON object {...}"))]
        return [(loc, _not_an_object(value))]
    return [(loc, _field_message(kind, loc, value, info, error))]


def _not_an_object(value: Any) -> str:
    return _("must be an object {{...}}, not {value}").format(value=show(value))


def _field_message(
    kind: str, loc: Loc, value: Any, info: FieldInfo, error: Mapping[str, Any]
) -> str:
    base = _base_type(info.annotation)
    low, high = _limit(info, "ge"), _limit(info, "le")
    shown = show(value)
    if base is int:
        return _("must be a whole number from {low} to {high}, not {value}").format(
            low=low, high=high, value=shown
        )
    if base is float:
        return _("must be a number from {low} to {high}, not {value}").format(
            low=low, high=high, value=shown
        )
    if get_origin(base) is Literal:
        choices = get_args(base)
        if loc == ("version",):
            return _("must be the whole number {version}, not {value}").format(
                version=VERSION, value=shown
            )
        if len(choices) == 1 and loc == ("format",):
            return _(
                'must be "{format}", not {value}; this is not a Stenosis Coach plan file'
            ).format(format=choices[0], value=shown)
        if len(choices) == 1:
            return _('must be "{choice}", not {value}').format(choice=choices[0], value=shown)
        names = ", ".join(f'"{choice}"' for choice in choices)
        return _("must be one of {choices}, not {value}").format(choices=names, value=shown)
    if base is list:
        field = str(loc[-1])
        if not isinstance(value, list):
            return _not_a_list(field, value)
        if kind == "too_short":
            return _empty_list(field)
        return _long_list(field, _limit(info, "max_length"), len(value))
    if isinstance(base, type) and issubclass(base, BaseModel):
        return _not_an_object(value)
    if base is str:
        return _text_message(kind, value, info, error)
    return _("is not valid: {reason}").format(reason=error.get("msg", kind))


def _text_message(kind: str, value: Any, info: FieldInfo, error: Mapping[str, Any]) -> str:
    if not isinstance(value, str):
        return _("must be text, not {value}").format(value=show(value))
    pattern = _limit(info, "pattern")
    most = _limit(info, "max_length")
    if kind == "string_too_long":
        return ngettext(
            "must be at most {most} character long, not {count}",
            "must be at most {most} characters long, not {count}",
            most,
        ).format(most=most, count=grouped_text(len(value)))
    if kind != "string_pattern_mismatch":
        # Our own checks' messages (too many instruction lines) come translated.
        return str(error.get("msg", _("is not valid text")))
    if pattern == SLUG_PATTERN:
        return _(
            "must be an id of 1 to 64 lowercase letters a-z, digits 0-9 and '-', not {value}"
        ).format(value=show(value))
    if not value.strip():
        return _("must not be blank")
    if pattern in (LINE_PATTERN, FILLED_LINE_PATTERN) and ("\n" in value or "\r" in value):
        return _("must be a single line, without line breaks")
    return _("must not hold control characters (only letters, digits, punctuation and spaces)")
