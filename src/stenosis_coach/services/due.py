"""What is due now (DESIGN 5.7): asks :mod:`core.due` with what the read model holds.

Today, the Walk page, ``status`` and ``due`` all call :func:`due_for` (or :func:`due_at`),
so they give one answer.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.due import Due, DueInputs, what_is_due
from stenosis_coach.core.walking.model import Walk
from stenosis_coach.services.read_model import ROUTINE_SESSION as ROUTINE_SESSION
from stenosis_coach.services.read_model import ReadModel
from stenosis_coach.storage.database import Database


def gather(db: Database, at: datetime, walks: list[Walk] | None = None) -> DueInputs:
    """Everything :func:`core.due.what_is_due` needs, read from storage (``walks`` when the
    caller has them already)."""
    model = ReadModel(db)
    if walks is not None:
        model.walks = walks
    return model.due_inputs(at)


def due_for(model: ReadModel, at: datetime, tz: tzinfo = LOCAL) -> Due:
    """What is due at ``at`` (aware), in local time ``tz`` (DESIGN 5.7), from ``model``:
    worked out once per moment and zone in its generation."""
    return model.memo(("due", at, tz), lambda: what_is_due(model.due_inputs(at), at, tz))


def due_at(db: Database, at: datetime, tz: tzinfo = LOCAL, walks: list[Walk] | None = None) -> Due:
    """What is due at ``at`` (aware), in local time ``tz``, read from ``db`` now."""
    return what_is_due(gather(db, at, walks), at, tz)
