"""Keep ``None``, ``True`` and ``False`` alive on Python 3.11, whatever PySide6 does.

PySide6 6.12 on Python 3.11 gives back one reference too few to ``None`` from every Qt
method that returns nothing (``QLabel.setText``, ``QWidget.update``, ``click`` …), to
``True`` from every ``Signal.emit()`` and to ``False`` from a failed ``disconnect``
(measured: 100 calls, 100 references fewer; ``tests/ui/test_app_exit.py``). From Python
3.12 on these three objects are immortal and nothing happens. On 3.11 their count reaches
zero after some tens of thousands of calls and the interpreter aborts ("Fatal Python
error: none_dealloc"): a live walk ended the app after about 8 minutes of its 10 updates a
second, and the app aborted at exit (``bool_dealloc``, status 134) once the Progress page
had been shown.

Until PySide6 is fixed, the three objects get so many spare references (2**40: at a
thousand lost a second, 35 years) that no run can use them up, which is what Python 3.12
does for them itself. Nothing is done on other Pythons. Called when :mod:`stenosis_coach.ui`
is first imported, before any Qt call.
"""

from __future__ import annotations

import ctypes
import sys

SPARE_REFERENCES = 1 << 40

_protected = False


def needed() -> bool:
    """CPython before 3.12: ``None``, ``True`` and ``False`` are counted like any object."""
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def protect_singletons() -> None:
    """Give ``None``, ``True`` and ``False`` spare references, once per process."""
    global _protected
    if _protected or not needed():
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += SPARE_REFERENCES
    _protected = True
