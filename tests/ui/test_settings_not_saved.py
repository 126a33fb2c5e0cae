"""A setting that cannot be saved (a full disk) still applies now, and the patient is told
once that the app will start with the old settings next time."""

from __future__ import annotations

from stenosis_coach.core.settings import TextSize
from stenosis_coach.services import settings_store
from stenosis_coach.services.settings_store import load_settings

FULL = "The disk is full, so the settings file was not written; free some space, then try again."


def test_a_setting_on_a_full_disk_applies_now_and_is_said_once(window, dialogs, paths, monkeypatch):
    def refuse(paths, settings):
        raise OSError(FULL)

    monkeypatch.setattr(settings_store, "save_settings", refuse)
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    window.context.update_settings(high_contrast=True)
    assert window.context.settings.text_size is TextSize.EXTRA_LARGE  # applies now
    assert window.context.settings.high_contrast
    warnings = [shown for shown in dialogs.shown if shown[0] == "warn"]
    assert len(warnings) == 1  # said once, not per change
    assert "disk is full" in warnings[0][2] and "next time" in warnings[0][2]
    assert load_settings(paths).text_size is not TextSize.EXTRA_LARGE


def test_once_saving_works_again_a_new_failure_is_said_again(window, dialogs, monkeypatch):
    real = settings_store.save_settings
    failing = {"on": True}

    def sometimes(paths, settings):
        if failing["on"]:
            raise OSError(FULL)
        real(paths, settings)

    monkeypatch.setattr(settings_store, "save_settings", sometimes)
    window.context.update_settings(text_size=TextSize.EXTRA_LARGE)
    failing["on"] = False
    window.context.update_settings(high_contrast=True)
    failing["on"] = True
    window.context.update_settings(high_contrast=False)
    assert len([shown for shown in dialogs.shown if shown[0] == "warn"]) == 2
