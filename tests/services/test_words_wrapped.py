"""What the services say is marked for translation (issue 14, "Words are translatable"):
under the pseudo-locale every sentence they return comes back wrapped as ``⟦…⟧``, each one
a whole message (``⟦Imported 2 walks from diary.csv.⟧``, never glued from wrapped pieces)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.safety import QUESTIONS, CheckTrigger
from stenosis_coach.core.sessions import EndReason
from stenosis_coach.core.walking.logged import FormProblems, WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.walking.prescription import Prescription
from stenosis_coach.errors import UserError
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services import (
    daily,
    data_backup,
    demo,
    exercises,
    export,
    plans,
    progress,
    report,
    routines,
    safety,
    status,
    today,
    undo,
    walks,
)
from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.services.routines import RoutineRecording


def whole(text: str) -> bool:
    """One translated message from its first word to its last."""
    return text.startswith("⟦") and text.endswith("⟧")


def said(error: pytest.ExceptionInfo[UserError]) -> str:
    return error.value.message


def test_every_line_of_status_is_wrapped(pseudo, db, clock):
    lines = status.build_status(db, clock.now()).sentences()
    assert lines and all(whole(line) for line in lines), lines
    assert any(line.startswith("⟦Next walk: ") for line in lines)


def test_a_status_with_yes_answers_and_a_training_walk_says_them_wrapped(pseudo, db, clock):
    check = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    for question in QUESTIONS:
        safety.answer(db, check.id, question.id, question.id == QUESTIONS[-1].id, clock.now())
    safety.finish_check(db, check.id, clock.now())
    lines = status.build_status(db, clock.now()).sentences()
    assert "⟦1 safety check in the last 28 days had a yes answer.⟧" in lines
    rx = Prescription(WalkKind.TRAINING, Fraction(240), Fraction(120), Fraction(1200), "")
    assert whole(status.walk_headline(rx)) and "then rest sitting" in status.walk_headline(rx)


def test_every_today_card_of_the_services_is_wrapped(pseudo, db, clock):
    now = clock.now()
    walks.log_walk(
        db, WalkForm(WalkKind.TEST, (now - timedelta(days=1)).date(), "6", peak_leg_pain=3), now
    )
    recording = RoutineRecording(db, clock)  # a routine stopped early today: carry on?
    recording.start(routines.my_routine(db), chair_versions=False)
    recording.finish(completed=False)
    check = safety.start_check(db, CheckTrigger.WEEKLY, now)  # started, not finished
    safety.answer(db, check.id, QUESTIONS[0].id, False, now)
    items = [
        *safety.today_items(db, now),
        *routines.today_items(db, now),
        *walks.today_items(db, now),
        *daily.today_items(db, now),
    ]
    keys = {item.key for item in items}
    assert {"safety-waiting", "flare-1", "daily-log"} <= keys
    assert any(item.choices for item in items if item.key.startswith("routine-"))
    for item in items:
        shown = [item.title, item.detail, item.action_label, *(c[0] for c in item.choices)]
        for text in filter(None, shown):
            assert is_pseudo_wrapped(text), (item.key, text)
    waiting = next(i for i in items if i.key == "safety-waiting")
    assert whole(waiting.detail) and "answered 1 of" in waiting.detail


def test_the_safety_advice_card_asks_for_the_clearance_in_a_wrapped_sentence(pseudo, db, clock):
    check = safety.start_check(db, CheckTrigger.WEEKLY, clock.now())
    for question in QUESTIONS:
        safety.answer(db, check.id, question.id, True, clock.now())
        if safety.status(db, clock.now()).open_flag is not None:
            break
    [item] = safety.today_items(db, clock.now())
    assert item.key == "safety-advice"
    assert "⟦When a clinician has checked you, press “⟦I have been checked⟧”." in item.detail
    assert "⟦In your safety check on " in item.detail
    assert [label for label, _action in item.choices] == [
        "⟦I have been checked⟧",
        "⟦My answer was a mistake⟧",
    ]


def test_the_sentences_the_services_return_are_whole_wrapped_messages(pseudo, db, clock, tmp_path):
    now = clock.now()
    diary = tmp_path / "diary.csv"
    diary.write_text(
        "date,kind,total_walk_min,time_to_symptoms_min,peak_leg_pain\n"
        "2026-02-01,test,6,4,5\n2026-02-03,training,10,,3\n",
        encoding="utf-8",
    )
    assert walks.import_diary(db, diary, now).sentence() == ("⟦Imported 2 walks from diary.csv.⟧")
    assert whole(walks.import_diary(db, diary, now).sentence())  # "already there" said whole
    daily.save_log(db, DailyLog(date(2026, 3, 1), leg_pain=3), now)
    event = TreatmentEvent(date(2026, 2, 2), TreatmentKind.EPIDURAL_INJECTION)
    daily.add_treatment(db, event, now)
    stored = walks.history(db)[0]
    walks.delete_walk(db, stored.id, now)
    top = undo.undo_stack(db, [undo.Kind.WALK], now)[0]
    assert whole(top.sentence()) and whole(top.undo_name())
    line = progress.treatment_line([], event, clock.now().tzinfo)
    assert whole(line) and "epidural injection" in line
    result = export.export_csv(db, tmp_path / "out", now)
    assert whole(result.sentence()) and "⟦1 walk⟧" in result.sentence()
    plan_walking = {"bout_s": 240, "rest_s": 120, "target_total_s": 1200}
    assert whole(plans.walking_text(plan_walking))
    assert whole(plans.walking_text({**plan_walking, "rest_position": "lean"}))
    assert whole(plans.ImportResult(1, 2, 1, True).sentence())
    assert whole(demo.DemoSummary(12, 40, 30, 80, 12).sentence())


def test_the_last_session_line_is_one_wrapped_message(pseudo, db, clock):
    recorder = SessionRecorder(db, clock)
    recorder.start("routine", "Gentle start")
    clock.advance(60)
    recorder.finish(EndReason.STOPPED)
    line = today.last_result(db)
    assert line is not None and whole(line) and line.endswith(", stopped before the end.⟧")


def test_the_refusals_a_user_reads_are_wrapped(pseudo, db, clock, paths, tmp_path):
    now = clock.now()
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as error:
        export.check_target(a_file)
    assert whole(said(error))
    with pytest.raises(UserError) as error:
        report.parse_day("4 May", "--from")
    assert whole(said(error))
    with pytest.raises(UserError) as error:
        report.report_for(db, now, first=date(2026, 3, 2), last=date(2026, 3, 1))
    assert whole(said(error))
    with pytest.raises(UserError) as error:
        demo.fill_demo(db, 3, 1, now)
    assert whole(said(error))
    with pytest.raises(UserError) as error:
        plans.export_plan(db, tmp_path / "x.scplan.json", ["nope"], False, "T", "A", None)
    assert whole(said(error))
    with pytest.raises(UserError) as error:
        plans.export_plan(db, tmp_path / "x.json", [], False, "T", "A", None)
    assert whole(said(error))
    with pytest.raises(UserError) as error:
        daily.add_treatment(db, TreatmentEvent(date(2027, 1, 1), TreatmentKind.PROCEDURE), now)
    assert whole(said(error))
    with pytest.raises(FormProblems) as problems:
        daily.save_log(db, DailyLog(date(2027, 1, 1)), now)
    assert whole(problems.value.problems["day"])
    with pytest.raises(UserError) as error:
        walks.correct_walk(db, 999, WalkForm(WalkKind.TEST, date(2026, 3, 1), "6"), now)
    assert whole(said(error))
    empty = type(paths)(tmp_path / "none", tmp_path / "cfg", tmp_path / "logs")
    with pytest.raises(UserError) as error:
        data_backup.backup_to(empty, tmp_path / "backup.db")
    assert whole(said(error))
    not_ours = tmp_path / "not-ours.db"
    not_ours.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UserError) as error:
        data_backup.check_restorable(not_ours, paths)
    assert whole(said(error))


def test_a_walk_deleted_on_another_day_says_that_day_in_one_message(pseudo, db, clock):
    now = clock.now()
    stored = walks.log_walk(
        db, WalkForm(WalkKind.TRAINING, date(2026, 2, 20), "9", peak_leg_pain=1), now
    )
    walks.delete_walk(db, stored.id, now - timedelta(days=2))
    [top] = undo.undo_stack(db, [undo.Kind.WALK], now)
    assert top.on and whole(top.sentence())
    # One message with the item's day and the delete's day in it, no fragment inside it.
    assert top.sentence().startswith("⟦The walk of ") and ") was deleted on " in top.sentence()


def test_english_is_unchanged_without_the_pseudo_locale(db, clock, tmp_path):
    assert plans.ImportResult(2, 1, 3, True).sentence() == (
        "Imported 2 plans: 3 routines, 1 exercise, a walking plan."
    )
    assert demo.DemoSummary(12, 40, 30, 80, 12).sentence() == (
        "Added a 12-week demo history: 40 walks, 30 routine sessions, 80 daily logs and "
        "12 safety checks."
    )
    assert plans.walking_text({"bout_s": 240, "rest_s": 120, "target_total_s": 1200}) == (
        "Walk 4:00 min at a time, resting sitting about 2:00 min, 20 min in all; 4 walks a week "
        "and a walking test every 7 days."
    )
    diary = tmp_path / "d.csv"
    diary.write_text("date,kind,total_walk_min,peak_leg_pain\n2026-02-01,test,6,5\n")
    walks.import_diary(db, diary, clock.now())
    assert walks.import_diary(db, diary, clock.now()).sentence() == (
        "Imported 0 walks from d.csv (1 already there, not added again)."
    )


def test_the_library_for_programs_is_never_translated(pseudo):
    """``--json`` reads the same bytes in every language: built-in names as shipped."""
    found = exercises.exercises()
    routines_found = exercises.routines()
    every = [exercises.exercise_json(e) for e in found.values()]
    every += [exercises.routine_json(r, found) for r in routines_found.values()]
    assert every and not any(is_pseudo_wrapped(str(item)) for item in every)
    assert is_pseudo_wrapped(next(iter(routines_found.values())).name)  # shown: translated


def test_status_json_says_a_sign_in_the_source_english(pseudo, db, clock):
    from dataclasses import replace

    from stenosis_coach.core.progress.signs import Sign, SignCode

    found = status.build_status(db, clock.now())
    sign = Sign(next(iter(SignCode)), "⟦Shown words⟧", "Shown words")
    data = replace(found, signs=[sign]).to_json()
    assert data["specialist_signs"] == [{"code": str(sign.code), "text": "Shown words"}]
