"""The questionnaires on Progress (issue 15): the ZCQ's points, its change in words (judged by
core.outcomes, never again here), and My activities' first and latest ratings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date
from fractions import Fraction

from stenosis_coach.core.outcomes.model import PSFS, STOPPED, ZCQ, Questionnaire
from stenosis_coach.core.outcomes.psfs import psfs_outcome
from stenosis_coach.core.outcomes.zcq import zcq_outcome
from stenosis_coach.core.progress.outcomes import (
    activity_line,
    activity_ratings,
    psfs_line,
    zcq_judgement,
    zcq_lines,
    zcq_series,
    zcq_source,
)
from stenosis_coach.core.progress.series import noon_x

MAY4, JUN1, JUN29 = date(2026, 5, 4), date(2026, 6, 1), date(2026, 6, 29)


def zcq(day: date, symptoms: list[int], function: list[int], **more: int) -> Questionnaire:
    answers = {f"s{i}": a for i, a in enumerate(symptoms, start=1)}
    answers |= {f"f{i}": a for i, a in enumerate(function, start=1)}
    return Questionnaire(day, ZCQ, answers | more)


FIRST = zcq(MAY4, [3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 2, 2])  # 3.00 and 2.60
# 20/7 = 2.857..: down 0.14, not meaningful; 12/5 = 2.40
SMALL = zcq(JUN1, [3, 3, 3, 3, 3, 2, 3], [3, 3, 2, 2, 2])
# 16/7 = 2.29: down 0.71 (meaningful); function 2.00: down 0.60; satisfaction 2.00: success
BETTER = zcq(JUN29, [3, 2, 2, 2, 2, 2, 3], [2, 2, 2, 2, 2], p1=2, p2=2, p3=2, p4=2, p5=2, p6=2)


def test_each_questionnaire_is_a_point_of_each_subscale():
    unscored = zcq(JUN1, [3, 3, 3, 3, 3], [2, 2, 2, 2, 2])  # s6, s7 left: no symptom score
    series = zcq_series([BETTER, FIRST, unscored], UTC)
    assert [(p.day, p.exact) for p in series.symptoms.points] == [
        (MAY4, Fraction(3)),
        (JUN29, Fraction(16, 7)),
    ]
    assert [p.exact for p in series.function.points] == [Fraction(13, 5), 2, Fraction(2)]
    assert series.symptoms.points[0].x == noon_x(MAY4, UTC)
    assert series.symptoms.points[1].text == "Mon 29 Jun: symptoms 2.29 (1 to 5, lower is better)"
    assert (
        series.function.points[0].text
        == "Mon 4 May: what you can do 2.60 (1 to 4, lower is better)"
    )


def test_the_change_in_words_follows_core_judgement():
    assert zcq_lines(zcq_outcome([])) == []
    assert zcq_lines(zcq_outcome([FIRST])) == [
        "Symptoms: 3.00 (lower is better).",
        "What you can do: 2.60 (lower means less trouble).",
        "The next questionnaire shows how these change.",
    ]
    assert zcq_lines(zcq_outcome([FIRST, SMALL])) == [
        "Symptoms: 3.00 → 2.86.",
        "What you can do: 2.60 → 2.40.",
        "Not yet a meaningful improvement in symptoms (0.36 or more).",
    ]
    better = zcq_lines(zcq_outcome([FIRST, BETTER]))
    assert better[0] == "Symptoms: 3.00 → 2.29."
    assert better[1] == "What you can do: 2.60 → 2.00."
    assert better[2] == zcq_judgement(zcq_outcome([FIRST, BETTER]))  # the one wording
    assert better[2].startswith("A meaningful improvement in symptoms, and a success")
    assert "Stucki" in zcq_source() and "1996" in zcq_source()


@dataclass(frozen=True)
class Named:
    words: str
    retired_on: date | None = None
    stopped_on: date | None = None


def test_my_activities_with_their_first_and_latest_rating():
    rated = [
        Questionnaire(MAY4, PSFS, {"cooking": 3, "the grocery store": 2, "gardening": 5}),
        Questionnaire(JUN1, PSFS, {"cooking": 6, "the grocery store": STOPPED, "church": 5}),
    ]
    named = [
        Named("cooking"),
        Named("the grocery store", stopped_on=JUN1),
        Named("gardening", retired_on=JUN1),
        Named("church"),
        Named("dancing"),
    ]
    rows = activity_ratings(named, rated)
    assert [(r.words, r.state, r.first, r.latest) for r in rows] == [
        ("cooking", "current", 3, 6),
        ("the grocery store", "stopped", 2, STOPPED),
        ("gardening", "retired", 5, 5),
        ("church", "current", 5, 5),
        ("dancing", "current", None, None),
    ]
    today = date(2026, 6, 2)
    assert [activity_line(r, today) for r in rows] == [
        "cooking: 3 of 10 on Mon 4 May, 6 of 10 on Mon 1 Jun",
        "the grocery store (stopped doing it): 2 of 10 on Mon 4 May, stopped doing it on Mon 1 Jun",
        "gardening (no longer rated): 5 of 10 on Mon 4 May",
        "church: 5 of 10 on Mon 1 Jun",
        "dancing: not rated yet",
    ]
    # the mean of the rated ones: 10/3 -> 11/2, up 2.17: meaningful (2 points or more)
    assert psfs_line(psfs_outcome(rated)) == (
        "On average 3.33 → 5.50 out of 10, a meaningful improvement (2 points or more)."
    )
    assert psfs_line(psfs_outcome(rated[:1])) == "On average 3.33 out of 10 (higher is better)."
    assert psfs_line(psfs_outcome([])) is None


def test_the_words_are_whole_messages_in_the_pseudo_locale(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    lines = zcq_lines(zcq_outcome([FIRST, BETTER]))
    assert lines and all(is_pseudo_wrapped(line) for line in lines)
    row = activity_ratings([Named("cooking")], [Questionnaire(MAY4, PSFS, {"cooking": 3})])[0]
    assert is_pseudo_wrapped(activity_line(row, MAY4))
    assert is_pseudo_wrapped(zcq_series([FIRST], UTC).symptoms.points[0].text)
