"""The Exercises page: your routine, all routines, the exercise library, and history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from stenosis_coach.core.exercises.model import Exercise
from stenosis_coach.core.words import day_text, minutes_text
from stenosis_coach.i18n import N_, _, ngettext, pgettext
from stenosis_coach.services import exercises as library
from stenosis_coach.services.changes import Change
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.exercises.illustration import Illustration
from stenosis_coach.ui.tables import rows_view
from stenosis_coach.ui.widgets import SPACING, Card, PageBase, button, button_row, label
from stenosis_coach.ui.writes import Follow, write

POSITIONS = {  # shown as _(POSITIONS[...])
    "lying": N_("Lying down"),
    "sitting": N_("Sitting"),
    "standing": N_("Standing"),
    "cycling": N_("On an exercise bike"),
}


class ExercisesPage(PageBase):
    """Signals:
    start_requested(str): start the routine with this id.
    """

    start_requested = Signal(str)

    def __init__(self, context: AppContext) -> None:
        super().__init__(_("Exercises"))
        self._context = context
        self._library = library.exercises()
        self._shown_ids: tuple = ()

        self.mine = Card(_("Your routine"))
        self.mine_text = label("")
        self.mine.body.addWidget(self.mine_text)
        self.start_mine = button(_("Start the routine"), kind="primary")
        self.start_mine.clicked.connect(lambda: self.start_requested.emit(self._mine_id))
        self.mine.body.addLayout(button_row(self.start_mine))
        self.column.addWidget(self.mine)

        self.routines_card = Card(_("All routines"))
        self._routines_box = QVBoxLayout()
        self._routines_box.setSpacing(2 * SPACING)
        self.routines_card.body.addLayout(self._routines_box)
        self.routine_buttons: dict[str, tuple] = {}
        self._show_routines(library.routines())
        self.column.addWidget(self.routines_card)

        self.column.addWidget(self._library_card())

        self.history_card = Card(_("Recent sessions"))
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
            heading = _("{routine} — {length}").format(routine=routine.name, length=length)
            box.addWidget(label(heading, "section-title"))
            suggested = ngettext(
                "Suggested {n} time a week.", "Suggested {n} times a week.", routine.per_week
            ).format(n=routine.per_week)
            # A routine imported without a description: no space is left for it.
            if routine.description:
                about = (
                    _("{description} From {author}. {suggested}")
                    if routine.author
                    else _("{description} {suggested}")
                )
            else:
                about = _("From {author}. {suggested}") if routine.author else "{suggested}"
            box.addWidget(
                label(
                    about.format(
                        description=routine.description,
                        author=routine.author,
                        suggested=suggested,
                    ),
                    "secondary",
                )
            )
            start = button(
                pgettext("button", "Start"), _("Start {routine}").format(routine=routine.name)
            )
            choose = button(
                _("Make this my routine"),
                _("Make {routine} my routine").format(routine=routine.name),
            )
            start.clicked.connect(lambda _=False, r=routine.id: self.start_requested.emit(r))
            choose.clicked.connect(lambda _=False, r=routine.id: self._choose(r))
            box.addLayout(button_row(start, choose))
            self.routine_buttons[routine.id] = (start, choose)
            self._routines_box.addWidget(holder)

    def _library_card(self) -> Card:
        card = Card(_("Exercise library"))
        row = QHBoxLayout()
        row.setSpacing(2 * SPACING)
        self.exercise_list = rows_view(QListWidget())
        self.exercise_list.setAccessibleName(_("Exercises"))
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
        self.ex_alternative = button(_("Chair or bed version"), _("Show the chair or bed version"))
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
            item = QListWidgetItem(library_entry(exercise))
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
        length = library.routine_length(routine, self._library)
        if routine.description:
            mine = (
                _("{routine} — {length}. {description} From {author}.")
                if routine.author
                else _("{routine} — {length}. {description}")
            )
        else:  # imported without a description: no space is left for it
            mine = (
                _("{routine} — {length}. From {author}.")
                if routine.author
                else _("{routine} — {length}.")
            )
        self.mine_text.setText(
            mine.format(
                routine=routine.name,
                length=length,
                description=routine.description,
                author=routine.author,
            )
        )
        for routine_id, (_start, choose) in self.routine_buttons.items():
            choose.setEnabled(routine_id != self._mine_id)
            choose.setText(
                _("This is your routine")
                if routine_id == self._mine_id
                else _("Make this my routine")
            )
        lines = []
        today = coach.today_date()
        for summary in coach.routine_history(8):
            when = day_text(summary.session.local_start, today)  # year: not this year
            state = summary.state_words  # finished (with what was skipped), stopped early
            pains = summary.before.leg is not None and summary.after.leg is not None
            line = (
                _("{day}: {routine}, {minutes}, {how}; leg pain {before} → {after}")
                if pains
                else _("{day}: {routine}, {minutes}, {how}")
            )
            lines.append(
                line.format(
                    day=when,
                    routine=summary.session.title,
                    minutes=minutes_text(summary.session.elapsed_s),
                    how=state,
                    before=summary.before.leg,
                    after=summary.after.leg,
                )
            )
        self.history_list.setText(
            "\n".join(lines) if lines else _("No sessions yet. Your routines will be listed here.")
        )

    def _choose(self, routine_id: str) -> None:
        write(
            self._context,
            lambda coach: coach.choose_routine(routine_id),
            _("Your routine was not changed"),
        )

    def _show_exercise(self, current: QListWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        self.show_exercise(self._library[current.data(Qt.ItemDataRole.UserRole)])

    def show_exercise(self, exercise: Exercise) -> None:
        self.picture.show_exercise(exercise.illustration, exercise.name)
        self.ex_name.setText(exercise.name)
        where = _(POSITIONS[exercise.position.value])
        if exercise.floor:
            where = _("{position}, on the floor").format(position=where)
        if exercise.region == "cervical":
            where = _("{position} · neck exercise").format(position=where)
        self.ex_position.setText(where)
        self.ex_steps.setText(
            "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
        )
        self.ex_cautions.setText(
            _("Take care:") + "\n" + "\n".join(f"•  {c}" for c in exercise.cautions)
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


def library_entry(exercise: Exercise) -> str:
    """An exercise in the library's list: its name, "(neck)", who made it."""
    text = exercise.name
    if exercise.region == "cervical":
        text = _("{exercise} (neck)").format(exercise=text)
    if exercise.author:
        text = _("{exercise} — from {author}").format(exercise=text, author=exercise.author)
    return text


def dose_text(exercise: Exercise) -> str:
    d = exercise.default
    if d.duration_s is not None:
        what = minutes_text(d.duration_s)
    elif d.hold_s:
        reps = d.reps or 0
        what = ngettext(
            "{n} time, holding {seconds} s each", "{n} times, holding {seconds} s each", reps
        ).format(n=reps, seconds=d.hold_s)
    else:
        reps = d.reps or 0
        what = ngettext("{n} time", "{n} times", reps).format(n=reps)
    if d.sets > 1:
        what = ngettext("{n} set of {dose}", "{n} sets of {dose}", d.sets).format(
            n=d.sets, dose=what
        )
    if d.sides.value == "each":
        what = _("{dose}, each side").format(dose=what)
    return _("Usual dose: {dose}.").format(dose=what)
