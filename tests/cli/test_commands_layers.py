"""The commands are given a Coach (DESIGN 2, "The next step of the house"): they never reach
the storage layer and never read the wall clock themselves."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import stenosis_coach.commands

COMMANDS_DIR = Path(stenosis_coach.commands.__file__).parent
FILES = sorted(COMMANDS_DIR.glob("*.py"))


def _imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against stenosis_coach.commands
                base = "stenosis_coach" if node.level == 2 else "stenosis_coach.commands"
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def test_every_command_module_is_looked_at():
    names = {f.stem for f in FILES}
    assert {"__init__", "data", "due", "exercises", "export", "plans", "report"} <= names
    assert "walking" in names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_command_imports_nothing_from_storage(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    bad = [
        f"{path.name}:{line}: {module}"
        for line, module in _imported_modules(tree)
        if module == "stenosis_coach.storage" or module.startswith("stenosis_coach.storage.")
    ]
    assert bad == []


WALL_CLOCK = {"now", "utcnow", "today", "time", "time_ns", "monotonic"}
CLOCK_OWNERS = {"datetime", "date", "time"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_command_takes_the_time_from_the_coach_not_the_wall_clock(path):
    """``datetime.now()`` and friends: the Coach's clock says what time it is."""
    tree = ast.parse(path.read_text(), filename=str(path))
    bad = [
        f"{path.name}:{node.lineno}: {node.func.value.id}.{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WALL_CLOCK
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in CLOCK_OWNERS
    ]
    assert bad == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_command_never_opens_the_data_itself(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    bad = [
        f"{path.name}:{node.lineno}: {node.id}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id == "open_database"
    ]
    bad += [
        f"{path.name}:{node.lineno}: .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in {"open_database", "database"}
    ]
    assert bad == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_command_imports_nothing_from_ui_nor_qt(path):
    """What only Qt can do (drawing the report's PDF) is handed to the command by cli.py."""
    tree = ast.parse(path.read_text(), filename=str(path))
    bad = [
        f"{path.name}:{line}: {module}"
        for line, module in _imported_modules(tree)
        if module.split(".")[:2] == ["stenosis_coach", "ui"] or module.startswith("PySide6")
    ]
    assert bad == []
