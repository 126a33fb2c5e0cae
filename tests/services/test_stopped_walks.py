"""Walks stopped before their summary wait for it at the next start (issue 12), read through
storage: offered until kept, left unsaved or discarded."""

from __future__ import annotations

from fractions import Fraction

from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.services import stopped_walks
from stenosis_coach.services.walk_sessions import WalkRecording

PLAN = Prescription(WalkKind.TRAINING, Fraction(240), Fraction(120), Fraction(1200), "")


def stopped(db, clock) -> int:
    live = WalkRecording(db, clock, PLAN)
    session_id = live.start()
    clock.advance(90)
    stopped_walks.stop_waiting(live)
    return session_id


def test_a_walk_stopped_before_its_summary_waits_until_left_unsaved(db, clock):
    first = stopped(db, clock)
    clock.advance(600)
    second = stopped(db, clock)
    assert [s.id for s in stopped_walks.waiting_walks(db)] == [first, second]  # oldest first
    session = stopped_walks.waiting_walks(db)[0]
    stopped_walks.not_kept(db, session)
    assert [s.id for s in stopped_walks.waiting_walks(db)] == [second]
    assert not stopped_walks.is_waiting(db, first)
    stopped_walks.discard(db, second)
    assert stopped_walks.waiting_walks(db) == []


def test_a_walk_that_ended_normally_never_waits(db, clock):
    live = WalkRecording(db, clock, PLAN)
    live.start()
    clock.advance(90)
    live.discard()  # its summary left without saving: stopped, not waiting
    assert stopped_walks.waiting_walks(db) == []
