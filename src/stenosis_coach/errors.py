"""Expected problems the user can act on, as opposed to bugs.

A :class:`UserError` carries one plain sentence for the user; the CLI prints it and
exits 1, the GUI shows it in a calm dialog. Anything else is a bug: it is logged and
goes to the crash dialog (GUI) or one stderr line with the log path (CLI, exit 3).
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user caused or can fix (bad file, bad value, full disk).

    ``message`` is shown as is, so write it as a plain sentence.
    """

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(UserError):
    """A file, value or range that does not meet its contract."""


class StorageProblem(UserError):
    """The data store cannot be used as it is (disk full, read-only, locked)."""


class DatabaseTooNew(StorageProblem):
    """The database was written by a newer version of the app; it is left untouched."""


class DatabaseDamaged(StorageProblem):
    """``PRAGMA quick_check`` failed. The file is kept as it is; a backup may be offered."""

    def __init__(self, message: str, newest_backup: object | None = None) -> None:
        super().__init__(message)
        self.newest_backup = newest_backup


class NotOurDatabase(InvalidInput):
    """A file offered for restore that is not a Stenosis Coach database."""
