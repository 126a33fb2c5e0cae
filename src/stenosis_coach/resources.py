"""Read-only files shipped with the app (icons, sounds, exercise library, schemas).

The wheel carries the top-level ``resources/`` folder as ``stenosis_coach/resources``;
an editable install from a source checkout reads the same folder in place; the frozen app
(PyInstaller) has it at ``stenosis_coach/resources`` beside its modules too.

They are plain files in every install we ship, found from this module's own folder:
``importlib.resources`` (and the ``tempfile``/``zipfile`` machinery it brings) is not
needed, which keeps it out of the window's first paint.
"""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache  # looked up once: the window asks for a dozen icons before its first paint
def resource_root() -> Path:
    packaged = Path(__file__).parent / "resources"
    if packaged.is_dir():
        return packaged
    # Source checkout (editable install): src/stenosis_coach/ -> ../../resources
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    """The resource at ``parts`` below ``resources/``, e.g. ``resource("icons", "app.svg")``."""
    return resource_root().joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """A real file path for a resource."""
    return resource(*parts)
