"""The undo bar says what was deleted in whole sentences (issue 14, "Words are translatable"):
one message per kind of item (a walk, a walking test, a daily log, a treatment), never a
fragment ("the walk of …") put into a sentence with its first letter made a capital, which
is only right in some languages."""

from __future__ import annotations

from datetime import date, timedelta

from stenosis_coach.core.daily import TREATMENT_WORDS, DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.core.words import minutes_text
from stenosis_coach.services import daily, walks
from stenosis_coach.services.undo import Kind
from stenosis_coach.ui.undo import UndoBar
from tests.ui.pseudo_texts import unwrapped, wrapped_twice

ALL = (Kind.WALK, Kind.LOG, Kind.TREATMENT)


def shown(bar: UndoBar) -> tuple[str, str]:
    bar.refresh()
    return bar.text.text(), bar.button.accessibleName()


def test_each_kind_of_delete_is_said_in_one_whole_message(pseudo, window, qtbot, clock):
    context = window.context
    db, now = context.coach.database, clock.now()
    bar = UndoBar(context, ALL)
    qtbot.addWidget(bar)
    twenty = minutes_text(1200)  # already a translated message: "⟦20 min⟧"

    walk = walks.log_walk(
        db, WalkForm(WalkKind.TRAINING, date(2026, 2, 20), "20", peak_leg_pain=3), now
    )
    context.coach.delete(Kind.WALK, walk.id)
    assert shown(bar) == (
        f"⟦The walk of Fri 20 Feb ({twenty}) was deleted.⟧",
        f"⟦Undo: bring back the walk of Fri 20 Feb ({twenty})⟧",
    )
    test = walks.log_walk(
        db, WalkForm(WalkKind.TEST, date(2026, 2, 21), "20", "10", peak_leg_pain=3), now
    )
    context.coach.delete(Kind.WALK, test.id)
    assert shown(bar) == (
        f"⟦The walking test of Sat 21 Feb ({twenty}) was deleted.⟧",
        f"⟦Undo: bring back the walking test of Sat 21 Feb ({twenty})⟧",
    )
    log = daily.save_log(db, DailyLog(date(2026, 2, 22), leg_pain=2), now)
    context.coach.delete(Kind.LOG, log)
    assert shown(bar) == (
        "⟦The daily log of Sun 22 Feb was deleted.⟧",
        "⟦Undo: bring back the daily log of Sun 22 Feb⟧",
    )
    kind = TreatmentKind.EPIDURAL_INJECTION
    treatment = daily.add_treatment(db, TreatmentEvent(date(2026, 2, 23), kind), now)
    context.coach.delete(Kind.TREATMENT, treatment)
    words = TREATMENT_WORDS[kind]  # "⟦epidural injection⟧"
    assert shown(bar) == (
        f"⟦The treatment of Mon 23 Feb ({words}) was deleted.⟧",
        f"⟦Undo: bring back the treatment of Mon 23 Feb ({words})⟧",
    )
    assert unwrapped(bar) == [] and wrapped_twice(bar) == []


def test_a_delete_of_another_day_says_both_days_in_one_message(pseudo, window, qtbot, clock):
    context = window.context
    bar = UndoBar(context, ALL)
    qtbot.addWidget(bar)
    log = daily.save_log(
        context.coach.database, DailyLog(date(2026, 2, 22), leg_pain=2), clock.now()
    )
    context.coach.delete(Kind.LOG, log)
    clock.advance(timedelta(days=1).total_seconds())
    assert shown(bar)[0] == "⟦The daily log of Sun 22 Feb was deleted on Mon 2 Mar.⟧"
