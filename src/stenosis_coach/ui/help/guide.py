"""The user guide's words, as data: sections of headings, paragraphs and lists.

Pure Python (no Qt), so the guide is tested without a window. Every paragraph, list item
and heading is its own translated message, made when :func:`guide` is called (the
language and the pseudo-locale are chosen at start-up, after import). :func:`section_html`
turns a section into escaped HTML for the guide's text browser: no links, nothing fetched.

The words follow DESIGN 5.1 (walks), 5.3 (the verdict), 5.5 (safety answers), 4.2 (plan
files), 4.4 (moving data), 5.6 (the questionnaire) and 5.7 (reminders), said for a reader
of 72 (shared/UI.md, "Words"): short sentences, "you", no blame, no diagnosis.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from stenosis_coach import APP_NAME, APP_TITLE
from stenosis_coach.i18n import _, pgettext

# The section F1 opens for each page of the rail (MainWindow's page keys).
PAGE_SECTIONS = {
    "today": "today",
    "exercises": "exercises",
    "walk": "walk",
    "progress": "progress",
    "report": "report",
    "therapist": "therapist",
    "settings": "settings",
}
FIRST_SECTION = "start"
# A widget's property naming the guide's section for it and what it holds, for a page with
# several parts (Settings' cards): F1 opens the section of the focused widget's nearest
# part that has one, else the page's (ui/help/window.py).
SECTION_PROPERTY = "guide_section"


@dataclass(frozen=True)
class Block:
    """A heading (``"heading"``), a paragraph (``"paragraph"``) or a list (``"list"``)."""

    kind: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]

    def texts(self) -> list[str]:
        """Every message of the section, its title first."""
        return [self.title, *(text for block in self.blocks for text in block.texts)]


def _heading(text: str) -> Block:
    return Block("heading", (text,))


def _para(text: str) -> Block:
    return Block("paragraph", (text,))


def _items(*texts: str) -> Block:
    return Block("list", texts)


def _pressed(words: str, key: str) -> str:
    """A button named as the screen shows it: its words (the screen's own message) and its
    key, “Symptoms starting” (S). tests/ui/test_help.py checks them against the screens."""
    # Translators: a button named in the guide, as the screen shows it: its words, then
    # the key that does the same, e.g. “Pause” (Space). Use your language's quotes.
    return _("“{button}” ({key})").format(button=words, key=key)


def walk_buttons() -> dict[str, str]:
    """The walk coach's buttons (ui/walking/coach_screen.py), named as they read there."""
    return {
        "symptoms": _pressed(_("Symptoms starting"), "S"),
        "ready": _pressed(_("Symptoms eased — ready"), "R"),
        "pause": _pressed(_("Pause"), pgettext("key", "Space")),
        "stop_test": _pressed(_("I need to stop"), "E"),
        "end_walk": _pressed(_("End the walk"), "E"),
        "must_stop": _pressed(_("Must stop"), "M"),
        "resume": _pressed(_("Resume"), pgettext("key", "Space")),
    }


def guide() -> tuple[Section, ...]:
    """The whole guide in the user's language, in the order of its contents list."""
    return (
        _getting_started(),
        _today(),
        _walking(),
        _exercises(),
        _progress(),
        _safety(),
        _therapist(),
        _report(),
        _data(),
        _reminders(),
        _settings(),
        _questionnaire(),
    )


def section_keys() -> list[str]:
    return [section.key for section in guide()]


def find_section(key: str) -> Section:
    """The section ``key``; the first one for a key the guide does not have."""
    sections = guide()
    return next((s for s in sections if s.key == key), sections[0])


def section_html(section: Section) -> str:
    """The section as HTML, every text escaped (a translation may hold ``<`` or ``&``).
    Headings are paragraphs of class ``title`` and ``heading``, sized by the window's
    style sheet (Qt scales ``<h1>`` on its own, whatever the style sheet says)."""
    parts = [f'<p class="title">{html.escape(section.title)}</p>']
    for block in section.blocks:
        if block.kind == "heading":
            parts.append(f'<p class="heading">{html.escape(block.texts[0])}</p>')
        elif block.kind == "paragraph":
            parts.append(f"<p>{html.escape(block.texts[0])}</p>")
        else:
            items = "".join(f"<li>{html.escape(text)}</li>" for text in block.texts)
            parts.append(f"<ul>{items}</ul>")
    return "\n".join(parts)


# --- the sections ------------------------------------------------------------------------


def _getting_started() -> Section:
    return Section(
        "start",
        _("Getting started"),
        (
            _para(
                _(
                    "{app} helps you keep up your walking and your exercises at home, and "
                    "shows whether things are getting better. Everything you record stays "
                    "on this computer."
                ).format(app=APP_TITLE)
            ),
            _heading(_("Finding your way")),
            _items(
                _(
                    "The buttons on the left open each page: Today, Exercises, Walk, "
                    "Progress, Report, Therapist and Settings."
                ),
                _("Today is the home page. It shows what is due now, each with a Start button."),
                _("Press F1 at any time to open this guide at the part for what you are doing."),
                _(
                    "The keyboard works everywhere: Tab moves to the next button, Enter or "
                    "Space presses it, and Esc goes back."
                ),
            ),
            _heading(_("The first time")),
            _para(
                _(
                    "The first time you open the app, it asks a few safety questions. Please "
                    "answer them before you walk or exercise. They come back once a week, as "
                    "the weekly safety check."
                )
            ),
            _para(
                _(
                    "If your therapist gave you a plan file, bring it in first. The part "
                    "“A plan from your therapist” says how."
                )
            ),
        ),
    )


def _today() -> Section:
    return Section(
        "today",
        _("The Today page"),
        (
            _para(
                _(
                    "Today lists what is due now: your walk, your exercise routine, the "
                    "daily log, the weekly safety check and, every four weeks, a "
                    "questionnaire. Press Start beside one to begin."
                )
            ),
            _para(
                _(
                    "Under the date, Today says which week of your 12-week programme you are "
                    "in, for example “Week 3 of 12 of your programme”. The programme starts "
                    "with your therapist's newest plan, or else with your first walk or routine."
                )
            ),
            _para(
                _(
                    "After 12 weeks, a card “Your 12 weeks: what changed” shows how your "
                    "walking tests and the questionnaire changed since the start. Take your "
                    "report to your clinician to talk it over. “Done, hide this” puts the card "
                    "away; “Show the review again” (Ctrl+Z) brings it back, and page 1 of "
                    "your report always shows it."
                )
            ),
            _para(
                _(
                    "When something is done, it leaves the list until it is due again. A "
                    "missed day is simply a missed day: start again when you can."
                )
            ),
            _para(
                _(
                    "A routine you stopped early stays on Today. You can carry on where you "
                    "left off, or start it again."
                )
            ),
            _para(
                _(
                    "The button “I have new symptoms” on the left is always there. Press it "
                    "whenever something new or worse worries you."
                )
            ),
        ),
    )


def _walking() -> Section:
    press = walk_buttons()
    return Section(
        "walk",
        _("Walking: how your walk is set"),
        (
            _para(
                _(
                    "There are two kinds of walk. A walking test measures how long you can "
                    "walk before your symptoms start. A training walk builds up your walking "
                    "in pieces. The Walk page always says which one is next."
                )
            ),
            _para(
                _(
                    "With stenosis, walking goes best in pieces. On a training walk you walk "
                    "until just before your symptoms build up, then rest, then walk again. "
                    "Each piece of walking is called a bout."
                )
            ),
            _heading(_("How to rest")),
            _para(
                _(
                    "Rest sitting down, or leaning forward on something steady, such as a "
                    "counter, a shopping cart or a walker. Bending forward gives the nerves "
                    "more room. Standing up straight does not help as much."
                )
            ),
            _para(
                _(
                    "Rest until your legs settle, then press {ready}. The app asks for at "
                    "least one minute of rest. If your legs have not settled after 10 "
                    "minutes, the walk ends and the app asks the safety questions."
                ).format(ready=press["ready"])
            ),
            _heading(_("During the walk")),
            _items(
                _(
                    "Press {symptoms} as soon as you feel your symptoms begin. On a training "
                    "walk, the bout ends and a rest starts."
                ).format(symptoms=press["symptoms"]),
                _(
                    "Press {pause} if you need to stop for something else, such as crossing a "
                    "road. Time paused does not count. Then press {resume} to go on."
                ).format(pause=press["pause"], resume=press["resume"]),
                _(
                    "On a training walk, {end_walk} ends the walk before its time. The app "
                    "asks you first."
                ).format(end_walk=press["end_walk"]),
                _(
                    "Press {must_stop} if something feels wrong. The app then asks the "
                    "safety questions."
                ).format(must_stop=press["must_stop"]),
                _("Esc also ends the walk. The app asks you first."),
            ),
            _heading(_("The walking test")),
            _para(
                _(
                    "Your first walk is a walking test. After that, a walking test comes about "
                    "once a week (every 7 days, unless your therapist's plan says otherwise), "
                    "with training walks in between."
                )
            ),
            _para(
                _(
                    "Walk at a comfortable pace without planned rests, for 30 minutes at most. "
                    "Press {symptoms} when your symptoms start, and keep going until you need "
                    "to stop. Then press {stop_test}."
                ).format(symptoms=press["symptoms"], stop_test=press["stop_test"])
            ),
            _para(
                _(
                    "Progress compares your first three walking tests with your latest three. "
                    "A training walk does not count as a test."
                )
            ),
            _heading(_("How the next walk is set")),
            _items(
                _(
                    "Each walking test sets your bouts afresh. A bout is about four fifths of "
                    "the time it took your symptoms to start in that test, so it ends before "
                    "they build up."
                ),
                _(
                    "A walk starts at 15 minutes of walking in all, with rests in between, and "
                    "grows step by step up to 30 minutes."
                ),
                _(
                    "After two good walks in a row (the whole time walked, leg pain 3 out of "
                    "10 or less), your bouts get a little longer. This happens at most once "
                    "every three days, and not within two days of a flare."
                ),
                _(
                    "If symptoms start early, or a walk is followed by a flare (leg pain of 7 "
                    "or more, a bad next day, or “Must stop”), the next bouts are shorter."
                ),
            ),
            _para(
                _(
                    "These steps are the app's own rules, built on how supervised walking "
                    "programmes are run. A plan from your therapist can change them. On the "
                    "Walk page, “More about this plan” says why your next walk is set as it is."
                )
            ),
            _para(
                _(
                    "Walked somewhere else? “Log a walk…” on the Walk page adds it. You can "
                    "also print a pocket card of your walk to take with you."
                )
            ),
        ),
    )


def _exercises() -> Section:
    return Section(
        "exercises",
        _("Exercises"),
        (
            _para(
                _(
                    "The Exercises page lists your routines. Press “Start the routine”. The "
                    "app says each step out loud and shows it on screen, so you can follow "
                    "it from the floor or a chair."
                )
            ),
            _para(
                _(
                    "Every floor exercise has a chair or bed version. Use it if getting down "
                    "to the floor and up again is hard."
                )
            ),
            _para(
                _(
                    "Exercise should feel like gentle work. Keep any pain at 3 out of 10 or "
                    "less. If something hurts, press “This hurts”: you can then skip that "
                    "exercise or stop."
                )
            ),
            _para(
                _(
                    "Read the cautions shown with an exercise, for example after a hip "
                    "replacement or with osteoporosis. Ask your therapist if you are unsure."
                )
            ),
        ),
    )


def _progress() -> Section:
    return Section(
        "progress",
        _("Progress: what the verdict means"),
        (
            _para(
                _(
                    "Progress answers one question: is your walking getting better? It "
                    "compares your first three walking tests with your last three. Only "
                    "walking tests count, because the app itself sets your training walks."
                )
            ),
            _items(
                _(
                    "Improving: you walk at least 30% longer before symptoms start, and your "
                    "leg pain and pain medicine have not gone up."
                ),
                _("Holding steady: no big change either way."),
                _(
                    "Slipping: you walk 30% less before symptoms start, or your leg pain went "
                    "up by 2 points or more, or you take more pain medicine while walking less."
                ),
                _("Not enough walking tests yet: the app needs six tests before it compares."),
            ),
            _para(
                _(
                    "The verdict describes your own walking tests, nothing more. It is not a "
                    "diagnosis. The narrowing in the spine usually stays, but walking and "
                    "symptoms can get better."
                )
            ),
            _para(
                _(
                    "If a box “Time to talk to your clinician” appears, it says what the app "
                    "noticed. Take the report to your next appointment."
                )
            ),
            _heading(_("Daily log and treatments")),
            _para(
                _(
                    "“Log today…” records your pain, medicine, sleep and a standing test in "
                    "about 30 seconds. “Add a treatment…” records an injection, a change of "
                    "medicine or a procedure, so that you and your doctor can see what "
                    "changed after it."
                )
            ),
            _para(
                _(
                    "For 42 days after an injection, a nerve block or a procedure, the daily "
                    "log also asks “Compared with before your …”: much better, better, the "
                    "same or worse. Progress then shows how long the relief lasted."
                )
            ),
        ),
    )


def _safety() -> Section:
    return Section(
        "safety",
        _("After a “yes” to a safety question"),
        (
            _para(
                _(
                    "The safety questions ask about anything new or getting worse. They come "
                    "the first time, once a week as the weekly safety check, after “Must "
                    "stop”, after a rest that did not ease your legs, after strong pain or "
                    "new symptoms in an exercise, and whenever you press “I have new symptoms”."
                )
            ),
            _para(
                _(
                    "If you answer yes, the app says plainly what to do: get emergency care "
                    "now, contact your clinician today, or stop and get checked. Please do "
                    "what it says. Never walk or exercise through these signs."
                )
            ),
            _para(
                _(
                    "Until you have been checked, the app asks before each walk or routine. "
                    "Press “A clinician has checked me” once you have seen someone, or “My "
                    "answer was a mistake” if you pressed yes by accident."
                )
            ),
            _para(
                _(
                    "Some signs always need emergency care at once: numbness between the "
                    "legs, new trouble passing or holding urine, loss of bowel control, and "
                    "new weakness in both legs."
                )
            ),
        ),
    )


def _therapist() -> Section:
    return Section(
        "therapist",
        _("A plan from your therapist"),
        (
            _para(
                # Translators: {suffix} is the end of a plan file's name, ".scplan.json".
                _(
                    "Your therapist can make a plan for you: routines, a walking plan, or "
                    "both. It comes as a file whose name ends in {suffix}, by email or on a "
                    "USB stick."
                ).format(suffix=".scplan.json")
            ),
            _items(
                _("Double-click the file. The app opens and shows what is in the plan."),
                _("Or, in the app, choose File, then Import plan…, and pick the file."),
                _("Or drag the file onto the app's window."),
            ),
            _para(
                _(
                    "Look at what the plan holds, then press Import. Its routines appear on "
                    "Today, and its walking plan sets your next walk."
                )
            ),
            _para(
                _(
                    "The Therapist page is for therapists: they use it to build a plan and "
                    "save it as a file."
                )
            ),
        ),
    )


def _report() -> Section:
    return Section(
        "report",
        _("The report for your appointment"),
        (
            _para(
                _(
                    "The Report page makes a PDF to take to your doctor or therapist. Page 1 "
                    "tells the story on one page: your walking, your pain, the "
                    "questionnaire, any treatments and your safety answers."
                )
            ),
            _items(
                _("Choose what to include: the whole programme, or the last 12 or 4 weeks."),
                _("Add your name if you like."),
                _("Press “Save PDF…” to keep it as a file, or “Print…” to print it."),
            ),
        ),
    )


def _data() -> Section:
    return Section(
        "data",
        _("Backups and a new computer"),
        (
            _para(
                _(
                    "Everything stays on this computer; the app never uses the internet. So "
                    "please keep a backup."
                )
            ),
            _items(
                _(
                    "Back up: in Settings, press “Back up…” (or choose File, then Back "
                    "up…). This makes one file. Keep it on a USB stick."
                ),
                _(
                    "Restore: in Settings, press “Restore…” and choose a backup file. What is "
                    "in the app is replaced by the backup."
                ),
                _(
                    "“Export data…” writes everything you recorded as spreadsheet files that "
                    "other programs can open."
                ),
            ),
            _heading(_("Moving to a new computer")),
            _para(
                _(
                    "Install the app on the new computer, then restore your backup file "
                    "there. Everything you recorded comes with it."
                )
            ),
            _para(
                # Translators: {command} is the command as it is typed, kept in English.
                _(
                    "Exported spreadsheet files can be brought in too, while the new app is "
                    "still empty, with the command {command}."
                ).format(command=f"{APP_NAME} import --from FOLDER")
            ),
        ),
    )


def _reminders() -> Section:
    return Section(
        "reminders",
        _("Reminders"),
        (
            _para(
                _(
                    "The app can remind you when something is due, at times you choose: for "
                    "example 9:00 for your routine and 15:00 for your walk. Reminders are off "
                    "until you turn them on."
                )
            ),
            _items(
                _("In Settings, under Reminders, choose the times and the quiet hours."),
                _("Settings also says when your next reminder comes, and for what."),
                _(
                    "The weekly safety check and the questionnaire come with the exercises "
                    "reminder."
                ),
                _(
                    "You get at most one reminder for each thing in a day, and none for "
                    "what you have already done."
                ),
                _(
                    "A small icon near the clock keeps the app within reach when its window "
                    "is closed. Click a reminder to open the app on that item. Without a mouse, "
                    "start Stenosis Coach again as you usually do: its window comes back. "
                    "To close it completely, choose File, then Quit."
                ),
                _(
                    "“Start when I log in”, in Settings, opens the app quietly each time you "
                    "start the computer."
                ),
            ),
            _para(_("Reminders come from this computer only. Nothing is sent anywhere.")),
        ),
    )


def _settings() -> Section:
    return Section(
        "settings",
        _("Text size, colours and sound"),
        (
            _items(
                _("Text size: Normal, Large or Extra large. The whole app changes at once."),
                _("High-contrast colours: white text on black, for easier reading."),
                _(
                    "Sound: the app speaks short cues during walks and routines. Turn them "
                    "on or off and set the volume. Every cue is also shown on screen."
                ),
                _("“Test sound” plays a cue at the volume you chose."),
            ),
            _para(
                _(
                    "Settings also holds your data (backup, restore, export), your "
                    "reminders, and “Start when I log in”. Press F1 in one of these parts to "
                    "read about it."
                )
            ),
        ),
    )


def _questionnaire() -> Section:
    return Section(
        "questionnaire",
        _("The questionnaire and My activities"),
        (
            _para(
                _(
                    "Every four weeks, Today offers a short questionnaire: about your "
                    "symptoms, what you can do and, from the second time on, how satisfied "
                    "you are. It is the Zurich Claudication Questionnaire, used in studies of "
                    "spinal stenosis."
                )
            ),
            _para(
                _(
                    "Answer with the big buttons or the keys 1 to 5. You can go back, or "
                    "skip a question."
                )
            ),
            _para(
                _(
                    "My activities: name up to five things that stenosis makes hard for you, "
                    "such as standing to cook or going shopping. Rate each from 0 (I cannot) "
                    "to 10 (as before). Each time you rate them again, you can see what has "
                    "changed."
                )
            ),
            _para(_("Your answers appear in the report, next to your walking.")),
        ),
    )


# The section F1 opens over a full-window flow, by the package of the flow's screen.
FLOW_SECTIONS = {
    "stenosis_coach.ui.walking": "walk",
    "stenosis_coach.ui.exercises": "exercises",
    "stenosis_coach.ui.safety": "safety",
    "stenosis_coach.ui.outcomes": "questionnaire",
    "stenosis_coach.ui.progress": "progress",
    "stenosis_coach.ui.plans": "therapist",
}


def section_for(page: str, flow_module: str | None = None) -> str:
    """The section F1 opens: that of the flow shown (``flow_module``: its screen's module),
    else that of the page ``page``, else the first."""
    if flow_module:
        for package, key in FLOW_SECTIONS.items():
            if flow_module == package or flow_module.startswith(package + "."):
                return key
    return PAGE_SECTIONS.get(page, FIRST_SECTION)
