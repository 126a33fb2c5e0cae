"""The questionnaire and relief types (DESIGN 4.4, 5.6, 5.10), kept small and stable.

A :class:`Questionnaire` is one questionnaire as ``questionnaires.csv`` holds it (DESIGN
4.4): the rows with the same ``date`` and ``instrument`` are one questionnaire, each row one
answered item (an unanswered item has no row, so it is simply absent from ``answers``).

- ``zcq`` (Zurich Claudication Questionnaire, Stucki 1996): items ``s1``-``s7`` (symptom
  severity, 1-5; the balance item ``s7`` only 1, 3 or 5), ``f1``-``f5`` (physical function,
  1-4), ``p1``-``p6`` (satisfaction, 1-4, asked from the second questionnaire on).
- ``psfs`` ("My activities", Stratford 1995): items are the activity's own words (at most
  5), answers 0 (unable) to 10 (as before) or :data:`STOPPED` ("stopped doing it").

:class:`SinceTreatment` is the daily log's answer to "compared with before the treatment"
(DESIGN 5.10), asked for :data:`RELIEF_DAYS` days after a kind in :data:`RELIEF_KINDS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final, Literal

from stenosis_coach.core.daily import TreatmentKind
from stenosis_coach.i18n import N_, _

Instrument = Literal["zcq", "psfs"]
ZCQ: Final = "zcq"
PSFS: Final = "psfs"
INSTRUMENTS: Final[tuple[Instrument, ...]] = ("zcq", "psfs")

STOPPED: Final = "stopped"  # a PSFS activity the patient stopped doing (DESIGN 4.4)
Answer = int | Literal["stopped"]

# DESIGN 5.6 (Stucki 1996): the items of each ZCQ subscale and the answers each takes.
SYMPTOM_ITEMS: Final = ("s1", "s2", "s3", "s4", "s5", "s6", "s7")
FUNCTION_ITEMS: Final = ("f1", "f2", "f3", "f4", "f5")
SATISFACTION_ITEMS: Final = ("p1", "p2", "p3", "p4", "p5", "p6")
ZCQ_ITEMS: Final = SYMPTOM_ITEMS + FUNCTION_ITEMS + SATISFACTION_ITEMS
BALANCE_ITEM: Final = "s7"  # answers 1, 3 or 5 only (Stucki 1996)


def zcq_answers(item: str) -> tuple[int, ...]:
    """The answers a ZCQ item takes: ``(1, 3, 5)`` for the balance item, 1-5 for symptom
    severity, 1-4 for physical function and satisfaction. ``KeyError`` for another item."""
    if item == BALANCE_ITEM:
        return (1, 3, 5)
    if item in SYMPTOM_ITEMS:
        return (1, 2, 3, 4, 5)
    if item in FUNCTION_ITEMS or item in SATISFACTION_ITEMS:
        return (1, 2, 3, 4)
    raise KeyError(item)


MAX_ACTIVITIES: Final = 5  # DESIGN 5.6: up to 5 activities (Stratford 1995)
MAX_ACTIVITY_CHARS: Final = 200
PSFS_MIN: Final = 0  # unable to do the activity
PSFS_MAX: Final = 10  # able to do it as before


@dataclass(frozen=True)
class Questionnaire:
    """One questionnaire: its date, instrument and answers ``{item: answer}``."""

    date: date
    instrument: Instrument
    answers: Mapping[str, Answer] = field(default_factory=dict, hash=False)

    def problems(self) -> dict[str, str]:
        """Item -> plain sentence for each answer out of range (empty when fine); the key
        ``""`` for a problem with the whole questionnaire (too many activities)."""
        found: dict[str, str] = {}
        for item, answer in self.answers.items():
            problem = answer_problem(self.instrument, item, answer)
            if problem is not None:
                found[item] = problem
        if self.instrument == PSFS and len(self.answers) > MAX_ACTIVITIES:
            found[""] = _("At most 5 activities can be rated.")
        return found


def answer_problem(instrument: str, item: str, answer: Answer) -> str | None:
    """A plain sentence when ``answer`` is not one the item takes, else None."""
    if instrument == ZCQ:
        if item not in ZCQ_ITEMS:
            return _("This is not a question of the Zurich Claudication Questionnaire.")
        if isinstance(answer, str) or answer not in zcq_answers(item):
            if item == BALANCE_ITEM:
                return _("Choose 1, 3 or 5.")
            return _("Choose a number from 1 to {highest}.").format(highest=max(zcq_answers(item)))
        return None
    if instrument == PSFS:
        if not item.strip():
            return _("Give the activity a name.")
        if len(item) > MAX_ACTIVITY_CHARS:
            return _("An activity's name is at most 200 characters.")
        if answer == STOPPED:
            return None
        if isinstance(answer, str) or not PSFS_MIN <= answer <= PSFS_MAX:
            return _("Choose a number from 0 to 10, or 'stopped'.")
        return None
    return _("The questionnaire is 'zcq' or 'psfs'.")


def parse_answer(text: str) -> Answer:
    """An answer as ``questionnaires.csv`` writes it: a whole number or ``stopped``.
    ``ValueError`` otherwise (check the range with :func:`answer_problem`)."""
    cleaned = text.strip()
    if cleaned == STOPPED:
        return STOPPED
    if not cleaned.lstrip("-").isdigit():
        raise ValueError(f"not an answer: {text!r}")
    return int(cleaned)


def answer_text(answer: Answer) -> str:
    """An answer as ``questionnaires.csv`` writes it (the inverse of :func:`parse_answer`)."""
    return answer if isinstance(answer, str) else str(answer)


def questionnaires_from_rows(
    rows: Iterable[tuple[date, Instrument, str, Answer]],
) -> list[Questionnaire]:
    """Group ``(date, instrument, item, answer)`` rows into questionnaires (DESIGN 4.4: rows
    with the same date and instrument are one questionnaire), sorted by date then
    instrument, items in the order met. ``ValueError`` for an item given twice."""
    grouped: dict[tuple[date, Instrument], dict[str, Answer]] = {}
    for day, instrument, item, answer in rows:
        answers = grouped.setdefault((day, instrument), {})
        if item in answers:
            raise ValueError(f"{instrument} item {item!r} given twice on {day}")
        answers[item] = answer
    return [
        Questionnaire(day, instrument, answers)
        for (day, instrument), answers in sorted(grouped.items(), key=lambda kv: kv[0])
    ]


def rows_of(questionnaire: Questionnaire) -> list[tuple[date, Instrument, str, Answer]]:
    """The questionnaire as ``questionnaires.csv`` rows (one per answered item)."""
    q = questionnaire
    return [(q.date, q.instrument, item, answer) for item, answer in q.answers.items()]


# ---- relief after a treatment (DESIGN 5.10) ------------------------------------------

RELIEF_DAYS: Final = 42  # DESIGN 5.10: asked for 42 days after the treatment
# DESIGN 5.10: only these kinds have a relief record.
RELIEF_KINDS: Final = frozenset(
    {TreatmentKind.EPIDURAL_INJECTION, TreatmentKind.NERVE_BLOCK, TreatmentKind.PROCEDURE}
)


class SinceTreatment(StrEnum):
    """The daily log's "compared with before the treatment" (DESIGN 5.10)."""

    MUCH_BETTER = "much_better"
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"

    @property
    def label(self) -> str:
        """The answer in the user's language: "Much better"."""
        return _(_SINCE_LABELS[self.value])


_SINCE_LABELS = {
    "much_better": N_("Much better"),
    "better": N_("Better"),
    "same": N_("The same"),
    "worse": N_("Worse"),
}


def has_relief_record(kind: TreatmentKind) -> bool:
    """True for the treatment kinds the daily log asks "compared with before" after."""
    return kind in RELIEF_KINDS


def relief_asked(treatment_day: date, kind: TreatmentKind, day: date) -> bool:
    """True when the daily log of ``day`` asks about the treatment (days 1-42 after it)."""
    return has_relief_record(kind) and 1 <= (day - treatment_day).days <= RELIEF_DAYS


@dataclass(frozen=True)
class TreatmentRelief:
    """One entry of ``status --json`` ``treatment_relief`` (DESIGN 4.1)."""

    date: date
    kind: TreatmentKind
    relief_days: int | None

    def to_json(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat(),
            "kind": self.kind.value,
            "relief_days": self.relief_days,
        }
