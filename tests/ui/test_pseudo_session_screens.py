"""Every word on the session and progress screens is translatable (issue 14): under the
pseudo-locale each text a screen shows or says is a translated message, ``⟦…⟧``.

Words that come from ``core`` (a question, advice, an instruction, an exercise's name) are
marked by core's own owners; until they are, they are passed as ``from_core(...)`` and not
counted here. Once core wraps them, ``from_core`` gives nothing and they are checked too.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stenosis_coach import i18n
from stenosis_coach.core.daily import TreatmentEvent, TreatmentKind
from stenosis_coach.core.safety import QUESTIONS, advice_for
from stenosis_coach.core.walking.card import PocketCard
from stenosis_coach.core.walking.engine import Phase, WalkDraft, WalkView
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkEnd, WalkKind
from stenosis_coach.i18n import _, is_pseudo_wrapped
from stenosis_coach.services import plans, walks
from stenosis_coach.ui.exercises.screens import HurtScreen, PlayerScreen, RatingsScreen
from stenosis_coach.ui.plans.preview_screen import ImportPreviewScreen
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen, StandingTestScreen
from stenosis_coach.ui.progress.plot import date_ticks
from stenosis_coach.ui.progress.treatment_screen import TreatmentScreen
from stenosis_coach.ui.safety.screens import (
    AllClearScreen,
    ClearanceScreen,
    QuestionScreen,
    SeekCareScreen,
    WelcomeScreen,
)
from stenosis_coach.ui.walking.coach_screen import WalkCoachScreen
from stenosis_coach.ui.walking.history_model import WalkHistoryModel, row_text
from stenosis_coach.ui.walking.log_screen import LogWalkScreen
from stenosis_coach.ui.walking.pocket_card import card_html
from stenosis_coach.ui.walking.summary_screen import WalkSummaryScreen

from .pseudo_texts import unwrapped, visible_texts, wrapped_share, wrapped_twice

pytestmark = pytest.mark.usefixtures("pseudo")

FIXTURES = Path(__file__).parents[1] / "fixtures"
DAY = date(2026, 3, 2)
HEADER = "date,kind,time_to_symptoms_min,total_walk_min,rests,peak_leg_pain,next_day_flare,"
HEADER += "distance_m,notes"


def from_core(*texts: str) -> list[str]:
    """Of ``texts`` (words core gives the screen), those core does not translate yet."""
    return [text for text in texts if text and not is_pseudo_wrapped(text)]


def all_wrapped(widget, data=()) -> None:
    """Every counted text of ``widget`` is a translated message (so >= 97 % are)."""
    assert unwrapped(widget, data) == []
    assert wrapped_share(widget, data) >= 0.97
    assert wrapped_twice(widget) == []  # translated once, never twice
    assert any(is_pseudo_wrapped(text) for text in visible_texts(widget))


# ---- the collector itself ----------------------------------------------------------------


def test_the_collector_finds_labels_buttons_names_and_headers(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    shown, hidden, button = QLabel("Plain words"), QLabel("Not shown"), QPushButton(_("Go"))
    hidden.hide()
    button.setAccessibleName("Go now")
    table = QTableWidget(1, 2)
    table.setHorizontalHeaderLabels([_("Date"), "Kind"])
    for widget in (shown, hidden, button, table, QLabel("12:30"), QLabel("Dr Patel")):
        layout.addWidget(widget)
    texts = visible_texts(root)
    assert "Not shown" not in texts and "12:30" in texts
    assert unwrapped(root, data=["Dr Patel"]) == ["Plain words", "Go now", "Kind"]
    assert wrapped_share(root, data=["Dr Patel"]) == pytest.approx(2 / 5)
    assert wrapped_twice(root) == []
    shown.setText(_(_("Twice")))
    assert wrapped_twice(root) == ["⟦⟦Twice⟧⟧"]


# ---- safety ------------------------------------------------------------------------------


def test_the_welcome_and_all_clear_screens_are_translatable(qtbot):
    for screen in (WelcomeScreen(), AllClearScreen()):
        qtbot.addWidget(screen)
        all_wrapped(screen)


def test_a_question_screen_is_translatable(qtbot):
    question = QUESTIONS[2]
    text = question.text_for(True)
    for kwargs in (
        {"previous": None, "may_postpone": False, "first_check": True},
        {"previous": True, "may_postpone": True, "first_check": False},
    ):
        screen = QuestionScreen(text, 1, len(QUESTIONS), notice=_("A notice"), **kwargs)
        qtbot.addWidget(screen)
        all_wrapped(screen, from_core(text))
    # The number and the question are one message: "Question 3 of 16: ..." reads whole.
    screen = QuestionScreen(text, 3, len(QUESTIONS), previous=False)
    qtbot.addWidget(screen)
    assert screen.progress_text.text().startswith("⟦Question 3 of ")
    assert screen.no.accessibleName().startswith("⟦No, your answer before.")


def test_the_seek_care_and_clearance_screens_are_translatable(qtbot):
    answers = {q.id: False for q in QUESTIONS}
    urgent = [q for q in QUESTIONS if q.level.value != "emergency"]
    answers[urgent[0].id] = True
    answers[urgent[-1].id] = True
    advice = advice_for(answers)
    assert advice is not None
    core = from_core(advice.title, advice.body, *advice.reasons, *advice.also_noted)
    seek = SeekCareScreen(advice, note=_("A note"))
    qtbot.addWidget(seek)
    all_wrapped(seek, core)
    clearance = ClearanceScreen(advice, i18n.date_text(DAY, "MMMEd"))
    qtbot.addWidget(clearance)
    all_wrapped(clearance, core)
    assert clearance.said.text().startswith("⟦In your safety check on Mon 2 Mar")


def test_the_safety_words_stay_exactly_the_same_in_english(qtbot, monkeypatch):
    """Clinically reviewed: marking them changed no word."""
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
    welcome = WelcomeScreen()
    qtbot.addWidget(welcome)
    texts = visible_texts(welcome)
    assert "Welcome to Stenosis Coach" in texts
    assert (
        "First, a short safety check: 16 questions about anything new or getting worse "
        "recently. You answer each one with Yes or No, and it takes about two minutes. "
        "Some symptoms need a clinician soon, and this check helps you notice them."
    ) in texts
    question = QuestionScreen("Q?", 3, 16, previous=True)
    qtbot.addWidget(question)
    assert question.progress_text.text() == "Question 3 of 16. Your answer before: Yes"
    assert question.yes.accessibleName() == "Yes, your answer before. Question 3 of 16: Q?"
    advice = advice_for({q.id: q is QUESTIONS[-1] for q in QUESTIONS})
    clearance = ClearanceScreen(advice, "Mon 2 Mar")
    qtbot.addWidget(clearance)
    assert clearance.said.text() == (
        f"In your safety check on Mon 2 Mar you answered yes to: {advice.reasons[0]}. "
        f"The advice was: {advice.title.lower()}."
    )


# ---- the routine -------------------------------------------------------------------------


def test_the_ratings_and_hurt_screens_are_translatable(qtbot):
    ratings = RatingsScreen(_("Before"), _("How are you?"), _("Start"), True, _("Back"))
    qtbot.addWidget(ratings)
    all_wrapped(ratings)
    after = RatingsScreen(_("After"), _("How are you now?"), _("Save"))
    qtbot.addWidget(after)
    all_wrapped(after)
    hurt = HurtScreen(_("Pelvic tilt"))
    qtbot.addWidget(hurt)
    all_wrapped(hurt)
    qtbot.mouseClick(hurt.rating.buttons[8], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hurt.spreading_no, Qt.MouseButton.LeftButton)
    assert hurt.final
    all_wrapped(hurt)


def test_the_player_is_translatable(window, qtbot, clock, cues):
    page = window.show_page("exercises")
    qtbot.mouseClick(page.routine_buttons["gentle-start"][0], Qt.MouseButton.LeftButton)
    before = window.flow
    qtbot.mouseClick(before.skip, Qt.MouseButton.LeftButton)
    player = window.flow
    assert isinstance(player, PlayerScreen)
    controller = window.exercises
    library = player._library
    for seconds in (0, 7, 60):
        clock.advance(seconds)
        controller.tick()
        exercise = library[player._shown_exercise]
        core = from_core(
            exercise.name,
            *exercise.steps,
            player.segment.text(),
            player.next_up.text(),
            player.routine_line.text(),
            player.picture.text(),
        )
        all_wrapped(player, core)
    assert re.match(r"⟦Exercise \d of \d⟧", player.counters.text())


# ---- walking -----------------------------------------------------------------------------


def walk_view(kind: WalkKind, phase: Phase, **changes) -> WalkView:
    values = dict(
        kind=kind,
        phase=phase,
        paused_in=None,
        timer_s=75.0,
        bout_n=2,
        bout_planned_s=Fraction(240),
        bout_left_s=165.0,
        rest_s=30.0,
        rest_planned_s=Fraction(120),
        ready_allowed=False,
        ready_in_s=30.0,
        total_walked_s=315.0,
        target_s=Fraction(1200) if kind is WalkKind.TRAINING else None,
        bouts_done=1,
        rests_taken=1,
        tfs_s=None,
        progress=0.25,
        instruction=_("Walk at a steady pace."),
        ended_by=None,
    )
    values.update(changes)
    return WalkView(**values)


@pytest.mark.parametrize("kind", list(WalkKind))
def test_the_walk_coach_is_translatable_in_every_phase(qtbot, kind):
    screen = WalkCoachScreen(kind)
    qtbot.addWidget(screen)
    for view in (
        walk_view(kind, Phase.WALKING),
        walk_view(kind, Phase.WALKING, tfs_s=Fraction(200), bout_left_s=None),
        walk_view(kind, Phase.RESTING),
        walk_view(kind, Phase.RESTING, ready_allowed=True, rests_taken=2),
        walk_view(kind, Phase.PAUSED, paused_in=Phase.WALKING),
    ):
        screen.show_view(view)
        all_wrapped(screen)
    screen.show_view(walk_view(kind, Phase.WALKING, rests_taken=2))
    assert screen.progress_text.text().startswith("⟦Walked ")


def test_a_live_walking_test_and_its_summary_are_translatable(window, qtbot, clock, cues):
    qtbot.mouseClick(window.show_page("walk").start, Qt.MouseButton.LeftButton)
    coach = window.walking.coach
    screen = coach.screen
    assert isinstance(screen, WalkCoachScreen)

    def walk_for(seconds: int) -> None:
        for _step in range(seconds // 10):
            clock.advance(10)
            coach.tick()

    walk_for(200)
    all_wrapped(screen, from_core(screen.instruction.text()))
    qtbot.keyClick(screen, Qt.Key.Key_S)  # symptoms starting
    walk_for(200)
    all_wrapped(screen, from_core(screen.instruction.text()))
    qtbot.mouseClick(screen.main, Qt.MouseButton.LeftButton)  # "I need to stop"
    summary = window.flow
    assert isinstance(summary, WalkSummaryScreen)
    all_wrapped(summary)
    intro = summary.intro.text()  # one sentence, its duration inside it
    assert intro.startswith("⟦Test done. You walked ") and "6:40 min" in intro
    assert intro.endswith(" before you needed to stop.⟧")


@pytest.mark.parametrize(
    ("kind", "end", "interrupted"),
    [
        (WalkKind.TEST, WalkEnd.COMPLETED, False),
        (WalkKind.TRAINING, WalkEnd.COMPLETED, False),
        (WalkKind.TRAINING, WalkEnd.MUST_STOP, False),
        (WalkKind.TRAINING, WalkEnd.STOPPED, True),
    ],
)
def test_the_walk_summary_is_translatable(qtbot, kind, end, interrupted):
    draft = WalkDraft(kind, datetime(2026, 3, 2, 9), Fraction(400), Fraction(200), 1, end)
    screen = WalkSummaryScreen(draft, interrupted)
    qtbot.addWidget(screen)
    all_wrapped(screen)


def test_log_a_walk_and_its_problems_are_translatable(qtbot, dialogs):
    screen = LogWalkScreen(DAY, dialogs)
    qtbot.addWidget(screen)
    all_wrapped(screen)
    screen.show_problems({"walking_min": _("Enter the minutes you walked.")})
    all_wrapped(screen)
    fix = LogWalkScreen(DAY, dialogs, WalkForm(WalkKind.TEST, DAY, "8", "5", peak_leg_pain=3))
    qtbot.addWidget(fix)
    all_wrapped(fix)


def test_the_walk_history_headers_and_words_are_translatable(window, clock):
    form = WalkForm(WalkKind.TEST, DAY, "8", "", peak_leg_pain=3)
    walks.log_walk(window.context.coach.database, form, clock.now())
    [stored] = walks.history(window.context.coach.database)
    model = WalkHistoryModel()
    model.set_walks([stored])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert all(is_pseudo_wrapped(h) for h in headers), headers
    cells = row_text(stored)
    worded = [cell for cell in cells if any(ch.isalpha() for ch in cell)]
    day_cell = cells[0]
    assert [c for c in worded if c != day_cell and not is_pseudo_wrapped(c)] == []


def test_the_walk_history_says_the_date_the_one_way(clock, db):
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)
    walks.log_walk(db, WalkForm(WalkKind.TEST, DAY, "8", "", peak_leg_pain=3), clock.now())
    [stored] = walks.history(db)
    assert row_text(stored)[0] == "Mon 2 Mar 2026"


def test_the_pocket_card_headings_are_translatable():
    card = PocketCard(
        title=_("Walking test"),
        day="Monday 2 March 2026",
        summary=_("Walk."),
        bouts=(),
        steps=(_("Start."),),
        when_symptoms_come=_("Rest."),
        emergency_signs=(_("Sign"),),
        record_lines=(_("Time"),),
    )
    text = re.sub(r"<style>.*?</style>", "", card_html(card), flags=re.S)
    words = [w.strip() for w in re.sub(r"<[^>]+>", "\n", text).splitlines()]
    words = [w for w in words if any(ch.isalpha() for ch in w) and w != card.day]
    assert [w for w in words if not is_pseudo_wrapped(w)] == []
    assert "⟦When symptoms come⟧" in words


# ---- progress ----------------------------------------------------------------------------


def test_the_daily_log_and_standing_test_are_translatable(qtbot, dialogs, clock):
    new = DailyLogScreen(DAY, dialogs)
    qtbot.addWidget(new)
    all_wrapped(new)
    new.set_standing(Fraction(95))
    new.otc.set_text("x")
    new._submit()
    all_wrapped(new)
    assert new.title.text().startswith("⟦How was today?")
    standing = StandingTestScreen(clock)
    qtbot.addWidget(standing)
    all_wrapped(standing)
    standing.refresh.stop()


def test_add_a_treatment_is_translatable(qtbot, dialogs):
    screen = TreatmentScreen(DAY, dialogs)
    qtbot.addWidget(screen)
    core = from_core(*(kind.label for kind in TreatmentKind))
    all_wrapped(screen, core)
    screen._submit()  # nothing chosen: its error line
    all_wrapped(screen, core)


def test_every_plot_and_its_numbers_are_translatable(window, qtbot, clock, tmp_path):
    from stenosis_coach.core.daily import DailyLog
    from stenosis_coach.services import daily

    today = clock.now().astimezone(walks.LOCAL).date()
    rows = [HEADER]
    for back in range(30, 0, -3):
        day = today - timedelta(days=back)
        rows.append(f"{day},{'test' if back % 2 else 'training'},5,12,1,3,,,")
    diary = tmp_path / "diary.csv"
    diary.write_text("\n".join(rows) + "\n", encoding="utf-8")
    walks.import_diary(window.context.coach.database, diary, clock.now())
    for back in (3, 2, 1):
        log = DailyLog(
            today - timedelta(days=back),
            leg_pain=4,
            back_pain=3,
            numbness=2,
            otc_doses=1,
            standing_s=Fraction(300),
        )
        daily.save_log(window.context.coach.database, log, clock.now())
    daily.add_treatment(
        window.context.coach.database,
        TreatmentEvent(today - timedelta(days=20), TreatmentKind.EPIDURAL_INJECTION, ""),
        clock.now(),
    )
    window.context.data_changed.emit()
    page = window.show_page("progress")
    plot = page.plot
    core = from_core(*(kind.label for kind in TreatmentKind))
    for index, button in enumerate(page.view_buttons):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert is_pseudo_wrapped(button.text())
        all_wrapped(plot, core)
        assert is_pseudo_wrapped(plot.plot_item.getAxis("left").labelText), index
        if not plot.numbers_button.isVisibleTo(plot):
            continue
        qtbot.mouseClick(plot.numbers_button, Qt.MouseButton.LeftButton)
        all_wrapped(plot, core)
        qtbot.mouseClick(plot.numbers_button, Qt.MouseButton.LeftButton)


def test_dates_under_a_plot_are_in_the_users_language():
    first = datetime(2026, 1, 5, 12).timestamp()

    def ticks(days: int) -> list[str]:
        return [text for _x, text in date_ticks(first, first + days * 86400, 2000, width)]

    def width(text: str) -> float:
        return 10 * len(text)

    assert ticks(20)[:2] == ["5 Jan", "6 Jan"]  # the source English as it always was
    months = ticks(400)
    assert months[:3] == ["Feb", "Mar", "Apr"] and "Jan 2027" in months and "Sep" in months
    i18n.setup("de")
    try:
        assert ticks(20)[:2] == ["6. Jan.", "8. Jan."]  # longer words: every other day
        assert "Mai" in ticks(400) and "Jan. 2027" in ticks(400)
    finally:
        i18n.setup(i18n.SOURCE_LOCALE)


# ---- a plan file -------------------------------------------------------------------------


def test_the_import_preview_is_translatable(window, qtbot):
    files = plans.read_plans([FIXTURES / "plan-lakeside.scplan.json"])
    preview = plans.preview(window.context.coach.database, files)
    screen = ImportPreviewScreen(preview)
    qtbot.addWidget(screen)
    [plan] = preview.plans
    data = [
        plan.title,
        plan.author,
        plan.patient or "",
        plan.notes or "",
        *plan.new_routines,
        *plan.new_exercises,
        *plan.replaced_routines,
    ]
    all_wrapped(screen, [*data, *from_core(plan.walking or "")])
    assert any(t.startswith("⟦From R. Okafor") for t in visible_texts(screen))
