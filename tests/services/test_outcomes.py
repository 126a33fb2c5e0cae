"""Recording the ZCQ, My activities and the relief answer through the Coach (issue 15,
DESIGN 5.6, 5.10): each write says what changed; a value that cannot be is refused whole
with a plain sentence and nothing is stored."""

from __future__ import annotations

import shutil
from datetime import date, timedelta, timezone

import pytest

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import Questionnaire, SinceTreatment
from stenosis_coach.core.walking.logged import FormProblems
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services.changes import RECORDED, Change, Changes
from stenosis_coach.services.coach import Coach

ZONE = timezone(timedelta(hours=1))
TODAY = date(2026, 3, 2)  # the clock's T0 (08:30 UTC) in ZONE
ZCQ = {"s1": 4, "s2": 4, "s3": 3, "s4": 4, "s5": 3, "s6": 2, "s7": 3}


@pytest.fixture
def coach(paths, template_db, clock):
    paths.ensure()
    shutil.copy2(template_db, paths.db_file)
    with Coach.open(paths, clock=clock, tz=ZONE) as opened:
        yield opened


def test_a_zcq_is_recorded_listed_and_said_as_an_outcomes_change(coach):
    changes = coach.record_zcq(TODAY, ZCQ)
    assert changes == Changes.of(Change.OUTCOMES)
    assert changes.touches(RECORDED)  # the pages showing recorded data follow it
    assert coach.questionnaires() == [Questionnaire(TODAY, "zcq", ZCQ)]
    coach.record_zcq(TODAY, {"s1": 2})  # the same day again replaces it
    earlier = TODAY - timedelta(days=28)
    coach.record_zcq(earlier, {"s1": 5})
    assert [(q.date, dict(q.answers)) for q in coach.questionnaires("zcq")] == [
        (earlier, {"s1": 5}),
        (TODAY, {"s1": 2}),
    ]
    assert coach.delete_questionnaire(earlier, "zcq") == Changes.of(Change.OUTCOMES)
    assert [q.date for q in coach.questionnaires()] == [TODAY]


@pytest.mark.parametrize(
    ("day", "answers", "field"),
    [
        (TODAY, {"s7": 2}, "s7"),  # the balance item takes 1, 3 or 5
        (TODAY, {"f1": 5}, "f1"),
        (TODAY, {"q9": 1}, "q9"),
        (TODAY + timedelta(days=1), {"s1": 1}, "day"),
        (TODAY, {}, ""),
    ],
)
def test_a_zcq_that_cannot_be_is_refused_whole(coach, day, answers, field):
    with pytest.raises(FormProblems) as refused:
        coach.record_zcq(day, {"s1": 3, **answers} if answers else {})
    assert field in refused.value.problems
    assert coach.questionnaires() == []


def test_my_activities_are_named_rated_retired_and_stopped(coach, clock):
    cook, changes = coach.add_activity("  Standing to cook   a meal ")
    assert changes == Changes.of(Change.OUTCOMES)
    assert (cook.words, cook.added_on, cook.current) == ("Standing to cook a meal", TODAY, True)
    shop, _ = coach.add_activity("Walking round the supermarket")
    garden, _ = coach.add_activity("Gardening")
    coach.record_psfs(TODAY, {cook.words: 3, shop.words: 2, garden.words: 4})
    clock.advance(28 * 86400)
    later = TODAY + timedelta(days=28)
    assert coach.retire_activity(shop.id) == Changes.of(Change.OUTCOMES)
    coach.record_psfs(later, {cook.words: 6, garden.words: "stopped"})
    assert [a.words for a in coach.activities(current_only=True)] == [cook.words]
    by_words = {a.words: a for a in coach.activities()}
    assert by_words[shop.words].retired_on == later
    assert by_words[garden.words].stopped_on == later  # the "stopped" answer marked it
    assert [dict(q.answers) for q in coach.questionnaires("psfs")] == [
        {cook.words: 3, shop.words: 2, garden.words: 4},
        {cook.words: 6, garden.words: "stopped"},
    ]
    with pytest.raises(InvalidInput):
        coach.stop_activity(garden.id)  # already off the list


def test_at_most_five_activities_each_named_once(coach):
    for n in range(5):
        coach.add_activity(f"Activity {n}")
    with pytest.raises(InvalidInput, match="5 activities"):
        coach.add_activity("A sixth")
    first = coach.activities()[0]
    coach.stop_activity(first.id)
    with pytest.raises(InvalidInput, match="already on your list"):
        coach.add_activity("activity 1")
    with pytest.raises(InvalidInput):
        coach.add_activity("   ")
    sixth, _ = coach.add_activity("A sixth")
    assert len(coach.activities(current_only=True)) == 5 and sixth.current


def test_a_rating_out_of_range_is_refused(coach):
    with pytest.raises(FormProblems) as refused:
        coach.record_psfs(TODAY, {"Gardening": 11})
    assert "Gardening" in refused.value.problems
    assert coach.questionnaires() == []


def test_relief_is_answered_on_the_days_log_after_an_injection(coach, clock):
    injected = TODAY - timedelta(days=3)
    coach.add_treatment(TreatmentEvent(injected, TreatmentKind.EPIDURAL_INJECTION))
    coach.add_treatment(TreatmentEvent(TODAY - timedelta(days=1), TreatmentKind.PT_START))
    assert coach.relief_treatment(TODAY) == (injected, TreatmentKind.EPIDURAL_INJECTION)
    assert coach.relief_treatment(injected) is None  # day 0 is not asked
    assert coach.relief_treatment(injected + timedelta(days=43)) is None
    with pytest.raises(InvalidInput, match="log first"):
        coach.answer_since_treatment(TODAY, SinceTreatment.BETTER)
    coach.save_daily_log(DailyLog(TODAY, leg_pain=3))
    assert coach.answer_since_treatment(TODAY, SinceTreatment.BETTER) == Changes.of(Change.DAILY)
    assert coach.since_treatment(TODAY) is SinceTreatment.BETTER
    coach.save_daily_log(DailyLog(injected, leg_pain=6))
    with pytest.raises(InvalidInput, match="6 weeks"):
        coach.answer_since_treatment(injected, SinceTreatment.SAME)
    assert coach.since_treatment(injected) is None


def test_the_refusals_are_in_the_users_language(pseudo, coach):
    coach.add_activity("Gardening")
    for attempt in (
        lambda: coach.add_activity("gardening"),
        lambda: coach.add_activity(""),
        lambda: coach.answer_since_treatment(TODAY, SinceTreatment.SAME),
        lambda: coach.delete_questionnaire(TODAY, "zcq"),
    ):
        with pytest.raises(InvalidInput) as refused:
            attempt()
        assert is_pseudo_wrapped(refused.value.message), refused.value.message
    with pytest.raises(FormProblems) as refused:
        coach.record_zcq(TODAY + timedelta(days=1), {})
    assert all(is_pseudo_wrapped(text) for text in refused.value.problems.values())
