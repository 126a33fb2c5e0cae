"""``report --out FILE.pdf``: the PDF says what the model says; bad input is one sentence."""

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from stenosis_coach import cli

FIXTURES = Path(__file__).parents[1] / "fixtures"


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def data(tmp_path, capsys):
    folder = tmp_path / "data"
    assert (
        cli.main(
            [
                "--data-dir",
                str(folder),
                "walks",
                "import",
                str(FIXTURES / "diary-programme-12-weeks.csv"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    return folder


def test_the_report_pdf_tells_the_story_on_page_one(data, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    code = cli.main(
        [
            "--data-dir",
            str(data),
            "report",
            "--out",
            str(out),
            "--from",
            "2026-01-05",
            "--to",
            "2026-03-31",
            "--patient",
            "Ana <b>Ruiz</b> & Co",
        ]
    )
    assert code == 0, capsys.readouterr().err
    page1 = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page1 = " ".join(page1.split())  # pdftotext wraps lines where the PDF does
    assert "Patient: Ana <b>Ruiz</b> & Co" in page1  # escaped: printed as typed
    assert "Improving" in page1
    assert "3:18 min → 5:54 min (+" in page1  # DESIGN 5.3 numbers for this diary
    assert "Next walk" in page1
    whole = pdf_text(out)
    assert "Questions for your visit" in whole and "Walks" in whole
    assert not list(tmp_path.glob(".*.partial"))


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--from", "2026-03-01", "--to", "2026-02-01"], "reversed"),
        (["--from", "2026-13-01"], "is not a date"),
        (["--to", "yesterday"], "is not a date"),
    ],
)
def test_bad_ranges_are_one_sentence_and_exit_1(data, tmp_path, capsys, args, needle):
    out = tmp_path / "r.pdf"
    code = cli.main(["--data-dir", str(data), "report", "--out", str(out), *args])
    err = capsys.readouterr().err
    assert code == 1 and needle in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_unwritable_places_are_refused_without_leaving_a_file(data, tmp_path, capsys):
    code = cli.main(
        ["--data-dir", str(data), "report", "--out", str(tmp_path / "missing" / "r.pdf")]
    )
    assert code == 1 and "does not exist" in capsys.readouterr().err
    code = cli.main(["--data-dir", str(data), "report", "--out", str(tmp_path)])
    assert code == 1 and "is a folder" in capsys.readouterr().err
    assert not re.search(r"\.partial", " ".join(p.name for p in tmp_path.rglob("*")))


def test_no_data_yet_is_said_plainly(tmp_path, capsys):
    code = cli.main(
        ["--data-dir", str(tmp_path / "empty"), "report", "--out", str(tmp_path / "r.pdf")]
    )
    assert code == 1 and "no data" in capsys.readouterr().err


def test_long_histories_print_the_latest_rows_and_say_so(tmp_path, capsys):
    folder = str(tmp_path / "data")
    assert cli.main(["--data-dir", folder, "demo", "--weeks", "40"]) == 0
    out = tmp_path / "report.pdf"
    assert cli.main(["--data-dir", folder, "report", "--out", str(out)]) == 0, (
        capsys.readouterr().err
    )
    text = " ".join(pdf_text(out).split())
    walks = re.search(r"The latest 120 walks of (\d+)\. Every one is in the CSV export\.", text)
    assert walks and int(walks.group(1)) > 120
    assert "The latest 120 sessions of" in text


def squeezed(text: str) -> str:
    """The PDF's words with every line break and break opportunity taken out."""
    return re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFKC", text))  # no "ﬂ" ligature


def pages(path: Path) -> list[str]:
    return pdf_text(path).split("\f")


LONG_NAME = "Maria" + "x" * 190 + "Lopez"  # 200 characters, one word
URL = "https://example.org/patients/leaflets/lumbar-spinal-stenosis/walking-programme-2026.pdf"


def test_long_words_wrap_whole_and_a_long_note_stays_in_its_cell(tmp_path, capsys):
    diary = (FIXTURES / "diary-programme-12-weeks.csv").read_text(encoding="utf-8").splitlines()
    diary[1] = diary[1] + f"See {URL} " + "and a long story about the walk " * 12
    csv = tmp_path / "diary.csv"
    csv.write_text("\n".join(diary) + "\n", encoding="utf-8")
    folder = str(tmp_path / "data")
    assert cli.main(["--data-dir", folder, "walks", "import", str(csv)]) == 0
    out = tmp_path / "report.pdf"
    args = ["--data-dir", folder, "report", "--out", str(out), "--patient", LONG_NAME]
    assert cli.main([*args, "--from", "2026-01-05", "--to", "2026-03-31"]) == 0
    capsys.readouterr()
    text = pages(out)
    assert f"Patient:{LONG_NAME}" in squeezed(text[0])  # wrapped, never clipped
    assert URL in squeezed("".join(text))  # the whole address, under Notes
    assert "(wholenoteunderNotes)" in squeezed("".join(text))  # the walks table: capped
    assert "(+79%)" in squeezed(text[0]) and "78.8" not in "".join(text)


def test_page_one_has_opioids_and_the_caveat_beside_the_treatments(tmp_path, capsys):
    folder = str(tmp_path / "data")
    assert cli.main(["--data-dir", folder, "demo"]) == 0
    out = tmp_path / "report.pdf"
    assert cli.main(["--data-dir", folder, "report", "--out", str(out)]) == 0
    capsys.readouterr()
    first = " ".join(pages(out)[0].split())
    assert "Opioids (doses a day)" in first and "Opioids: " in first
    assert "Treatments" in first and '"after" a treatment, not "because of" it' in first
    assert not re.search(r"\d\.\d%", first)  # whole percent on paper
    assert "Next walk" in first  # page 1 still tells the whole story


def test_the_report_command_draws_the_pdf_with_the_renderer_it_is_given(data, tmp_path, capsys):
    """The command builds the report and checks the place; cli.py hands it what draws the
    PDF (Qt, in ui), so the command itself never touches Qt."""
    import argparse

    from stenosis_coach.commands.report import report_command
    from stenosis_coach.core.report.model import Report
    from stenosis_coach.paths import AppPaths

    drawn: list[tuple[Report, Path]] = []

    def draw(report: Report, out: Path) -> None:
        drawn.append((report, out))

    command = report_command(draw)
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    out = tmp_path / "r.pdf"
    args = parser.parse_args(["--out", str(out), "--patient", "Ana"])
    assert command.run(args, AppPaths.resolve(data)) == 0
    assert len(drawn) == 1 and drawn[0][1] == out
    assert isinstance(drawn[0][0], Report) and drawn[0][0].page1.patient == "Ana"
    assert "The report was written to" in capsys.readouterr().out
