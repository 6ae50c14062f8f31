"""Live transcription over many spoken answers: speed, accuracy and runaway segments.

Every free-standing corpus answer (tests/corpus/answers.toml and heldout.toml)
is spoken with espeak-ng, cut into live segments by the recorder's VAD exactly
as in the app (fed as fast as possible, not in real time), and transcribed
segment by segment twice: with the app's model (content-sized window, one pass
per segment) and with faster-whisper's stock WhisperModel given the same
options. Prints one JSON document per model:

- rtf: Whisper compute seconds per second of audio;
- segment_s_p50 / segment_s_max: cost of one segment (the wait after Space);
- wer: word error rate of the live transcripts against the answers' text;
- runaway_segments: segments with more than 6 words a second (a repetition loop).

Usage: python benchmarks/eval_live_transcription.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from voice_support import word_errors  # noqa: E402

from interview_coach.speech.audio_files import SAMPLE_RATE, read_audio  # noqa: E402
from interview_coach.speech.live_transcription import LiveTranscription  # noqa: E402
from interview_coach.speech.recorder import WavFileSource, record  # noqa: E402
from interview_coach.speech.transcriber import (  # noqa: E402
    WhisperTranscriber,
    default_model_path,
    physical_cores,
)
from interview_coach.speech.tts import Pyttsx3Speaker  # noqa: E402
from interview_coach.speech.voice_activity import VoiceActivity  # noqa: E402


def spoken_answers(folder: Path, limit: int | None) -> list[tuple[str, Path]]:
    texts = []
    for name in ("answers.toml", "heldout.toml"):
        data = tomllib.loads((ROOT / "tests/corpus" / name).read_text())
        texts += [entry["text"] for entry in data["answer"]]
    speaker = Pyttsx3Speaker(rate=160)
    out = []
    for index, text in enumerate(texts[:limit]):
        wav = folder / f"answer{index}.wav"
        speaker.save(text, wav)
        out.append((text, wav))
    return out


class TimedSegments(WhisperTranscriber):
    """Records what each live segment cost and how many words it produced."""

    def __init__(self, model: object, label: str) -> None:
        super().__init__()
        self._model, self.label = model, label  # an already loaded model
        self.calls: list[tuple[float, float, int]] = []  # (audio s, compute s, words)

    def transcribe_segment(self, audio, offset=0.0, context=""):
        started = time.perf_counter()
        words = super().transcribe_segment(audio, offset, context)
        self.calls.append((audio.size / SAMPLE_RATE, time.perf_counter() - started, len(words)))
        return words


def live_transcript(transcriber: WhisperTranscriber, wav: Path, folder: Path) -> str:
    live = LiveTranscription(transcriber)
    record(
        WavFileSource(wav, realtime=False, tail_silence_s=0),
        folder / "take.wav",
        max_seconds=600,
        silence_stop_s=2.5,
        vad=VoiceActivity(),
        on_block=lambda info, block: live.feed(block, info.speech),
    )
    return live.finish().text


def evaluate(transcriber: TimedSegments, answers: list[tuple[str, Path]], folder: Path) -> dict:
    errors = words = 0
    for text, wav in answers:
        wrong, total = word_errors(text, live_transcript(transcriber, wav, folder))
        errors, words = errors + wrong, words + total
    seconds = sum(read_audio(wav).size for _, wav in answers) / SAMPLE_RATE
    costs = [cost for _, cost, _ in transcriber.calls]
    return {
        "model": transcriber.label,
        "answers": len(answers),
        "audio_s": round(seconds, 1),
        "segments": len(costs),
        "rtf": round(sum(costs) / seconds, 4),
        "segment_s_p50": round(statistics.median(costs), 3),
        "segment_s_max": round(max(costs), 3),
        "wer": round(errors / max(words, 1), 4),
        "runaway_segments": sum(1 for length, _, n in transcriber.calls if n > 6 * length + 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    from interview_coach.speech.whisper_window import ContentWindowWhisper

    path, threads = str(default_model_path()), physical_cores()
    report = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        answers = spoken_answers(folder, args.limit)
        for label, cls in (("app", ContentWindowWhisper), ("stock", WhisperModel)):
            model = cls(path, device="cpu", compute_type="int8", cpu_threads=threads)
            transcriber = TimedSegments(model, label)
            transcriber.transcribe_segment(read_audio(answers[0][1])[:SAMPLE_RATE])  # warm up
            transcriber.calls.clear()
            report.append(evaluate(transcriber, answers, folder))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
