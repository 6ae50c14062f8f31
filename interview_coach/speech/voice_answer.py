"""One spoken answer, start to finish: record, transcribe live, measure delivery, refine.

The TUI and the benchmarks call these functions, so what is measured is what
users get. Audio is on disk while it is recorded; after transcription it is
deleted unless the user chose to keep recordings.

The live transcript (segments cut at pauses, decoded while the user speaks) is
what makes the card appear within a second of the end of speech, but it is less
accurate than one pass over the whole answer (espeak-ng corpus answers: about
21% vs 6% word error rate). So the answer keeps its audio in memory, and
``refine`` runs that whole-answer pass afterwards, in the background; the caller
stores its transcript in place of the live one, marked ``"transcript": "refined"``
in the delivery metrics.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from interview_coach.domain.delivery import delivery_metrics
from interview_coach.domain.turn_taking import end_of_turn_silence
from interview_coach.domain.voice_delivery import VoiceDelivery, voice_delivery
from interview_coach.speech.audio_files import SAMPLE_RATE
from interview_coach.speech.live_transcription import MIN_CUT_S, LiveTranscription
from interview_coach.speech.recorder import AudioSource, BlockInfo, record
from interview_coach.speech.transcriber import Transcript, WhisperTranscriber
from interview_coach.speech.voice_activity import VoiceActivity

# Trailing silence invites Whisper to invent words ("Thank you."): the whole-answer
# pass keeps this much of it after the last speech.
TAIL_KEEP_S = 0.5
# Segments close at any half-second pause once they hold this much speech, so the
# words before a pause are known about 0.3 s later, in time to end the turn at 1 s.
TURN_CUT_S = 1.0
# Speech heard this long after the last transcribed word is a sound Whisper dropped
# (an "um"): the turn is not over. Word timings are good to about 0.2 s.
UNHEARD_TAIL_S = 0.45


@dataclass
class VoiceAnswer:
    text: str
    duration_s: float
    delivery: dict[str, Any]
    audio_path: Path | None
    stopped_by: str
    wait_after_stop_s: float
    warning: str | None = None  # dropped sound or a stalled microphone, one sentence
    transcript: str = "live"  # "live" (segment by segment) or "refined" (whole answer)
    audio: np.ndarray | None = field(default=None, repr=False)  # kept for ``refine``
    speech_ends_s: float | None = None  # the last speech the VAD heard, in ``audio``
    voice: VoiceDelivery | None = field(default=None, repr=False)  # measured from ``audio``


def capture_answer(
    source: AudioSource,
    transcriber: WhisperTranscriber,
    audio_path: Path,
    *,
    max_seconds: float = 180.0,
    silence_stop_s: float = 2.5,
    keep_audio: bool = False,
    on_block: Callable[[BlockInfo], None] | None = None,
    on_partial: Callable[[str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    adaptive_stop: bool = True,
) -> VoiceAnswer:
    """Record one answer until the end of the turn, transcribing as it goes.

    With ``adaptive_stop`` the silence that ends the answer follows the words said
    so far (``domain.turn_taking``): about 1 s after a complete sentence, up to
    ``silence_stop_s`` mid-sentence, after a filler, or while the last words are
    still being transcribed; without it, always ``silence_stop_s``.
    """
    live = LiveTranscription(
        transcriber, on_partial, min_cut_s=TURN_CUT_S if adaptive_stop else MIN_CUT_S
    )
    heard: list[np.ndarray] = []
    samples = {"heard": 0, "to_last_speech": 0}

    def each_block(info: BlockInfo, block: Any) -> None:
        live.feed(block, info.speech)
        heard.append(block)
        samples["heard"] += block.size
        if info.speech:
            samples["to_last_speech"] = samples["heard"]
        if on_block is not None:
            on_block(info)

    stop: float | Callable[[], float] = silence_stop_s
    if adaptive_stop and silence_stop_s > 0:
        stop = partial(turn_silence, live, silence_stop_s)
    recording = record(
        source, audio_path, max_seconds, stop, VoiceActivity(), each_block, should_stop
    )
    # The last segment is transcribed on the live worker while the voice measures
    # (about 25 ms for a minute of audio) are taken here: the card waits for neither twice.
    live.flush()
    if not keep_audio:
        audio_path.unlink(missing_ok=True)
    audio = np.concatenate(heard) if heard else np.zeros(0, dtype=np.float32)
    audio = audio[: samples["to_last_speech"] + int(TAIL_KEEP_S * SAMPLE_RATE)]
    voice = voice_delivery(audio, SAMPLE_RATE) if audio.size else None
    transcript = live.finish()
    return VoiceAnswer(
        text=transcript.text,
        duration_s=recording.duration_s,
        delivery=_delivery(transcript, recording.duration_s, "live", voice),
        audio_path=audio_path if keep_audio else None,
        stopped_by=recording.stopped_by,
        wait_after_stop_s=time.perf_counter() - recording.ended_at,
        warning=recording.warning,
        audio=audio if audio.size else None,
        speech_ends_s=samples["to_last_speech"] / SAMPLE_RATE,
        voice=voice,
    )


def turn_silence(live: LiveTranscription, max_silence_s: float) -> float:
    """The silence that ends the turn now: from the words so far when they are all
    transcribed and nothing was said after them, else the full setting."""
    text = live.text_so_far()
    if not text or live.unheard_tail_s() > UNHEARD_TAIL_S:
        return max_silence_s
    return end_of_turn_silence(text, max_silence_s)


def refine(answer: VoiceAnswer, transcriber: WhisperTranscriber) -> VoiceAnswer:
    """The same answer transcribed in one pass over all of its audio (beam 5), the
    transcript worth keeping; the audio is let go. Run it off the UI thread: about
    0.05 s of work per second of speech with tiny.en on two cores."""
    if answer.audio is None or answer.transcript == "refined":
        return answer
    transcript = transcriber.transcribe_audio(answer.audio, speech_ends_s=answer.speech_ends_s)
    if not transcript.text.strip():  # nothing better was heard: keep the live words
        return replace(answer, audio=None)
    return replace(
        answer,
        text=transcript.text,
        # The voice measures come from the audio, not the words: taken once, at capture.
        delivery=_delivery(transcript, answer.duration_s, "refined", answer.voice),
        transcript="refined",
        audio=None,
    )


def _delivery(
    transcript: Transcript, duration_s: float, kind: str, voice: VoiceDelivery | None = None
) -> dict[str, Any]:
    """Pace, fillers and pauses from the words; loudness, pitch variation and trailing
    off from the samples (``voice``, measured once per answer), so both are saved and
    exported with the answer."""
    metrics = delivery_metrics([(w.word, w.start, w.end) for w in transcript.words], duration_s)
    delivery = {**metrics.to_json(), "transcript": kind}
    if voice is not None:
        delivery["voice"] = voice.to_json()
        delivery["advice"] = [*delivery["advice"], *voice.notes()]
        delivery["note"] = f"{delivery['note']} {delivery['voice']['note']}"
    return delivery
