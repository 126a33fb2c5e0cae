"""The posture self-check's rules (issue 17, DESIGN 5.9): the check as data, the routine
emphasis it sets with its reasons, the words of a re-check, and when it is due (monthly,
28 days, like the questionnaire: DESIGN 5.7)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from stenosis_coach.core.exercises.library import builtin_library
from stenosis_coach.core.posture import (
    PARTS,
    Focus,
    LeaningEases,
    PelvicTilt,
    PostureResult,
    WallGap,
    compare,
    emphasis,
    posture_check_due,
)
from stenosis_coach.i18n import is_pseudo_wrapped

ALL = [PostureResult(g, t, le) for g, t, le in itertools.product(WallGap, PelvicTilt, LeaningEases)]


def test_the_check_has_three_parts_with_steps_a_question_and_every_answer():
    assert [p.id for p in PARTS] == ["wall_gap", "pelvic_tilt", "leaning"]
    for part, kind in zip(PARTS, (WallGap, PelvicTilt, LeaningEases), strict=True):
        assert part.title and part.question.endswith("?")
        assert 2 <= len(part.steps) <= 5
        assert [a.value for a in part.answers] == list(kind)
        assert all(a.label and a.short for a in part.answers)


def test_a_large_arch_brings_forward_pelvic_tilts_hip_flexor_stretch_core_and_glutes():
    e = emphasis(PostureResult(WallGap.FIST, PelvicTilt.EASILY, LeaningEases.NO_LEG_SYMPTOMS))
    assert e.focus is Focus.LARGE_ARCH
    assert e.exercise_ids == (
        "pelvic-tilt",
        "hip-flexor-stretch",
        "abdominal-bracing",
        "glute-bridge",
    )
    assert "large arch" in e.reasons[0]
    assert not e.leaning_support


def test_a_flat_hand_keeps_the_routine_unless_tilting_was_hard():
    easy = emphasis(PostureResult(WallGap.FLAT_HAND, PelvicTilt.EASILY, LeaningEases.NO))
    assert easy.focus is Focus.KEEP and easy.exercise_ids == ()
    assert "stays as it is" in easy.reasons[0]
    hard = emphasis(PostureResult(WallGap.FLAT_HAND, PelvicTilt.NOT_AT_ALL, LeaningEases.NO))
    assert hard.exercise_ids == ("pelvic-tilt",)
    assert any("Pelvic tilts practise" in r for r in hard.reasons)


def test_no_gap_means_no_extra_backward_bending_and_keep_the_forward_bending():
    e = emphasis(PostureResult(WallGap.NONE, PelvicTilt.NOT_AT_ALL, LeaningEases.NO))
    assert e.focus is Focus.FLAT_BACK and e.exercise_ids == ()
    assert "No extra backward-bending" in e.reasons[0]
    assert "forward-bending" in e.reasons[0]


@pytest.mark.parametrize("eases", [LeaningEases.YES, LeaningEases.A_LITTLE])
def test_leaning_that_eases_fits_stenosis_and_suggests_leaning_support(eases):
    e = emphasis(PostureResult(WallGap.FLAT_HAND, PelvicTilt.EASILY, eases))
    assert e.leaning_support
    assert "standing-forward-lean" in e.exercise_ids
    text = " ".join(e.reasons).lower()
    assert "stenosis" in text and "depend on position" in text
    assert "cart" in text and "walker" in text


def test_every_combination_has_reasons_ids_in_the_library_and_a_modest_last_word():
    library = builtin_library()
    for result in ALL:
        e = emphasis(result)
        assert e.reasons and e.summary
        assert set(e.exercise_ids) <= set(library), result
        assert len(set(e.exercise_ids)) == len(e.exercise_ids)
        assert e.reasons[-1] == "This check helps choose exercises. It is not a diagnosis."
        assert e.leaning_support == (result.leaning in (LeaningEases.YES, LeaningEases.A_LITTLE))
        text = " ".join(e.reasons).lower()
        for word in ("diagnosed", "you have stenosis", "abnormal", "wrong", "bad"):
            assert word not in text


def test_a_recheck_says_each_change_and_what_stayed_the_same():
    before = PostureResult(WallGap.FIST, PelvicTilt.WITH_EFFORT, LeaningEases.YES)
    after = PostureResult(WallGap.FLAT_HAND, PelvicTilt.WITH_EFFORT, LeaningEases.A_LITTLE)
    assert compare(before, after) == (
        "The gap behind your back: fist → flat hand",
        "Flattening your back at the wall: with effort, as before",
        "Leaning forward and your legs: eases them → eases them a little",
    )


def test_the_result_round_trips_as_plain_values():
    for result in ALL:
        assert PostureResult.from_dict(result.as_dict()) == result
    with pytest.raises(ValueError):
        PostureResult.from_dict({"wall_gap": "elbow", "pelvic_tilt": "easily", "leaning": "no"})


def test_due_monthly_at_28_days_like_the_questionnaire():
    today = date(2026, 12, 3)
    assert posture_check_due(today, None)
    assert not posture_check_due(today, today)
    assert not posture_check_due(today, today - timedelta(days=27))
    assert posture_check_due(today, today - timedelta(days=28))
    assert posture_check_due(today, today - timedelta(days=90))


def test_every_word_is_translated_in_the_pseudo_locale(pseudo):
    for part in PARTS:
        for text in (part.title, part.question, *part.steps):
            assert is_pseudo_wrapped(text), text
        for answer in part.answers:
            assert is_pseudo_wrapped(answer.label) and is_pseudo_wrapped(answer.short)
    for result in ALL:
        e = emphasis(result)
        assert is_pseudo_wrapped(e.summary)
        for reason in e.reasons:
            assert reason.startswith("⟦") and reason.endswith("⟧"), reason
            assert "⟦⟦" not in reason
    before = PostureResult(WallGap.FIST, PelvicTilt.EASILY, LeaningEases.NO)
    after = PostureResult(WallGap.NONE, PelvicTilt.EASILY, LeaningEases.NO)
    line = compare(before, after)[0]
    assert line == "⟦The gap behind your back: ⟦fist⟧ → ⟦no gap⟧⟧"
