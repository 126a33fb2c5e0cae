"""A restore or an import waits while a finished session is still only in the app (a full
disk): replacing the data then would lose it for good (issue 13 items 1 and 5)."""

from __future__ import annotations

import sqlite3

from stenosis_coach.services.recording import pending_writes


def test_nothing_replaces_the_data_while_a_session_waits_for_the_disk(window, dialogs):
    disk = {"full": True}
    written = []

    def session_end():
        if disk["full"]:
            raise sqlite3.OperationalError("database or disk is full")
        written.append("end")

    pending_writes(window.context.coach.database).write(session_end)
    assert not window.may_replace_data()
    [(_kind, title, text)] = [shown for shown in dialogs.shown if shown[0] != "choose"]
    assert "not saved yet" in title.lower() + text.lower()
    assert "Nothing was changed" in text

    disk["full"] = False  # space came back: the session is written first, then it may go on
    assert window.may_replace_data()
    assert written == ["end"]
