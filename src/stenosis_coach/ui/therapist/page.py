"""Therapist tools: build a plan (routines, your own exercises, a walking plan), preview it as
the patient will see it, and export it as a ``.scplan.json`` file to hand over (issue 8)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach.core.exercises.model import Exercise
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import N_, _, pgettext
from stenosis_coach.services import exercises as library
from stenosis_coach.services.plans import PLAN_SUFFIX, write_plan_file
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.dialogs import plan_filter
from stenosis_coach.ui.plans.controller import PLANS
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.therapist.form import ChoiceRow, FormGrid, refit
from stenosis_coach.ui.therapist.own_exercises import OwnExercisesSection, text_box
from stenosis_coach.ui.therapist.picker import ExercisePicker
from stenosis_coach.ui.therapist.preview import PreviewSection
from stenosis_coach.ui.therapist.routines import RoutinesSection
from stenosis_coach.ui.therapist.walking_plan import WalkingSection
from stenosis_coach.ui.widgets import SPACING, Card, PageBase, button, label

SECTIONS = {  # marked; translated where shown
    "details": N_("Details"),
    "routines": N_("Routines"),
    "exercises": N_("Your exercises"),
    "walking": N_("Walking"),
    "preview": N_("Preview"),
}


class OnePage(QWidget):
    """Pages of which one shows; hidden pages take no room (a QStackedWidget would be as
    tall as its tallest page, leaving gaps under the shorter ones)."""

    def __init__(self) -> None:
        super().__init__()
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []

    def add(self, page: QWidget) -> None:
        self._box.addWidget(page)  # first: a widget shown with no parent is a window
        page.setVisible(not self._pages)
        self._pages.append(page)

    def current(self) -> QWidget:
        return next(p for p in self._pages if not p.isHidden())

    def show_only(self, page: QWidget) -> None:
        for other in self._pages:
            other.setVisible(other is page)
        refit(self)


class DetailsSection(Card):
    """Title, author, clinic, patient and notes; edits go straight into the draft."""

    def __init__(self, draft: PlanDraft, edited: Callable[[], None]) -> None:
        super().__init__(_("Plan details"))
        self.draft = draft
        self._edited = edited
        form = FormGrid()
        self.fields: dict[str, QLineEdit] = {}
        rows = [
            (
                "title",
                _("Plan title"),
                _("Plan title"),
                _("For example: Flexion programme, weeks 1 to 4"),
            ),
            (
                "author",
                _("Your name"),
                _("Your name, as the author"),
                _("For example: R. Okafor, PT"),
            ),
            ("clinic", _("Clinic"), _("Clinic"), _("Optional. For example: Lakeside Physio")),
            ("patient", _("Patient"), _("Patient's name"), _("Optional.")),
        ]
        for key, words, name, hint in rows:
            box = QLineEdit()
            box.setAccessibleName(name)
            box.textEdited.connect(lambda text, k=key: self._set(k, text))
            self.fields[key] = box
            form.add(words, box, hint)
        self.notes = text_box(_("Notes for the patient"), 4)
        self.notes.textChanged.connect(lambda: self._set("notes", self.notes.toPlainText()))
        form.add(_("Notes"), self.notes, _("Optional. Shown to the patient with the plan."))
        self.body.addLayout(form)
        self.body.addWidget(
            label(
                _("Your patient sees your name and clinic beside everything this plan adds."),
                "secondary",
            )
        )

    def _set(self, field: str, text: str) -> None:
        """An edit of ``field`` goes straight into the draft."""
        setattr(self.draft, field, text)
        self._edited()


class TherapistPage(PageBase):
    """The editor. Its state is :attr:`draft`; the sections show it and forward edits."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(_("Therapist tools"), margin=(3, 4))  # 24 px sides: fits 1024 px
        self._context = context
        self.draft = PlanDraft()
        self._base: dict[str, Exercise] = self._known_exercises()

        self.export = button(
            _("Export plan…"), _("Export plan"), "primary", shortcut_hint=pgettext("key", "Ctrl+E")
        )
        self.export.clicked.connect(self.export_plan)
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.export_plan)
        header = QHBoxLayout()
        header.setSpacing(2 * SPACING)
        self.column.removeWidget(self.title)
        header.addWidget(self.title, 1)
        header.addWidget(self.export, 0, Qt.AlignmentFlag.AlignVCenter)
        self.column.insertLayout(0, header)
        self.intro = label(
            _(
                "Build a plan for your patient: routines, your own exercises and a walking "
                "plan. Export it as a file and give it to them; they open it in the app."
            ),
            "secondary",
        )
        self.column.addWidget(self.intro)

        self.screens = OnePage()
        editor = QWidget()
        box = QVBoxLayout(editor)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3 * SPACING)
        sections = [(key, _(words)) for key, words in SECTIONS.items()]
        self.tabs = ChoiceRow(_("Part of the plan"), sections)
        self.tabs.chosen.connect(lambda key: self.show_section(str(key)))
        box.addWidget(self.tabs)
        self.sections = OnePage()
        self.details = DetailsSection(self.draft, self._edited)
        self.routines = RoutinesSection(self.draft, self.library, context.dialogs)
        self.own_exercises = OwnExercisesSection(self.draft, context.dialogs)
        self.walking = WalkingSection(self.draft)
        self.preview = PreviewSection()
        self._section_widgets = {
            "details": self.details,
            "routines": self.routines,
            "exercises": self.own_exercises,
            "walking": self.walking,
            "preview": self.preview,
        }
        for widget in self._section_widgets.values():
            self.sections.add(widget)
        for section in (self.routines, self.own_exercises, self.walking):
            section.edited.connect(self._edited)
        box.addWidget(self.sections)
        self.screens.add(editor)
        self.picker = ExercisePicker()
        self.routines.pick_requested.connect(self._pick)
        self.picker.chosen.connect(self._picked)
        self.picker.cancelled.connect(self._back_from_picker)
        self.screens.add(self.picker)
        self.column.addWidget(self.screens)
        self.column.addStretch(1)
        self._editor = editor
        self._editor_scroll = 0
        self.show_section("details")
        context.database_ready.connect(self._reload_library)
        context.data_changed.connect(self._reload_library)

    # -- sections -----------------------------------------------------------------------
    def library(self) -> dict[str, Exercise]:
        """Built-in and imported exercises, with this plan's own."""
        return self.draft.library(self._base)

    def show_section(self, key: str) -> None:
        self.tabs.set_value(key)
        widget = self._section_widgets[key]
        if key == "routines":
            self.routines.refresh()  # your own exercises may have been renamed meanwhile
        elif key == "preview":
            self.preview.show_plan(self.draft, self.library())
        self.sections.show_only(widget)

    def current_section(self) -> str:
        current = self.sections.current()
        return next(k for k, w in self._section_widgets.items() if w is current)

    def _edited(self) -> None:
        if self.sections.current() is self.preview:
            self.preview.show_plan(self.draft, self.library())

    def _known_exercises(self) -> dict[str, Exercise]:
        """Built-in exercises and those imported plans brought (built-in alone before the
        data is open)."""
        coach = self._context.coach
        if coach is None or coach.closed:
            return library.exercises()
        return coach.exercises()

    def _reload_library(self) -> None:
        if self._context.coach is not None and not self._context.coach.closed:
            self._base = self._known_exercises()

    # -- choosing an exercise -------------------------------------------------------------
    def _pick(self, routine: int) -> None:
        if routine < 0:
            return
        self.picker.show_library(self.library(), self.draft.routines[routine].name)
        self.export.hide()  # one main action at a time: here, adding the exercise
        self.intro.hide()
        self.screens.show_only(self.picker)
        self.picker.setFocus()
        self._editor_scroll = self._scroll(0)  # a screen of its own: shown from its top

    def _picked(self, exercise_id: str) -> None:
        self._back_from_picker()
        self.routines.add_exercise(self.library()[exercise_id])

    def _back_from_picker(self) -> None:
        self.export.show()
        self.intro.show()
        self.screens.show_only(self._editor)
        self._scroll(self._editor_scroll)
        self.routines.add_step.setFocus()

    def _scroll(self, to: int) -> int:
        """Scroll the page (in the window's scroll area) to ``to``; where it was before."""
        holder = self.parentWidget()
        area = holder.parentWidget() if holder is not None else None
        if not isinstance(area, QScrollArea):
            return 0
        bar = area.verticalScrollBar()
        was = bar.value()
        bar.setValue(to)
        return was

    # -- export -------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """Everything to fix before exporting: values refused as typed, then the plan's."""
        typed = [
            *self.routines.problems(),
            *self.own_exercises.problems(),
            *self.walking.problems(),
        ]
        return typed + self.draft.problems()

    def export_plan(self) -> None:
        """Ask where, write the file (nothing is written if the plan is not valid), say so."""
        dialogs = self._context.dialogs
        problems = self.problems()
        if problems:
            dialogs.warn(
                _("The plan is not ready yet"),
                _("Please fix this first:\n{problems}").format(
                    problems="\n".join(f"•  {p}" for p in problems)
                ),
            )
            return
        suggested = dialogs.start_folder(PLANS) / self.draft.file_name()
        out = dialogs.save_path(_("Export plan"), suggested, plan_filter(), PLAN_SUFFIX)
        if out is None:
            return
        dialogs.remember_folder(PLANS, out)
        d = self.draft
        try:
            written = write_plan_file(
                out,
                d.title.strip(),
                d.author.strip(),
                d.clinic.strip() or None,
                d.routines_for_export(),
                d.exercises_for_export(self._base),
                d.walking_plan(),
                patient=d.patient.strip() or None,
                notes=d.notes.strip() or None,
            )
        except InvalidInput as exc:
            dialogs.warn(_("The plan was not exported"), exc.message)
            return
        dialogs.inform(
            _("Plan exported"),
            _(
                "The plan was saved to {file}.\nGive this file to your patient. They open it "
                "in Stenosis Coach with File, then Import plan."
            ).format(file=written),
        )
