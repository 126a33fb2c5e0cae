"""'My activities': the Patient-Specific Functional Scale (DESIGN 5.6).

Source: Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on
individual patients: a report of a patient-specific measure. Physiotherapy Canada
1995;47(4):258-263. Free to use (DESIGN 5.6).

The patient names up to 5 activities that stenosis makes hard and rates each from 0 (unable
to do it) to 10 (able to do it as before the problem); they are re-rated with the ZCQ, and
an activity can be added, retired (not rated again) or marked "stopped doing it"
(:data:`~stenosis_coach.core.outcomes.model.STOPPED`).

Readings (tests pin each one):

- the score of a questionnaire is the exact mean of its *rated* activities (a stopped
  activity has no rating, so it is not in the mean; :func:`stopped_activities` names it and
  the ``activities_dropped`` sign says so); null when none is rated;
- ``first``/``latest``: the first and latest PSFS by date; ``change`` = latest - first (the
  means of each day, whatever activities each had); ``meaningful`` = up by >= 2 points
  (DESIGN 5.6); with one questionnaire, or a null mean, ``change`` and ``meaningful`` are
  null.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Final

from stenosis_coach.core.outcomes.model import PSFS, PSFS_MAX, PSFS_MIN, STOPPED, Questionnaire
from stenosis_coach.i18n import N_

PSFS_SOURCE_TEXT: Final = N_(
    "My activities: the Patient-Specific Functional Scale. Stratford P, Gill C, Westaway M, "
    "Binkley J. Physiotherapy Canada 1995;47(4):258-263."
)
MEANINGFUL_RISE: Final = 2  # DESIGN 5.6: the mean up by >= 2 points

# Words for the two ends of the scale, shown beside 0 and 10 (translate where shown).
UNABLE_WORDS: Final = N_("Unable to do it")
AS_BEFORE_WORDS: Final = N_("Able to do it as before")
STOPPED_WORDS: Final = N_("I have stopped doing it")
ASK_WORDS: Final = N_(
    "Name up to 5 activities that are hard for you because of your back or legs, and say "
    "how well you can do each one today."
)


def ratings(questionnaire: Questionnaire) -> dict[str, int]:
    """The rated activities of a PSFS questionnaire: ``{activity: 0-10}``."""
    return {
        item: answer
        for item, answer in questionnaire.answers.items()
        if isinstance(answer, int) and PSFS_MIN <= answer <= PSFS_MAX
    }


def stopped_activities(questionnaire: Questionnaire) -> list[str]:
    """The activities marked "stopped doing it", in the order given."""
    return [item for item, answer in questionnaire.answers.items() if answer == STOPPED]


def psfs_mean(questionnaire: Questionnaire) -> Fraction | None:
    """The exact mean of the rated activities; None when none is rated."""
    rated = list(ratings(questionnaire).values())
    return Fraction(sum(rated), len(rated)) if rated else None


def psfs_questionnaires(questionnaires: Iterable[Questionnaire]) -> list[Questionnaire]:
    """The PSFS questionnaires among ``questionnaires``, oldest first."""
    return sorted((q for q in questionnaires if q.instrument == PSFS), key=lambda q: q.date)


@dataclass(frozen=True)
class PsfsPoint:
    date: date
    mean: Fraction | None

    def to_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "mean": _number(self.mean)}


@dataclass(frozen=True)
class PsfsOutcome:
    """DESIGN 4.1's ``outcomes.psfs``."""

    first: PsfsPoint | None
    latest: PsfsPoint | None
    change: Fraction | None
    meaningful: bool | None

    def to_json(self) -> dict[str, object]:
        return {
            "first": self.first.to_json() if self.first else None,
            "latest": self.latest.to_json() if self.latest else None,
            "change": _number(self.change),
            "meaningful": self.meaningful,
        }


def psfs_outcome(questionnaires: Iterable[Questionnaire]) -> PsfsOutcome:
    """first, latest, change and meaningful over the PSFS questionnaires (DESIGN 5.6)."""
    found = psfs_questionnaires(questionnaires)
    if not found:
        return PsfsOutcome(None, None, None, None)
    first = PsfsPoint(found[0].date, psfs_mean(found[0]))
    latest = PsfsPoint(found[-1].date, psfs_mean(found[-1]))
    if len(found) < 2 or first.mean is None or latest.mean is None:
        return PsfsOutcome(first, latest, None, None)
    change = latest.mean - first.mean
    return PsfsOutcome(first, latest, change, change >= MEANINGFUL_RISE)


def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(value)
