"""Red-flag checks as the user does them: start, answer, finish or postpone, and clear.

Every answer is committed when given, so a crash never loses one. An Emergency "yes"
finishes the check at once; a check left unfinished is finished and its advice shown if it
has a "yes", else carried on (or, when old, asked again) at the next start (DESIGN 5.5).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from stenosis_coach.core.clock import LOCAL, utc_offset_minutes
from stenosis_coach.core.due import Due, StartedCheck
from stenosis_coach.core.safety import (
    QUESTIONS,
    QUESTIONS_BY_ID,
    CheckTrigger,
    ClearanceReason,
    SeekCareAdvice,
    advice_for,
    decide,
    ends_at_once,
    may_finish,
)
from stenosis_coach.core.safety_state import (
    CheckRecord,
    LeftCheck,
    SafetyStatus,
    carried_on,
    left_check,
    safety_status,
)
from stenosis_coach.core.today import (
    ADVICE_ACTION,
    ADVICE_MISTAKE_ACTION,
    WEEKLY_ACTION,
    TodayItem,
)
from stenosis_coach.core.words import day_text
from stenosis_coach.i18n import N_, _, date_text
from stenosis_coach.services.due import due_at
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.safety_repo import SafetyRepository

WELCOME_SEEN = "welcome_seen"
# app_state: the id of the last check whose advice the patient closed with "I understand".
ADVICE_READ = "safety_advice_read"


def status(db: Database, now: datetime) -> SafetyStatus:
    repo = SafetyRepository(db)
    return safety_status(repo.checks(), repo.clearances(), now)


def start_check(db: Database, trigger: CheckTrigger, now: datetime) -> CheckRecord:
    """Begin a check, or carry on the one left unfinished (its trigger and answers kept).

    A left check with only "no" answers started too long ago (:func:`left_check`) is kept
    as left (marked postponed) and asked again from the first question, with its trigger.
    A left check with a "yes" must be finished first with :func:`finish_left_check`.
    """
    repo = SafetyRepository(db)
    pending = status(db, now).pending
    if pending is not None:
        plan = left_check(pending, now)
        if plan is LeftCheck.SHOW_ADVICE:
            raise ValueError(f"check {pending.id} has a yes: finish it and show its advice")
        if plan is LeftCheck.RESUME:
            return pending
        repo.postpone(pending.id, now)
        trigger = pending.trigger
    return repo.get_check(repo.start_check(trigger, now, utc_offset_minutes(now)))


def answer(
    db: Database, check_id: int, question_id: str, yes: bool, now: datetime
) -> SeekCareAdvice | None:
    """Store one answer at once (or change it, after "Back").

    An Emergency "yes" finishes the check there and then: the questions after it are not
    asked (no answer is stored for them) and the emergency advice is returned. Any other
    answer returns ``None``: the check goes on.
    """
    question = QUESTIONS_BY_ID.get(question_id)
    if question is None:
        raise ValueError(f"unknown red-flag question {question_id!r}")
    SafetyRepository(db).answer(check_id, question_id, yes, now)
    if ends_at_once(question, yes):
        return finish_check(db, check_id, now)
    return None


def finish_check(
    db: Database, check_id: int, now: datetime, *, left: bool = False
) -> SeekCareAdvice | None:
    """Record the check as finished; the advice to show, or ``None`` when all were "no".

    Raises ``ValueError`` ("incomplete") unless :func:`core.safety.may_finish` allows it.
    """
    repo = SafetyRepository(db)
    answers = repo.get_check(check_id).answers
    if not may_finish(answers, left=left):
        raise ValueError(f"red-flag check {check_id} is incomplete")
    level = decide(answers)
    repo.complete(check_id, level, now)
    return advice_for(answers)


def finish_left_check(db: Database, check_id: int, now: datetime) -> SeekCareAdvice:
    """Finish a check the patient left with a "yes" in it; the questions not answered are
    recorded as not asked. Returns the advice to show now."""
    advice = finish_check(db, check_id, now, left=True)
    assert advice is not None  # may_finish(left=True) needs a "yes"
    return advice


def postpone_check(db: Database, check_id: int, now: datetime) -> None:
    """Leave a weekly or on-demand check for later; it stays due on the Today page."""
    repo = SafetyRepository(db)
    check = repo.get_check(check_id)
    if not check.trigger.may_postpone:
        raise ValueError(f"a {check.trigger} check cannot be postponed")
    repo.postpone(check_id, now)


def record_clearance(db: Database, reason: ClearanceReason, now: datetime) -> None:
    """The patient confirms a clinician checked them, or that the "yes" was a mistake.

    A "yes" withdrawn as a mistake in a check that ended before its last question (an
    Emergency "yes", or a check left with a "yes"): the questions it did not ask were
    never answered, so a check that asks them is started with the clearance, in the same
    transaction, with the same trigger. It holds the answers given before (the withdrawn
    "yes" as "no") and goes on with the next question, or asks every question again when
    the withdrawn check is old (:func:`core.safety_state.carried_on`). Until it is finished
    it waits like any check started (sessions wait for it) and what is due does not count
    the withdrawn check as done. The withdrawn check keeps its "yes" (DESIGN 5.5: every
    answer is stored).
    """
    current = status(db, now)
    flag = current.open_flag
    if flag is None or not current.needs_clearance:
        raise ValueError("there is no red-flag answer waiting for a clearance")
    repo = SafetyRepository(db)
    offset = utc_offset_minutes(now)
    if reason is ClearanceReason.ANSWERED_BY_MISTAKE and flag.not_asked:
        repo.withdraw(flag.id, now, offset, flag.trigger, carried_on(flag, now))
    else:
        repo.add_clearance(flag.id, reason, now, offset)


def unread_advice(db: Database, now: datetime) -> CheckRecord | None:
    """The check whose advice still waits for a clinician's check and was never closed
    with "I understand" (the app closed over it, or it was left with a "yes")."""
    current = status(db, now)
    flag = current.open_flag
    if flag is None or current.advice is None:
        return None
    if SafetyRepository(db).get_state(ADVICE_READ) == str(flag.id):
        return None
    return flag


def mark_advice_read(db: Database, check_id: int) -> None:
    SafetyRepository(db).set_state(ADVICE_READ, str(check_id))


def welcome_seen(db: Database) -> bool:
    return SafetyRepository(db).get_state(WELCOME_SEEN) is not None


def mark_welcome_seen(db: Database, now: datetime) -> None:
    SafetyRepository(db).set_state(WELCOME_SEEN, now.isoformat())


def red_flags_last_28_days(db: Database, now: datetime) -> int:
    return status(db, now).flags_last_28_days


def checks_between(db: Database, since: datetime, until: datetime) -> list[CheckRecord]:
    """Completed checks started in [since, until), for the report."""
    return [c for c in SafetyRepository(db).checks(since, until) if c.complete]


# -- the Today page ---------------------------------------------------------------------


def today_items(
    db: Database,
    now: datetime,
    due: Due | None = None,
    tz: tzinfo = LOCAL,
    current: SafetyStatus | None = None,
) -> list[TodayItem]:
    """Advice waiting for "I have been checked" (it replaces the plan), or the check when
    it is due (DESIGN 5.7, :mod:`core.due`); ``current``: the safety status at ``now`` when
    the caller has it (the read model's)."""
    current = current or status(db, now)
    advice = current.advice
    if advice is not None and current.open_flag is not None:
        return [
            TodayItem(
                key="safety-advice",
                title=advice.title,
                detail="\n\n".join(
                    (
                        advice.body,
                        yes_answers_text(current.open_flag, advice, tz),
                        _(
                            "When a clinician has checked you, press “{checked}”. If an answer "
                            "was a mistake, press “{mistake}”. Your plan then comes back here."
                        ).format(checked=_(CHECKED), mistake=_(MISTAKE)),
                    )
                ),
                action_label="",
                action="",
                urgent=True,
                blocks_plan=True,
                choices=((_(CHECKED), ADVICE_ACTION), (_(MISTAKE), ADVICE_MISTAKE_ACTION)),
            )
        ]
    due = due or due_at(db, now, tz)
    waiting = due.check_waiting
    if waiting is not None:
        return [waiting_check_item(waiting, tz)]
    if due.safety_check:
        first = current.first_check_needed
        return [
            TodayItem(
                key="safety-weekly",
                title=_("Safety check") if first else _("Weekly safety check"),
                detail=(
                    _(
                        "{count} yes-or-no questions about your back, legs and health. "
                        "It takes about two minutes."
                    )
                    if first
                    else _(
                        "{count} yes-or-no questions about anything new since your last "
                        "check. It takes about two minutes."
                    )
                ).format(count=len(QUESTIONS)),
                action_label=_("Start the check"),
                action=WEEKLY_ACTION,
            )
        ]
    return []


# The two ways out of the advice on Today (DESIGN 5.5): the words say these buttons
# (shown as _(CHECKED), _(MISTAKE)).
CHECKED = N_("I have been checked")
MISTAKE = N_("My answer was a mistake")


def yes_answers_text(check: CheckRecord, advice: SeekCareAdvice, tz: tzinfo = LOCAL) -> str:
    """The "yes" answers of a check, one a line, with its day: what the emergency advice
    tells the patient to show."""
    when = day_text((check.completed_at or check.started_at).astimezone(tz))
    lines = [_("In your safety check on {day}, you answered yes to:").format(day=when)]
    lines += [f"•  {reason}" for reason in advice.reasons]
    if advice.also_noted:
        lines.append(_("You also noted:"))
        lines += [f"•  {reason}" for reason in advice.also_noted]
    return "\n".join(lines)


def waiting_check_item(waiting: StartedCheck, tz: tzinfo = LOCAL) -> TodayItem:
    """A check started and not finished (left after "must stop", or the app closed over
    it): Today's first item, as every walk and routine waits for it (DESIGN 5.5, 5.7)."""
    done = waiting.answered
    if done:
        local = waiting.started_at.astimezone(tz)
        detail = _(
            "You started it on {day} at {time} and answered {done} of {count} questions. "
            "Walks and exercises wait until it is done."
        ).format(day=day_text(local), time=date_text(local, "Hm"), done=done, count=len(QUESTIONS))
    else:
        detail = _(
            "{count} yes-or-no questions, about two minutes. Walks and exercises wait until "
            "it is done."
        ).format(count=len(QUESTIONS))
    return TodayItem(
        key="safety-waiting",
        title=_("Finish your safety check before the next walk"),
        detail=detail,
        action_label=_("Finish the check"),
        action=WEEKLY_ACTION,
        urgent=True,  # first on the page
    )
