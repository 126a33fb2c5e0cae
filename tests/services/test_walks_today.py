"""The walk on the Today page, and the next-day question about the legs (issue 5)."""

from datetime import timedelta

from stenosis_coach.core.today import WALK_ACTION
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import walks
from stenosis_coach.services.status import build_status


def log(db, clock, kind=WalkKind.TRAINING, minutes="15", symptoms="", pain=2, days_ago=0):
    day = (clock.now() - timedelta(days=days_ago)).astimezone(walks.LOCAL).date()
    form = WalkForm(kind, day, minutes, symptoms, peak_leg_pain=pain)
    return walks.log_walk(db, form, clock.now())


def keys(db, clock):
    return [i.key for i in walks.today_items(db, clock.now())]


def test_a_walk_is_due_until_one_is_done_today(db, clock):
    [item] = walks.today_items(db, clock.now())
    assert item.action == WALK_ACTION and item.title == "Walking test"
    assert "Why:" in item.detail
    log(db, clock, WalkKind.TEST, "10", "5")
    assert "walk" not in keys(db, clock)


def test_no_walk_is_asked_for_once_four_were_done_this_week(db, clock):
    clock.advance(timedelta(days=4).total_seconds())  # Friday; the week began on Monday
    log(db, clock, WalkKind.TEST, "10", "5", days_ago=4)
    for days_ago in (1, 2, 3):
        log(db, clock, days_ago=days_ago)
    assert "walk" not in keys(db, clock)


def test_a_due_walking_test_is_asked_for_even_when_the_weeks_walks_are_done(db, clock):
    log(db, clock, WalkKind.TEST, "10", "5", days_ago=5)  # last week's Wednesday
    clock.advance(timedelta(days=4).total_seconds())  # Friday
    for days_ago in (1, 2, 3, 4):
        log(db, clock, days_ago=days_ago)
    [item] = [i for i in walks.today_items(db, clock.now()) if i.key == "walk"]
    assert item.title == "Walking test"
    assert "this week's 4 walks are done" in item.detail
    assert build_status(db, clock.now()).next_walk.kind is WalkKind.TEST


def test_the_day_after_a_walk_asks_about_the_legs_and_a_flare_eases_the_next_walk(db, clock):
    log(db, clock, WalkKind.TEST, "10", "5", days_ago=1)
    before = build_status(db, clock.now()).next_walk.bout_s
    [question] = [i for i in walks.today_items(db, clock.now()) if i.choices]
    assert question.title == "How were your legs after yesterday's walk?"
    asked = walks.flare_question(db, clock.now())
    walks.answer_flare_question(db, asked.id, True, clock.now())
    assert walks.flare_question(db, clock.now()) is None
    assert walks.history(db)[0].walk.next_day_flare is True
    assert build_status(db, clock.now()).next_walk.bout_s < before


def test_a_fine_answer_changes_nothing_and_is_not_asked_again(db, clock):
    log(db, clock, days_ago=1)
    asked = walks.flare_question(db, clock.now())
    walks.answer_flare_question(db, asked.id, False, clock.now())
    assert walks.flare_question(db, clock.now()) is None
    assert walks.history(db)[0].walk.next_day_flare is False


def test_the_question_is_not_asked_on_the_walk_day_or_after_three_days(db, clock):
    log(db, clock)
    assert walks.flare_question(db, clock.now()) is None
    clock.advance(timedelta(days=4).total_seconds())
    assert walks.flare_question(db, clock.now()) is None
