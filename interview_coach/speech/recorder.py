"""Recording an answer: blocks from a source, to disk as they arrive, until silence.

Sources are small: the microphone (sounddevice) in the app, a WAV file in
tests and benchmarks. Silence is counted in samples, not wall-clock time, so
a simulated device that delivers audio faster than real time stops correctly.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from interview_coach.errors import UserError
from interview_coach.speech.audio_files import SAMPLE_RATE, open_wav_writer, read_audio, to_int16
from interview_coach.speech.voice_activity import BLOCK, VoiceActivity

PORTAUDIO_HINT = (
    "Voice recording needs the PortAudio library; on Debian or Ubuntu run "
    "'sudo apt-get install libportaudio2' (typed practice works without it)."
)


class AudioSource(Protocol):
    def blocks(self) -> Iterator[np.ndarray]:
        """Float32 mono 16 kHz blocks of BLOCK samples, until the source ends."""
        ...

    def close(self) -> None: ...


def load_sounddevice():
    try:
        import sounddevice
    except OSError as exc:  # raised when libportaudio is missing
        raise UserError(PORTAUDIO_HINT) from exc
    return sounddevice


class MicrophoneSource:
    """The default input device through PortAudio, 16 kHz mono."""

    def __init__(self, device: int | str | None = None) -> None:
        sd = load_sounddevice()
        self._queue: queue.Queue[np.ndarray] = queue.Queue()
        try:
            self._stream = sd.InputStream(
                # int16 so that devices (and the simulated ALSA file device in the
                # tests) hand over plain 16-bit PCM without a format conversion.
                samplerate=SAMPLE_RATE,
                channels=1,
                dtype="int16",
                blocksize=BLOCK,
                device=device,
                callback=self._callback,
            )
            self._stream.start()
        except Exception as exc:  # PortAudioError, ValueError for "no device"
            raise UserError(f"No usable microphone was found ({exc}).") from exc

    def _callback(self, data: np.ndarray, frames: int, when: object, status: object) -> None:
        self._queue.put(data[:, 0].astype(np.float32) / 32768.0)

    def blocks(self) -> Iterator[np.ndarray]:
        while True:
            try:
                yield self._queue.get(timeout=2.0)
            except queue.Empty:
                return

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()


class WavFileSource:
    """An audio file as if spoken, optionally paced at real time (for latency benchmarks)."""

    def __init__(self, path: Path, realtime: bool = False, tail_silence_s: float = 3.0) -> None:
        audio = read_audio(path)
        silence = np.zeros(int(tail_silence_s * SAMPLE_RATE), dtype=np.float32)
        self.audio = np.concatenate([audio, silence])
        self.realtime = realtime

    def blocks(self) -> Iterator[np.ndarray]:
        start = time.perf_counter()
        for index in range(0, self.audio.size - BLOCK + 1, BLOCK):
            if self.realtime:
                due = start + (index + BLOCK) / SAMPLE_RATE
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            yield self.audio[index : index + BLOCK]

    def close(self) -> None:
        return None


@dataclass
class Recording:
    path: Path
    duration_s: float
    speech_s: float
    stopped_by: str  # "silence", "limit", "source_end", "user"
    ended_at: float  # perf_counter when the last block was taken


@dataclass
class BlockInfo:
    """What the UI shows while recording: level meter, timer, speech light."""

    level: float
    elapsed_s: float
    speech: bool


def record(
    source: AudioSource,
    out_path: Path,
    max_seconds: float = 90.0,
    silence_stop_s: float = 2.5,
    vad: VoiceActivity | None = None,
    on_block: Callable[[BlockInfo, np.ndarray], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Recording:
    """Record until ``silence_stop_s`` of silence after speech, the limit, or a stop request.

    Every block is written to ``out_path`` before the next is read, so a crash
    loses at most 32 ms.
    """
    vad = vad or VoiceActivity()
    silence_limit = int(silence_stop_s * SAMPLE_RATE)
    total = speech = trailing_silence = 0
    heard_speech = False
    stopped_by = "source_end"
    with open_wav_writer(out_path) as writer:
        try:
            for block in source.blocks():
                writer.writeframes(to_int16(block).tobytes())
                total += block.size
                is_speech = vad.is_speech(block)
                if is_speech:
                    heard_speech, trailing_silence = True, 0
                    speech += block.size
                else:
                    trailing_silence += block.size
                if on_block is not None:
                    level = float(np.sqrt(np.mean(np.square(block)))) if block.size else 0.0
                    on_block(BlockInfo(level, total / SAMPLE_RATE, is_speech), block)
                if heard_speech and silence_limit and trailing_silence >= silence_limit:
                    stopped_by = "silence"
                    break
                if total >= max_seconds * SAMPLE_RATE:
                    stopped_by = "limit"
                    break
                if should_stop is not None and should_stop():
                    stopped_by = "user"
                    break
        finally:
            source.close()
    return Recording(
        out_path, total / SAMPLE_RATE, speech / SAMPLE_RATE, stopped_by, time.perf_counter()
    )
