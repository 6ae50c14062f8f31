"""How the voice sounded: loudness, pitch variation and trailing off, from the samples.

Pace, fillers and pauses come from the words (``delivery``). An interviewer also
hears a voice that is too quiet, stays on one note, or fades at the end of each
sentence, and those live in the sound itself. Everything here is plain numpy on
the samples already recorded (no new dependency), in the domain so it is tested
without audio devices. Targets, tips and reliability notes are data
(``rubrics/speech/voice_delivery.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from interview_coach.domain.datafiles import DataFileError, check_keys, expect_str, read_toml

FRAME_S = 0.032
# Frames this far below the loudest are room noise, not speech.
SPEECH_RANGE_DB = 30.0
NOISE_MARGIN_DB = 10.0
MIN_F0, MAX_F0 = 70.0, 400.0
VOICED_CORRELATION = 0.5
PITCH_FRAME_S = 0.040
PITCH_BATCH = 256  # frames per batch of FFTs
RUN_GAP_S = 0.25  # a quiet gap this long ends a stretch of speech
MIN_RUN_S = 1.0  # stretches shorter than this are words, not sentences
TAIL_S = 0.4
SILENT_DBFS = -100.0


@dataclass(frozen=True)
class Targets:
    too_quiet_dbfs: float
    monotone_semitones: float
    trailing_drop_db: float
    trailing_share: float
    tips: dict[str, str]
    reliability: dict[str, str]
    note: str = ""


@dataclass(frozen=True)
class VoiceDelivery:
    """The three figures (None when there was too little speech to measure)."""

    speech_s: float
    loudness_dbfs: float | None
    pitch_spread_semitones: float | None
    pitch_median_hz: float | None
    sentences: int
    trailing_off: int

    def notes(self, targets: Targets | None = None) -> list[str]:
        """One-line tips for what missed its target."""
        t = targets or default_targets()
        tips = []
        if self.loudness_dbfs is not None and self.loudness_dbfs < t.too_quiet_dbfs:
            tips.append(t.tips["loudness"])
        spread = self.pitch_spread_semitones
        if spread is not None and spread < t.monotone_semitones:
            tips.append(t.tips["pitch"])
        if self.sentences and self.trailing_off / self.sentences >= t.trailing_share:
            tips.append(t.tips["trailing_off"])
        return tips

    def to_json(self, targets: Targets | None = None) -> dict[str, Any]:
        t = targets or default_targets()
        return {
            "speech_s": round(self.speech_s, 2),
            "loudness_dbfs": _round(self.loudness_dbfs),
            "pitch_spread_semitones": _round(self.pitch_spread_semitones),
            "pitch_median_hz": _round(self.pitch_median_hz, 0),
            "sentences": self.sentences,
            "trailing_off": self.trailing_off,
            "targets": {
                "loudness_dbfs_at_least": t.too_quiet_dbfs,
                "pitch_spread_semitones_at_least": t.monotone_semitones,
                "trailing_off_share_below": t.trailing_share,
            },
            "tips": self.notes(t),
            "reliability": dict(t.reliability),
            "note": t.note,
        }


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)


def voice_delivery(samples: np.ndarray, sample_rate: int) -> VoiceDelivery:
    """Loudness, pitch spread and trailing off of float samples in [-1, 1], mono."""
    audio = np.asarray(samples, dtype=np.float64).reshape(-1)
    size = max(1, int(FRAME_S * sample_rate))
    count = audio.size // size
    if count == 0:
        return VoiceDelivery(0.0, None, None, None, 0, 0)
    frames = audio[: count * size].reshape(count, size)
    power = np.einsum("ij,ij->i", frames, frames) / size  # mean square, no squared copy
    level = 10 * np.log10(np.maximum(power, 1e-10))
    floor = float(np.percentile(level, 3))  # the quietest frames: room noise
    threshold = float(level.max()) - SPEECH_RANGE_DB
    if floor + NOISE_MARGIN_DB < level.max():  # quiet frames exist: stay above their noise
        threshold = max(threshold, floor + NOISE_MARGIN_DB)
    speech = level > threshold
    if level.max() <= SILENT_DBFS or not speech.any():
        return VoiceDelivery(0.0, None, None, None, 0, 0)
    loudness = float(np.median(level[speech]))
    f0 = _pitch(audio, sample_rate, speech, size)
    spread = median = None
    if f0.size >= 10:
        median = float(np.median(f0))
        semitones = 12 * np.log2(f0 / median)
        low, high = np.percentile(semitones, [5, 95])
        kept = semitones[(semitones >= low) & (semitones <= high)]  # octave errors
        spread = float(np.std(kept))
    runs = _runs(speech, FRAME_S)
    tail = max(1, round(TAIL_S / FRAME_S))
    trailing = sum(
        1
        for start, end in runs
        if np.median(level[start:end]) - np.mean(level[end - tail : end])
        >= default_targets().trailing_drop_db
    )
    return VoiceDelivery(
        float(speech.sum() * FRAME_S), loudness, spread, median, len(runs), trailing
    )


def _pitch(audio: np.ndarray, rate: int, speech: np.ndarray, hop: int) -> np.ndarray:
    """F0 of each voiced speech frame by normalised autocorrelation (70-400 Hz), in
    batches of FFTs (about 0.02 s for a 90 s answer). Batches keep the transforms of
    a two-minute answer from holding some 130 MB at once."""
    width = int(PITCH_FRAME_S * rate)
    low, high = int(rate / MAX_F0), min(int(rate / MIN_F0), width - 1)
    starts = np.flatnonzero(speech) * hop
    starts = starts[starts + width <= audio.size]
    if starts.size == 0 or high <= low:
        return np.zeros(0)
    batches = [
        _batch_pitch(audio, starts[first : first + PITCH_BATCH], width, low, high)
        for first in range(0, starts.size, PITCH_BATCH)
    ]
    return rate / np.concatenate(batches).astype(np.float64)


def _batch_pitch(audio: np.ndarray, starts: np.ndarray, width: int, low: int, high: int):
    """The autocorrelation lag of each voiced frame starting at ``starts``."""
    frames = audio[starts[:, None] + np.arange(width)]
    frames = frames - frames.mean(axis=1, keepdims=True)
    energy = np.einsum("ij,ij->i", frames, frames)
    spectrum = np.fft.rfft(frames, 2 * width, axis=1)
    correlation = np.fft.irfft(spectrum * np.conj(spectrum), axis=1)[:, low:high]
    correlation = correlation / np.maximum(energy, 1e-12)[:, None]
    best = np.argmax(correlation, axis=1)
    voiced = (correlation[np.arange(best.size), best] >= VOICED_CORRELATION) & (energy > 0)
    return low + best[voiced]


def _runs(speech: np.ndarray, frame_s: float) -> list[tuple[int, int]]:
    """(start, end) frame indexes of stretches of speech at least MIN_RUN_S long,
    bridging quiet gaps shorter than RUN_GAP_S."""
    gap = round(RUN_GAP_S / frame_s)
    runs: list[tuple[int, int]] = []
    start = last = None
    for index in np.flatnonzero(speech):
        if start is None:
            start = last = int(index)
        elif index - last > gap:
            runs.append((start, last + 1))
            start = int(index)
        last = int(index)
    if start is not None:
        runs.append((start, last + 1))
    return [(s, e) for s, e in runs if (e - s) * frame_s >= MIN_RUN_S]


@lru_cache(maxsize=1)
def default_targets() -> Targets:
    from interview_coach.locations import bundled_data_dir

    return load_targets(bundled_data_dir("rubrics") / "speech" / "voice_delivery.toml")


def load_targets(path: Path) -> Targets:
    data, text = read_toml(path)
    fields = {
        "loudness": ("too_quiet_dbfs",),
        "pitch": ("monotone_semitones",),
        "trailing_off": ("drop_db", "share"),
    }
    check_keys(data, {*fields, "note"}, path, text, "the voice delivery file")
    note = expect_str(data.get("note"), path, text, "note", "the voice delivery file")
    numbers: dict[str, float] = {}
    tips, reliability = {}, {}
    for section, keys in fields.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise DataFileError(f"{path}: the [{section}] table is missing.")
        check_keys(table, {*keys, "tip", "reliability"}, path, text, f"[{section}]")
        for key in keys:
            value = table.get(key)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise DataFileError(f"{path}: '{key}' in [{section}] must be a number.")
            numbers[key] = float(value)
        tips[section] = expect_str(table.get("tip"), path, text, "tip", f"[{section}]")
        reliability[section] = expect_str(
            table.get("reliability"), path, text, "reliability", f"[{section}]"
        )
    if not 0 < numbers["share"] <= 1:
        raise DataFileError(f"{path}: 'share' in [trailing_off] must be between 0 and 1.")
    return Targets(
        numbers["too_quiet_dbfs"],
        numbers["monotone_semitones"],
        numbers["drop_db"],
        numbers["share"],
        tips,
        reliability,
        note,
    )
