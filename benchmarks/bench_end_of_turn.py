"""End of speech -> end of the turn, on spoken answers with thinking pauses.

Answers are made offline with espeak-ng, sentence piece by sentence piece, with
silences put where people think: mid-sentence after "and", "because", "with"
(1.2-2.5 s), after "um" and "so", and short pauses between sentences. Real
human speech (tests/data/jfk.flac, and any clips passed with --clips) is added
as is. Each is fed at real time through ``capture_answer``, the function the app
records with, once with the turn ended from the words (``adaptive_stop``) and
once with the fixed silence setting. Prints one JSON document:

- cut_off: answers whose recording stopped before the speaker's last word (must be 0);
- end_of_speech_to_stop_s: from the last voiced sample to the stop (p50, p95);
- end_of_speech_to_reply_s: to the scored card, i.e. when the interviewer can answer.

Usage: python benchmarks/bench_end_of_turn.py [--setting 2.5] [--clips F ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_coach.coach import Coach  # noqa: E402
from interview_coach.speech.audio_files import SAMPLE_RATE, read_audio, write_wav  # noqa: E402
from interview_coach.speech.recorder import WavFileSource  # noqa: E402
from interview_coach.speech.transcriber import WhisperTranscriber  # noqa: E402
from interview_coach.speech.tts import Pyttsx3Speaker  # noqa: E402
from interview_coach.speech.voice_activity import BLOCK, VoiceActivity  # noqa: E402
from interview_coach.speech.voice_answer import capture_answer  # noqa: E402

# (words, silence after them in seconds). The last piece ends the answer.
ANSWERS = [
    [
        ("I did not pass Step 1 on my first attempt, in June 2021, and", 1.6),
        ("the main reason was that I relied on reading instead of questions.", 0.6),
        ("So", 1.4),
        ("I changed my approach. I met a tutor twice a week for four months, and", 0.7),
        ("I passed Step 2 CK with a 251 on my first try.", 0.0),
    ],
    [
        ("I took a gap of nine months in 2022 because", 2.2),
        ("I was preparing for Step 2 CK and doing observerships.", 0.8),
        ("Um", 1.5),
        ("every week I did two hundred questions with", 1.3),
        (
            "a study group, and I scored 245. In radiology that discipline helps me "
            "keep a steady search pattern on call.",
            0.0,
        ),
    ],
    [
        ("During my third year I was late with patient notes several times, and", 1.9),
        ("my attending raised it with me.", 0.7),
        ("It was my responsibility. Since then I keep a checklist, um", 2.0),
        (
            "and I finish notes before I leave. I have not been late since, which matters "
            "for reliable reports in residency.",
            0.0,
        ),
    ],
    [
        ("I failed my surgery rotation exam the first time because", 1.5),
        ("I underestimated it.", 0.9),
        ("So what I did was", 2.4),
        (
            "build a schedule with weekly practice tests, and I passed the retake with an 82. "
            "That habit of checking my work will help me read studies carefully as a resident.",
            0.0,
        ),
    ],
    [
        ("My exposure to radiology was limited at my school, so", 1.2),
        ("I arranged two observerships in 2023 and", 1.8),
        ("a research project on chest CT.", 0.6),
        ("Um", 1.3),
        (
            "it taught me how radiologists talk with referring clinicians, and I want to keep "
            "doing that in residency.",
            0.0,
        ),
    ],
    [
        # A pause after "and" that Whisper once heard as "every weekend.": a complete
        # sentence, so the turn can end 1 s into the pause (see the README).
        (
            "I did not pass Step 1 on my first attempt in June 2021, and after that I met "
            "a tutor every week and",
            1.6,
        ),
        ("I passed on my second attempt with a good score.", 0.0),
    ],
]


def trim(audio: np.ndarray) -> np.ndarray:
    voiced = np.flatnonzero(np.abs(audio) > 0.01)
    return audio[voiced[0] : voiced[-1] + 1] if voiced.size else audio


def synthesise(pieces: list[tuple[str, float]], out: Path, folder: Path) -> tuple[Path, float]:
    """The answer as one WAV, and where its last word ends (seconds)."""
    speaker = Pyttsx3Speaker(rate=150)
    audio = [np.zeros(int(0.3 * SAMPLE_RATE), dtype=np.float32)]
    for index, (words, pause) in enumerate(pieces):
        wav = folder / f"piece{index}.wav"
        speaker.save(words, wav)
        audio += [trim(read_audio(wav)), np.zeros(int(pause * SAMPLE_RATE), dtype=np.float32)]
    joined = np.concatenate(audio)
    write_wav(out, joined)
    return out, len(joined) / SAMPLE_RATE


def speech_end(path: Path) -> float:
    """Where a recorded clip's speech ends: the end of its last block that the voice
    activity model (run once over the whole clip) calls speech. A level threshold
    would count breath, reverb and room noise as speech."""
    audio = read_audio(path)
    vad = VoiceActivity()
    last = 0
    for index in range(0, audio.size - BLOCK + 1, BLOCK):
        if vad.is_speech(audio[index : index + BLOCK]):
            last = index + BLOCK
    return last / SAMPLE_RATE


def one_run(
    wav: Path, end_s: float, transcriber: WhisperTranscriber, coach: Coach, args, adaptive: bool
) -> dict:
    source = WavFileSource(wav, realtime=True, tail_silence_s=args.setting + 1)
    answer = capture_answer(
        source,
        transcriber,
        wav.with_suffix(".take.wav"),
        silence_stop_s=args.setting,
        adaptive_stop=adaptive,
    )
    started = time.perf_counter()
    coach.score(answer.text, "exam_failure")
    score_s = time.perf_counter() - started
    to_stop = float(answer.duration_s - end_s)
    return {
        "cut_off": bool(answer.stopped_by != "silence" or to_stop < 0),
        "to_stop_s": round(to_stop, 3),
        "to_reply_s": round(to_stop + answer.wait_after_stop_s + score_s, 3),
        "text": answer.text,
    }


def summary(runs: list[dict]) -> dict:
    def pct(values: list[float], q: float) -> float:
        values = sorted(values)
        return round(values[min(len(values) - 1, int(q * len(values)))], 3)

    stops = [r["to_stop_s"] for r in runs if not r["cut_off"]]
    replies = [r["to_reply_s"] for r in runs if not r["cut_off"]]
    return {
        "answers": len(runs),
        "cut_off": sum(r["cut_off"] for r in runs),
        "end_of_speech_to_stop_s_p50": round(statistics.median(stops), 3) if stops else None,
        "end_of_speech_to_stop_s_p95": pct(stops, 0.95) if stops else None,
        "end_of_speech_to_reply_s_p50": round(statistics.median(replies), 3) if replies else None,
        "end_of_speech_to_reply_s_p95": pct(replies, 0.95) if replies else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--setting", type=float, default=2.5, help="silence setting, seconds")
    parser.add_argument("--runs", type=int, default=2, help="runs of each answer")
    parser.add_argument("--clips", type=Path, nargs="*", default=[], help="more human speech")
    parser.add_argument("--verbose", action="store_true", help="include each run and its text")
    args = parser.parse_args()
    transcriber = WhisperTranscriber()
    transcriber.load()
    coach = Coach.load(use_saved_profile=False)
    report: dict = {"setting_s": args.setting}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        items = [
            (f"espeak_{i}", *synthesise(p, folder / f"answer{i}.wav", folder))
            for i, p in enumerate(ANSWERS)
        ]
        for clip in [ROOT / "tests/data/jfk.flac", *args.clips]:
            wav = folder / f"{clip.stem}.wav"
            write_wav(wav, read_audio(clip))
            items.append((f"human_{clip.stem}", wav, speech_end(wav)))
        for mode, adaptive in (("from_the_words", True), ("fixed_setting", False)):
            runs = []
            for label, wav, end_s in items:
                for _ in range(args.runs if adaptive else 1):
                    runs.append(
                        {"answer": label, **one_run(wav, end_s, transcriber, coach, args, adaptive)}
                    )
            report[mode] = {
                **summary(runs),
                "espeak_answers": summary([r for r in runs if r["answer"].startswith("espeak")]),
                "human_clips": summary([r for r in runs if r["answer"].startswith("human")]),
            }
            if args.verbose:
                report[mode]["runs"] = runs
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
