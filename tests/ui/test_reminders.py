"""Reminders and the tray (issue 16, DESIGN 5.7), driven through the real window with a fake
notifier, a fake tray icon and a ManualClock: exactly one notification at its time, none
once done, none in quiet hours; clicking one opens the item; the tray lists what Today
lists; with reminders on, closing the window keeps the app in the tray."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from stenosis_coach.core.reminders import ReminderSettings
from stenosis_coach.core.settings import Settings
from stenosis_coach.core.walking.logged import WalkForm
from stenosis_coach.core.walking.model import WalkKind
from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.services import walks
from stenosis_coach.services.settings_store import load_settings, save_settings
from stenosis_coach.ui import reminders as reminders_ui
from stenosis_coach.ui import tray as tray_ui
from stenosis_coach.ui.reminders_notify import FakeNotifier
from stenosis_coach.ui.tray import FakeTrayIcon
from tests.ui.test_safety_flows import answer_through, complete_first_check

ON = ReminderSettings(on=True, asked=True)


@pytest.fixture
def with_tray(monkeypatch):
    """A desktop with a system tray (the offscreen platform has none): a fake icon."""
    monkeypatch.setattr(tray_ui, "tray_available", lambda: True)
    monkeypatch.setattr(tray_ui, "make_icon", lambda parent: FakeTrayIcon(parent))


@pytest.fixture
def notifier(monkeypatch):
    fake = FakeNotifier()
    monkeypatch.setattr(reminders_ui, "make_notifier", lambda tray: fake)
    return fake


def reminding(paths, make_window, settings=ON):
    save_settings(paths, Settings(reminders=settings))
    return make_window()


def to_local(window, clock, hour, minute=0, days=0):
    """Move the clock to ``hour:minute`` on today's local date (+ ``days``)."""
    coach = window.context.coach
    day = clock.now().astimezone(coach.tz).date() + timedelta(days=days)
    target = datetime.combine(day, time(hour, minute), tzinfo=coach.tz).astimezone(UTC)
    clock.advance((target - clock.now()).total_seconds())


def checked(window, qtbot, clock, dialogs):
    """The first safety check done, all "no" (sessions may start)."""
    complete_first_check(window, qtbot, clock)


def keys(shown):
    return [r.key for r in shown]


def test_a_due_walk_is_reminded_once_at_its_time(
    make_window, paths, qtbot, clock, dialogs, notifier
):
    window = reminding(paths, make_window)
    checked(window, qtbot, clock, dialogs)
    to_local(window, clock, 14, 59)
    window.reminders.check()
    assert "walk" not in keys(notifier.shown)
    to_local(window, clock, 15, 0)
    window.reminders.check()
    window.reminders.check()  # a second timer at the same moment: nothing more
    to_local(window, clock, 15, 1)
    window.reminders.check()
    to_local(window, clock, 18, 30)
    window.reminders.check()
    assert keys(notifier.shown).count("walk") == 1
    walk = next(r for r in notifier.shown if r.key == "walk")
    assert walk.title in ("Time for your walk", "Time for your walking test")


def test_no_reminder_for_a_walk_done_nor_in_quiet_hours(
    make_window, paths, qtbot, clock, dialogs, notifier
):
    window = reminding(paths, make_window, ON.with_changes(daily_log=time(22, 0)))
    checked(window, qtbot, clock, dialogs)
    to_local(window, clock, 11, 0)
    day = clock.now().astimezone(window.context.coach.tz).date()
    walks.log_walk(
        window.context.coach.database,
        WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=2),
        clock.now(),
    )
    window.context.data_changed.emit()
    for hour in (15, 17, 21, 22, 23):
        to_local(window, clock, hour, 0)
        window.reminders.check()
    assert "walk" not in keys(notifier.shown)
    assert "daily_log" not in keys(notifier.shown)  # 22:00 is in quiet hours (21-08)


def test_nothing_while_reminders_are_off(make_window, paths, qtbot, clock, dialogs, notifier):
    window = make_window()
    checked(window, qtbot, clock, dialogs)
    to_local(window, clock, 20, 0)
    window.reminders.check()
    assert notifier.shown == []
    assert not window.reminders.timer.isActive()


def test_clicking_a_reminder_opens_the_walk(
    make_window, paths, qtbot, clock, dialogs, notifier, cues
):
    window = reminding(paths, make_window)
    checked(window, qtbot, clock, dialogs)
    to_local(window, clock, 15, 0)
    window.reminders.check()
    window.hide()  # the patient had closed it
    notifier.click(next(r for r in notifier.shown if r.key == "walk"))
    assert window.isVisible()
    # The Walk page with its Start button ready: no walk is timed before the patient starts.
    assert window.current_key() == "walk" and window.flow is None
    assert window.running_session() is None
    start = window.page("walk").start
    assert start.hasFocus() or window.focusWidget() is start
    qtbot.keyClick(start, Qt.Key.Key_Space)
    assert window.running_session() == "walk"


def test_clicking_a_log_reminder_opens_the_log(make_window, paths, qtbot, clock, dialogs, notifier):
    window = reminding(paths, make_window)
    checked(window, qtbot, clock, dialogs)
    to_local(window, clock, 19, 0)
    window.reminders.check()
    notifier.click(next(r for r in notifier.shown if r.key == "daily_log"))
    assert window.flow is not None and "log" in type(window.flow).__name__.lower()


def test_a_click_while_a_walk_runs_only_shows_the_window(
    make_window, paths, qtbot, clock, dialogs, notifier, cues
):
    window = reminding(paths, make_window)
    checked(window, qtbot, clock, dialogs)
    to_local(window, clock, 19, 0)
    window.reminders.check()
    window.show_page("walk")
    window.walking.start_walk()
    screen = window.flow
    notifier.click(next(r for r in notifier.shown if r.key == "daily_log"))
    assert window.flow is screen and window.running_session() == "walk"


def test_the_timer_checks_every_minute_at_most(make_window, paths, qtbot, clock, notifier):
    window = reminding(paths, make_window)
    assert window.reminders.timer.isActive()
    assert 0 < window.reminders.timer.interval() <= 60_000
    window.context.update_settings(reminders=ON.with_changes(on=False))
    assert not window.reminders.timer.isActive()


def test_the_tray_lists_what_today_lists(
    with_tray, make_window, paths, qtbot, clock, dialogs, notifier, cues
):
    window = reminding(paths, make_window)
    assert window.tray is not None
    checked(window, qtbot, clock, dialogs)
    window.tray.refresh()
    texts = [a.text() for a in window.tray.menu.actions() if not a.isSeparator()]
    today = [item.title for item in window.context.coach.today().items]
    assert today and texts == ["Open Stenosis Coach", *today, "Quit"]
    assert all(a.text() for a in window.tray.menu.actions() if not a.isSeparator())
    walk = next(a for a in window.tray.menu.actions() if "walk" in a.text().lower())
    walk.trigger()
    assert window.current_key() == "walk" and window.running_session() is None


def test_no_tray_means_none_and_closing_quits_as_before(make_window, paths, qtbot, clock, notifier):
    window = reminding(paths, make_window)
    assert window.tray is None
    window.close()
    assert not window.isVisible() and window.context.coach is None


def test_closing_with_reminders_on_hides_to_the_tray_and_says_so_once(
    with_tray, make_window, paths, qtbot, clock, dialogs, notifier
):
    window = reminding(paths, make_window)
    window.close()
    assert not window.isVisible() and window.context.coach is not None
    assert window.tray.icon.isVisible()
    # closing another window now (the user guide) must not end the app in the tray
    assert not QApplication.quitOnLastWindowClosed()
    told = [text for kind, _title, text in dialogs.shown if kind == "inform"]
    assert len(told) == 1 and "Quit" in told[0]
    assert load_settings(paths).reminders.told_tray
    window.tray.open_window()
    assert window.isVisible()
    window.close()
    assert len([k for k, _t, _x in dialogs.shown if k == "inform"]) == 1  # said once
    window.tray.open_window()
    quits = []
    window.reminders.quit_app = lambda: quits.append(True)
    next(a for a in window.tray.menu.actions() if a.text() == "Quit").trigger()
    assert not window.isVisible() and window.context.coach is None and quits
    assert QApplication.quitOnLastWindowClosed()


def test_file_quit_really_quits_with_a_tray(
    with_tray, make_window, paths, qtbot, clock, dialogs, notifier
):
    window = reminding(paths, make_window)
    window.reminders.quit_app = lambda: None
    quit_action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Quit"
    )
    quit_action.trigger()
    assert not window.isVisible() and window.context.coach is None


def test_asked_once_after_the_first_check(make_window, paths, qtbot, clock, dialogs, notifier):
    window = make_window()
    window.reminders.ask_after_first_check()
    dialogs.choices = [0]  # "Yes, remind me"
    complete_first_check(window, qtbot, clock)
    asked = [q for q in dialogs.questions if "reminders" in q.title.lower()]
    assert len(asked) == 1
    assert "Settings" in asked[0].text and asked[0].options[asked[0].safe] == "Not now"
    saved = load_settings(paths).reminders
    assert saved.on and saved.asked
    window.safety.start_check()  # a later check asks nothing
    answer_through(window, qtbot)
    qtbot.mouseClick(window.flow.ok, Qt.MouseButton.LeftButton)
    assert len([q for q in dialogs.questions if "reminders" in q.title.lower()]) == 1


def test_not_asked_when_already_turned_on_in_settings(
    make_window, paths, qtbot, clock, dialogs, notifier
):
    window = reminding(paths, make_window, ReminderSettings(on=True))  # on, never asked
    window.reminders.ask_after_first_check()
    complete_first_check(window, qtbot, clock)
    assert [q for q in dialogs.questions if "reminders" in q.title.lower()] == []
    assert load_settings(paths).reminders.on


def test_not_now_keeps_them_off(make_window, paths, qtbot, clock, dialogs, notifier):
    window = make_window()
    window.reminders.ask_after_first_check()
    dialogs.choices = [dialogs.ESC]
    complete_first_check(window, qtbot, clock)
    saved = load_settings(paths).reminders
    assert not saved.on and saved.asked


def test_settings_reminders_section(make_window, paths, qtbot, clock, notifier):
    window = make_window()
    page = window.open_page("settings")
    card = page.findChild(reminders_ui_settings().ReminderCard)
    assert card is not None
    assert not card.enabled_box.isChecked()
    assert "only while" in card.where_note.text()  # no tray here
    card.enabled_box.setChecked(True)
    assert window.context.settings.reminders.on and load_settings(paths).reminders.on
    walk = card.fields["walk"]
    walk.setFocus()
    qtbot.keyClick(walk, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.context.settings.reminders.walk == time(15, 0)  # Ctrl never changes it
    qtbot.keyClick(walk, Qt.Key.Key_Up)
    assert window.context.settings.reminders.walk in (time(16, 0), time(15, 1))
    for field in card.fields.values():
        assert field.accessibleName()
    assert card.enabled_box.accessibleName()
    entry = card.entries["daily_log"]
    qtbot.mouseClick(entry.plus, Qt.MouseButton.LeftButton)
    assert window.context.settings.reminders.daily_log == time(19, 15)
    qtbot.mouseClick(entry.minus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(entry.minus, Qt.MouseButton.LeftButton)
    assert window.context.settings.reminders.daily_log == time(18, 45)
    assert entry.plus.accessibleName() and entry.minus.accessibleName()
    assert all(f.height() >= 48 and f.minimumHeight() >= 48 for f in card.fields.values())


def test_a_time_in_quiet_hours_is_said_plainly(make_window, paths, qtbot, clock, notifier):
    window = reminding(paths, make_window, ON.with_changes(walk=time(22, 30)))
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    assert card.problem.isVisibleTo(card)
    assert "quiet hours" in card.problem.text() and "22:30" in card.problem.text()


def test_reminder_settings_words_are_translated(pseudo, make_window, paths, qtbot, notifier):
    window = make_window()
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    from PySide6.QtWidgets import QLabel

    for widget in card.findChildren(QLabel):
        if widget.text() and widget.isVisibleTo(card):
            assert is_pseudo_wrapped(widget.text()), widget.text()
    for box in card.findChildren(QCheckBox):
        assert is_pseudo_wrapped(box.text()) and is_pseudo_wrapped(box.accessibleName())
    for field in card.fields.values():
        assert is_pseudo_wrapped(field.accessibleName())
    for entry in card.entries.values():
        assert is_pseudo_wrapped(entry.plus.accessibleName())
        assert is_pseudo_wrapped(entry.minus.accessibleName())


def reminders_ui_settings():
    from stenosis_coach.ui import reminders_settings

    return reminders_settings


def test_starting_the_app_again_brings_its_window_back_from_the_tray(
    with_tray, make_window, paths, qtbot, clock, notifier, tmp_path
):
    from stenosis_coach.paths import AppPaths
    from stenosis_coach.ui.tray import ask_running_app_to_show

    window = reminding(paths, make_window, ON.with_changes(told_tray=True))
    window.reminders.listen_for_second_start()
    window.close()
    assert not window.isVisible()
    assert ask_running_app_to_show(paths)  # what a second start does before anything else
    qtbot.waitUntil(window.isVisible, timeout=3000)
    # another data folder has no app open: the second start goes on as before
    assert not ask_running_app_to_show(AppPaths.resolve(tmp_path / "other"))


def test_the_tray_and_today_agree_through_a_week(
    with_tray, make_window, paths, qtbot, clock, dialogs, notifier
):
    from stenosis_coach.core.today import action_target

    window = reminding(paths, make_window)
    checked(window, qtbot, clock, dialogs)
    coach = window.context.coach
    for step in range(7 * 4):  # every 6 hours for a week, a walk logged on the second day
        clock.advance(6 * 3600)
        if step == 5:
            day = clock.now().astimezone(coach.tz).date()
            walks.log_walk(
                coach.database,
                WalkForm(WalkKind.TEST, day, "8", "5", peak_leg_pain=2),
                clock.now(),
            )
            window.context.data_changed.emit()
        window.tray.refresh()
        items = coach.today().items
        shown = [a.text() for a in window.tray.menu.actions() if not a.isSeparator()][1:-1]
        assert shown == [item.title for item in items], clock.now()
        before = len(notifier.shown)
        window.reminders.check()
        # each reminder shown now is for something Today offers now
        offered = {action_target(item.action)[0] for item in items if item.action}
        offered |= {action_target(a)[0] for item in items for _label, a in item.choices}
        for reminder in notifier.shown[before:]:
            assert action_target(reminder.action)[0] in offered, (clock.now(), reminder.key)
    assert "walk" in keys(notifier.shown)


def test_turning_reminders_on_late_in_the_day_does_not_bring_a_flood(
    make_window, paths, qtbot, clock, dialogs, notifier
):
    window = make_window()
    checked(window, qtbot, clock, dialogs)
    to_local(window, clock, 19, 30)  # after the exercises, walk and log times
    window.context.update_settings(reminders=ON)
    window.reminders.check()
    assert notifier.shown == []  # what was due before they were on waits for tomorrow
    to_local(window, clock, 15, 0, days=1)
    window.reminders.check()
    assert "walk" in keys(notifier.shown)


def test_without_the_desktop_service_the_tray_shows_the_reminder(
    with_tray, make_window, paths, qtbot, clock, dialogs
):
    """Windows, macOS, or Linux without the notification service: the tray icon's message,
    and a click on it opens the item."""
    from stenosis_coach.ui.reminders_notify import (
        FallingBackNotifier,
        Notifier,
        TrayNotifier,
    )

    class Refusing(Notifier):
        def notify(self, reminder):
            raise OSError("no notification service")

    window = reminding(paths, make_window)
    checked(window, qtbot, clock, dialogs)
    window.reminders.notifier = FallingBackNotifier([Refusing(), TrayNotifier(window.tray)])
    to_local(window, clock, 19, 0)
    window.reminders.check()
    messages = window.tray.icon.messages
    assert ("Time for today's log", "Note how today went. It takes a minute or two.") in messages
    window.tray.icon.messageClicked.emit()  # the last one shown: the log
    assert window.flow is not None and "log" in type(window.flow).__name__.lower()


# -- a tester's findings: reminders a 72-year-old can trust ---------------------------------


def type_into(qtbot, field, text):
    field.setFocus(Qt.FocusReason.TabFocusReason)  # arriving by Tab, as Margaret did
    for ch in text:
        qtbot.keyClicks(field, ch)


def test_yes_at_1950_then_the_walk_typed_as_1955_comes_at_1955(
    with_tray, make_window, paths, qtbot, clock, dialogs, notifier
):
    window = make_window()
    window.reminders.ask_after_first_check()
    to_local(window, clock, 19, 50)
    dialogs.choices = [0]  # "Yes, remind me"
    complete_first_check(window, qtbot, clock)
    assert window.context.settings.reminders.on
    window.reminders.check()
    assert notifier.shown == []  # what was due earlier today is not said all at once
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    assert card.next_line.isVisibleTo(card)
    assert card.next_line.text() == "Next reminder: your exercises, tomorrow at 09:00"
    to_local(window, clock, 19, 52)
    type_into(qtbot, card.fields["walk"], "1955")
    assert window.context.settings.reminders.walk == time(19, 55)
    assert card.next_line.text().startswith("Next reminder: your walk")
    assert card.next_line.text().endswith(", today at 19:55")
    window.close()  # to the tray: the timer goes on
    assert not window.isVisible() and window.context.coach is not None
    to_local(window, clock, 19, 54)
    window.reminders.check()
    assert notifier.shown == []
    to_local(window, clock, 19, 55)
    window.reminders.check()
    assert keys(notifier.shown) == ["walk"]


def test_turned_on_at_1600_the_1500_walk_waits_for_tomorrow_and_settings_says_so(
    make_window, paths, qtbot, clock, dialogs, notifier
):
    window = make_window()
    checked(window, qtbot, clock, dialogs)
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    assert not card.next_line.isVisibleTo(card)  # off: no next reminder
    to_local(window, clock, 16, 0)
    card.enabled_box.setChecked(True)
    assert card.next_line.text() == "Next reminder: your daily log, today at 19:00"
    for hour in (16, 17, 18):
        to_local(window, clock, hour, 30)
        window.reminders.check()
    assert "walk" not in keys(notifier.shown)
    to_local(window, clock, 19, 0)
    window.reminders.check()
    assert keys(notifier.shown) == ["daily_log"]


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [("1955", time(19, 55)), ("19:55", time(19, 55)), ("955", time(9, 55)), ("0730", time(7, 30))],
)
def test_typing_a_time_sets_it(make_window, paths, qtbot, clock, notifier, typed, wanted):
    window = reminding(paths, make_window)
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    field = card.fields["walk"]
    type_into(qtbot, field, typed)
    assert field.wall() == wanted
    assert window.context.settings.reminders.walk == wanted
    assert load_settings(paths).reminders.walk == wanted


def test_ctrl_or_alt_with_a_digit_never_changes_a_time(make_window, paths, qtbot, clock, notifier):
    window = reminding(paths, make_window)
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    field = card.fields["walk"]
    field.setFocus(Qt.FocusReason.TabFocusReason)
    for held in (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier):
        for key in (Qt.Key.Key_1, Qt.Key.Key_9, Qt.Key.Key_Up):
            qtbot.keyClick(field, key, held)
    assert window.context.settings.reminders.walk == time(15, 0)
    qtbot.keyClicks(field, "1")  # typing starts anew after them
    qtbot.keyClicks(field, "6")
    assert window.context.settings.reminders.walk == time(16, 0)


def test_after_yes_the_confirmation_names_the_times_and_where_to_change_them(
    make_window, paths, qtbot, clock, dialogs, notifier
):
    window = make_window()
    window.reminders.ask_after_first_check()
    dialogs.choices = [0]
    complete_first_check(window, qtbot, clock)
    told = [(title, text) for kind, title, text in dialogs.shown if kind == "inform"]
    assert len(told) == 1
    title, text = told[0]
    assert title == "Reminders are on"
    assert "09:00" in text and "15:00" in text and "19:00" in text
    assert "exercises" in text and "walk" in text and "daily log" in text
    assert "Settings" in text and "Reminders" in text


def test_not_now_says_nothing_more(make_window, paths, qtbot, clock, dialogs, notifier):
    window = make_window()
    window.reminders.ask_after_first_check()
    dialogs.choices = [dialogs.ESC]
    complete_first_check(window, qtbot, clock)
    assert [kind for kind, _t, _x in dialogs.shown if kind == "inform"] == []


def test_the_close_to_tray_message_works_without_a_mouse(
    with_tray, make_window, paths, qtbot, clock, dialogs, notifier
):
    window = reminding(paths, make_window)
    window.close()
    told = [text for kind, _title, text in dialogs.shown if kind == "inform"]
    assert len(told) == 1
    assert "Stenosis Coach again" in told[0]  # starting it again brings the window back
    assert "File" in told[0] and "Quit" in told[0]


def test_the_new_words_are_translated(pseudo, make_window, paths, qtbot, clock, dialogs, notifier):
    window = make_window()
    window.reminders.ask_after_first_check()
    dialogs.choices = [0]
    complete_first_check(window, qtbot, clock)
    told = [(title, text) for kind, title, text in dialogs.shown if kind == "inform"]
    assert told and all(is_pseudo_wrapped(t) and is_pseudo_wrapped(x) for t, x in told)
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    assert is_pseudo_wrapped(card.next_line.text()), card.next_line.text()


def test_right_then_digits_set_the_minutes_and_up_changes_them(
    make_window, paths, qtbot, clock, notifier
):
    window = reminding(paths, make_window)
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    field = card.fields["walk"]
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClicks(field, "3")
    qtbot.keyClicks(field, "0")
    assert window.context.settings.reminders.walk == time(15, 30)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert window.context.settings.reminders.walk == time(15, 31)
    qtbot.keyClick(field, Qt.Key.Key_Left)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert window.context.settings.reminders.walk == time(16, 31)


def test_time_boxes_stay_whole_after_the_text_size_changes(
    make_window, paths, qtbot, clock, notifier
):
    from stenosis_coach.core.settings import TextSize

    window = reminding(paths, make_window)
    card = window.open_page("settings").findChild(reminders_ui_settings().ReminderCard)
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    QApplication.processEvents()
    for entry in card.entries.values():
        box = entry.field.geometry()
        assert box.top() >= 0 and box.bottom() < entry.height(), (box, entry.height())
        assert box.height() >= entry.plus.height()  # as tall as the buttons beside it


def test_turned_on_before_the_data_opened_no_burst_when_it_opens(
    make_window, paths, qtbot, clock, dialogs, notifier
):
    from stenosis_coach.ui.startup import open_data

    first = make_window()
    checked(first, qtbot, clock, dialogs)
    to_local(first, clock, 19, 50)
    first.close()
    window = make_window(open_data=False)
    window.context.update_settings(reminders=ON)  # no data open yet
    assert open_data(window.context, window.data_actions)
    window.reminders.check()
    assert notifier.shown == []  # what was due earlier today waits for tomorrow
    to_local(window, clock, 15, 0, days=1)
    window.reminders.check()
    assert "walk" in keys(notifier.shown)
