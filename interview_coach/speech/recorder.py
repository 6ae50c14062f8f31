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

    def problem(self) -> str | None:
        """What went wrong with the sound while recording, in one sentence, or None."""
        ...


def load_sounddevice():
    try:
        import sounddevice
    except OSError as exc:  # raised when libportaudio is missing
        raise UserError(PORTAUDIO_HINT) from exc
    return sounddevice


# A device that sends nothing for this long has stopped (unplugged, taken by another
# program, a driver fault): the answer ends there and the user is told.
STALL_S = 2.0


class MicrophoneSource:
    """The default input device through PortAudio, 16 kHz mono.

    PortAudio reports through its status flags when the computer fell behind and
    input was dropped (an overflow); a device that stops delivering leaves the
    queue empty. Both are kept for ``problem()``, so the user hears that the
    answer has a hole or was cut short instead of a silent, shorter recording.
    """

    def __init__(self, device: int | str | None = None, stall_s: float = STALL_S) -> None:
        sd = load_sounddevice()
        self._queue: queue.Queue[np.ndarray] = queue.Queue()
        self._stall_s = stall_s
        self.overflows = 0  # callbacks that reported dropped input
        self.stalled_after_s: float | None = None
        self._received = 0
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
        if getattr(status, "input_overflow", False):
            self.overflows += 1
        self._queue.put(data[:, 0].astype(np.float32) / 32768.0)

    def blocks(self) -> Iterator[np.ndarray]:
        while True:
            try:
                block = self._queue.get(timeout=self._stall_s)
            except queue.Empty:
                self.stalled_after_s = self._received / SAMPLE_RATE
                return
            self._received += block.size
            yield block

    def problem(self) -> str | None:
        dropped = (
            f"sound was dropped {self.overflows} time{'s' if self.overflows != 1 else ''} "
            "because the computer fell behind"
        )
        if self.stalled_after_s is not None:
            return (
                f"The microphone stopped sending sound after {self.stalled_after_s:.1f} s"
                + (f" (and {dropped})" if self.overflows else "")
                + "; what was recorded until then is kept."
            )
        if self.overflows:
            return f"During the recording {dropped}; the rest of the answer is kept."
        return None

    def close(self) -> None:
        try:
            self._stream.stop()
            self._stream.close()
        except Exception:  # a device that vanished mid-answer; the recording is on disk
            pass


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

    def problem(self) -> str | None:
        return None


@dataclass
class Recording:
    path: Path
    duration_s: float
    speech_s: float
    stopped_by: str  # "silence", "limit", "source_end", "stall", "user"
    ended_at: float  # perf_counter when the last block was taken
    warning: str | None = None  # the source's problem, one sentence for the user


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
    silence_stop_s: float | Callable[[], float] = 2.5,
    vad: VoiceActivity | None = None,
    on_block: Callable[[BlockInfo, np.ndarray], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Recording:
    """Record until ``silence_stop_s`` of silence after speech, the limit, or a stop request.

    ``silence_stop_s`` may be a function, asked after each silent block, so the
    silence that ends the answer can follow what has been said so far (see
    ``voice_answer.capture_answer``); 0 means no silence stop. Every block is
    written to ``out_path`` before the next is read, so a crash loses at most 32 ms.
    """
    vad = vad or VoiceActivity()

    def silence_limit() -> int:
        seconds = silence_stop_s() if callable(silence_stop_s) else silence_stop_s
        return int(seconds * SAMPLE_RATE)

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
                if heard_speech and trailing_silence and 0 < silence_limit() <= trailing_silence:
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
    problem = getattr(source, "problem", None)
    warning = problem() if callable(problem) else None
    if stopped_by == "source_end" and getattr(source, "stalled_after_s", None) is not None:
        stopped_by = "stall"
    return Recording(
        out_path,
        total / SAMPLE_RATE,
        speech / SAMPLE_RATE,
        stopped_by,
        time.perf_counter(),
        warning,
    )
