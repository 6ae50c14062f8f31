"""`record` and `transcribe`: the voice pipeline from the command line.

Heavy modules (sounddevice, numpy, PyAV, faster-whisper) are imported only here,
so the other commands stay fast and work where voice is not installed; where it
is not, both commands say in one sentence how to install it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from interview_coach.errors import UserError
from interview_coach.locations import settings_path
from interview_coach.settings import Settings, load_settings
from interview_coach.speech.availability import voice_extra_missing


@contextmanager
def _voice_extra() -> Iterator[None]:
    """A third-party module missing means the voice extra is not installed; one of
    ours missing is a bug and stays an internal error."""
    try:
        yield
    except ImportError as exc:
        if (exc.name or "").startswith("interview_coach"):
            raise
        raise voice_extra_missing(exc) from exc


def _settings() -> Settings:
    """The Settings screen's choices are the defaults here too; flags override them."""
    return load_settings(settings_path())


def record(args: argparse.Namespace) -> int:
    with _voice_extra():
        return _record(args)


def _record(args: argparse.Namespace) -> int:
    silence_stop = _settings().silence_stop_s if args.silence_stop is None else args.silence_stop
    if args.max_seconds <= 0 or silence_stop < 0:
        raise UserError("--max-seconds must be positive and --silence-stop not negative.")
    out = Path(args.out)
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.")
    from interview_coach.speech.recorder import MicrophoneSource
    from interview_coach.speech.recorder import record as run_recording

    source = MicrophoneSource()
    print("Recording... speak now (stops after silence).", file=sys.stderr)
    result = run_recording(source, out, args.max_seconds, silence_stop)
    payload = {
        "path": str(out),
        "duration_s": round(result.duration_s, 2),
        "speech_s": round(result.speech_s, 2),
        "stopped_by": result.stopped_by,
        "warning": result.warning,
    }
    if result.warning:
        print(f"interview-coach: {result.warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(payload))
    else:
        print(f"Saved {result.duration_s:.1f} s to {out} (stopped by {result.stopped_by}).")
    return 0


def transcribe(args: argparse.Namespace) -> int:
    with _voice_extra():
        return _transcribe(args)


def _transcribe(args: argparse.Namespace) -> int:
    from interview_coach.domain.delivery import delivery_metrics
    from interview_coach.speech.audio_files import read_audio
    from interview_coach.speech.transcriber import WhisperTranscriber

    audio = read_audio(Path(args.audio))
    transcriber = WhisperTranscriber(args.model or _settings().model)
    transcriber.load(warm_up=False)
    transcript = transcriber.transcribe_audio(audio)
    metrics = delivery_metrics(
        [(w.word, w.start, w.end) for w in transcript.words], transcript.duration_s
    )
    payload = {
        "text": transcript.text,
        "duration_s": round(transcript.duration_s, 2),
        "words": [w.to_json() for w in transcript.words],
        "wpm": round(metrics.wpm, 1),
        "fillers": metrics.fillers,
        "hesitations": metrics.hesitations,
        "long_pauses": metrics.long_pauses,
        "model": transcript.model,
        "transcribe_s": round(transcript.transcribe_s, 3),
    }
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(transcript.text)
    return 0
