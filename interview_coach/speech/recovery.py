"""Recordings left on disk by a crash: find them and turn them into scored answers.

While recording, the question being answered is written next to the audio
(``answer-*.json``), so a recording found at the next start can be transcribed
and scored against the right topic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_coach.domain.delivery import delivery_metrics
from interview_coach.speech.audio_files import read_audio
from interview_coach.speech.transcriber import WhisperTranscriber


@dataclass(frozen=True)
class LeftoverRecording:
    audio: Path
    context: dict[str, Any]  # topic, question_id, prompt

    @property
    def sidecar(self) -> Path:
        return self.audio.with_suffix(".json")

    def discard(self) -> None:
        self.audio.unlink(missing_ok=True)
        self.sidecar.unlink(missing_ok=True)


def write_context(audio: Path, context: dict[str, Any]) -> None:
    audio.with_suffix(".json").write_text(json.dumps(context), encoding="utf-8")


def find_leftovers(folder: Path) -> list[LeftoverRecording]:
    found = []
    for audio in sorted(folder.glob("answer-*.wav")):
        try:
            context = json.loads(audio.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            context = {}
        found.append(LeftoverRecording(audio, context if isinstance(context, dict) else {}))
    return found


def transcribe_leftover(
    leftover: LeftoverRecording, transcriber: WhisperTranscriber | None
) -> tuple[str, dict[str, Any]]:
    """(transcript text, delivery metrics) of a recovered recording."""
    transcriber = transcriber or WhisperTranscriber()
    transcript = transcriber.transcribe_audio(read_audio(leftover.audio))
    metrics = delivery_metrics(
        [(w.word, w.start, w.end) for w in transcript.words], transcript.duration_s
    )
    return transcript.text, metrics.to_json()
