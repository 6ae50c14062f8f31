"""Reading and writing 16 kHz mono WAV, with clear errors for files we cannot use.

Whisper wants 16 kHz mono float audio. Other rates and stereo are converted;
files that are not WAV, are empty, or are longer than an answer could be are
refused in one sentence.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from interview_coach.errors import UserError

SAMPLE_RATE = 16_000
MAX_SECONDS = 30 * 60


def read_wav(path: Path, max_seconds: float = MAX_SECONDS) -> np.ndarray:
    """Float32 mono samples at 16 kHz in [-1, 1]."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            frames = wav.getnframes()
            if frames == 0:
                raise UserError(f"{path} holds no audio (0 seconds).")
            if frames / rate > max_seconds:
                raise UserError(
                    f"{path} is {frames / rate / 60:.0f} minutes long; the limit is "
                    f"{max_seconds / 60:.0f} minutes for one answer."
                )
            raw = wav.readframes(frames)
    except FileNotFoundError:
        raise UserError(f"Audio file {path} not found.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a directory, not a WAV file.") from None
    except (wave.Error, EOFError) as exc:
        raise UserError(f"{path} is not a WAV file we can read ({exc}).") from None
    if width not in (1, 2, 4):
        raise UserError(f"{path} uses {width * 8}-bit samples; use 16-bit PCM WAV.")
    dtype = {1: np.uint8, 2: np.int16, 4: np.int32}[width]
    samples = np.frombuffer(raw[: len(raw) - len(raw) % (width * channels)], dtype=dtype)
    if width == 1:
        audio = (samples.astype(np.float32) - 128) / 128
    else:
        audio = samples.astype(np.float32) / float(np.iinfo(dtype).max)
    if channels > 1:
        audio = audio.reshape(-1, channels).mean(axis=1)
    if rate != SAMPLE_RATE:
        audio = resample(audio, rate)
    if audio.size == 0:
        raise UserError(f"{path} holds no audio (0 seconds).")
    return audio


def resample(audio: np.ndarray, rate: int) -> np.ndarray:
    """Linear-interpolation resampling: plenty for speech recognition."""
    duration = audio.size / rate
    target = np.linspace(0, audio.size - 1, round(duration * SAMPLE_RATE))
    return np.interp(target, np.arange(audio.size), audio).astype(np.float32)


def open_wav_writer(path: Path) -> wave.Wave_write:
    """A 16 kHz mono 16-bit writer. ``writeframes`` re-patches the header on each call,
    so the file is valid up to the last block even if the app is killed."""
    writer = wave.open(str(path), "wb")  # noqa: SIM115 - the caller closes it
    writer.setnchannels(1)
    writer.setsampwidth(2)
    writer.setframerate(SAMPLE_RATE)
    return writer


def write_wav(path: Path, audio: np.ndarray) -> None:
    with open_wav_writer(path) as writer:
        writer.writeframes(to_int16(audio).tobytes())


def to_int16(audio: np.ndarray) -> np.ndarray:
    if audio.dtype == np.int16:
        return audio
    return (np.clip(audio, -1, 1) * 32767).astype(np.int16)
