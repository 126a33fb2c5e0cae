"""The Exercises page: your routine, all routines, the exercise library, and history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Exercise
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.services import exercises as library
from stenosis_coach.services.changes import Change
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.exercises.illustration import Illustration
from stenosis_coach.ui.tables import rows_view
from stenosis_coach.ui.widgets import SPACING, Card, PageBase, button, button_row, label
from stenosis_coach.ui.writes import Follow, write

POSITIONS = {
    "lying": "Lying down",
    "sitting": "Sitting",
    "standing": "Standing",
    "cycling": "On an exercise bike",
}


class ExercisesPage(PageBase):
    """Signals:
    start_requested(str): start the routine with this id.
    """

    start_requested = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__("Exercises")
        self._context = context
        self._library = library.exercises()
        self._shown_ids: tuple = ()

        self.mine = Card("Your routine")
        self.mine_text = label("")
        self.mine.body.addWidget(self.mine_text)
        self.start_mine = button("Start the routine", kind="primary")
        self.start_mine.clicked.connect(lambda: self.start_requested.emit(self._mine_id))
        self.mine.body.addLayout(button_row(self.start_mine))
        self.column.addWidget(self.mine)

        self.routines_card = Card("All routines")
        self._routines_box = QVBoxLayout()
        self._routines_box.setSpacing(2 * SPACING)
        self.routines_card.body.addLayout(self._routines_box)
        self.routine_buttons: dict[str, tuple] = {}
        self._show_routines(library.routines())
        self.column.addWidget(self.routines_card)

        self.column.addWidget(self._library_card())

        self.history_card = Card("Recent sessions")
        self.history_list = label("", wrap=True)
        self.history_card.body.addWidget(self.history_list)
        self.column.addWidget(self.history_card)
        self.column.addStretch(1)

        self._mine_id = ""
        self.follow = Follow(self, context, {Change.ROUTINES, Change.PLANS}, self.refresh)
        self.refresh()

    def _show_routines(self, routines) -> None:
        """(Re)build the list of routines, e.g. after a therapist's plan was imported."""
        while self._routines_box.count():
            item = self._routines_box.takeAt(0)
            holder = item.widget()
            if holder is not None:
                holder.hide()
                holder.deleteLater()
        self.routine_buttons = {}
        for routine in routines.values():
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(SPACING)
            length = library.routine_length(routine, self._library)
            heading = f"{routine.name} — {length}"
            box.addWidget(label(heading, "section-title"))
            origin = f" From {routine.author}." if routine.author else ""
            box.addWidget(
                label(
                    f"{routine.description}{origin} Suggested {routine.per_week} times a week.",
                    "secondary",
                )
            )
            start = button("Start", f"Start {routine.name}")
            choose = button("Make this my routine", f"Make {routine.name} my routine")
            start.clicked.connect(lambda _=False, r=routine.id: self.start_requested.emit(r))
            choose.clicked.connect(lambda _=False, r=routine.id: self._choose(r))
            box.addLayout(button_row(start, choose))
            self.routine_buttons[routine.id] = (start, choose)
            self._routines_box.addWidget(holder)

    def _library_card(self) -> Card:
        card = Card("Exercise library")
        row = QHBoxLayout()
        row.setSpacing(2 * SPACING)
        self.exercise_list = rows_view(QListWidget())
        self.exercise_list.setAccessibleName("Exercises")
        self.exercise_list.setMinimumWidth(260)  # with the picture, fits 1024 px at any size
        self._fill_library()
        self.exercise_list.currentItemChanged.connect(self._show_exercise)
        row.addWidget(self.exercise_list)
        detail = QVBoxLayout()
        detail.setSpacing(SPACING)
        self.picture = Illustration(280)
        self.ex_name = label("", "section-title")
        self.ex_position = label("", "secondary")
        self.ex_steps = label("")
        self.ex_cautions = label("")
        self.ex_dose = label("", "secondary")
        self.ex_alternative = button("Chair or bed version", "Show the chair or bed version")
        self.ex_alternative.clicked.connect(self._show_alternative)
        for widget in (
            self.picture,
            self.ex_name,
            self.ex_position,
            self.ex_steps,
            self.ex_dose,
            self.ex_cautions,
        ):
            detail.addWidget(widget)
        detail.addLayout(button_row(self.ex_alternative))
        detail.addStretch(1)
        row.addLayout(detail, 1)
        card.body.addLayout(row)
        self.exercise_list.setCurrentRow(0)
        return card

    def _fill_library(self) -> None:
        self.exercise_list.clear()
        for exercise in self._library.values():
            neck = " (neck)" if exercise.region == "cervical" else ""
            mine = f" — from {exercise.author}" if exercise.author else ""
            item = QListWidgetItem(f"{exercise.name}{neck}{mine}")
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.exercise_list.addItem(item)

    def refresh(self) -> None:
        coach = self._context.coach
        if coach is None:
            return
        found = coach.routines()
        exercises = coach.exercises()
        ids = (tuple(found), tuple(exercises))
        if ids != self._shown_ids:  # a plan was imported: show its routines and exercises
            self._shown_ids = ids
            self._library = exercises
            self._show_routines(found)
            self._fill_library()
            self.exercise_list.setCurrentRow(0)
        routine = coach.my_routine()
        self._mine_id = routine.id
        origin = f" From {routine.author}." if routine.author else ""
        length = library.routine_length(routine, self._library)
        self.mine_text.setText(f"{routine.name} — {length}. {routine.description}{origin}")
        for routine_id, (_start, choose) in self.routine_buttons.items():
            choose.setEnabled(routine_id != self._mine_id)
            choose.setText(
                "This is your routine" if routine_id == self._mine_id else "Make this my routine"
            )
        lines = []
        today = coach.today_date()
        for summary in coach.routine_history(8):
            when = day_text(summary.session.local_start, today)  # year: not this year
            state = summary.state_words  # finished (with what was skipped), stopped early
            line = f"{when}: {summary.session.title}, {minutes_text(summary.session.elapsed_s)}"
            line += f", {state}"
            if summary.before.leg is not None and summary.after.leg is not None:
                line += f"; leg pain {summary.before.leg} → {summary.after.leg}"
            lines.append(line)
        self.history_list.setText(
            "\n".join(lines) if lines else "No sessions yet. Your routines will be listed here."
        )

    def _choose(self, routine_id: str) -> None:
        write(
            self._context,
            lambda coach: coach.choose_routine(routine_id),
            "Your routine was not changed",
        )

    def _show_exercise(self, current: QListWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        self.show_exercise(self._library[current.data(Qt.ItemDataRole.UserRole)])

    def show_exercise(self, exercise: Exercise) -> None:
        self.picture.show_exercise(exercise.illustration, exercise.name)
        self.ex_name.setText(exercise.name)
        where = POSITIONS[exercise.position.value]
        self.ex_position.setText(
            where
            + (", on the floor" if exercise.floor else "")
            + (" · neck exercise" if exercise.region == "cervical" else "")
        )
        self.ex_steps.setText(
            "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
        )
        self.ex_cautions.setText(
            "Take care:\n" + "\n".join(f"•  {c}" for c in exercise.cautions)
            if exercise.cautions
            else ""
        )
        self.ex_dose.setText(dose_text(exercise))
        self._alternative = exercise.alternative
        self.ex_alternative.setVisible(exercise.alternative is not None)

    def _show_alternative(self) -> None:
        if self._alternative:
            for row in range(self.exercise_list.count()):
                if self.exercise_list.item(row).data(Qt.ItemDataRole.UserRole) == self._alternative:
                    self.exercise_list.setCurrentRow(row)
                    return


def dose_text(exercise: Exercise) -> str:
    d = exercise.default
    if d.duration_s is not None:
        what = f"{minutes_text(d.duration_s)}"
    else:
        what = f"{d.reps} times" + (f", holding {d.hold_s} s each" if d.hold_s else "")
    if d.sets > 1:
        what = f"{d.sets} sets of {what}"
    if d.sides.value == "each":
        what += ", each side"
    return f"Usual dose: {what}."
