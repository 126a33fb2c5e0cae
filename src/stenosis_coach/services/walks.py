"""Walks as the user handles them: import a diary, list, correct, delete and undo."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from functools import partial
from pathlib import Path

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.due import Due
from stenosis_coach.core.today import WALK_ACTION, TodayItem, walk_card_detail
from stenosis_coach.core.walking.diary import DiaryError, diary_key, parse_diary_bytes
from stenosis_coach.core.walking.logged import WalkForm, walk_from_form
from stenosis_coach.core.walking.model import StoredWalk, Walk, WalkKind
from stenosis_coach.errors import InvalidInput
from stenosis_coach.files import read_input
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.services import undo
from stenosis_coach.services.due import due_at
from stenosis_coach.services.status import walk_headline
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.safety_repo import SafetyRepository
from stenosis_coach.storage.walks_repo import WalkRepository

log = logging.getLogger(__name__)

MAX_DIARY_BYTES = 1_000_000  # a diary of ten years of daily walks is ~200 kB


@dataclass(frozen=True)
class DiaryImport:
    source: Path
    rows: int
    added: int

    @property
    def already_there(self) -> int:
        return self.rows - self.added

    def sentence(self) -> str:
        if self.already_there:
            said = ngettext(
                "Imported {n} walk from {file} ({already} already there, not added again).",
                "Imported {n} walks from {file} ({already} already there, not added again).",
                self.added,
            )
        else:
            said = ngettext(
                "Imported {n} walk from {file}.", "Imported {n} walks from {file}.", self.added
            )
        return said.format(n=self.added, file=self.source.name, already=self.already_there)


def import_diary(db: Database, path: Path, now: datetime, tz: tzinfo = LOCAL) -> DiaryImport:
    """All or nothing (DESIGN 4.3): any bad row rejects the whole file, naming each problem."""
    path = Path(path)
    data = read_input(path, MAX_DIARY_BYTES, "walk diary")  # an ordinary file, size-limited
    try:
        walks = parse_diary_bytes(data, source=str(path), today=now.astimezone(tz).date(), tz=tz)
    except DiaryError as exc:
        raise InvalidInput(str(exc)) from exc
    added = WalkRepository(db).add_imported(walks, str(path.name), key=partial(diary_key, tz=tz))
    log.info("imported %d of %d diary walks from %s", len(added), len(walks), path)
    return DiaryImport(source=path, rows=len(walks), added=len(added))


# -- walks logged, corrected and deleted by hand ------------------------------------------
def log_walk(db: Database, form: WalkForm, now: datetime, tz: tzinfo = LOCAL) -> StoredWalk:
    """Save a walk done elsewhere; raises :class:`FormProblems` and saves nothing if a
    value is bad."""
    walk = walk_from_form(form, now, tz)
    walk_id = WalkRepository(db).add_recorded(walk, session_id=None)
    log.info("logged a %s walk of %s s", walk.kind, walk.total_walk_s)
    return StoredWalk(walk_id, walk)


def correct_walk(
    db: Database, walk_id: int, form: WalkForm, now: datetime, tz: tzinfo = LOCAL
) -> Walk:
    """Fix a mistyped walk; the prescription is recomputed from the corrected history."""
    repo = WalkRepository(db)
    original = next((s.walk for s in repo.all() if s.id == walk_id), None)
    if original is None:
        raise InvalidInput(_("That walk is no longer in your history."))
    walk = walk_from_form(form, now, tz, original=original)
    repo.replace(walk_id, walk)
    return walk


def delete_walk(db: Database, walk_id: int, now: datetime) -> None:
    """Remove a walk from the history, onto the undo stack (:mod:`services.undo`)."""
    undo.delete(db, undo.Kind.WALK, walk_id, now)


def undo_delete(db: Database, walk_id: int, now: datetime) -> None:
    """Bring back this deleted walk, complete (its session, events and ratings stayed)."""
    undo.restore(db, undo.Kind.WALK, walk_id, now)


def history(db: Database) -> list[StoredWalk]:
    """Every walk, newest first."""
    return list(reversed(WalkRepository(db).all()))


# -- the Today page ---------------------------------------------------------------------
WALKS_PER_WEEK = 4  # DESIGN 4.2 default, until a therapist's plan says otherwise
FLARE_QUESTION_DAYS = 3  # ask about the legs the day after a walk, for up to 3 days
FLARE_ASKED = "flare_asked:{walk_id}"


def flare_question(db: Database, now: datetime, tz: tzinfo = LOCAL) -> StoredWalk | None:
    """The last walk, if it was on an earlier day (within 3 days) and not asked about yet."""
    stored = WalkRepository(db).all()
    if not stored:
        return None
    last = stored[-1]
    days = (now.astimezone(tz).date() - last.walk.start.astimezone(tz).date()).days
    if not 1 <= days <= FLARE_QUESTION_DAYS:
        return None
    if SafetyRepository(db).get_state(FLARE_ASKED.format(walk_id=last.id)) is not None:
        return None
    return last


def answer_flare_question(db: Database, walk_id: int, flare: bool, now: datetime) -> None:
    """Record how the legs were after the walk; a flare eases the next walk (DESIGN 5.1)."""
    repo = WalkRepository(db)
    stored = next(s for s in repo.all() if s.id == walk_id)
    if flare != stored.walk.next_day_flare:
        repo.replace(walk_id, replace(stored.walk, next_day_flare=flare))
    SafetyRepository(db).set_state(
        FLARE_ASKED.format(walk_id=walk_id), f"{'worse' if flare else 'fine'} {now.isoformat()}"
    )


def today_items(
    db: Database, now: datetime, tz: tzinfo = LOCAL, due: Due | None = None
) -> list[TodayItem]:
    """The flare question, and the walk when it is due (DESIGN 5.7, :mod:`core.due`)."""
    items = []
    asked = flare_question(db, now, tz)
    if asked is not None:
        gap = (now.astimezone(tz).date() - asked.walk.start.astimezone(tz).date()).days
        items.append(
            TodayItem(
                key=f"flare-{asked.id}",
                title=_("How were your legs after yesterday's walk?")
                if gap == 1
                else _("How were your legs after your last walk?"),
                detail=_(
                    "Worse means a flare: more leg pain, numbness or heaviness than usual. "
                    "The next walk is eased back after a flare."
                ),
                action_label="",
                action="",
                choices=(
                    (_("Better"), "walk:legs-better"),
                    (_("Same"), "walk:legs-same"),
                    (_("Worse (a flare)"), "walk:legs-worse"),
                ),
            )
        )
    walk = (due or due_at(db, now, tz)).walk
    if walk.due:
        rx = walk.prescription
        detail = walk_card_detail(walk_headline(rx), rx.reason)  # each thing said once
        if walk.kind is WalkKind.TEST and walk.this_week >= walk.per_week:
            detail = _(
                "{detail} (It is due even though this week's {count} walks are done.)"
            ).format(detail=detail, count=walk.per_week)
        items.append(
            TodayItem(
                key="walk",
                title=_("Walking test") if walk.kind is WalkKind.TEST else _("Today's walk"),
                detail=detail,
                action_label=_("Start the walk"),
                action=WALK_ACTION,
            )
        )
    return items
