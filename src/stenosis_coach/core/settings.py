"""The user's display and sound preferences, and the type scale they select.

Sizes come from shared/UI.md ("Type"): every size in the app follows the chosen text size,
so nothing hard-codes points.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any

from stenosis_coach.core.reminders import ReminderSettings
from stenosis_coach.i18n import N_, _


class TextSize(StrEnum):
    NORMAL = "normal"
    LARGE = "large"
    EXTRA_LARGE = "extra_large"

    @property
    def label(self) -> str:
        """The size's name in the user's language (already translated)."""
        return _(_SIZE_LABELS[self.value])


_SIZE_LABELS = {"normal": N_("Normal"), "large": N_("Large"), "extra_large": N_("Extra large")}


@dataclass(frozen=True)
class TypeScale:
    """Point sizes for each text role (UI.md table)."""

    body: int
    section_title: int
    page_title: int
    key_number: int


TYPE_SCALES: dict[TextSize, TypeScale] = {
    TextSize.NORMAL: TypeScale(body=13, section_title=17, page_title=22, key_number=48),
    TextSize.LARGE: TypeScale(body=15, section_title=20, page_title=26, key_number=64),
    TextSize.EXTRA_LARGE: TypeScale(body=18, section_title=24, page_title=31, key_number=80),
}

VOLUME_STEP = 10

DEFAULT_WINDOW_SIZE = (1180, 820)
# The window works down to a 1024x700 screen (UI.md): never ask for more than fits there.
MINIMUM_WINDOW_SIZE = (800, 560)

Rect = tuple[int, int, int, int]  # x, y, width, height


@dataclass(frozen=True)
class WindowPlacement:
    """Where the window was when it last closed: its normal (not maximised) geometry,
    without the frame, and whether it was maximised."""

    x: int
    y: int
    width: int
    height: int
    maximised: bool = False

    @classmethod
    def from_dict(cls, data: object) -> WindowPlacement | None:
        """``None`` for anything missing or damaged: the window then opens as new."""
        if not isinstance(data, dict):
            return None
        numbers = [data.get(key) for key in ("x", "y", "width", "height")]
        whole = [n for n in numbers if isinstance(n, int) and not isinstance(n, bool)]
        if len(whole) != len(numbers):
            return None
        x, y, width, height = whole
        if width <= 0 or height <= 0 or max(abs(x), abs(y), width, height) > 100_000:
            return None
        maximised = data.get("maximised", False)
        return cls(x, y, width, height, maximised if isinstance(maximised, bool) else False)


def fit_window(
    saved: WindowPlacement | None,
    available: Rect,
    default: tuple[int, int] = DEFAULT_WINDOW_SIZE,
) -> WindowPlacement:
    """Where to open the window on a screen whose free area is ``available``: as it was
    when it fits, else no larger than the free area and moved wholly onto it (a monitor
    that is gone, a smaller screen); a first window is ``default`` at most, centred."""
    ax, ay, aw, ah = available
    if saved is None:
        width, height = min(default[0], aw), min(default[1], ah)
        x, y = ax + (aw - width) // 2, ay + (ah - height) // 2
        return WindowPlacement(x, y, width, height)
    width, height = min(saved.width, aw), min(saved.height, ah)
    x = min(max(saved.x, ax), ax + aw - width)
    y = min(max(saved.y, ay), ay + ah - height)
    return WindowPlacement(x, y, width, height, saved.maximised)


@dataclass(frozen=True)
class Settings:
    """Preferences remembered between runs. Defaults suit most older users."""

    text_size: TextSize = TextSize.LARGE
    high_contrast: bool = False
    sound_on: bool = True
    volume: int = 80  # percent, 0-100
    window: WindowPlacement | None = None  # where the window last was; None: never closed
    reminders: ReminderSettings = field(default_factory=ReminderSettings)  # off until asked

    @property
    def type_scale(self) -> TypeScale:
        return TYPE_SCALES[self.text_size]

    @property
    def effective_volume(self) -> float:
        """Volume as 0.0-1.0, zero when sound is off."""
        return self.volume / 100 if self.sound_on else 0.0

    def with_changes(self, **changes: Any) -> Settings:
        return normalised(replace(self, **changes))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["text_size"] = self.text_size.value
        if self.window is None:
            del data["window"]
        data["reminders"] = self.reminders.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: object) -> Settings:
        """Settings from stored data; anything missing or invalid falls back to its default.

        A damaged settings file must never stop the app from opening.
        """
        if not isinstance(data, dict):
            return cls()
        default = cls()
        try:
            text_size = TextSize(data.get("text_size", default.text_size))
        except ValueError:
            text_size = default.text_size
        high_contrast = data.get("high_contrast", default.high_contrast)
        sound_on = data.get("sound_on", default.sound_on)
        volume = data.get("volume", default.volume)
        return normalised(
            cls(
                text_size=text_size,
                high_contrast=high_contrast if isinstance(high_contrast, bool) else False,
                sound_on=sound_on if isinstance(sound_on, bool) else True,
                volume=volume
                if isinstance(volume, int) and not isinstance(volume, bool)
                else default.volume,
                window=WindowPlacement.from_dict(data.get("window")),
                reminders=ReminderSettings.from_dict(data.get("reminders")),
            )
        )


def normalised(settings: Settings) -> Settings:
    volume = min(100, max(0, int(settings.volume)))
    return settings if volume == settings.volume else replace(settings, volume=volume)
