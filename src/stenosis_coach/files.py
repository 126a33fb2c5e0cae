"""Every file the app reads from the user or writes for the user goes through here.

Reading (:func:`read_input`, :func:`open_input`): only an ordinary file is read (never a
pipe, a device or a folder, which could hang or never end), and never more than a limit,
counted while reading (``st_size`` can lie: ``/dev/zero`` says 0); a text file saved as
UTF-16 (or holding NUL bytes) is refused with one sentence saying to save it as UTF-8.

Writing (:func:`write_checked`): into a private (0600) temp file beside the target,
flushed and fsynced, checked (not empty; a PDF ends with ``%%EOF``; a SQLite file passes
``PRAGMA integrity_check``), then renamed over the target and the folder fsynced. Anything
that is not an ordinary file is never replaced (``--out /dev/full`` leaves the device
alone). Any failure removes the temp file and raises a :class:`UserError` of one sentence,
telling a full disk, a read-only disk and a forbidden place apart.

No Qt here: the PDF writers pass a callable that writes to the temp path they are given.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from stenosis_coach.errors import InvalidInput, UserError, place_kind, storage_error
from stenosis_coach.i18n import N_, _, grouped_text
from stenosis_coach.paths import FILE_MODE

log = logging.getLogger(__name__)

NAME_MAX = 255  # bytes in one file name on the usual file systems
PDF_END = b"%%EOF"
KINDS = ("file", "pdf", "sqlite")

# ``what`` names the kind of file in sentences; callers pass one of these ids (any other
# is said as a plain "file"). Each sentence that names the kind is a whole message per kind
# (issue 14): in many languages the noun's gender changes its article and the verb ("le
# rapport n'a pas été écrit", "la sauvegarde n'a pas été écrite"). The app reads walk
# diaries, plan files and backups, and writes reports, pocket cards, backups, the settings,
# exports and plan files. A translator's note goes above each message it is for.
_FOLDER_NOT = {
    # Translators: a reason after a file's name: it is a folder.
    "file": N_("is a folder, not a file"),
    # Translators: a reason after a file's name: it is a folder.
    "walk diary": N_("is a folder, not a walk diary"),
    # Translators: a reason after a file's name: it is a folder.
    "plan file": N_("is a folder, not a plan file"),
    # Translators: a reason after a file's name: it is a folder.
    "backup": N_("is a folder, not a backup"),
}
_TOO_BIG = {
    # Translators: a reason after a file's name; {limit} is a number of bytes.
    "file": N_("the file is too big; a file is at most {limit} bytes"),
    # Translators: a reason after a file's name; {limit} is a number of bytes.
    "walk diary": N_("the file is too big; a walk diary is at most {limit} bytes"),
    # Translators: a reason after a file's name; {limit} is a number of bytes.
    "plan file": N_("the file is too big; a plan file is at most {limit} bytes"),
    # Translators: a reason after a file's name; {limit} is a number of bytes.
    "backup": N_("the file is too big; a backup is at most {limit} bytes"),
}
_SIZE_TOO_BIG = {
    # Translators: a reason after a file's name; {size}, {limit}: numbers of bytes.
    "file": N_("the file is {size} bytes; a file is at most {limit} bytes"),
    # Translators: a reason after a file's name; {size}, {limit}: numbers of bytes.
    "walk diary": N_("the file is {size} bytes; a walk diary is at most {limit} bytes"),
    # Translators: a reason after a file's name; {size}, {limit}: numbers of bytes.
    "plan file": N_("the file is {size} bytes; a plan file is at most {limit} bytes"),
    # Translators: a reason after a file's name; {size}, {limit}: numbers of bytes.
    "backup": N_("the file is {size} bytes; a backup is at most {limit} bytes"),
}
_IS_A_FOLDER = {
    "file": N_("{file} is a folder; give a file name for the file."),
    "report": N_("{file} is a folder; give a file name for the report."),
    "pocket card": N_("{file} is a folder; give a file name for the pocket card."),
    "backup": N_("{file} is a folder; give a file name for the backup."),
    "settings file": N_("{file} is a folder; give a file name for the settings file."),
    "export": N_("{file} is a folder; give a file name for the export."),
    "plan file": N_("{file} is a folder; give a file name for the plan file."),
}
_NOT_ORDINARY = {
    "file": N_(
        "{file} is not an ordinary file (a device or a pipe), so it was left as it "
        "is; give a file name for the file."
    ),
    "report": N_(
        "{file} is not an ordinary file (a device or a pipe), so it was left as it "
        "is; give a file name for the report."
    ),
    "pocket card": N_(
        "{file} is not an ordinary file (a device or a pipe), so it was left as it "
        "is; give a file name for the pocket card."
    ),
    "backup": N_(
        "{file} is not an ordinary file (a device or a pipe), so it was left as it "
        "is; give a file name for the backup."
    ),
    "settings file": N_(
        "{file} is not an ordinary file (a device or a pipe), so it was left as it "
        "is; give a file name for the settings file."
    ),
    "export": N_(
        "{file} is not an ordinary file (a device or a pipe), so it was left as it "
        "is; give a file name for the export."
    ),
    "plan file": N_(
        "{file} is not an ordinary file (a device or a pipe), so it was left as it "
        "is; give a file name for the plan file."
    ),
}
_NO_FILE_HERE = {
    "file": N_(
        "No file can be made in {folder}, so the file was not written there; choose another place."
    ),
    "report": N_(
        "No file can be made in {folder}, so the report was not written there; choose "
        "another place."
    ),
    "pocket card": N_(
        "No file can be made in {folder}, so the pocket card was not written there; "
        "choose another place."
    ),
    "backup": N_(
        "No file can be made in {folder}, so the backup was not written there; choose "
        "another place."
    ),
    "settings file": N_(
        "No file can be made in {folder}, so the settings file was not written there; "
        "choose another place."
    ),
    "export": N_(
        "No file can be made in {folder}, so the export was not written there; choose "
        "another place."
    ),
    "plan file": N_(
        "No file can be made in {folder}, so the plan file was not written there; "
        "choose another place."
    ),
}
_NOT_WRITTEN = {
    # Translators: ends "The disk is full, so {action}; ...".
    "file": N_("the file was not written"),
    # Translators: ends "The disk is full, so {action}; ...".
    "report": N_("the report was not written"),
    # Translators: ends "The disk is full, so {action}; ...".
    "pocket card": N_("the pocket card was not written"),
    # Translators: ends "The disk is full, so {action}; ...".
    "backup": N_("the backup was not written"),
    # Translators: ends "The disk is full, so {action}; ...".
    "settings file": N_("the settings file was not written"),
    # Translators: ends "The disk is full, so {action}; ...".
    "export": N_("the export was not written"),
    # Translators: ends "The disk is full, so {action}; ...".
    "plan file": N_("the plan file was not written"),
}
_INCOMPLETE = {
    "file": N_("The file could not be written completely to {file}, so nothing was saved there."),
    "report": N_(
        "The report could not be written completely to {file}, so nothing was saved there."
    ),
    "pocket card": N_(
        "The pocket card could not be written completely to {file}, so nothing was saved there."
    ),
    "backup": N_(
        "The backup could not be written completely to {file}, so nothing was saved there."
    ),
    "settings file": N_(
        "The settings file could not be written completely to {file}, so nothing was saved there."
    ),
    "export": N_(
        "The export could not be written completely to {file}, so nothing was saved there."
    ),
    "plan file": N_(
        "The plan file could not be written completely to {file}, so nothing was saved there."
    ),
}
_FAILED = {
    "file": N_("The file could not be written to {file} ({reason})."),
    "report": N_("The report could not be written to {file} ({reason})."),
    "pocket card": N_("The pocket card could not be written to {file} ({reason})."),
    "backup": N_("The backup could not be written to {file} ({reason})."),
    "settings file": N_("The settings file could not be written to {file} ({reason})."),
    "export": N_("The export could not be written to {file} ({reason})."),
    "plan file": N_("The plan file could not be written to {file} ({reason})."),
}


def _said(sentences: dict[str, str], what: str) -> str:
    """The sentence of ``sentences`` for the kind of file ``what``, translated."""
    return _(sentences.get(what, sentences["file"]))


class InputFileProblem(InvalidInput):
    """A file given to read that cannot be read; ``reason`` is the part after the name
    (plan files list it as ``name: $: reason``); ``message`` is the whole sentence."""

    def __init__(self, path: Path, reason: str, message: str | None = None) -> None:
        # Translators: a file that could not be read: "/home/ann/walks.csv: no such file.";
        # {reason} is one of the short reasons below, starting in lower case.
        said = _("{file}: {reason}.")
        super().__init__(message or said.format(file=path, reason=reason))
        self.path = path
        self.reason = reason


class WriteCheckFailed(Exception):
    """What was written is not whole (empty, no PDF trailer, a damaged database)."""


# -- reading ----------------------------------------------------------------------------------


def _too_long(name: str) -> bool:
    return len(os.fsencode(name)) > NAME_MAX


def open_input(path: os.PathLike[str] | str, limit: int, what: str = "file") -> int:
    """Open ``path`` for reading and return the descriptor, or raise :class:`InputFileProblem`.

    Opened without blocking (a pipe with no writer would otherwise wait for ever) and then
    checked with ``fstat``: only an ordinary file of at most ``limit`` bytes is accepted.
    """
    path = Path(path)
    if _too_long(path.name):
        raise InputFileProblem(path, _("the file name is too long"))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputFileProblem(path, _("no such file")) from None
    except IsADirectoryError:
        raise InputFileProblem(path, _folder_not(what)) from None
    except OSError as exc:
        raise InputFileProblem(path, _read_reason(exc)) from None
    try:
        found = os.fstat(fd)
        if stat.S_ISDIR(found.st_mode):
            raise InputFileProblem(path, _folder_not(what))
        if not stat.S_ISREG(found.st_mode):
            raise InputFileProblem(
                path, _("is not an ordinary file (a device or a pipe), so it was not read")
            )
        if found.st_size > limit:
            raise InputFileProblem(path, _too_big(found.st_size, limit, what))
        with contextlib.suppress(AttributeError, OSError):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _folder_not(what: str) -> str:
    return _said(_FOLDER_NOT, what)


def read_input(
    path: os.PathLike[str] | str, limit: int, what: str = "file", *, text: bool = True
) -> bytes:
    """The bytes of an ordinary file of at most ``limit`` bytes (counted while reading).

    With ``text`` (walk diaries and plan files, which must be UTF-8), a file saved as
    UTF-16 or UTF-32 (with or without a byte order mark), or holding any NUL byte, is
    refused with one sentence saying how to save it, never parsed (its NUL bytes would
    end up in the messages). The bytes themselves are returned unchanged.
    """
    path = Path(path)
    fd = open_input(path, limit, what)
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = os.read(fd, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputFileProblem(path, _too_big(None, limit, what))
    except OSError as exc:
        raise InputFileProblem(path, _read_reason(exc)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if text:
        _check_utf8_text(path, data, what)
    return data


UTF8_NAMES = {"walk diary": "UTF-8 (CSV UTF-8)"}  # what a spreadsheet calls it
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """``"UTF-16"``/``"UTF-32"`` when ``data`` looks saved so, ``""`` when it holds NUL
    bytes otherwise (not UTF-8 text either), ``None`` when it holds no NUL byte.

    Without a byte order mark, UTF-16 is told by its NUL bytes: in text that is mostly
    Latin letters, digits and commas, every other byte is NUL, all at the same side.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if b"\0" not in data:
        return None
    sample = data[:4096]
    pairs = len(sample) // 2
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if pairs and max(even, odd) >= 0.3 * pairs and min(even, odd) <= 0.02 * pairs:
        return "UTF-16"
    return ""


def _check_utf8_text(path: Path, data: bytes, what: str) -> None:
    found = wide_encoding(data)
    if found is None:
        return
    utf8 = UTF8_NAMES.get(what, "UTF-8")
    if found:
        reason = _(
            "is not saved as UTF-8 text (it looks like {encoding}); save it as {utf8} and try again"
        )
        message = _(
            "{file} is not saved as UTF-8 text (it looks like {encoding}). "
            "Save it as {utf8} and import it again."
        )
    else:
        reason = _("is not saved as UTF-8 text; save it as {utf8} and try again")
        message = _("{file} is not saved as UTF-8 text. Save it as {utf8} and import it again.")
    raise InputFileProblem(
        path,
        reason.format(encoding=found, utf8=utf8),
        message.format(file=path, encoding=found, utf8=utf8),
    )


def _too_big(size: int | None, limit: int, what: str) -> str:
    if size is None:
        return _said(_TOO_BIG, what).format(limit=grouped_text(limit))
    return _said(_SIZE_TOO_BIG, what).format(size=grouped_text(size), limit=grouped_text(limit))


def _read_reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return _("the file name is too long")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("you are not allowed to read it")
    if exc.errno == errno.ENOTDIR:
        return _("no such file (a part of the path is not a folder)")
    reason = (exc.strerror or str(exc)).lower()  # the system's words
    return _("could not be read ({reason})").format(reason=reason)


# -- writing ----------------------------------------------------------------------------------


def _shown(path: Path) -> str:
    """A path for a sentence: a very long name is shortened."""
    text = str(path)
    return text if len(text) <= 120 else f"{text[:60]}…{text[-40:]}"


def check_output(path: os.PathLike[str] | str, what: str = "file") -> Path:
    """The file to write, as an absolute path, or :class:`UserError` (one sentence).

    Refused: a folder, anything that is not an ordinary file (a device, a pipe, a socket),
    a name too long for the disk, a folder that does not exist, a place where no file can
    be made (tried with a temp file, removed at once). A symlink to an ordinary file is
    followed: the file it points to is the one replaced.
    """
    target = Path(path).expanduser().absolute()
    shown = _shown(target)
    if _too_long(target.name):
        raise InvalidInput(_name_too_long(shown))
    with contextlib.suppress(OSError, RuntimeError):
        if target.is_symlink():
            target = target.resolve()
    try:
        found = os.stat(target)
    except FileNotFoundError:
        found = None
    except NotADirectoryError:
        raise InvalidInput(_no_folder(target.parent)) from None
    except OSError as exc:
        raise _write_error(exc, target, what) from None
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise InvalidInput(_said(_IS_A_FOLDER, what).format(file=shown))
        if not stat.S_ISREG(found.st_mode):
            raise InvalidInput(_said(_NOT_ORDINARY, what).format(file=shown))
    if not target.parent.is_dir():
        raise InvalidInput(_no_folder(target.parent))
    try:
        fd, probe = tempfile.mkstemp(prefix=".stenosis-coach-", suffix=".probe", dir=target.parent)
    except OSError as exc:
        if storage_error(exc, "", target.parent) is not None:
            raise _write_error(exc, target.parent, what) from None
        # e.g. /proc or /sys: the folder exists, but no file can be made in it
        raise InvalidInput(
            _said(_NO_FILE_HERE, what).format(folder=_shown(target.parent))
        ) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return target


def _name_too_long(shown: str) -> str:
    return _("The file name {file} is too long; choose a shorter one.").format(file=shown)


def _no_folder(folder: Path) -> str:
    return _("The folder {folder} does not exist.").format(folder=folder)


def write_checked(
    path: os.PathLike[str] | str,
    *,
    kind: str = "file",
    data: bytes | None = None,
    write: Callable[[Path], object] | None = None,
    what: str = "file",
) -> Path:
    """Write ``path`` all or nothing; returns the absolute path written.

    Give either ``data`` (the bytes) or ``write`` (called with the temp file's path; it
    must write the whole file there, raising on failure). ``kind`` picks the check made
    before the rename: ``"file"`` (not empty), ``"pdf"`` (ends with ``%%EOF``) or
    ``"sqlite"`` (``PRAGMA integrity_check`` is ok). ``what`` names the file in sentences
    ("report", "backup").
    """
    if (data is None) == (write is None):
        raise ValueError("give data or write, not both")
    with replaced_checked(path, kind=kind, what=what) as tmp:
        if data is not None:
            with open(tmp, "wb") as handle:
                handle.write(data)
        else:
            assert write is not None
            write(tmp)
    return tmp.target


class TempPath(type(Path())):  # type: ignore[misc]
    """The temp file's path; ``target`` is the file it will become."""

    target: Path


@contextlib.contextmanager
def replaced_checked(
    path: os.PathLike[str] | str, *, kind: str = "file", what: str = "file"
) -> Iterator[TempPath]:
    """The same as :func:`write_checked`, as a block: yields the private temp path (its
    ``target`` is the absolute path to be replaced); write and close the file inside the
    block. When the block ends without an error the temp file is fsynced, checked
    (``kind``) and renamed over the target; otherwise it is removed and the error, if it
    is a storage problem, is raised as one sentence (:class:`UserError`).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    target = check_output(path, what)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name[:80]}.", suffix=".partial", dir=target.parent
        )
    except OSError as exc:
        raise _write_error(exc, target.parent, what) from None
    os.close(fd)
    tmp = TempPath(tmp_name)
    tmp.target = target
    try:
        yield tmp
        _make_private(tmp)
        _fsync_file(tmp)
        _verify(tmp, kind)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, UserError):
            raise
        if isinstance(exc, WriteCheckFailed):
            log.error("%s failed its check: %s", target, exc)
            raise _write_error(exc, target, what) from exc
        if isinstance(exc, OSError | sqlite3.Error):
            raise _write_error(exc, target, what) from exc
        raise
    sync_dir(target.parent)


def _make_private(path: Path) -> None:
    if os.name == "posix":
        os.chmod(path, FILE_MODE)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _verify(path: Path, kind: str) -> None:
    size = path.stat().st_size
    if size == 0:
        raise WriteCheckFailed("the file is empty")
    if kind == "pdf":
        with open(path, "rb") as handle:
            handle.seek(max(0, size - 1024))
            if not handle.read().rstrip().endswith(PDF_END):
                raise WriteCheckFailed("the PDF does not end with %%EOF")
    elif kind == "sqlite":
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
        if [tuple(r) for r in rows] != [("ok",)]:
            raise WriteCheckFailed(f"integrity_check: {rows[:3]}")


def sync_dir(directory: os.PathLike[str] | str) -> None:
    """Make a rename or a new file durable (skipped where folders cannot be fsynced)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _write_error(exc: BaseException, where: Path, what: str) -> UserError:
    """One sentence for a failed write: full, read-only and not allowed told apart."""
    action = _said(_NOT_WRITTEN, what)
    if isinstance(exc, WriteCheckFailed) and place_kind(where) is not None:
        exc = OSError(errno.EIO, str(exc))  # a short file on a full disk: say the disk is full
    found = storage_error(exc, action, where)
    if found is not None:
        return found
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return InvalidInput(_name_too_long(_shown(where)))
    if isinstance(exc, WriteCheckFailed):
        return UserError(_said(_INCOMPLETE, what).format(file=_shown(where)))
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return UserError(_said(_FAILED, what).format(file=_shown(where), reason=reason.lower()))
