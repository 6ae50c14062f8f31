"""Reading any audio file as 16 kHz mono, writing 16 kHz mono WAV, with clear errors.

Whisper wants 16 kHz mono float audio. Users bring whatever their recorder
made: a phone's voice memo (M4A/AAC), MP3, FLAC, OGG/Opus, or WAV of any sample
width and header (sox writes 24-bit WAV with the WAVE_FORMAT_EXTENSIBLE header,
which the standard ``wave`` module refuses). PyAV, which faster-whisper already
installs, bundles FFmpeg's decoders and resampler, so it reads all of these and
converts rate and channels. Files that hold no sound, are empty, or are longer
than an answer could be are refused in one sentence.

Recordings are written with ``wave``: plain 16-bit PCM is all the recorder needs,
and its header is re-patched on every block.
"""

from __future__ import annotations

import gc
import wave
from pathlib import Path

import numpy as np

from interview_coach.errors import UserError

SAMPLE_RATE = 16_000
MAX_SECONDS = 30 * 60
KNOWN_FORMATS = "WAV, FLAC, MP3, OGG, Opus, M4A/AAC"


def read_audio(path: Path, max_seconds: float = MAX_SECONDS) -> np.ndarray:
    """Float32 mono samples at 16 kHz in [-1, 1], from any audio file FFmpeg knows."""
    import av  # comes with faster-whisper (the voice extra)

    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path} is a directory, not an audio file.")
    if not path.exists():
        raise UserError(f"Audio file {path} not found.")
    not_audio = f"{path} is not an audio file we can read (try {KNOWN_FORMATS})."
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.FFmpegError, UnicodeDecodeError):
        raise UserError(not_audio) from None
    with container:
        if not container.streams.audio:
            raise UserError(not_audio)
        stream = container.streams.audio[0]
        _refuse_if_too_long(path, _declared_seconds(container, stream), max_seconds)
        audio = _decode(container, stream, path, max_seconds)
    if audio.size == 0:
        raise UserError(f"{path} holds no audio (0 seconds).")
    return audio


def _declared_seconds(container, stream) -> float:
    """The length the header claims (0 when it does not say), checked before decoding."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000  # av.time_base
    return 0.0


def _refuse_if_too_long(path: Path, seconds: float, max_seconds: float) -> None:
    if seconds > max_seconds:
        raise UserError(
            f"{path} is {seconds / 60:.0f} minutes long; the limit is "
            f"{max_seconds / 60:.0f} minutes for one answer."
        )


def _decode(container, stream, path: Path, max_seconds: float) -> np.ndarray:
    """Decode and resample packet by packet; a damaged packet is skipped, as players do."""
    import av

    # Only rate and sample format are converted here. FFmpeg's own downmix to mono
    # scales stereo so that speech recorded on both channels clips; the mean of the
    # channels (below) never does.
    resampler = av.AudioResampler(format="flt", rate=SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    total = 0
    limit = int(max_seconds * SAMPLE_RATE)
    try:
        for packet in container.demux(stream):
            try:
                frames = packet.decode()
            except av.error.InvalidDataError:
                continue
            if packet.size == 0:  # demux ends with an empty packet: flush the resampler too
                frames.append(None)
            for frame in frames:
                for out in resampler.resample(frame):
                    samples = out.to_ndarray().reshape(-1, len(out.layout.channels))
                    chunks.append(samples.mean(axis=1, dtype=np.float32))
                    total += chunks[-1].size
            if total > limit:
                _refuse_if_too_long(path, total / SAMPLE_RATE, max_seconds)
    except av.FFmpegError:
        if not chunks:
            raise UserError(
                f"{path} is not an audio file we can read (try {KNOWN_FORMATS})."
            ) from None
        # A file cut short (a copy interrupted, a recorder killed): keep what decoded.
    finally:
        # PyAV's resampler holds FFmpeg buffers until collected (faster-whisper #390).
        del resampler
        gc.collect()
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    # Float WAV may hold NaN or values past full scale; Whisper wants neither.
    audio = np.nan_to_num(np.concatenate(chunks), nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(audio, -1.0, 1.0).astype(np.float32, copy=False)


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
