"""Every sentence a user reads goes through the translation function (issue 14, "Words are
translatable"): a scan of the source for words that reach the user unmarked.

Two rules, read from the code itself (no import, no Qt):

1. **Sinks.** A string literal (or an f-string, or a literal glued with ``+``) handed straight
   to something that shows it — ``setText``, ``QLabel(...)``, ``setAccessibleName``,
   ``dialogs.warn(...)``, ``print(...)`` in the command line ... — is a finding, however short.
2. **Sentences.** Anywhere in ``src/``, a literal that reads like words for people (starts
   with a capital and holds a space, or ends a sentence) outside ``_()``, ``N_()``,
   ``ngettext()``, ``pgettext()`` is a finding — unless it is a log line, a programmer's
   error (``raise ValueError(...)``), a docstring, or its line says why it stays English
   with ``# not translated: <why>`` (a CSV header, a file format, a JSON value).

The pseudo-locale tests (``STENOSIS_COACH_PSEUDO=1``) check the same from the other side,
on what the screens, the PDF and the command line really show.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "stenosis_coach"

MARKERS = {"_", "N_", "ngettext", "pgettext"}
# Calls whose string arguments a user reads (method or function name).
SINK_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setAccessibleName",
    "setAccessibleDescription",
    "setPlaceholderText",
    "setTitle",
    "setStatusTip",
    "setWhatsThis",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "setTabText",
    "addTab",
    "setLabelText",
    "showMessage",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "inform",
    "warn",
    "choose",
    "confirm",
    "save_path",
    "ask_save_name",
    "open_path",
    "folder_path",
}
SINK_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMessageBox",
}
CLI_SINKS = {"print"}  # in commands/ and cli.py: what the terminal shows
LOG_NAMES = {"log", "logger", "logging", "_log", "LOG"}
PROGRAMMER_ERRORS = {
    "ValueError",
    "TypeError",
    "RuntimeError",
    "AssertionError",
    "KeyError",
    "IndexError",
    "NotImplementedError",
    "AttributeError",
    "LookupError",
}
SENTENCE = re.compile(r"^[A-Z][a-z’']*\s+\S|[a-z][.?!]$")
WORDS = re.compile(r"[A-Za-z]{2,}")
NOT_TRANSLATED = "# not translated:"
FILE_SUFFIX = re.compile(r"[*\w]*\.\w+")  # ".pdf", "*.csv": a file's kind, not words


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _owner(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id
    return ""


def _literal_words(node: ast.AST) -> str | None:
    """The words of a literal handed on as is: a str constant, an f-string's constant
    parts, a ``+`` of those; ``None`` when the value is computed (a call, a name...)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [_literal_words(node.left), _literal_words(node.right)]
        found = [p for p in parts if p]
        return " ".join(found) if found else None
    if isinstance(node, ast.IfExp):
        parts = [_literal_words(node.body), _literal_words(node.orelse)]
        found = [p for p in parts if p]
        return " ".join(found) if found else None
    return None


class _Scan(ast.NodeVisitor):
    def __init__(self, rel: str, lines: list[str]) -> None:
        self.rel = rel
        self.lines = lines
        self.findings: list[str] = []
        self._skip: set[int] = set()  # ids of nodes inside a marker, a log call, a docstring
        self.cli = rel.startswith("commands/") or rel == "cli.py"

    def _excused(self, node: ast.AST) -> bool:
        first = getattr(node, "lineno", 0)
        last = getattr(node, "end_lineno", first) or first
        return any(NOT_TRANSLATED in self.lines[i - 1] for i in range(first, last + 1))

    def _skip_tree(self, node: ast.AST) -> None:
        for child in ast.walk(node):
            self._skip.add(id(child))

    def _report(self, node: ast.AST, why: str, words: str) -> None:
        if not self._excused(node):
            line = getattr(node, "lineno", 0)
            self.findings.append(f"{self.rel}:{line}: {why}: {words[:60]!r}")

    def visit_Module(self, node: ast.Module) -> None:
        self._docstrings(node)
        self.generic_visit(node)

    def _docstrings(self, node: ast.AST) -> None:
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self._skip.add(id(body[0].value))

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._docstrings(node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._docstrings(node)
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        exc = node.exc
        if isinstance(exc, ast.Call) and _name(exc.func) in PROGRAMMER_ERRORS:
            self._skip_tree(exc)
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        self._skip_tree(node)

    def visit_Call(self, node: ast.Call) -> None:
        name, owner = _name(node.func), _owner(node.func)
        if name in MARKERS or owner in LOG_NAMES or name in {"getLogger", "setObjectName"}:
            self._skip_tree(node)
            return
        is_sink = (
            (isinstance(node.func, ast.Attribute) and name in SINK_METHODS)
            or name in SINK_CONSTRUCTORS
            or (self.cli and isinstance(node.func, ast.Name) and name in CLI_SINKS)
        )
        if is_sink:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                words = _literal_words(arg)
                if words and WORDS.search(words) and not FILE_SUFFIX.fullmatch(words):
                    self._report(arg, f"shown unmarked by {name}()", words)
                    self._skip_tree(arg)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) in self._skip or not isinstance(node.value, str):
            return
        text = node.value.strip()
        if SENTENCE.search(text) and WORDS.search(text):
            self._report(node, "sentence not marked", text)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if id(node) in self._skip:
            return
        words = _literal_words(node) or ""
        if SENTENCE.search(words.strip()) and WORDS.search(words):
            self._report(node, "f-string sentence not marked", words)
        self._skip_tree(node)


def findings_in(path: Path) -> list[str]:
    rel = path.relative_to(SRC).as_posix()
    text = path.read_text(encoding="utf-8")
    scan = _Scan(rel, text.splitlines())
    scan.visit(ast.parse(text))
    return scan.findings


def all_findings() -> list[str]:
    skip_dirs = {"migrations"}  # Alembic's own files: history, never shown
    found: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        if skip_dirs & set(path.relative_to(SRC).parts):
            continue
        found += findings_in(path)
    return found


def test_every_word_a_user_reads_is_marked_for_translation() -> None:
    found = all_findings()
    assert not found, f"{len(found)} unmarked:\n" + "\n".join(found)


def test_the_scan_finds_what_it_should(tmp_path: Path) -> None:
    sample = (
        "from stenosis_coach.i18n import _, N_\n"
        "LABEL = N_('Walk done')\n"
        "def f(label, dialogs, log, n):\n"
        "    label.setText('Start walking')\n"  # finding: sink
        "    label.setText(f'{n} walks')\n"  # finding: sink, f-string
        "    label.setText(_('Start walking'))\n"
        "    dialogs.warn(_('Not saved'), 'Your disk is full.')\n"  # finding: sink
        "    log.info('Walk saved for later')\n"
        "    header = 'Walk minutes'  # not translated: CSV header\n"
        "    dialogs.save_path(_('Save the card'), path, _('PDF files'), '.pdf')\n"
        "    raise ValueError('places must be >= 0')\n"
        "def g():\n"
        "    return 'You walked far today.'\n"  # finding: sentence
    )
    scan = _Scan("ui/sample.py", sample.splitlines())
    scan.visit(ast.parse(sample))
    lines = sorted(int(f.split(":")[1]) for f in scan.findings)
    assert lines == [4, 5, 7, 13]
