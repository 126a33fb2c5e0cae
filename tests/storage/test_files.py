"""The one input reader and the one atomic writer (issue 13, items 2, 7, 8)."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from stenosis_coach import errors, files
from stenosis_coach.errors import DiskFull, InvalidInput, NotWritable, UserError


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "out"
    made.mkdir()
    return made


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".partial", ".probe")))


# -- reading ------------------------------------------------------------------------------


def test_reads_an_ordinary_file(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(b"date,kind\n")
    assert files.read_input(f, 100) == b"date,kind\n"


def test_dev_zero_is_refused_at_once_not_read_for_ever():
    with pytest.raises(files.InputFileProblem, match="not an ordinary file"):
        files.read_input("/dev/zero", 1000)


def test_a_fifo_with_no_writer_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result: list[BaseException] = []

    def read() -> None:
        try:
            files.read_input(fifo, 1000)
        except BaseException as exc:  # handed to the test thread
            result.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the thread before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO hung")
    assert isinstance(result[0], files.InputFileProblem)
    assert "not an ordinary file" in result[0].message


def test_a_file_bigger_than_the_limit_is_refused(tmp_path):
    f = tmp_path / "big.csv"
    f.write_bytes(b"x" * 101)
    with pytest.raises(files.InputFileProblem, match="at most 100 bytes"):
        files.read_input(f, 100, "walk diary")


def test_the_limit_is_counted_while_reading_not_trusted_from_st_size(tmp_path, monkeypatch):
    f = tmp_path / "lies.csv"
    f.write_bytes(b"x" * 500)
    real_fstat = os.fstat

    class Small:
        def __init__(self, found):
            self._found = found

        def __getattr__(self, name):
            return 0 if name == "st_size" else getattr(self._found, name)

    monkeypatch.setattr(files.os, "fstat", lambda fd: Small(real_fstat(fd)))
    with pytest.raises(files.InputFileProblem, match="too big"):
        files.read_input(f, 100)


@pytest.mark.parametrize(
    ("name", "reason"),
    [("missing.csv", "no such file"), ("a" * 300 + ".csv", "too long"), (".", "is a folder")],
)
def test_unreadable_names_are_one_sentence(tmp_path, name, reason):
    with pytest.raises(files.InputFileProblem, match=reason) as caught:
        files.read_input(tmp_path / name, 100)
    assert caught.value.message.count("\n") == 0


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        pytest.param("date,kind\n2026-01-05,test\n".encode("utf-16-le"), "UTF-16", id="le"),
        pytest.param("date,kind\n2026-01-05,test\n".encode("utf-16-be"), "UTF-16", id="be"),
        pytest.param("date,kind\n".encode("utf-16"), "UTF-16", id="with-bom"),
        pytest.param("Données,été\n".encode("utf-16-le"), "UTF-16", id="accents"),
        pytest.param("date,kind\n".encode("utf-32"), "UTF-32", id="utf-32-with-bom"),
    ],
)
def test_a_text_file_saved_as_utf16_is_one_sentence(tmp_path, data, looks_like):
    f = tmp_path / "walks.csv"
    f.write_bytes(data)
    with pytest.raises(files.InputFileProblem) as caught:
        files.read_input(f, 1000, "walk diary")
    assert caught.value.message == (
        f"{f} is not saved as UTF-8 text (it looks like {looks_like}). "
        "Save it as UTF-8 (CSV UTF-8) and import it again."
    )
    assert caught.value.reason == (
        f"is not saved as UTF-8 text (it looks like {looks_like}); save it as UTF-8 (CSV UTF-8) "
        "and try again"
    )


def test_other_nul_bytes_are_not_text_and_never_shown(tmp_path):
    f = tmp_path / "plan.scplan.json"
    f.write_bytes(b'{"format": "stenosis\0coach"}')
    with pytest.raises(files.InputFileProblem) as caught:
        files.read_input(f, 1000, "plan file")
    assert caught.value.message == (
        f"{f} is not saved as UTF-8 text. Save it as UTF-8 and import it again."
    )
    assert "\0" not in caught.value.message


def test_utf8_with_a_bom_and_binary_reads_are_left_alone(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(b"\xef\xbb\xbfdate,kind\n")
    assert files.read_input(f, 100) == b"\xef\xbb\xbfdate,kind\n"
    f.write_bytes(b"SQLite format 3\0\xff\xfe")
    assert files.read_input(f, 100, "backup", text=False) == b"SQLite format 3\0\xff\xfe"


# -- writing ------------------------------------------------------------------------------


def test_writes_a_private_file_and_leaves_no_temp(tmp_path):
    out = files.write_checked(tmp_path / "plan.scplan.json", data=b"{}")
    assert out.read_bytes() == b"{}"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_replacing_a_readable_file_makes_it_private(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    out.chmod(0o644)
    files.write_checked(out, kind="pdf", data=b"%PDF-1.4\n...\n%%EOF\n")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_pdf_without_its_trailer_is_not_put_in_place(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the old report")
    with pytest.raises(UserError, match="could not be written completely"):
        files.write_checked(out, kind="pdf", data=b"%PDF-1.4\n half a page", what="report")
    assert out.read_bytes() == b"the old report"
    assert leftovers(tmp_path) == []


def test_a_writer_callable_writes_to_the_temp_path(tmp_path):
    seen = []

    def write(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"%PDF-1.7\n%%EOF  \n")

    out = files.write_checked(tmp_path / "card.pdf", kind="pdf", write=write)
    assert seen[0].parent == tmp_path and seen[0] != out
    assert out.read_bytes().startswith(b"%PDF")


def test_an_empty_result_is_refused(tmp_path):
    with pytest.raises(UserError, match="completely"):
        files.write_checked(tmp_path / "x.json", data=b"")
    assert not (tmp_path / "x.json").exists()


def test_a_damaged_sqlite_copy_is_not_put_in_place(folder):
    def write(tmp: Path) -> None:
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE t(x)")
        conn.executemany("INSERT INTO t VALUES (?)", [(os.urandom(500),) for _ in range(200)])
        conn.commit()
        conn.close()
        raw = bytearray(tmp.read_bytes())
        raw[4096 : 4096 + 12] = b"\xff" * 12  # wreck the header of page 2
        tmp.write_bytes(bytes(raw))

    with pytest.raises(UserError):
        files.write_checked(folder / "b.db", kind="sqlite", write=write, what="backup")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_a_device_is_never_replaced(device):
    before = os.stat(device)
    with pytest.raises(InvalidInput, match="not an ordinary file"):
        files.write_checked(device, data=b"x")
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_folder_is_never_replaced(tmp_path):
    with pytest.raises(InvalidInput, match="is a folder"):
        files.write_checked(tmp_path, data=b"x")


def test_a_fifo_is_never_replaced(tmp_path):
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput, match="not an ordinary file"):
        files.check_output(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_proc_file_is_refused_before_anything_is_written():
    with pytest.raises(UserError):
        files.check_output("/proc/version", "report")


def test_a_name_too_long_is_one_sentence(tmp_path):
    with pytest.raises(InvalidInput, match="too long"):
        files.write_checked(tmp_path / ("a" * 300 + ".pdf"), data=b"x")


def test_a_missing_folder_is_one_sentence(tmp_path):
    with pytest.raises(InvalidInput, match="does not exist"):
        files.write_checked(tmp_path / "no" / "x.pdf", data=b"x")


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), DiskFull, "disk is full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), DiskFull, "disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), NotWritable, "cannot be written to"),
        (OSError(errno.EACCES, "Permission denied"), NotWritable, "not allowed"),
    ],
)
def test_write_failures_are_told_apart_and_leave_nothing(folder, error, kind, words):
    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise error

    with pytest.raises(kind, match=words) as caught:
        files.write_checked(folder / "x.pdf", kind="pdf", write=write, what="report")
    assert "\n" not in caught.value.message
    assert list(folder.iterdir()) == []


# -- the classifier -----------------------------------------------------------------------


def sqlite_error(code: int, text: str) -> sqlite3.Error:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (sqlite_error(sqlite3.SQLITE_FULL, "database or disk is full"), errors.FULL),
        (
            sqlite_error(sqlite3.SQLITE_READONLY, "attempt to write a readonly database"),
            "read-only",
        ),
        (sqlite_error(sqlite3.SQLITE_CORRUPT, "database disk image is malformed"), "damaged"),
        (sqlite_error(sqlite3.SQLITE_NOTADB, "file is not a database"), "damaged"),
        (sqlite_error(sqlite3.SQLITE_PERM, "access permission denied"), "not allowed"),
        (sqlite_error(1, "no such table: walk"), None),  # a bug, not the disk
        (OSError(errno.ENOSPC, "full"), errors.FULL),
        (OSError(errno.EPERM, "no"), errors.NOT_ALLOWED),
        (ValueError("Invalid isoformat string"), None),
    ],
)
def test_one_classifier_for_sqlite_and_os_errors(exc, kind):
    assert errors.problem_kind(exc) == kind


def test_a_disk_io_error_on_a_full_disk_is_a_full_disk(tmp_path, monkeypatch):
    exc = sqlite_error(sqlite3.SQLITE_IOERR_WRITE, "disk I/O error")
    assert errors.problem_kind(exc, tmp_path) is None

    class Full:
        f_bavail, f_frsize, f_flag = 0, 4096, 0

    monkeypatch.setattr(errors.os, "statvfs", lambda p: Full())
    assert errors.problem_kind(exc, tmp_path) == errors.FULL


# -- a real small disk (root only; skipped where it cannot be mounted) ----------------------


@pytest.fixture
def small_disk(mount_tmpfs):
    return mount_tmpfs("256k")


def test_a_really_full_disk_says_so_and_leaves_the_old_file(small_disk):
    out = small_disk / "report.pdf"
    out.write_bytes(b"%PDF old %%EOF")
    with pytest.raises(DiskFull, match="disk is full"):
        files.write_checked(out, kind="pdf", data=b"%PDF" + b"x" * 400_000 + b"%%EOF")
    assert out.read_bytes() == b"%PDF old %%EOF"
    assert leftovers(small_disk) == []


def test_the_block_form_for_qt_writers(folder):
    """ui/pdf.py's writers: write to the yielded path inside the block, closed there."""
    out = folder / "card.pdf"
    with files.replaced_checked(out, kind="pdf", what="pocket card") as tmp:
        assert tmp.target == out and tmp.parent == folder
        tmp.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert out.read_bytes().endswith(b"%%EOF\n")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with (
        pytest.raises(UserError, match="pocket card could not be written completely"),
        files.replaced_checked(out, kind="pdf", what="pocket card") as tmp,
    ):
        tmp.write_bytes(b"%PDF-1.4\n cut short")  # e.g. QPainter.end() failed
    assert out.read_bytes().endswith(b"%%EOF\n") and leftovers(folder) == []
