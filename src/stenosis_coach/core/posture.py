"""The posture self-check (issue 17, DESIGN 5.9; seed 001: "a matched routine beats generic
advice ... you measure your own deviations"): its parts as data, the routine emphasis a
result sets with the reason in words, a re-check's words, and when it is due.

Three parts, each with plain steps for the screens, one question and its answers:

* the wall test: what fits in the gap behind the low back (a flat hand, a fist, no gap);
* the pelvic tilt at the wall: could you flatten your low back (easily, with effort, not
  at all);
* leaning forward: does it ease your legs (yes, a little, no, no leg symptoms now).

:func:`emphasis` turns a result into the routine's emphasis: a large arch (a fist) brings
forward pelvic tilts, the hip-flexor stretch, core and glutes (DESIGN 5.9); a flat hand keeps
the routine (pelvic tilts come forward when flattening the back was hard); no gap adds no
backward bending and keeps the forward-bending routine (DESIGN 5.2, seed 000: avoid repeated
backward bending). Legs that ease when leaning forward fit the position-dependence of
stenosis both seeds describe, so leaning support on walks is suggested (DESIGN 5.9). With no
gap the pelvic-tilt answer adds nothing: there is little arch left to flatten. The words
stay modest: the check guides the choice of exercises, it does not diagnose.

Pure Python: no Qt, no storage. Words are marked with ``N_`` and translated where they are
read (the properties and functions below), in the language chosen at that moment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from stenosis_coach.i18n import N_, _

# DESIGN 5.9 says "monthly"; counted like the questionnaire's 28 days (DESIGN 5.6, 5.7), so
# both come round on the same weekday.
CHECK_EVERY_DAYS: Final = 28


class WallGap(StrEnum):
    """What fits in the gap behind the low back, standing against a wall."""

    FLAT_HAND = "flat_hand"
    FIST = "fist"
    NONE = "none"


class PelvicTilt(StrEnum):
    """Could the patient tilt the pelvis to flatten the low back against the wall?"""

    EASILY = "easily"
    WITH_EFFORT = "with_effort"
    NOT_AT_ALL = "not_at_all"


class LeaningEases(StrEnum):
    """Does leaning forward ease the legs?"""

    YES = "yes"
    A_LITTLE = "a_little"
    NO = "no"
    NO_LEG_SYMPTOMS = "no_leg_symptoms"


class Focus(StrEnum):
    """The routine's emphasis (stable ids, for storage and plan files)."""

    LARGE_ARCH = "large_arch"
    KEEP = "keep"
    FLAT_BACK = "flat_back"


@dataclass(frozen=True)
class Answer:
    """One answer: its stable value, the words on its button and the short words of a
    re-check line (English, marked; translated by :attr:`label` and :attr:`short`)."""

    value: str
    label_words: str
    short_words: str

    @property
    def label(self) -> str:
        return _(self.label_words)

    @property
    def short(self) -> str:
        return _(self.short_words)


@dataclass(frozen=True)
class CheckPart:
    """One part of the check: a title, plain steps, a question and its answers, and the
    re-check's two lines (``{before}``/``{after}``, or ``{now}`` when nothing changed)."""

    id: str
    title_words: str
    step_words: tuple[str, ...]
    question_words: str
    answers: tuple[Answer, ...]
    changed_words: str
    same_words: str

    @property
    def title(self) -> str:
        return _(self.title_words)

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(_(s) for s in self.step_words)

    @property
    def question(self) -> str:
        return _(self.question_words)

    def answer(self, value: str) -> Answer:
        return next(a for a in self.answers if a.value == value)


WALL_TEST = CheckPart(
    "wall_gap",
    N_("The wall test"),
    (
        N_("Stand near something steady you can hold if you need to."),
        N_("Stand with your heels, bottom and shoulders against a wall."),
        N_("Keep your knees soft and look straight ahead."),
        N_("Slide one hand into the gap behind your low back."),
        N_("Notice what fits: a flat hand, a fist, or nothing."),
    ),
    N_("What fits in the gap behind your low back?"),
    (
        Answer(WallGap.FLAT_HAND, N_("A flat hand"), N_("flat hand")),
        Answer(WallGap.FIST, N_("A fist"), N_("fist")),
        Answer(WallGap.NONE, N_("No gap"), N_("no gap")),
    ),
    # Translators: a re-check line: {before} and {after} are the short answers ("fist").
    N_("The gap behind your back: {before} → {after}"),
    N_("The gap behind your back: {now}, as before"),
)

PELVIC_TILT_CHECK = CheckPart(
    "pelvic_tilt",
    N_("Pelvic tilt at the wall"),
    (
        N_("Stay with your back against the wall."),
        N_("Tighten your belly and gently tuck your tailbone under."),
        N_("Try to press your low back towards the wall."),
        N_("Stop if it hurts more than 3 out of 10."),
    ),
    N_("Could you flatten your low back against the wall?"),
    (
        Answer(PelvicTilt.EASILY, N_("Easily"), N_("easily")),
        Answer(PelvicTilt.WITH_EFFORT, N_("With effort"), N_("with effort")),
        Answer(PelvicTilt.NOT_AT_ALL, N_("Not at all"), N_("not at all")),
    ),
    # Translators: a re-check line: {before} and {after} are the short answers ("fist").
    N_("Flattening your back at the wall: {before} → {after}"),
    N_("Flattening your back at the wall: {now}, as before"),
)

LEANING_CHECK = CheckPart(
    "leaning",
    N_("Leaning forward"),
    (
        N_("Stand facing a kitchen counter with your hands on the edge."),
        N_("Lean forward from your hips and let your back round a little."),
        N_("Stay there for about a minute and notice your legs."),
    ),
    N_("Does leaning forward ease your legs?"),
    (
        Answer(LeaningEases.YES, N_("Yes"), N_("eases them")),
        Answer(LeaningEases.A_LITTLE, N_("A little"), N_("eases them a little")),
        Answer(LeaningEases.NO, N_("No"), N_("does not ease them")),
        Answer(LeaningEases.NO_LEG_SYMPTOMS, N_("No leg symptoms now"), N_("no leg symptoms")),
    ),
    # Translators: a re-check line: {before} and {after} are the short answers ("fist").
    N_("Leaning forward and your legs: {before} → {after}"),
    N_("Leaning forward and your legs: {now}, as before"),
)

PARTS: tuple[CheckPart, ...] = (WALL_TEST, PELVIC_TILT_CHECK, LEANING_CHECK)


@dataclass(frozen=True)
class PostureResult:
    """The three answers of one check."""

    wall_gap: WallGap
    pelvic_tilt: PelvicTilt
    leaning: LeaningEases

    def answers(self) -> tuple[str, str, str]:
        """The values in the order of :data:`PARTS`."""
        return (self.wall_gap, self.pelvic_tilt, self.leaning)

    def as_dict(self) -> dict[str, str]:
        """Plain values keyed by part id (for storage and files; not translated)."""
        return {part.id: str(value) for part, value in zip(PARTS, self.answers(), strict=True)}

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> PostureResult:
        """The result :meth:`as_dict` wrote; an unknown value raises ``ValueError``."""
        return cls(
            WallGap(data["wall_gap"]),
            PelvicTilt(data["pelvic_tilt"]),
            LeaningEases(data["leaning"]),
        )


# Library ids brought forward (resources/exercises/library.json; a test checks them).
# DESIGN 5.9: "pelvic tilts, hip-flexor stretch, core and glutes for a large arch".
LARGE_ARCH_IDS: Final = ("pelvic-tilt", "hip-flexor-stretch", "abdominal-bracing", "glute-bridge")
PELVIC_TILT_IDS: Final = ("pelvic-tilt",)
LEANING_IDS: Final = ("standing-forward-lean",)  # the rest position of walks (DESIGN 5.1)

_SUMMARY = {
    Focus.LARGE_ARCH: N_("More pelvic tilts, hip stretches, and belly and buttock exercises"),
    Focus.KEEP: N_("Keep your current routine"),
    Focus.FLAT_BACK: N_("Keep to your forward-bending exercises"),
}

_GAP_REASON = {
    WallGap.FIST: N_(
        "A fist fits behind your low back, so your back has a large arch. Pelvic tilts, the "
        "front of hip stretch, and belly and buttock exercises can help you hold it flatter, "
        "so they come first in your routine."
    ),
    WallGap.FLAT_HAND: N_(
        "A flat hand fits behind your low back. That is a usual curve, so your routine stays "
        "as it is."
    ),
    WallGap.NONE: N_(
        "There is no gap behind your low back: it is already fairly flat. No extra "
        "backward-bending work is needed; keep to your forward-bending exercises."
    ),
}

_TILT_REASON = {
    PelvicTilt.WITH_EFFORT: N_(
        "Flattening your back at the wall took effort. Pelvic tilts practise just that movement."
    ),
    PelvicTilt.NOT_AT_ALL: N_(
        "Flattening your back at the wall was not possible this time. Pelvic tilts practise "
        "just that movement."
    ),
}

_LEANING_REASON = {
    LeaningEases.YES: N_(
        "Your legs ease when you lean forward. That fits the way stenosis symptoms often "
        "depend on position. Leaning on a shopping cart or a walker may let you walk further, "
        "and leaning on a counter is a good way to rest."
    ),
    LeaningEases.A_LITTLE: N_(
        "Your legs ease a little when you lean forward. Stenosis symptoms often depend on "
        "position, so leaning on a shopping cart or a walker may help on walks. Try it and see."
    ),
    LeaningEases.NO: N_(
        "Leaning forward did not ease your legs this time. Your routine stays as it is; you "
        "could mention this at your next appointment."
    ),
    LeaningEases.NO_LEG_SYMPTOMS: N_(
        "Your legs had no symptoms to ease just now. You can try leaning forward the next "
        "time they bother you."
    ),
}

NOT_A_DIAGNOSIS = N_("This check helps choose exercises. It is not a diagnosis.")


@dataclass(frozen=True)
class Emphasis:
    """What a check changes in the suggested routine, with the reasons in words (translated
    when :func:`emphasis` was called)."""

    focus: Focus
    exercise_ids: tuple[str, ...]  # library ids to bring forward, in order
    leaning_support: bool  # suggest leaning on a cart or walker on walks
    summary: str
    reasons: tuple[str, ...]  # whole sentences; the last says it is not a diagnosis


def emphasis(result: PostureResult) -> Emphasis:
    """The routine emphasis ``result`` sets, and why (rules in the module docstring)."""
    gap = result.wall_gap
    focus = {
        WallGap.FIST: Focus.LARGE_ARCH,
        WallGap.FLAT_HAND: Focus.KEEP,
        WallGap.NONE: Focus.FLAT_BACK,
    }[gap]
    ids: list[str] = list(LARGE_ARCH_IDS) if focus is Focus.LARGE_ARCH else []
    reasons = [_(_GAP_REASON[gap])]
    if gap is not WallGap.NONE and result.pelvic_tilt in _TILT_REASON:
        ids += [i for i in PELVIC_TILT_IDS if i not in ids]
        reasons.append(_(_TILT_REASON[result.pelvic_tilt]))
    leaning_support = result.leaning in (LeaningEases.YES, LeaningEases.A_LITTLE)
    if leaning_support:
        ids += [i for i in LEANING_IDS if i not in ids]
    reasons.append(_(_LEANING_REASON[result.leaning]))
    reasons.append(_(NOT_A_DIAGNOSIS))
    return Emphasis(focus, tuple(ids), leaning_support, _(_SUMMARY[focus]), tuple(reasons))


def compare(before: PostureResult, after: PostureResult) -> tuple[str, ...]:
    """A re-check's lines, one per part: "The gap behind your back: fist → flat hand", or
    "…: flat hand, as before" when the answer did not change."""
    lines = []
    for part, old, new in zip(PARTS, before.answers(), after.answers(), strict=True):
        if old == new:
            lines.append(_(part.same_words).format(now=part.answer(new).short))
        else:
            lines.append(
                _(part.changed_words).format(
                    before=part.answer(old).short, after=part.answer(new).short
                )
            )
    return tuple(lines)


def posture_check_due(today: date, last_check_day: date | None) -> bool:
    """Is the check due on ``today``? When there was none yet, or the last was
    :data:`CHECK_EVERY_DAYS` (28) or more days before (DESIGN 5.9 "monthly", 5.7)."""
    return last_check_day is None or (today - last_check_day).days >= CHECK_EVERY_DAYS
