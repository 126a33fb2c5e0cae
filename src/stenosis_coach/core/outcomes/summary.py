"""``status --json`` ``outcomes`` (DESIGN 4.1, 5.6): the ZCQ and "My activities" together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stenosis_coach.core.outcomes.model import Questionnaire
from stenosis_coach.core.outcomes.psfs import PsfsOutcome, psfs_outcome
from stenosis_coach.core.outcomes.zcq import ZcqOutcome, zcq_outcome


@dataclass(frozen=True)
class Outcomes:
    zcq: ZcqOutcome
    psfs: PsfsOutcome

    def to_json(self) -> dict[str, object]:
        """Exactly DESIGN 4.1's ``outcomes``: ``{zcq: {first, latest, change, meaningful,
        success}, psfs: {first, latest, change, meaningful}}``; numbers are the exact values
        as floats (not rounded); ``null`` where not computable (every key always there)."""
        return {"zcq": self.zcq.to_json(), "psfs": self.psfs.to_json()}


def outcomes_of(questionnaires: Iterable[Questionnaire]) -> Outcomes:
    """The outcomes of every questionnaire given (pass those up to the day asked about)."""
    found = list(questionnaires)
    return Outcomes(zcq_outcome(found), psfs_outcome(found))
