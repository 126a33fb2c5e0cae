"""The questionnaires on Progress (issue 15, DESIGN 5.6): the ZCQ's symptom severity and
physical function as plot series, their change in words, and My activities with their
first and latest ratings.

Pure and Qt-free. The scores and their judgement (meaningful change, success) come from
:mod:`stenosis_coach.core.outcomes` and are never computed here again: these functions only
say them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, tzinfo
from fractions import Fraction
from typing import Literal, Protocol

from stenosis_coach.core.outcomes.model import STOPPED, Answer, Questionnaire
from stenosis_coach.core.outcomes.psfs import PsfsOutcome, psfs_questionnaires
from stenosis_coach.core.outcomes.zcq import (
    ZCQ_SOURCE_TEXT,
    ZcqOutcome,
    score_text,
    scores_of,
    zcq_questionnaires,
)
from stenosis_coach.core.progress.series import Point, Series, noon_x
from stenosis_coach.core.words import day_text
from stenosis_coach.i18n import _

ZCQ_SYMPTOMS = "zcq_symptoms"  # the series' keys (their hover text: series._TEXTS)
ZCQ_FUNCTION = "zcq_function"


@dataclass(frozen=True)
class ZcqSeries:
    """One point per questionnaire whose subscale could be scored (1-5 and 1-4)."""

    symptoms: Series
    function: Series


def zcq_series(questionnaires: Iterable[Questionnaire], tz: tzinfo | None = None) -> ZcqSeries:
    """Symptom severity and physical function of each ZCQ, drawn at local noon of its day
    (a subscale left unscored, more than one item unanswered, has no point)."""
    symptoms: list[Point] = []
    function: list[Point] = []
    for questionnaire in zcq_questionnaires(questionnaires):
        scores = scores_of(questionnaire)
        x = noon_x(questionnaire.date, tz)
        for value, key, points in (
            (scores.symptom_severity, ZCQ_SYMPTOMS, symptoms),
            (scores.physical_function, ZCQ_FUNCTION, function),
        ):
            if value is not None:
                points.append(Point(x, float(value), questionnaire.date, value, key))
    return ZcqSeries(Series(ZCQ_SYMPTOMS, tuple(symptoms)), Series(ZCQ_FUNCTION, tuple(function)))


def _score(value: Fraction | None) -> str:
    return score_text(value) if value is not None else _("not scored")


def zcq_judgement(zcq: ZcqOutcome) -> str:
    """What the ZCQ's change means, in one sentence: DESIGN 5.6's meaningful change
    (Minetama 2019) and success (Zucherman 2005), judged by core. The one wording of this
    verdict, said alike on Progress, on the questionnaire's thank-you and in the report."""
    if zcq.success:
        return _(
            "A meaningful improvement in symptoms, and a success by the usual rule "
            "(symptoms and function each better by 0.5 or more, satisfaction 2.5 or lower)."
        )
    if zcq.meaningful:
        return _("A meaningful improvement in symptoms (0.36 or more).")
    if zcq.meaningful is None:
        return _("Whether symptoms changed meaningfully cannot be told yet.")
    return _("Not yet a meaningful improvement in symptoms (0.36 or more).")


def zcq_lines(zcq: ZcqOutcome) -> list[str]:
    """The ZCQ's change in words, one line a subscale ("Symptoms: 2.80 → 2.10."), then
    what the change means (:func:`zcq_judgement`). Empty before the first questionnaire."""
    first, latest = zcq.first, zcq.latest
    if first is None or latest is None:
        return []
    if zcq.change is None:  # one questionnaire: nothing to compare yet
        return [
            _("Symptoms: {score} (lower is better).").format(score=_score(latest.symptom_severity)),
            _("What you can do: {score} (lower means less trouble).").format(
                score=_score(latest.physical_function)
            ),
            _("The next questionnaire shows how these change."),
        ]
    return [
        _("Symptoms: {first} → {latest}.").format(
            first=_score(first.symptom_severity), latest=_score(latest.symptom_severity)
        ),
        _("What you can do: {first} → {latest}.").format(
            first=_score(first.physical_function), latest=_score(latest.physical_function)
        ),
        zcq_judgement(zcq),
    ]


def _first_and_now(
    words: dict[bool, str],
    first: Fraction,
    first_day: date,
    latest: Fraction,
    latest_day: date,
    today: date,
) -> str:
    """One of ``words`` (``True``: the latest is today's) filled with both scores and days."""
    return words[latest_day == today].format(
        first=score_text(first),
        first_day=day_text(first_day, today),
        latest=score_text(latest),
        latest_day=day_text(latest_day, today),
    )


def zcq_change_lines(zcq: ZcqOutcome, today: date) -> list[str]:
    """The ZCQ's first and latest scores for the patient, each with its scale and its days
    ("Your symptoms, on a scale of 1 to 5 (lower is better): 3.29 on Thu 10 Sep, 2.14
    today."), then what the change means (:func:`zcq_judgement`). Said by the
    questionnaire's thank-you and the 12-week review. Empty with fewer than two."""
    first, latest = zcq.first, zcq.latest
    if zcq.change is None or first is None or latest is None:
        return []
    lines = []
    if first.symptom_severity is not None and latest.symptom_severity is not None:
        said = {
            True: _(
                "Your symptoms, on a scale of 1 to 5 (lower is better): {first} on "
                "{first_day}, {latest} today."
            ),
            False: _(
                "Your symptoms, on a scale of 1 to 5 (lower is better): {first} on "
                "{first_day}, {latest} on {latest_day}."
            ),
        }
        lines.append(
            _first_and_now(
                said,
                first.symptom_severity,
                first.date,
                latest.symptom_severity,
                latest.date,
                today,
            )
        )
    if first.physical_function is not None and latest.physical_function is not None:
        said = {
            True: _(
                "What you can do, on a scale of 1 to 4 (lower means less trouble): "
                "{first} on {first_day}, {latest} today."
            ),
            False: _(
                "What you can do, on a scale of 1 to 4 (lower means less trouble): "
                "{first} on {first_day}, {latest} on {latest_day}."
            ),
        }
        lines.append(
            _first_and_now(
                said,
                first.physical_function,
                first.date,
                latest.physical_function,
                latest.date,
                today,
            )
        )
    lines.append(zcq_judgement(zcq))
    return lines


def zcq_source() -> str:
    """The instrument, cited where its scores are shown."""
    return _("Source: {source}").format(source=_(ZCQ_SOURCE_TEXT))


# ---- My activities ---------------------------------------------------------------------

ActivityState = Literal["current", "retired", "stopped"]


class NamedActivity(Protocol):
    """An activity as stored: the patient's words and when it was retired or stopped."""

    @property
    def words(self) -> str: ...
    @property
    def retired_on(self) -> date | None: ...
    @property
    def stopped_on(self) -> date | None: ...


@dataclass(frozen=True)
class ActivityRatings:
    """One activity with its first and latest answer (0-10, or ``"stopped"``)."""

    words: str
    state: ActivityState
    first: Answer | None = None
    first_day: date | None = None
    latest: Answer | None = None
    latest_day: date | None = None


def activity_ratings(
    activities: Iterable[NamedActivity], questionnaires: Iterable[Questionnaire]
) -> list[ActivityRatings]:
    """Each activity named (in the order named; one only rated, never named, after them)
    with its first and latest answer in the PSFS questionnaires given."""
    answers: dict[str, list[tuple[date, Answer]]] = {}
    for questionnaire in psfs_questionnaires(questionnaires):
        for item, answer in questionnaire.answers.items():
            answers.setdefault(item, []).append((questionnaire.date, answer))
    rows: list[ActivityRatings] = []
    named = set()
    for activity in activities:
        named.add(activity.words)
        given = answers.get(activity.words, [])
        stopped = activity.stopped_on is not None or bool(given and given[-1][1] == STOPPED)
        state: ActivityState = (
            "stopped" if stopped else "retired" if activity.retired_on is not None else "current"
        )
        rows.append(_row(activity.words, state, given))
    for words, given in answers.items():
        if words not in named:
            rows.append(_row(words, "stopped" if given[-1][1] == STOPPED else "current", given))
    return rows


def _row(words: str, state: ActivityState, given: list[tuple[date, Answer]]) -> ActivityRatings:
    if not given:
        return ActivityRatings(words, state)
    (first_day, first), (latest_day, latest) = given[0], given[-1]
    return ActivityRatings(words, state, first, first_day, latest, latest_day)


def _rating(answer: Answer) -> str:
    return _("stopped doing it") if answer == STOPPED else _("{rating} of 10").format(rating=answer)


def activity_line(row: ActivityRatings, today: date | None = None) -> str:
    """One activity in words: "cooking: 3 of 10 on Mon 4 May, 6 of 10 on Mon 1 Jun"."""
    if row.first is None or row.first_day is None or row.latest is None or row.latest_day is None:
        rated = _("not rated yet")
    elif row.first_day == row.latest_day:
        rated = _("{rating} on {day}").format(
            rating=_rating(row.first), day=day_text(row.first_day, today)
        )
    else:
        rated = _("{first} on {first_day}, {latest} on {latest_day}").format(
            first=_rating(row.first),
            first_day=day_text(row.first_day, today),
            latest=_rating(row.latest),
            latest_day=day_text(row.latest_day, today),
        )
    if row.state == "stopped":
        # Translators: an activity the patient has stopped doing, then its ratings.
        return _("{activity} (stopped doing it): {ratings}").format(
            activity=row.words, ratings=rated
        )
    if row.state == "retired":
        # Translators: an activity no longer rated, then its ratings.
        return _("{activity} (no longer rated): {ratings}").format(
            activity=row.words, ratings=rated
        )
    return _("{activity}: {ratings}").format(activity=row.words, ratings=rated)


def psfs_line(psfs: PsfsOutcome) -> str | None:
    """The mean of My activities in words, judged by core (2 points or more, Stratford
    1995); None before any is rated."""
    first, latest = psfs.first, psfs.latest
    if first is None or latest is None or latest.mean is None:
        return None
    if psfs.change is None or first.mean is None:
        return _("On average {mean} out of 10 (higher is better).").format(
            mean=score_text(latest.mean)
        )
    said = (
        _("On average {first} → {latest} out of 10, a meaningful improvement (2 points or more).")
        if psfs.meaningful
        else _(
            "On average {first} → {latest} out of 10, not yet a meaningful improvement "
            "(2 points or more)."
        )
    )
    return said.format(first=score_text(first.mean), latest=score_text(latest.mean))
