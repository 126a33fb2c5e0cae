"""argparse's own words on the command line (issue 14, "Words are translatable"; DESIGN 4.1):
"usage:", "options", "show this help message and exit" and its error sentences go through
the app's translation function, so the pseudo-locale wraps them and a catalogue translates
them; a subcommand's usage names the program once, on one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from stenosis_coach import cli, i18n
from stenosis_coach.i18n import is_pseudo_wrapped


def said(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int | str | None, str, str]:
    """Exit code, stdout and stderr of one run that argparse ends (help, a usage error)."""
    with pytest.raises(SystemExit) as caught:
        cli.main(list(args))
    out = capsys.readouterr()
    return caught.value.code, out.out, out.err


@pytest.fixture
def pseudo_env(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    yield
    i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


def test_help_is_in_translated_words_under_the_pseudo_locale(pseudo_env, capsys):
    code, out, _err = said(capsys, "--help")
    assert code == 0
    assert out.startswith("⟦usage: ⟧stenosis-coach [--data-dir DIR]")
    assert "\n⟦⟦options⟧:⟧\n" in out  # the heading's colon inside the message
    assert "\n⟦⟦commands⟧:⟧\n" in out and "⟦commands⟧:" not in out.replace("⟦⟦commands⟧:⟧", "")
    assert "⟦show this help message and exit⟧" in out
    code, out, _err = said(capsys, "report", "--help")
    assert "⟦show this help message and exit⟧" in out and "\n⟦⟦options⟧:⟧\n" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--from", "2026-03-01"], "⟦the following arguments are required: --out⟧"),
        (["report", "--out", "r.pdf", "--from"], "⟦argument --from: ⟦expected one argument⟧⟧"),
        (["backup", "--out", "b.db", "--no-such"], "⟦unrecognized arguments: --no-such⟧"),
    ],
)
def test_argparse_errors_are_wrapped_sentences(pseudo_env, capsys, tmp_path, args, message):
    code, out, err = said(capsys, "--data-dir", str(tmp_path), *args)
    assert code == 2 and out == ""
    usage, *_rest, last = err.strip().splitlines()
    assert usage.startswith("⟦usage: ⟧")
    assert is_pseudo_wrapped(last) and last.startswith("⟦") and last.endswith("⟧")
    assert message in last and ": error: " in last


def test_a_subcommands_usage_names_the_program_once(capsys, tmp_path):
    code, _out, err = said(capsys, "--data-dir", str(tmp_path), "report", "--from", "notadate")
    assert code == 2
    lines = err.strip().splitlines()
    assert lines[0].startswith("usage: stenosis-coach [--data-dir DIR] report ")
    assert "--out FILE.pdf" in " ".join(lines[:-1])
    assert "FILE.scplan.json" not in err and "COMMAND" not in err
    assert lines[-1] == (
        "stenosis-coach [--data-dir DIR] report: error: the following arguments are required: --out"
    )
    code, out, _err = said(capsys, "demo", "--help")
    assert code == 0
    assert out.startswith("usage: stenosis-coach [--data-dir DIR] demo ")
    assert "FILE.scplan.json" not in out and "COMMAND ..." not in out
    assert out.count("--data-dir DIR") == 2  # in the usage once, and its own help line


def test_a_catalogue_translates_argparses_words(capsys, tmp_path, monkeypatch):
    catalogue = Catalog(locale="de", domain=i18n.DOMAIN)
    for english, german in {
        "usage: ": "Aufruf: ",
        "options": "Optionen",
        "show this help message and exit": "diese Hilfe zeigen und beenden",
        "%(prog)s: error: %(message)s": "%(prog)s: Fehler: %(message)s",
        "the following arguments are required: %s": "diese Angaben fehlen: %s",
    }.items():
        catalogue.add(english, german)
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / f"{i18n.DOMAIN}.mo").open("wb") as mo:
        write_mo(mo, catalogue)
    monkeypatch.setattr(cli, "resource_path", lambda *parts: Path(tmp_path, *parts))
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv(i18n.PSEUDO_ENV, raising=False)
    try:
        _code, out, _err = said(capsys, "demo", "--help")
        assert out.startswith("Aufruf: stenosis-coach [--data-dir DIR] demo ")
        assert "\nOptionen:\n" in out and "diese Hilfe zeigen und beenden" in out
        code, _out, err = said(capsys, "--data-dir", str(tmp_path / "d"), "report")
        assert code == 2
        assert err.strip().splitlines()[-1] == (
            "stenosis-coach [--data-dir DIR] report: Fehler: diese Angaben fehlen: --out"
        )
    finally:
        i18n.setup(i18n.SOURCE_LOCALE, pseudo=False)


def test_argparse_speaks_english_again_outside_the_cli(pseudo_env, capsys):
    """The words are routed while the CLI reads its arguments, not for anyone else in the
    process."""
    import argparse

    said(capsys, "--help")
    other = argparse.ArgumentParser(prog="other")
    assert other.format_usage() == "usage: other [-h]\n"
