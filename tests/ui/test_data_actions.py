"""Back up… and Restore… from the window."""

from stenosis_coach.services.recording import SessionRecorder
from stenosis_coach.storage.sessions_repo import SessionRepository


def record(window, clock, title):
    rec = SessionRecorder(window.context.coach.database, clock)
    rec.start("routine", title)
    clock.advance(60)
    rec.finish()


def test_backup_writes_the_chosen_file_and_says_where(window, dialogs, clock, tmp_path):
    record(window, clock, "Flexion basics")
    dialogs.paths.append(tmp_path / "my-backup")
    window.settings_page.backup_button.click()
    assert (tmp_path / "my-backup.db").exists()
    assert dialogs.shown[-1][0] == "inform"
    assert str(tmp_path / "my-backup.db") in dialogs.shown[-1][2]


def test_cancelled_backup_does_nothing(window, dialogs, tmp_path):
    dialogs.paths.append(None)
    window.settings_page.backup_button.click()
    assert [kind for kind, *_ in dialogs.shown] == ["save_path"]


def test_restore_replaces_data_after_confirmation_and_reopens(window, dialogs, clock, tmp_path):
    record(window, clock, "Kept in backup")
    dialogs.paths.append(tmp_path / "b.db")
    window.settings_page.backup_button.click()
    record(window, clock, "Made later")
    dialogs.paths.append(tmp_path / "b.db")
    dialogs.choices.append(0)  # "Restore this backup"
    window.settings_page.restore_button.click()
    titles = [s.title for s in SessionRepository(window.context.coach.database).recent()]
    assert titles == ["Kept in backup"]
    assert dialogs.shown[-1][1] == "Data restored"
    assert "kept at" in dialogs.shown[-1][2]
    assert "Kept in backup" in window.today.last_result.text()


def test_restore_of_a_foreign_file_is_refused_before_anything_changes(window, dialogs, tmp_path):
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff" + b"0" * 200)
    dialogs.paths.append(bad)
    window.settings_page.restore_button.click()
    assert dialogs.shown[-1][:2] == ("warn", "This file cannot be restored")
    assert window.context.coach is not None and not window.context.coach.closed


def test_restore_can_be_cancelled_at_the_confirmation(window, dialogs, clock, tmp_path):
    record(window, clock, "Original")
    dialogs.paths.append(tmp_path / "b.db")
    window.settings_page.backup_button.click()
    record(window, clock, "Newer")
    dialogs.paths.append(tmp_path / "b.db")
    dialogs.choices.append(1)  # Cancel
    window.settings_page.restore_button.click()
    assert len(SessionRepository(window.context.coach.database).recent()) == 2


def test_restore_right_after_a_backup_starts_in_the_backups_folder(
    window, dialogs, clock, tmp_path
):
    record(window, clock, "Kept in backup")
    folder = tmp_path / "backups"
    folder.mkdir()
    dialogs.paths.append(folder / "b.db")
    window.settings_page.backup_button.click()
    assert dialogs.shown[0][0] == "save_path" and not dialogs.shown[0][2].startswith(str(folder))
    dialogs.paths.append(None)  # the user only looks
    window.settings_page.restore_button.click()
    assert dialogs.shown[-1][0] == "open_path" and dialogs.shown[-1][2] == str(folder)
    dialogs.paths.append(None)
    window.settings_page.backup_button.click()  # the next backup is suggested there too
    assert dialogs.shown[-1][0] == "save_path"
    assert dialogs.shown[-1][2].startswith(str(folder / "stenosis-coach-backup-"))
