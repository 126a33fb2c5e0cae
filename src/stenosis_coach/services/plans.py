"""Therapist plan files (DESIGN 4.2): validate, preview, import all or nothing, export,
preload a clinic pack. The walking plan of the newest import seeds the prescription."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from stenosis_coach.core.exercises.library import builtin_library
from stenosis_coach.core.exercises.model import Exercise, Routine
from stenosis_coach.core.plans.validate import (
    MAX_BYTES,
    PlanError,
    ValidPlan,
    dump_plan,
    parse_plan,
    plan_to_dict,
)
from stenosis_coach.core.words import minutes_text
from stenosis_coach.errors import InvalidInput
from stenosis_coach.files import InputFileProblem, read_input, write_checked
from stenosis_coach.i18n import _, ngettext
from stenosis_coach.services import exercises as library
from stenosis_coach.services.status import build_status
from stenosis_coach.services.walking_plans import WalkingPlan as WalkingPlan
from stenosis_coach.services.walking_plans import walking_plan as walking_plan
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.plans_repo import NewPlan, PlanRepository
from stenosis_coach.storage.safety_repo import SafetyRepository

log = logging.getLogger(__name__)

PLAN_SUFFIX = ".scplan.json"
PRELOAD_DONE = "preload_done"


class PlanFileProblems(InvalidInput):
    """One or more plan files are invalid; ``message`` has one ``FILE: $.path: …`` a line."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class PlanFile:
    path: Path
    plan: ValidPlan
    sha256: str


def read_plans(files: list[Path]) -> list[PlanFile]:
    """Parse every file; if any is bad, raise with EVERY problem of every file."""
    builtin_ids = frozenset(builtin_library())
    good: list[PlanFile] = []
    problems: list[str] = []
    for path in map(Path, files):
        name = str(path)
        try:
            data = read_input(path, MAX_BYTES, "plan file")  # an ordinary file, size-limited
        except InputFileProblem as exc:
            problems.append(f"{name}: $: {exc.reason}")
            continue
        try:
            plan = parse_plan(data, source=name, builtin_ids=builtin_ids)
        except PlanError as exc:
            problems.extend(str(p) for p in exc.problems)
            continue
        good.append(PlanFile(path, plan, hashlib.sha256(data).hexdigest()))
    if problems:
        raise PlanFileProblems(problems)
    return good


# -- preview ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanSummary:
    source: str
    title: str
    author: str  # "R. Okafor, PT, Lakeside Physio"
    notes: str | None
    patient: str | None
    new_exercises: list[str]
    new_routines: list[str]
    replaced_routines: list[str]
    walking: str | None


@dataclass(frozen=True)
class ImportPreview:
    plans: list[PlanSummary] = field(default_factory=list)

    @property
    def replaces_anything(self) -> bool:
        return any(p.replaced_routines for p in self.plans)


def walking_text(walking: dict[str, Any]) -> str:
    if walking.get("rest_position", "sit") == "sit":
        said = _(
            "Walk {bout} at a time, resting sitting about {rest}, {total} in all; {walks} walks "
            "a week and a walking test every {days} days."
        )
    else:
        said = _(
            "Walk {bout} at a time, resting leaning forward about {rest}, {total} in all; "
            "{walks} walks a week and a walking test every {days} days."
        )
    return said.format(
        bout=minutes_text(walking["bout_s"]),
        rest=minutes_text(walking["rest_s"]),
        total=minutes_text(walking["target_total_s"]),
        walks=walking.get("walks_per_week", 4),
        days=walking.get("test_every_days", 7),
    )


def preview(db: Database, files: list[PlanFile]) -> ImportPreview:
    existing = set(library.routines(db))
    summaries = []
    for f in files:
        plan = f.plan
        exercises = {**library.exercises(db), **{e.id: e for e in plan.exercises()}}
        routines = plan.routines()
        walking = plan.walking()
        summaries.append(
            PlanSummary(
                source=f.path.name,
                title=plan.title,
                author=plan.author_label,
                notes=plan.notes,
                patient=plan.patient,
                new_exercises=[e.name for e in plan.exercises()],
                new_routines=[
                    ngettext(
                        "{routine}, {length}, {n} time a week",
                        "{routine}, {length}, {n} times a week",
                        r.per_week,
                    ).format(
                        routine=r.name, length=library.routine_length(r, exercises), n=r.per_week
                    )
                    for r in routines
                    if r.id not in existing
                ],
                replaced_routines=[r.name for r in routines if r.id in existing],
                walking=walking_text(walking) if walking else None,
            )
        )
    return ImportPreview(summaries)


# -- import -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportResult:
    plans: int
    exercises: int
    routines: int
    walking: bool

    def sentence(self) -> str:
        parts = [ngettext("{n} routine", "{n} routines", self.routines).format(n=self.routines)]
        if self.exercises:  # the therapist's own; "0 exercises" reads as an empty routine
            parts.append(
                ngettext("{n} exercise", "{n} exercises", self.exercises).format(n=self.exercises)
            )
        if self.walking:
            parts.append(_("a walking plan"))
        return ngettext(
            "Imported {n} plan: {parts}.", "Imported {n} plans: {parts}.", self.plans
        ).format(n=self.plans, parts=", ".join(parts))


def import_plans(
    db: Database, files: list[PlanFile], now: datetime, replace: bool = False
) -> ImportResult:
    """All or nothing. A routine whose id exists (built-in or imported) is refused unless
    ``replace`` (DESIGN 4.2); the window asks first and then replaces."""
    existing = set(library.routines(db))
    if not replace:
        clashes = [
            f"{f.path}: $.routines[{i}].id: "  # the file and the JSON path, as they are
            + _("a routine '{id}' already exists; use --replace to replace it").format(id=r.id)
            for f in files
            for i, r in enumerate(f.plan.routines())
            if r.id in existing
        ]
        if clashes:
            raise PlanFileProblems(clashes)
    new = [
        NewPlan(
            title=f.plan.title,
            author=f.plan.author,
            clinic=f.plan.clinic,
            patient=f.plan.patient,
            notes=f.plan.notes,
            source_name=f.path.name,
            sha256=f.sha256,
            walking=f.plan.walking(),
            exercises=f.plan.exercises(),
            routines=f.plan.routines(),
        )
        for f in files
    ]
    PlanRepository(db).add_all(new, now)
    routines = [r for p in new for r in p.routines]
    if routines:  # the therapist's routine becomes the one the Today page offers
        SafetyRepository(db).set_state("my_routine", routines[0].id)
    log.info("imported %d plan files", len(new))
    return ImportResult(
        len(new), sum(len(p.exercises) for p in new), len(routines), any(p.walking for p in new)
    )


def preload(db: Database, folders: list[Path], now: datetime) -> ImportResult | None:
    """At first run, import every ``*.scplan.json`` of the clinic pack folders, once.

    A bad file in the pack is logged and the pack is skipped: the app still starts.
    """
    state = SafetyRepository(db)
    if state.get_state(PRELOAD_DONE) is not None:
        return None
    state.set_state(PRELOAD_DONE, now.isoformat())
    files = sorted(
        p for folder in folders if folder.is_dir() for p in folder.glob(f"*{PLAN_SUFFIX}")
    )
    if not files:
        return None
    try:
        plans = read_plans(files)
        return import_plans(db, plans, now, replace=True)
    except InvalidInput as exc:
        log.error("clinic pack not imported: %s", exc.message)
        return None


# -- the library with imported plans: services.exercises; these names kept for callers ----
def all_exercises(db: Database | None) -> dict[str, Exercise]:
    return library.exercises(db)


def all_routines(db: Database | None) -> dict[str, Routine]:
    return library.routines(db)


# -- export -------------------------------------------------------------------------------
def _plan_target(out: Path) -> Path:
    """Where a plan file is written, checked before anything else is done: its name ends
    in ``.scplan.json`` and its folder exists."""
    out = Path(out)
    if not out.name.endswith(PLAN_SUFFIX):
        raise InvalidInput(
            _("{file}: a plan file's name ends in {suffix}.").format(file=out, suffix=PLAN_SUFFIX)
        )
    if not out.parent.is_dir():
        raise InvalidInput(_("{folder}: no such folder.").format(folder=out.parent))
    return out


def export_plan(
    db: Database,
    out: Path,
    routine_ids: list[str],
    with_walking: bool,
    title: str,
    author: str,
    clinic: str | None,
    walking: dict[str, Any] | None = None,
    *,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Path:
    """Write a plan file (temp file, then rename: no partial file is ever left).

    With ``with_walking`` and no walking plan imported, the plan written is the next walk
    as it stands at ``now`` in ``tz`` (the caller's clock: the Coach's); it must be given
    then."""
    out = _plan_target(out)
    routines_by_id = library.routines(db)
    unknown = [r for r in routine_ids if r not in routines_by_id]
    if unknown:
        raise InvalidInput(
            _("Unknown routine {ids}; see 'stenosis-coach routines list'.").format(
                ids=", ".join(repr(u) for u in unknown)
            )
        )
    if with_walking and walking is None:
        current = walking_plan(db)
        if current is None:
            if now is None:
                raise ValueError("export_plan: the walking plan as it stands needs 'now'")
            status = build_status(db, now, tz) if tz is not None else build_status(db, now)
            rx = status.next_walk
            if rx.bout_s is None:
                raise InvalidInput(
                    _(
                        "There is no walking plan yet: do a walking test first, or build one "
                        "in the therapist tools."
                    )
                )
            walking = {
                "bout_s": int(rx.bout_s),
                "rest_s": int(rx.rest_s),
                "target_total_s": int(rx.target_total_s),
            }
        else:
            s = current.start
            walking = {
                "bout_s": int(s.bout_s),
                "rest_s": int(s.rest_s),
                "target_total_s": int(s.target_total_s),
                "walks_per_week": current.walks_per_week,
                "test_every_days": s.test_every_days,
                "rest_position": current.rest_position,
            }
    if not routine_ids and not walking:
        raise InvalidInput(
            _(
                "A plan needs at least one routine (--routine ID) or the walking plan "
                "(--with-walking-plan)."
            )
        )
    routines = [routines_by_id[r] for r in routine_ids]
    return write_plan_file(out, title, author, clinic, routines, library.exercises(db), walking)


def write_plan_file(
    out: Path,
    title: str,
    author: str,
    clinic: str | None,
    routines: list[Routine],
    exercises: dict[str, Exercise],
    walking: dict[str, Any] | None,
    patient: str | None = None,
    notes: str | None = None,
) -> Path:
    """Write a plan from routines and exercises held in memory (also the therapist tools').

    ``exercises`` holds every exercise the routines name (built-in and custom); the file
    carries the custom ones, so it imports on any machine. The plan is validated before
    anything is written, then written to a temp file and renamed: never a partial file.
    """
    out = _plan_target(out)
    try:
        data = dump_plan(
            plan_to_dict(
                title, author, clinic, routines, exercises, walking, patient=patient, notes=notes
            )
        )
    except ValueError as exc:
        raise InvalidInput(_("The plan could not be written: {reason}").format(reason=exc)) from exc
    # Private (0600), fsynced, renamed; never over a device, a pipe or a folder.
    write_checked(out, data=data, what="plan file")
    return out
