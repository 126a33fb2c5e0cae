"""A walk the patient logs by hand (done outdoors, with a watch): check the form's values.

The same limits as the diary (DESIGN 4.3), with messages that name the field as the form
labels it, so the patient knows what to fix. Nothing is saved unless every value is good.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from fractions import Fraction

from stenosis_coach.core.numbers import NumberProblem, NumberRule, read_number, read_whole
from stenosis_coach.core.walking.diary import MAX_TOTAL_MIN
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.i18n import _

DIARY_NOON = time(12, 0)  # DESIGN 4.3: a walk with only a date starts at 12:00 local


@dataclass(frozen=True)
class WalkForm:
    """The form as typed: minutes as text so that "4.5" stays exact."""

    kind: WalkKind
    day: date
    walking_min: str
    symptoms_min: str = ""  # blank: symptoms did not come
    rests: int | str | None = None  # text as typed ("2") is read here, like the minutes
    peak_leg_pain: int | None = None
    distance_m: str = ""
    notes: str = ""


class FormProblems(ValueError):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems  # field name -> plain sentence


# The form's fields as their messages name them; made when used, in the user's language.


def walking_min_rule() -> NumberRule:
    return NumberRule(
        _("Minutes walked"),
        low=0,
        high=MAX_TOTAL_MIN,
        low_open=True,
        unit=_("minutes"),
        missing=_("Say how many minutes you walked."),
    )


def symptoms_min_rule() -> NumberRule:
    return NumberRule(_("Minutes until symptoms"), required=False)


def rests_rule() -> NumberRule:
    return NumberRule(_("Rests"), low=0, high=50, whole=True, required=False)


MAX_DISTANCE_M = 100_000  # a walk of more than 100 km is a typo (800 meant, 80000 typed)


def distance_rule() -> NumberRule:
    return NumberRule(
        _("Distance"),
        low=0,
        high=MAX_DISTANCE_M,
        required=False,
        unit=_("metres"),
        invalid=_("Distance must be a number of metres, like 800, or left empty."),
    )


def distance_from_text(text: str) -> Fraction | None:
    """Metres as typed ("800", "812,5", "1 500"), exact; ``None`` when left empty.

    Raises :class:`~stenosis_coach.core.numbers.NumberProblem` with the sentence to show.
    Used by the log form and by the summary after a recorded walk, so both say the same.
    """
    return read_number(text, distance_rule())


def walk_from_form(form: WalkForm, now: datetime, tz: tzinfo, original: Walk | None = None) -> Walk:
    """The walk the form describes, or :class:`FormProblems` naming each bad field.

    When correcting ``original``, what the form does not show (its start time on an
    unchanged day, how it ended, whether it was imported, a next-day flare) is kept.
    """
    problems: dict[str, str] = {}
    today = now.astimezone(tz).date()
    if form.day > today:
        problems["day"] = _("The date is in the future. Choose today or an earlier day.")
    total = tfs = distance = rests = None
    try:
        total = read_number(form.walking_min, walking_min_rule())
    except NumberProblem as exc:
        problems["walking_min"] = exc.message
    try:
        tfs = read_number(form.symptoms_min, symptoms_min_rule())
        if tfs is not None and (tfs <= 0 or (total is not None and tfs > total)):
            problems["symptoms_min"] = _(
                "Minutes until symptoms must be more than 0 and no more than the minutes "
                "you walked. Leave it empty if symptoms did not come."
            )
    except NumberProblem as exc:
        problems["symptoms_min"] = exc.message
    if form.peak_leg_pain is None or not 0 <= form.peak_leg_pain <= 10:
        problems["peak_leg_pain"] = _("Choose your worst leg pain, from 0 to 10.")
    try:
        rests = read_whole(str(form.rests) if form.rests is not None else "", rests_rule())
    except NumberProblem as exc:
        problems["rests"] = exc.message
    try:
        distance = distance_from_text(form.distance_m)
    except NumberProblem as exc:
        problems["distance_m"] = exc.message
    if problems:
        raise FormProblems(problems)
    assert total is not None and form.peak_leg_pain is not None
    if original is not None and original.start.astimezone(tz).date() == form.day:
        start = original.start
    elif form.day == today:
        # Logged straight after walking: it ended about now.
        start = now.astimezone(tz) - timedelta(seconds=float(total * 60))
    else:
        start = datetime.combine(form.day, DIARY_NOON, tzinfo=tz)
    walk = Walk(
        start=start,
        kind=form.kind,
        total_walk_s=total * 60,
        tfs_s=tfs * 60 if tfs is not None else None,
        peak_leg_pain=form.peak_leg_pain,
        rests=rests,
        distance_m=distance,
        notes=form.notes.strip(),
    )
    if original is not None:
        walk = replace(
            walk,
            imported=original.imported,
            seq=original.seq,
            ended_by=original.ended_by,
            next_day_flare=original.next_day_flare,
        )
    return walk


def decimal_text(value: Fraction | None) -> str:
    """``Fraction(9, 2)`` -> ``"4.5"``; a value with no short decimal gets two places."""
    if value is None:
        return ""
    if value.denominator == 1:
        return str(value.numerator)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(exact.quantize(Decimal("0.01")) if len(str(exact)) > 12 else exact, "f")
    return text.rstrip("0").rstrip(".")


def form_from_walk(walk: Walk, tz: tzinfo) -> WalkForm:
    """Fill the form from a stored walk, to correct it."""
    return WalkForm(
        kind=walk.kind,
        day=walk.start.astimezone(tz).date(),
        walking_min=decimal_text(walk.total_walk_s / 60),
        symptoms_min=decimal_text(walk.tfs_s / 60 if walk.tfs_s is not None else None),
        rests=walk.rests,
        peak_leg_pain=walk.peak_leg_pain,
        distance_m=decimal_text(walk.distance_m),
        notes=walk.notes,
    )
