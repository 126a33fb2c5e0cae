"""Every question the app asks in a pop-up goes through :class:`Dialogs`.

Qt's dialog classes are imported when first used, not at start-up.

Pages never open a QMessageBox or QFileDialog themselves, so tests swap in a scripted
fake and nothing ever blocks on a modal dialog.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWidget

from stenosis_coach.core.words import spoken_text
from stenosis_coach.i18n import _, pgettext
from stenosis_coach.ui.file_open import PLAN_SUFFIX

# -- the file types a file box offers ------------------------------------------------------
# One wording for each kind of file, wherever a box opens or saves it: the names
# translated, the patterns as Qt reads them ("name (*.x);;name (*)").


def plan_filter() -> str:
    """Plan files (the Therapist tools export them, File, Import plan opens them), or any."""
    return "{plan_files} (*{suffix});;{all_files} (*)".format(
        plan_files=_("Plan files"), suffix=PLAN_SUFFIX, all_files=_("All files")
    )


def pdf_filter() -> str:
    """PDF files (the report, the pocket card)."""
    return "{pdf_files} (*.pdf)".format(pdf_files=_("PDF files"))


class Dialogs:
    """Real dialogs, with large plain buttons that say what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self._folders: dict[str, Path] = {}  # the folder used last, by kind, this session

    def start_folder(self, kind: str) -> Path:
        """Where a file dialog for ``kind`` of file starts ("backup": backups made and
        restored; "export"...): the folder used last for it this session while it is
        still there, else the home folder."""
        folder = self._folders.get(kind)
        return folder if folder is not None and folder.is_dir() else Path.home()

    def remember_folder(self, kind: str, chosen: Path) -> None:
        """``chosen`` (a file, or a folder that exists) was picked for ``kind``: the next
        dialog for it starts there."""
        self._folders[kind] = chosen if chosen.is_dir() else chosen.parent

    def inform(self, title: str, text: str) -> None:
        self._ok_box("Information", title, text)

    def warn(self, title: str, text: str) -> None:
        self._ok_box("Warning", title, text)

    def _ok_box(self, icon: str, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = self._box(getattr(QMessageBox.Icon, icon), title, text)
        box.addButton(pgettext("button", "OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def choose(self, title: str, text: str, options: list[str], safe: int = 0) -> int | None:
        """Ask the user to pick one of ``options`` (button labels). ``safe`` is the option
        after which nothing changes ("Keep going", "Cancel", "Keep it"; by the app's
        convention the first): Esc and closing the box pick it, and it is the default, so
        an Enter pressed at once never picks a destructive one. ``None`` if no button was
        picked at all."""
        from PySide6.QtWidgets import QMessageBox

        box = self._box(QMessageBox.Icon.Question, title, text)
        buttons = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in options]
        box.setEscapeButton(buttons[safe])
        box.setDefaultButton(buttons[safe])  # and the focus: Enter at once keeps things
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def confirm(self, title: str, text: str, yes: str, no: str | None = None) -> bool:
        """``True`` only when ``yes`` was picked; ``no`` (by default "Cancel") is the safe
        option."""
        no = pgettext("button", "Cancel") if no is None else no
        return self.choose(title, text, [yes, no], safe=1) == 0

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
                _("Replace the file?"),
                _("{name} already exists in {folder}. Replace it?").format(
                    name=target.name, folder=target.parent
                ),
                _("Replace it"),
            )
            if not replace:
                return None
        return target

    def ask_save_name(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        dialog = self.file_dialog(title, suggested.parent, file_filter, "save")
        dialog.selectFile(suggested.name)
        return self._chosen(dialog)

    def open_path(self, title: str, start: Path, file_filter: str) -> Path | None:
        return self._chosen(self.file_dialog(title, start, file_filter, "open"))

    def folder_path(self, title: str, start: Path) -> Path | None:
        return self._chosen(self.file_dialog(title, start, "", "folder"))

    def file_dialog(self, title: str, start: Path, file_filter: str, kind: str):  # -> QFileDialog
        """Qt's file dialog ("open", "save" or "folder"), not yet shown: the desktop's own
        where it has one, else Qt's, which follows the theme and is sized to the window so
        that large text is not squeezed into a small box."""
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self.parent, title, str(start), file_filter)
        dialog.setAccessibleName(title)
        if kind == "save":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        elif kind == "folder":
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if self.parent is not None:
            room = self.parent.size()
            dialog.resize(round(room.width() * 0.9), round(room.height() * 0.9))
        _ink_tool_buttons(dialog)
        return dialog

    @staticmethod
    def _chosen(dialog) -> Path | None:
        try:
            if not dialog.exec():
                return None
            files = dialog.selectedFiles()
            return Path(files[0]) if files and files[0] else None
        finally:
            dialog.deleteLater()

    def _box(self, icon, title: str, text: str):  # -> QMessageBox
        """A message box that says its title (the question) as the first line of its body,
        in big bold type (the section-title size of the text-size setting), the detail
        under it: many window managers show a title in small system type, or not at all.
        The app's own name is no headline: then the body is the text alone."""
        from PySide6.QtWidgets import QLabel, QMessageBox

        from stenosis_coach import APP_TITLE
        from stenosis_coach.ui.theme import set_role

        box = QMessageBox(self.parent)
        box.setIcon(icon)
        box.setWindowTitle(title)
        if title and title != APP_TITLE:
            box.setText(title)
            box.setInformativeText(text)
            headline = box.findChild(QLabel, "qt_msgbox_label")
            if headline is not None:  # the theme's size and weight, not a fixed point size
                set_role(headline, "section-title")
                headline.setWordWrap(True)
        else:
            box.setText(text)
        body = box.findChild(QLabel, "qt_msgbox_informativelabel") or box.findChild(
            QLabel, "qt_msgbox_label"
        )
        if body is not None:
            _paths_whole(body, text, self.parent)
        box.setAccessibleName(title)
        box.setAccessibleDescription(spoken_text(text))  # durations in words
        return box


# A path in a sentence: from a "/" (or "~/", "C:\\") that starts a word to the next space;
# a word after a space still belongs to it while it holds a separator ("My Documents/x").
_PATH_START = re.compile(r"(?<![\w.])(?:~|[A-Za-z]:)?[/\\]\S")
_WORD_JOINER = "\u2060"  # no line break here (invisible)


def _unbroken_paths(text: str) -> tuple[str, list[str]]:
    """``text`` with no line break possible inside a path it names (after a "/" or "-" or
    at a space in it), and those paths."""
    found: list[str] = []
    out, at = [], 0
    for start in _PATH_START.finditer(text):
        if start.start() < at:
            continue
        end = start.start()
        while True:
            space = re.search(r"\s", text[end:])
            end = len(text) if space is None else end + space.start()
            after = re.match(r" (\S+)", text[end:])
            if after is None or not re.search(r"[/\\]", after.group(1)):
                break
            end += 1
        path = text[start.start() : end]
        found.append(path)
        glued = _WORD_JOINER.join(path).replace(" ", "\xa0")
        out += [text[at : start.start()], glued]
        at = end
    out.append(text[at:])
    return "".join(out), found


def _paths_whole(label: QWidget, text: str, parent: QWidget | None) -> None:
    """A message naming a file shows its path whole, on one line: the label is made wide
    enough for the longest path at the current text size (up to the screen's width) and
    no line break is possible inside it."""
    from PySide6.QtWidgets import QLabel

    shown, paths = _unbroken_paths(text)
    if not paths or not isinstance(label, QLabel):
        return
    label.setText(shown)
    label.ensurePolished()  # the theme's font for its role, from the text-size setting
    widest = max(label.fontMetrics().horizontalAdvance(p + ".") for p in paths)
    screen = (parent or label).screen()
    room = screen.availableGeometry().width() * 3 // 4 if screen is not None else widest
    label.setMinimumWidth(min(widest + label.fontMetrics().averageCharWidth(), room))


_ARROWS = ("backButton", "forwardButton", "toParentButton")


def _ink_tool_buttons(dialog: QWidget) -> None:
    """Qt's own file dialog draws its back, forward and up arrows in dark grey: black on
    black in high contrast. Redraw them in the theme's text colour (the desktop's own
    dialog, when there is one, has none of these buttons). Its other icons are drawn on
    their own light background and stay as they are."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
    from PySide6.QtWidgets import QToolButton

    ink = dialog.palette().color(QPalette.ColorRole.ButtonText)
    for tool in dialog.findChildren(QToolButton):
        if tool.icon().isNull() or tool.objectName() not in _ARROWS:
            continue
        shape = tool.icon().pixmap(tool.iconSize() * 2)
        inked = QPixmap(shape.size())
        inked.fill(Qt.GlobalColor.transparent)
        painter = QPainter(inked)
        painter.drawPixmap(0, 0, shape)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(inked.rect(), ink)
        painter.end()
        tool.setIcon(QIcon(inked))
        if not tool.accessibleName():
            tool.setAccessibleName(tool.toolTip())


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
