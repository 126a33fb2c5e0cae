"""What a data folder holds, counted in words: the export's and the import's sentences
("Exported 10 files (2,411 walks, 1 session, …)", "Imported 12 walks, 3 sessions, …")
say each count the same way."""

from __future__ import annotations

from collections.abc import Callable

from stenosis_coach.i18n import grouped_text, ngettext

# Each kind's form for a count, translated when called, its {n} filled after.
_COUNTED: dict[str, Callable[[int], str]] = {
    "walks": lambda n: ngettext("{n} walk", "{n} walks", n),
    "sessions": lambda n: ngettext("{n} session", "{n} sessions", n),
    "events": lambda n: ngettext("{n} session event", "{n} session events", n),
    "logs": lambda n: ngettext("{n} daily log", "{n} daily logs", n),
    "treatments": lambda n: ngettext("{n} treatment", "{n} treatments", n),
    "checks": lambda n: ngettext("{n} safety check", "{n} safety checks", n),
    "answers": lambda n: ngettext("{n} safety answer", "{n} safety answers", n),
    "clearances": lambda n: ngettext("{n} clearance", "{n} clearances", n),
    "questionnaires": lambda n: ngettext("{n} questionnaire", "{n} questionnaires", n),
    "questionnaire_answers": lambda n: ngettext(
        "{n} questionnaire answer", "{n} questionnaire answers", n
    ),
}


def counted_text(kind: str, n: int) -> str:
    """``n`` of ``kind`` (a key of :meth:`DataFolder.counts`, or ``questionnaire_answers``)
    in words: ``2,411 walks``."""
    return _COUNTED[kind](n).format(n=grouped_text(n))
