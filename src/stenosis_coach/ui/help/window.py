"""The user guide's window: contents on the left, the chosen part on the right.

Its own window, never modal: a walk or a routine running in the main window keeps going
under it (F1 must not disturb a session). Esc or Close hides it, and the focus goes back
to where it was in the main window. Sizes and colours follow the settings at once.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach import APP_TITLE
from stenosis_coach.core.settings import Settings
from stenosis_coach.i18n import _
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.help.guide import (
    SECTION_PROPERTY,
    find_section,
    guide,
    section_for,
    section_html,
)
from stenosis_coach.ui.theme import palette_for
from stenosis_coach.ui.widgets import SPACING, button, label

# Characters of the guide's text per line (shared/UI.md: lines no longer than ~70).
LINE_CHARACTERS = 72
CONTENTS_CHARACTERS = 26


def part_of(widget: QWidget | None) -> str | None:
    """The guide's section named by ``widget`` or its nearest parent in its window that
    names one (:data:`SECTION_PROPERTY`, e.g. a Settings card), else ``None``."""
    while widget is not None:
        key = widget.property(SECTION_PROPERTY)
        if isinstance(key, str) and key:
            return key
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


class GuideWindow(QWidget):
    """The guide. :meth:`open_for` shows it at the part for a page or a flow."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("page")
        self.setWindowModality(Qt.WindowModality.NonModal)
        # A minimum of its own, so that the layout never changes it on the shown window.
        self.setMinimumSize(480, 360)
        self.setWindowTitle(_("User guide — {app}").format(app=APP_TITLE))
        self._context = context
        self._keys: list[str] = []
        self._return_to: QWidget | None = None

        self.title = label(_("User guide"), "page-title")
        self.contents = QListWidget()
        self.contents.setAccessibleName(_("Contents of the guide"))
        self.contents.setWordWrap(True)
        self.contents.setTextElideMode(Qt.TextElideMode.ElideNone)  # a title is read whole
        self.contents.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.contents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.currentRowChanged.connect(self._show_row)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_("Guide text"))
        self.browser.setOpenLinks(False)  # the guide has no links; nothing is ever fetched
        self.browser.setOpenExternalLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll
        self.browser.document().setDocumentMargin(2 * SPACING)
        self.close_button = button(_("Close"), _("Close the guide"), shortcut_hint="Esc")
        self.close_button.clicked.connect(self.close)

        columns = QHBoxLayout()
        columns.setSpacing(2 * SPACING)
        columns.addWidget(self.contents)
        columns.addWidget(self.browser, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(3 * SPACING, 2 * SPACING, 3 * SPACING, 2 * SPACING)
        outer.setSpacing(2 * SPACING)
        outer.addWidget(self.title)
        outer.addLayout(columns, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.setTabOrder(self.contents, self.browser)
        self.setTabOrder(self.browser, self.close_button)

        self._fill_contents()
        self._restyle(context.settings)
        context.settings_changed.connect(self._restyle)

    # -- for the main window --------------------------------------------------------
    def open_for(self, page: str, flow_module: str | None = None) -> None:
        """Show the part for ``page`` (a rail key), or for the flow whose screen comes from
        ``flow_module``, and bring the window up; the focus comes back here on close."""
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        if focused is not None and focused.window() is not self:
            self._return_to = focused
        self.show_section(part_of(focused) or section_for(page, flow_module))
        if not self.isVisible():
            self._size_to_text()
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # it has no stacking to change
            self.raise_()
        self.activateWindow()
        self.contents.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_section(self, key: str) -> None:
        key = find_section(key).key
        self.contents.setCurrentRow(self._keys.index(key))

    def current_key(self) -> str:
        return self._keys[self.contents.currentRow()]

    # -- showing ----------------------------------------------------------------------
    def _fill_contents(self) -> None:
        sections = guide()
        self._keys = [section.key for section in sections]
        self.contents.blockSignals(True)
        self.contents.clear()
        self.contents.addItems([section.title for section in sections])
        self.contents.blockSignals(False)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.browser.setHtml(section_html(find_section(self._keys[row])))
            self.browser.verticalScrollBar().setValue(0)

    def _restyle(self, settings: Settings) -> None:
        """Sizes from the text size and colours from the theme (ui/theme.py)."""
        scale, colours = settings.type_scale, palette_for(settings)
        font = QFont(self.browser.font())
        font.setPointSize(scale.body)
        self.browser.document().setDefaultFont(font)
        self.browser.document().setDefaultStyleSheet(
            f"p, li {{ font-size: {scale.body}pt; color: {colours.text}; }}"
            f"p.title {{ font-size: {scale.section_title}pt; font-weight: 600; }}"
            f"p.heading {{ font-size: {scale.body}pt; font-weight: 700; "
            f"margin-top: {scale.body}px; }}"
        )
        # Large targets (UI.md: 48 px at least), growing with the text.
        row = max(48, round(scale.body * 3.2))
        self.contents.setStyleSheet(
            f"QListWidget::item {{ min-height: {row}px; padding: 6px 12px; }}"
        )
        self.contents.setFixedWidth(
            self.contents.fontMetrics().averageCharWidth() * CONTENTS_CHARACTERS + 4 * SPACING
        )
        if self.contents.currentRow() >= 0:
            self._show_row(self.contents.currentRow())

    def _size_to_text(self) -> None:
        """About :data:`LINE_CHARACTERS` per line beside the contents, no larger than the
        main window's screen."""
        wide = (
            self.contents.width()
            + self.browser.fontMetrics().averageCharWidth() * LINE_CHARACTERS
            + 10 * SPACING
        )
        parent = self.parentWidget()
        tall = parent.height() if parent is not None else 700
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            wide, tall = min(wide, screen.width()), min(tall, screen.height())
        self.resize(wide, tall)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        back, self._return_to = self._return_to, None
        owner = self.parentWidget()
        if back is not None and shiboken6.isValid(back) and back.isVisible():
            back.window().activateWindow()
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        elif owner is not None:
            owner.activateWindow()
