"""The Progress page: the verdict in words, one plot at a time, daily log, treatments."""

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from stenosis_coach.core.today import LOG_ACTION
from stenosis_coach.core.words import minutes_text
from stenosis_coach.services import daily
from stenosis_coach.services.walks import import_diary
from stenosis_coach.ui.progress.daily_screen import DailyLogScreen, StandingTestScreen
from stenosis_coach.ui.progress.plot import VIEWS
from stenosis_coach.ui.progress.treatment_screen import TreatmentScreen
from stenosis_coach.ui.safety.screens import QuestionScreen

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_empty_progress_says_what_is_missing(window):
    page = window.show_page("progress")
    assert page.verdict_heading.text() == "Not enough walking tests yet"
    assert not page.signs_card.isVisibleTo(page)
    assert page.plot.empty.text().startswith("No walking tests yet")


def test_the_worked_example_reads_improving_with_its_numbers(window, qtbot):
    import_diary(
        window.context.coach.database,
        FIXTURES / "diary-programme-12-weeks.csv",
        datetime(2026, 4, 1, tzinfo=UTC),
    )
    window.context.data_changed.emit()
    page = window.show_page("progress")
    assert page.verdict_heading.text() == "▲ Improving"
    assert f"{minutes_text(198)} → {minutes_text(354)} (+79%)" in page.verdict_text.text()
    item, _style = page.plot._curves["tolerance"]
    xs, _ys = item.getData()
    assert len(xs) == len(page.data.tolerance.points) > 6
    for index, view in enumerate(VIEWS):
        qtbot.mouseClick(page.view_buttons[index], Qt.MouseButton.LeftButton)
        assert page.plot.title.text() == view.title
    qtbot.mouseClick(page.view_buttons[0], Qt.MouseButton.LeftButton)  # walking tests
    qtbot.mouseClick(page.range_buttons[2], Qt.MouseButton.LeftButton)  # All
    x_min, x_max = page.plot.plot_item.getViewBox().viewRange()[0]
    assert x_min <= min(xs) and x_max >= max(xs)


def test_log_today_from_the_today_page_in_a_few_taps(window, qtbot, clock):
    window.today.action_requested.emit(LOG_ACTION)
    screen = window.flow
    assert isinstance(screen, DailyLogScreen)
    qtbot.mouseClick(screen.leg.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.back.buttons[3], Qt.MouseButton.LeftButton)
    screen.otc.set_text("2")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    [stored] = daily.logs(window.context.coach.database)
    assert (stored.log.leg_pain, stored.log.back_pain, stored.log.doses) == (4, 3, 2)
    assert window.current_key() == "today"
    assert "daily-log" not in [
        i.key for i in daily.today_items(window.context.coach.database, clock.now())
    ]


def test_the_standing_test_fills_the_log(window, qtbot, clock):
    page = window.show_page("progress")
    qtbot.mouseClick(page.log_today, Qt.MouseButton.LeftButton)
    log_screen = window.flow
    qtbot.mouseClick(log_screen.standing_button, Qt.MouseButton.LeftButton)
    test = window.flow
    assert isinstance(test, StandingTestScreen)
    clock.advance(125)
    qtbot.mouseClick(test.done, Qt.MouseButton.LeftButton)
    assert window.flow is log_screen
    assert log_screen.standing_text.text() == f"You stood {minutes_text(125)}."
    qtbot.mouseClick(log_screen.save, Qt.MouseButton.LeftButton)
    assert daily.logs(window.context.coach.database)[0].log.standing_s == 125


def test_a_log_can_be_changed_deleted_and_the_delete_undone(window, qtbot):
    page = window.show_page("progress")
    qtbot.mouseClick(page.log_today, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.leg.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.save, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.edit_log, Qt.MouseButton.LeftButton)
    change = window.flow
    assert change.leg.value() == 5
    qtbot.mouseClick(change.leg.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(change.save, Qt.MouseButton.LeftButton)
    assert daily.logs(window.context.coach.database)[0].log.leg_pain == 2
    qtbot.mouseClick(page.delete_log, Qt.MouseButton.LeftButton)
    assert daily.logs(window.context.coach.database) == []
    assert page.log_undo.text.text() == "The daily log of Mon 2 Mar was deleted."
    qtbot.mouseClick(page.log_undo.button, Qt.MouseButton.LeftButton)
    assert len(daily.logs(window.context.coach.database)) == 1


def test_new_weakness_in_the_log_opens_the_safety_check(window, qtbot):
    page = window.show_page("progress")
    qtbot.mouseClick(page.log_today, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.weak_yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.flow.save, Qt.MouseButton.LeftButton)
    assert isinstance(window.flow, QuestionScreen)


def test_a_treatment_is_listed_and_marked_on_the_plots(window, qtbot):
    page = window.show_page("progress")
    qtbot.mouseClick(page.add_treatment, Qt.MouseButton.LeftButton)
    screen = window.flow
    assert isinstance(screen, TreatmentScreen)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert screen.error.text() == "Choose what the treatment was."
    qtbot.mouseClick(
        screen.kind_buttons[next(iter(screen.kind_buttons))], Qt.MouseButton.LeftButton
    )
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert "Epidural injection" in page.treatments.item(0).text()
    assert len(page.plot._markers) == 1
    qtbot.mouseClick(page.delete_treatment, Qt.MouseButton.LeftButton)
    assert daily.treatments(window.context.coach.database) == [] and page.plot._markers == []
    qtbot.mouseClick(page.treatment_undo.button, Qt.MouseButton.LeftButton)
    assert len(daily.treatments(window.context.coach.database)) == 1


def exported(window, clock, folder):
    from stenosis_coach.services.export import FILES, export_csv

    export_csv(window.context.coach.database, folder, clock.now())
    return {name: (folder / name).read_bytes() for name in FILES}


def texts(listing) -> list[str]:
    return [listing.item(row).text() for row in range(listing.count())]


def test_two_logs_deleted_then_two_undos_bring_both_back(window, qtbot, clock, tmp_path):
    from datetime import timedelta

    from stenosis_coach.core.daily import DailyLog

    db = window.context.coach.database
    today = clock.now().date()
    for n in (1, 2, 3):
        daily.save_log(
            db, DailyLog(today - timedelta(days=n), leg_pain=n, otc_doses=n), clock.now()
        )
    page = window.show_page("progress")
    shown = texts(page.logs)
    before = exported(window, clock, tmp_path / "before")

    page.logs.setFocus()
    page.logs.setCurrentRow(0)
    qtbot.keyClick(page.logs, Qt.Key.Key_Delete)  # Sun 1 Mar
    assert page.log_undo.button.hasFocus()
    qtbot.mouseClick(page.delete_log, Qt.MouseButton.LeftButton)  # then Sat 28 Feb
    assert texts(page.logs) == shown[2:]
    assert page.log_undo.text.text() == "The daily log of Sat 28 Feb was deleted."
    assert "1 more deleted daily log can" in page.log_undo.more.text()

    qtbot.mouseClick(page.log_undo.button, Qt.MouseButton.LeftButton)
    assert page.logs.currentItem().text() == shown[1] and page.logs.hasFocus()
    assert page.log_undo.text.text() == "The daily log of Sun 1 Mar was deleted."
    qtbot.keyClick(page.logs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(page.logs) == shown and not page.log_undo.isVisibleTo(page)
    assert exported(window, clock, tmp_path / "after") == before


def test_two_treatments_deleted_then_two_undos_bring_both_back(window, qtbot, clock, tmp_path):
    from datetime import timedelta

    from stenosis_coach.core.daily import TreatmentEvent, TreatmentKind

    db = window.context.coach.database
    today = clock.now().date()
    for days, kind in ((30, TreatmentKind.PT_START), (9, TreatmentKind.EPIDURAL_INJECTION)):
        daily.add_treatment(
            db, TreatmentEvent(today - timedelta(days=days), kind, "x"), clock.now()
        )
    page = window.show_page("progress")
    shown = texts(page.treatments)
    before = exported(window, clock, tmp_path / "before")

    page.treatments.setFocus()
    qtbot.keyClick(page.treatments, Qt.Key.Key_Delete)
    assert page.treatments.currentItem().text() == shown[1]  # the next one, ready
    page.treatments.setFocus()
    qtbot.keyClick(page.treatments, Qt.Key.Key_Delete)
    assert daily.treatments(db) == [] and not page.treatments.isVisibleTo(page)
    assert page.treatment_undo.text.text() == (
        "The treatment of Sat 31 Jan (start of physiotherapy) was deleted."
    )
    qtbot.keyClick(page.treatment_undo.button, Qt.Key.Key_Space)
    qtbot.keyClick(page.treatments, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts(page.treatments) == shown
    assert len(page.plot._markers) == 2
    assert exported(window, clock, tmp_path / "after") == before


def test_ctrl_z_on_the_page_brings_back_the_newest_log_or_treatment(window, qtbot, clock):
    from datetime import timedelta

    from stenosis_coach.core.daily import DailyLog, TreatmentEvent, TreatmentKind

    db = window.context.coach.database
    yesterday = clock.now().date() - timedelta(days=1)
    daily.save_log(db, DailyLog(yesterday, leg_pain=3), clock.now())
    daily.add_treatment(db, TreatmentEvent(yesterday, TreatmentKind.NERVE_BLOCK), clock.now())
    page = window.show_page("progress")
    qtbot.mouseClick(page.delete_treatment, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.delete_log, Qt.MouseButton.LeftButton)
    page.verdict_text.setFocus()
    qtbot.keyClick(page.logs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(daily.logs(db)) == 1 and daily.treatments(db) == []
    assert page.treatment_undo.isVisibleTo(page) and not page.log_undo.isVisibleTo(page)
    qtbot.keyClick(page.logs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(daily.treatments(db)) == 1 and page.treatments.hasFocus()


def test_the_weakness_question_starts_unanswered_in_a_new_log(window, qtbot):
    """A safety answer she never gave is never shown as given: neither Yes nor No is chosen
    in a new log; saving without an answer records no new weakness (nothing reported)."""
    page = window.show_page("progress")
    qtbot.mouseClick(page.log_today, Qt.MouseButton.LeftButton)
    screen = window.flow
    assert not screen.weak_yes.isChecked() and not screen.weak_no.isChecked()
    qtbot.mouseClick(screen.leg.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert daily.logs(window.context.coach.database)[0].log.new_weakness is False


def test_esc_leaves_the_treatment_form_and_its_cancel_says_so(window, qtbot):
    page = window.show_page("progress")
    qtbot.mouseClick(page.add_treatment, Qt.MouseButton.LeftButton)
    screen = window.flow
    assert isinstance(screen, TreatmentScreen)
    assert "Esc" in screen.cancel.text()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert window.flow is None and window.current_key() == "progress"
