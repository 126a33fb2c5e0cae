"""Red-flag questions, decision, advice and timing rules (DESIGN 5.5, issue 3)."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stenosis_coach.core import safety
from stenosis_coach.core.safety import (
    NEW_WEAKNESS_IDS,
    QUESTIONS,
    QUESTIONS_BY_ID,
    WEEKLY_CHECK_DAYS,
    ClearanceReason,
    Level,
    advice_for,
    check_after_session,
    check_due,
    decide,
    ends_at_once,
    may_finish,
    session_gate,
    unanswered,
)
from stenosis_coach.core.safety_state import CheckRecord, LeftCheck, left_check

IDS = [q.id for q in QUESTIONS]
NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def answers_with(*yes: str) -> dict[str, bool]:
    return {qid: qid in yes for qid in IDS}


def _ids_at(level: Level) -> list[str]:
    return [q.id for q in QUESTIONS if q.level is level]


# --- the questions -------------------------------------------------------------------------


def test_levels_ranked_emergency_highest():
    assert Level.EMERGENCY.severity > Level.URGENT.severity > Level.STOP_AND_CHECK.severity > 0
    assert [lv.value for lv in Level] == ["emergency", "urgent", "stop_and_check"]


def test_clearance_reason_values():
    assert ClearanceReason.CHECKED_BY_CLINICIAN == "checked_by_clinician"
    assert ClearanceReason.ANSWERED_BY_MISTAKE == "answered_by_mistake"


def test_ids_are_unique_slugs():
    assert len(IDS) == len(set(IDS))
    for qid in IDS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", qid), qid
    assert QUESTIONS_BY_ID.keys() == set(IDS)


def test_questions_ordered_most_severe_first():
    severities = [q.level.severity for q in QUESTIONS]
    assert severities == sorted(severities, reverse=True)


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_question_wording(question):
    assert re.search(r"since your last check", question.text, re.IGNORECASE)
    assert question.text.endswith("?")
    assert question.text.count("?") == 1
    assert "DESIGN 5.5" in question.source
    assert question.plain_label
    assert not question.plain_label.endswith((".", "?"))


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_the_first_check_asks_without_a_last_check(question):
    assert "last check" not in question.first_text.lower()
    assert question.first_text.startswith("Recently, ")
    assert question.first_text.endswith(question.asks)
    assert question.text_for(first_check=True) == question.first_text
    assert question.text_for(first_check=False) == question.text


@pytest.mark.parametrize(
    ("level", "words"),
    [
        (Level.EMERGENCY, ["saddle", "urine", "bowels", "both of your legs", "foot", "walking"]),
        (Level.EMERGENCY, ["chest pain", "did not get better when you rested"]),
        (Level.URGENT, ["clumsy", "dropping things", "unsteady", "fall", "spread"]),
        (Level.URGENT, ["fever", "lost weight", "fall that left you with new or worse pain"]),
        (Level.STOP_AND_CHECK, ["got better once you rested", "calf", "stand still"]),
    ],
)
def test_every_design_item_is_asked_at_its_level(level, words):
    texts = " ".join(q.text for q in QUESTIONS if q.level is level).lower()
    for word in words:
        assert word in texts, (level, word)


def test_new_weakness_ids_are_questions():
    assert QUESTIONS_BY_ID.keys() >= NEW_WEAKNESS_IDS
    assert {"clumsy-hands", "unsteady-or-falls", "leg-weakness-worsening"} <= NEW_WEAKNESS_IDS


# --- the decision ---------------------------------------------------------------------------


def test_all_no_is_none():
    assert decide(answers_with()) is None
    assert advice_for(answers_with()) is None


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_each_question_alone_decides_its_level(question):
    answers = answers_with(question.id)
    assert decide(answers) is question.level
    advice = advice_for(answers)
    assert advice is not None
    assert advice.level is question.level
    assert advice.reasons == (question.plain_label,)
    assert advice.also_noted == ()


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations_with_replacement(list(Level), 2)))
def test_every_pair_of_levels_gives_the_higher(a, b):
    for qa, qb in itertools.product(_ids_at(a), _ids_at(b)):
        expected = a if a.severity >= b.severity else b
        assert decide(answers_with(qa, qb)) is expected


@given(st.sets(st.sampled_from(IDS)))
def test_decision_is_max_severity_of_yes_answers(yes):
    answers = answers_with(*yes)
    levels = [QUESTIONS_BY_ID[qid].level for qid in yes]
    decision = decide(answers)
    if not levels:
        assert decision is None
        return
    assert decision.severity == max(lv.severity for lv in levels)
    advice = advice_for(answers)
    assert advice.level is decision
    reasons = {
        QUESTIONS_BY_ID[qid].plain_label for qid in yes if QUESTIONS_BY_ID[qid].level is decision
    }
    assert set(advice.reasons) == reasons
    assert set(advice.reasons) | set(advice.also_noted) == {
        QUESTIONS_BY_ID[qid].plain_label for qid in yes
    }


def test_unknown_id_raises_naming_it():
    answers = answers_with()
    answers["itchy-ears"] = True
    with pytest.raises(ValueError, match="itchy-ears"):
        decide(answers)
    with pytest.raises(ValueError, match="itchy-ears"):
        advice_for(answers)


@pytest.mark.parametrize("qid", IDS)
def test_missing_answer_raises_naming_it(qid):
    answers = answers_with()
    del answers[qid]
    with pytest.raises(ValueError, match=re.escape(qid)):
        decide(answers)


def test_non_bool_answer_raises():
    answers: dict = answers_with()
    answers["fever"] = None
    with pytest.raises(ValueError, match="fever"):
        decide(answers)


# --- ending early (DESIGN 5.5, the flow of December 2026) ------------------------------------


@pytest.mark.parametrize("question", QUESTIONS, ids=IDS)
def test_only_an_emergency_yes_ends_the_check_at_once(question):
    assert ends_at_once(question, True) is (question.level is Level.EMERGENCY)
    assert ends_at_once(question, False) is False


def test_an_emergency_yes_may_finish_with_the_rest_not_asked():
    answers = {"saddle-numbness": True}
    assert may_finish(answers)
    assert decide(answers) is Level.EMERGENCY
    assert advice_for(answers).reasons == ("Numbness in the groin or saddle area",)
    assert [q.id for q in unanswered(answers)] == IDS[1:]


def test_an_urgent_yes_does_not_end_the_check_unless_it_was_left():
    answers = {qid: False for qid in _ids_at(Level.EMERGENCY)} | {"clumsy-hands": True}
    assert not may_finish(answers)
    assert may_finish(answers, left=True)
    assert decide(answers) is Level.URGENT


def test_only_no_answers_never_finish_early_even_when_left():
    answers = {"saddle-numbness": False}
    assert not may_finish(answers) and not may_finish(answers, left=True)
    assert may_finish(answers_with(), left=True)


def _check(answers, started=NOW, done=None):
    return CheckRecord(1, safety.CheckTrigger.FIRST_RUN, started, 0, done, answers=answers)


@pytest.mark.parametrize(
    ("answers", "ago", "plan"),
    [
        ({"saddle-numbness": True}, timedelta(0), LeftCheck.SHOW_ADVICE),
        ({"saddle-numbness": False, "fever": True}, timedelta(days=9), LeftCheck.SHOW_ADVICE),
        ({"saddle-numbness": False}, timedelta(hours=11, minutes=59), LeftCheck.RESUME),
        ({"saddle-numbness": False}, timedelta(hours=12), LeftCheck.ASK_AGAIN),
        ({"saddle-numbness": False}, timedelta(hours=-1), LeftCheck.ASK_AGAIN),  # clock back
        ({}, timedelta(days=30), LeftCheck.RESUME),  # nothing answered: nothing out of date
    ],
)
def test_what_happens_to_a_check_left_unfinished(answers, ago, plan):
    assert left_check(_check(answers), NOW + ago) is plan


def test_a_finished_check_knows_which_questions_it_did_not_ask():
    assert _check({"chest-pain": True}, done=NOW).not_asked == tuple(
        qid for qid in IDS if qid != "chest-pain"
    )
    assert _check({"chest-pain": True}).not_asked == ()  # not finished: nothing to say yet


# --- the advice -----------------------------------------------------------------------------


def _advice(level: Level):
    advice = advice_for(answers_with(_ids_at(level)[0]))
    assert advice is not None
    return advice


@pytest.mark.parametrize("level", list(Level))
def test_advice_is_short_calm_and_plain(level):
    advice = _advice(level)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", advice.body) if s]
    assert 2 <= len(sentences) <= 4
    assert "!" not in advice.body + advice.title
    for word in ("syndrome", "cauda", "diagnos", "you have a"):
        assert word not in advice.body.lower()


@pytest.mark.parametrize("level", [Level.EMERGENCY, Level.URGENT])
def test_emergency_and_urgent_advice_never_mention_exercise(level):
    advice = _advice(level)
    assert "exercis" not in (advice.title + advice.body).lower()


@pytest.mark.parametrize("level", list(Level))
def test_exercise_only_ever_mentioned_as_do_not(level):
    for sentence in re.split(r"(?<=[.!?])\s+", _advice(level).body):
        if "exercis" in sentence.lower():
            assert re.search(r"\b(do not|don't|stop)\b", sentence, re.IGNORECASE), sentence


def test_advice_says_what_to_do():
    assert "emergency" in _advice(Level.EMERGENCY).body
    assert _advice(Level.EMERGENCY).title == "Get emergency care now"
    urgent = _advice(Level.URGENT).body
    assert "today" in urgent
    assert "cannot reach" in urgent
    check = _advice(Level.STOP_AND_CHECK).body
    assert "Do not continue exercising" in check
    assert "not the spine" in check


def test_reasons_at_top_level_others_noted():
    advice = advice_for(answers_with("calf-pain-standing", "fever", "chest-pain"))
    assert advice.level is Level.EMERGENCY
    assert advice.reasons == ("Chest pain",)
    assert advice.also_noted == ("Fever", "Calf pain that eases by standing still")


# --- when the check is asked ----------------------------------------------------------------


def test_weekly_is_seven_days():
    assert WEEKLY_CHECK_DAYS == 7


@pytest.mark.parametrize(
    ("ago", "due"),
    [
        (None, True),
        (timedelta(0), False),
        (timedelta(days=6, hours=23), False),
        (timedelta(days=6, hours=23, minutes=59, seconds=59), False),
        (timedelta(days=7), True),
        (timedelta(days=30), True),
        (timedelta(hours=-1), True),  # clock set back: ask again rather than never
    ],
)
def test_check_due(ago, due):
    last = None if ago is None else NOW - ago
    assert check_due(last, NOW) is due


def test_check_due_across_timezones():
    plus_two = timezone(timedelta(hours=2))
    last = (NOW - timedelta(days=7)).astimezone(plus_two)
    assert check_due(last, NOW) is True


@pytest.mark.parametrize("which", ["last", "now"])
def test_check_due_rejects_naive(which):
    naive = NOW.replace(tzinfo=None)
    with pytest.raises(ValueError, match="timezone-aware"):
        if which == "last":
            check_due(naive, NOW)
        else:
            check_due(NOW, naive)


@pytest.mark.parametrize(
    ("yes_at", "cleared_at", "gate"),
    [
        (None, None, False),
        (None, NOW, False),
        (NOW, None, True),
        (NOW, NOW - timedelta(days=1), True),
        (NOW, NOW + timedelta(minutes=5), False),
        (NOW, NOW, False),
    ],
)
def test_session_gate(yes_at, cleared_at, gate):
    assert session_gate(yes_at, cleared_at) is gate


def test_session_gate_rejects_naive():
    with pytest.raises(ValueError, match="timezone-aware"):
        session_gate(NOW.replace(tzinfo=None), None)


@pytest.mark.parametrize(
    ("must_stop", "hurt", "ask"),
    [
        (True, None, True),
        (False, None, False),
        (False, 6, False),
        (False, 7, True),
        (False, 10, True),
    ],
)
def test_check_after_session(must_stop, hurt, ask):
    assert check_after_session(must_stop, hurt) is ask


# --- no Qt ----------------------------------------------------------------------------------


def test_imports_without_pyside6():
    code = (
        "import sys; sys.modules['PySide6'] = None; "
        "import stenosis_coach.core.safety as s; assert s.QUESTIONS"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "PySide6" not in safety.__dict__


# --- words in the user's language (issue 14) ----------------------------------------------------


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_each_question_is_two_whole_sentences_asking_the_same(question):
    # Clinically reviewed words: the first check and the later ones ask the same question,
    # only the time phrase differs; each is one message for a translator.
    assert question.text == f"Since your last check, {question.asks}"
    assert question.first_text == f"Recently, {question.asks}"
    assert question.label == question.plain_label


def test_questions_and_the_seek_care_words_are_translated(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    for question in QUESTIONS:
        assert question.text == f"⟦{question.since_words}⟧"
        assert question.first_text == f"⟦{question.first_words}⟧"
        assert question.label == f"⟦{question.plain_label}⟧"
    for level in Level:
        qid = next(q.id for q in QUESTIONS if q.level is level)
        advice = advice_for(answers_with(qid, "calf-pain-standing"))
        assert advice is not None
        said = [advice.title, advice.body, *advice.reasons, *advice.also_noted]
        assert [s for s in said if not is_pseudo_wrapped(s)] == []
    assert QUESTIONS_BY_ID["fever"].plain_label == "Fever"  # what a CSV export writes
