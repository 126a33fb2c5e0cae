"""Settings → Sound → "Test sound" (issue 16): plays the start cue at the volume chosen,
and says calmly why nothing is heard when sound is off, at zero, or has no device."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stenosis_coach.i18n import is_pseudo_wrapped
from stenosis_coach.ui.cues import FakeCuePlayer


def press_test_sound(window, qtbot):
    page = window.open_page("settings")
    qtbot.mouseClick(page.test_sound, Qt.MouseButton.LeftButton)
    return page


def test_test_sound_plays_the_start_cue_at_the_chosen_volume(window, qtbot, cues):
    window.context.update_settings(volume=60)
    page = press_test_sound(window, qtbot)
    assert cues.heard == ["start"]
    assert cues.volume == 0.6 and not cues.muted
    assert page.sound_result.text() == (
        "You should hear “Start” now. If you hear nothing, turn up the computer's volume."
    )
    assert page.sound_result.isVisible()


def test_with_sound_off_it_plays_nothing_and_says_so(window, qtbot, cues):
    window.context.update_settings(sound_on=False)
    page = press_test_sound(window, qtbot)
    assert cues.heard == []
    assert page.sound_result.text() == (
        "Sound is off. Tick “Play sounds and spoken cues” to hear the cues."
    )


def test_at_volume_zero_it_says_to_move_the_volume(window, qtbot, cues):
    window.context.update_settings(volume=0)
    page = press_test_sound(window, qtbot)
    assert cues.heard == []
    assert page.sound_result.text() == "The volume is at 0%. Move it to the right to hear the cues."


def test_without_a_sound_device_it_says_cues_are_shown_on_screen(window, qtbot):
    window._cues = FakeCuePlayer(strict=True, available=False)
    page = press_test_sound(window, qtbot)
    assert page.sound_result.text() == "No sound device found; cues are shown on screen only."


def test_the_button_is_reached_by_keyboard_and_named(window, qtbot, cues):
    page = window.open_page("settings")
    assert page.test_sound.accessibleName() == "Test sound: play a cue at this volume"
    assert page.test_sound.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.test_sound.setFocus()
    qtbot.keyClick(page.test_sound, Qt.Key.Key_Space)
    assert cues.heard == ["start"]
    qtbot.keyClick(page.test_sound, Qt.Key.Key_Return)
    assert cues.heard == ["start", "start"]


def test_the_test_sound_words_are_translated(pseudo, window, qtbot, cues):
    page = press_test_sound(window, qtbot)
    assert is_pseudo_wrapped(page.test_sound.text())
    assert is_pseudo_wrapped(page.test_sound.accessibleName())
    assert page.sound_result.text().startswith("⟦You should hear “⟦Start⟧” now.")
