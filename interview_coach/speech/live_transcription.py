"""Transcription while the user is still speaking.

The recording is cut into segments at pauses (and at about 10 s of unbroken
speech), and each closed segment is transcribed on a worker thread while
recording continues, so only the last few seconds remain when the user stops.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from interview_coach.speech.audio_files import SAMPLE_RATE
from interview_coach.speech.transcriber import Transcript, WhisperTranscriber, Word, join_words

PAUSE_CUT_S = 0.5
# Every call has a fixed cost (prompt, alignment, the encoder's padding), so many
# tiny segments waste time: cut at a pause only once a segment holds a few
# seconds, and always by about 10 s.
MIN_CUT_S = 4.0
END_PAUSE_S = 1.0
TAIL_KEEP_S = 0.3
CONTEXT_WORDS = 40
FORCE_CUT_S = 10.0
MIN_SEGMENT_S = 0.3
# A phrase of this many words or more said three times running is Whisper
# looping at the end of a segment, not the speaker.
LOOP_MIN_WORDS = 3
LOOP_REPEATS = 3


def collapse_repeats(words: list[Word]) -> list[Word]:
    """Keep one copy of a phrase that repeats back to back (and drop a trailing
    partial copy), the signature of a decoder stuck in a loop."""
    tokens = [w.word.lower().strip(".,!?") for w in words]
    n = len(tokens)
    for size in range(LOOP_MIN_WORDS, n // LOOP_REPEATS + 1):
        for start in range(0, n - size * LOOP_REPEATS + 1):
            phrase = tokens[start : start + size]
            end = start + size
            while tokens[end : end + size] == phrase:
                end += size
            if (end - start) // size < LOOP_REPEATS:
                continue
            tail = end
            while tail < n and tail - end < size and tokens[tail] == phrase[tail - end]:
                tail += 1
            kept = words[: start + size] + words[tail if tail == n else end :]
            return collapse_repeats(kept)
    return words


@dataclass
class LiveTranscription:
    """Feed recorded blocks; closed segments are transcribed in the background."""

    transcriber: WhisperTranscriber
    on_partial: object = None  # callable(str) or None
    # Close a segment at a PAUSE_CUT_S pause once it holds this much audio. Deciding
    # the end of the turn from the words needs them soon after the pause, so
    # ``capture_answer`` lowers it (more, shorter segments; the refine pass restores
    # the accuracy).
    min_cut_s: float = MIN_CUT_S
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
        self._last_speech = 0  # samples heard up to the end of the last speech block

    def feed(self, block: np.ndarray, is_speech: bool) -> None:
        self._pending.append(block)
        self._flags.append(is_speech)
        self._samples += block.size
        if is_speech:
            self._speech_in_pending, self._silence = True, 0
            self._last_speech = self._samples
        else:
            self._silence += block.size
        pending = sum(b.size for b in self._pending)
        paused = self._silence if self._speech_in_pending else 0
        if paused >= END_PAUSE_S * SAMPLE_RATE or (
            paused >= PAUSE_CUT_S * SAMPLE_RATE and pending >= self.min_cut_s * SAMPLE_RATE
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
        words = collapse_repeats(
            self.transcriber.transcribe_segment(audio, offset, context=context)
        )
        self.compute_s += time.perf_counter() - started
        self._words.extend(words)
        if callable(self.on_partial):
            self.on_partial(join_words(sorted(self._words, key=lambda w: w.start)))
        return words

    def text_so_far(self) -> str | None:
        """Everything said so far, or None while speech is still waiting to be
        transcribed (the words that matter for the end of the turn are the last ones)."""
        if self._speech_in_pending or not all(f.done() for f in self._futures):
            return None
        return join_words(sorted(self._words, key=lambda w: w.start))

    def unheard_tail_s(self) -> float:
        """Seconds of speech after the last transcribed word: a sound Whisper left out,
        most often "um" or "uh", which means the speaker is still thinking."""
        last_word_end = max((w.end for w in self._words), default=0.0)
        return max(0.0, self._last_speech / SAMPLE_RATE - last_word_end)

    def flush(self) -> None:
        """Start transcribing what is left, without waiting for it (the caller can do
        other work meanwhile, then ``finish``)."""
        self._close_segment()

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
