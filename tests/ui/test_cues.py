"""Cue sounds: the committed clips and manifest, the fake player, and the silent no-device path.

The real ``QSoundEffect`` path is only exercised in a child process: on a machine without a
sound server, merely asking QtMultimedia for its outputs logs Qt warnings, and Qt warnings
fail tests.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import subprocess
import sys
import wave
from array import array
from pathlib import Path

import pytest

from stenosis_coach.core.settings import Settings
from stenosis_coach.resources import resource_path
from stenosis_coach.ui import cues
from stenosis_coach.ui.cues import (
    ENV_NO_SOUND,
    NO_DEVICE,
    SOUND_OFF,
    CuePlayer,
    FakeCuePlayer,
    SilentCuePlayer,
    SoundEffectCuePlayer,
    SpeechNames,
    cue_manifest,
    cue_text,
    make_cue_player,
    output_gain,
)

SOUNDS = resource_path("sounds")
ROOT = Path(__file__).resolve().parents[2]

CUE_IDS = {
    "hold", "relax", "rest", "other_side", "pace", "tick", "routine_complete", "get_ready",
    "start_walking", "find_a_seat_soon", "time_to_rest", "ready_when_you_are",
    "walk_complete", "test_time_limit", "paused", "resumed", "start",
}  # fmt: skip
EXERCISE_IDS = {
    "knee-to-chest-single", "knee-to-chest-double", "pelvic-tilt", "childs-pose",
    "glute-bridge", "abdominal-bracing", "supine-hamstring-stretch", "seated-forward-bend",
    "knee-to-chest-seated", "pelvic-tilt-seated", "abdominal-bracing-seated",
    "seated-hamstring-stretch", "sit-to-stand", "standing-forward-lean", "hip-flexor-stretch",
    "stationary-cycling", "chin-tuck", "shoulder-blade-squeeze", "neck-turn",
}  # fmt: skip


def manifest_json() -> dict[str, dict[str, str]]:
    return json.loads((SOUNDS / "cues.json").read_text(encoding="utf-8"))


@pytest.fixture
def no_sound_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make the Linux sound-server probe find nothing, whatever runs on this machine."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.delenv("PIPEWIRE_REMOTE", raising=False)
    monkeypatch.delenv(ENV_NO_SOUND, raising=False)
    monkeypatch.setattr(cues, "_linux_sound_server_sockets", lambda: [tmp_path / "none"])
    if not sys.platform.startswith("linux"):  # elsewhere the probe defers to Qt
        monkeypatch.setenv(ENV_NO_SOUND, "1")


def explode() -> int:
    raise AssertionError("QtMultimedia must not be asked")


# --- the clips and the manifest --------------------------------------------------------------


def test_manifest_lists_every_cue_with_a_file_and_an_on_screen_twin():
    data = manifest_json()
    expected = CUE_IDS | {f"next-{e}" for e in EXERCISE_IDS}
    assert expected <= set(data)
    for cue_id, entry in data.items():
        assert entry["file"] == f"{cue_id}.wav"
        assert entry["text"].strip(), cue_id
        assert entry["kind"] in ("speech", "tone")
        assert (SOUNDS / entry["file"]).is_file(), entry["file"]
    assert {data[t]["kind"] for t in ("pace", "tick")} == {"tone"}
    assert data["next-childs-pose"]["text"] == "Next: Child's pose"
    assert data["time_to_rest"]["text"] == "Time to rest. Sit down or lean forward."


def test_every_wav_in_the_folder_is_a_listed_cue():
    listed = {entry["file"] for entry in manifest_json().values()}
    assert {p.name for p in SOUNDS.glob("*.wav")} == listed


@pytest.mark.parametrize("file", sorted(e["file"] for e in manifest_json().values()))
def test_each_clip_is_short_mono_16_bit_pcm_and_neither_silent_nor_clipped(file):
    path = SOUNDS / file
    head = path.read_bytes()[:12]
    assert head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    with wave.open(str(path), "rb") as w:
        assert w.getcomptype() == "NONE"  # PCM
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        assert w.getframerate() in (16000, 22050, 44100, 48000)
        seconds = w.getnframes() / w.getframerate()
        samples = array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    assert 0.05 < seconds <= 3.0
    peak = max(abs(s) for s in samples)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    assert peak < 32000  # not clipped (the script normalises speech to -3 dBFS)
    assert rms > 32768 * 10 ** (-40 / 20)  # not silent


def test_the_clips_stay_small():
    total = sum(p.stat().st_size for p in SOUNDS.iterdir())
    assert total < 2_000_000


def test_manifest_matches_the_script_that_makes_it(monkeypatch):
    spec = importlib.util.spec_from_file_location("make_cues", ROOT / "scripts" / "make_cues.py")
    assert spec is not None and spec.loader is not None
    make_cues = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_cues", make_cues)  # dataclasses look it up
    spec.loader.exec_module(make_cues)
    assert make_cues.manifest(make_cues.all_cues()) == manifest_json()


def test_cue_text_is_the_on_screen_twin():
    assert cue_text("hold") == "Hold"
    assert cue_text("resumed") == "Let's go on"
    assert cue_text("next-sit-to-stand") == "Next: Sit to stand"
    assert cue_text("no-such-cue") is None
    assert set(cue_manifest()) == set(manifest_json())


# --- the fake --------------------------------------------------------------------------------


def test_fake_player_records_calls_and_what_would_be_heard():
    player = FakeCuePlayer()
    assert isinstance(player, CuePlayer)
    player.play("hold")
    player.set_muted(True)
    player.play("relax")
    player.set_muted(False)
    player.set_volume(0.0)
    player.play("rest")
    player.set_volume(1.7)
    player.play("tick")
    player.stop()
    assert player.played == ["hold", "relax", "rest", "tick"]
    assert player.heard == ["hold", "tick"]
    assert player.volume == 1.0
    assert player.calls[:3] == [("play", "hold"), ("set_muted", True), ("play", "relax")]
    assert player.calls[-1] == ("stop", None)


def test_strict_fake_refuses_a_cue_with_no_clip():
    player = FakeCuePlayer(strict=True)
    player.play("next-neck-turn")
    with pytest.raises(KeyError, match="no-such-cue"):
        player.play("no-such-cue")
    assert player.played == ["next-neck-turn"]


# --- no sound device -------------------------------------------------------------------------


def test_without_a_sound_server_the_player_is_silent_and_qt_is_not_asked(
    qtbot, no_sound_server, monkeypatch
):
    monkeypatch.setattr(cues, "audio_output_count", explode)
    player = make_cue_player(Settings(volume=60, sound_on=False))
    assert isinstance(player, SilentCuePlayer)
    assert isinstance(player, CuePlayer)
    assert player.available is False
    assert player.last_error == NO_DEVICE
    assert (player.volume, player.muted) == (0.6, True)
    player.set_volume(0.3)
    player.set_muted(False)
    player.play("hold")
    player.stop()
    assert (player.volume, player.muted) == (0.3, False)


def test_on_this_machine_without_sound_make_cue_player_is_silent_without_qt_warnings(
    qtbot, monkeypatch
):
    monkeypatch.delenv(ENV_NO_SOUND, raising=False)  # the suite switches sound off
    if cues.sound_server_reachable():
        pytest.skip("this machine has a sound server; see test_real_player_in_a_child_process")
    player = make_cue_player(Settings())
    assert player.available is False
    assert player.last_error == NO_DEVICE


def test_sound_can_be_switched_off_for_the_run(qtbot, monkeypatch):
    monkeypatch.setenv(ENV_NO_SOUND, "1")
    monkeypatch.setattr(cues, "audio_output_count", explode)
    player = make_cue_player(Settings(), sound_server=lambda: True)
    assert isinstance(player, SilentCuePlayer)
    assert player.last_error == SOUND_OFF
    assert cues.sound_server_reachable() is False


def test_real_player_with_no_server_creates_no_sound_effects(qtbot, no_sound_server):
    player = SoundEffectCuePlayer(volume=0.5, muted=False)
    assert isinstance(player, CuePlayer)
    assert player.available is False
    assert player.last_error == NO_DEVICE
    assert player.effect("hold") is None
    player.play("hold")
    player.set_volume(2.0)
    player.set_muted(True)
    player.stop()
    assert (player.volume, player.muted) == (1.0, True)


def test_speech_names_is_not_made_without_a_sound_server(qtbot, no_sound_server):
    assert SpeechNames.create() is None


def test_volume_slider_maps_to_a_cubic_gain():
    assert output_gain(0) == 0
    assert output_gain(1) == 1
    assert output_gain(-1) == 0 and output_gain(3) == 1
    assert 20 * math.log10(output_gain(0.8)) == pytest.approx(-5.8, abs=0.1)
    positions = [i / 10 for i in range(11)]
    gains = [output_gain(p) for p in positions]
    assert gains == sorted(gains)


# --- importing, and the real player in a child process --------------------------------------

IMPORT_CHECK = """
import sys
import stenosis_coach.ui.cues
from PySide6.QtCore import QCoreApplication
assert QCoreApplication.instance() is None
loaded = [m for m in ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech") if m in sys.modules]
assert not loaded, loaded
"""

REAL_PLAYER = """
import json
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from PySide6.QtMultimedia import QMediaDevices
from stenosis_coach.ui.cues import NO_DEVICE, SoundEffectCuePlayer, cue_manifest
outputs = len(QMediaDevices.audioOutputs())
player = SoundEffectCuePlayer(volume=0.5, muted=True, check_server=False)
effects = [k for k in cue_manifest() if player.effect(k) is not None]
hold = player.effect("hold")
player.set_volume(1.0)
player.set_muted(False)
print(json.dumps({
    "outputs": outputs,
    "available": player.available,
    "last_error": player.last_error,
    "effects": len(effects),
    "cues": len(cue_manifest()),
    "hold": None if hold is None else [hold.volume(), hold.isMuted()],
}))
"""


def run_child(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(ENV_NO_SOUND, None)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


def test_importing_cues_creates_no_qobject_and_loads_no_multimedia():
    result = run_child(IMPORT_CHECK)
    assert result.returncode == 0, result.stderr


def test_real_player_in_a_child_process():
    """No output: silent, no QSoundEffect made. With one: every cue preloaded, settings on."""
    result = run_child(REAL_PLAYER)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if report["outputs"] == 0:
        assert report == {
            "outputs": 0,
            "available": False,
            "last_error": NO_DEVICE,
            "effects": 0,
            "cues": report["cues"],
            "hold": None,
        }
    else:
        assert report["effects"] == report["cues"]
        assert report["hold"] == [1.0, False]
