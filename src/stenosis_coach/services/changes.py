"""What a write changed, typed (DESIGN 2, "The next step of the house").

Every write of the :class:`~stenosis_coach.services.coach.Coach` returns a
:class:`Changes`; the window announces it, and each page refreshes only when one of the
kinds it shows changed (and only when it is in view; a hidden page catches up when shown)::

    changes = coach.delete(Kind.WALK, walk_id)    # Changes({Change.WALKS})
    changes.touches({Change.WALKS, Change.DAILY})  # True: the Walk page redraws
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Change(Enum):
    """One kind of recorded data."""

    WALKS = "walks"  # walks and walking tests, logged, corrected, deleted, answered
    ROUTINES = "routines"  # routine sessions (and the interrupted sessions kept at start)
    DAILY = "daily"  # the daily log and treatments
    PLANS = "plans"  # imported plans, the library of exercises and routines, my routine
    SAFETY = "safety"  # symptom checks, red flags, clearances, the welcome
    SETTINGS = "settings"  # the user's preferences
    OUTCOMES = "outcomes"  # questionnaires (the ZCQ, My activities) and the activities named


@dataclass(frozen=True)
class Changes:
    """The kinds of data a write changed. ``everything`` when the data as a whole was
    replaced (a restore, a reopened file): every kind, and whatever was shown of the old
    data is stale."""

    kinds: frozenset[Change] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, *kinds: Change) -> Changes:
        return cls(frozenset(kinds))

    @classmethod
    def all(cls) -> Changes:
        """The whole data was replaced (restore, import of a diary or plan file)."""
        return cls(frozenset(Change), everything=True)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.everything or other.everything)

    def touches(self, kinds: Iterable[Change]) -> bool:
        """Whether any of ``kinds`` (what a page shows) changed."""
        return self.everything or not self.kinds.isdisjoint(kinds)


NOTHING = Changes()
# What the pages that show recorded data follow (what is due reads all of it).
RECORDED = frozenset(Change) - {Change.SETTINGS}
