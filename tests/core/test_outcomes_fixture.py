"""The outcomes data folder (tests/fixtures/data-folder-outcomes) gives the status it must
(DESIGN 4.1 ``outcomes`` and ``treatment_relief``), computed by the pure core."""

from __future__ import annotations

import csv
import json
import math
from datetime import date
from pathlib import Path
from typing import cast

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.outcomes.model import (
    Instrument,
    parse_answer,
    questionnaires_from_rows,
)
from stenosis_coach.core.outcomes.relief import treatment_relief
from stenosis_coach.core.outcomes.summary import outcomes_of

FOLDER = Path(__file__).parent.parent / "fixtures" / "data-folder-outcomes"


def rows(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def close(got: object, want: object, where: str = "$") -> None:
    if isinstance(want, dict):
        assert isinstance(got, dict), where
        for key, value in want.items():
            assert key in got, f"{where}.{key} missing"
            close(got[key], value, f"{where}.{key}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            close(g, w, f"{where}[{i}]")
    elif isinstance(want, float) or (isinstance(want, int) and not isinstance(want, bool)):
        assert isinstance(got, int | float) and not isinstance(got, bool), where
        assert math.isclose(got, want, rel_tol=0, abs_tol=1e-9), f"{where}: {got} != {want}"
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


def test_the_fixture_gives_the_expected_outcomes_and_relief():
    questionnaires = questionnaires_from_rows(
        (
            date.fromisoformat(r["date"]),
            cast(Instrument, r["instrument"]),
            r["item"],
            parse_answer(r["answer"]),
        )
        for r in rows("questionnaires.csv")
    )
    logs = [
        DailyLog(date.fromisoformat(r["date"]), leg_pain=int(r["leg_pain"]))
        for r in rows("daily_log.csv")
    ]
    events = [
        TreatmentEvent(date.fromisoformat(r["date"]), TreatmentKind(r["kind"]), r["note"])
        for r in rows("treatments.csv")
    ]
    expected = json.loads((FOLDER / "expected-status.json").read_text(encoding="utf-8"))

    got = {
        "outcomes": outcomes_of(questionnaires).to_json(),
        "treatment_relief": [r.to_json() for r in treatment_relief(events, logs)],
    }

    close(got, expected)
