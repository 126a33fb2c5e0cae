"""``more_rests`` is not fooled by rests the app prescribed (DESIGN 5.4, issue 15): status
counts a live walk's rests that began with a symptom tap, and a diary walk's rests beyond
the planned bouts - 1."""

from datetime import timedelta
from fractions import Fraction

from stenosis_coach.core.clock import utc_offset_minutes
from stenosis_coach.core.progress.signs import RestBasis
from stenosis_coach.core.sessions import SessionEvent
from stenosis_coach.core.walking.model import Walk, WalkKind
from stenosis_coach.core.walking.prescription import replay
from stenosis_coach.services.read_model import ReadModel
from stenosis_coach.services.status import counted_rests
from stenosis_coach.storage.sessions_repo import SessionRepository
from stenosis_coach.storage.walks_repo import WalkRepository


def test_live_walks_count_symptom_taps_and_diary_walks_rests_beyond_the_plan(db, clock):
    now = clock.now()
    test = Walk(now - timedelta(days=3), WalkKind.TEST, Fraction(600), Fraction(300), 3)
    diary = Walk(now - timedelta(days=2), WalkKind.TRAINING, Fraction(900), None, 2, True, 1, 5)
    unknown = Walk(now - timedelta(days=1, hours=2), WalkKind.TRAINING, Fraction(900), None, 2,
                   True, 2)  # fmt: skip
    live = Walk(now - timedelta(days=1), WalkKind.TRAINING, Fraction(900), None, 2, rests=4)
    repo = WalkRepository(db)
    repo.add_recorded(test, None)
    repo.add_imported([diary, unknown], "diary.csv", key=lambda w: w.start)
    sessions = SessionRepository(db)
    sid = sessions.start("walk", "Training walk", live.start, utc_offset_minutes(live.start))
    for n, reason in enumerate(("planned", "symptoms", "planned", "symptoms", "target_reached")):
        data = {"n": n + 1, "walked_s": "120", "reason": reason}
        sessions.add_event(sid, SessionEvent("bout_ended", float(n), live.start, data))
    repo.add_recorded(live, sid)

    found = counted_rests(ReadModel(db), now.date())
    # 4 rests on the live walk, 2 of them after a symptom tap: 2 count
    assert (found[live].count, found[live].basis) == (2, RestBasis.SYMPTOM_TAP)
    # the diary walk: 5 rests, its plan bouts of the prescription it was walked under
    rx = replay([test], diary.start)
    planned = -(-rx.target_total_s // rx.bout_s)
    assert found[diary].basis is RestBasis.BEYOND_PLANNED
    assert found[diary].count == max(0, 5 - (planned - 1)) < 5
    assert unknown not in found  # no rest count: not counted
