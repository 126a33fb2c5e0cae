"""The daily log and treatment events (issue 6): what the patient notes about each day.

Pain and numbness are 0-10 ratings (NRS, DESIGN 5.6); medication is counted in doses per
kind, and all kinds are added for DESIGN 5.3's "mean daily pain-medication doses".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from stenosis_coach.i18n import N_, _

STANDING_LIMIT_S = 1800  # issue 6: the standing test stops at 30 min


class MedicationKind(StrEnum):
    OVER_THE_COUNTER = "otc"
    PRESCRIPTION = "prescription"
    OPIOID = "opioid"

    @property
    def label(self) -> str:
        """The kind in the user's language: "Over the counter"."""
        return _(_MEDICATION_LABELS[self.value])


_MEDICATION_LABELS = {
    "otc": N_("Over the counter"),
    "prescription": N_("Prescription"),
    "opioid": N_("Opioid"),
}


@dataclass(frozen=True)
class DailyLog:
    day: date
    leg_pain: int | None = None
    back_pain: int | None = None
    numbness: int | None = None
    otc_doses: int = 0
    prescription_doses: int = 0
    opioid_doses: int = 0
    woken_by_leg_pain: int | None = None  # times in the night
    sleep_quality: int | None = None  # 0-10, 10 = best
    new_weakness: bool = False  # new weakness or balance trouble (DESIGN 5.4)
    standing_s: Fraction | None = None  # standing tolerance test
    notes: str = ""

    @property
    def doses(self) -> int:
        return self.otc_doses + self.prescription_doses + self.opioid_doses

    def problems(self) -> dict[str, str]:
        """Field name -> plain sentence, for each value out of range (empty when fine)."""
        found: dict[str, str] = {}
        for name in ("leg_pain", "back_pain", "numbness", "sleep_quality"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= 10:
                found[name] = _("Choose a number from 0 to 10.")
        for name in ("otc_doses", "prescription_doses", "opioid_doses"):
            if not 0 <= getattr(self, name) <= 50:
                found[name] = _("Doses are a whole number from 0 to 50.")
        if self.woken_by_leg_pain is not None and not 0 <= self.woken_by_leg_pain <= 20:
            found["woken_by_leg_pain"] = _("Times woken is a whole number from 0 to 20.")
        if self.standing_s is not None and not 0 < self.standing_s <= STANDING_LIMIT_S:
            found["standing_s"] = _("Standing time must be more than 0 and at most 30 min.")
        if len(self.notes) > 2000:
            found["notes"] = _("Notes are at most 2000 characters.")
        return found


class TreatmentKind(StrEnum):
    """Treatment events shown as markers on every plot (issue 6, DESIGN 5.3)."""

    EPIDURAL_INJECTION = "epidural_injection"
    NERVE_BLOCK = "nerve_block"
    PT_START = "pt_start"
    PT_END = "pt_end"
    MEDICATION_CHANGE = "medication_change"
    PROCEDURE = "procedure"
    SURGICAL_CONSULT = "surgical_consult"

    @property
    def label(self) -> str:
        """Sentence case, for headings and lists, in the user's language: "Epidural
        injection" (already translated: show it as it is)."""
        return _(_TREATMENT_LABELS[self.value])


_TREATMENT_LABELS = {
    "epidural_injection": N_("Epidural injection"),
    "nerve_block": N_("Nerve block"),
    "pt_start": N_("Start of physiotherapy"),
    "pt_end": N_("End of physiotherapy"),
    "medication_change": N_("Medication change"),
    "procedure": N_("Procedure"),
    "surgical_consult": N_("Surgical consultation"),
}


class _Translated(Mapping[TreatmentKind, str]):
    """A table of words noted with N_ whose values come back translated when read."""

    def __init__(self, words: Mapping[TreatmentKind, str]) -> None:
        self._words = dict(words)

    def __getitem__(self, kind: TreatmentKind) -> str:
        return _(self._words[kind])

    def __iter__(self) -> Iterator[TreatmentKind]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


# Lower case, for the middle of a sentence: "after the epidural injection on 12 May". Each
# value read comes back in the user's language (already translated: do not wrap it in _()).
TREATMENT_WORDS: Mapping[TreatmentKind, str] = _Translated(
    {
        TreatmentKind.EPIDURAL_INJECTION: N_("epidural injection"),
        TreatmentKind.NERVE_BLOCK: N_("nerve block"),
        TreatmentKind.PT_START: N_("start of physiotherapy"),
        TreatmentKind.PT_END: N_("end of physiotherapy"),
        TreatmentKind.MEDICATION_CHANGE: N_("medication change"),
        TreatmentKind.PROCEDURE: N_("procedure"),
        TreatmentKind.SURGICAL_CONSULT: N_("surgical consultation"),
    }
)


@dataclass(frozen=True)
class TreatmentEvent:
    date: date
    kind: TreatmentKind
    note: str = ""
