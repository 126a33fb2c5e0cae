"""The Zurich Claudication Questionnaire (ZCQ) as data, and its scoring (DESIGN 5.6).

Source (cite it where the questionnaire is asked: :data:`ZCQ_SOURCE`): Stucki G, Daltroy L,
Liang MH, Lipson SJ, Fossel AH, Katz JN. Measurement properties of a self-administered
outcome measure in lumbar spinal stenosis. Spine 1996;21(7):796-803. Published and used
without fee in research (DESIGN 5.6).

Three subscales, lower is better on all three:

- symptom severity ``s1``-``s7``, answers 1-5, except the balance item ``s7`` whose
  answers are 1, 3 or 5 (Stucki 1996);
- physical function ``f1``-``f5``, answers 1-4;
- satisfaction ``p1``-``p6``, answers 1-4, asked only from the second questionnaire on: it
  rates the care since the first. The published wording says "the operation"; the app
  follows conservative care, so it says "your treatment" (the trials of conservative care
  asked it so: Comer 2010, Ammendolia 2018, Minetama 2019).

Scoring (DESIGN 5.6), exact (``Fraction``; no float on the way):

- a subscale is the mean of its answered items, null with more than one item unanswered
  (an answer the item does not take counts as unanswered);
- ``first``/``latest``: the first and latest ZCQ by date (the latest even when one of its
  subscales is null); ``change`` = latest - first per subscale;
- ``meaningful``: symptom severity improved (went down) by >= 0.36 (MCID, Minetama 2019);
- ``success``: symptom severity and physical function each improved by >= 0.5 and
  satisfaction (of the latest) <= 2.5 (the X-STOP trial's ZCQ success, Zucherman 2005);
- both null when a value they need is null, except that a rule already failed by a known
  value is false; with one questionnaire only, ``change``, ``meaningful`` and ``success``
  are null (``change`` is then null as a whole).
- Shown to two decimals, rounded half away from zero (:func:`score_text`); judged on the
  exact values.
- Due (DESIGN 5.6, 5.7): at the start, then every 28 days (:func:`next_zcq_due`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Final

from stenosis_coach import i18n
from stenosis_coach.core.outcomes.model import (
    FUNCTION_ITEMS,
    SATISFACTION_ITEMS,
    SYMPTOM_ITEMS,
    ZCQ,
    Answer,
    Questionnaire,
    zcq_answers,
)
from stenosis_coach.core.words import MINUS, round_half_away
from stenosis_coach.i18n import N_, _

ZCQ_SOURCE_TEXT: Final = N_(
    "Zurich Claudication Questionnaire: Stucki G, Daltroy L, Liang MH, Lipson SJ, Fossel AH, "
    "Katz JN. Measurement properties of a self-administered outcome measure in lumbar spinal "
    "stenosis. Spine 1996;21(7):796-803."
)
ZCQ_SOURCE: Final = ZCQ_SOURCE_TEXT  # the source English; show it with _(ZCQ_SOURCE_TEXT)

MEANINGFUL_CHANGE: Final = Fraction(-36, 100)  # DESIGN 5.6: MCID 0.36 (Minetama 2019)
SUCCESS_CHANGE: Final = Fraction(-1, 2)  # DESIGN 5.6: each improved by >= 0.5 (Zucherman 2005)
SUCCESS_SATISFACTION: Final = Fraction(5, 2)  # DESIGN 5.6: satisfaction <= 2.5 (Zucherman 2005)
MAX_UNANSWERED: Final = 1  # DESIGN 5.6: null with more than one item unanswered
DUE_EVERY_DAYS: Final = 28  # DESIGN 5.6: at the start and then every 28 days


@dataclass(frozen=True)
class Option:
    """One answer a patient can choose: its score and its words (marked, not translated:
    read :attr:`text`)."""

    value: int
    words: str

    @property
    def text(self) -> str:
        return _(self.words)


@dataclass(frozen=True)
class Item:
    id: str
    words: str  # the question, source English (noted with N_)
    answers: tuple[Option, ...]

    @property
    def question(self) -> str:
        """The question in the user's language."""
        return _(self.words)


@dataclass(frozen=True)
class Subscale:
    id: str  # symptom_severity | physical_function | satisfaction (the --json keys)
    title_words: str
    intro_words: str
    items: tuple[Item, ...]
    from_second: bool = False  # asked only from the second questionnaire on

    @property
    def title(self) -> str:
        return _(self.title_words)

    @property
    def intro(self) -> str:
        """The sentence that comes before the subscale's questions."""
        return _(self.intro_words)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)


def _options(*pairs: tuple[int, str]) -> tuple[Option, ...]:
    return tuple(Option(value, words) for value, words in pairs)


_SEVERITY = _options(
    (1, N_("None")),
    (2, N_("Mild")),
    (3, N_("Moderate")),
    (4, N_("Severe")),
    (5, N_("Very severe")),
)
_HOW_OFTEN = _options(
    (1, N_("Less than once a week")),
    (2, N_("At least once a week")),
    (3, N_("Every day, for at least a few minutes")),
    (4, N_("Every day, for most of the day")),
    (5, N_("Every minute of the day")),
)
_BALANCE = _options(
    (1, N_("No, I have had no problems with my balance")),
    (3, N_("Yes, sometimes I feel my balance is off, or that I am not sure-footed")),
    (5, N_("Yes, often I feel my balance is off, or that I am not sure-footed")),
)
_HOW_FAR = _options(
    (1, N_("Over 2 miles (over 3 km)")),
    (2, N_("Over 2 blocks, but less than 2 miles (about 200 m to 3 km)")),
    (3, N_("Over 50 feet, but less than 2 blocks (about 15 m to 200 m)")),
    (4, N_("Less than 50 feet (less than 15 m)")),
)
_WITH_PAIN = _options(
    (1, N_("Yes, comfortably")),
    (2, N_("Yes, but sometimes with pain")),
    (3, N_("Yes, but always with pain")),
    (4, N_("No")),
)
_SATISFIED = _options(
    (1, N_("Very satisfied")),
    (2, N_("Somewhat satisfied")),
    (3, N_("Somewhat dissatisfied")),
    (4, N_("Very dissatisfied")),
)

SYMPTOMS: Final = Subscale(
    "symptom_severity",
    N_("Your symptoms"),
    N_("These questions are about your symptoms in the last month."),
    (
        Item(
            "s1",
            N_(
                "In the last month, how would you describe the pain you have had on average, "
                "including pain in your back, buttocks and pain that goes down the legs?"
            ),
            _SEVERITY,
        ),
        Item(
            "s2",
            N_("How often have you had back, buttock or leg pain?"),
            _HOW_OFTEN,
        ),
        Item("s3", N_("How would you describe the pain in your back or buttocks?"), _SEVERITY),
        Item("s4", N_("How would you describe the pain in your legs or feet?"), _SEVERITY),
        Item(
            "s5",
            N_("How would you describe numbness or tingling in your legs or feet?"),
            _SEVERITY,
        ),
        Item("s6", N_("How would you describe weakness in your legs or feet?"), _SEVERITY),
        Item("s7", N_("Have you had problems with your balance?"), _BALANCE),
    ),
)

FUNCTION: Final = Subscale(
    "physical_function",
    N_("What you can do"),
    N_("In the last month, on a typical day:"),
    (
        Item("f1", N_("How far have you been able to walk?"), _HOW_FAR),
        Item(
            "f2",
            N_("Have you taken walks outdoors or in shopping centres for pleasure?"),
            _WITH_PAIN,
        ),
        Item("f3", N_("Have you been shopping for groceries or other items?"), _WITH_PAIN),
        Item(
            "f4",
            N_("Have you walked around the different rooms in your house or flat?"),
            _WITH_PAIN,
        ),
        Item("f5", N_("Have you walked from your bedroom to the bathroom?"), _WITH_PAIN),
    ),
)

SATISFACTION: Final = Subscale(
    "satisfaction",
    N_("How satisfied you are"),
    N_("Since your first questionnaire, how satisfied are you with:"),
    (
        Item("p1", N_("The overall result of your treatment?"), _SATISFIED),
        Item("p2", N_("The relief of pain since your treatment?"), _SATISFIED),
        Item("p3", N_("Your ability to walk since your treatment?"), _SATISFIED),
        Item(
            "p4",
            N_("Your ability to do housework, garden work or your job?"),
            _SATISFIED,
        ),
        Item("p5", N_("Your strength in the thighs, legs and feet?"), _SATISFIED),
        Item("p6", N_("Your balance, or steadiness on your feet?"), _SATISFIED),
    ),
    from_second=True,
)

SUBSCALES: Final = (SYMPTOMS, FUNCTION, SATISFACTION)
assert SYMPTOMS.item_ids == SYMPTOM_ITEMS
assert FUNCTION.item_ids == FUNCTION_ITEMS
assert SATISFACTION.item_ids == SATISFACTION_ITEMS
assert all(
    tuple(o.value for o in i.answers) == zcq_answers(i.id) for s in SUBSCALES for i in s.items
)


def items_asked(first_time: bool) -> tuple[Item, ...]:
    """The questions of one questionnaire, in order: without satisfaction the first time."""
    return tuple(i for s in SUBSCALES if not (first_time and s.from_second) for i in s.items)


# ---- scoring -------------------------------------------------------------------------


def subscale_score(answers: Mapping[str, Answer], items: Iterable[str]) -> Fraction | None:
    """The exact mean of the answered items; None with more than one item unanswered."""
    items = tuple(items)
    given = [a for i in items if isinstance(a := answers.get(i), int) and a in zcq_answers(i)]
    if not given or len(items) - len(given) > MAX_UNANSWERED:
        return None
    return Fraction(sum(given), len(given))


@dataclass(frozen=True)
class ZcqScores:
    """One questionnaire's three subscales (exact; None when not computable)."""

    date: date
    symptom_severity: Fraction | None
    physical_function: Fraction | None
    satisfaction: Fraction | None

    def to_json(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat(),
            "symptom_severity": _number(self.symptom_severity),
            "physical_function": _number(self.physical_function),
            "satisfaction": _number(self.satisfaction),
        }


def scores_of(questionnaire: Questionnaire) -> ZcqScores:
    a = questionnaire.answers
    return ZcqScores(
        questionnaire.date,
        subscale_score(a, SYMPTOM_ITEMS),
        subscale_score(a, FUNCTION_ITEMS),
        subscale_score(a, SATISFACTION_ITEMS),
    )


@dataclass(frozen=True)
class ZcqChange:
    """latest - first per subscale (negative = better)."""

    symptom_severity: Fraction | None
    physical_function: Fraction | None

    def to_json(self) -> dict[str, object]:
        return {
            "symptom_severity": _number(self.symptom_severity),
            "physical_function": _number(self.physical_function),
        }


@dataclass(frozen=True)
class ZcqOutcome:
    """DESIGN 4.1's ``outcomes.zcq``."""

    first: ZcqScores | None
    latest: ZcqScores | None
    change: ZcqChange | None
    meaningful: bool | None
    success: bool | None

    def to_json(self) -> dict[str, object]:
        return {
            "first": self.first.to_json() if self.first else None,
            "latest": self.latest.to_json() if self.latest else None,
            "change": self.change.to_json() if self.change else None,
            "meaningful": self.meaningful,
            "success": self.success,
        }


def zcq_questionnaires(questionnaires: Iterable[Questionnaire]) -> list[Questionnaire]:
    """The ZCQs among ``questionnaires``, oldest first (stable for the same date)."""
    return sorted((q for q in questionnaires if q.instrument == ZCQ), key=lambda q: q.date)


def _difference(later: Fraction | None, earlier: Fraction | None) -> Fraction | None:
    return None if later is None or earlier is None else later - earlier


def judge_meaningful(change: ZcqChange) -> bool | None:
    """Symptom severity improved by >= 0.36 (Minetama 2019); None when unknown."""
    if change.symptom_severity is None:
        return None
    return change.symptom_severity <= MEANINGFUL_CHANGE


def _all_of(tests: Iterable[bool | None]) -> bool | None:
    """False when any known test failed; else None when any is unknown; else True."""
    known = list(tests)
    if False in known:
        return False
    return None if None in known else True


def judge_success(change: ZcqChange, latest_satisfaction: Fraction | None) -> bool | None:
    """Zucherman 2005: severity and function each improved by >= 0.5 and satisfaction <= 2.5.
    False as soon as one known value fails, even with another unknown."""

    def at_most(value: Fraction | None, limit: Fraction) -> bool | None:
        return None if value is None else value <= limit

    return _all_of(
        [
            at_most(change.symptom_severity, SUCCESS_CHANGE),
            at_most(change.physical_function, SUCCESS_CHANGE),
            at_most(latest_satisfaction, SUCCESS_SATISFACTION),
        ]
    )


def zcq_outcome(questionnaires: Iterable[Questionnaire]) -> ZcqOutcome:
    """first, latest, change, meaningful and success over the ZCQs given (DESIGN 5.6)."""
    zcqs = zcq_questionnaires(questionnaires)
    if not zcqs:
        return ZcqOutcome(None, None, None, None, None)
    first, latest = scores_of(zcqs[0]), scores_of(zcqs[-1])
    if len(zcqs) < 2:
        return ZcqOutcome(first, latest, None, None, None)
    change = ZcqChange(
        _difference(latest.symptom_severity, first.symptom_severity),
        _difference(latest.physical_function, first.physical_function),
    )
    return ZcqOutcome(
        first,
        latest,
        change,
        judge_meaningful(change),
        judge_success(change, latest.satisfaction),
    )


def next_zcq_due(questionnaires: Iterable[Questionnaire], start: date | None) -> date | None:
    """The date the next ZCQ is due (DESIGN 5.6, 5.7): ``start`` (the date there was first a
    walking plan or a routine) when none was answered, else 28 days after the latest one
    (never before ``start``). None when there is no start yet (nothing is due)."""
    if start is None:
        return None
    zcqs = zcq_questionnaires(questionnaires)
    if not zcqs:
        return start
    return max(start, zcqs[-1].date + timedelta(days=DUE_EVERY_DAYS))


# ---- numbers -------------------------------------------------------------------------


def _number(value: Fraction | None) -> float | None:
    """A JSON number: the exact value as a float (DESIGN 4.1: not rounded)."""
    return None if value is None else float(value)


def score_text(value: Fraction) -> str:
    """A score as shown: two decimals, half away from zero, the locale's decimal sign and a
    real minus (DESIGN 5.6): ``3.29``, ``−1.00``."""
    rounded = round_half_away(value, 2)
    text = i18n.decimal_text(rounded, 2)  # the locale's digits, but "2.2" and "3" for 2.20, 3
    zero = i18n.decimal_text(0, 0)
    missing = 2 - _places(rounded)
    if missing == 2:
        text += _decimal_sign()
    return (text + zero * missing).replace("-", MINUS)


def _places(rounded: Decimal) -> int:
    """How many decimals ``decimal_text`` writes for a value rounded to two (0, 1 or 2)."""
    for places in (0, 1):
        if rounded * 10**places == (rounded * 10**places).to_integral_value():
            return places
    return 2


def _decimal_sign() -> str:
    """The locale's decimal sign, as ``decimal_text`` writes it."""
    half = i18n.decimal_text(Decimal("0.5"))
    return half[len(i18n.decimal_text(0, 0)) : len(half) - len(i18n.decimal_text(5, 0))]
