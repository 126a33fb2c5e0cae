"""Today's "Questionnaire" card (DESIGN 5.6, 5.7; issue 15): shown when the ZCQ is due, with
a stable action id, gone once it is answered, back 28 days later."""

from datetime import timedelta
from fractions import Fraction

from stenosis_coach.core.today import ZCQ_ACTION
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services.outcomes import record_zcq
from stenosis_coach.services.today import build_today
from stenosis_coach.storage.walks_repo import WalkRepository

ANSWERS = {f"s{i}": 3 for i in range(1, 7)} | {"s7": 3} | {f"f{i}": 2 for i in range(1, 6)}


def cards(db, clock):
    return [i for i in build_today(db, clock.now()).items if i.key == "questionnaire"]


def test_no_card_before_anything_is_in_use(db, clock):
    assert cards(db, clock) == []


def test_the_card_comes_with_the_first_walk_and_goes_when_answered(db, clock):
    WalkRepository(db).add_recorded(
        Walk(clock.now(), WalkKind.TEST, Fraction(600), Fraction(300), 3), None
    )
    [card] = cards(db, clock)
    assert card.action == ZCQ_ACTION == "zcq"
    assert card.title == "Questionnaire"
    assert card.detail.startswith("A few short questions about your legs")
    record_zcq(db, clock.now().date(), ANSWERS, clock.now())
    assert cards(db, clock) == []
    clock.advance(timedelta(days=28).total_seconds())
    assert len(cards(db, clock)) == 1


def test_the_card_is_translated(db, clock, pseudo):
    WalkRepository(db).add_recorded(
        Walk(clock.now(), WalkKind.TEST, Fraction(600), Fraction(300), 3), None
    )
    [card] = cards(db, clock)
    assert all(is_pseudo_wrapped(t) for t in (card.title, card.detail, card.action_label))
