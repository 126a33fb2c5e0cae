from datetime import date
from fractions import Fraction

from stenosis_coach.core.walking.card import plan_bouts, pocket_card
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.walking.prescription import Prescription


def test_bouts_add_up_to_the_target_exactly_with_the_last_shortened():
    bouts = plan_bouts(Fraction(240), Fraction(900))
    assert [b.walk_s for b in bouts] == [240, 240, 240, 180]
    assert [b.rest_after for b in bouts] == [True, True, True, False]
    assert sum(b.walk_s for b in plan_bouts(Fraction(255), Fraction(1050))) == 1050


def test_training_card_says_what_to_do_and_lists_the_emergency_signs():
    rx = Prescription(WalkKind.TRAINING, Fraction(240), Fraction(120), Fraction(900), "")
    card = pocket_card(rx, date(2026, 5, 4))
    assert card.day == "Monday 4 May 2026"
    assert card.steps[-1] == "Walk 3:00 min. Done!"
    assert "Numbness in the groin or saddle area" in card.emergency_signs
    assert "lean forward" in card.when_symptoms_come


def test_a_test_walk_card_has_no_bouts():
    rx = Prescription(WalkKind.TEST, None, Fraction(120), Fraction(900), "")
    card = pocket_card(rx, date(2026, 5, 4))
    assert card.title == "Walking test" and card.bouts == ()
    assert any("30 minutes" in step for step in card.steps)
