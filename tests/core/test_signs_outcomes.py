"""DESIGN 5.4, December 2026: leg_more_than_back, repeated_flares, activities_dropped,
more_rests counting only rests the app did not prescribe, brief_relief from the relief
record (5.10). Each sign at its threshold edge."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

import pytest

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import STOPPED, Answer, Questionnaire, SinceTreatment
from stenosis_coach.core.progress.signs import (
    CountedRests,
    RestBasis,
    SignCode,
    activities_dropped,
    brief_relief,
    diary_rests,
    leg_more_than_back,
    more_rests,
    repeated_flares,
    specialist_signs,
    symptom_rests,
)
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.i18n import is_pseudo_wrapped

TODAY = date(2026, 5, 4)  # a Monday


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def walk(
    day: date,
    kind: WalkKind = WalkKind.TRAINING,
    rests: int | None = 2,
    pain: int = 4,
    next_day_flare: bool = False,
    ended_by: WalkEnd = WalkEnd.COMPLETED,
    seq: int = 0,
) -> Walk:
    return Walk(
        start=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        kind=kind,
        total_walk_s=Fraction(900),
        tfs_s=Fraction(600),
        peak_leg_pain=pain,
        rests=rests,
        next_day_flare=next_day_flare,
        ended_by=ended_by,
        seq=seq,
    )


# ---- leg_more_than_back ------------------------------------------------------------------


def pain_days(leg: list[int], back: list[int], first_ago: int = 0) -> list[DailyLog]:
    return [
        DailyLog(ago(first_ago + i), leg_pain=lp, back_pain=bp)
        for i, (lp, bp) in enumerate(zip(leg, back, strict=True))
    ]


@pytest.mark.parametrize(
    ("leg", "back", "present"),
    [
        ([4] * 7, [2] * 7, True),  # median 4 >= 4 and >= 2 + 2: both exactly
        ([3] * 7, [1] * 7, False),  # leg 3 < 4
        ([5] * 7, [4] * 7, False),  # 5 < 4 + 2
        ([6] * 7, [4] * 7, True),  # 6 = 4 + 2
        ([6] * 6, [1] * 6, False),  # only 6 logged days
        ([4, 4, 4, 3, 3, 3, 3, 4], [2] * 8, False),  # median leg 3.5
    ],
)
def test_leg_more_than_back_edge(leg, back, present):
    sign = leg_more_than_back(pain_days(leg, back), TODAY)
    assert (sign is not None) is present
    if sign is not None:
        assert sign.code == SignCode.LEG_MORE_THAN_BACK
        assert "leg pain" in sign.text.lower() and "back" in sign.text.lower()


def test_leg_more_than_back_only_the_last_14_days_with_both_recorded():
    old = pain_days([9] * 7, [0] * 7, first_ago=14)  # 14-20 days ago: outside
    assert leg_more_than_back(old, TODAY) is None
    half = [DailyLog(ago(i), leg_pain=8) for i in range(7)]  # no back pain recorded
    assert leg_more_than_back(half, TODAY) is None
    recent = pain_days([7] * 7, [2] * 7, first_ago=7)  # 7-13 days ago: inside
    sign = leg_more_than_back(recent, TODAY)
    assert sign is not None
    assert sign.text == (
        "Over the last 14 days your leg pain (typically 7 out of 10) has been limiting you "
        "more than back soreness (typically 2 out of 10)."
    )


# ---- repeated_flares --------------------------------------------------------------------


def flare(day: date) -> Walk:
    return walk(day, pain=7)


def test_repeated_flares_needs_two_and_more_than_before():
    assert repeated_flares([flare(ago(1)), flare(ago(3))], TODAY, UTC) is not None
    assert repeated_flares([flare(ago(1))], TODAY, UTC) is None
    before = [flare(ago(15)), flare(ago(20))]
    assert repeated_flares([flare(ago(1)), flare(ago(3)), *before], TODAY, UTC) is None
    three = [flare(ago(1)), flare(ago(3)), flare(ago(13)), *before]
    sign = repeated_flares(three, TODAY, UTC)
    assert sign is not None and sign.code == SignCode.REPEATED_FLARES
    assert sign.text == (
        "You had 3 flare-ups on your walks in the last 14 days, up from 2 in the 14 days before."
    )


def test_a_flare_is_design_51s_flare():
    walks = [
        walk(ago(1), pain=6),  # not a flare at 7
        walk(ago(2), next_day_flare=True),
        walk(ago(3), ended_by=WalkEnd.MUST_STOP, kind=WalkKind.TEST),
    ]
    assert repeated_flares(walks, TODAY, UTC) is not None
    assert repeated_flares(walks[:2], TODAY, UTC) is None
    # a plan's flare_pain of 6 makes the first one a flare too
    assert repeated_flares(walks[:2], TODAY, UTC, flare_pain=6) is not None
    assert repeated_flares([walk(ago(14), pain=9), walk(ago(2), pain=9)], TODAY, UTC) is None


# ---- activities_dropped -----------------------------------------------------------------


def psfs(day: date, **answers: Answer) -> Questionnaire:
    return Questionnaire(day, "psfs", {k.replace("_", " "): v for k, v in answers.items()})


def test_activities_dropped_by_two_points_exactly():
    earlier = psfs(ago(40), cooking=6, shopping=5)
    sign = activities_dropped([earlier, psfs(ago(5), cooking=4, shopping=3)], TODAY)
    assert sign is not None and sign.code == SignCode.ACTIVITIES_DROPPED
    assert sign.text == (
        "Your ratings of the activities you chose dropped from 5.5 to 3.5 out of 10 on Wed 29 Apr."
    )
    assert activities_dropped([earlier, psfs(ago(5), cooking=4, shopping=4)], TODAY) is None


def test_activities_dropped_compares_the_latest_with_the_one_before():
    qs = [psfs(ago(60), cooking=9), psfs(ago(30), cooking=5), psfs(ago(2), cooking=4)]
    assert activities_dropped(qs, TODAY) is None
    future = psfs(TODAY + timedelta(days=1), cooking=0)
    assert activities_dropped([*qs, future], TODAY) is None  # only up to today


def test_an_activity_stopped_is_a_sign():
    qs = [psfs(ago(30), cooking=5, gardening=3), psfs(ago(2), cooking=5, gardening=STOPPED)]
    sign = activities_dropped(qs, TODAY)
    assert sign is not None
    assert sign.text == "On Sat 2 May you marked that you have stopped doing: gardening."
    assert sign.to_json()["text"] == sign.text
    # stopped long ago and not rated since: the latest has no stopped activity
    assert activities_dropped([*qs, psfs(ago(1), cooking=5)], TODAY) is None


def test_a_zcq_is_not_an_activity_rating():
    qs = [psfs(ago(30), cooking=8), Questionnaire(ago(2), "zcq", {"s1": 5})]
    assert activities_dropped(qs, TODAY) is None


# ---- more_rests: only the rests the app did not prescribe --------------------------------


def spans(before: list[int], now: list[int]) -> list[Walk]:
    earlier = [walk(ago(14 + i), rests=r, seq=i) for i, r in enumerate(before)]
    later = [walk(ago(i), rests=r, seq=10 + i) for i, r in enumerate(now)]
    return earlier + later


def test_more_bouts_prescribed_do_not_make_more_rests():
    walks = spans([2, 2, 2], [4, 4, 4])  # the plan went from 3 bouts to 5
    bouts = {w: (3 if w.start.date() < ago(13) else 5) for w in walks}
    assert more_rests(walks, TODAY, UTC) is not None  # the old count is fooled

    def counted(w: Walk) -> CountedRests:
        assert w.rests is not None
        return diary_rests(w.rests, bouts[w])

    assert more_rests(walks, TODAY, UTC, counted_rests=counted) is None


def test_rests_beyond_the_planned_bouts_say_so():
    walks = spans([2, 2, 2], [4, 4, 4])

    def counted(w: Walk) -> CountedRests:
        assert w.rests is not None
        return diary_rests(w.rests, 3)  # 2 planned rests

    sign = more_rests(walks, TODAY, UTC, counted_rests=counted)
    assert sign is not None and sign.code == SignCode.MORE_RESTS
    assert sign.text == (
        "Your training walks have needed more rests than planned: 2 extra on a typical walk "
        "in the last 14 days, up from 0 in the 14 days before."
    )


def test_rests_begun_by_a_symptom_tap_say_so():
    walks = spans([0, 0, 1], [1, 1, 2])
    sign = more_rests(walks, TODAY, UTC, counted_rests=lambda w: symptom_rests(w.rests or 0))
    assert sign is not None
    assert sign.text == (
        "Your training walks have needed more rests because symptoms started: 1 on a "
        "typical walk in the last 14 days, up from 0 in the 14 days before."
    )


def test_both_kinds_of_rest_say_both_and_unknown_walks_are_not_counted():
    walks = spans([0, 0, 0, 0], [1, 1, 1, 9])

    def counted(w: Walk) -> CountedRests | None:
        if w.rests == 9:
            return None  # nothing known of this walk's plan
        return symptom_rests(w.rests or 0) if w.seq % 2 else diary_rests(w.rests or 0, 1)

    sign = more_rests(walks, TODAY, UTC, counted_rests=counted)
    assert sign is not None
    assert "because symptoms started or beyond the planned ones" in sign.text
    assert sign.text.startswith("Your training walks have needed more rests")


def test_diary_rests_never_below_zero():
    assert diary_rests(1, 4) == CountedRests(0, RestBasis.BEYOND_PLANNED)
    assert diary_rests(3, 1) == CountedRests(3, RestBasis.BEYOND_PLANNED)
    assert diary_rests(3, 0) == CountedRests(3, RestBasis.BEYOND_PLANNED)


# ---- brief_relief from the relief record (DESIGN 5.10) -----------------------------------

T = date(2026, 3, 22)


def relief_logs(after: dict[int, int]) -> list[DailyLog]:
    before = [DailyLog(T - timedelta(days=n), leg_pain=6) for n in range(1, 15)]
    return before + [DailyLog(T + timedelta(days=n), leg_pain=p) for n, p in after.items()]


EPIDURAL = TreatmentEvent(T, TreatmentKind.EPIDURAL_INJECTION)


def test_relief_that_ended_within_42_days_is_brief():
    logs = relief_logs({n: 2 for n in range(1, 11)} | {11: 6, 12: 6, 13: 5})
    sign = brief_relief([], [EPIDURAL], UTC, logs=logs)
    assert sign is not None and sign.code == SignCode.BRIEF_RELIEF
    assert sign.text == (
        "After your epidural injection on Sun 22 Mar, your leg pain eased for 10 days, "
        "then came back close to where it was before."
    )


def test_relief_still_there_at_day_42_is_not_brief():
    logs = relief_logs({n: 2 for n in range(1, 43)} | {43: 6, 44: 6, 45: 6})
    assert brief_relief([], [EPIDURAL], UTC, logs=logs) is None


def test_no_relief_at_all_is_not_brief_relief():
    logs = relief_logs({n: 6 for n in range(1, 10)})
    assert brief_relief([], [EPIDURAL], UTC, logs=logs) is None
    logs = relief_logs({1: 5, 2: 5, 3: 5, 4: 6})  # never below baseline - 1
    assert brief_relief([], [EPIDURAL], UTC, logs=logs) is None


def test_the_patients_answers_alone_can_show_brief_relief():
    def on(n: int) -> date:
        return T + timedelta(days=n)

    better, same, worse = SinceTreatment.BETTER, SinceTreatment.SAME, SinceTreatment.WORSE
    answers = {on(1): better, on(2): SinceTreatment.MUCH_BETTER, on(5): same}
    answers |= {on(6): worse, on(9): same}
    sign = brief_relief([], [EPIDURAL], UTC, relief_answers=answers)
    assert sign is not None
    assert sign.text == (
        "After your epidural injection on Sun 22 Mar, you felt better for 4 days, then no "
        "better than before."
    )
    short = {on(1): better, on(5): same, on(6): worse}  # only 2 answers back
    assert brief_relief([], [EPIDURAL], UTC, relief_answers=short) is None
    never = {on(1): same, on(2): same, on(3): same}  # never better
    assert brief_relief([], [EPIDURAL], UTC, relief_answers=never) is None
    late = {on(1): better, on(41): same, on(42): same, on(43): same}  # day 43 not asked
    assert brief_relief([], [EPIDURAL], UTC, relief_answers=late) is None


def test_kinds_without_a_relief_record_do_not_use_it():
    logs = relief_logs({n: 2 for n in range(1, 11)} | {11: 6, 12: 6, 13: 5})
    pt = TreatmentEvent(T, TreatmentKind.PT_START)
    assert brief_relief([], [pt], UTC, logs=logs) is None
    block = TreatmentEvent(T, TreatmentKind.NERVE_BLOCK)
    assert brief_relief([], [block], UTC, logs=logs) is not None


# ---- all together ------------------------------------------------------------------------


def test_specialist_signs_gives_the_new_signs_in_design_order():
    logs = pain_days([7] * 7, [2] * 7)
    walks = [flare(ago(1)), flare(ago(3))]
    qs = [psfs(ago(30), cooking=5), psfs(ago(2), cooking=STOPPED)]
    signs = specialist_signs(walks, [], [], [], TODAY, UTC, logs=logs, questionnaires=qs)
    assert [s.code for s in signs] == [
        SignCode.LEG_MORE_THAN_BACK,
        SignCode.REPEATED_FLARES,
        SignCode.ACTIVITIES_DROPPED,
    ]
    assert specialist_signs(walks, [], [], [], TODAY, UTC)[0].code == SignCode.REPEATED_FLARES


def test_new_sentences_are_translated_and_json_keeps_the_english(pseudo):
    logs = pain_days([7] * 7, [2] * 7) + relief_logs(
        {n: 2 for n in range(1, 11)} | {11: 6, 12: 6, 13: 5}
    )
    walks = [flare(ago(1)), flare(ago(3))]
    qs = [psfs(ago(30), cooking=5), psfs(ago(2), cooking=STOPPED)]
    signs = specialist_signs(walks, [], [EPIDURAL], [], TODAY, UTC, logs=logs, questionnaires=qs)
    assert {s.code for s in signs} >= {
        SignCode.BRIEF_RELIEF,
        SignCode.LEG_MORE_THAN_BACK,
        SignCode.REPEATED_FLARES,
        SignCode.ACTIVITIES_DROPPED,
    }
    for sign in signs:
        assert is_pseudo_wrapped(sign.text), sign.text
        assert "\u27e6" not in sign.to_json()["text"]
