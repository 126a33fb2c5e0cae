"""Red-flag screening: the questions, their levels and what to do (DESIGN 5.5, issue 3).

The rules, in short:

* Every question asks about something **new or changed since the last check**, so a
  long-standing, known problem does not raise the alarm every week.
* Each question belongs to one of three levels, taken from DESIGN 5.5: emergency (get
  emergency care now), urgent (contact your clinician today) and stop-and-check (do not
  continue exercising until a clinician has checked you).
* A check is complete only when every question has a yes or no. The decision is the most
  severe level among the "yes" answers, or ``None`` when every answer is "no".
* The advice never suggests an exercise and never names a diagnosis.
* The check is asked at first run, weekly, after a session that ends on "must stop" or a
  "this hurts" of 7/10 or more, and on demand.
* After any "yes", a new session may start only once the patient confirms they have been
  checked by a clinician, or that the answer was a mistake (a recorded clearance).

Pure Python: no Qt, no SQL. Times are timezone-aware datetimes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from stenosis_coach.i18n import N_, _


class Level(StrEnum):
    """How soon to seek care. Compare with :attr:`severity`, not ``<`` (that compares text)."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    STOP_AND_CHECK = "stop_and_check"

    @property
    def severity(self) -> int:
        """Higher is more serious: emergency 3, urgent 2, stop-and-check 1."""
        return _SEVERITY[self]


_SEVERITY = {Level.EMERGENCY: 3, Level.URGENT: 2, Level.STOP_AND_CHECK: 1}


class ClearanceReason(StrEnum):
    """Why a patient may start sessions again after a "yes" (DESIGN 5.5)."""

    CHECKED_BY_CLINICIAN = "checked_by_clinician"
    ANSWERED_BY_MISTAKE = "answered_by_mistake"


class CheckTrigger(StrEnum):
    """What caused a check to be asked (DESIGN 5.5, first sentence); stored with the check."""

    FIRST_RUN = "first_run"
    WEEKLY = "weekly"
    MUST_STOP = "must_stop"
    SEVERE_HURT = "severe_hurt"
    SESSION_SYMPTOMS = "session_symptoms"  # spreading leg symptoms or new weakness (issue 4)
    REST_NOT_EASING = "rest_not_easing"  # 10 min of rest without easing (DESIGN 5.1)
    ON_DEMAND = "on_demand"

    @property
    def may_postpone(self) -> bool:
        """Only a check the patient chose to start (weekly, on demand) may be left for later;
        one that follows a first run or a session's warning sign must be answered."""
        return self in (CheckTrigger.WEEKLY, CheckTrigger.ON_DEMAND)


# DESIGN 5.5 / issue 3: a "this hurts" rating of 7/10 or more asks the red-flag questions.
SEVERE_HURT_SCORE = 7


SINCE_LAST_CHECK = "Since your last check"  # not translated: the English the questions begin with
# The first check ever has no "last check" to count from (DESIGN 5.5, December 2026).
FIRST_CHECK = "Recently"


@dataclass(frozen=True)
class RedFlagQuestion:
    """One red-flag question. Its words are clinically reviewed: each is a whole sentence
    in English (marked for translation, translated where shown), "you" language, the time
    phrase first (:data:`SINCE_LAST_CHECK`, or :data:`FIRST_CHECK` at the first check)."""

    id: str  # stable slug; stored with every answer, never renamed
    since_words: str  # "Since your last check, have you had ...?" (English, untranslated)
    first_words: str  # "Recently, have you had ...?" (English, untranslated)
    level: Level
    source: str  # where the question and its level come from (for us: not translated)
    plain_label: str  # short wording for lists of answers, English; shown as :attr:`label`

    @property
    def asks(self) -> str:
        """The question after its time phrase, in English: "have you had ...?"."""
        return self.since_words.removeprefix(f"{SINCE_LAST_CHECK}, ")

    @property
    def text(self) -> str:
        """The question as asked at every check after the first, in the user's language."""
        return _(self.since_words)

    @property
    def first_text(self) -> str:
        """The question as asked at the first check ever (there is no last check yet), in
        the user's language."""
        return _(self.first_words)

    def text_for(self, first_check: bool) -> str:
        return self.first_text if first_check else self.text

    @property
    def label(self) -> str:
        """:attr:`plain_label` in the user's language (the report, the seek-care screen,
        the pocket card); a CSV export keeps ``plain_label``."""
        return _(self.plain_label)


_E, _U, _S = Level.EMERGENCY, Level.URGENT, Level.STOP_AND_CHECK
_SRC_E = "DESIGN 5.5 emergency; seed 000 urgent list"
_SRC_U = "DESIGN 5.5 urgent; seed 001"
_SRC_S = "DESIGN 5.5 stop and get checked"

QUESTIONS: tuple[RedFlagQuestion, ...] = (
    RedFlagQuestion(
        "saddle-numbness",
        N_(
            "Since your last check, have you had new numbness in your groin, bottom or inner "
            "thighs (the area that would touch a saddle)?"
        ),
        N_(
            "Recently, have you had new numbness in your groin, bottom or inner thighs (the "
            "area that would touch a saddle)?"
        ),
        _E,
        _SRC_E,
        N_("Numbness in the groin or saddle area"),
    ),
    RedFlagQuestion(
        "bladder-trouble",
        N_(
            "Since your last check, have you had new trouble starting to pass urine or holding"
            " it in, or have you leaked urine without meaning to?"
        ),
        N_(
            "Recently, have you had new trouble starting to pass urine or holding it in, or "
            "have you leaked urine without meaning to?"
        ),
        _E,
        _SRC_E,
        N_("New trouble starting or controlling urine, or leaking"),
    ),
    RedFlagQuestion(
        "bowel-control",
        N_(
            "Since your last check, have you lost control of your bowels, or not felt when you"
            " needed to go?"
        ),
        N_("Recently, have you lost control of your bowels, or not felt when you needed to go?"),
        _E,
        _SRC_E,
        N_("Loss of bowel control"),
    ),
    RedFlagQuestion(
        "both-legs-weak-or-numb",
        N_(
            "Since your last check, have both of your legs become weak or numb in a way that "
            "is new?"
        ),
        N_("Recently, have both of your legs become weak or numb in a way that is new?"),
        _E,
        _SRC_E,
        N_("New weakness or numbness in both legs"),
    ),
    RedFlagQuestion(
        "leg-weakness-worsening",
        N_(
            "Since your last check, has weakness in a leg got worse quickly, or has a foot "
            "started to drop or drag so your toes catch the ground?"
        ),
        N_(
            "Recently, has weakness in a leg got worse quickly, or has a foot started to drop "
            "or drag so your toes catch the ground?"
        ),
        _E,
        _SRC_E,
        N_("Leg weakness getting worse quickly, or foot drop"),
    ),
    RedFlagQuestion(
        "walking-sudden-drop",
        N_(
            "Since your last check, has your walking suddenly become much worse, so you can "
            "walk far less than before?"
        ),
        N_(
            "Recently, has your walking suddenly become much worse, so you can walk far less "
            "than before?"
        ),
        _E,
        _SRC_E,
        N_("Sudden big drop in how far you can walk"),
    ),
    RedFlagQuestion(
        "chest-pain",
        N_("Since your last check, have you had any chest pain?"),
        N_("Recently, have you had any chest pain?"),
        _E,
        "DESIGN 5.5 emergency",
        N_("Chest pain"),
    ),
    RedFlagQuestion(
        "breathless-at-rest",
        N_(
            "Since your last check, have you been short of breath or dizzy in a way that did "
            "not get better when you rested?"
        ),
        N_(
            "Recently, have you been short of breath or dizzy in a way that did not get better"
            " when you rested?"
        ),
        _E,
        "DESIGN 5.5 emergency",
        N_("Short of breath or dizzy, not settling with rest"),
    ),
    RedFlagQuestion(
        "clumsy-hands",
        N_(
            "Since your last check, have your hands become clumsy, or have you started "
            "dropping things?"
        ),
        N_("Recently, have your hands become clumsy, or have you started dropping things?"),
        _U,
        _SRC_U + " (neck: cervical cord)",
        N_("Clumsy hands or dropping things"),
    ),
    RedFlagQuestion(
        "unsteady-or-falls",
        N_(
            "Since your last check, have you become unsteady on your feet in a new way, or had"
            " a fall?"
        ),
        N_("Recently, have you become unsteady on your feet in a new way, or had a fall?"),
        _U,
        _SRC_U + " (neck: cervical cord)",
        N_("New unsteadiness or falls"),
    ),
    RedFlagQuestion(
        "spreading-numbness",
        N_("Since your last check, has any numbness spread to a new part of your body?"),
        N_("Recently, has any numbness spread to a new part of your body?"),
        _U,
        _SRC_U,
        N_("Numbness that is spreading"),
    ),
    RedFlagQuestion(
        "fever",
        N_("Since your last check, have you had a fever (a high temperature)?"),
        N_("Recently, have you had a fever (a high temperature)?"),
        _U,
        _SRC_U,
        N_("Fever"),
    ),
    RedFlagQuestion(
        "weight-loss",
        N_("Since your last check, have you lost weight without trying?"),
        N_("Recently, have you lost weight without trying?"),
        _U,
        _SRC_U,
        N_("Weight loss without trying"),
    ),
    RedFlagQuestion(
        "pain-after-fall",
        N_("Since your last check, have you had a fall that left you with new or worse pain?"),
        N_("Recently, have you had a fall that left you with new or worse pain?"),
        _U,
        _SRC_U,
        N_("Pain after a fall"),
    ),
    RedFlagQuestion(
        "breathless-walking-settles",
        N_(
            "Since your last check, have you been short of breath or dizzy while walking, and "
            "it got better once you rested?"
        ),
        N_(
            "Recently, have you been short of breath or dizzy while walking, and it got better"
            " once you rested?"
        ),
        _S,
        _SRC_S + " (may be the heart or lungs, not the spine)",
        N_("Short of breath or dizzy when walking, settling with rest"),
    ),
    RedFlagQuestion(
        "calf-pain-standing",
        N_(
            "Since your last check, have you had new pain in your calf when walking that goes "
            "away when you just stand still, without sitting or bending forward?"
        ),
        N_(
            "Recently, have you had new pain in your calf when walking that goes away when you"
            " just stand still, without sitting or bending forward?"
        ),
        _S,
        _SRC_S + " (may be circulation, not the spine)",
        N_("Calf pain that eases by standing still"),
    ),
)

QUESTIONS_BY_ID: Mapping[str, RedFlagQuestion] = {q.id: q for q in QUESTIONS}

# Questions that count as DESIGN 5.4's `new_weakness_or_balance` sign.
NEW_WEAKNESS_IDS: frozenset[str] = frozenset(
    {"both-legs-weak-or-numb", "leg-weakness-worsening", "clumsy-hands", "unsteady-or-falls"}
)


def _validated(answers: Mapping[str, bool]) -> None:
    unknown = sorted(set(answers) - QUESTIONS_BY_ID.keys())
    if unknown:
        raise ValueError(f"unknown red-flag question id(s): {', '.join(unknown)}")
    for qid, value in answers.items():
        if not isinstance(value, bool):
            raise ValueError(f"answer for {qid} must be True or False, not {value!r}")


def unanswered(answers: Mapping[str, bool]) -> tuple[RedFlagQuestion, ...]:
    """The questions without an answer, in question order (in a finished check: not asked)."""
    return tuple(q for q in QUESTIONS if q.id not in answers)


def ends_at_once(question: RedFlagQuestion, yes: bool) -> bool:
    """An Emergency "yes" ends the check at once: the emergency screen comes before any
    other question (DESIGN 5.5, the flow of December 2026)."""
    return yes and question.level is Level.EMERGENCY


def may_finish(answers: Mapping[str, bool], *, left: bool = False) -> bool:
    """Whether a check with these answers may be recorded as finished.

    A check is finished when every question has an answer, or at once on an Emergency
    "yes" (the questions after it are not asked). A check the patient ``left`` (closed
    the app, or chose to stop) with any "yes" in it is finished too, so that its advice is
    shown: the questions come most severe first, so any left are at the same level as that
    "yes" or below it. A check with only "no" answers is never finished early.
    """
    _validated(answers)
    if not unanswered(answers):
        return True
    if any(ends_at_once(QUESTIONS_BY_ID[q], yes) for q, yes in answers.items()):
        return True
    return left and any(answers.values())


def yes_questions(answers: Mapping[str, bool]) -> tuple[RedFlagQuestion, ...]:
    """The questions answered "yes", in question order.

    Raises ``ValueError`` naming the id for an unknown id or an answer that is not ``True``
    or ``False``, and for a missing answer when there is no "yes" at all: "all clear"
    needs every answer, while a check with a "yes" may have ended before the last question.
    """
    _validated(answers)
    yes = tuple(q for q in QUESTIONS if answers.get(q.id))
    missing = [q.id for q in unanswered(answers)]
    if missing and not yes:
        raise ValueError(f"red-flag check incomplete, no answer for: {', '.join(missing)}")
    return yes


def decide(answers: Mapping[str, bool]) -> Level | None:
    """The most severe level among the "yes" answers; ``None`` when every answer is "no"."""
    yes = yes_questions(answers)
    if not yes:
        return None
    return max((q.level for q in yes), key=lambda level: level.severity)


@dataclass(frozen=True)
class SeekCareAdvice:
    """What the seek-care screen says, in the user's language."""

    level: Level
    title: str
    body: str
    reasons: tuple[str, ...]  # plain labels of the "yes" answers at this level
    also_noted: tuple[str, ...] = ()  # plain labels of "yes" answers at lower levels


# Marked here, translated in :func:`advice_for` (clinically reviewed: keep every word).
_ADVICE: Mapping[Level, tuple[str, str]] = {
    Level.EMERGENCY: (
        N_("Get emergency care now"),
        N_(
            "This can be serious. Call your local emergency number (for example 911, 112 or "
            "999) or go to the nearest emergency department now. If you can, ask someone to "
            "take you rather than driving yourself. Show them the answers listed below."
        ),
    ),
    Level.URGENT: (
        N_("Contact your clinician today"),
        N_(
            "What you noticed needs to be checked soon. Contact your doctor or clinician today "
            "and tell them what has changed. If you cannot reach them today, go "
            "to an urgent care clinic or call your local health advice line. If things get "
            "worse quickly, call your local emergency number."
        ),
    ),
    Level.STOP_AND_CHECK: (
        N_("Stop and get checked"),
        N_(
            "Do not continue exercising or walking for exercise until a clinician has checked "
            "you. These signs can come from the heart or blood flow, not the spine, so they "
            "need their own check. Contact your doctor or clinician soon and tell them what "
            "happened. If you get chest pain, or breathlessness or dizziness that does not "
            "settle with rest, call your local emergency number."
        ),
    ),
}


def advice_for(answers: Mapping[str, bool]) -> SeekCareAdvice | None:
    """What the seek-care screen says for a complete check; ``None`` when all answers are no."""
    yes = yes_questions(answers)
    if not yes:
        return None
    level = max((q.level for q in yes), key=lambda lv: lv.severity)
    title, body = _ADVICE[level]
    return SeekCareAdvice(
        level=level,
        title=_(title),
        body=_(body),
        reasons=tuple(q.label for q in yes if q.level.severity >= level.severity),
        also_noted=tuple(q.label for q in yes if q.level.severity < level.severity),
    )


# Issue 3 and DESIGN 5.5: the check is asked "weekly".
WEEKLY_CHECK_DAYS = 7


def _require_aware(name: str, moment: datetime | None) -> None:
    if moment is not None and (moment.tzinfo is None or moment.utcoffset() is None):
        raise ValueError(f"{name} must be timezone-aware, got {moment!r}")


def check_due(last_completed: datetime | None, now: datetime) -> bool:
    """Whether the weekly check is due: never done, or 7 days or more since the last one.

    A last check that lies in the future (the clock was set back) also makes it due:
    asking again is harmless, never asking is not.
    """
    _require_aware("last_completed", last_completed)
    _require_aware("now", now)
    if last_completed is None or last_completed > now:
        return True
    return now - last_completed >= timedelta(days=WEEKLY_CHECK_DAYS)


def session_gate(last_check_with_yes: datetime | None, last_clearance: datetime | None) -> bool:
    """Whether starting a session must first ask for a clearance (DESIGN 5.5).

    True when there is a check with any "yes" and no clearance recorded at or after it.
    """
    _require_aware("last_check_with_yes", last_check_with_yes)
    _require_aware("last_clearance", last_clearance)
    if last_check_with_yes is None:
        return False
    return last_clearance is None or last_check_with_yes > last_clearance


def check_after_session(must_stop: bool, worst_hurt: int | None) -> bool:
    """Whether a session's end asks the red-flag questions: "must stop" or a hurt >= 7/10."""
    return must_stop or (worst_hurt is not None and worst_hurt >= SEVERE_HURT_SCORE)
