"""Expected problems the user can act on, as opposed to bugs.

A :class:`UserError` carries one plain sentence for the user; the CLI prints it and
exits 1, the GUI shows it in a calm dialog. Anything else is a bug: it is logged and
goes to the crash dialog (GUI) or one stderr line with the log path (CLI, exit 3).
"""

from __future__ import annotations

import errno
import os

from stenosis_coach.i18n import _


class UserError(Exception):
    """A problem the user caused or can fix (bad file, bad value, full disk).

    ``message`` is shown as is, so write it as a plain sentence, translated:
    ``InvalidInput(_("The folder {folder} does not exist.").format(folder=...))``.
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


class DiskFull(StorageProblem):
    """The disk (or the user's quota) is full: nothing is wrong with the data."""


class NotWritable(StorageProblem):
    """The place is read-only, or the user is not allowed to write there."""


# -- one classifier for SQLite and OS errors -------------------------------------------------
FULL, READ_ONLY, NOT_ALLOWED, DAMAGED = "full", "read-only", "not allowed", "damaged"

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_ALLOWED_ERRNOS = {errno.EACCES, errno.EPERM}
# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 3, 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_AUTH, _SQLITE_NOTADB = 13, 14, 23, 26
LOW_SPACE_BYTES = 1 << 20  # an I/O error with less free space than this is a full disk


def problem_kind(exc: BaseException, where: os.PathLike[str] | str | None = None) -> str | None:
    """What kind of storage problem ``exc`` is: :data:`FULL`, :data:`READ_ONLY`,
    :data:`NOT_ALLOWED`, :data:`DAMAGED`, or ``None`` (not a storage problem: a bug).

    Takes :class:`OSError`, :mod:`sqlite3` errors and SQLAlchemy's wrappers (``.orig``).
    SQLite reports some full disks as a plain "disk I/O error"; with ``where`` (a file or
    folder on the disk concerned) such an error counts as full when the disk has (almost)
    no free space left.
    """
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException):
        exc = orig
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return FULL
        if exc.errno == errno.EROFS:
            return READ_ONLY
        if exc.errno in _NOT_ALLOWED_ERRNOS:
            return NOT_ALLOWED
        if exc.errno == errno.EIO:
            return place_kind(where)
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return _kind_from_text(str(exc).lower(), where)
    code &= 0xFF
    if code == _SQLITE_FULL:
        return FULL
    if code == _SQLITE_READONLY:
        return READ_ONLY
    if code in (_SQLITE_PERM, _SQLITE_AUTH):
        return NOT_ALLOWED
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return DAMAGED
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return place_kind(where)
    return None


def _kind_from_text(text: str, where: os.PathLike[str] | str | None) -> str | None:
    # Only for errors that carry no SQLite code (e.g. a hand-made one in a test).
    if "disk is full" in text:
        return FULL
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "malformed" in text or "not a database" in text:
        return DAMAGED
    if "disk i/o error" in text or "unable to open" in text:
        return place_kind(where)
    return None


def place_kind(where: os.PathLike[str] | str | None) -> str | None:
    """Why writing at ``where`` may fail, if the disk itself says so (full, read-only,
    not allowed); ``None`` when it looks fine."""
    if where is None:
        return None
    folder = os.fspath(where)
    while folder and not os.path.isdir(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: Windows has no statvfs
        return None
    if found.f_bavail * found.f_frsize < LOW_SPACE_BYTES:
        return FULL
    if found.f_flag & getattr(os, "ST_RDONLY", 1):
        return READ_ONLY
    if not os.access(folder, os.W_OK):
        return NOT_ALLOWED
    return None


def storage_error(
    exc: BaseException,
    action: str,
    where: os.PathLike[str] | str | None = None,
) -> UserError | None:
    """One sentence for a storage problem, or ``None`` when ``exc`` is a bug.

    ``action`` completes "so …", a clause already translated: ``_("the backup was not
    made")``. ``where`` is the file or folder concerned, named in the sentence and used to
    tell a full disk apart.
    """
    kind = problem_kind(exc, where)
    if kind == FULL:
        return DiskFull(
            _("The disk is full, so {action}; free some space, then try again.").format(
                action=action
            )
        )
    if kind == READ_ONLY:
        said = (
            _("{place} is on a disk that cannot be written to, so {action}.")
            if where is not None
            else _("The folder is on a disk that cannot be written to, so {action}.")
        )
        return NotWritable(said.format(place=where, action=action))
    if kind == NOT_ALLOWED:
        said = (
            _("You are not allowed to write to {place}, so {action}.")
            if where is not None
            else _("You are not allowed to write to the folder, so {action}.")
        )
        return NotWritable(said.format(place=where, action=action))
    if kind == DAMAGED:
        said = (
            _("{place} seems to be damaged, so {action}.")
            if where is not None
            else _("The folder seems to be damaged, so {action}.")
        )
        return DatabaseDamaged(said.format(place=where, action=action))
    return None
