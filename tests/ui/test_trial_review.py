"""The 12-week trial on Today (issue 16, seed 001): "Week N of 12" calmly under the date,
then, once 12 weeks are done, a review card (what changed, take the report to the
clinician) that "Done, hide this" hides for good (remembered across a restart)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton

from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.services import plans, walks
from stenosis_coach.services.changes import Changes

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plan-lakeside.scplan.json"
DAY = 24 * 3600


def programme(window, clock, weeks: int):
    """The therapist's plan imported today, then a walking test every week, 4:00 min
    rising to 7:00 min; the clock ends ``weeks`` weeks after the import."""
    coach = window.context.coach
    db = coach.database
    plans.import_plans(db, plans.read_plans([PLAN]), clock.now())
    minutes = (4, 4, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7)
    for week in range(weeks):
        day = clock.now().astimezone(walks.LOCAL).date()
        mins = str(minutes[min(week, len(minutes) - 1)])
        walks.log_walk(db, WalkForm(WalkKind.TEST, day, mins, mins, peak_leg_pain=3), clock.now())
        clock.advance(7 * DAY)
    window.context.announce(Changes.all())


def review_card(window):
    return window.today.findChild(QFrame, "trial-review")


def shown_texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget) and w.text()]


def test_week_n_of_12_then_the_review_and_done_hides_it_for_good(
    make_window, qtbot, clock, dialogs
):
    window = make_window()
    programme(window, clock, weeks=5)  # the clock is now in week 6
    page = window.show_page("today")
    assert page.trial_line.isVisibleTo(page)
    assert page.trial_line.text() == "Week 6 of 12 of your programme (it started on Mon 2 Mar)."
    assert review_card(window) is None

    programme_rest = 12 - 5  # seven more weekly tests: the 12 weeks are done
    db = window.context.coach.database
    for _week in range(5, 5 + programme_rest):
        day = clock.now().astimezone(walks.LOCAL).date()
        mins = "7"
        walks.log_walk(db, WalkForm(WalkKind.TEST, day, mins, mins, peak_leg_pain=3), clock.now())
        clock.advance(7 * DAY)
    window.context.announce(Changes.all())
    page = window.show_page("today")
    assert page.trial_line.text() == "Your 12 weeks are done: the programme started on Mon 2 Mar."
    card = review_card(window)
    assert card is not None and card.isVisibleTo(page)
    said = " ".join(shown_texts(card))
    assert "Your 12 weeks: what changed" in said
    assert "Since Mon 2 Mar 2026: Improving" in said
    assert "4:00 min → 7:00 min" in said  # walking before symptoms, before and after
    assert "Take your report to your clinician" in said
    for word in ("poor", "fail", "bad"):
        assert word not in said.lower()
    hide = card.findChild(QPushButton, "trial-review-hide")
    assert hide.text() == "Done, hide this" and hide.accessibleName()
    qtbot.mouseClick(hide, Qt.MouseButton.LeftButton)
    assert review_card(window) is None or not review_card(window).isVisibleTo(page)
    assert page.trial_line.isVisibleTo(page)  # the week line stays, calmly

    # Remembered: a new window on the same data, the next day, shows no review.
    clock.advance(DAY)
    again = make_window()
    page = again.show_page("today")
    assert review_card(again) is None
    assert page.trial_line.text().startswith("Your 12 weeks are done")


def test_before_anything_started_there_is_no_week_line(window):
    page = window.show_page("today")
    assert not page.trial_line.isVisibleTo(page)
    assert review_card(window) is None


def test_under_the_pseudo_locale_the_week_line_and_the_review_are_wrapped(
    pseudo, make_window, clock, dialogs
):
    from stenosis_coach.i18n import is_pseudo_wrapped

    window = make_window()
    programme(window, clock, weeks=13)
    page = window.show_page("today")
    assert is_pseudo_wrapped(page.trial_line.text())
    card = review_card(window)
    texts = shown_texts(card) + [b.text() for b in card.findChildren(QPushButton)]
    assert texts and all(is_pseudo_wrapped(t) for t in texts), texts
    assert all(is_pseudo_wrapped(b.accessibleName()) for b in card.findChildren(QPushButton))
