"""End of speech -> score card, for 60 s and 120 s spoken answers, paced in real time.

Speech is made offline with espeak-ng, fed through the recorder at real-time
speed (as a microphone would deliver it) through the app's own ``capture_answer``
(live segments cut at pauses, the turn ended on silence) and ``refine``, then
scored. Prints one JSON document:

- space_stop_to_card_s: the user presses space the moment they finish speaking;
  time from then to the scored card (the last segment is transcribed then);
- silence_stop_to_card_s: the recorder ends the turn itself on silence (about 1 s
  after a finished sentence, up to 2.5 s); time from that stop to the card;
- rtf: live Whisper compute seconds per second of recorded audio; peak_rss_mb;
- refined_card_s: after the card, the whole-answer pass the app then runs (beam 5,
  stopping at the end of speech) and the re-scored card, as a fraction of the
  answer's length too (refined_card_per_answer_s).

Usage: python benchmarks/bench_voice_latency.py [--runs N] [--seconds 60 120]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_coach.coach import Coach  # noqa: E402
from interview_coach.speech.audio_files import SAMPLE_RATE, read_audio, write_wav  # noqa: E402
from interview_coach.speech.recorder import WavFileSource  # noqa: E402
from interview_coach.speech.transcriber import WhisperTranscriber  # noqa: E402
from interview_coach.speech.tts import Pyttsx3Speaker  # noqa: E402
from interview_coach.speech.voice_answer import capture_answer, refine  # noqa: E402

SILENCE_STOP_S = 2.5


def speech_of_length(seconds: float, folder: Path) -> Path:
    """Corpus sentences spoken one after another with short pauses, cut to ~seconds."""
    sets = tomllib.loads((ROOT / "tests/corpus/ablation_sets.toml").read_text())["set"]
    sentences = [entry[k] for entry in sets for k in ("fact", "cause", "action", "tie")]
    speaker = Pyttsx3Speaker(rate=150)
    pieces, total = [], 0.0
    gap = np.zeros(int(0.35 * SAMPLE_RATE), dtype=np.float32)
    for index, sentence in enumerate(sentences):
        wav = folder / f"sentence{index}.wav"
        speaker.save(sentence, wav)
        audio = read_audio(wav)
        pieces += [audio, gap]
        total += (audio.size + gap.size) / SAMPLE_RATE
        if total >= seconds:
            break
    # End the file on the last word (espeak-ng adds trailing silence), so that
    # "press Space the moment they finish" leaves the last segment to transcribe.
    audio = np.concatenate(pieces[:-1])
    voiced = np.flatnonzero(np.abs(audio) > 0.01)
    out = folder / f"answer{int(seconds)}.wav"
    write_wav(out, audio[: voiced[-1] + 1])
    return out


class TimedTranscriber(WhisperTranscriber):
    """The app's transcriber, counting the time its live segments take (for the RTF)."""

    live_s = 0.0

    def transcribe_segment(self, audio, offset=0.0, context=""):
        started = time.perf_counter()
        try:
            return super().transcribe_segment(audio, offset, context)
        finally:
            self.live_s += time.perf_counter() - started


def one_run(
    wav: Path, transcriber: TimedTranscriber, coach: Coach, folder: Path, press_space: bool
) -> dict:
    """The app's own path (``capture_answer``, then ``refine``). press_space: the user
    stops the moment they finish (the audio simply ends); otherwise the recorder
    ends the turn on silence (adaptive, up to SILENCE_STOP_S)."""
    tail = 0.0 if press_space else SILENCE_STOP_S + 1
    source = WavFileSource(wav, realtime=True, tail_silence_s=tail)
    transcriber.live_s = 0.0
    answer = capture_answer(
        source, transcriber, folder / "take.wav", max_seconds=600, silence_stop_s=SILENCE_STOP_S
    )
    returned = time.perf_counter()  # capture_answer has the transcript's tail
    card = coach.score(answer.text, "exam_failure")
    ready = time.perf_counter()
    after_stop = answer.wait_after_stop_s + (ready - returned)
    refined = refine(answer, transcriber)
    coach.score(refined.text, "exam_failure")
    return {
        "audio_s": answer.duration_s,
        "refined_s": time.perf_counter() - ready,
        "after_stop_s": after_stop,
        "rtf": transcriber.live_s / max(answer.duration_s, 1e-6),
        "overall": card.overall,
        "stopped_by": answer.stopped_by,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, nargs="+", default=[60, 120])
    args = parser.parse_args()
    started = time.perf_counter()
    transcriber = TimedTranscriber()
    transcriber.load()
    load_s = time.perf_counter() - started
    coach = Coach.load(use_saved_profile=False)
    report: dict = {"model_load_and_warm_up_s": round(load_s, 2), "lengths": {}}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for seconds in args.seconds:
            wav = speech_of_length(seconds, folder)
            runs = [one_run(wav, transcriber, coach, folder, True) for _ in range(args.runs)]
            auto = one_run(wav, transcriber, coach, folder, False)
            waits = sorted(r["after_stop_s"] for r in runs)
            report["lengths"][f"{int(seconds)}s"] = {
                "speech_s": round(runs[0]["audio_s"], 1),
                "runs": len(runs),
                "space_stop_to_card_s_p50": round(statistics.median(waits), 3),
                "space_stop_to_card_s_p95": round(
                    waits[min(len(waits) - 1, int(0.95 * len(waits)))], 3
                ),
                "silence_stop_to_card_s": round(auto["after_stop_s"], 3),
                "silence_stop_by": auto["stopped_by"],
                "rtf": round(statistics.mean(r["rtf"] for r in runs), 3),
                "refined_card_s_p50": round(statistics.median(r["refined_s"] for r in runs), 2),
                "refined_card_per_answer_s": round(
                    statistics.median(r["refined_s"] for r in runs) / runs[0]["audio_s"], 3
                ),
                "overall": runs[0]["overall"],
            }
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
