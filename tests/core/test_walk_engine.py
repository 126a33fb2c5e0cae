"""The live walk engine (issue 5 "Live coaching", DESIGN 5.1), driven by a fake time value."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

import pytest

from stenosis_coach.core.walking.engine import (
    BoutEnded,
    BoutEndReason,
    BoutStarted,
    Cue,
    Event,
    OfferRedFlagCheck,
    Paused,
    Phase,
    ReadyRefused,
    RestEnded,
    RestStarted,
    Resumed,
    SymptomsStarted,
    WalkActionError,
    WalkFinished,
    WalkSession,
    WalkStarted,
    measured,
)
from stenosis_coach.core.walking.model import Walk, WalkEnd, WalkKind
from stenosis_coach.core.walking.prescription import Prescription

T0 = 12345.678  # a monotonic reading that is not round, so float noise shows up
START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
F = Fraction


def training(bout: int = 240, rest: int = 120, target: int = 900) -> Prescription:
    return Prescription(WalkKind.TRAINING, F(bout), F(rest), F(target), "why")


def walking_test() -> Prescription:
    return Prescription(WalkKind.TEST, None, F(120), F(900), "why")


class Driver:
    """A walk and a fake time value: ``run_to(s)`` ticks every ``step`` up to engine s."""

    def __init__(self, plan: Prescription, step: float = 0.1) -> None:
        self.session = WalkSession(plan, T0)
        self.step = step
        self.s = 0.0  # engine seconds of the last tick or action
        self.events: list[Event] = list(self.session.tick(T0))

    def now(self, s: float) -> float:
        return T0 + s

    def run_to(self, s: float) -> list[Event]:
        got: list[Event] = []
        i = 1
        start = self.s
        while start + i * self.step < s - 1e-9:
            got += self.session.tick(self.now(start + i * self.step))
            i += 1
        got += self.session.tick(self.now(s))
        self.s = s
        self.events += got
        return got

    def do(self, action: str, s: float) -> list[Event]:
        self.run_to(s)
        got = getattr(self.session, action)(self.now(s))
        self.events += got
        return got

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    def cues(self, cue_id: str | None = None) -> list[tuple[str, float]]:
        return [(c.cue_id, c.at_s) for c in self.of(Cue) if cue_id in (None, c.cue_id)]


def full_training_walk(step: float) -> Driver:
    """Bout 240, rest 120, target 900; "ready" after each planned 120 s rest."""
    d = Driver(training(), step)
    d.do("ready", 360)
    d.do("ready", 720)
    d.do("ready", 1080)
    d.run_to(1300)
    return d


def test_full_training_walk_has_exact_bouts_and_a_shortened_last_one():
    d = full_training_walk(0.1)
    assert isinstance(d.events[0], WalkStarted)
    assert [e.planned_s for e in d.of(BoutStarted)] == [240, 240, 240, 180]
    ended = d.of(BoutEnded)
    assert [e.walked_s for e in ended] == [240, 240, 240, 180]
    assert all(type(e.walked_s) is Fraction for e in ended)
    assert [e.reason for e in ended] == [BoutEndReason.PLANNED] * 3 + [BoutEndReason.TARGET_REACHED]
    assert [e.t_s for e in ended] == pytest.approx([240, 600, 960, 1260], abs=1e-9)
    assert [e.n for e in d.of(RestStarted)] == [1, 2, 3]
    assert [e.rested_s for e in d.of(RestEnded)] == [120, 120, 120]
    assert d.of(WalkFinished) == [WalkFinished(ended[-1].t_s, WalkEnd.COMPLETED)]
    assert not d.of(OfferRedFlagCheck)
    assert d.session.phase == Phase.FINISHED
    walk = d.session.result(2, START)
    assert walk == Walk(
        start=START,
        kind=WalkKind.TRAINING,
        total_walk_s=F(900),
        tfs_s=None,
        peak_leg_pain=2,
        rests=3,
        ended_by=WalkEnd.COMPLETED,
    )


def test_cues_come_exactly_on_the_engine_timeline():
    d = full_training_walk(0.1)
    expected = [
        ("start_walking", 0),
        ("find_a_seat_soon", 210),
        ("time_to_rest", 240),
        ("ready_when_you_are", 300),
        ("start_walking", 360),
        ("find_a_seat_soon", 570),
        ("time_to_rest", 600),
        ("ready_when_you_are", 660),
        ("start_walking", 720),
        ("find_a_seat_soon", 930),
        ("time_to_rest", 960),
        ("ready_when_you_are", 1020),
        ("start_walking", 1080),
        ("find_a_seat_soon", 1230),  # 30 s before the shortened last bout ends
        ("walk_complete", 1260),
    ]
    got = d.cues()
    assert [c for c, _ in got] == [c for c, _ in expected]
    assert [t for _, t in got] == pytest.approx([t for _, t in expected], abs=1e-9)


@pytest.mark.parametrize("step", [0.25, 1.0, 7.0, 1000.0])
def test_the_same_events_whatever_the_tick_interval(step):
    fine = full_training_walk(0.1)
    coarse = full_training_walk(step)
    assert coarse.cues() == fine.cues()
    assert coarse.events == fine.events


def test_one_late_tick_fires_every_timer_with_its_due_time():
    s = WalkSession(training(), T0)
    s.tick(T0)
    got = s.tick(T0 + 5000)
    assert [type(e).__name__ for e in got] == [
        "Cue",
        "BoutEnded",
        "RestStarted",
        "Cue",
        "Cue",
        "RestEnded",
        "WalkFinished",
        "OfferRedFlagCheck",
    ]
    assert [e.t_s for e in got] == pytest.approx([210, 240, 240, 240, 300, 840, 840, 840])


def test_a_boundary_reached_on_a_noisy_float_reading_ends_the_bout_there():
    s = WalkSession(training(), T0)
    s.tick(T0)
    got = s.tick(T0 + 240)  # T0 + 240 - T0 is not exactly 240.0 as a float
    ended = [e for e in got if isinstance(e, BoutEnded)]
    assert ended == [BoutEnded(240.0, 1, F(240), BoutEndReason.PLANNED)]
    assert s.tick(T0 + 240) == []


def test_no_warning_for_a_bout_of_30_s_or_less():
    d = Driver(training(bout=240, target=270))  # the last bout is 30 s
    d.do("ready", 300)
    d.run_to(400)
    assert [e.planned_s for e in d.of(BoutStarted)] == [240, 30]
    assert d.cues("find_a_seat_soon") == [("find_a_seat_soon", pytest.approx(210))]
    assert d.session.result(0, START).total_walk_s == 270


def test_ready_is_refused_before_60_s_of_rest_and_accepted_from_60_s():
    d = Driver(training())
    d.run_to(299.9)  # 59.9 s of rest
    view = d.session.view(d.now(299.9))
    assert view.phase == Phase.RESTING and not view.ready_allowed
    assert view.ready_in_s == pytest.approx(0.1)
    got = d.do("ready", 299.9)
    assert len(got) == 1 and isinstance(got[0], ReadyRefused)
    assert got[0].wait_s == pytest.approx(0.1)
    assert d.session.phase == Phase.RESTING
    got = d.do("ready", 300)
    assert d.cues("ready_when_you_are") == [("ready_when_you_are", pytest.approx(300))]
    assert [type(e) for e in got] == [RestEnded, BoutStarted, Cue]
    assert got[0] == RestEnded(pytest.approx(300), 1, F(60))
    assert got[1].n == 2 and got[1].planned_s == 240
    assert d.session.phase == Phase.WALKING


def test_ten_minutes_of_rest_without_easing_ends_the_walk_and_offers_the_red_flag_check():
    d = Driver(training())
    d.run_to(839.9)
    assert d.session.phase == Phase.RESTING
    got = d.run_to(840)
    assert [type(e) for e in got] == [RestEnded, WalkFinished, OfferRedFlagCheck]
    assert got[0].rested_s == 600
    assert got[1].end == WalkEnd.REST_NOT_EASING
    assert got[2].reason == WalkEnd.REST_NOT_EASING
    assert [e.t_s for e in got] == pytest.approx([840, 840, 840])
    walk = d.session.result(6, START)
    assert (walk.total_walk_s, walk.tfs_s, walk.rests) == (240, None, 1)
    assert walk.ended_by == WalkEnd.REST_NOT_EASING
    with pytest.raises(WalkActionError):
        d.session.ready(d.now(841))


def test_symptoms_in_the_first_bout_record_tfs_end_the_bout_and_start_a_rest():
    d = Driver(training())
    got = d.do("symptoms_starting", 100.04)
    assert [type(e) for e in got] == [SymptomsStarted, BoutEnded, RestStarted, Cue]
    assert got[0].tfs_s == F(100)  # 100.04 s stored to the nearest 0.1 s
    assert got[1].walked_s == F(100) and got[1].reason == BoutEndReason.SYMPTOMS
    assert got[3].cue_id == "time_to_rest" and got[3].at_s == pytest.approx(100.04)
    assert not d.cues("find_a_seat_soon")  # the bout ended before its warning
    d.do("ready", 200.04)
    d.do("ready", 500.04)  # bout 2 ended at 440.04
    d.do("ready", 800.04)
    d.do("ready", 1100.04)  # bout 4 ended at 1040.04; 80 s are left
    d.run_to(2000)
    assert [e.walked_s for e in d.of(BoutEnded)] == [100, 240, 240, 240, 80]
    walk = d.session.result(4, START)
    assert (walk.total_walk_s, walk.tfs_s, walk.rests) == (900, 100, 4)


def test_symptoms_in_a_later_bout_count_only_walking_seconds():
    d = Driver(training())
    d.do("ready", 400)  # a 160 s rest
    got = d.do("symptoms_starting", 450.26)  # 50.26 s into bout 2
    assert got[0] == SymptomsStarted(pytest.approx(450.26), F(2903, 10))
    d.do("ready", 520)
    d.do("symptoms_starting", 530)  # a second tap: a shorter bout, no new TFS
    assert len(d.of(SymptomsStarted)) == 1
    d.do("ready", 600)
    d.do("ready", 900)
    d.do("ready", 1200)
    d.run_to(2000)
    walked = [e.walked_s for e in d.of(BoutEnded)]
    assert walked == [240, F(503, 10), 10, 240, 240, F(1197, 10)]  # the last one shortened
    walk = d.session.result(3, START)
    assert walk.tfs_s == F(2903, 10) and walk.total_walk_s == 900 and walk.rests == 5


def test_symptoms_tapped_during_a_rest_record_the_walking_seconds_so_far():
    d = Driver(training())
    got = d.do("symptoms_starting", 250)
    assert got == [SymptomsStarted(pytest.approx(250), F(240))]
    assert d.session.phase == Phase.RESTING


def test_pause_during_a_bout_counts_as_neither_walking_nor_rest():
    d = Driver(training())
    d.do("pause", 100)
    view = d.session.view(d.now(130))
    assert (view.phase, view.paused_in) == (Phase.PAUSED, Phase.WALKING)
    assert view.timer_s == pytest.approx(100)
    assert "Paused" in view.instruction
    got = d.do("resume", 145)
    assert got == [Resumed(pytest.approx(145), pytest.approx(45))]
    d.run_to(400)
    assert d.cues("find_a_seat_soon")[0][1] == pytest.approx(255)
    (ended,) = d.of(BoutEnded)
    assert ended.t_s == pytest.approx(285) and ended.walked_s == 240
    assert [type(e) for e in d.of(Paused)] == [Paused]


def test_pause_during_a_rest_counts_as_neither_walking_nor_rest():
    d = Driver(training())
    d.do("pause", 270)  # 30 s into the rest
    d.do("resume", 370)
    view = d.session.view(d.now(385))
    assert view.rest_s == pytest.approx(45) and view.total_walked_s == 240
    assert isinstance(d.do("ready", 385)[0], ReadyRefused)
    assert d.do("ready", 400)[0] == RestEnded(pytest.approx(400), 1, F(60))
    assert d.cues("ready_when_you_are") == [("ready_when_you_are", pytest.approx(400))]


def test_the_rest_limit_skips_pauses():
    d = Driver(training())
    d.do("pause", 300)
    d.do("resume", 400)
    d.run_to(939.9)
    assert d.session.phase == Phase.RESTING
    d.run_to(940)
    assert d.of(WalkFinished) == [WalkFinished(pytest.approx(940), WalkEnd.REST_NOT_EASING)]


def test_symptoms_while_a_bout_is_paused_end_it_and_the_rest_waits_for_resume():
    d = Driver(training())
    d.do("pause", 100)
    d.do("symptoms_starting", 110)
    assert d.of(SymptomsStarted)[0].tfs_s == 100
    assert d.of(BoutEnded)[0].walked_s == 100
    view = d.session.view(d.now(150))
    assert (view.phase, view.paused_in, view.rest_s) == (Phase.PAUSED, Phase.RESTING, 0)
    assert d.do("resume", 150) == [Resumed(pytest.approx(150), pytest.approx(50))]
    assert d.session.view(d.now(160)).rest_s == pytest.approx(10)


def test_must_stop_ends_the_walk_and_offers_the_red_flag_check():
    d = Driver(training())
    d.do("ready", 330)
    got = d.do("must_stop", 400.33)
    assert [type(e) for e in got] == [BoutEnded, WalkFinished, OfferRedFlagCheck]
    assert got[0].walked_s == F(703, 10) and got[0].reason == BoutEndReason.MUST_STOP
    assert got[1].end == got[2].reason == WalkEnd.MUST_STOP
    assert not d.cues("walk_complete")
    walk = d.session.result(8, START)
    assert (walk.total_walk_s, walk.tfs_s, walk.rests) == (F(3103, 10), None, 1)
    assert walk.ended_by == WalkEnd.MUST_STOP
    assert d.session.tick(d.now(500)) == []
    view = d.session.view(d.now(500))
    assert view.phase == Phase.FINISHED and "safety questions" in view.instruction
    for action in ("ready", "pause", "resume", "symptoms_starting", "must_stop", "need_to_stop"):
        with pytest.raises(WalkActionError):
            getattr(d.session, action)(d.now(500))


def test_must_stop_during_a_rest_closes_the_rest():
    d = Driver(training())
    got = d.do("must_stop", 300)
    assert [type(e) for e in got] == [RestEnded, WalkFinished, OfferRedFlagCheck]
    assert got[0].rested_s == 60


def test_need_to_stop_ends_a_training_walk_early():
    d = Driver(training())
    got = d.do("need_to_stop", 60)
    assert [type(e) for e in got] == [BoutEnded, WalkFinished]
    assert got[1].end == WalkEnd.STOPPED
    walk = d.session.result(1, START)
    assert (walk.total_walk_s, walk.rests, walk.ended_by) == (60, 0, WalkEnd.STOPPED)


def test_walking_test_symptom_tap_then_need_to_stop():
    d = Driver(walking_test())
    assert d.of(BoutStarted) == [BoutStarted(0.0, 1, None)]
    view = d.session.view(d.now(10))
    assert "Symptoms starting" in view.instruction and view.target_s is None
    got = d.do("symptoms_starting", 300.0)
    assert got == [SymptomsStarted(pytest.approx(300), F(300))]
    assert d.session.phase == Phase.WALKING  # a test keeps going after the tap
    assert d.do("symptoms_starting", 320) == []  # recorded once
    view = d.session.view(d.now(450))
    assert view.timer_s == pytest.approx(450) and view.progress == pytest.approx(0.25)
    assert view.instruction.startswith("Keep going")
    got = d.do("need_to_stop", 480.06)
    assert [type(e) for e in got] == [BoutEnded, Cue, WalkFinished]
    assert got[0].walked_s == F(4801, 10) and got[0].reason == BoutEndReason.NEED_TO_STOP
    assert got[1].cue_id == "walk_complete" and got[2].end == WalkEnd.COMPLETED
    assert d.session.result(3, START) == Walk(
        start=START,
        kind=WalkKind.TEST,
        total_walk_s=F(4801, 10),
        tfs_s=F(300),
        peak_leg_pain=3,
        rests=0,
        ended_by=WalkEnd.COMPLETED,
    )


def test_walking_test_ends_itself_at_30_minutes_of_walking():
    d = Driver(walking_test(), step=1.0)
    d.do("pause", 600)
    d.do("resume", 660)  # a minute's pause does not count
    d.run_to(1859)
    assert d.session.phase == Phase.WALKING
    got = d.run_to(1861)
    assert [type(e) for e in got] == [BoutEnded, Cue, WalkFinished]
    assert got[0] == BoutEnded(pytest.approx(1860), 1, F(1800), BoutEndReason.TIME_LIMIT)
    assert got[1].cue_id == "test_time_limit" and got[1].at_s == pytest.approx(1860)
    assert not d.cues("walk_complete")
    walk = d.session.result(0, START)
    assert (walk.total_walk_s, walk.tfs_s, walk.ended_by) == (1800, None, WalkEnd.COMPLETED)


def test_view_of_a_training_walk():
    d = Driver(training())
    v = d.session.view(d.now(100))
    assert (v.phase, v.bout_n, v.bout_planned_s, v.target_s) == (Phase.WALKING, 1, 240, 900)
    assert v.timer_s == pytest.approx(100) and v.bout_left_s == pytest.approx(140)
    assert v.progress == pytest.approx(100 / 900)
    assert v.instruction == "Walk at a comfortable pace. I'll tell you when to rest."
    d.do("ready", 400)
    d.run_to(500)
    v = d.session.view(d.now(500))
    assert (v.bouts_done, v.rests_taken, v.tfs_s) == (1, 1, None)
    assert v.timer_s == pytest.approx(100) and v.total_walked_s == pytest.approx(340)
    d.run_to(700)
    v = d.session.view(d.now(700))
    assert v.phase == Phase.RESTING and v.rest_s == pytest.approx(60) and v.ready_allowed
    assert v.instruction.startswith("Sit down or lean forward until your legs settle.")
    assert v.rest_planned_s == 120 and v.bout_left_s is None


def test_measured_rounds_to_the_nearest_tenth_halves_up():
    assert measured(239.97) == 240
    assert measured(100.04) == 100
    assert measured(0.25) == F(3, 10)  # an exact half goes up
    assert measured(-1e-9) == 0
    assert type(measured(12.0)) is Fraction


def test_wrong_actions_and_bad_inputs_are_refused_clearly():
    s = WalkSession(training(), T0)
    s.tick(T0)
    with pytest.raises(WalkActionError, match="walking"):
        s.ready(T0 + 10)
    with pytest.raises(WalkActionError):
        s.resume(T0 + 10)
    with pytest.raises(WalkActionError, match="not finished"):
        s.result(0, START)
    with pytest.raises(ValueError, match="backwards"):
        s.tick(T0 + 5)
    s.pause(T0 + 20)
    with pytest.raises(WalkActionError):
        s.pause(T0 + 21)
    s.need_to_stop(T0 + 22)
    with pytest.raises(ValueError, match="0 to 10"):
        s.result(11, START)
    with pytest.raises(ValueError, match="timezone"):
        s.result(1, datetime(2026, 3, 2, 9, 30))
    with pytest.raises(ValueError, match="bout"):
        WalkSession(Prescription(WalkKind.TRAINING, None, F(120), F(900), ""), T0)


def test_symptoms_that_end_the_last_bout_at_the_target_complete_the_walk():
    d = Driver(training(bout=240, target=300))
    d.do("ready", 300)  # the last bout is 60 s, due to end at 360
    got = d.do("symptoms_starting", 359.97)  # stored as 60.0 s: the target is met
    assert [type(e) for e in got] == [SymptomsStarted, BoutEnded, Cue, WalkFinished]
    assert got[0].tfs_s == 300 and got[1].walked_s == 60
    assert got[1].reason == BoutEndReason.SYMPTOMS and got[3].end == WalkEnd.COMPLETED
    walk = d.session.result(3, START)
    assert (walk.total_walk_s, walk.tfs_s, walk.rests) == (300, 300, 1)


def test_a_pause_in_a_walking_test_is_left_out_of_tfs_and_total():
    d = Driver(walking_test())
    d.do("pause", 100)
    d.do("resume", 160)
    assert d.do("symptoms_starting", 260)[0].tfs_s == 200
    d.do("need_to_stop", 400)
    walk = d.session.result(5, START)
    assert (walk.total_walk_s, walk.tfs_s, walk.rests) == (340, 200, 0)
