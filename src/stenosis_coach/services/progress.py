"""Everything the progress page shows, computed once per refresh (issue 6)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TypeVar

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.daily import TREATMENT_WORDS, TreatmentEvent
from stenosis_coach.core.progress import series as s
from stenosis_coach.core.progress.signs import Sign
from stenosis_coach.core.progress.verdict import Verdict, treatment_effect
from stenosis_coach.core.walking.model import Walk
from stenosis_coach.core.words import day_text, minutes_text, percent_text
from stenosis_coach.i18n import _
from stenosis_coach.services.read_model import (
    CHECKS,
    LOGS,
    SESSIONS,
    TREATMENTS,
    WALKS,
    ReadModel,
)
from stenosis_coach.services.status import judgement
from stenosis_coach.storage.database import Database

T = TypeVar("T")


@dataclass(frozen=True)
class ProgressData:
    today: date
    verdict: Verdict
    signs: list[Sign]
    treatment_lines: list[str]
    tolerance: s.Series
    tolerance_median: s.Series
    training_per_week: s.Series
    pain: s.PainSeries
    medication: s.Series
    standing: s.Series
    adherence: s.AdherenceSeries
    markers: list[s.Marker]


def treatment_line(
    walks: list[Walk], event: TreatmentEvent, tz: tzinfo, today: date | None = None
) -> str:
    """DESIGN 5.3: the median tolerance of tests in the 28 days before and days 7-35 after,
    worded "after", never "because of"; the date has its year when not in ``today``'s."""
    effect = treatment_effect(walks, event, tz)
    treatment, day = TREATMENT_WORDS[event.kind], day_text(event.date, today)  # translated
    if effect.before_median_s is None or effect.after_median_s is None:
        return _(
            "After the {treatment} on {day}: not enough walking tests before and after to "
            "compare yet."
        ).format(treatment=treatment, day=day)
    before, after = minutes_text(effect.before_median_s), minutes_text(effect.after_median_s)
    if effect.change_pct is None:
        return _(
            "After the {treatment} on {day}: walking before symptoms {before} → {after}."
        ).format(treatment=treatment, day=day, before=before, after=after)
    return _(
        "After the {treatment} on {day}: walking before symptoms {before} → {after} ({change})."
    ).format(
        treatment=treatment,
        day=day,
        before=before,
        after=after,
        change=percent_text(effect.change_pct),
    )


def progress_of(model: ReadModel, now: datetime, tz: tzinfo = LOCAL) -> ProgressData:
    """What the page shows on ``now``'s day, from the read model (once per day and zone in
    a generation: nothing here depends on the hour)."""
    today = now.astimezone(tz).date()

    def compute() -> ProgressData:
        judged = judgement(model, today, tz)
        walks, logs, events = model.walks, model.logs, model.treatments

        def kept(name: str, tables: tuple[str, ...], make: Callable[[], T]) -> T:
            """Each figure computed again only when its own records changed."""
            return model.memo(("progress", name, today, tz), make, tables)

        return ProgressData(
            today=today,
            verdict=judged.verdict,
            signs=judged.signs,
            treatment_lines=kept(
                "treatments",
                (*WALKS, *TREATMENTS),
                lambda: [treatment_line(walks, e, tz, today) for e in events],
            ),
            tolerance=kept("tolerance", WALKS, lambda: s.tolerance_points(walks, tz)),
            tolerance_median=kept("median", WALKS, lambda: s.tolerance_running_median(walks, tz)),
            training_per_week=kept(
                "training", WALKS, lambda: s.training_minutes_per_week(walks, tz, until=today)
            ),
            pain=kept("pain", LOGS, lambda: s.pain_series(logs, tz)),
            medication=kept("medication", LOGS, lambda: s.medication_series(logs, tz)),
            standing=kept("standing", LOGS, lambda: s.standing_series(logs, tz)),
            adherence=kept(
                "adherence",
                (*WALKS, *SESSIONS),
                lambda: s.sessions_per_week(walks, model.routine_outcomes, tz, until=today),
            ),
            markers=kept("markers", TREATMENTS, lambda: s.treatment_markers(events, tz)),
        )

    every = (*WALKS, *LOGS, *TREATMENTS, *CHECKS, *SESSIONS)
    return model.memo(("progress", today, tz), compute, every)


def progress_data(db: Database, now: datetime, tz: tzinfo = LOCAL) -> ProgressData:
    """What the page shows, read from ``db`` now."""
    return progress_of(ReadModel(db), now, tz)
