"""Small building blocks shared by pages: titled cards, labels with a role, big buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach.core.words import spoken_text
from stenosis_coach.resources import resource_path
from stenosis_coach.ui.theme import set_kind, set_role

SPACING = 8  # the 8 px grid of shared/UI.md


def label(text: str, role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        set_role(widget, role)
    return widget


def button(
    text: str,
    accessible_name: str | None = None,
    kind: str | None = None,
    shortcut_hint: str | None = None,
) -> QPushButton:
    """A large button. ``shortcut_hint`` is shown beside the text (UI.md: shortcuts shown)."""
    shown = f"{text}   ({shortcut_hint})" if shortcut_hint else text
    widget = QPushButton(shown)
    widget.setAccessibleName(spoken_text(accessible_name or text))  # durations in words
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if kind:
        set_kind(widget, kind)
    return widget


class PageBase(QWidget):
    """A page or full-window screen: a column on the 8 px grid, headed by a page title."""

    def __init__(self, title: str = "", margin: tuple[int, int] = (4, 4)) -> None:
        super().__init__()
        self.setObjectName("page")
        self.column = QVBoxLayout(self)
        side, top = margin[0] * SPACING, margin[1] * SPACING
        self.column.setContentsMargins(side, top, side, top)
        self.column.setSpacing(3 * SPACING)
        self.title = label(title, "page-title")
        self.column.addWidget(self.title)


def button_row(*buttons: QWidget, spacing: int = 2 * SPACING) -> QHBoxLayout:
    """Buttons side by side, left-aligned (reading order), 16 px apart."""
    row = QHBoxLayout()
    row.setSpacing(spacing)
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class Card(QFrame):
    """A rounded panel with an optional section title; add content to :attr:`body`."""

    def __init__(
        self, title: str | None = None, role: str = "card", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        set_role(self, role)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(3 * SPACING, 3 * SPACING, 3 * SPACING, 3 * SPACING)
        self.body.setSpacing(2 * SPACING)
        if title:
            self.title_label = label(title, "section-title")
            self.body.addWidget(self.title_label)
            self.setAccessibleName(title)  # screen readers name the group by its title


def scrolling_page(content: QWidget) -> QScrollArea:
    """Wrap a page so that extra-large text never pushes controls off the window."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def icon(name: str, variant: str = "") -> QIcon:
    """An icon from ``resources/icons``; a blank icon if the file is missing."""
    path = resource_path("icons", f"{name}{variant}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
