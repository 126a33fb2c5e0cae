"""A quicker answer to the question PySide6 asks of every module imported after it.

PySide6 looks at each module imported after it for the word ``PySide6`` in its source
(for its ``__feature__`` switches, PYSIDE-2029) with :func:`inspect.getsource`: for each
module a line cache is filled, the file's encoding looked up and its lines joined again.
About sixty of our modules load before the window's first paint, hundreds more when the
data and the plots load. :func:`install` gives PySide the same answer read as bytes from
the module's file; a module without a ``.py`` file (built in, compiled, frozen in the
packaged app), or a PySide without that check, is left to PySide as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # PySide6's own (PySide6.support.feature)


def install() -> bool:
    """Have PySide6 ask the quicker way from now on; ``False`` when this PySide has no such
    check (nothing is changed then). Imports PySide6."""
    import PySide6.QtCore  # noqa: F401  (PySide's import machinery, with its check)

    feature = sys.modules.get(FEATURE_MODULE)
    asked: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or asked is None:
        return False
    if getattr(asked, "__wrapped__", None) is None:
        feature._mod_uses_pyside = quicker(asked)  # type: ignore[attr-defined]
    return True


def quicker(asked: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """PySide's ``asked(module)``, answered from the module's source file when it has one."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return asked(module)

    uses_pyside.__wrapped__ = asked  # type: ignore[attr-defined]
    return uses_pyside
