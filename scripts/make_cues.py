"""Make the cue sounds in ``resources/sounds/`` and their manifest ``cues.json``.

Spoken cues come from ``espeak-ng -w`` (DESIGN.md section 6); the two tones (``pace`` and
``tick``) are synthesised with sox. Every clip is then trimmed of leading and trailing
silence, given a short fade, peak-normalised and written as 16 kHz mono 16-bit PCM
without dither, so the same tools give byte-identical files on every run.

Usage, from the repository root (Debian 12)::

    sudo apt-get install -y espeak-ng sox
    python3 scripts/make_cues.py            # write what changed, print a stats table
    python3 scripts/make_cues.py --check    # change nothing; exit 1 if anything would

The script needs only the Python standard library, so the system ``python3`` will do.
It is idempotent: files whose bytes would not change are left alone (mtime included), and
``.wav`` files in ``resources/sounds/`` that no cue uses any more are removed. Commit the
WAVs and ``cues.json`` together. Another espeak-ng or sox version may give slightly
different bytes; ``--check`` then reports those files, and re-running without it updates
them.

``cues.json`` maps each cue id to ``{"file", "text", "kind"}``: ``text`` is the on-screen
twin of the cue (UI.md "Sound": every spoken cue has one), ``kind`` is ``"speech"`` or
``"tone"``. For tones the text only names the sound; the screen shows the pace beat or the
countdown number itself.

Voice: espeak-ng's ``en-gb`` voice at 140 words a minute, pitch 40 (a little lower and
slower than the defaults: calm, and lower pitches suit age-related high-frequency hearing
loss). Its formants are sharper than the ``klatt`` variants, which sounded breathier and
more muffled. A phrase that would run longer than ``MAX_SECONDS`` is spoken a little faster
(in steps of 10 words a minute) until it fits, after first shortening the pause between
two sentences; the table shows the speed each clip used ("+p": shorter pause).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "resources" / "sounds"
MANIFEST = "cues.json"

# 16 kHz keeps everything speech needs (up to 8 kHz, the whole /s/ band) and keeps the 36
# clips under ~2 MB; 22050 Hz would be ~2.5 MB, 11025 Hz ~1.3 MB but dulls s/f/th.
RATE = 16000
VOICE = "en-gb"
PITCH = 40
SPEED = 140
FASTEST = 175
MAX_SECONDS = 2.9  # tests/ui/test_cues.py allows 3.0 s
SHORT_PAUSE = "150ms"  # between sentences, only when a clip would be too long
SPEECH_PEAK_DB = -3.0
FADE_IN = 0.005
FADE_OUT = 0.012  # short: a longer fade swallows final stop releases ("Hold" -> "Hole")
SILENCE_THRESHOLD = "-50d"  # sox silence effect: below this counts as silence


@dataclass(frozen=True)
class Cue:
    cue_id: str
    text: str  # on-screen twin
    spoken: str | None = None  # words for espeak-ng; None for a synthesised tone
    tone: tuple[str, ...] = ()  # sox arguments after "-n <out>" for a tone

    @property
    def file(self) -> str:
        return f"{self.cue_id}.wav"

    @property
    def kind(self) -> str:
        return "tone" if self.spoken is None else "speech"


def speech(cue_id: str, words: str) -> Cue:
    return Cue(cue_id, words, spoken=words)


# Tones: soft sines in the 500-900 Hz band (well heard with age-related hearing loss), with
# rounded onsets and decays so they do not click. Their RMS sits a little under the
# speech's (and their peak far under it): the pace tone may repeat every step, so gentle.
PACE_TONE = (
    "synth", "0.12", "sine", "523.25",  # C5
    "fade", "h", "0.008", "0.12", "0.07",
    "gain", "-n", "-17",
)  # fmt: skip
TICK_TONE = (
    "synth", "0.08", "sine", "784",  # G5: higher than the pace tone, so the two differ
    "fade", "h", "0.004", "0.08", "0.06",
    "gain", "-n", "-16",
)  # fmt: skip

CUES: tuple[Cue, ...] = (
    speech("hold", "Hold"),
    speech("relax", "Relax"),
    speech("rest", "Rest"),
    speech("other_side", "Other side"),
    speech("start", "Start"),  # a timed exercise step begins (core.exercises CueId.START)
    Cue("pace", "Step", tone=PACE_TONE),
    Cue("tick", "Countdown", tone=TICK_TONE),
    speech("routine_complete", "Routine complete. Well done."),
    speech("get_ready", "Get ready"),
    speech("start_walking", "Start walking at a comfortable pace"),
    speech("find_a_seat_soon", "Find a seat soon"),
    speech("time_to_rest", "Time to rest. Sit down or lean forward."),
    speech("ready_when_you_are", "Press ready when your legs have settled"),
    speech("walk_complete", "Walk complete. Well done."),
    speech("test_time_limit", "Thirty minutes. You can stop now."),
    speech("paused", "Paused"),
    speech("resumed", "Let's go on"),
)

# Exercise id -> the short name spoken after "Next:".
EXERCISE_NAMES: dict[str, str] = {
    "knee-to-chest-single": "single knee to chest",
    "knee-to-chest-double": "double knee to chest",
    "pelvic-tilt": "pelvic tilt",
    "childs-pose": "child's pose",
    "glute-bridge": "glute bridge",
    "abdominal-bracing": "tummy bracing",
    "supine-hamstring-stretch": "hamstring stretch",
    "seated-forward-bend": "seated forward bend",
    "knee-to-chest-seated": "seated knee hug",
    "pelvic-tilt-seated": "seated pelvic tilt",
    "abdominal-bracing-seated": "seated tummy bracing",
    "seated-hamstring-stretch": "seated hamstring stretch",
    "sit-to-stand": "sit to stand",
    "standing-forward-lean": "forward lean at the counter",
    "hip-flexor-stretch": "hip flexor stretch",
    "stationary-cycling": "cycling",
    "chin-tuck": "chin tuck",
    "shoulder-blade-squeeze": "shoulder blade squeeze",
    "neck-turn": "neck turn",
}


def all_cues() -> list[Cue]:
    cues = list(CUES)
    for exercise_id, name in EXERCISE_NAMES.items():
        words = f"Next: {name[0].upper()}{name[1:]}"
        cues.append(speech(f"next-{exercise_id}", words))
    return cues


def manifest(cues: list[Cue]) -> dict[str, dict[str, str]]:
    return {c.cue_id: {"file": c.file, "text": c.text, "kind": c.kind} for c in cues}


# --- making the clips --------------------------------------------------------------------


def run(*args: str) -> None:
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{result.stderr.strip()}")


def finish(raw: Path, out: Path, peak_db: float | None) -> None:
    """Trim silence at both ends, fade, normalise; write RATE Hz mono 16-bit PCM, no dither."""
    effects = [
        "rate", "-v", str(RATE),
        "silence", "1", "0.005", SILENCE_THRESHOLD,  # trim the start
        "reverse",
        "silence", "1", "0.005", SILENCE_THRESHOLD,  # trim the (reversed) end
        "fade", "h", str(FADE_OUT),  # fade-in of the reversed clip = its fade-out
        "reverse",
        "fade", "h", str(FADE_IN),
    ]  # fmt: skip
    if peak_db is not None:
        effects += ["gain", "-n", str(peak_db)]
    run("sox", "-D", str(raw), "-D", "-r", str(RATE), "-c", "1", "-b", "16",
        "-e", "signed-integer", str(out), *effects)  # fmt: skip


def attempts(words: str) -> list[tuple[int, str, bool]]:
    """(speed, text, is_ssml) to try in turn until the clip fits in ``MAX_SECONDS``.

    First the plain words at ``SPEED``; then, for more than one sentence, a shorter pause
    between the sentences; only then faster speech.
    """
    plain = [(SPEED, words, False)]
    if ". " not in words:
        return plain + [(s, words, False) for s in range(SPEED + 10, FASTEST + 1, 10)]
    ssml = "<speak>" + escape(words).replace(". ", f'.<break time="{SHORT_PAUSE}"/> ') + "</speak>"
    return plain + [(s, ssml, True) for s in range(SPEED, FASTEST + 1, 10)]


def make_speech(cue: Cue, out: Path, work: Path) -> str:
    """Speak ``cue``; return how: the words-a-minute speed, "+p" if the pause was shortened."""
    assert cue.spoken is not None
    raw = work / f"{cue.cue_id}.raw.wav"
    for speed, text, is_ssml in attempts(cue.spoken):
        run("espeak-ng", *(["-m"] if is_ssml else []), "-v", VOICE, "-s", str(speed),
            "-p", str(PITCH), "-w", str(raw), text)  # fmt: skip
        finish(raw, out, SPEECH_PEAK_DB)
        if duration(out) <= MAX_SECONDS:
            break
    return f"{speed}{'+p' if is_ssml else ''}"


def make_tone(cue: Cue, out: Path, work: Path) -> None:
    raw = work / f"{cue.cue_id}.raw.wav"
    run("sox", "-D", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(raw), *cue.tone)
    finish(raw, out, None)  # the tone sets its own (soft) level


# --- checking the clips ------------------------------------------------------------------


def duration(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


def stats(path: Path) -> tuple[float, float, float]:
    """(duration s, peak dBFS, RMS dBFS) of a 16-bit mono WAV."""
    with wave.open(str(path), "rb") as w:
        if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, RATE):
            raise SystemExit(f"{path.name}: not {RATE} Hz mono 16-bit")
        samples = array("h", w.readframes(w.getnframes()))
        if sys.byteorder == "big":
            samples.byteswap()
    if not samples:
        return 0.0, -math.inf, -math.inf
    peak = max(abs(s) for s in samples) / 32768
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768
    return len(samples) / RATE, to_db(peak), to_db(rms)


def to_db(x: float) -> float:
    return 20 * math.log10(x) if x > 0 else -math.inf


def problems(dur: float, peak: float, rms: float) -> list[str]:
    found = []
    if dur > MAX_SECONDS:
        found.append(f"longer than {MAX_SECONDS} s")
    if dur < 0.05:
        found.append("shorter than 0.05 s")
    if peak > -0.5:
        found.append("clipped or too hot")
    if rms < -40:
        found.append("nearly silent")
    return found


# --- main --------------------------------------------------------------------------------


def build(work: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """Make every file in ``work``; return {file name: bytes} and {cue id: speed}."""
    cues = all_cues()
    speeds: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for cue in cues:
        out = work / cue.file
        if cue.spoken is None:
            make_tone(cue, out, work)
            speeds[cue.cue_id] = "-"
        else:
            speeds[cue.cue_id] = make_speech(cue, out, work)
        files[cue.file] = out.read_bytes()
    text = json.dumps(manifest(cues), indent=2, ensure_ascii=False) + "\n"
    files[MANIFEST] = text.encode("utf-8")
    return files, speeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on drift")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)

    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"{tool} not found: sudo apt-get install -y espeak-ng sox", file=sys.stderr)
            return 2

    with tempfile.TemporaryDirectory(prefix="make_cues-") as tmp:
        work = Path(tmp)
        files, speeds = build(work)

        print(f"{'cue':34} {'speed':>6} {'secs':>5} {'peak':>6} {'RMS':>6}")
        bad = []
        for cue in all_cues():
            dur, peak, rms = stats(work / cue.file)
            speed = speeds[cue.cue_id]
            flags = problems(dur, peak, rms)
            bad += [f"{cue.file}: {p}" for p in flags]
            print(
                f"{cue.cue_id:34} {speed:>6} {dur:5.2f} {peak:6.1f} {rms:6.1f}"
                + (f"  <- {', '.join(flags)}" if flags else "")
            )
    total = sum(len(data) for data in files.values())
    print(f"{len(files) - 1} WAVs + {MANIFEST}, {total / 1024:.0f} KiB in all (dB are dBFS)")
    if bad:
        print("problems:\n  " + "\n  ".join(bad), file=sys.stderr)
        return 1

    changed = [
        name
        for name, data in files.items()
        if not (args.out / name).is_file() or (args.out / name).read_bytes() != data
    ]
    stale = sorted(
        p.name for p in args.out.glob("*.wav") if p.name not in files
    ) if args.out.is_dir() else []  # fmt: skip

    if args.check:
        for name in changed:
            print(f"would write {name}")
        for name in stale:
            print(f"would remove {name}")
        return 1 if changed or stale else 0

    args.out.mkdir(parents=True, exist_ok=True)
    for name in changed:
        (args.out / name).write_bytes(files[name])
        print(f"wrote {name}")
    for name in stale:
        (args.out / name).unlink()
        print(f"removed {name}")
    if not changed and not stale:
        print("up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
