"""Reading a data folder back (DESIGN 4.4): files by name, columns by header, every file
optional, links kept with new ids, each problem named by file, line and column."""

import json
from datetime import UTC, date, datetime, timedelta, timezone
from fractions import Fraction

import pytest

from stenosis_coach.core.datafolder import COLUMNS, FolderError, parse_folder
from stenosis_coach.core.datafolder.folder import seconds_of
from stenosis_coach.core.outcomes.model import SinceTreatment
from stenosis_coach.core.walking.model import WalkEnd, WalkKind

TZ = timezone(timedelta(hours=1))


def csv_bytes(*lines: str) -> bytes:
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def refused(files: dict[str, bytes]) -> list[str]:
    with pytest.raises(FolderError) as caught:
        parse_folder(files, TZ)
    return [p.text() for p in caught.value.problems]


SESSIONS = csv_bytes(
    "session_id,kind,title,state,started,ended,minutes,ended_how,last_heartbeat",
    "40,routine,Gentle start,finished,2026-03-02T08:30:00+01:00,2026-03-02T08:31:00+01:00,"
    "1,completed,2026-03-02T08:31:00+01:00",
    "42,walk,Training walk,finished,2026-03-02T09:41:00+01:00,2026-03-02T09:42:40+01:00,"
    "1.67,must_stop,2026-03-02T09:42:40+01:00",
)
EVENTS = csv_bytes(
    "session_id,at,seconds_from_start,event,details",
    '40,2026-03-02T08:30:00+01:00,0,started,"{""routine"": ""flexion-basics""}"',
    '40,2026-03-02T08:30:12+01:00,12.5,step_started,"{""step"": 1}"',
    '42,2026-03-02T09:41:00+01:00,0,started,"{""walk_kind"": ""training""}"',
)
WALKS = csv_bytes(
    "date,kind,total_walk_min,time_to_symptoms_min,peak_leg_pain,rests,next_day_flare,"
    "distance_m,notes,walk_id,start,source,diary_file,ended_by,session_id",
    "2026-02-20,test,6.5,3.25,5,1,no,420.5,Windy,17,2026-02-20T12:00:00+01:00,app,,completed,",
    "2026-03-02,training,1.666667,,2,0,no,,,18,2026-03-02T09:41:00+01:00,app,,must_stop,42",
)


def test_an_empty_folder_is_an_empty_history():
    found = parse_folder({}, TZ)
    assert found.counts() == dict.fromkeys(found.counts(), 0)


def test_ids_are_renumbered_and_links_kept():
    found = parse_folder(
        {"sessions.csv": SESSIONS, "session_events.csv": EVENTS, "walks.csv": WALKS}, TZ
    )
    assert [s.id for s in found.sessions] == [1, 2]
    assert [sid for sid, _e in found.events] == [1, 1, 2]
    logged, live = found.walks
    assert logged.session_id is None and live.session_id == 2
    assert live.walk.total_walk_s == 100  # 1.666667 min: rounded by the export from 100 s
    assert live.walk.ended_by is WalkEnd.MUST_STOP and live.walk.kind is WalkKind.TRAINING
    assert logged.walk.start == datetime(2026, 2, 20, 11, 0, tzinfo=UTC)
    assert found.sessions[0].started_at == datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    assert found.sessions[0].utc_offset_min == 60
    assert found.events[1][1].data == {"step": 1}


def test_an_answer_and_a_clearance_keep_their_check():
    checks = csv_bytes(
        "check_id,trigger,started,completed,postponed,level,any_yes,yes_answers",
        "7,first_run,2026-03-02T08:41:00+01:00,2026-03-02T08:42:00+01:00,,,no,",
        "9,on_demand,2026-03-02T08:43:00+01:00,2026-03-02T08:44:00+01:00,,urgent,yes,Fever",
    )
    answers = csv_bytes(
        "check_id,question_id,question,question_level,answer,answered_at",
        "9,fever,Since …?,urgent,yes,2026-03-02T08:43:30+01:00",
        "7,fever,Since …?,urgent,no,2026-03-02T08:41:30+01:00",
    )
    clearances = csv_bytes(
        "clearance_id,at,reason,check_id", "1,2026-03-04T10:15:00+02:00,checked_by_clinician,9"
    )
    found = parse_folder(
        {
            "safety_checks.csv": checks,
            "safety_answers.csv": answers,
            "clearances.csv": clearances,
        },
        TZ,
    )
    assert [c.answers for c in found.checks] == [{"fever": False}, {"fever": True}]
    assert found.clearances[0].check_id == 2
    assert found.clearance_offsets == {1: 120}
    assert found.answer_times[(2, "fever")] == datetime(2026, 3, 2, 7, 43, 30, tzinfo=UTC)


def test_columns_are_found_by_header_in_any_order_and_missing_ones_are_empty():
    logs = csv_bytes("leg_pain,date", "4,2026-03-01")
    found = parse_folder({"daily_log.csv": logs}, TZ)
    [log] = found.logs
    assert (log.day, log.leg_pain, log.otc_doses, log.notes) == (date(2026, 3, 1), 4, 0, "")


def test_an_unknown_file_or_column_refuses_the_folder():
    problems = refused(
        {
            "notes.txt": b"hello",
            "treatments.csv": csv_bytes("date,kind,colour", "2026-02-10,pt_start,red"),
        }
    )
    assert problems[0].startswith("notes.txt: this file is not part of a data folder")
    assert problems[1].startswith("treatments.csv: line 1, column colour: unknown column")


def test_a_bad_value_names_file_line_and_column():
    logs = csv_bytes("date,leg_pain,otc_doses", "2026-03-01,4,1", "2026-03-02,11,1", "2026-13-01,,")
    assert refused({"daily_log.csv": logs}) == [
        "daily_log.csv: line 3, column leg_pain: Choose a number from 0 to 10.",
        "daily_log.csv: line 4, column date: '2026-13-01' is not a date; write it like 2026-02-03",
    ]


def test_a_link_to_a_missing_row_is_refused():
    events = csv_bytes("session_id,at,seconds_from_start,event", "5,2026-03-02T08:30:00+01:00,0,x")
    assert refused({"session_events.csv": events}) == [
        "session_events.csv: line 2, column session_id: there is no session_id 5 in sessions.csv"
    ]


def test_an_older_export_takes_the_routine_from_its_started_event():
    found = parse_folder({"sessions.csv": SESSIONS, "session_events.csv": EVENTS}, TZ)
    assert found.events[0][1].data == {"routine": "flexion-basics"}


def test_routine_id_must_agree_with_the_started_event_or_makes_one():
    sessions = csv_bytes(
        "session_id,kind,state,started,routine_id",
        "40,routine,finished,2026-03-02T08:30:00+01:00,other-routine",
        "41,routine,finished,2026-03-03T08:30:00+01:00,flexion-basics",
    )
    events = b"\r\n".join(EVENTS.split(b"\r\n")[:2])
    problems = refused({"sessions.csv": sessions, "session_events.csv": events})
    assert problems == [
        "sessions.csv: line 2, column routine_id: 'other-routine' is not the routine its "
        "started event names (flexion-basics)"
    ]
    found = parse_folder({"sessions.csv": sessions}, TZ)
    assert [(sid, e.kind, e.data) for sid, e in found.events] == [
        (1, "started", {"routine": "other-routine"}),
        (2, "started", {"routine": "flexion-basics"}),
    ]


def test_columns_this_version_cannot_store_are_accepted_empty_only():
    logs = csv_bytes("date,neck_pain,hand_numbness", "2026-03-01,,", "2026-03-02,3,")
    assert refused({"daily_log.csv": logs}) == [
        "daily_log.csv: line 3, column neck_pain: this version of the app cannot store this "
        "value yet; leave the cell empty or use a newer version"
    ]
    walks = csv_bytes("date,total_walk_min,peak_leg_pain,aid", "2026-03-01,5,2,")
    assert len(parse_folder({"walks.csv": walks}, TZ).walks) == 1


def test_home_tests_are_refused_until_they_can_be_stored():
    empty = csv_bytes("date,test,side,value")
    assert parse_folder({"home_tests.csv": empty}, TZ).counts()["walks"] == 0
    one = csv_bytes("date,test,side,value", "2026-03-01,chair_stand,,12")
    assert refused({"home_tests.csv": one}) == [
        "home_tests.csv: line 2, column date: this version cannot import home tests yet"
    ]


def test_since_treatment_is_read_with_its_day():
    logs = csv_bytes("date,since_treatment", "2026-03-01,better", "2026-03-02,")
    found = parse_folder({"daily_log.csv": logs}, TZ)
    assert found.since_treatment == {date(2026, 3, 1): SinceTreatment.BETTER}
    bad = csv_bytes("date,since_treatment", "2026-03-01,fine")
    assert refused({"daily_log.csv": bad})[0].startswith(
        "daily_log.csv: line 2, column since_treatment: 'fine' is not one of: much_better"
    )


QUESTIONNAIRES = csv_bytes(
    "date,instrument,item,answer",
    "2026-03-02,zcq,s1,4",
    "2026-03-02,zcq,s7,3",
    "2026-03-02,psfs,Standing to cook,3",
    "2026-03-02,psfs,Gardening,2",
    "2026-03-30,psfs,Standing to cook,6",
    "2026-03-30,psfs,Gardening,stopped",
    "2026-04-27,psfs,Standing to cook,7",
)


def test_questionnaires_are_grouped_by_date_and_instrument():
    found = parse_folder({"questionnaires.csv": QUESTIONNAIRES}, TZ)
    assert [(q.date, q.instrument, dict(q.answers)) for q in found.questionnaires] == [
        (date(2026, 3, 2), "psfs", {"Standing to cook": 3, "Gardening": 2}),
        (date(2026, 3, 2), "zcq", {"s1": 4, "s7": 3}),
        (date(2026, 3, 30), "psfs", {"Standing to cook": 6, "Gardening": "stopped"}),
        (date(2026, 4, 27), "psfs", {"Standing to cook": 7}),
    ]


def test_a_bad_answer_or_an_item_twice_names_its_line():
    bad = csv_bytes(
        "date,instrument,item,answer",
        "2026-03-02,zcq,s7,2",
        "2026-03-02,zcq,s9,1",
        "2026-03-02,zcq,s1,4",
        "2026-03-02,zcq,s1,3",
        "2026-03-02,sf36,q1,3",
    )
    assert refused({"questionnaires.csv": bad}) == [
        "questionnaires.csv: line 2, column answer: Choose 1, 3 or 5.",
        "questionnaires.csv: line 3, column item: This is not a question of the Zurich "
        "Claudication Questionnaire.",
        "questionnaires.csv: line 5, column item: this item is already answered on line 4",
        "questionnaires.csv: line 6, column instrument: 'sf36' is not one of: zcq, psfs",
    ]


def test_walk_diary_alone_gives_diary_walks_and_beside_walks_must_agree():
    diary = csv_bytes("date,total_walk_min,peak_leg_pain", "2026-03-01,5,2", "2026-03-01,6,2")
    found = parse_folder({"walk_diary.csv": diary}, TZ)
    assert [(w.walk.imported, w.import_seq, w.source) for w in found.walks] == [
        (True, 1, "walk_diary.csv"),
        (True, 2, "walk_diary.csv"),
    ]
    other = csv_bytes(
        "date,kind,total_walk_min,time_to_symptoms_min,peak_leg_pain,rests,next_day_flare,"
        "distance_m,notes",
        "2026-02-20,test,6.5,3.25,5,1,no,420.5,Windy",
        "2026-03-02,training,1.666667,,3,0,no,,",
    )
    assert refused({"walks.csv": WALKS, "walk_diary.csv": other, "sessions.csv": SESSIONS}) == [
        "walk_diary.csv: line 3, column peak_leg_pain: this differs from walks.csv line 3; "
        "they must agree"
    ]


def test_details_must_be_a_json_object():
    sessions = csv_bytes(
        "session_id,kind,state,started", "1,walk,running,2026-03-02T08:30:00+01:00"
    )
    events = csv_bytes(
        "session_id,at,seconds_from_start,event,details",
        "1,2026-03-02T08:30:00+01:00,0,started,[1]",
    )
    [problem] = refused({"sessions.csv": sessions, "session_events.csv": events})
    assert problem.startswith("session_events.csv: line 2, column details: this is not a JSON")
    assert json.loads('{"step": 1}')  # the example the sentence gives is JSON


def test_a_duplicate_id_and_a_time_without_offset_are_refused():
    sessions = csv_bytes(
        "session_id,kind,state,started",
        "1,walk,finished,2026-03-02T08:30:00+01:00",
        "1,walk,finished,2026-03-02T08:30:00",
    )
    assert refused({"sessions.csv": sessions}) == [
        "sessions.csv: line 3, column session_id: the id 1 is already used on line 2",
        "sessions.csv: line 3, column started: '2026-03-02T08:30:00' is not a time with its "
        "offset; write it like 2026-03-02T09:30:00+01:00",
    ]


def test_every_problem_is_wrapped_for_translation(pseudo):
    from stenosis_coach.i18n import is_pseudo_wrapped

    logs = csv_bytes("date,leg_pain", "2026-03-01,x")
    for text in refused({"daily_log.csv": logs, "odd.csv": b""}):
        assert is_pseudo_wrapped(text), text


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1.666667", Fraction(100)),  # rounded from 100 s
        ("3.383333", Fraction(203)),
        ("0.002067", Fraction("0.124")),  # whole milliseconds
        ("6.5", Fraction(390)),  # exact: as written
        ("1.6666671", Fraction("1.6666671") * 60),  # 7 places: not the export's rounding
        ("1.666668", Fraction("1.666668") * 60),  # no whole milliseconds rounds to it
    ],
)
def test_minutes_the_export_rounded_come_back_as_they_were(text, seconds):
    assert seconds_of(Fraction(text)) == seconds


def test_rows_are_checked_beside_an_unknown_column_but_not_without_a_required_one():
    logs = csv_bytes("date,leg_pain,colour", "2026-03-01,x,red")
    events = csv_bytes("session_id,at,event", "1,2026-03-02T08:30:00+01:00,started")
    assert refused({"daily_log.csv": logs, "session_events.csv": events}) == [
        "daily_log.csv: line 1, column colour: unknown column; the columns are: "
        + ", ".join(COLUMNS["daily_log.csv"]),
        "daily_log.csv: line 2, column leg_pain: 'x' is not a number; write it like 6.5",
        "session_events.csv: line 1, column seconds_from_start: this required column is missing",
    ]


def test_what_a_folder_holds_is_counted_in_the_same_words_for_export_and_import(pseudo):
    from stenosis_coach.core.datafolder import counted_text

    assert counted_text("walks", 2411) == "⟦2,411 walks⟧"
    assert counted_text("sessions", 1) == "⟦1 session⟧"
    assert counted_text("questionnaire_answers", 0) == "⟦0 questionnaire answers⟧"
