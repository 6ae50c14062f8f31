"""Turn-taking: the interviewer speaks, then listens, and never both into one recording.

One ``Interviewer`` per app holds the one speech engine and one lock: a line is
synthesised to audio (pyttsx3/espeak-ng, ``tts.py``) and played block by block,
so it can be stopped between two 32 ms blocks, which ``say()`` through the
``aplay`` program cannot. ``speak_then_listen`` runs one turn on a thread: the
microphone is already open while the line plays, so recording is ready the
moment speech ends (no device to open then), and if the candidate starts
talking over the interviewer (barge-in), speech stops and the audio from a
little before the barge-in becomes the start of the answer.

Echo: on laptop speakers the microphone also hears the interviewer. A barge-in
needs a quarter-second of continuous speech above the VAD's threshold, which
espeak-ng through speakers can still reach; headphones, or the ``barge_in``
setting turned off, avoid that.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from interview_coach.speech.audio_files import SAMPLE_RATE, read_audio
from interview_coach.speech.voice_activity import BLOCK, VoiceActivity

BARGE_IN_BLOCKS = 8  # 0.26 s of continuous speech interrupts the interviewer
PRE_ROLL_BLOCKS = 12  # 0.38 s kept from before the barge-in: the first word is not cut
CUE_HZ, CUE_S = 880.0, 0.12  # the "your turn" beep


class AudioOutput(Protocol):
    def play(self, audio: np.ndarray, stop: threading.Event) -> bool:
        """Play 16 kHz mono float32; return False when ``stop`` cut it short."""
        ...


class SoundDeviceOutput:
    """The default output device through PortAudio, written in blocks so it can stop."""

    def play(self, audio: np.ndarray, stop: threading.Event) -> bool:
        from interview_coach.speech.recorder import load_sounddevice

        sd = load_sounddevice()
        with sd.OutputStream(
            samplerate=SAMPLE_RATE, channels=1, dtype="float32", blocksize=BLOCK
        ) as stream:
            for index in range(0, audio.size, BLOCK):
                if stop.is_set():
                    return False
                stream.write(np.ascontiguousarray(audio[index : index + BLOCK]).reshape(-1, 1))
        return True


class PacedSilentOutput:
    """Plays nothing but takes as long as the audio would (benchmarks, tests)."""

    def play(self, audio: np.ndarray, stop: threading.Event) -> bool:
        return not stop.wait(audio.size / SAMPLE_RATE)


def cue_tone() -> np.ndarray:
    t = np.arange(int(CUE_S * SAMPLE_RATE)) / SAMPLE_RATE
    fade = np.minimum(1.0, np.minimum(t, CUE_S - t) / 0.01)
    return (0.2 * np.sin(2 * np.pi * CUE_HZ * t) * fade).astype(np.float32)


@dataclass
class Interviewer:
    """The one voice of the app: every spoken line and cue goes through here."""

    synthesise: Callable[[str, Path], None]  # a Speaker's ``save``
    output: AudioOutput
    folder: Path  # for the short-lived synthesised WAV files
    spoken: list[tuple[str, bool]] = field(default_factory=list)  # (line, finished)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _current: threading.Event = field(default_factory=threading.Event)  # the line playing
    _cache: dict[str, np.ndarray] = field(default_factory=dict)

    def audio_for(self, text: str) -> np.ndarray:
        """The line as audio; kept, so a line prepared while the candidate answers
        (the next question) starts without waiting for synthesis."""
        if text not in self._cache:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = self.folder / f"line-{threading.get_ident()}.wav"
            try:
                self.synthesise(text, path)
                audio = read_audio(path)
            finally:
                path.unlink(missing_ok=True)
            if len(self._cache) > 32:
                self._cache.clear()
            self._cache[text] = audio
        return self._cache[text]

    def prepare(self, text: str) -> None:
        with self._lock:
            self.audio_for(text)

    def say(
        self,
        text: str,
        on_start: Callable[[], None] | None = None,
        halt: threading.Event | None = None,
    ) -> bool:
        """Speak a line to the end, or until ``halt`` is set (or ``stop`` is called);
        False when it was cut short. A turn passes its own ``halt``, so a stop asked
        for before the line began is not forgotten."""
        halt = halt or threading.Event()
        with self._lock:
            self._current = halt
            if halt.is_set():
                return False
            audio = self.audio_for(text)
            if on_start is not None:
                on_start()
            finished = self.output.play(audio, halt)
            self.spoken.append((text, finished))
            return finished

    def cue(self) -> None:
        with self._lock:
            self._current = threading.Event()
            self.output.play(cue_tone(), self._current)

    def stop(self) -> None:
        """Stop speaking now; returns once the engine is quiet (the lock is free)."""
        self._current.set()
        with self._lock:
            pass


class ResumedSource:
    """An open audio source read through one iterator, with blocks put back in front.

    The blocks heard during a barge-in are the first words of the answer; the
    recorder then reads on from the same open stream, so nothing is lost between.
    """

    def __init__(self, source) -> None:
        self.source = source
        self._blocks = source.blocks()
        self.front: list[np.ndarray] = []

    def blocks(self) -> Iterator[np.ndarray]:
        while self.front:
            yield self.front.pop(0)
        yield from self._blocks

    def close(self) -> None:
        self.source.close()

    def problem(self) -> str | None:
        problem = getattr(self.source, "problem", None)
        return problem() if callable(problem) else None

    @property
    def stalled_after_s(self) -> float | None:
        return getattr(self.source, "stalled_after_s", None)


@dataclass
class TurnStart:
    barged_in: bool
    line_ended: float  # perf_counter when the line stopped (finished or interrupted)
    ready: float  # perf_counter when the cue was given and the recorder could take over


def speak_then_listen(
    interviewer: Interviewer,
    line: str,
    source: ResumedSource,
    *,
    barge_in: bool = True,
    cue: bool = True,
    on_speaking: Callable[[], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> TurnStart:
    """Speak ``line`` while reading the open ``source``; leave in ``source.front``
    what the answer should start with. The speaking runs on a helper thread; this
    one listens, and stops the speech on a barge-in (or on ``should_stop``)."""
    if not line:
        if cue:
            interviewer.cue()
        now = time.perf_counter()
        return TurnStart(False, now, now)
    done, halt = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    ended = [0.0]

    def talk() -> None:
        try:
            interviewer.say(line, on_speaking, halt)
        except BaseException as exc:  # reported on the listening thread
            errors.append(exc)
        finally:
            ended[0] = time.perf_counter()
            done.set()

    speaker = threading.Thread(target=talk, name="interviewer", daemon=True)
    speaker.start()
    vad = VoiceActivity()
    recent: deque[np.ndarray] = deque(maxlen=PRE_ROLL_BLOCKS)
    run = 0  # blocks of speech in a row
    barged = stopped = False
    for block in source._blocks:
        recent.append(block)
        run = run + 1 if vad.is_speech(block) else 0
        if barge_in and run >= BARGE_IN_BLOCKS:
            barged = True
            break
        stopped = should_stop is not None and should_stop()
        if done.is_set() or stopped:
            break
    if not (barged or stopped):
        done.wait()  # the microphone ended first: the line is still said to the end
    halt.set()  # speech always stops before the recording starts
    speaker.join()
    line_ended = ended[0]
    if errors:
        raise errors[0]
    if barged or (barge_in and run):
        # Barge-in, or the candidate had just begun as the line ended: keep those words.
        source.front = list(recent)
    elif cue:
        interviewer.cue()
    return TurnStart(barged, line_ended, time.perf_counter())


def make_interviewer(
    voice: str | None, rate: int | None, folder: Path, output: AudioOutput | None = None
) -> Interviewer:
    """pyttsx3 (espeak-ng) into the default speakers; raises SpeechUnavailable."""
    from interview_coach.speech.tts import Pyttsx3Speaker

    return Interviewer(Pyttsx3Speaker(voice, rate).save, output or SoundDeviceOutput(), folder)
