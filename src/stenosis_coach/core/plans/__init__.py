"""Therapist plan files (DESIGN 4.2): the version-1 models, checking, conversion and schema.

A physical therapist hands a patient a ``.scplan.json`` file; nothing goes through a cloud.

* :mod:`.model` -- the pydantic models of the file, with DESIGN 4.2's names, defaults and bounds,
  and the rules that span fields (reps or duration, ids, references, walking limits).
* :mod:`.validate` -- :func:`~.validate.parse_plan` turns a file's bytes into a
  :class:`~.validate.ValidPlan` or a :class:`~.validate.PlanError` listing every problem as
  ``FILE: JSON-PATH: message``; :func:`~.validate.plan_to_dict` and
  :func:`~.validate.dump_plan` write a plan for export.
* :mod:`._messages` -- pydantic's errors as plain sentences at JSON paths.
* :mod:`.schema` -- the published JSON Schema, ``resources/schemas/plan-v1.schema.json``.

Pure Python: no Qt, no SQL. Version 1 files stay importable forever: change these models only
in ways that accept every file version 1 accepted.
"""
