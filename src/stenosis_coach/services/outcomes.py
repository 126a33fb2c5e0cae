"""Outcome measures as the patient records them (issue 15, DESIGN 5.6, 5.10): the Zurich
Claudication Questionnaire, "My activities" (PSFS) and its activities, and the daily log's
"compared with before the treatment".

Each write checks what it is given and refuses it whole, with a plain sentence, when a
value cannot be (:class:`FormProblems` for a questionnaire's answers, :class:`InvalidInput`
otherwise); nothing is stored then.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.daily import TreatmentKind
from stenosis_coach.core.outcomes.model import (
    MAX_ACTIVITIES,
    MAX_ACTIVITY_CHARS,
    PSFS,
    ZCQ,
    Answer,
    Instrument,
    Questionnaire,
    SinceTreatment,
    relief_asked,
)
from stenosis_coach.core.walking.logged import FormProblems
from stenosis_coach.errors import InvalidInput
from stenosis_coach.i18n import _
from stenosis_coach.storage.daily_repo import DailyRepository
from stenosis_coach.storage.database import Database
from stenosis_coach.storage.outcomes_repo import Activity as Activity
from stenosis_coach.storage.outcomes_repo import OutcomesRepository

# -- questionnaires ---------------------------------------------------------------------------


def record_questionnaire(
    db: Database, questionnaire: Questionnaire, now: datetime, tz: tzinfo = LOCAL
) -> None:
    """Store a whole questionnaire, replacing the same day's of its instrument.

    :class:`FormProblems` (item -> sentence; ``""`` for the whole questionnaire, ``"day"``
    for its date) and nothing stored when an answer is out of range, the date is in the
    future, or nothing was answered."""
    problems = questionnaire.problems()
    if questionnaire.date > now.astimezone(tz).date():
        problems["day"] = _("The date is in the future. Choose today or an earlier day.")
    if not questionnaire.answers:
        problems.setdefault("", _("Answer at least one question."))
    if problems:
        raise FormProblems(problems)
    OutcomesRepository(db).save_questionnaire(questionnaire, now)


def record_zcq(
    db: Database, day: date, answers: Mapping[str, int], now: datetime, tz: tzinfo = LOCAL
) -> Questionnaire:
    """The Zurich Claudication Questionnaire of ``day``: ``{"s1": 4, ...}``, unanswered
    items left out."""
    questionnaire = Questionnaire(day, ZCQ, dict(answers))
    record_questionnaire(db, questionnaire, now, tz)
    return questionnaire


def record_psfs(
    db: Database, day: date, ratings: Mapping[str, Answer], now: datetime, tz: tzinfo = LOCAL
) -> Questionnaire:
    """My activities rated on ``day``: ``{activity's words: 0-10 or "stopped"}``. A
    ``"stopped"`` activity is marked "stopped doing it" in the same write."""
    questionnaire = Questionnaire(day, PSFS, dict(ratings))
    record_questionnaire(db, questionnaire, now, tz)
    return questionnaire


def questionnaires(db: Database, instrument: Instrument | None = None) -> list[Questionnaire]:
    """The questionnaires recorded (of ``instrument``, or all), oldest first."""
    return OutcomesRepository(db).questionnaires(instrument)


def delete_questionnaire(db: Database, day: date, instrument: Instrument, now: datetime) -> None:
    """Delete the day's questionnaire of ``instrument``; :class:`InvalidInput` if none."""
    if not OutcomesRepository(db).delete_questionnaire(day, instrument, now):
        raise InvalidInput(_("There is no questionnaire on that day."))


# -- My activities ------------------------------------------------------------------------------


def activities(db: Database) -> list[Activity]:
    """Every activity named (current, retired and stopped), in the order added."""
    return OutcomesRepository(db).activities()


def current_activities(db: Database) -> list[Activity]:
    """The activities still rated (neither retired nor stopped), in the order added."""
    return [a for a in activities(db) if a.current]


def add_activity(db: Database, words: str, now: datetime, tz: tzinfo = LOCAL) -> Activity:
    """Name a new activity in the patient's own words (added today); :class:`InvalidInput`
    when it has no words, is too long, is already named, or 5 are already rated."""
    words = " ".join(words.split())
    if not words:
        raise InvalidInput(_("Give the activity a name."))
    if len(words) > MAX_ACTIVITY_CHARS:
        raise InvalidInput(_("An activity's name is at most 200 characters."))
    current = current_activities(db)
    if any(a.words.casefold() == words.casefold() for a in current):
        raise InvalidInput(_("This activity is already on your list."))
    if len(current) >= MAX_ACTIVITIES:
        raise InvalidInput(_("You already have 5 activities. Retire one before adding another."))
    return OutcomesRepository(db).add_activity(words, now.astimezone(tz).date())


def retire_activity(db: Database, activity_id: int, now: datetime, tz: tzinfo = LOCAL) -> Activity:
    """No longer rate this activity (from today)."""
    return _mark(db, activity_id, now.astimezone(tz).date(), stop=False)


def stop_activity(db: Database, activity_id: int, now: datetime, tz: tzinfo = LOCAL) -> Activity:
    """Mark this activity "stopped doing it" (from today)."""
    return _mark(db, activity_id, now.astimezone(tz).date(), stop=True)


def _mark(db: Database, activity_id: int, day: date, *, stop: bool) -> Activity:
    found = {a.id: a for a in activities(db)}.get(activity_id)
    if found is None or not found.current:
        raise InvalidInput(_("This activity is no longer on your list."))
    repo = OutcomesRepository(db)
    return repo.stop_activity(activity_id, day) if stop else repo.retire_activity(activity_id, day)


# -- relief after a treatment (DESIGN 5.10) ------------------------------------------------------


def relief_treatment(db: Database, day: date) -> tuple[date, TreatmentKind] | None:
    """The treatment the daily log of ``day`` asks "compared with before" about (the
    latest one it is asked for: days 1-42 after an injection, a block or a procedure)."""
    asked = [
        (t.event.date, t.event.kind)
        for t in DailyRepository(db).treatments()
        if relief_asked(t.event.date, t.event.kind, day)
    ]
    return max(asked, default=None)


def since_treatment(db: Database, day: date) -> SinceTreatment | None:
    """The answer the log of ``day`` gave (``None``: no log, or not answered)."""
    return DailyRepository(db).since_treatment(day)


def since_treatment_answers(db: Database) -> dict[date, SinceTreatment]:
    """Every day's answer, oldest first (days not answered left out)."""
    return DailyRepository(db).since_treatment_answers()


def answer_since_treatment(
    db: Database, day: date, answer: SinceTreatment | None, now: datetime
) -> None:
    """Record (or clear, ``None``) the day's "compared with before the treatment" on its
    saved log; :class:`InvalidInput` when the day's log is not saved, or the day is not
    one it is asked on."""
    if answer is not None and relief_treatment(db, day) is None:
        raise InvalidInput(
            _("This question is asked only in the 6 weeks after an injection, block or procedure.")
        )
    try:
        DailyRepository(db).set_since_treatment(day, answer, now)
    except LookupError:
        raise InvalidInput(_("Save the day's log first.")) from None
