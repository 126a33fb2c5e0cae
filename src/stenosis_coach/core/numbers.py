"""The one way the app reads a number a person typed (forms) or wrote (the diary CSV).

A number comes back exact, as a :class:`~fractions.Fraction` ("4.5" is 9/2, so minutes x 60
are whole seconds), or the reading fails with :class:`NumberProblem`, whose message is a
plain sentence that names the field. Nothing is ever read as infinity, NaN or a float.

What a form accepts (:func:`read_number`):

* digits with an optional sign (``+``, ``-`` or the minus sign ``−``); ``-0`` is 0;
* one decimal separator, a point **or** a comma: ``4.5`` and ``4,5`` are both 4.5 (a
  decimal comma is normal in much of Europe, so the same app reads both);
* thousands grouped in threes by spaces (``1 500``, also the no-break spaces that
  spreadsheets and some keyboards put there), or by the separator that is *not* the
  decimal one when both appear (``1,500.5``, ``1.500,5``), or by a separator repeated
  (``1,500,000``);
* a lone point or comma followed by exactly three digits after a group of 1 to 3 digits
  (``1,500``, ``1.500``, ``12.250``) is **refused**: it means 1500 in one country and 1.5
  in another, and guessing would silently change the value. The message asks for it
  without the separator, or with fewer decimals. ``0,500`` and ``1234,5`` are not
  ambiguous and are read as decimals;
* no exponents (``1e3``), no ``inf``/``nan``/``infinity``, no words, no more than
  :data:`MAX_DIGITS` digits (a wall of digits is a typo, and would be slow to read).

What the diary CSV accepts (``decimal_comma=False``, DESIGN 4.3): digits with an optional
sign and a decimal **point** only. A comma in a number cell (a quoted ``"6,5"``) is refused
with a message asking for a point, because in a CSV file ``6,5`` and ``1,500`` cannot be
told apart; no grouping spaces, no exponents, no NaN.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from stenosis_coach.i18n import _, decimal_text

MAX_DIGITS = 30  # more digits than any value the app keeps; longer text is refused

_SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_MINUSES = "-\u2212"  # hyphen-minus, minus sign
_NOT_FINITE = {"inf", "infinity", "nan", "snan", "∞"}
_POINT_NUMBER = re.compile(r"([0-9]+(\.[0-9]*)?|\.[0-9]+)")


class Problem(StrEnum):
    """Why a text is not a good value (callers with their own wording can match on it)."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NOT_FINITE = "not_finite"  # inf, nan
    AMBIGUOUS = "ambiguous"  # 1,500: thousands or decimals?
    DECIMAL_COMMA = "decimal_comma"  # a comma where only a point is allowed (CSV)
    TOO_LONG = "too_long"
    NOT_WHOLE = "not_whole"
    OUT_OF_RANGE = "out_of_range"


class NumberProblem(ValueError):
    """A typed number that cannot be used; ``message`` is the sentence to show."""

    def __init__(self, problem: Problem, message: str, text: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.text = text


@dataclass(frozen=True)
class NumberRule:
    """What one field accepts, and the words its messages use.

    ``name`` is the field as its label says it, at the start of a sentence ("Minutes
    walked"). ``low``/``high`` are inclusive unless ``low_open`` (then "more than low").
    ``unit`` ends the range in messages ("minutes"); ``example`` shows a good value.
    ``missing`` replaces the message for an empty required field, ``invalid`` the one for
    text that is not a number at all (words, inf, nan, a wall of digits). Every one of
    these words is already in the user's language (make the rule when it is used, with
    ``_("Minutes walked")``); the sentences around them are translated here.
    """

    name: str
    low: Fraction | int | None = None
    high: Fraction | int | None = None
    low_open: bool = False
    whole: bool = False
    required: bool = True
    unit: str = ""
    example: str = ""
    missing: str = ""
    invalid: str = ""
    decimal_comma: bool = True  # False: the CSV contract (a point only)

    def range_text(self) -> str:
        """``"more than 0 and at most 180 minutes"``, ``"from 0 to 50"``, ``"0 or more"``."""
        low = None if self.low is None else number_text(Fraction(self.low))
        high = None if self.high is None else number_text(Fraction(self.high))
        unit = self.unit
        if low is not None and high is not None:
            if self.low_open:
                said = (
                    _("more than {low} and at most {high} {unit}")
                    if unit
                    else _("more than {low} and at most {high}")
                )
            else:
                said = _("from {low} to {high} {unit}") if unit else _("from {low} to {high}")
        elif low is not None:
            if self.low_open:
                said = _("more than {low} {unit}") if unit else _("more than {low}")
            else:
                said = _("{low} {unit} or more") if unit else _("{low} or more")
        elif high is not None:
            said = _("at most {high} {unit}") if unit else _("at most {high}")
        else:
            return ""
        return said.format(low=low, high=high, unit=unit)

    def example_text(self) -> str:
        if self.example:
            return self.example
        if self.whole:
            return "3"
        # An example of a number to type: "12 or 4.5".
        return _("{whole} or {decimal}").format(whole=12, decimal=decimal_text(Decimal("4.5")))


def number_text(value: Fraction) -> str:
    """A short exact decimal for messages: 180, 4.5, 0.05 (at most 6 decimals shown), in
    the locale's decimal sign."""
    if value.denominator == 1:
        return str(value.numerator)
    return decimal_text(Decimal(f"{float(value):.6f}"), places=6)


def read_number(text: str, rule: NumberRule) -> Fraction | None:
    """``text`` as an exact number within ``rule``; ``None`` when empty and not required.

    Raises :class:`NumberProblem` with a sentence naming the field.
    """
    cleaned = _clean(text)
    if not cleaned:
        if rule.required:
            message = rule.missing or _type_message(rule)
            raise NumberProblem(Problem.EMPTY, message, text)
        return None
    value = _parse(cleaned, rule, text)
    if rule.whole and value.denominator != 1:
        raise NumberProblem(Problem.NOT_WHOLE, _range_message(rule), text)
    if _out_of_range(value, rule):
        raise NumberProblem(Problem.OUT_OF_RANGE, _range_message(rule), text)
    return value


def read_whole(text: str, rule: NumberRule) -> int | None:
    """Like :func:`read_number` for a whole-number field (``rule.whole`` is implied)."""
    value = read_number(text, rule if rule.whole else _whole(rule))
    return None if value is None else int(value)


def _whole(rule: NumberRule) -> NumberRule:
    return replace(rule, whole=True)


def _range_message(rule: NumberRule) -> str:
    bounds = rule.range_text()
    if rule.whole:
        said = (
            _("{name} must be a whole number {range}.")
            if bounds
            else _("{name} must be a whole number.")
        )
    else:
        said = _("{name} must be a number {range}.") if bounds else _("{name} must be a number.")
    return said.format(name=rule.name, range=bounds)


def _type_message(rule: NumberRule) -> str:
    """What an empty box that needs a value is told: "Rests: type a whole number from 0
    to 50."."""
    bounds = rule.range_text()
    if rule.whole:
        said = (
            _("{name}: type a whole number {range}.")
            if bounds
            else _("{name}: type a whole number.")
        )
    else:
        said = _("{name}: type a number {range}.") if bounds else _("{name}: type a number.")
    return said.format(name=rule.name, range=bounds)


def _out_of_range(value: Fraction, rule: NumberRule) -> bool:
    if rule.low is not None and (value <= rule.low if rule.low_open else value < rule.low):
        return True
    return rule.high is not None and value > rule.high


def _clean(text: str) -> str:
    """Trim, and turn other scripts' digits (e.g. full-width ４) and the minus sign to ASCII."""
    out = []
    for char in text.strip().strip(_SPACES):
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            out.append(str(digit))
        elif char in _MINUSES:
            out.append("-")
        else:
            out.append(char)
    return "".join(out)


def _not_a_number(
    rule: NumberRule, text: str, problem: Problem = Problem.NOT_A_NUMBER
) -> NumberProblem:
    if rule.invalid:
        message = rule.invalid
    elif rule.whole and rule.range_text():
        message = _range_message(rule)  # "… must be a whole number from 0 to 50."
    else:
        message = _("{name} must be a number, like {example}.").format(
            name=rule.name, example=rule.example_text()
        )
    return NumberProblem(problem, message, text)


def _parse(cleaned: str, rule: NumberRule, original: str) -> Fraction:
    negative = cleaned[0] == "-"
    body = cleaned[1:] if cleaned[0] in "+-" else cleaned
    if body.strip(_SPACES).lower() in _NOT_FINITE:
        raise _not_a_number(rule, original, Problem.NOT_FINITE)
    if sum(c.isdigit() for c in body) > MAX_DIGITS:
        too_long = _("{name}: that number is too long.").format(name=rule.name)
        message = rule.invalid or f"{too_long} {_range_hint(rule)}"
        raise NumberProblem(Problem.TOO_LONG, message, original)
    if rule.decimal_comma:
        whole, decimals = _split_form(body, rule, original)
    else:
        if "," in body and _POINT_NUMBER.fullmatch(body.replace(",", ".", 1)):
            raise NumberProblem(
                Problem.DECIMAL_COMMA,
                _(
                    "{name}: write decimals with a point, like 6.5, and no thousands "
                    "separator, like 1500."
                ).format(name=rule.name),
                original,
            )
        if not _POINT_NUMBER.fullmatch(body):
            raise _not_a_number(rule, original)
        whole, _point, decimals = body.partition(".")
    value = Fraction(int(whole or "0")) + (
        Fraction(int(decimals), 10 ** len(decimals)) if decimals else 0
    )
    return -value if negative else value


def _range_hint(rule: NumberRule) -> str:
    bounds = rule.range_text()
    if rule.whole:
        said = _("Type a whole number {range}.") if bounds else _("Type a whole number.")
    else:
        said = _("Type a number {range}.") if bounds else _("Type a number.")
    return said.format(range=bounds)


def _ambiguous(rule: NumberRule, original: str, digits: str) -> NumberProblem:
    """``1,500``: say both readings, and which of them this field can take."""
    big, small = Fraction(int(digits)), Fraction(int(digits), 1000)
    fits = [v for v in (big, small) if not _out_of_range(v, rule) and not _not_whole(v, rule)]
    if not fits:
        return NumberProblem(Problem.OUT_OF_RANGE, _range_message(rule), original)
    words = {"name": rule.name, "typed": original.strip(), "big": big}
    words["small"] = number_text(small)
    if len(fits) == 1:
        message = _(
            "{name}: “{typed}” could mean {big} or {small}. Only {only} is possible here: "
            "type it as {only}."
        ).format(only=number_text(fits[0]), **words)
        return NumberProblem(Problem.AMBIGUOUS, message, original)
    message = _("{name}: “{typed}” could mean {big} or {small}. Type it as {big} or {small}.")
    return NumberProblem(Problem.AMBIGUOUS, message.format(**words), original)


def _not_whole(value: Fraction, rule: NumberRule) -> bool:
    return rule.whole and value.denominator != 1


def _split_form(body: str, rule: NumberRule, original: str) -> tuple[str, str]:
    """Digits before and after the decimal separator, grouping checked and removed."""
    if not body or any(not (c.isdigit() or c in ".," or c in _SPACES) for c in body):
        raise _not_a_number(rule, original)
    points, commas = body.count("."), body.count(",")
    spaced = any(c in _SPACES for c in body)
    decimal_sep: str | None = None
    group_seps = set(_SPACES)
    if points and commas:
        # Both: the last one is the decimal separator and appears once; the other groups.
        decimal_sep = "." if body.rfind(".") > body.rfind(",") else ","
        other = "," if decimal_sep == "." else "."
        if body.count(decimal_sep) != 1:
            raise _not_a_number(rule, original)
        group_seps.add(other)
    elif points + commas > 1:
        group_seps.add("." if points else ",")  # 1,500,000: a repeated separator groups
    elif points + commas == 1:
        decimal_sep = "." if points else ","
    if decimal_sep is not None:
        whole, decimals = body.split(decimal_sep)
    else:
        whole, decimals = body, ""
    if decimals and not decimals.isdigit():
        raise _not_a_number(rule, original)
    groups = re.split("[" + re.escape("".join(group_seps)) + "]", whole)
    if len(groups) > 1:
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            raise _not_a_number(rule, original)
        if not all(g.isdigit() for g in groups):
            raise _not_a_number(rule, original)
    elif whole and not whole.isdigit():
        raise _not_a_number(rule, original)
    if not whole and not decimals:
        raise _not_a_number(rule, original)
    if (
        decimal_sep is not None
        and not spaced
        and len(groups) == 1
        and points + commas == 1
        and len(decimals) == 3
        and 1 <= len(whole) <= 3
        and whole[0] != "0"
    ):
        raise _ambiguous(rule, original, whole + decimals)
    return "".join(groups), decimals
