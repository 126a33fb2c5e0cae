"""One walk, as every walking rule sees it (recorded live or imported from a diary).

Durations are exact (:class:`fractions.Fraction` seconds): DESIGN 5.1 and 5.3 are
contracts computed in exact arithmetic, and "6.5 min" must stay exactly 390 s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from fractions import Fraction


class WalkKind(StrEnum):
    TEST = "test"  # walking test: measures tolerance (DESIGN 5.1, Tomkins 2009)
    TRAINING = "training"  # training walk: bouts and planned rests


class WalkEnd(StrEnum):
    COMPLETED = "completed"  # target reached (training) or the patient needed to stop (test)
    MUST_STOP = "must_stop"  # "Must stop" pressed: counts as a flare (DESIGN 5.1)
    REST_NOT_EASING = "rest_not_easing"  # 10 min of rest without easing (DESIGN 5.1)
    STOPPED = "stopped"  # ended early for another reason


@dataclass(frozen=True)
class Walk:
    """A finished walk.

    ``start`` is timezone-aware. ``tfs_s`` is the time to first symptoms in walking
    seconds (rests and pauses excluded), ``None`` when symptoms never came;
    ``total_walk_s`` is walking seconds, rests and pauses excluded. ``seq`` orders walks
    that start at the same moment: the replay sorts by ``(start, imported, seq)``, so
    recorded walks come before imported ones, then in import order (DESIGN 5.1).
    """

    start: datetime
    kind: WalkKind
    total_walk_s: Fraction
    tfs_s: Fraction | None
    peak_leg_pain: int
    imported: bool = False
    seq: int = 0
    rests: int | None = None
    next_day_flare: bool = False
    ended_by: WalkEnd = WalkEnd.COMPLETED
    distance_m: Fraction | None = None
    notes: str = ""

    @property
    def tolerance_s(self) -> Fraction:
        """DESIGN 5.1: a test walk's TFS, or its total walking time when symptoms never came
        (then a lower bound)."""
        return self.tfs_s if self.tfs_s is not None else self.total_walk_s

    @property
    def sort_key(self) -> tuple[datetime, bool, int]:
        return (self.start, self.imported, self.seq)


def replay_order(walks: list[Walk]) -> list[Walk]:
    """Walks in the order DESIGN 5.1 replays them."""
    return sorted(walks, key=lambda w: w.sort_key)


@dataclass(frozen=True)
class LinkedWalk:
    """A walk to store with its links: the session that recorded it (its id among the
    sessions stored with it), or the diary file it came from (``source``) and its place
    there (``import_seq``). A data folder's walks and the demo's are stored as these."""

    walk: Walk
    session_id: int | None = None
    import_seq: int = 0
    source: str = ""


@dataclass(frozen=True)
class StoredWalk:
    """A walk with its database id (for history, editing and deleting)."""

    id: int
    walk: Walk
    source: str = ""
