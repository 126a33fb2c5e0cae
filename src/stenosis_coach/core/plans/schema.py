"""The published JSON Schema of a version-1 plan file (DESIGN 4.2), generated from the models.

``resources/schemas/plan-v1.schema.json`` is this module's output, committed so that other
tools (a clinic's own editor, a validator in a text editor) can check a plan without the app.
A test keeps the file equal to :func:`plan_json_schema`; after changing a model, regenerate it::

    python -m stenosis_coach.core.plans.schema

The schema says everything a single field can say (types, bounds, lengths, patterns, unknown
fields). The rules that span fields are in the description: JSON Schema cannot say them well.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stenosis_coach.core.plans.model import MAX_INSTRUCTION_LINES, PlanFile

SCHEMA_FILE = "plan-v1.schema.json"
SCHEMA_ID = "https://stenosis-coach.invalid/schemas/plan-v1.schema.json"  # never fetched
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_DESCRIPTION = (
    "A physical therapist's plan for a patient of Stenosis Coach: custom exercises, routines "
    # not translated: the published JSON Schema is a file format, in English
    "and a walking plan (DESIGN 4.2). UTF-8, at most 1 MB, extension .scplan.json. Beyond "
    "this schema: a step has either reps or duration_s (hold_s only with reps); exercise ids "
    "and routine ids are each unique in the file; a custom exercise may not reuse a built-in "
    "exercise id; a step's exercise is built in or a custom exercise of the file; walking "
    "bout_s is at most target_total_s, which is at most progression.max_target_s; a file has "
    "at least one routine or a walking plan; instructions have at most "
    f"{MAX_INSTRUCTION_LINES} non-blank lines. Version 1 files stay importable forever."
)


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a version-1 plan file."""
    schema = PlanFile.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Stenosis Coach plan file, version 1"  # not translated: schema
    schema["description"] = _DESCRIPTION
    return schema


def schema_text() -> str:
    """The schema as the published file holds it: sorted keys, indent 2, a final newline."""
    return json.dumps(plan_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_path() -> Path:
    """Where the published schema lives (``resources/schemas``)."""
    from stenosis_coach.resources import resource_path

    return resource_path("schemas", SCHEMA_FILE)


def write_schema(path: Path | None = None) -> Path:
    """(Re)write the published schema file; returns its path."""
    target = path or schema_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8", newline="\n")
    return target


if __name__ == "__main__":
    print(write_schema())
