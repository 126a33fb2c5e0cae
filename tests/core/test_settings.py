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
