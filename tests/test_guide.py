"""The user guide's words (issue 16): every page has its section, the topics people look for
are there, each paragraph is one translated message, and the HTML is escaped."""

from __future__ import annotations

import subprocess
from pathlib import Path

from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.ui.help import guide

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("today", "exercises", "walk", "progress", "report", "therapist", "settings")


def test_every_page_opens_its_own_section():
    keys = guide.section_keys()
    assert len(keys) == len(set(keys))
    for page in PAGES:
        assert guide.section_for(page) == page
        assert guide.find_section(page).key == page
    assert guide.section_for("nowhere") == keys[0] == guide.FIRST_SECTION


def test_a_flow_opens_the_section_of_what_it_does():
    assert guide.section_for("today", "stenosis_coach.ui.walking.coach_screen") == "walk"
    assert guide.section_for("walk", "stenosis_coach.ui.exercises.screens") == "exercises"
    assert guide.section_for("today", "stenosis_coach.ui.safety.screens") == "safety"
    assert guide.section_for("today", "stenosis_coach.ui.outcomes.screens") == "questionnaire"
    assert guide.section_for("report", "stenosis_coach.ui.somewhere_else") == "report"


def text_of(key: str) -> str:
    return " ".join(guide.find_section(key).texts())


def test_the_guide_answers_what_people_look_for():
    walk = text_of("walk")
    assert "just before" in walk and "leaning forward" in walk and "walking test" in walk
    assert "four fifths" in walk and "15 minutes" in walk and "30 minutes" in walk
    progress = text_of("progress")
    for word in ("Improving", "Holding steady", "Slipping", "not a diagnosis"):
        assert word in progress
    safety = text_of("safety")
    assert "emergency care" in safety and "Never walk or exercise through" in safety
    assert "Import plan…" in text_of("therapist") and ".scplan.json" in text_of("therapist")
    data = text_of("data")
    assert "Back up…" in data and "Restore…" in data and "import --from" in data
    assert "Reminders" in text_of("reminders") and "quiet hours" in text_of("reminders")
    assert "Text size" in text_of("settings") and "Test sound" in text_of("settings")
    assert "Zurich Claudication Questionnaire" in text_of("questionnaire")
    assert "My activities" in text_of("questionnaire")
    assert "PDF" in text_of("report")


def test_paragraphs_are_short_and_say_no_blame():
    for section in guide.guide():
        for text in section.texts():
            assert len(text) <= 320, text
            for word in ("failed", "fault", "must not", "poor"):
                assert word not in text.lower(), text


def test_every_message_is_wrapped_once_in_the_pseudo_locale(pseudo):
    for section in guide.guide():
        for text in section.texts():
            assert is_pseudo_wrapped(text), text
            assert not text.startswith("⟦⟦"), text


def test_the_html_escapes_every_text():
    section = guide.Section(
        "x",
        "A <b> & c",
        (guide.Block("paragraph", ("1 < 2 & 3",)), guide.Block("list", ("<i>", "fine"))),
    )
    shown = guide.section_html(section)
    assert "<b>" not in shown and "<i>" not in shown
    assert "A &lt;b&gt; &amp; c" in shown and "1 &lt; 2 &amp; 3" in shown
    assert "<li>fine</li>" in shown
    assert "href" not in guide.section_html(guide.find_section("data"))


def test_the_guide_is_in_the_message_catalogue(tmp_path):
    pot = tmp_path / "guide.pot"
    subprocess.run(
        ["bash", "scripts/extract_messages.sh", str(pot)], cwd=ROOT, check=True, capture_output=True
    )
    catalogue = pot.read_text(encoding="utf-8")
    assert 'msgid "Walking: how your walk is set"' in catalogue
    assert "{app} helps you keep up your walking" in catalogue
    assert "with the command {command}." in catalogue


def msgids(tmp_path) -> list[str]:
    pot = tmp_path / "all.pot"
    subprocess.run(
        ["bash", "scripts/extract_messages.sh", str(pot)], cwd=ROOT, check=True, capture_output=True
    )
    found = []
    for entry in pot.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in entry.splitlines() if line and not line.startswith("#")]
        text, inside = "", False
        for line in lines:
            if line.startswith(("msgid ", "msgid_plural ")):
                inside = True
                text += line.split(" ", 1)[1].strip('"')
            elif line.startswith("msg"):
                inside = False
            elif inside:
                text += line.strip('"')
        found.append(text)
    return found


def test_the_weekly_check_has_one_name_everywhere(tmp_path):
    """The same check was a "safety check" (first run, guide), a "Weekly symptom check"
    (Today) and a "weekly symptom check" (status, Settings): now "safety check", and
    "weekly safety check" where it is the weekly one."""
    messages = msgids(tmp_path)
    for old in ("symptom check", "symptoms check", "weekly check"):
        assert not [m for m in messages if old in m.lower()], old
    assert "Weekly safety check" in messages
    assert "Time for your weekly safety check" in messages
    guide_words = " ".join(text for s in guide.guide() for text in s.texts())
    assert "weekly safety check" in guide_words
