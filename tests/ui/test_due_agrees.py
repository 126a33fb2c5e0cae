"""Today, the Walk page and ``status`` give one answer to "what is due" (DESIGN 5.7), and
the "Why" of the next walk follows a logged walk (issue 12)."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from stenosis_coach.core.daily import DailyLog
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.core.today import NOTHING_DUE
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import daily, outcomes, routines, safety, walks
from stenosis_coach.services.status import build_status

DAY = 24 * 3600


def log_walk(db, clock, days_ago, kind=WalkKind.TRAINING, minutes="15"):
    day = (clock.now() - timedelta(days=days_ago)).astimezone(walks.LOCAL).date()
    symptoms = "5" if kind is WalkKind.TEST else ""
    walks.log_walk(db, WalkForm(kind, day, minutes, symptoms, peak_leg_pain=2), clock.now())


def routine(db, clock, minutes, completed):
    recording = routines.RoutineRecording(db, clock)
    recording.start(routines.my_routine(db), chair_versions=False)
    clock.advance(minutes * 60)
    recording.finish(completed)


def all_checked_and_logged(db, clock):
    check = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    for q in QUESTIONS:
        safety.answer(db, check.id, q.id, False, clock.now())
    safety.finish_check(db, check.id, clock.now())
    daily.save_log(db, DailyLog(clock.now().astimezone(walks.LOCAL).date(), 2, 2), clock.now())
    # issue 15: the ZCQ is due from the first walk, and answered here (every item 2)
    zcq = {f"s{i}": 2 for i in range(1, 7)} | {"s7": 3} | {f"f{i}": 2 for i in range(1, 6)}
    outcomes.record_zcq(db, clock.now().astimezone(walks.LOCAL).date(), zcq, clock.now())


def test_overdue_test_after_the_weeks_walks(db, clock):
    log_walk(db, clock, 5, WalkKind.TEST, "10")  # last week's Wednesday
    clock.advance(4 * DAY)  # Friday: Monday to Thursday were training walks
    for days_ago in (4, 3, 2, 1):
        log_walk(db, clock, days_ago)


def test_the_weeks_walks_done_with_a_recent_test(db, clock):
    clock.advance(4 * DAY)
    log_walk(db, clock, 4, WalkKind.TEST, "10")
    for days_ago in (3, 2, 1):
        log_walk(db, clock, days_ago)


def walked_today(db, clock):
    log_walk(db, clock, 2, WalkKind.TEST, "10")
    log_walk(db, clock, 0)


def everything_done(db, clock):
    log_walk(db, clock, 2, WalkKind.TEST, "10")
    log_walk(db, clock, 0)
    routine(db, clock, 30, completed=True)
    all_checked_and_logged(db, clock)


def stopped_early(db, clock):
    log_walk(db, clock, 0, WalkKind.TEST, "10")
    routine(db, clock, 1, completed=False)
    all_checked_and_logged(db, clock)


HISTORIES = {
    "fresh": lambda db, clock: None,
    "overdue test": test_overdue_test_after_the_weeks_walks,
    "week done": test_the_weeks_walks_done_with_a_recent_test,
    "walked today": walked_today,
    "everything done": everything_done,
    "routine stopped early": stopped_early,
}
# rename the helpers so pytest does not collect them as tests
del test_overdue_test_after_the_weeks_walks, test_the_weeks_walks_done_with_a_recent_test


def visible_texts(widget, kind):
    QApplication.processEvents()  # cards added to a shown page are shown by a queued call
    return [w.text() for w in widget.findChildren(kind) if w.isVisibleTo(widget)]


@pytest.mark.parametrize("history", list(HISTORIES))
def test_today_the_walk_page_and_status_say_the_same(window, clock, history):
    db = window.context.coach.database
    HISTORIES[history](db, clock)
    window.context.data_changed.emit()
    status = build_status(db, clock.now())
    due = status.to_json()["due"]

    today = window.show_page("today")
    texts = visible_texts(today, QLabel)
    walk_card = "Walking test" in texts or "Today's walk" in texts
    assert walk_card == due["walk"]["due"], texts
    if due["walk"]["due"]:
        assert ("Walking test" in texts) == (due["walk"]["kind"] == "test")

    page = window.show_page("walk")
    kind_words = "a walking test" if due["walk"]["kind"] == "test" else "a training walk"
    assert page.next_card.title_label.text() == f"Your next walk: {kind_words}"
    assert page.due_text.text().startswith("Due today") == due["walk"]["due"]
    assert status.next_walk.kind.value == due["walk"]["kind"]

    [routine_due] = due["routines"]
    routine_texts = [t for t in texts if t.startswith(routine_due["name"])]
    assert bool(routine_texts) == routine_due["due"]
    buttons = visible_texts(today, QPushButton)
    carry_on = any(b.startswith("Carry on") for b in buttons)
    assert carry_on == routine_due["stopped_early_today"]
    assert ("Today's log" in texts) == due["daily_log"]
    nothing = not (due["walk"]["due"] or routine_due["due"] or due["daily_log"])
    nothing = nothing and not due["safety_check"]
    assert ("Questionnaire" in texts) == due["questionnaire"]  # issue 15
    nothing = nothing and not due["questionnaire"]
    assert (NOTHING_DUE in texts) == nothing
    if history == "everything done":
        assert NOTHING_DUE.startswith("You have done everything for today.")
        assert "Nothing is due now: you have done everything for today." in status.sentences()
    if history == "overdue test":
        assert due["walk"] == {"due": True, "kind": "test", "this_week": 4, "per_week": 4}
    if history == "routine stopped early":
        assert routine_due["due"] and carry_on and "Start again" in buttons


def test_logging_a_walk_updates_the_why_on_the_walk_page_and_today(window, qtbot, clock):
    db = window.context.coach.database
    walks.log_walk(
        db, WalkForm(WalkKind.TEST, clock.now().date(), "0.4", "", peak_leg_pain=2), clock.now()
    )
    clock.advance(DAY)
    window.context.data_changed.emit()
    page = window.show_page("walk")
    assert "is the shortest bout" in page.why_text.text()  # short; the rule in the details
    assert "a bout is never shorter than" in page.details_text.text()
    before = page.why_text.text()

    qtbot.mouseClick(page.log, Qt.MouseButton.LeftButton)
    screen = window.flow
    qtbot.keyClicks(screen.walking.edit, "10")
    qtbot.mouseClick(screen.pain.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert window.flow is None

    after = page.why_text.text()
    assert after != before
    assert "Your training walk on Tue 3 Mar does not change the bout" in after
    assert "shorter than your" in after
    # Today shows no walk now (one was done today); tomorrow its card carries the same Why
    clock.advance(DAY)
    window.context.data_changed.emit()
    today = window.show_page("today")
    details = [t for t in visible_texts(today, QLabel) if "Why:" in t]
    assert details and "Your training walk on Tue 3 Mar does not change the bout" in details[0]
    assert window.show_page("walk").why_text.text() in details[0]  # the same Why


def test_a_plans_routines_are_due_on_today_and_each_starts_its_own(window, qtbot, clock, tmp_path):
    import json

    from stenosis_coach.services import plans
    from stenosis_coach.ui.exercises.screens import RatingsScreen

    step = {"exercise": "knee-to-chest", "reps": 10}
    plan = {
        "format": "stenosis-coach-plan",
        "version": 1,
        "title": "Two routines",
        "author": {"name": "R. Okafor"},
        "routines": [
            {"id": "morning-flexion", "name": "Morning flexion", "per_week": 7, "steps": [step]},
            {"id": "evening-stretch", "name": "Evening stretch", "per_week": 3, "steps": [step]},
        ],
    }
    path = tmp_path / "two.scplan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    db = window.context.coach.database
    plans.import_plans(db, plans.read_plans([path]), clock.now())
    window.context.data_changed.emit()
    due = build_status(db, clock.now()).to_json()["due"]
    # the plan's routines replace the chosen one
    assert {r["name"] for r in due["routines"]} == {"Morning flexion", "Evening stretch"}
    today = window.show_page("today")
    QApplication.processEvents()
    starts = [
        b
        for b in today.findChildren(QPushButton)
        if b.isVisibleTo(today) and b.text().startswith("Start the routine")
    ]
    assert len(starts) == 2
    # the one that is not the patient's own routine starts itself, not the own one
    [start] = [b for b in starts if "Evening stretch" in b.accessibleName()]
    assert window.flow is None
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, RatingsScreen), window.flow
    assert "Evening stretch" in visible_texts(window.flow, QLabel)
