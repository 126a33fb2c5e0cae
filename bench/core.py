"""Core speed benchmark (run by hand, not in CI): pure Python, no Qt, no database.

Unit tests assert what the code does; how fast it does it is measured here, where a busy
machine cannot make a test fail. Each measurement is run several times and the best and
the median are printed against its target:

  - the demo history for 10 years (core.demo.generate)             target <= 2.0 s
  - the report model for 10 years of history (core.report)         target <= 0.5 s
  - refusing huge numbers (core.numbers: 5,000 digits, 1e29, 1e-28) target <= 0.5 s

    .venv/bin/python bench/core.py [--runs 5]

Exits 1 when a best time is over its target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from stenosis_coach.core.demo import DemoHistory, generate
from stenosis_coach.core.numbers import NumberProblem, NumberRule, read_number
from stenosis_coach.core.report import ReportInput, build_report
from stenosis_coach.core.routine_summary import Ratings, RoutineSummary
from stenosis_coach.core.safety import decide
from stenosis_coach.core.safety_state import CheckRecord
from stenosis_coach.core.sessions import SessionRecord, SessionState

END = date(2026, 4, 30)
MADE = datetime(2026, 4, 30, 9, 15, tzinfo=UTC)
NEXT_WALK = "Next walk: Walk 4.5 min, then rest sitting or leaning forward."


def report_input(h: DemoHistory, tz: ZoneInfo) -> ReportInput:
    """The report's input for a demo history, as the app builds it from the database."""
    sessions = [
        RoutineSummary(
            SessionRecord(
                i,
                "routine",
                r.routine_id,
                SessionState.FINISHED,
                r.start,
                0,
                r.start,
                float(r.elapsed_s),
            ),
            r.routine_id,
            Ratings(r.leg_before, r.back_before),
            Ratings(r.leg_after, r.back_after),
            r.steps_done,
            r.steps_skipped,
            None,
            r.completed,
        )
        for i, r in enumerate(h.routine_sessions)
    ]
    records = [
        CheckRecord(i, c.trigger, c.at, 0, c.at, None, decide(c.answers), c.answers)
        for i, c in enumerate(h.checks)
    ]
    return ReportInput(
        "Maria",
        h.first_day,
        h.last_day,
        END,
        tz,
        h.walks,
        h.logs,
        h.treatments,
        records,
        sessions,
        NEXT_WALK,
        MADE,
    )


def huge_numbers() -> None:
    minutes = NumberRule("Minutes walked", low=0, high=180, low_open=True, unit="minutes")
    for text in ("9" * 5000, "1" + "0" * 29):
        try:
            read_number(text, minutes)
        except NumberProblem:
            pass
        else:
            raise AssertionError(f"{text[:10]}… was accepted")
    read_number("0." + "0" * 27 + "1", NumberRule("Value"))


def timed(runs: int, work: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    london, utc = ZoneInfo("Europe/London"), ZoneInfo("UTC")
    data = report_input(generate(520, 1, END, utc), utc)
    build_report(data)  # warm-up: imports and caches
    measured = [
        ("demo history, 10 years", 2.0, timed(opts.runs, lambda: generate(520, 1, END, london))),
        ("report model, 10 years", 0.5, timed(opts.runs, lambda: build_report(data))),
        ("huge numbers refused", 0.5, timed(opts.runs, huge_numbers)),
    ]
    over = False
    for name, target, times in measured:
        best, middle = min(times), statistics.median(times)
        flag = "" if best <= target else "  <-- over target"
        over = over or bool(flag)
        print(
            f"{name:<24} best {best * 1000:7.1f} ms   median {middle * 1000:7.1f} ms   "
            f"target <= {target * 1000:.0f} ms{flag}"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
