"""Importing a therapist's plan: the preview says what and who; nothing changes until Import."""

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from stenosis_coach.services import plans, routines
from stenosis_coach.storage.plans_repo import PlanRepository
from stenosis_coach.ui.plans.preview_screen import ImportPreviewScreen

LAKESIDE = Path(__file__).parents[1] / "fixtures" / "plan-lakeside.scplan.json"


def test_import_from_the_menu_shows_who_and_what_then_imports(window, qtbot, dialogs):
    dialogs.paths.append(LAKESIDE)
    window.plans.choose_and_import()
    preview = window.flow
    assert isinstance(preview, ImportPreviewScreen)
    texts = " ".join(w.text() for w in preview.findChildren(type(preview.title)))
    assert "From R. Okafor, PT, Lakeside Physio" in texts
    assert "Before your walk" in texts and "Walk 4:00 min at a time" in texts
    assert PlanRepository(window.context.coach.database).plans() == []  # nothing yet
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][:2] == ("inform", "Plan imported")
    assert (
        routines.my_routine(window.context.coach.database).author
        == "R. Okafor, PT, Lakeside Physio"
    )
    assert window.current_key() == "exercises"
    page = window.page("exercises")
    assert "From R. Okafor, PT, Lakeside Physio" in page.mine_text.text()


def test_cancel_imports_nothing(window, qtbot, dialogs):
    window.plans.import_files([LAKESIDE])
    qtbot.keyClick(window.flow, Qt.Key.Key_Escape)
    assert window.flow is None and PlanRepository(window.context.coach.database).plans() == []


def test_a_bad_file_is_explained_and_nothing_is_imported(window, dialogs, tmp_path):
    bad = tmp_path / "typo.scplan.json"
    bad.write_text(LAKESIDE.read_text().replace('"reps": 5', '"repz": 5'))
    assert window.plans.import_files([bad]) is None
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warn" and "unknown field 'repz'" in text and str(bad) in text
    assert PlanRepository(window.context.coach.database).plans() == []


def test_a_plan_file_dropped_on_the_window_opens_the_preview(window, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(LAKESIDE))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert isinstance(window.flow, ImportPreviewScreen)


def test_a_plan_opened_at_first_run_waits_for_the_safety_check(window, qtbot):
    from stenosis_coach.ui.app import after_safety
    from stenosis_coach.ui.safety.screens import WelcomeScreen

    window.safety.on_startup()
    assert isinstance(window.flow, WelcomeScreen)
    after_safety(window, lambda: window.plans.import_files([LAKESIDE]))
    assert isinstance(window.flow, WelcomeScreen)  # safety first
    window.flow.later.click()  # "Not now": the welcome ends, the window is on its pages
    assert isinstance(window.flow, ImportPreviewScreen)


def test_a_clinic_pack_is_imported_at_first_run(window, paths):
    paths.preload_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(LAKESIDE, paths.preload_dir / "lakeside.scplan.json")
    window.plans.preload()
    assert "lakeside-before-walk" in plans.all_routines(window.context.coach.database)
