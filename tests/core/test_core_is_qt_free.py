import pkgutil
import subprocess
import sys

import stenosis_coach.core


def test_every_core_module_imports_with_qt_blocked():
    modules = [
        m.name for m in pkgutil.walk_packages(stenosis_coach.core.__path__, "stenosis_coach.core.")
    ]
    assert modules, "no core modules found"
    code = (
        "import sys\n"
        "for name in ('PySide6', 'PySide6.QtCore', 'PySide6.QtWidgets', 'pyqtgraph', "
        "'sqlalchemy', 'sqlmodel'):\n"
        "    sys.modules[name] = None\n" + "".join(f"import {m}\n" for m in modules)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
