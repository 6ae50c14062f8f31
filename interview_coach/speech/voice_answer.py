"""One spoken answer, start to finish: record, transcribe live, measure delivery.

The TUI and the benchmarks call this one function, so what is measured is what
users get. Audio is on disk while it is recorded; after transcription it is
deleted unless the user chose to keep recordings.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_coach.domain.delivery import delivery_metrics
from interview_coach.speech.live_transcription import LiveTranscription
from interview_coach.speech.recorder import AudioSource, BlockInfo, record
from interview_coach.speech.transcriber import WhisperTranscriber
from interview_coach.speech.voice_activity import VoiceActivity


@dataclass
class VoiceAnswer:
    text: str
    duration_s: float
    delivery: dict[str, Any]
    audio_path: Path | None
    stopped_by: str
    wait_after_stop_s: float
    warning: str | None = None  # dropped sound or a stalled microphone, one sentence


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
) -> VoiceAnswer:
    live = LiveTranscription(transcriber, on_partial)

    def each_block(info: BlockInfo, block: Any) -> None:
        live.feed(block, info.speech)
        if on_block is not None:
            on_block(info)

    recording = record(
        source, audio_path, max_seconds, silence_stop_s, VoiceActivity(), each_block, should_stop
    )
    transcript = live.finish()
    metrics = delivery_metrics(
        [(w.word, w.start, w.end) for w in transcript.words], recording.duration_s
    )
    if not keep_audio:
        audio_path.unlink(missing_ok=True)
    return VoiceAnswer(
        text=transcript.text,
        duration_s=recording.duration_s,
        delivery=metrics.to_json(),
        audio_path=audio_path if keep_audio else None,
        stopped_by=recording.stopped_by,
        wait_after_stop_s=time.perf_counter() - recording.ended_at,
        warning=recording.warning,
    )
