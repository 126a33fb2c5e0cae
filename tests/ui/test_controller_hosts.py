"""Controllers are built from what they use (issue 14): a flow host, the safety gate, a cue
player and the AppContext, never the window. Here with small fakes and no MainWindow."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from stenosis_coach.core.safety import CheckTrigger
from stenosis_coach.core.settings import Settings
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.ui.context import AppContext
from stenosis_coach.ui.cues import FakeCuePlayer

LAKESIDE = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"


class FakeFlows:
    """A flow host that remembers what it was asked to show and where flows ended; every
    screen it showed is closed and deleted after the test (``keep``)."""

    def __init__(self, keep: Callable[[QWidget], None]) -> None:
        self._keep = keep
        self.shown: list[QWidget] = []
        self.ended: list[str] = []
        self._open: list[QWidget] = []

    def show_flow(self, widget: QWidget) -> None:
        if widget not in self.shown:
            self._keep(widget)
        self.shown.append(widget)
        if widget in self._open:
            del self._open[self._open.index(widget) + 1 :]
        else:
            self._open.append(widget)

    def end_flow(self, page: str = "today") -> None:
        self.ended.append(page)
        self._open.clear()

    def take_flow(self) -> QWidget | None:
        return self._open[-1] if self._open else None

    def restore_flow(self, holder: QWidget | None) -> None:
        if holder is None:
            self._open.clear()
        else:
            self.show_flow(holder)

    @property
    def top(self) -> QWidget | None:
        return self._open[-1] if self._open else None


class FakeGate:
    """A safety gate that lets every session start, and notes what it was told."""

    def __init__(self) -> None:
        self.requests = 0
        self.after: list[dict[str, object]] = []

    def request_session(self, start: Callable[[], None]) -> None:
        self.requests += 1
        start()

    def after_session(
        self,
        *,
        must_stop: bool = False,
        worst_hurt: int | None = None,
        new_symptoms: bool = False,
        rest_not_easing: bool = False,
    ) -> bool:
        self.after.append(
            dict(
                must_stop=must_stop,
                worst_hurt=worst_hurt,
                new_symptoms=new_symptoms,
                rest_not_easing=rest_not_easing,
            )
        )
        return False


@pytest.fixture
def context(qtbot, paths, clock, dialogs) -> Iterator[AppContext]:
    ctx = AppContext(paths, Settings(), clock, dialogs)
    ctx.open_database()
    yield ctx
    ctx.close_database()


@pytest.fixture
def flows(qtbot) -> FakeFlows:
    return FakeFlows(qtbot.addWidget)


@pytest.fixture
def gate() -> FakeGate:
    return FakeGate()


def texts(widget: QWidget) -> list[str]:
    return [lbl.text() for lbl in widget.findChildren(QLabel) if lbl.text()]


# -- built without a window -------------------------------------------------------------------
def test_the_walk_controller_starts_a_walk_through_the_gate_on_its_flow_host(
    qtbot, context, flows, gate
):
    from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
    from stenosis_coach.ui.walking.controller import WalkController
    from stenosis_coach.ui.walking.page import WalkPage

    page = WalkPage(context)
    qtbot.addWidget(page)
    cues = FakeCuePlayer(strict=True)
    controller = WalkController(context, page, flows=flows, safety=gate, cues=cues, parent=page)
    controller.start_walk()
    assert gate.requests == 1
    assert isinstance(flows.top, WalkCoachScreen) and controller.running
    controller.stop_for_close()
    assert not controller.running


def test_the_walk_controller_logs_a_walk_and_goes_back_to_the_walk_page(
    qtbot, context, flows, gate
):
    from stenosis_coach.ui.walking.controller import WalkController
    from stenosis_coach.ui.walking.log_screen import LogWalkScreen
    from stenosis_coach.ui.walking.page import WalkPage

    page = WalkPage(context)
    qtbot.addWidget(page)
    controller = WalkController(
        context, page, flows=flows, safety=gate, cues=FakeCuePlayer(), parent=page
    )
    screen = controller.log_walk()
    assert flows.top is screen and isinstance(screen, LogWalkScreen)
    screen.cancelled.emit()
    assert flows.ended == ["walk"]


def test_the_exercise_controller_asks_the_gate_then_shows_the_ratings(qtbot, context, flows, gate):
    from stenosis_coach.ui.exercises.controller import ExerciseController
    from stenosis_coach.ui.exercises.page import ExercisesPage
    from stenosis_coach.ui.exercises.screens import PlayerScreen, RatingsScreen

    page = ExercisesPage(context)
    qtbot.addWidget(page)
    cues = FakeCuePlayer(strict=True)
    controller = ExerciseController(context, page, flows=flows, safety=gate, cues=cues, parent=page)
    controller.start_routine(back_to="exercises")
    assert gate.requests == 1 and isinstance(flows.top, RatingsScreen)
    flows.top.done.emit(2, 1, False)
    assert isinstance(flows.top, PlayerScreen) and controller.running
    assert cues.played  # the first exercise's cue, through the cue player it was given
    controller.stop_for_close()
    assert not controller.running


def test_the_progress_controller_runs_the_standing_test_over_the_log_and_back(
    qtbot, context, flows, gate
):
    from stenosis_coach.ui.progress.controller import ProgressController
    from stenosis_coach.ui.progress.daily_screen import DailyLogScreen, StandingTestScreen
    from stenosis_coach.ui.progress.page import ProgressPage

    page = ProgressPage(context)
    qtbot.addWidget(page)
    controller = ProgressController(context, page, flows=flows, safety=gate, parent=page)
    log = controller.log_day()
    assert isinstance(flows.top, DailyLogScreen)
    log.standing_requested.emit()
    assert isinstance(flows.top, StandingTestScreen)
    flows.top.finished.emit(None)
    assert flows.top is log
    log.cancelled.emit()
    assert flows.ended == ["progress"]


def test_the_safety_controller_runs_the_first_check_on_its_flow_host(qtbot, context, flows):
    from stenosis_coach.ui.safety.controller import SafetyController
    from stenosis_coach.ui.safety.screens import QuestionScreen, WelcomeScreen

    controller = SafetyController(context, flows=flows, parent=context)
    controller.on_startup()
    assert isinstance(flows.top, WelcomeScreen)
    flows.top.proceed.emit()
    assert isinstance(flows.top, QuestionScreen)
    started: list[bool] = []
    controller.request_session(lambda: started.append(True))  # the check comes first
    assert started == [] and isinstance(flows.top, QuestionScreen)


def test_the_plan_controller_previews_on_its_flow_host(qtbot, context, flows):
    from stenosis_coach.ui.plans.controller import PlanImportController
    from stenosis_coach.ui.plans.preview_screen import ImportPreviewScreen

    controller = PlanImportController(context, flows=flows, parent=context)
    screen = controller.import_files([LAKESIDE])
    assert isinstance(screen, ImportPreviewScreen) and flows.top is screen
    screen.confirmed.emit()
    assert flows.ended == ["exercises"]
    assert context.dialogs.shown[-1][:2] == ("inform", "Plan imported")


# -- words, in the pseudo-locale --------------------------------------------------------------
def test_the_routine_s_questions_are_translated(pseudo, qtbot, context, flows, gate, dialogs):
    from stenosis_coach.ui.exercises.controller import ExerciseController
    from stenosis_coach.ui.exercises.page import ExercisesPage

    page = ExercisesPage(context)
    qtbot.addWidget(page)
    controller = ExerciseController(
        context, page, flows=flows, safety=gate, cues=FakeCuePlayer(), parent=page
    )
    controller.start_routine()
    ratings = flows.top
    assert ratings is not None
    intro = "Before you start: how are your legs and back right now?"
    assert f"⟦{intro}⟧" in texts(ratings)
    ratings.done.emit(None, None, False)
    dialogs.choices.append(0)  # "Keep going"
    controller.ask_to_stop()
    question = dialogs.questions[-1]
    assert question.title == "⟦Stop the routine?⟧"
    assert question.text == "⟦What you did so far is kept.⟧"
    assert question.options == ["⟦Keep going⟧", "⟦Stop⟧"]
    dialogs.choices.append(1)  # "Stop"
    controller.ask_to_stop()
    assert "⟦How are your legs and back now?⟧" in texts(flows.top)
    controller.stop_for_close()


def test_the_walk_s_questions_and_the_card_s_words_are_translated(
    pseudo, qtbot, context, flows, gate, dialogs, tmp_path
):
    from stenosis_coach.ui.walking.controller import WalkController
    from stenosis_coach.ui.walking.page import WalkPage

    page = WalkPage(context)
    qtbot.addWidget(page)
    controller = WalkController(
        context, page, flows=flows, safety=gate, cues=FakeCuePlayer(), parent=page
    )
    controller.start_walk()
    assert controller.coach is not None
    dialogs.choices.append(1)  # "End the walk"
    controller.coach.ask_to_end()
    end = dialogs.questions[-1]
    assert (
        end.title == "⟦End the walk?⟧"
        and end.text == "⟦Next, you can save what you walked so far.⟧"
    )
    assert end.options == ["⟦Keep walking⟧", "⟦End the walk⟧"]
    summary = flows.top
    dialogs.choices.append(0)  # "Go back to the walk"
    summary.left.emit()
    leave = dialogs.questions[-1]
    assert all(is_pseudo_wrapped(t) for t in (leave.title, leave.text, *leave.options))
    controller.stop_for_close()

    card = tmp_path / "card.pdf"
    dialogs.paths.append(card)
    assert controller.print_card() == card
    kinds = [(kind, title, text) for kind, title, text in dialogs.shown[-2:]]
    assert kinds[0][:2] == ("save_path", "⟦Save the pocket card⟧")
    assert kinds[1][0] == "inform" and kinds[1][1] == "⟦Pocket card saved⟧"
    # one sentence, the place filled in after translation
    assert kinds[1][2] == f"⟦The card is in {card}. Open it to print it, then fold it.⟧"


def test_the_safety_notes_are_whole_translated_sentences(pseudo, qtbot, context, flows):
    from stenosis_coach.core.safety import QUESTIONS
    from stenosis_coach.services import safety
    from stenosis_coach.ui.safety.controller import SafetyController
    from stenosis_coach.ui.safety.screens import QuestionScreen

    db, now = context.coach.database, context.clock.now()
    check = safety.start_check(db, CheckTrigger.WEEKLY, now)
    for question in QUESTIONS[:2]:
        safety.answer(db, check.id, question.id, False, now)
    controller = SafetyController(context, flows=flows, parent=context)
    controller.start_check()
    screen = flows.top
    assert isinstance(screen, QuestionScreen)
    said = [t for t in texts(screen) if "not finished" in t]
    assert said == [
        "⟦Your safety check was not finished. Your first 2 answers are kept, so it goes on "
        "with question 3. Use Back to see or change them.⟧"
    ]


def test_a_plan_that_cannot_be_imported_is_said_in_one_translated_sentence(
    pseudo, qtbot, context, flows, dialogs, tmp_path
):
    from stenosis_coach.ui.plans.controller import PlanImportController

    bad = tmp_path / "typo.scplan.json"
    bad.write_text(LAKESIDE.read_text().replace('"reps": 5', '"repz": 5'))
    controller = PlanImportController(context, flows=flows, parent=context)
    assert controller.import_files([bad]) is None
    kind, title, text = dialogs.shown[-1]
    assert kind == "warn" and title == "⟦This plan cannot be imported⟧"
    assert text.startswith("⟦Nothing was imported. The file has these problems:\n\n")
    assert text.endswith("⟧") and "repz" in text
    dialogs.paths.append(None)
    controller.choose_and_import()
    assert dialogs.shown[-1][:2] == ("open_path", "⟦Import a plan⟧")


def test_the_plan_file_filter_keeps_its_patterns_under_translation(pseudo):
    from stenosis_coach.ui.dialogs import plan_filter

    assert plan_filter() == "⟦Plan files⟧ (*.scplan.json);;⟦All files⟧ (*)"


def test_keyboard_stays_usable_in_the_fake_host(qtbot, context, flows, gate):
    """The flow screens a controller shows take the keyboard as in the window: Esc on the
    log form goes back to the page it came from."""
    from stenosis_coach.ui.progress.controller import ProgressController
    from stenosis_coach.ui.progress.page import ProgressPage

    page = ProgressPage(context)
    qtbot.addWidget(page)
    controller = ProgressController(context, page, flows=flows, safety=gate, parent=page)
    log = controller.log_day(back_to="today")
    qtbot.addWidget(log)
    log.show()
    qtbot.keyClick(log, Qt.Key.Key_Escape)
    assert flows.ended == ["today"]


# -- the real hosts fit the protocols ---------------------------------------------------------
def protocol_methods(protocol: type) -> list[str]:
    return [n for n, v in vars(protocol).items() if callable(v) and not n.startswith("_")]


@pytest.mark.parametrize(
    ("host", "protocol"),
    [
        ("stenosis_coach.ui.main_window:MainWindow", "FlowHost"),
        ("stenosis_coach.ui.safety.controller:SafetyController", "SafetyGate"),
        ("stenosis_coach.ui.cues:SilentCuePlayer", "CuePlayer"),
        ("stenosis_coach.ui.hosts:CuesWhenNeeded", "CuePlayer"),
    ],
)
def test_what_the_window_passes_has_every_method_the_controllers_use(host, protocol):
    import importlib
    import inspect

    from stenosis_coach.ui import hosts

    module, name = host.split(":")
    real = getattr(importlib.import_module(module), name)
    wanted = getattr(hosts, protocol)
    for method in protocol_methods(wanted):
        expected = inspect.signature(getattr(wanted, method))
        given = inspect.signature(getattr(real, method))
        assert list(given.parameters) == list(expected.parameters), (name, method)
        for param, spec in expected.parameters.items():
            assert given.parameters[param].kind == spec.kind, (name, method, param)
            assert given.parameters[param].default == spec.default, (name, method, param)


# -- the controllers' writes are announced, typed ---------------------------------------------
def announced(context: AppContext) -> list[object]:
    seen: list[object] = []
    context.changed.connect(seen.append)
    return seen


def test_a_logged_walk_is_announced_as_a_change_of_walks(qtbot, context, flows, gate, clock):
    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services.changes import Change, Changes
    from stenosis_coach.ui.walking.controller import WalkController
    from stenosis_coach.ui.walking.page import WalkPage

    page = WalkPage(context)
    qtbot.addWidget(page)
    controller = WalkController(
        context, page, flows=flows, safety=gate, cues=FakeCuePlayer(), parent=page
    )
    seen = announced(context)
    screen = controller.log_walk()
    screen.submitted.emit(WalkForm(WalkKind.TRAINING, clock.now().date(), "12", peak_leg_pain=2))
    assert seen == [Changes.of(Change.WALKS)] and flows.ended == ["walk"]
    assert [w.walk.total_walk_s for w in context.coach.walks()] == [720]


def test_a_walk_the_disk_refuses_is_said_and_the_form_stays(
    qtbot, context, flows, gate, clock, dialogs, monkeypatch
):
    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.errors import DiskFull
    from stenosis_coach.services.coach import Coach
    from stenosis_coach.ui.walking.controller import WalkController
    from stenosis_coach.ui.walking.page import WalkPage

    def full(self, form):
        raise DiskFull("The disk is full. Free some space, then try again.")

    monkeypatch.setattr(Coach, "log_walk", full)
    page = WalkPage(context)
    qtbot.addWidget(page)
    controller = WalkController(
        context, page, flows=flows, safety=gate, cues=FakeCuePlayer(), parent=page
    )
    seen = announced(context)
    screen = controller.log_walk()
    screen.submitted.emit(WalkForm(WalkKind.TRAINING, clock.now().date(), "12"))
    assert dialogs.shown[-1] == (
        "warn",
        "The walk was not saved",
        "The disk is full. Free some space, then try again.",
    )
    assert flows.top is screen and flows.ended == [] and seen == []


def test_the_end_of_a_routine_and_a_safety_answer_are_announced_by_kind(
    qtbot, context, flows, gate, dialogs
):
    from stenosis_coach.services.changes import Change, Changes
    from stenosis_coach.ui.exercises.controller import ExerciseController
    from stenosis_coach.ui.exercises.page import ExercisesPage
    from stenosis_coach.ui.exercises.screens import RatingsScreen
    from stenosis_coach.ui.safety.controller import SafetyController

    page = ExercisesPage(context)
    qtbot.addWidget(page)
    controller = ExerciseController(
        context, page, flows=flows, safety=gate, cues=FakeCuePlayer(), parent=page
    )
    controller.start_routine()
    flows.top.done.emit(1, 1, False)
    dialogs.choices.append(1)  # "Stop"
    controller.ask_to_stop()
    after = flows.top
    assert isinstance(after, RatingsScreen)
    seen = announced(context)
    after.done.emit(2, 1, False)  # how are your legs and back now: saved
    assert seen == [Changes.of(Change.ROUTINES)] and not controller.running
    assert gate.after == [
        dict(must_stop=False, worst_hurt=None, new_symptoms=False, rest_not_easing=False)
    ]
    assert flows.ended == ["today"]  # the gate opened no check

    safety = SafetyController(context, flows=flows, parent=context)
    seen.clear()
    safety.start_check(CheckTrigger.ON_DEMAND)
    flows.top.answered.emit(False)
    assert seen and all(c == Changes.of(Change.SAFETY) for c in seen)
