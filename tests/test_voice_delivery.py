"""Loudness, pitch variation and trailing off, measured from the samples."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.reports import voice_summary
from interview_coach.domain.voice_delivery import default_targets, load_targets, voice_delivery

RATE = 16000
TEXT = (
    "I did not pass Step 1 on my first attempt. I met a tutor every week, and I passed "
    "on my second attempt with a good score."
)


def voiced(f0: np.ndarray, amplitude: float = 0.3) -> np.ndarray:
    """A vowel-like tone: five harmonics following the pitch track ``f0`` (Hz)."""
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    return amplitude * sum(np.sin(k * phase) / k for k in range(1, 6))


def seconds(s: float) -> np.ndarray:
    return np.arange(int(s * RATE)) / RATE


def test_a_steady_tone_is_monotone_and_a_gliding_one_is_not():
    t = seconds(3)
    flat = voice_delivery(voiced(np.full(t.size, 150.0)), RATE)
    varied = voice_delivery(voiced(150 * 2 ** (3 * np.sin(2 * np.pi * 0.7 * t) / 12)), RATE)
    assert flat.pitch_median_hz == pytest.approx(150, rel=0.03)
    assert flat.pitch_spread_semitones < default_targets().monotone_semitones
    assert varied.pitch_spread_semitones > default_targets().monotone_semitones
    assert default_targets().tips["pitch"] in flat.notes()
    assert default_targets().tips["pitch"] not in varied.notes()


def test_a_fading_end_is_trailing_off_and_a_steady_end_is_not():
    t = seconds(3)
    tone = voiced(np.full(t.size, 150.0))
    fade = np.ones(t.size)
    fade[-int(0.6 * RATE) :] = np.linspace(1, 0.05, int(0.6 * RATE))
    gap = np.zeros(RATE // 2)
    fading = voice_delivery(np.concatenate([tone * fade, gap, tone * fade]), RATE)
    steady = voice_delivery(np.concatenate([tone, gap, tone]), RATE)
    assert fading.sentences == steady.sentences == 2
    assert fading.trailing_off == 2 and steady.trailing_off == 0
    assert default_targets().tips["trailing_off"] in fading.notes()


def test_silence_and_nothing_give_no_figures_and_no_tips():
    for samples in (np.zeros(RATE), np.zeros(0)):
        result = voice_delivery(samples, RATE)
        assert result.loudness_dbfs is None and result.notes() == []


@pytest.fixture(scope="module")
def espeak(tmp_path_factory):
    """espeak-ng speech of one answer at (volume, pitch range) settings."""
    from interview_coach.speech.audio_files import read_audio
    from interview_coach.speech.tts import Pyttsx3Speaker, SpeechUnavailable

    try:
        speaker = Pyttsx3Speaker(rate=150)
    except SpeechUnavailable as exc:
        pytest.skip(f"espeak-ng is not available ({exc})")
    from pyttsx3.drivers import _espeak  # loadable only once the speaker found espeak-ng

    folder = tmp_path_factory.mktemp("espeak")

    def speak(volume: float, pitch_range: int) -> np.ndarray:
        speaker._engine.setProperty("volume", volume)
        _espeak.SetParameter(_espeak.RANGE, pitch_range, 0)
        path = folder / f"v{volume}-r{pitch_range}.wav"
        speaker.save(TEXT, path)
        _espeak.SetParameter(_espeak.RANGE, 50, 0)
        speaker._engine.setProperty("volume", 1.0)
        return read_audio(path)

    return speak


def test_quiet_speech_reads_quieter_and_gets_the_tip(espeak):
    normal = voice_delivery(espeak(1.0, 50), RATE)
    quiet = voice_delivery(espeak(0.1, 50), RATE)
    assert quiet.loudness_dbfs < normal.loudness_dbfs - 12
    tip = default_targets().tips["loudness"]
    assert tip in quiet.notes() and tip not in normal.notes()


def test_a_flat_voice_varies_less_than_a_lively_one(espeak):
    flat = voice_delivery(espeak(1.0, 0), RATE)
    lively = voice_delivery(espeak(1.0, 100), RATE)
    assert flat.pitch_spread_semitones < lively.pitch_spread_semitones
    assert default_targets().tips["pitch"] in flat.notes()


def test_the_saved_figures_carry_targets_tips_and_how_far_to_trust_them(espeak):
    data = voice_delivery(espeak(0.1, 0), RATE).to_json()
    assert set(data["reliability"]) == {"loudness", "pitch", "trailing_off"}
    assert data["tips"] and data["targets"]["loudness_dbfs_at_least"] == -35.0
    assert "dBFS" in voice_summary(data) and data["tips"][0] in voice_summary(data)


def test_a_broken_voice_delivery_file_names_the_problem(tmp_path: Path):
    path = tmp_path / "voice_delivery.toml"
    path.write_text(
        "note = 'n'\n[loudness]\ntoo_quiet_dbfs = 'loud'\ntip = 'x'\nreliability = 'y'\n"
    )
    with pytest.raises(DataFileError, match="too_quiet_dbfs"):
        load_targets(path)
