"""Live transcription over many spoken answers: speed, accuracy and runaway segments.

Every free-standing corpus answer (tests/corpus/answers.toml and heldout.toml)
is spoken with espeak-ng, cut into live segments by the recorder's VAD exactly
as in the app (fed as fast as possible, not in real time), and transcribed
segment by segment twice: with the app's live decoder (content-sized window, one
pass per segment, on CTranslate2's API) and with faster-whisper's own transcribe()
given the same options; then each recording in one whole-file pass (beam 5).
Prints one JSON document per way of decoding segments:

- rtf: Whisper compute seconds per second of audio;
- segment_s_p50 / segment_s_max: cost of one segment (the wait after Space);
- wer: word error rate of the live transcripts against the answers' text;
- runaway_segments: segments with more than 6 words a second (a repetition loop);
- whole_file_wer, wer_vs_whole_file: the one-pass WER of the same audio, and the ratio;
- saved_wer, saved_wer_vs_whole_file, refine_rtf (app only): the transcript the app
  saves after its whole-answer pass, and that pass's cost per second of audio.

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
from interview_coach.speech.live_decoder import SegmentDecoder  # noqa: E402
from interview_coach.speech.recorder import WavFileSource  # noqa: E402
from interview_coach.speech.transcriber import (  # noqa: E402
    FILLER_PROMPT,
    LIVE_TEMPERATURES,
    MAX_LIVE_TOKENS,
    WhisperTranscriber,
    default_model_path,
    physical_cores,
)
from interview_coach.speech.tts import Pyttsx3Speaker  # noqa: E402
from interview_coach.speech.voice_answer import VoiceAnswer, capture_answer, refine  # noqa: E402


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
        self._segments = SegmentDecoder(model)
        self.calls: list[tuple[float, float, int]] = []  # (audio s, compute s, words)

    def transcribe_segment(self, audio, offset=0.0, context=""):
        started = time.perf_counter()
        words = super().transcribe_segment(audio, offset, context)
        self.calls.append((audio.size / SAMPLE_RATE, time.perf_counter() - started, len(words)))
        return words


class StockSegments(TimedSegments):
    """Each live segment through faster-whisper's own transcribe(), same options:
    padded to a 30 s window, and decoded again from the last word's end."""

    def transcribe_segment(self, audio, offset=0.0, context=""):
        started = time.perf_counter()
        words = self._words(
            audio,
            offset,
            beam_size=1,
            initial_prompt=" ".join(p for p in (FILLER_PROMPT, context) if p),
            without_timestamps=True,
            temperature=LIVE_TEMPERATURES,
            log_prob_threshold=None,
            max_new_tokens=min(MAX_LIVE_TOKENS, 16 + int(8 * audio.size / SAMPLE_RATE)),
        )
        self.calls.append((audio.size / SAMPLE_RATE, time.perf_counter() - started, len(words)))
        return words


def spoken_answer(transcriber: WhisperTranscriber, wav: Path, folder: Path) -> VoiceAnswer:
    """The app's capture: recorder, VAD, live segments (fed as fast as possible)."""
    return capture_answer(
        WavFileSource(wav, realtime=False, tail_silence_s=0),
        transcriber,
        folder / "take.wav",
        max_seconds=600,
        silence_stop_s=2.5,
    )


def whole_file_wer(transcriber: WhisperTranscriber, answers: list[tuple[str, Path]]) -> float:
    """One pass over each recording (beam 5), as `interview-coach transcribe` does."""
    errors = words = 0
    for text, wav in answers:
        wrong, total = word_errors(text, transcriber.transcribe_audio(read_audio(wav)).text)
        errors, words = errors + wrong, words + total
    return errors / max(words, 1)


def evaluate(
    transcriber: TimedSegments, answers: list[tuple[str, Path]], folder: Path, saved: bool
) -> dict:
    """Live segments; with ``saved``, also the transcript the app stores after its
    whole-answer pass (``voice_answer.refine``), timed apart from the live cost."""
    errors = words = saved_errors = 0
    refine_s = 0.0
    for text, wav in answers:
        answer = spoken_answer(transcriber, wav, folder)
        wrong, total = word_errors(text, answer.text)
        errors, words = errors + wrong, words + total
        if saved:
            started = time.perf_counter()
            saved_errors += word_errors(text, refine(answer, transcriber).text)[0]
            refine_s += time.perf_counter() - started
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
        **(
            {
                "saved_wer": round(saved_errors / max(words, 1), 4),
                "refine_rtf": round(refine_s / seconds, 4),
            }
            if saved
            else {}
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    path, threads = str(default_model_path()), physical_cores()
    report = []
    model = WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=threads)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        answers = spoken_answers(folder, args.limit)
        for label, cls in (("app", TimedSegments), ("stock", StockSegments)):
            transcriber = cls(model, label)
            transcriber.transcribe_segment(read_audio(answers[0][1])[:SAMPLE_RATE])  # warm up
            transcriber.calls.clear()
            report.append(evaluate(transcriber, answers, folder, saved=label == "app"))
        whole = whole_file_wer(TimedSegments(model, "whole file"), answers)
    for entry in report:
        entry["whole_file_wer"] = round(whole, 4)
        entry["wer_vs_whole_file"] = round(entry["wer"] / max(whole, 1e-9), 2)
        if "saved_wer" in entry:
            entry["saved_wer_vs_whole_file"] = round(entry["saved_wer"] / max(whole, 1e-9), 2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
