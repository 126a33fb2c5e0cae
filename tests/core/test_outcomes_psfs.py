"""DESIGN 5.6: "My activities" (PSFS, Stratford 1995) on hand-computed cases."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from stenosis_coach.core.outcomes.model import STOPPED, Answer, Questionnaire
from stenosis_coach.core.outcomes.psfs import (
    PSFS_SOURCE_TEXT,
    psfs_mean,
    psfs_outcome,
    stopped_activities,
)

D1, D2, D3 = date(2026, 3, 2), date(2026, 3, 30), date(2026, 4, 27)


def psfs(day: date, **answers: Answer) -> Questionnaire:
    return Questionnaire(day, "psfs", {k.replace("_", " "): v for k, v in answers.items()})


def test_mean_of_the_rated_activities():
    assert psfs_mean(psfs(D1, cook=3, shop=2, garden=4)) == 3
    assert psfs_mean(psfs(D1, cook=3, shop=2)) == Fraction(5, 2)


def test_a_stopped_activity_is_not_rated():
    q = psfs(D1, cook=3, shop=STOPPED, garden=4)
    assert psfs_mean(q) == Fraction(7, 2)
    assert stopped_activities(q) == ["shop"]
    assert psfs_mean(psfs(D1, shop=STOPPED)) is None


def test_first_latest_change_meaningful_at_exactly_two():
    out = psfs_outcome([psfs(D3, cook=6, shop=5, garden=4), psfs(D1, cook=3, shop=2, garden=4)])
    assert out.first is not None and out.first.date == D1 and out.first.mean == 3
    assert out.latest is not None and out.latest.mean == 5
    assert out.change == 2
    assert out.meaningful is True
    assert out.to_json() == {
        "first": {"date": "2026-03-02", "mean": 3.0},
        "latest": {"date": "2026-04-27", "mean": 5.0},
        "change": 2.0,
        "meaningful": True,
    }


def test_just_under_two_is_not_meaningful():
    out = psfs_outcome([psfs(D1, cook=3, shop=2, garden=4), psfs(D2, cook=5, shop=4, garden=5)])
    assert out.change == Fraction(5, 3)
    assert out.meaningful is False


def test_worse_is_not_meaningful_and_the_middle_one_is_skipped():
    out = psfs_outcome([psfs(D1, cook=6), psfs(D2, cook=1), psfs(D3, cook=4)])
    assert out.change == -2
    assert out.meaningful is False


def test_activities_added_and_retired_the_mean_of_each_day():
    out = psfs_outcome([psfs(D1, cook=2, shop=2), psfs(D2, cook=4, dance=6)])
    assert out.change == 3 and out.meaningful is True


def test_one_questionnaire_or_none_rated():
    one = psfs_outcome([psfs(D1, cook=3)])
    assert one.change is None and one.meaningful is None
    stopped = psfs_outcome([psfs(D1, cook=3), psfs(D2, cook=STOPPED)])
    assert stopped.latest is not None and stopped.latest.mean is None
    assert stopped.change is None and stopped.meaningful is None
    assert psfs_outcome([]).to_json() == {
        "first": None,
        "latest": None,
        "change": None,
        "meaningful": None,
    }


def test_zcqs_are_not_psfs():
    zcq = Questionnaire(D2, "zcq", {"s1": 3})
    assert psfs_outcome([psfs(D1, cook=3), zcq]).change is None


def test_source_is_cited():
    assert "Stratford" in PSFS_SOURCE_TEXT and "1995" in PSFS_SOURCE_TEXT
