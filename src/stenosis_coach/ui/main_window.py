"""The main window: a navigation rail on the left, the current page on the right.

Pages are created the first time they are shown, so start-up pays only for Today (and
a later page's heavy imports, such as plotting, wait until the user goes there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach import APP_TITLE
from stenosis_coach.core.settings import MINIMUM_WINDOW_SIZE, Settings, WindowPlacement
from stenosis_coach.core.today import (
    ADVICE_ACTION,
    ADVICE_MISTAKE_ACTION,
    FLARE_ACTIONS,
    LOG_ACTION,
    ROUTINE_ACTION,
    ROUTINE_RESUME_ACTION,
    WALK_ACTION,
    WEEKLY_ACTION,
    ZCQ_ACTION,
    action_target,
)
from stenosis_coach.i18n import N_, _, pgettext
from stenosis_coach.ui.context import IMPORT_REASON, RESTORE_REASON, AppContext
from stenosis_coach.ui.data_actions import DataActions
from stenosis_coach.ui.pages.today import TodayPage
from stenosis_coach.ui.reminders import Reminders
from stenosis_coach.ui.theme import palette_for, set_kind
from stenosis_coach.ui.widgets import (
    SPACING,
    FocusMark,
    focus_again,
    focus_into,
    focus_mark,
    icon,
    page_in,
    pressed_by_keys,
    scrolling_page,
)

# The question before a routine or walk is stopped for something else (a reason id from
# ui/context.py, or none): shown as _(STOP_QUESTIONS[running, reason]).
STOP_QUESTIONS = {
    ("routine", ""): N_("Stop the routine?"),
    ("walk", ""): N_("Stop the walk?"),
    ("routine", RESTORE_REASON): N_("Stop the routine to restore your backup?"),
    ("walk", RESTORE_REASON): N_("Stop the walk to restore your backup?"),
    ("routine", IMPORT_REASON): N_("Stop the routine to import a plan?"),
    ("walk", IMPORT_REASON): N_("Stop the walk to import a plan?"),
}


def plan_files(mime) -> list[Path]:
    """The dropped files that are plan files (``*.scplan.json``)."""
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().endswith(".scplan.json")
    ]


@dataclass
class PageEntry:
    key: str
    label: str
    icon_name: str
    factory: Callable[[], QWidget]
    nav: QToolButton
    holder: QWidget  # the stack's slot; the page goes into it when first shown
    page: QWidget | None = None


class NavButton(QToolButton):
    """A rail button as wide as its label in bold: the current page's label is bold, and
    the rail must not cut it short ("Ther…ools").

    Its shortcut (Ctrl+1…7) emits :attr:`shortcut_used` at once instead of Qt's animated
    click, so that the window can open the page and put the focus on it (a click keeps the
    focus on the rail, where the hand is)."""

    shortcut_used = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and not event.isAmbiguous():
            self.shortcut_used.emit()
            return True
        return super().event(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        text = self.text()
        extra = QFontMetrics(bold).horizontalAdvance(text) - self.fontMetrics().horizontalAdvance(
            text
        )
        return QSize(hint.width() + max(0, extra), hint.height())


class RailArea(QScrollArea):
    """The rail, scrolling when the window is too short for it (extra-large text on a
    small screen), always as wide as its widest label (plus the scroll bar when shown)."""

    def __init__(self, rail: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(rail)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def _width(self) -> int:
        bar = self.verticalScrollBar()
        extra = bar.sizeHint().width() if bar.isVisible() else 0
        return self.widget().sizeHint().width() + extra

    def sizeHint(self) -> QSize:
        return QSize(self._width(), self.widget().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width(), 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the scroll bar may have come or gone


class MainWindow(QMainWindow):
    """Owns the rail and the pages; later capabilities add theirs with :meth:`add_page`."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icon("stenosis-coach"))
        # Down to a 1024x700 screen at any text size: pages and the rail scroll.
        self.setMinimumSize(*MINIMUM_WINDOW_SIZE)
        self._entries: list[PageEntry] = []
        self._top_count = 0
        self._icons: dict[tuple[str, str], QIcon] = {}  # each file read once

        self.rail = QFrame()
        self.rail.setObjectName("navRail")
        self._rail_layout = QVBoxLayout(self.rail)
        self._rail_layout.setContentsMargins(SPACING, 2 * SPACING, SPACING, 2 * SPACING)
        self._rail_layout.setSpacing(SPACING)
        self._rail_layout.addStretch(1)
        self.stack = QStackedWidget()

        shell = QWidget()
        row = QHBoxLayout(shell)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        # The rail keeps its width (every label whole); pages scroll when the window is small,
        # and so does the rail when the window is short.
        self.rail.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.rail_area = RailArea(self.rail)
        row.addWidget(self.rail_area)
        row.addWidget(self.stack, 1)
        # The shell (rail + pages), or a full-window flow such as the safety check.
        self.screens = QStackedWidget()
        self.screens.addWidget(shell)
        # The flow's screens, bottom first; the last one is shown. A screen shown over
        # another (This hurts over the routine player) keeps the ones under it alive.
        self._flows: list[QWidget] = []
        self._opener: FocusMark | None = None  # the focus when the flow began: back to it
        self.setCentralWidget(self.screens)

        self.data_actions = DataActions(context)
        context.replace_guard = self.may_replace_data  # restore and import ask it first
        self.today = TodayPage(context)
        self.add_page("today", _("Today"), "today", lambda: self.today)
        self._safety = None  # created on first use: it needs the database layer
        self.walking = None  # WalkController, made with the Walk page
        self._cues = None  # the cue player, made when a coach first needs it
        self._plans = None  # PlanImportController, made on first use
        self._outcomes = None  # OutcomesController (the questionnaire), made on first use
        self.guide = None  # the user guide's window (ui/help), made at the first F1
        self.setAcceptDrops(True)  # a therapist's plan file can be dropped on the window
        self.exercises = None  # ExerciseController, made with the Exercises page
        self.add_page("exercises", _("Exercises"), "exercise", self._make_exercises_page)
        self.add_page("walk", _("Walk"), "walk", self._make_walk_page)
        self.progress = None  # ProgressController, made with the Progress page
        self.add_page("progress", _("Progress"), "progress", self._make_progress_page)
        self.add_page("report", _("Report"), "report", self._make_report_page)
        self.add_page("therapist", _("Therapist"), "therapist", self._make_therapist_page)
        self.new_symptoms = QPushButton(_("I have new\nsymptoms"))
        self.new_symptoms.setAccessibleName(_("I have new symptoms"))
        self.new_symptoms.setToolTip(_("Answer the safety questions now"))
        set_kind(self.new_symptoms, "safety")
        self.new_symptoms.clicked.connect(self._new_symptoms)
        self._rail_layout.addWidget(self.new_symptoms)
        self.add_page("settings", _("Settings"), "settings", self._make_settings, bottom=True)
        self.today.action_requested.connect(self._today_action)
        self.reminders = Reminders(self)  # the reminder timer and the tray (issue 16)
        self.tray = self.reminders.tray  # None when the desktop shows no tray icons
        self._build_menu()
        context.settings_changed.connect(self._restyle)
        self._restyle(context.settings)
        self.show_page("today")

    # -- pages ----------------------------------------------------------------------
    def add_page(
        self,
        key: str,
        label: str,
        icon_name: str,
        factory: Callable[[], QWidget],
        *,
        bottom: bool = False,
    ) -> QToolButton:
        """Add a rail button for a page made by ``factory`` when first shown."""
        nav = NavButton()
        # As wide as the rail: the rail is as wide as the longest label.
        nav.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        nav.setText(label)
        nav.setAccessibleName(label)
        nav.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # A plain push button (not checkable): screen readers then announce a button whose
        # default action opens the page; the current page is marked by style and words.
        nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        set_kind(nav, "nav")
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(holder)
        entry = PageEntry(key, label, icon_name, factory, nav, holder)
        self._entries.append(entry)
        nav.clicked.connect(lambda: self.show_page(key))
        nav.shortcut_used.connect(lambda: self.open_page(key))
        if bottom:
            self._rail_layout.addWidget(nav)
        else:  # above the stretch that separates the top buttons from the bottom ones
            self._rail_layout.insertWidget(self._top_count, nav)
            self._top_count += 1
        number = len(self._entries)
        nav.setShortcut(QKeySequence(f"Ctrl+{number}"))
        nav.setToolTip(_("{page} ({keys})").format(page=label, keys=f"Ctrl+{number}"))
        nav.setIcon(self._icon(icon_name, palette_for(self.context.settings).icon_variant))
        return nav

    def _icon(self, name: str, variant: str) -> QIcon:
        found = self._icons.get((name, variant))
        if found is None:
            found = self._icons[name, variant] = icon(name, variant)
        return found

    def page(self, key: str) -> QWidget:
        """The page for ``key``, created now if it has not been shown yet."""
        entry = self._entry(key)
        if entry.page is None:
            entry.page = entry.factory()
            # Pages scroll, so extra-large text never hides a control off the window.
            entry.holder.layout().addWidget(scrolling_page(entry.page))
        return entry.page

    def show_page(self, key: str) -> QWidget:
        page = self.page(key)
        entry = self._entry(key)
        self.stack.setCurrentWidget(entry.holder)
        for other in self._entries:
            current = other is entry
            other.nav.setProperty("current", current)
            other.nav.setAccessibleDescription(
                _("Current page") if current else other.nav.toolTip()
            )
            if other.nav.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                # Styled again for its new "current"; a button not shown yet is styled
                # once, as it is first shown (the window's first paint does not wait).
                other.nav.style().unpolish(other.nav)
                other.nav.style().polish(other.nav)
                other.nav.updateGeometry()  # bold text is wider: the rail re-measures
        if pressed_by_keys(entry.nav):  # Enter or Space on the rail: into the page, as Ctrl+N
            focus_into(page, Qt.FocusReason.ShortcutFocusReason)
        return page

    def open_page(self, key: str) -> QWidget:
        """Show the page for ``key`` with the keyboard focus on it (Ctrl+1…7): on its first
        control, or on the page itself when it has none, the same way for every page, so
        that Enter and Tab act on the page just opened, never on the rail or a hidden page."""
        page = self.show_page(key)  # a page that catches up with a change is rebuilt here
        focus_into(page, Qt.FocusReason.ShortcutFocusReason)  # from the top
        return page

    def current_key(self) -> str:
        holder = self.stack.currentWidget()
        return next(e.key for e in self._entries if e.holder is holder)

    def nav_button(self, key: str) -> QToolButton:
        return self._entry(key).nav

    def page_keys(self) -> list[str]:
        """Keys in rail order, top to bottom."""
        order = {self._rail_layout.indexOf(e.nav): e.key for e in self._entries}
        return [order[i] for i in sorted(order)]

    # -- full-window flows -----------------------------------------------------------
    def show_flow(self, widget: QWidget) -> None:
        """Cover the rail and pages with ``widget`` (a check, a coach) until :meth:`end_flow`.

        Every screen of a flow stays alive, hidden, under the ones shown over it until the
        flow ends: a controller may still hold one (the routine player, whose timer runs on
        under "This hurts"), and Qt deletes a dropped screen as soon as the event loop
        turns. Showing a screen of the flow again comes back to it as it was, and drops
        (deletes) only the screens that were over it."""
        for depth, holder in enumerate(self._flows):
            if page_in(holder) is widget:
                self._drop_above(depth)
                break
        else:
            if not self._flows:  # the flow begins: its end gives the focus back here
                self._opener = focus_mark(self.screens.widget(0))
            holder = scrolling_page(widget)
            self._flows.append(holder)
            self.screens.addWidget(holder)
        self.screens.setCurrentWidget(holder)
        widget.setFocus()

    def take_flow(self) -> QWidget | None:
        """The screen shown now, to come back to with :meth:`restore_flow` after another
        screen has been shown over it (it stays alive meanwhile)."""
        return self._flows[-1] if self._flows else None

    def restore_flow(self, holder: QWidget | None) -> None:
        """Show a flow screen taken with :meth:`take_flow` again, dropping those shown over
        it; ``None`` (there was none) ends the flow, back to the page that was shown."""
        if holder is not None and holder in self._flows:
            self.show_flow(page_in(holder))
        else:
            self._drop_flow()
            self.screens.setCurrentIndex(0)

    def end_flow(self, page: str = "today") -> None:
        """Back to the rail and ``page`` (Today unless a flow came from another page), the
        focus on the control that opened the flow if it is still there (else the one made
        again in its place, else the page's first control)."""
        opener, self._opener = self._opener, None
        self._drop_flow()
        self.screens.setCurrentIndex(0)
        shown = self.show_page(page)
        self.today.refresh()
        focus_again(opener, shown)

    @property
    def flow(self) -> QWidget | None:
        """The widget of the current flow, if one covers the window."""
        return page_in(self._flows[-1]) if self._flows else None

    def _drop_flow(self) -> None:
        self._drop_above(-1)

    def _drop_above(self, depth: int) -> None:
        """Delete the flow's screens above ``depth`` (``-1``: all of them), top first."""
        while len(self._flows) > depth + 1:
            holder = self._flows.pop()
            self.screens.removeWidget(holder)
            holder.hide()
            holder.deleteLater()

    def _new_symptoms(self) -> None:
        from stenosis_coach.core.safety import CheckTrigger

        if self.leave_session():
            self.safety.start_check(CheckTrigger.ON_DEMAND)

    def leave_session(self, reason: str = "") -> bool:
        """Before a menu or a dropped file opens another screen over a routine or a walk:
        ask, and stop it (kept, as stopped) if the patient says so. ``reason`` says what
        for ("restore your backup"): the question names it. ``True`` when nothing runs any
        more."""
        running = self.running_session()
        if running is None:
            return True
        choice = self.context.dialogs.choose(
            _(STOP_QUESTIONS[running, reason]),
            _("What you did so far is kept."),
            [_("Keep going"), pgettext("button", "Stop")],
            safe=0,
        )
        if choice != 1:
            return False
        if running == "routine":
            self.exercises.stop_for_close()
        else:
            self.walking.stop_for_close()
        self.end_flow()
        return True

    def may_replace_data(self, reason: str = "") -> bool:
        """Before a restore or an import (``reason``, as "restore your backup"): a routine
        or walk is stopped first (asked, naming the reason), and
        a screen open over the pages (a form, a summary, the safety questions) is finished
        first (said), so that nothing still holds the data that is replaced. A routine or
        walk that has ended and waits for its last answers (ratings, the walk's summary)
        is finished first too: stopping it would lose those answers."""
        if self.flow is not None and self._last_answers_open():
            self._finish_first()
            return False
        if not self.leave_session(reason):
            return False
        if self.flow is not None:
            self._finish_first()
            return False
        return self._all_saved()

    def _all_saved(self) -> bool:
        """Nothing recorded waits for the disk (a full disk): replacing the data now would
        lose it for good."""
        from stenosis_coach.ui.heartbeat import (
            NOT_SAVED_TITLE,
            only_in_the_app,
            waiting_writes,
            what_to_do,
        )

        pending = waiting_writes(self.context.coach)
        if pending is None:
            return True
        self.context.dialogs.inform(
            _(NOT_SAVED_TITLE),
            _("{only_in_the_app} Please {what_to_do}, then try again. Nothing was changed.").format(
                only_in_the_app=only_in_the_app(pending.problem),
                what_to_do=what_to_do(pending.problem),
            ),
        )
        return False

    def _last_answers_open(self) -> bool:
        walking, exercises = self.walking, self.exercises
        if walking is not None and walking.running and not walking.coach.live:
            return True
        return (
            exercises is not None
            and exercises.running
            and exercises.session is not None
            and exercises.session.finished
        )

    def _finish_first(self) -> None:
        self.context.dialogs.inform(
            _("Finish what is open first"),
            _("Save or close the screen that is open, then try again. Nothing was changed."),
        )

    def _today_action(self, action: str) -> None:
        action, routine_id = action_target(action)  # "routine:start:ID": a plan's routine
        if action == ADVICE_ACTION:
            self.safety.show_clearance()
        elif action == ADVICE_MISTAKE_ACTION:
            self.safety.confirm_mistake()
        elif action == WEEKLY_ACTION:
            from stenosis_coach.core.safety import CheckTrigger

            self.safety.start_check(CheckTrigger.WEEKLY)
        elif action == ROUTINE_ACTION:
            self.page("exercises")
            self.exercises.start_routine(routine_id)
        elif action == ROUTINE_RESUME_ACTION:
            self.page("exercises")
            self.exercises.resume_routine(routine_id)
        elif action == WALK_ACTION:
            self.show_page("walk")
            self.walking.start_walk()
        elif action == LOG_ACTION:
            self.page("progress")
            self.progress.log_day(back_to="today")
        elif action in FLARE_ACTIONS:
            self.page("walk")
            self.walking.answer_flare(FLARE_ACTIONS[action])
        elif action == ZCQ_ACTION:
            self.outcomes.start(back_to="today")

    @property
    def safety(self):  # -> SafetyController
        """The red-flag screening flows (issue 3); every coach goes through it."""
        if self._safety is None:
            from stenosis_coach.ui.safety.controller import SafetyController

            self._safety = SafetyController(self.context, flows=self, parent=self)
        return self._safety

    @property
    def outcomes(self):  # -> OutcomesController
        """The questionnaire and My activities (issue 15)."""
        if self._outcomes is None:
            from stenosis_coach.ui.outcomes.controller import OutcomesController

            self._outcomes = OutcomesController(self.context, flows=self, parent=self)
        return self._outcomes

    @property
    def plans(self):  # -> PlanImportController
        if self._plans is None:
            from stenosis_coach.ui.plans.controller import PlanImportController

            self._plans = PlanImportController(self.context, flows=self, parent=self)
        return self._plans

    def dragEnterEvent(self, event) -> None:
        if plan_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = plan_files(event.mimeData())
        if files and self.context.coach is not None:
            event.acceptProposedAction()
            self.plans.import_files(files)  # asks may_replace_data first

    @property
    def cues(self):  # -> CuePlayer
        """Spoken and audible cues, following the sound settings at once."""
        if self._cues is None:
            from stenosis_coach.ui.cues import make_cue_player

            self._cues = make_cue_player(self.context.settings)
            self.context.settings_changed.connect(self._apply_sound)
        return self._cues

    def _apply_sound(self, settings: Settings) -> None:
        if self._cues is not None:
            self._cues.set_volume(settings.volume / 100)
            self._cues.set_muted(not settings.sound_on)

    @property
    def settings_page(self):  # -> SettingsPage
        return self.page("settings")

    def _entry(self, key: str) -> PageEntry:
        for entry in self._entries:
            if entry.key == key:
                return entry
        raise LookupError(f"no page {key!r}")

    def _make_exercises_page(self) -> QWidget:
        from stenosis_coach.ui.exercises.controller import ExerciseController
        from stenosis_coach.ui.exercises.page import ExercisesPage
        from stenosis_coach.ui.hosts import CuesWhenNeeded

        page = ExercisesPage(self.context)
        self.exercises = ExerciseController(
            self.context,
            page,
            flows=self,
            safety=self.safety,
            cues=CuesWhenNeeded(lambda: self.cues),  # the player is made at the first cue
            parent=self,
        )
        return page

    def _make_progress_page(self) -> QWidget:
        # pyqtgraph is imported here, the first time the page is shown, not at start-up.
        from stenosis_coach.ui.progress.controller import ProgressController
        from stenosis_coach.ui.progress.page import ProgressPage

        page = ProgressPage(self.context)
        self.progress = ProgressController(
            self.context, page, flows=self, safety=self.safety, parent=self
        )
        # The questionnaire and My activities on demand, back to Progress (issue 15).
        page.questionnaire_requested.connect(lambda: self.outcomes.start(back_to="progress"))
        page.activities_requested.connect(lambda: self.outcomes.change_activities("progress"))
        return page

    def _make_therapist_page(self) -> QWidget:
        from stenosis_coach.ui.therapist.page import TherapistPage

        return TherapistPage(self.context)

    def _make_report_page(self) -> QWidget:
        from stenosis_coach.ui.report.page import ReportPage

        return ReportPage(self.context)

    def _make_walk_page(self) -> QWidget:
        from stenosis_coach.ui.hosts import CuesWhenNeeded
        from stenosis_coach.ui.walking.controller import WalkController
        from stenosis_coach.ui.walking.page import WalkPage

        page = WalkPage(self.context)
        self.walking = WalkController(
            self.context,
            page,
            flows=self,
            safety=self.safety,
            cues=CuesWhenNeeded(lambda: self.cues),  # the player is made at the first cue
            parent=self,
        )
        return page

    def _make_settings(self) -> QWidget:
        from stenosis_coach.ui.pages.settings import SettingsPage

        page = SettingsPage(self.context, cues=lambda: self.cues)
        page.backup_requested.connect(self.data_actions.backup)
        page.restore_requested.connect(self.data_actions.restore)
        page.export_requested.connect(self.data_actions.export_data)
        return page

    # -- chrome ---------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        backup = QAction(_("&Back up…"), self)
        backup.triggered.connect(self.data_actions.backup)
        restore = QAction(_("&Restore…"), self)
        restore.triggered.connect(self.data_actions.restore)  # asks may_replace_data first
        import_plan = QAction(_("&Import plan…"), self)
        import_plan.triggered.connect(
            lambda: self.may_replace_data(IMPORT_REASON) and self.plans.choose_and_import()
        )
        quit_action = QAction(_("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.reminders.quit)  # quits, even with a tray
        file_menu.addAction(import_plan)
        file_menu.addSeparator()
        file_menu.addAction(backup)
        file_menu.addAction(restore)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        symptoms = QAction(_("I have &new symptoms…"), self)
        symptoms.triggered.connect(self._new_symptoms)
        help_menu.addAction(symptoms)
        user_guide = QAction(_("&User guide"), self)
        user_guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
        user_guide.triggered.connect(self.open_guide)
        help_menu.addAction(user_guide)

    def open_guide(self) -> None:
        """Help → User guide (F1): the guide in its own window, at the part for the page
        or the flow in view; a walk or routine running here goes on under it."""
        from stenosis_coach.ui.help.window import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self.context, self)
        flow = self.flow
        self.guide.open_for(self.current_key(), type(flow).__module__ if flow is not None else None)

    def _restyle(self, settings: Settings) -> None:
        variant = palette_for(settings).icon_variant
        size = round(settings.type_scale.body * 1.9)
        for entry in self._entries:
            entry.nav.setIcon(self._icon(entry.icon_name, variant))
            entry.nav.setIconSize(QSize(size, size))
        self.new_symptoms.setIcon(self._icon("safety", variant))
        self.new_symptoms.setIconSize(QSize(size, size))

    def running_session(self) -> str | None:
        """ "routine" or "walk" while one is being recorded, else ``None``."""
        if self.exercises is not None and self.exercises.running:
            return "routine"
        if self.walking is not None and self.walking.running:
            return "walk"
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.reminders.close_to_tray():  # reminders on: the app stays, in the tray
            event.ignore()
            return
        running = self.running_session()
        if running is not None and self.context.coach is not None:
            routine = running == "routine"
            stop = self.context.dialogs.choose(
                _("Stop the routine and close?") if routine else _("Stop the walk and close?"),
                _("A routine is running. Stop it and close? What you did so far is kept.")
                if routine
                else _("A walk is running. Stop it and close? What you did so far is kept."),
                [_("Keep going"), _("Stop and close")],
                safe=0,
            )
            if stop != 1:
                event.ignore()
                return
            if running == "routine":
                self.exercises.stop_for_close()
            else:
                self.walking.stop_for_close()
        # Every live timer stops with the window (nothing ticks into deleted screens).
        if self.exercises is not None:
            self.exercises.end()
        if self.walking is not None:
            self.walking.end()
        from stenosis_coach.ui.heartbeat import may_close_with_unsaved

        if not may_close_with_unsaved(self.context.coach, self.context.dialogs):
            self.end_flow()  # what was stopped waits in the app for space; nothing ticks
            event.ignore()
            return
        self.remember_placement()
        if self.guide is not None:
            self.guide.close()
        self.context.close_database()
        super().closeEvent(event)

    def remember_placement(self) -> None:
        """Keep the window's size, place and maximised state for the next start."""
        from stenosis_coach.services.settings_store import remember_window

        maximised = self.isMaximized()
        shown = self.normalGeometry() if maximised or self.isFullScreen() else self.geometry()
        if shown.isEmpty():
            return
        placement = WindowPlacement(shown.x(), shown.y(), shown.width(), shown.height(), maximised)
        self.context.settings = self.context.settings.with_changes(window=placement)
        remember_window(self.context.paths, placement)
