"""Therapist tools: build a plan (routines, your own exercises, a walking plan), preview it as
the patient will see it, and export it as a ``.scplan.json`` file to hand over (issue 8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stenosis_coach.core.exercises.model import Exercise
from stenosis_coach.errors import InvalidInput
from stenosis_coach.services import exercises as library
from stenosis_coach.services.plans import PLAN_SUFFIX
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.therapist.draft import PlanDraft
from stenosis_coach.ui.therapist.form import ChoiceRow, FormGrid
from stenosis_coach.ui.therapist.own_exercises import OwnExercisesSection, text_box
from stenosis_coach.ui.therapist.picker import ExercisePicker
from stenosis_coach.ui.therapist.preview import PreviewSection
from stenosis_coach.ui.therapist.routines import RoutinesSection
from stenosis_coach.ui.therapist.walking_plan import WalkingSection
from stenosis_coach.ui.widgets import SPACING, Card, PageBase, button, label

PLAN_FILTER = f"Stenosis Coach plans (*{PLAN_SUFFIX});;All files (*)"
SECTIONS = {
    "details": "Plan details",
    "routines": "Routines",
    "exercises": "Your own exercises",
    "walking": "Walking plan",
    "preview": "Preview",
}


class FittingStack(QStackedWidget):
    """A stack as tall as the page it shows (not its tallest page), so nothing scrolls
    past an empty space."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(self._fit)

    def _fit(self, _index: int = 0) -> None:
        for index in range(self.count()):
            page = self.widget(index)
            policy = (
                QSizePolicy.Policy.Preferred
                if page is self.currentWidget()
                else (QSizePolicy.Policy.Ignored)
            )
            page.setSizePolicy(policy, policy)
        self.updateGeometry()


class DetailsSection(Card):
    """Title, author, clinic, patient and notes; edits go straight into the draft."""

    def __init__(self, draft: PlanDraft, edited) -> None:
        super().__init__("Plan details")
        self.draft = draft
        form = FormGrid()
        self.fields: dict[str, QLineEdit] = {}
        rows = [
            ("title", "Plan title", "Plan title", "For example: Flexion programme, weeks 1 to 4"),
            ("author", "Your name", "Your name, as the author", "For example: R. Okafor, PT"),
            ("clinic", "Clinic", "Clinic", "Optional. For example: Lakeside Physio"),
            ("patient", "Patient", "Patient's name", "Optional."),
        ]
        for key, words, name, hint in rows:
            box = QLineEdit()
            box.setAccessibleName(name)
            box.textEdited.connect(lambda text, k=key: (setattr(draft, k, text), edited()))
            self.fields[key] = box
            form.add(words, box, hint)
        self.notes = text_box("Notes for the patient", 4)
        self.notes.textChanged.connect(
            lambda: (setattr(draft, "notes", self.notes.toPlainText()), edited())
        )
        form.add("Notes", self.notes, "Optional. Shown to the patient with the plan.")
        self.body.addLayout(form)
        self.body.addWidget(
            label(
                "Your patient sees your name and clinic beside everything this plan adds.",
                "secondary",
            )
        )


class TherapistPage(PageBase):
    """The editor. Its state is :attr:`draft`; the sections show it and forward edits."""

    def __init__(self, context: AppContext) -> None:
        super().__init__("Therapist tools")
        self._context = context
        self.draft = PlanDraft()
        self._base: dict[str, Exercise] = library.exercises(context.db)

        self.export = button("Export plan…", "Export plan", "primary", shortcut_hint="Ctrl+E")
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
        self.column.addWidget(
            label(
                "Build a plan for your patient: routines, your own exercises and a walking "
                "plan. Export it as a file and give it to them; they open it in the app.",
                "secondary",
            )
        )

        self.screens = FittingStack()
        editor = QWidget()
        box = QVBoxLayout(editor)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3 * SPACING)
        self.tabs = ChoiceRow("Part of the plan", SECTIONS.items())
        self.tabs.chosen.connect(lambda key: self.show_section(str(key)))
        box.addWidget(self.tabs)
        self.sections = FittingStack()
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
            self.sections.addWidget(widget)
        for section in (self.routines, self.own_exercises, self.walking):
            section.edited.connect(self._edited)
        box.addWidget(self.sections)
        self.screens.addWidget(editor)
        self.picker = ExercisePicker()
        self.routines.pick_requested.connect(self._pick)
        self.picker.chosen.connect(self._picked)
        self.picker.cancelled.connect(self._back_from_picker)
        self.screens.addWidget(self.picker)
        self.column.addWidget(self.screens)
        self.column.addStretch(1)
        self._editor = editor
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
        self.sections.setCurrentWidget(widget)

    def current_section(self) -> str:
        current = self.sections.currentWidget()
        return next(k for k, w in self._section_widgets.items() if w is current)

    def _edited(self) -> None:
        if self.sections.currentWidget() is self.preview:
            self.preview.show_plan(self.draft, self.library())

    def _reload_library(self) -> None:
        if self._context.db is not None:
            self._base = library.exercises(self._context.db)

    # -- choosing an exercise -------------------------------------------------------------
    def _pick(self, routine: int) -> None:
        if routine < 0:
            return
        self.picker.show_library(self.library(), self.draft.routines[routine].name)
        self.screens.setCurrentWidget(self.picker)
        self.picker.setFocus()

    def _picked(self, exercise_id: str) -> None:
        self.screens.setCurrentWidget(self._editor)
        self.routines.add_exercise(self.library()[exercise_id])

    def _back_from_picker(self) -> None:
        self.screens.setCurrentWidget(self._editor)
        self.routines.add_step.setFocus()

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
        from stenosis_coach.services.plans import write_plan_file

        dialogs = self._context.dialogs
        problems = self.problems()
        if problems:
            dialogs.warn(
                "The plan is not ready yet",
                "Please fix this first:\n" + "\n".join(f"•  {p}" for p in problems),
            )
            return
        suggested = Path.home() / self.draft.file_name()
        chosen = dialogs.save_path("Export plan", suggested, PLAN_FILTER)
        if chosen is None:
            return
        out = plan_path(chosen)
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
            dialogs.warn("The plan was not exported", exc.message)
            return
        dialogs.inform(
            "Plan exported",
            f"The plan was saved to {written}.\nGive this file to your patient. They open it "
            "in Stenosis Coach with File, then Import plan.",
        )


def plan_path(chosen: Path) -> Path:
    """The chosen file name, ending in ``.scplan.json`` (a bare ``plan`` becomes one)."""
    name = chosen.name
    if name.endswith(PLAN_SUFFIX):
        return chosen
    return chosen.with_name(name.removesuffix(".json") + PLAN_SUFFIX)
