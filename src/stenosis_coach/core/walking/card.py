"""The pocket card: today's walk on one page, to carry outdoors (issue 5).

Pure content; the Qt side only lays it out and prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from stenosis_coach.core.safety import QUESTIONS, Level
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.core.words import long_day_text, minutes_text
from stenosis_coach.i18n import N_, _

WHEN_SYMPTOMS_COME = N_(
    "When your legs start to feel heavy, numb or painful: stop before it gets bad. Sit "
    "down, or lean forward on a bench, a wall or a shopping trolley. Standing up straight "
    "does not help. Walk on when your legs have settled."
)
RECORD_LINES_TRAINING = (
    N_("Minutes walked"),
    N_("Minutes until symptoms came"),
    N_("Rests"),
    N_("Worst leg pain (0 to 10)"),
)
RECORD_LINES_TEST = (
    N_("Minutes until symptoms came"),
    N_("Minutes walked in all"),
    N_("Worst leg pain (0 to 10)"),
)


@dataclass(frozen=True)
class Bout:
    number: int
    walk_s: Fraction
    rest_after: bool


@dataclass(frozen=True)
class PocketCard:
    title: str
    day: str
    summary: str
    bouts: tuple[Bout, ...]
    steps: tuple[str, ...]
    when_symptoms_come: str
    emergency_signs: tuple[str, ...]
    record_lines: tuple[str, ...]


def plan_bouts(bout_s: Fraction, target_s: Fraction) -> tuple[Bout, ...]:
    """Bouts that add up to the target exactly; the last is shortened (DESIGN 5.1)."""
    bouts, walked, number = [], Fraction(0), 1
    while walked < target_s:
        length = min(Fraction(bout_s), Fraction(target_s) - walked)
        walked += length
        bouts.append(Bout(number, length, rest_after=walked < target_s))
        number += 1
    return tuple(bouts)


def pocket_card(rx: Prescription, day: date) -> PocketCard:
    emergency = tuple(_(q.plain_label) for q in QUESTIONS if q.level is Level.EMERGENCY)
    if rx.kind is WalkKind.TEST or rx.bout_s is None:
        return PocketCard(
            title=_("Walking test"),
            day=long_day_text(day),
            summary=_("Walk at a comfortable pace for as long as you can, up to 30 minutes."),
            bouts=(),
            steps=(
                _("Note the time when you start."),
                _("Note the time when symptoms start in your legs, and keep walking."),
                _("Stop when you need to, or at 30 minutes. Note the time."),
                _("Sit down or lean forward to rest."),
            ),
            when_symptoms_come=_(WHEN_SYMPTOMS_COME),
            emergency_signs=emergency,
            record_lines=tuple(_(line) for line in RECORD_LINES_TEST),
        )
    bouts = plan_bouts(rx.bout_s, rx.target_total_s)
    return PocketCard(
        title=_("Today's walk"),
        day=long_day_text(day),
        summary=_(
            "Walk {bout}, then rest sitting or leaning forward until your legs settle. "
            "Walk {total} in all."
        ).format(bout=minutes_text(rx.bout_s), total=minutes_text(rx.target_total_s)),
        bouts=bouts,
        steps=tuple(
            (_("Walk {time}, then rest.") if b.rest_after else _("Walk {time}. Done!")).format(
                time=minutes_text(b.walk_s)
            )
            for b in bouts
        ),
        when_symptoms_come=_(WHEN_SYMPTOMS_COME),
        emergency_signs=emergency,
        record_lines=tuple(_(line) for line in RECORD_LINES_TRAINING),
    )
