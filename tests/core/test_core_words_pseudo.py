"""Every sentence core says is marked for translation (issue 14): in the pseudo-locale
(``STENOSIS_COACH_PSEUDO=1``) it comes back wrapped as ``⟦…⟧``, and no word is left outside
a wrapped message (a sentence glued from pieces would show its glue unwrapped)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stenosis_coach import i18n
from stenosis_coach.core import due as due_mod
from stenosis_coach.core.daily import DailyLog, MedicationKind, TreatmentEvent, TreatmentKind
from stenosis_coach.core.due import ActiveRoutine, DueInputs, StartedCheck, what_is_due
from stenosis_coach.core.numbers import NumberProblem, NumberRule, read_number
from stenosis_coach.core.progress import series, signs
from stenosis_coach.core.progress.verdict import DailyDoses, compute_verdict
from stenosis_coach.core.sessions import SessionRecord, SessionState, interrupted_offer
from stenosis_coach.core.settings import TextSize
from stenosis_coach.core.today import (
    TEST_HEADLINE,
    TEST_INSTRUCTION,
    compose_today,
    walk_card_detail,
    walk_instruction,
)
from stenosis_coach.core.walking import engine as walk_engine
from stenosis_coach.core.walking.card import pocket_card
from stenosis_coach.core.walking.diary import DiaryError, parse_diary
from stenosis_coach.core.walking.logged import FormProblems, WalkForm, walk_from_form
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import PlanStart, explain_steps, replay
from stenosis_coach.i18n import _

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday
TODAY = date(2026, 5, 4)


def outside(text: str) -> str:
    """What ``text`` holds outside every ``⟦…⟧`` (nested ones too)."""
    depth, kept = 0, []
    for char in text:
        if char == i18n.PSEUDO_OPEN:
            depth += 1
        elif char == i18n.PSEUDO_CLOSE:
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def assert_all_wrapped(text: str) -> None:
    """Every word of ``text`` is inside a translated message."""
    assert i18n.is_pseudo_wrapped(text), text
    left = outside(text)
    assert not any(c.isalpha() for c in left), f"unwrapped {left!r} in {text!r}"


@pytest.fixture
def pseudo_on() -> Iterator[None]:
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=True)
    yield
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


def walk(hours: float, kind: WalkKind, total=900, tfs=None, pain=2, **extra) -> Walk:
    return Walk(
        start=T0 + timedelta(hours=hours),
        kind=kind,
        total_walk_s=Fraction(total),
        tfs_s=None if tfs is None else Fraction(tfs),
        peak_leg_pain=pain,
        **extra,
    )


# ---- the walk's prescription: the Why, its details, the steps ------------------------------

seconds = st.builds(Fraction, st.integers(1, 4 * 3600), st.sampled_from([1, 2, 4]))


@st.composite
def histories(draw: st.DrawFn) -> list[Walk]:
    walks = []
    for seq in range(draw(st.integers(0, 12))):
        total = draw(seconds)
        tfs = draw(st.none() | seconds)
        walks.append(
            Walk(
                start=T0 + timedelta(hours=draw(st.integers(0, 24 * 20))),
                kind=draw(st.sampled_from(WalkKind)),
                total_walk_s=total,
                tfs_s=None if tfs is None else min(tfs, total),
                peak_leg_pain=draw(st.integers(0, 10)),
                seq=seq,
                next_day_flare=draw(st.booleans()),
                ended_by=draw(st.sampled_from(WalkEnd)),
            )
        )
    return walks


@settings(database=None, deadline=None, max_examples=200)
@given(histories(), st.booleans(), st.integers(0, 30))
def test_every_why_detail_and_step_is_wrapped(walks, with_plan, days_on) -> None:
    plan = (
        PlanStart(at=T0 + timedelta(days=3), bout_s=240, rest_s=120, target_total_s=1200)
        if with_plan
        else None
    )
    now = T0 + timedelta(days=days_on, hours=23)
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=True)
    try:
        rx = replay(walks, now, plan)
        for sentence in (rx.reason, *rx.details, *explain_steps(walks, now, plan)):
            assert_all_wrapped(sentence)
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


@pytest.mark.usefixtures("pseudo_on")
def test_the_why_is_one_wrapped_sentence() -> None:
    rx = replay([walk(0, WalkKind.TEST, tfs=415)], T0 + timedelta(days=3))
    # The sentence is one message; the walk it names is one too (four ways to say it).
    assert rx.reason == (
        "⟦⟦5:30 min⟧ is 80% of ⟦your walking test on Mon 2 Mar (⟦6:55 min⟧ before symptoms)⟧.⟧"
    )


@pytest.mark.usefixtures("pseudo_on")
def test_the_pocket_card_is_wrapped() -> None:
    for rx in (
        replay([], T0),
        replay([walk(0, WalkKind.TEST, tfs=415)], T0 + timedelta(days=3)),
    ):
        card = pocket_card(rx, TODAY)
        for text in (card.title, card.summary, *card.steps, card.when_symptoms_come):
            assert_all_wrapped(text)
        for text in card.record_lines:
            assert_all_wrapped(text)


# ---- what is due ---------------------------------------------------------------------------


@pytest.mark.usefixtures("pseudo_on")
def test_what_is_due_says_it_wrapped() -> None:
    routine = ActiveRoutine("gentle-start", "Gentle start", 7, 600.0)
    at = T0 + timedelta(days=1)
    nothing_done = what_is_due(DueInputs(chosen_routine=routine), at, UTC)
    assert_all_wrapped(nothing_done.sentence().replace("Gentle start", "⟦Gentle start⟧"))
    waiting = what_is_due(DueInputs(started_checks=[StartedCheck(started_at=T0)]), at, UTC)
    assert_all_wrapped(waiting.sentence())
    assert_all_wrapped(due_mod.walk_status_line(waiting.walk))
    assert_all_wrapped(due_mod.walk_status_line(nothing_done.walk))
    walked = what_is_due(
        DueInputs(
            walks=[walk(22, WalkKind.TEST, tfs=300)],
            log_days=frozenset({at.date()}),
            finished_checks=[T0],
        ),
        at,
        UTC,
    )
    assert_all_wrapped(walked.sentence())
    assert_all_wrapped(due_mod.walk_status_line(walked.walk))


# ---- progress: the verdict and the signs ---------------------------------------------------


def walking_tests_on(days: list[int], tolerance: int, pain: int = 4) -> list[Walk]:
    return [
        Walk(
            start=datetime(2026, 1, 1, 12, tzinfo=UTC) + timedelta(days=d),
            kind=WalkKind.TEST,
            total_walk_s=Fraction(tolerance + 60),
            tfs_s=Fraction(tolerance),
            peak_leg_pain=pain,
        )
        for d in days
    ]


@pytest.mark.usefixtures("pseudo_on")
def test_the_verdict_and_its_nudge_are_wrapped() -> None:
    none = compute_verdict([], [], TODAY, UTC)
    assert_all_wrapped(none.summary)
    few = compute_verdict(walking_tests_on([0, 7], 300), [], TODAY, UTC)
    assert_all_wrapped(few.summary)
    walks = walking_tests_on([0, 7, 14], 300) + walking_tests_on([21, 28, 35], 480)
    doses = [DailyDoses(date(2026, 1, 1) + timedelta(days=i), 1) for i in range(14)]
    doses += [DailyDoses(date(2026, 1, 23) + timedelta(days=i), 3) for i in range(14)]
    judged = compute_verdict(walks, doses, TODAY, UTC)
    assert_all_wrapped(judged.summary)
    assert judged.nudge is not None
    assert_all_wrapped(judged.nudge)


@pytest.mark.usefixtures("pseudo_on")
def test_every_sign_is_wrapped() -> None:
    day = TODAY
    falling = signs.tolerance_falling(
        walking_tests_on([0, 7, 14], 600) + walking_tests_on([21, 28, 35], 300)
    )
    assert falling is not None
    assert_all_wrapped(falling.text)
    weakness = [signs.new_weakness_or_balance([day], day)]
    weakness.append(signs.new_weakness_or_balance([day, day - timedelta(days=3)], day))
    for sign in weakness:
        assert sign is not None
        assert_all_wrapped(sign.text)
    event = TreatmentEvent(date(2026, 1, 1), TreatmentKind.EPIDURAL_INJECTION)
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    walks = [
        Walk(start + timedelta(days=d), WalkKind.TEST, Fraction(t + 60), Fraction(t), 4)
        for d, t in [(-10, 300), (-5, 300), (10, 500), (20, 500), (50, 300), (60, 300)]
    ]
    relief = signs.brief_relief(walks, [event], UTC)
    assert relief is not None
    assert_all_wrapped(relief.text)


@pytest.mark.usefixtures("pseudo_on")
def test_the_plots_hover_texts_are_wrapped() -> None:
    walks = [walk(0, WalkKind.TEST, tfs=300), walk(30, WalkKind.TRAINING), walk(50, WalkKind.TEST)]
    logs = [DailyLog(TODAY, leg_pain=3, back_pain=2, numbness=1, otc_doses=2, standing_s=600)]
    found = [
        *series.tolerance_points(walks, UTC).points,
        *series.tolerance_running_median(walks, UTC).points,
        *series.training_minutes_per_week(walks, UTC).points,
        *series.sessions_per_week(walks, [], UTC).walks.points,
        *series.sessions_per_week(walks, [], UTC).routines.points,
        *[p for s in vars(series.pain_series(logs)).values() for p in s.points],
        *series.medication_series(logs).points,
        *series.standing_series(logs).points,
    ]
    assert len(found) >= 10
    for point in found:
        assert_all_wrapped(point.text)
    marker = series.treatment_markers([TreatmentEvent(TODAY, TreatmentKind.NERVE_BLOCK, "L4")])
    assert_all_wrapped(marker[0].label)
    assert_all_wrapped(marker[0].text.replace("L4", ""))


# ---- today, sessions, the daily log, forms ---------------------------------------------------


@pytest.mark.usefixtures("pseudo_on")
def test_today_says_its_greeting_and_date_wrapped() -> None:
    model = compose_today(datetime(2026, 5, 4, 9), [])
    assert_all_wrapped(model.greeting)
    assert_all_wrapped(model.date_text)


def test_the_walking_tests_instruction_is_its_headline_without_the_opening() -> None:
    lead = "A walking test: "  # the two messages say the same after the headline's opening
    assert lead + TEST_INSTRUCTION[0].lower() + TEST_INSTRUCTION[1:] == TEST_HEADLINE
    assert walk_instruction(TEST_HEADLINE) == TEST_INSTRUCTION
    assert walk_instruction("Walk 4:00 min, then rest.") == "Walk 4:00 min, then rest."


@pytest.mark.usefixtures("pseudo_on")
def test_the_walking_tests_instruction_is_found_in_any_language() -> None:
    assert walk_instruction(_(TEST_HEADLINE)) == _(TEST_INSTRUCTION)  # no cut at "A walking…"
    detail = walk_card_detail(_(TEST_HEADLINE), _("Why not."))
    assert_all_wrapped(detail)
    assert "A walking test" not in detail


@pytest.mark.usefixtures("pseudo_on")
@pytest.mark.parametrize(
    ("kind", "reason"),
    [("walk", None), ("routine", due_mod.RoutineDue), ("walk", "stopped")],
)
def test_the_offer_of_an_interrupted_session_is_wrapped(kind, reason) -> None:
    from stenosis_coach.core.sessions import EndReason

    end = {None: None, due_mod.RoutineDue: EndReason.COMPLETED, "stopped": EndReason.STOPPED}
    record = SessionRecord(
        id=1,
        kind=kind,
        title="",
        state=SessionState.RUNNING,
        started_at=T0,
        utc_offset_min=60,
        heartbeat_at=T0 + timedelta(minutes=12),
        elapsed_s=700.0,
        end_reason=end[reason],
    )
    text = interrupted_offer(record)
    assert_all_wrapped(text)
    assert "Mon 2 Mar" in text and "13:00" in text and "13:12" in text


@pytest.mark.usefixtures("pseudo_on")
def test_the_daily_logs_words_are_wrapped() -> None:
    bad = DailyLog(TODAY, leg_pain=11, otc_doses=60, woken_by_leg_pain=30, notes="x" * 2001)
    problems = bad.problems()
    assert len(problems) == 4
    for text in problems.values():
        assert_all_wrapped(text)
    for kind in MedicationKind:
        assert_all_wrapped(kind.label)
    for treatment in TreatmentKind:
        assert_all_wrapped(treatment.label)
    assert TreatmentKind.NERVE_BLOCK.label == "⟦Nerve block⟧"


@pytest.mark.usefixtures("pseudo_on")
def test_a_logged_walks_problems_are_wrapped() -> None:
    form = WalkForm(
        WalkKind.TRAINING,
        TODAY + timedelta(days=1),
        "",
        symptoms_min="abc",
        rests="x",
        distance_m="far",
    )
    with pytest.raises(FormProblems) as caught:
        walk_from_form(form, datetime(2026, 5, 4, 12, tzinfo=UTC), UTC)
    assert len(caught.value.problems) == 6
    for text in caught.value.problems.values():
        assert_all_wrapped(text)


@pytest.mark.usefixtures("pseudo_on")
@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("", {"low": 0, "high": 50, "whole": True}),
        ("abc", {"low": 0, "high": 50}),
        ("99", {"low": 0, "high": 50, "unit": "minutes"}),
        ("1,500", {"low": 0, "high": 5000}),
        ("1,500", {"low": 0, "high": 50}),
        ("6,5", {"decimal_comma": False}),
        ("1" * 31, {"low": 1}),
        ("-1", {"low": 0, "low_open": True}),
        ("", {"high": 5}),
    ],
)
def test_a_typed_numbers_problem_is_wrapped(text, bounds) -> None:
    if "unit" in bounds:
        bounds = {**bounds, "unit": _(bounds["unit"])}
    rule = NumberRule(_("Rests"), **bounds)  # made when used: its words translated
    with pytest.raises(NumberProblem) as caught:
        read_number(text, rule)
    assert_all_wrapped(caught.value.message)


@pytest.mark.usefixtures("pseudo_on")
def test_a_refused_diarys_problems_are_wrapped() -> None:
    diary = (
        "date,kind,total_walk_min,peak_leg_pain,time_to_symptoms_min,rests,next_day_flare,x\n"
        "2026-02-30,walk,abc,11,-1,x,maybe,\n"
        "2030-01-01,test,6,5,9,,,\n"
        ",test,1,2\n"
    )
    with pytest.raises(DiaryError) as caught:
        parse_diary(diary, source="diary.csv", today=TODAY, tz=UTC)
    assert len(caught.value.problems) >= 8
    for problem in caught.value.problems:
        assert_all_wrapped(problem.message)
        assert_all_wrapped(problem.text("diary.csv").replace("diary.csv", ""))


@pytest.mark.usefixtures("pseudo_on")
def test_the_walk_engines_cues_and_instructions_are_wrapped() -> None:
    for kind in WalkKind:
        rx = replay([walk(0, WalkKind.TEST, tfs=120)], T0 + timedelta(days=1))
        plan = rx if kind is WalkKind.TRAINING else replay([], T0)
        session = walk_engine.WalkSession(plan, 0.0)
        said = [session.view(0.0).instruction]
        events = session.tick(0.0)
        if kind is WalkKind.TRAINING:
            events += session.tick(float(rx.bout_s or 0) + 1)  # a rest
            said.append(session.view(float(rx.bout_s or 0) + 1).instruction)
            events += session.tick(float(rx.bout_s or 0) + 200)
            said.append(session.view(float(rx.bout_s or 0) + 200).instruction)
        else:
            events += session.symptoms_starting(30.0)
            said.append(session.view(30.0).instruction)
        events += session.pause(300.0)
        said.append(session.view(300.0).instruction)
        events += session.resume(310.0)
        events += session.must_stop(320.0)
        said.append(session.view(320.0).instruction)
        said += [e.text for e in events if isinstance(e, walk_engine.Cue)]
        assert len(said) >= 5
        for text in said:
            assert_all_wrapped(text)


@pytest.mark.usefixtures("pseudo_on")
def test_text_size_names_are_wrapped() -> None:
    for size in TextSize:
        assert_all_wrapped(size.label)


def test_the_offer_keeps_its_english(monkeypatch: pytest.MonkeyPatch) -> None:
    record = SessionRecord(
        1,
        "walk",
        "Training walk",
        SessionState.RUNNING,
        T0,
        60,
        T0 + timedelta(minutes=12),
        700.0,
    )
    assert interrupted_offer(record) == (
        "Training walk, started Mon 2 Mar at 13:00, was not finished: the app closed "
        "unexpectedly after 11:40 min. You can save it as ended at 13:12, or discard it."
    )


@pytest.mark.parametrize("language", ["es", "en_US"])
def test_a_signs_json_is_the_source_english_in_every_language(language) -> None:
    walks = walking_tests_on([0, 7, 14], 600) + walking_tests_on([21, 28, 35], 390)
    english = signs.tolerance_falling(walks)
    assert english is not None
    i18n.setup(language, pseudo=True)
    try:
        shown = signs.tolerance_falling(walks)
        assert shown is not None
        assert i18n.is_pseudo_wrapped(shown.text)
        assert shown.to_json() == english.to_json()
        assert shown.to_json()["text"] == english.text
        assert i18n.language() == language and i18n.pseudo()  # the user's language is back
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
