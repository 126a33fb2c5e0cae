"""Relief after a treatment on Progress (issue 15, DESIGN 5.10): where the treatments are
listed, each injection, block or procedure says how long its relief lasted, in the same
words as the report; other kinds say nothing of relief."""

from __future__ import annotations

from datetime import timedelta

from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind
from stenosis_coach.i18n import is_pseudo_wrapped


def texts(listing) -> list[str]:
    return [listing.item(row).text() for row in range(listing.count())]


def history(window, *, back_on: int | None, since: int = 30) -> None:
    """Leg pain 6 for the 14 days before an epidural ``since`` days ago, 2 after it, and
    back to 6 from day ``back_on`` (None: never)."""
    coach = window.context.coach
    injected = coach.today_date() - timedelta(days=since)
    for n in range(-14, since + 1):
        pain = 6 if n < 0 or (back_on is not None and n >= back_on) else 2
        if n:
            coach.save_daily_log(DailyLog(injected + timedelta(days=n), leg_pain=pain))
    coach.add_treatment(TreatmentEvent(injected, TreatmentKind.EPIDURAL_INJECTION))
    coach.add_treatment(TreatmentEvent(injected, TreatmentKind.PT_START))


def test_each_injection_says_how_long_its_relief_lasted(window):
    history(window, back_on=18)
    page = window.show_page("progress")
    epidural, physio = sorted(texts(page.treatments), key=lambda t: "Epidural" not in t)
    assert "Epidural injection" in epidural
    assert (
        "Leg pain back near where it was before, on day 18 after the epidural injection."
        in epidural
    )
    assert "Physiotherapy" in physio or "physiotherapy" in physio
    assert "Leg pain" not in physio and "Still better" not in physio


def test_relief_not_over_yet_says_still_better(window):
    history(window, back_on=None, since=25)
    page = window.show_page("progress")
    [epidural] = [t for t in texts(page.treatments) if "Epidural" in t]
    assert "Still better 25 days after the epidural injection." in epidural


def test_a_new_log_updates_the_relief_words(window, qtbot):
    history(window, back_on=None, since=25)
    page = window.show_page("progress")
    coach = window.context.coach
    for n in range(3):  # the last three days back near where it was
        day = coach.today_date() - timedelta(days=n)
        window.context.announce(coach.save_daily_log(DailyLog(day, leg_pain=6)))
    [epidural] = [t for t in texts(page.treatments) if "Epidural" in t]
    assert (
        "Leg pain back near where it was before, on day 23 after the epidural injection."
        in epidural
    )


def test_the_relief_words_are_translated(pseudo, window):
    history(window, back_on=18)
    page = window.show_page("progress")
    [epidural] = [t for t in texts(page.treatments) if "Leg pain" in t or "⟦Leg" in t]
    relief = epidural.splitlines()[-1]
    assert is_pseudo_wrapped(relief) and relief.startswith("⟦Leg pain back near")
    assert "⟦epidural injection⟧" in relief  # the treatment named, itself translated
