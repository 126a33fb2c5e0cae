"""Audible cues: short WAV clips (``resources/sounds/``) played on demand, behind one interface.

Coaches call :meth:`CuePlayer.play` with a cue id from ``resources/sounds/cues.json`` (made
by ``scripts/make_cues.py``) and show the cue's on-screen twin (:func:`cue_text`) themselves.
Playback hides behind the :class:`CuePlayer` protocol so tests can use
:class:`FakeCuePlayer`: a ``QSoundEffect`` with no audio device logs Qt warnings, and Qt
warnings fail tests (DESIGN.md section 6).

* :class:`SoundEffectCuePlayer` preloads one ``QSoundEffect`` per cue. With no sound device
  it creates none, stays silent and says why in ``last_error``.
* :func:`make_cue_player` picks it when a sound device exists, else a
  :class:`SilentCuePlayer`. On Linux it first looks for a PulseAudio or PipeWire socket
  without touching QtMultimedia: merely asking Qt for the audio outputs when no sound
  server runs logs Qt warnings.
* :class:`SpeechNames` (optional) speaks free text through the system's text-to-speech,
  only when an engine exists and is not in its Error state; otherwise it is never made.

Importing this module creates no QObject and does not import QtMultimedia or
QtTextToSpeech; they load when a real player is first made.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, QUrl

from stenosis_coach.i18n import N_, _
from stenosis_coach.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

    from stenosis_coach.core.settings import Settings

log = logging.getLogger(__name__)

# Why nothing is heard, in words for the user (``last_error``): translated where they are set.
NO_DEVICE = N_("No sound device found; cues are shown on screen only.")
SOUND_OFF = N_("Sound is turned off for this run; cues are shown on screen only.")
NO_CLIPS = N_("The cue sounds are missing; cues are shown on screen only.")
CLIPS_FAILED = N_("The cue sounds could not be played; cues are shown on screen only.")
SOME_CLIPS_FAILED = N_("Some cue sounds could not be played.")
SPEECH_FAILED = N_("Text-to-speech stopped working.")
MANIFEST = "cues.json"
# Set to 1 to never touch the sound system (tests, or a machine whose audio misbehaves).
ENV_NO_SOUND = "STENOSIS_COACH_NO_SOUND"


# --- the cue list ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CueInfo:
    """One cue from ``cues.json``: its clip, its on-screen twin and whether it is speech."""

    cue_id: str
    file: str
    text: str
    kind: str  # "speech" or "tone"


@cache
def cue_manifest() -> Mapping[str, CueInfo]:
    """Every cue, by id, as listed in ``resources/sounds/cues.json``."""
    data = json.loads(resource_path("sounds", MANIFEST).read_text(encoding="utf-8"))
    return {
        cue_id: CueInfo(cue_id, entry["file"], entry["text"], entry.get("kind", "speech"))
        for cue_id, entry in data.items()
    }


def cue_text(cue_id: str) -> str | None:
    """The on-screen twin of a cue (UI.md "Sound") in the user's language, or None for an
    unknown cue. (The clips themselves are English recordings, ``scripts/make_cues.py``.)"""
    cue = cue_manifest().get(cue_id)
    return _(cue.text) if cue is not None else None


def next_exercise_cue(exercise_id: str) -> str:
    """The cue id that says "Next: <exercise name>"; check it with ``cue_manifest()``."""
    return f"next-{exercise_id}"


def clamp_volume(volume: float) -> float:
    return min(1.0, max(0.0, float(volume)))


def output_gain(volume: float) -> float:
    """Linear gain for a volume slider position (0..1): cubic, as PulseAudio does.

    A linear slider feels as if all the change happens at the bottom; cubing it spreads the
    change evenly by ear (80 % is about -6 dB, 50 % about -18 dB).
    """
    return clamp_volume(volume) ** 3


# --- the interface ---------------------------------------------------------------------------


@runtime_checkable
class CuePlayer(Protocol):
    """Plays cues by id. Never raises for a missing device or clip: it just stays silent.

    ``available`` is False when nothing can be heard whatever the settings (no device, no
    clips); ``last_error`` then says why in words fit for the user. Volume (0..1) and mute
    take effect at once, on a cue already sounding too.
    """

    available: bool
    last_error: str | None

    def play(self, cue_id: str) -> None: ...

    def stop(self) -> None: ...

    def set_volume(self, volume: float) -> None: ...

    def set_muted(self, muted: bool) -> None: ...


class SilentCuePlayer:
    """A player that is never heard: no sound device, or sound switched off for the run."""

    def __init__(self, reason: str = NO_DEVICE, volume: float = 1.0, muted: bool = False):
        """``reason``: why nothing is heard, one of this module's sentences (untranslated:
        it is translated here)."""
        self.available = False
        self.last_error: str | None = _(reason)
        self.volume = clamp_volume(volume)
        self.muted = muted

    def play(self, cue_id: str) -> None:
        pass

    def stop(self) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        self.volume = clamp_volume(volume)

    def set_muted(self, muted: bool) -> None:
        self.muted = bool(muted)


class FakeCuePlayer:
    """Records what a coach asked for. ``played``: every cue id, in order; ``heard``: those
    that would have been audible (not muted, volume above zero); ``calls``: everything.

    With ``strict=True`` an id missing from ``cues.json`` raises ``KeyError``, which catches
    a coach asking for a clip nobody made.
    """

    def __init__(self, *, strict: bool = False, available: bool = True) -> None:
        self.available = available
        self.last_error: str | None = None if available else _(NO_DEVICE)
        self.strict = strict
        self.volume = 1.0
        self.muted = False
        self.played: list[str] = []
        self.heard: list[str] = []
        self.calls: list[tuple[str, object]] = []

    def play(self, cue_id: str) -> None:
        if self.strict and cue_id not in cue_manifest():
            raise KeyError(f"no cue {cue_id!r} in {MANIFEST}")
        self.calls.append(("play", cue_id))
        self.played.append(cue_id)
        if self.available and not self.muted and self.volume > 0:
            self.heard.append(cue_id)

    def stop(self) -> None:
        self.calls.append(("stop", None))

    def set_volume(self, volume: float) -> None:
        self.volume = clamp_volume(volume)
        self.calls.append(("set_volume", self.volume))

    def set_muted(self, muted: bool) -> None:
        self.muted = bool(muted)
        self.calls.append(("set_muted", self.muted))


# --- finding a sound device without upsetting Qt ---------------------------------------------


def _linux_sound_server_sockets() -> list[Path]:
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return [
        Path(runtime) / "pulse" / "native",
        Path(runtime) / "pipewire-0",
        Path("/run/pulse/native"),  # a system-wide PulseAudio
        Path("/var/run/pulse/native"),
    ]


def sound_server_reachable() -> bool:
    """False when there is certainly no sound server; True when there may be one.

    Only Linux is checked (Qt plays through PulseAudio or PipeWire there, and asking Qt for
    the outputs with neither running logs warnings); elsewhere Qt is asked directly.
    """
    if os.environ.get(ENV_NO_SOUND, "").strip() not in ("", "0"):
        return False
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("PULSE_SERVER") or os.environ.get("PIPEWIRE_REMOTE"):
        return True
    return any(path.exists() for path in _linux_sound_server_sockets())


def audio_output_count() -> int:
    """How many audio outputs Qt sees (loads QtMultimedia). Check the server first."""
    from PySide6.QtMultimedia import QMediaDevices

    return len(QMediaDevices.audioOutputs())


# --- the real player -------------------------------------------------------------------------


class SoundEffectCuePlayer(QObject):
    """Plays the clips with one preloaded ``QSoundEffect`` each.

    Timing beats completeness: a cue is due *now*, so nothing waits in a queue. A cue asked
    for again while sounding restarts; a spoken cue stops any cue still sounding; a tone
    (``pace``, ``tick``) only restarts itself, so it may sound over speech without cutting
    it off. Muting stops whatever is sounding. If the last output disappears the player
    turns silent and says so; when one (re)appears it follows the default output.
    """

    def __init__(
        self,
        volume: float = 1.0,
        muted: bool = False,
        parent: QObject | None = None,
        *,
        cues: Mapping[str, CueInfo] | None = None,
        check_server: bool = True,
    ) -> None:
        super().__init__(parent)
        self.available = False
        self.last_error: str | None = None
        self._volume = clamp_volume(volume)
        self._muted = bool(muted)
        self._cues = dict(cue_manifest() if cues is None else cues)
        self._effects: dict[str, QSoundEffect] = {}
        self._devices: QObject | None = None
        if check_server and not sound_server_reachable():
            self.last_error = _(NO_DEVICE)
            return
        from PySide6.QtMultimedia import QMediaDevices

        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._outputs_changed()

    # -- the interface ------------------------------------------------------------------
    def play(self, cue_id: str) -> None:
        effect = self._effects.get(cue_id)
        if effect is None:
            if cue_id not in self._cues:
                log.warning("no sound for cue %r", cue_id)
            return
        if not self.available or self._muted or self._volume <= 0:
            return
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() == QSoundEffect.Status.Error:
            return
        if self._cues[cue_id].kind == "speech":
            self.stop()
        elif effect.isPlaying():
            effect.stop()
        effect.play()

    def stop(self) -> None:
        for effect in self._effects.values():
            if effect.isPlaying():
                effect.stop()

    def set_volume(self, volume: float) -> None:
        self._volume = clamp_volume(volume)
        gain = output_gain(self._volume)
        for effect in self._effects.values():
            effect.setVolume(gain)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        for effect in self._effects.values():
            effect.setMuted(self._muted)
        if self._muted:
            self.stop()

    # -- for the Settings page and tests ------------------------------------------------
    @property
    def volume(self) -> float:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    def effect(self, cue_id: str) -> QSoundEffect | None:
        return self._effects.get(cue_id)

    # -- internals ----------------------------------------------------------------------
    def _outputs_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        if not QMediaDevices.audioOutputs():
            self.stop()
            self.available = False
            self.last_error = _(NO_DEVICE)
            return
        if not self._effects:
            self._load()  # the first time, or the first output appeared after start-up
        else:
            device = QMediaDevices.defaultAudioOutput()
            for effect in self._effects.values():
                if effect.audioDevice() != device:
                    effect.setAudioDevice(device)
        self._update_available()

    def _load(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        gain = output_gain(self._volume)
        for cue in self._cues.values():
            path = resource_path("sounds", cue.file)
            if not path.is_file():
                log.warning("cue %r: missing %s", cue.cue_id, path)
                continue
            effect = QSoundEffect(self)
            effect.setVolume(gain)
            effect.setMuted(self._muted)
            effect.statusChanged.connect(self._status_changed)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[cue.cue_id] = effect

    def _status_changed(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        for cue_id, effect in self._effects.items():
            if effect.status() == QSoundEffect.Status.Error:
                log.warning("cue %r: the sound could not be loaded or played", cue_id)
        self._update_available()

    def _update_available(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        usable = [e for e in self._effects.values() if e.status() != QSoundEffect.Status.Error]
        self.available = bool(usable)
        if not self._effects:
            self.last_error = _(NO_CLIPS)
        elif not usable:
            self.last_error = _(CLIPS_FAILED)
        elif len(usable) < len(self._effects):
            self.last_error = _(SOME_CLIPS_FAILED)
        else:
            self.last_error = None


def make_cue_player(
    settings: Settings | None = None,
    parent: QObject | None = None,
    *,
    sound_server: Callable[[], bool] = sound_server_reachable,
) -> CuePlayer:
    """The player for this machine, set to ``settings``' volume and mute.

    A :class:`SoundEffectCuePlayer` when a sound device exists, else a
    :class:`SilentCuePlayer` whose ``last_error`` says cues are shown on screen only.
    """
    volume = settings.volume / 100 if settings is not None else 1.0
    muted = not settings.sound_on if settings is not None else False
    if os.environ.get(ENV_NO_SOUND, "").strip() not in ("", "0"):
        return SilentCuePlayer(SOUND_OFF, volume, muted)
    if not sound_server() or audio_output_count() == 0:
        return SilentCuePlayer(NO_DEVICE, volume, muted)
    return SoundEffectCuePlayer(volume, muted, parent, check_server=False)


# --- optional: the system's text-to-speech -------------------------------------------------

# Engines that really speak; Qt also ships a "mock" engine for its own tests.
SPEECH_ENGINES = ("speechd", "flite", "winrt", "sapi", "darwin", "macos", "android")


def _engine_usable(engine: str) -> bool:
    if engine == "speechd":  # Qt's plug-in needs libspeechd; without it Qt logs a critical
        import ctypes.util

        return ctypes.util.find_library("speechd") is not None
    return True


class SpeechNames(QObject):
    """Speaks short free text (say, the name of an exercise with no recorded clip).

    Optional and silent by design: make it with :meth:`create`, which returns None unless
    a sound server may exist and a real engine starts without error. If the engine later
    reports an error it turns itself off. ``say`` interrupts whatever it was saying.
    """

    def __init__(self, engine: QTextToSpeech, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts = engine
        engine.setParent(self)
        self._muted = False
        self.available = True
        self.last_error: str | None = None
        engine.stateChanged.connect(self._state_changed)

    @classmethod
    def create(
        cls,
        volume: float = 1.0,
        muted: bool = False,
        parent: QObject | None = None,
        *,
        engines: Iterable[str] = SPEECH_ENGINES,
        sound_server: Callable[[], bool] = sound_server_reachable,
    ) -> SpeechNames | None:
        if not sound_server():
            return None
        from PySide6.QtTextToSpeech import QTextToSpeech

        available = QTextToSpeech.availableEngines()
        for engine in engines:
            if engine not in available or not _engine_usable(engine):
                continue
            tts = QTextToSpeech(engine)
            if tts.state() == QTextToSpeech.State.Error:
                log.info("text-to-speech engine %s: %s", engine, tts.errorString())
                tts.deleteLater()
                continue
            speech = cls(tts, parent)
            speech.set_volume(volume)
            speech.set_muted(muted)
            return speech
        return None

    def say(self, text: str) -> None:
        if not self.available or self._muted or self._tts.volume() <= 0:
            return
        self._tts.stop()
        self._tts.say(text)

    def stop(self) -> None:
        self._tts.stop()

    def set_volume(self, volume: float) -> None:
        self._tts.setVolume(clamp_volume(volume))

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._muted:
            self._tts.stop()

    def _state_changed(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Error:
            self.available = False
            self.last_error = self._tts.errorString() or _(SPEECH_FAILED)
            log.info("text-to-speech off: %s", self.last_error)
