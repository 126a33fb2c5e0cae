"""The main window: a navigation rail on the left, the current page on the right."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach import APP_TITLE
from stenosis_coach.core.settings import Settings
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.data_actions import DataActions
from stenosis_coach.ui.pages.settings import SettingsPage
from stenosis_coach.ui.pages.today import TodayPage
from stenosis_coach.ui.theme import palette_for, set_kind
from stenosis_coach.ui.widgets import SPACING, icon, scrolling_page


class MainWindow(QMainWindow):
    """Owns the pages; later capabilities add theirs with :meth:`add_page`."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icon("stenosis-coach"))
        self.setMinimumSize(900, 620)
        self._pages: list[tuple[QWidget, QToolButton]] = []
        self._top_count = 0

        self.rail = QFrame()
        self.rail.setObjectName("navRail")
        self._rail_layout = QVBoxLayout(self.rail)
        self._rail_layout.setContentsMargins(SPACING, 2 * SPACING, SPACING, 2 * SPACING)
        self._rail_layout.setSpacing(SPACING)
        self._rail_layout.addStretch(1)
        self._nav_group = QButtonGroup(self)
        self._nav_group.setExclusive(True)
        self.stack = QStackedWidget()

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.rail)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.data_actions = DataActions(context)
        self.today = TodayPage(context)
        self.settings_page = SettingsPage(context)
        self.settings_page.backup_requested.connect(self.data_actions.backup)
        self.settings_page.restore_requested.connect(self.data_actions.restore)
        self.add_page(self.today)
        self.add_page(self.settings_page, bottom=True)
        self._build_menu()
        context.settings_changed.connect(self._restyle)
        self._restyle(context.settings)
        self.show_page(self.today)

    def add_page(self, page: QWidget, *, bottom: bool = False) -> QToolButton:
        """Add a page with a rail button. Pages provide ``nav_label`` and ``icon_name``."""
        nav_label = page.nav_label  # type: ignore[attr-defined]
        nav = QToolButton()
        nav.setText(nav_label)
        nav.setAccessibleName(nav_label)
        nav.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        nav.setCheckable(True)
        nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        set_kind(nav, "nav")
        self._nav_group.addButton(nav)
        # Pages scroll, so extra-large text never hides a control off the window.
        self.stack.addWidget(scrolling_page(page))
        nav.clicked.connect(lambda: self.show_page(page))
        if bottom:
            self._rail_layout.addWidget(nav)
        else:  # above the stretch that separates top and bottom buttons
            self._rail_layout.insertWidget(self._top_count, nav)
            self._top_count += 1
        self._pages.append((page, nav))
        shortcut_number = len(self._pages)
        nav.setShortcut(QKeySequence(f"Ctrl+{shortcut_number}"))
        nav.setToolTip(f"{nav_label} (Ctrl+{shortcut_number})")
        return nav

    def show_page(self, page: QWidget) -> None:
        for index, (known, nav) in enumerate(self._pages):
            if known is page:
                self.stack.setCurrentIndex(index)
                nav.setChecked(True)
                return
        raise LookupError("page not added")

    def current_page(self) -> QWidget:
        return self._pages[self.stack.currentIndex()][0]

    def nav_button(self, page: QWidget) -> QToolButton:
        return next(nav for known, nav in self._pages if known is page)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        backup = QAction("&Back up…", self)
        backup.triggered.connect(self.data_actions.backup)
        restore = QAction("&Restore…", self)
        restore.triggered.connect(self.data_actions.restore)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (backup, restore):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

    def _restyle(self, settings: Settings) -> None:
        variant = palette_for(settings).icon_variant
        size = round(settings.type_scale.body * 1.9)
        for page, nav in self._pages:
            nav.setIcon(icon(page.icon_name, variant))  # type: ignore[attr-defined]
            nav.setIconSize(QSize(size, size))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.close_database()
        super().closeEvent(event)
