"""Audio files and devices that are not what we expect get one clear sentence."""

from __future__ import annotations

import wave

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy", reason="voice extras not installed")


def _wav(path, seconds=1.0, rate=16000, channels=1):
    t = np.linspace(0, seconds, int(rate * seconds), endpoint=False)
    tone = (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.repeat(tone, channels).tobytes())
    return path


def test_other_rates_and_stereo_are_converted(tmp_path):
    from interview_coach.speech.audio_files import read_audio

    audio = read_audio(_wav(tmp_path / "a.wav", seconds=2, rate=44100, channels=2))
    assert audio.dtype == np.float32 and abs(audio.size - 32000) <= 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("just text"), "not an audio file"),
        (lambda p: _wav(p, seconds=0), "0 seconds"),
        (lambda p: p.write_bytes(b""), "not an audio file"),
        (lambda p: _long_quiet_wav(p, minutes=31), "limit is 30 minutes"),
    ],
    ids=["text", "zero-seconds", "empty", "31-minutes"],
)
def test_bad_audio_files_are_refused_by_transcribe(run_cli, tmp_path, make, message):
    path = tmp_path / "answer.wav"
    make(path)
    result = run_cli("transcribe", str(path), "--json")
    assert result.code == 2 and message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def _long_quiet_wav(path, minutes):
    """8-bit 8 kHz silence: 31 minutes in 15 MB, refused before it is decoded."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(bytes([128]) * (8000 * 60 * minutes))
    return path


def test_missing_portaudio_is_one_sentence_with_the_package_name(monkeypatch):
    import builtins

    from interview_coach.errors import UserError
    from interview_coach.speech import recorder

    real_import = builtins.__import__

    def no_portaudio(name, *args, **kwargs):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_portaudio)
    with pytest.raises(UserError, match="libportaudio2"):
        recorder.load_sounddevice()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000), st.booleans())
def test_any_bytes_as_audio_read_or_refused_in_one_sentence(data, with_header):
    import tempfile
    from pathlib import Path

    from interview_coach.errors import UserError
    from interview_coach.speech.audio_files import read_audio

    prefix = b"RIFF\x24\x08\x00\x00WAVEfmt " if with_header else b""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.wav"
        path.write_bytes(prefix + data)
        try:
            audio = read_audio(path)
        except UserError as exc:
            assert "\n" not in str(exc)
            return
    assert audio.ndim == 1 and audio.dtype == np.float32


def test_record_and_transcribe_take_their_defaults_from_settings(run_cli, data_home, tmp_path):
    """What the Settings screen saves is what the command line uses, and a bad file
    is refused with its line before anything is recorded."""
    data_home.mkdir(parents=True, exist_ok=True)
    settings = data_home / "settings.toml"
    settings.write_text("keep_audio = false\nsilence_stop_s = 0.1\n")
    out = tmp_path / "take.wav"
    result = run_cli("record", str(out))
    assert result.code == 2 and "line 2" in result.stderr
    assert "between 0.5 and 10.0" in result.stderr and not out.exists()

    settings.write_text(f'model = "{tmp_path / "no-such-model"}"\n')
    result = run_cli("transcribe", str(_wav(tmp_path / "a.wav")), "--json")
    assert result.code == 2 and "not on this computer" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


# Run the real entry point in a process where the voice extra's modules cannot be
# imported, as after `pip install interview-coach` without `[voice]`.
WITHOUT_VOICE_EXTRA = """
import sys

class NoVoiceExtra:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"numpy", "av", "faster_whisper", "sounddevice"}:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoVoiceExtra())
for loaded in [m for m in sys.modules if m.split(".")[0] in {"numpy", "av"}]:
    del sys.modules[loaded]
from interview_coach.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("command", ["transcribe", "record"])
def test_without_the_voice_extra_the_install_command_is_one_sentence(data_home, tmp_path, command):
    import os
    import subprocess
    import sys

    audio = _wav(tmp_path / "a.wav")
    target = str(audio) if command == "transcribe" else str(tmp_path / "out.wav")
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_VOICE_EXTRA, command, target, "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "INTERVIEW_COACH_HOME": str(data_home)},
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "pip install 'interview-coach[voice]'" in proc.stderr
    assert "PortAudio" in proc.stderr and "internal error" not in proc.stderr
