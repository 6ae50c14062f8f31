"""End of speech -> score card, for 60 s and 120 s spoken answers, paced in real time.

Speech is made offline with espeak-ng, fed through the recorder at real-time
speed (as a microphone would deliver it), transcribed live in segments cut at
pauses, then scored. Prints one JSON document:

- space_stop_to_card_s: the user presses space the moment they finish speaking;
  time from then to the scored card (the last segment is transcribed then);
- silence_stop_to_card_s: the recorder stops itself after 2.5 s of silence; time
  from that stop to the card (the last segment was transcribed during the wait);
- rtf: Whisper compute seconds per second of audio; peak_rss_mb for the process;
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
from interview_coach.speech.live_transcription import LiveTranscription  # noqa: E402
from interview_coach.speech.recorder import WavFileSource, record  # noqa: E402
from interview_coach.speech.transcriber import WhisperTranscriber  # noqa: E402
from interview_coach.speech.tts import Pyttsx3Speaker  # noqa: E402
from interview_coach.speech.voice_activity import VoiceActivity  # noqa: E402

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


def one_run(
    wav: Path, transcriber: WhisperTranscriber, coach: Coach, folder: Path, press_space: bool
) -> dict:
    """press_space: the user stops the moment they finish (the audio simply ends);
    otherwise the recorder waits for SILENCE_STOP_S of silence."""
    live = LiveTranscription(transcriber)
    vad = VoiceActivity()
    tail = 0.0 if press_space else SILENCE_STOP_S + 1
    source = WavFileSource(wav, realtime=True, tail_silence_s=tail)
    heard = {"to_last_speech_s": 0.0}

    def each_block(info, block) -> None:  # as voice_answer.capture_answer does
        live.feed(block, info.speech)
        if info.speech:
            heard["to_last_speech_s"] = info.elapsed_s

    recording = record(
        source,
        folder / "take.wav",
        max_seconds=600,
        silence_stop_s=SILENCE_STOP_S,
        vad=vad,
        on_block=each_block,
    )
    transcript = live.finish()
    card = coach.score(transcript.text, "exam_failure")
    ready = time.perf_counter()
    after_stop = ready - recording.ended_at
    audio = read_audio(folder / "take.wav")
    speech_ends_s = heard["to_last_speech_s"]
    whole = transcriber.transcribe_audio(
        audio[: int((speech_ends_s + 0.5) * SAMPLE_RATE)], speech_ends_s=speech_ends_s
    )
    coach.score(whole.text, "exam_failure")
    return {
        "audio_s": recording.duration_s,
        "refined_s": time.perf_counter() - ready,
        "after_stop_s": after_stop,
        "rtf": live.compute_s / max(recording.speech_s, 1e-6),
        "overall": card.overall,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, nargs="+", default=[60, 120])
    args = parser.parse_args()
    started = time.perf_counter()
    transcriber = WhisperTranscriber()
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
                "end_of_speech_to_card_with_silence_stop_s": round(
                    auto["after_stop_s"] + SILENCE_STOP_S, 3
                ),
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
