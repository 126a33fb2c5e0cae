"""Read-only files shipped with the app (icons, sounds, exercise library, schemas).

The wheel carries the top-level ``resources/`` folder as ``stenosis_coach/resources``;
an editable install from a source checkout reads the same folder in place.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    packaged = files("stenosis_coach") / "resources"
    if packaged.is_dir():
        return packaged
    # Source checkout (editable install): src/stenosis_coach/ -> ../../resources
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Traversable:
    """The resource at ``parts`` below ``resources/``, e.g. ``resource("icons", "app.svg")``."""
    item = resource_root()
    for part in parts:
        item = item / part
    return item


def resource_path(*parts: str) -> Path:
    """A real file path for a resource (resources are plain files in every install we ship)."""
    with as_file(resource(*parts)) as path:
        return Path(path)
