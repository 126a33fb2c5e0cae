"""Every question the app asks in a pop-up goes through :class:`Dialogs`.

Qt's dialog classes are imported when first used, not at start-up.

Pages never open a QMessageBox or QFileDialog themselves, so tests swap in a scripted
fake and nothing ever blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from stenosis_coach.core.words import spoken_text


class Dialogs:
    """Real dialogs, with large plain buttons that say what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def inform(self, title: str, text: str) -> None:
        self._ok_box("Information", title, text)

    def warn(self, title: str, text: str) -> None:
        self._ok_box("Warning", title, text)

    def _ok_box(self, icon: str, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = self._box(getattr(QMessageBox.Icon, icon), title, text)
        box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def choose(self, title: str, text: str, options: list[str]) -> int | None:
        """Ask the user to pick one of ``options`` (button labels); ``None`` if closed."""
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Question, title, text)
        buttons = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in options]
        box.setEscapeButton(None)  # closing the window is "no choice", not the last button
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def confirm(self, title: str, text: str, yes: str, no: str = "Cancel") -> bool:
        return self.choose(title, text, [yes, no]) == 0

    def save_path(self, title: str, suggested: Path, file_filter: str, suffix: str) -> Path | None:
        """Where to save a new file: the name chosen, ending in ``suffix``. When the ending
        was added and names a file that exists, ask first (the dialog asked about the name
        without it); ``None`` if the user gives up."""
        chosen = self.ask_save_name(title, suggested, file_filter)
        if chosen is None:
            return None
        target = with_suffix(chosen, suffix)
        if target != chosen and target.exists():
            replace = self.confirm(
                "Replace the file?",
                f"{target.name} already exists in {target.parent}. Replace it?",
                "Replace it",
            )
            if not replace:
                return None
        return target

    def ask_save_name(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def open_path(self, title: str, start: Path, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.parent, title, str(start), file_filter)
        return Path(name) if name else None

    def folder_path(self, title: str, start: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self.parent, title, str(start))
        return Path(name) if name else None

    def _box(self, icon, title: str, text: str):  # -> QMessageBox
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setText(text)
        box.setAccessibleName(title)
        box.setAccessibleDescription(spoken_text(text))  # durations in words
        return box


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (``.pdf``, ``.scplan.json``): kept when it already
    does; ``plan.json`` becomes ``plan.scplan.json``; otherwise the suffix is added, so
    ``visit`` is ``visit.pdf`` and a name the user typed is never cut."""
    name = path.name
    if name.lower().endswith(suffix.lower()):
        return path
    for n in range(1, suffix.count(".")):  # a tail of a compound suffix: ".json"
        tail = "." + suffix.split(".", n + 1)[-1]
        if name.lower().endswith(tail.lower()):
            return path.with_name(name[: -len(tail)] + suffix)
    return path.with_name(name + suffix)
