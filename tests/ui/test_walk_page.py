"""The Walk page: log a walk in a few taps, fix a typo, delete and undo (issue 5)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stenosis_coach.core.words import minutes_text
from stenosis_coach.services.status import build_status
from stenosis_coach.services.walks import history
from stenosis_coach.ui.walking.history_model import WalkHistoryModel
from stenosis_coach.ui.walking.log_screen import LogWalkScreen


def open_log(window, qtbot):
    page = window.show_page("walk")
    qtbot.mouseClick(page.log, Qt.MouseButton.LeftButton)
    screen = window.flow
    assert isinstance(screen, LogWalkScreen)
    return page, screen


def test_first_visit_explains_the_first_walk_is_a_test(window):
    page = window.show_page("walk")
    assert "walking test" in page.next_card.title_label.text()
    assert page.why_text.text().startswith("Why: ")
    assert page.empty.isVisibleTo(page) and not page.table.isVisibleTo(page)


def test_logging_a_walk_takes_a_few_taps_and_updates_the_prescription(window, qtbot, clock):
    page, screen = open_log(window, qtbot)
    qtbot.mouseClick(screen.kind_test, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.walking.edit, "6.5")
    qtbot.keyClicks(screen.symptoms.edit, "5")
    qtbot.mouseClick(screen.pain.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert window.flow is None and window.current_key() == "walk"
    [stored] = history(window.context.coach.database)
    assert stored.walk.total_walk_s == 390 and stored.walk.tfs_s == 300
    rx = build_status(window.context.coach.database, clock.now()).next_walk
    assert rx.bout_s == 240  # 80% of 5 min (DESIGN 5.1)
    assert page.model.rowCount() == 1
    assert f"Walk {minutes_text(240)}" in page.next_text.text()


def test_a_bad_value_is_explained_beside_its_field_and_nothing_is_saved(window, qtbot):
    _page, screen = open_log(window, qtbot)
    qtbot.keyClicks(screen.walking.edit, "45x")
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert window.flow is screen
    assert screen._errors["walking_min"].isVisibleTo(screen)
    assert screen._errors["peak_leg_pain"].text().startswith("Choose your worst leg pain")
    assert history(window.context.coach.database) == []


def test_a_typo_can_be_corrected_and_the_prescription_follows(window, qtbot, clock):
    page, screen = open_log(window, qtbot)
    qtbot.mouseClick(screen.kind_test, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.walking.edit, "45")  # meant 4.5
    qtbot.keyClicks(screen.symptoms.edit, "45")
    qtbot.mouseClick(screen.pain.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    assert (
        build_status(window.context.coach.database, clock.now()).next_walk.bout_s == 900
    )  # capped
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    fix = window.flow
    assert fix.title.text() == "Correct a walk" and fix.walking.text() == "45"
    fix.walking.set_text("4.5")
    fix.symptoms.set_text("4.5")
    qtbot.mouseClick(fix.save, Qt.MouseButton.LeftButton)
    [stored] = history(window.context.coach.database)
    assert stored.walk.total_walk_s == 270
    assert build_status(window.context.coach.database, clock.now()).next_walk.bout_s == 210


def test_delete_can_be_undone(window, qtbot):
    page, screen = open_log(window, qtbot)
    qtbot.keyClicks(screen.walking.edit, "20")
    qtbot.mouseClick(screen.pain.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert history(window.context.coach.database) == []
    bar = page.undo_bar
    assert bar.isVisibleTo(page)
    twenty = minutes_text(1200)  # "20 min" (the duration words are core.words')
    assert bar.text.text() == f"The walk of Mon 2 Mar ({twenty}) was deleted."
    assert bar.button.hasFocus()  # Space or Enter brings it straight back
    assert bar.button.accessibleName() == f"Undo: bring back the walk of Mon 2 Mar ({twenty})"
    assert "(Ctrl+Z)" in bar.button.text()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert len(history(window.context.coach.database)) == 1
    assert not bar.isVisibleTo(page)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0


def exported(window, clock, folder):
    from stenosis_coach.services.export import FILES, export_csv

    export_csv(window.context.coach.database, folder, clock.now())
    return {name: (folder / name).read_bytes() for name in FILES}


def test_two_deletes_then_two_undos_bring_both_walks_back_complete(window, qtbot, clock, tmp_path):
    """The bug of issue 12: the first of two deleted walks was lost for good."""
    from stenosis_coach.services.demo import fill_demo

    db = window.context.coach.database
    fill_demo(db, weeks=6, seed=3, now=clock.now())
    window.context.data_changed.emit()
    page = window.show_page("walk")
    before = exported(window, clock, tmp_path / "before")
    status = build_status(db, clock.now())
    rows_before = [page.model.walk_at(r) for r in range(page.model.rowCount())]
    newest = [s for s in rows_before if not s.walk.imported][:2]
    assert len(newest) == 2  # recorded live: each has its session, events and ratings

    for stored in newest:
        row = next(r for r in range(page.model.rowCount()) if page.model.walk_at(r) == stored)
        page.table.setFocus()
        page.table.setCurrentIndex(page.model.index(row, 0))
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == len(rows_before) - 2
    assert "Mon 2 Mar" not in page.undo_bar.text.text()
    assert page.undo_bar.text.text().startswith("The ")
    assert page.undo_bar.more.text().startswith("Undo brings it back. 1 more deleted walk can")

    qtbot.keyClick(page.undo_bar.button, Qt.Key.Key_Space)  # the focused Undo
    assert page._chosen().id == newest[1].id  # back, and shown chosen in the list
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page._chosen().id == newest[0].id
    assert not page.undo_bar.isVisibleTo(page)
    assert [page.model.walk_at(r) for r in range(page.model.rowCount())] == rows_before
    assert exported(window, clock, tmp_path / "after") == before
    assert build_status(db, clock.now()) == status


def test_a_delete_can_be_undone_after_the_app_was_closed(make_window, qtbot):
    from datetime import date

    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services.walks import log_walk

    window = make_window()
    db = window.context.coach.database
    for day, minutes in ((date(2026, 2, 26), "12"), (date(2026, 2, 27), "15")):
        log_walk(
            db,
            WalkForm(WalkKind.TRAINING, day, minutes, peak_leg_pain=2),
            window.context.clock.now(),
        )
    window.context.data_changed.emit()
    page = window.show_page("walk")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    window.context.close_database()  # the app is closed (or dies)
    window.close()

    again = make_window()
    with qtbot.waitActive(again):
        again.activateWindow()  # shortcuts work in the active window
    again.show_page("progress")  # Ctrl+Z there brings back logs and treatments, not walks
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert history(again.context.coach.database) == []
    page = again.show_page("walk")
    assert page.undo_bar.text.text() == f"The walk of Thu 26 Feb ({minutes_text(720)}) was deleted."
    focus = QApplication.focusWidget()  # on the rail: Ctrl+Z works anywhere in the window
    assert focus is not None and not page.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.undo_bar.text.text() == f"The walk of Fri 27 Feb ({minutes_text(900)}) was deleted."
    qtbot.mouseClick(page.undo_bar.button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2 and not page.undo_bar.isVisibleTo(page)


def test_ctrl_delete_deletes_nothing(window, qtbot, clock):
    from datetime import date

    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services.walks import log_walk

    log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TRAINING, date(2026, 2, 27), "15", peak_leg_pain=2),
        clock.now(),
    )
    page = window.show_page("walk")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(history(window.context.coach.database)) == 1 and not page.undo_bar.isVisibleTo(page)


def test_cancel_leaves_without_saving(window, qtbot, dialogs):
    _page, screen = open_log(window, qtbot)
    qtbot.keyClicks(screen.walking.edit, "20")
    dialogs.choices = [1]  # "Leave" (asked: something was typed)
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert dialogs.titles() == ["Leave without saving?"]
    assert window.flow is None and history(window.context.coach.database) == []


def test_history_model_is_a_well_behaved_qt_model(qtmodeltester, db, clock):
    from datetime import date

    from stenosis_coach.core.walking.logged import WalkForm
    from stenosis_coach.core.walking.model import WalkKind
    from stenosis_coach.services.walks import log_walk

    for minutes in ("10", "12.5"):
        log_walk(
            db, WalkForm(WalkKind.TRAINING, date(2026, 3, 1), minutes, peak_leg_pain=2), clock.now()
        )
    model = WalkHistoryModel()
    model.set_walks(history(db))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) in (minutes_text(600), minutes_text(750))


def test_pocket_card_is_a_one_page_pdf_with_the_walk_and_emergency_signs(
    window, qtbot, dialogs, tmp_path
):
    import re
    import subprocess

    page = window.show_page("walk")
    dialogs.paths.append(tmp_path / "card")
    qtbot.mouseClick(page.card, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "card.pdf"
    assert pdf.exists() and dialogs.shown[-1][1] == "Pocket card saved"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Walking test" in text  # no walks yet: the first walk is a test
    assert "Numbness in the groin or saddle area" in text
    assert not list(tmp_path.glob("*.partial"))
