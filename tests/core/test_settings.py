import pytest

from stenosis_coach.core.settings import TYPE_SCALES, Settings, TextSize


def test_defaults_suit_older_users():
    settings = Settings()
    assert settings.text_size is TextSize.LARGE
    assert settings.type_scale.body >= 14  # issue 2: base text at least 14 pt by default
    assert settings.sound_on and 0 < settings.volume <= 100


def test_every_text_size_grows_every_role():
    normal, large, xl = (TYPE_SCALES[s] for s in TextSize)
    for role in ("body", "section_title", "page_title", "key_number"):
        assert getattr(normal, role) < getattr(large, role) < getattr(xl, role)


def test_round_trip_through_dict():
    settings = Settings(TextSize.EXTRA_LARGE, high_contrast=True, sound_on=False, volume=30)
    assert Settings.from_dict(settings.to_dict()) == settings


@pytest.mark.parametrize(
    "stored",
    [
        None,
        [],
        "large",
        {"text_size": "huge"},
        {"volume": "loud"},
        {"high_contrast": "yes"},
        {"volume": True},
    ],
)
def test_damaged_settings_fall_back_to_defaults_field_by_field(stored):
    settings = Settings.from_dict(stored)
    assert settings.text_size in TextSize
    assert isinstance(settings.high_contrast, bool)
    assert isinstance(settings.volume, int) and not isinstance(settings.volume, bool)


def test_volume_is_clamped_and_muted_when_sound_off():
    assert Settings.from_dict({"volume": 250}).volume == 100
    assert Settings().with_changes(volume=-5).volume == 0
    assert Settings(volume=50, sound_on=False).effective_volume == 0.0
    assert Settings(volume=50).effective_volume == 0.5


def test_window_placement_round_trips_and_damage_is_ignored():
    from stenosis_coach.core.settings import WindowPlacement

    placed = WindowPlacement(x=40, y=30, width=1100, height=720, maximised=True)
    settings = Settings(window=placed)
    assert Settings.from_dict(settings.to_dict()) == settings
    assert Settings.from_dict({"window": {"x": 1, "y": 2, "width": -4, "height": 5}}).window is None
    assert Settings.from_dict({"window": "big"}).window is None
    assert (
        Settings.from_dict({"window": {"x": True, "y": 0, "width": 9, "height": 9}}).window is None
    )
    assert Settings.from_dict({}).window is None


def test_a_new_window_fits_the_available_screen():
    from stenosis_coach.core.settings import fit_window

    # A 1024x768 screen less a 32 px panel: the default 1180x820 would run off it.
    placed = fit_window(None, (0, 32, 1024, 736))
    assert (placed.width, placed.height) <= (1024, 736)
    assert placed.x >= 0 and placed.y >= 32
    assert placed.x + placed.width <= 1024 and placed.y + placed.height <= 32 + 736
    # On a big screen: the default size, centred.
    big = fit_window(None, (0, 0, 1920, 1080))
    assert (big.width, big.height) == (1180, 820)
    assert (big.x, big.y) == ((1920 - 1180) // 2, (1080 - 820) // 2)


def test_a_remembered_window_is_never_put_off_screen():
    from stenosis_coach.core.settings import WindowPlacement, fit_window

    saved = WindowPlacement(x=2500, y=900, width=1400, height=1000, maximised=False)
    # It was on a second, larger monitor that is gone now.
    placed = fit_window(saved, (0, 0, 1280, 800))
    assert placed.x >= 0 and placed.y >= 0
    assert placed.x + placed.width <= 1280 and placed.y + placed.height <= 800
    # Where it fits, it comes back exactly as it was, maximised or not.
    kept = WindowPlacement(x=100, y=60, width=1000, height=700, maximised=True)
    assert fit_window(kept, (0, 0, 1920, 1080)) == kept
