"""Turn-taking in a spoken mock interview, in the real app, paced in real time.

The Textual app runs headless with the real Whisper model, VAD, scorer and
store; a candidate speaks each answer (espeak-ng) through a source paced at
real time that stays silent while the interviewer talks and starts a moment
after the cue; the interviewer's lines take as long as they would to hear (the
speakers are replaced by a paced silent output). Prints one JSON document:

- line_end_to_ready_s: end of the interviewer's line -> recording ready (cue given);
- answer_end_to_next_line_s: the recorder's silence stop -> the interviewer starting
  the next line (follow-up, next question or closing): transcript tail, scoring,
  saving and choosing the follow-up all sit in this gap;
- peak_rss_mb of the whole process through a QUESTIONS-question interview and the
  whole-answer passes the summary runs after it (peak_rss_mb_interview: until the
  summary opens).

Usage: python benchmarks/bench_mock_turns.py [--questions 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. "
    "After that I worked with a tutor every week and passed on my second attempt."
)
REACTION_S = 0.4  # the candidate starts this long after the cue


class TimedOutput:
    """Paced silence in place of the speakers; says when it is playing."""

    def __init__(self) -> None:
        self.playing = threading.Event()

    def play(self, audio, stop) -> bool:
        self.playing.set()
        try:
            return not stop.wait(audio.size / 16000)
        finally:
            self.playing.clear()


class Candidate:
    """Silent while the interviewer talks; then the answer, in real time, then silence."""

    def __init__(self, answer: np.ndarray, output: TimedOutput) -> None:
        self.answer, self.output = answer, output
        self.closed = False

    def blocks(self):
        from interview_coach.speech.voice_activity import BLOCK

        silence = np.zeros(BLOCK, dtype=np.float32)
        start = time.perf_counter()
        sent = 0

        def pace() -> None:
            due = start + sent * BLOCK / 16000
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)

        quiet_since = None
        while not self.closed:  # the interviewer's line, then the reaction time
            sent += 1
            pace()
            if self.output.playing.is_set():
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.perf_counter()
            elif time.perf_counter() - quiet_since >= REACTION_S:
                break
            yield silence
        audio = np.concatenate([self.answer, np.zeros(16000 * 12, dtype=np.float32)])
        for index in range(0, audio.size - BLOCK + 1, BLOCK):
            if self.closed:
                return
            sent += 1
            pace()
            yield audio[index : index + BLOCK]

    def close(self) -> None:
        self.closed = True

    def problem(self):
        return None


async def run(questions: int) -> dict:
    from interview_coach.speech.audio_files import read_audio
    from interview_coach.speech.tts import Pyttsx3Speaker
    from interview_coach.tui.app import make_app
    from interview_coach.tui.memory import limit_malloc_arenas

    limit_malloc_arenas()  # as `interview-coach` does at start
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEW_COACH_HOME"] = home
        wav = Path(home) / "answer.wav"
        Pyttsx3Speaker(rate=150).save(ANSWER, wav)
        answer = read_audio(wav)
        output = TimedOutput()
        app = make_app(first_run_setup=False, voice=True, mock_questions=questions)
        app.start_in_voice = True
        app.audio_source_factory = lambda: Candidate(answer, output)
        app.audio_output_factory = lambda: output
        started = time.perf_counter()
        async with app.run_test(size=(100, 32)) as pilot:
            screen = None
            while type(app.screen).__name__ != "MockSummaryScreen":
                if type(app.screen).__name__ == "MockScreen":
                    screen = app.screen
                await asyncio.sleep(0.2)
                if time.perf_counter() - started > 60 * 15:
                    raise SystemExit("the interview did not finish in 15 minutes")
            # The interview is over; next the summary runs the whole-answer passes.
            interview_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            await pilot.pause()
            await app.workers.wait_for_complete()
            timeline = screen.timeline
            answers = len(app.screen.results)
    ready, reply = [], []
    for index, (kind, at) in enumerate(timeline):
        if kind == "listening":
            ends = [t for k, t in timeline[:index] if k == "line_ended"]
            if ends:
                ready.append(at - ends[-1])
        if kind == "answer_ended":
            nxt = [t for k, t in timeline[index:] if k == "speaking"]
            if nxt:
                reply.append(nxt[0] - at)
    return {
        "questions": questions,
        "answers": answers,
        "settings": {"silence_stop_s": app.settings.silence_stop_s},
        "line_end_to_ready_s": summary(ready),
        "answer_end_to_next_line_all_s": [round(v, 3) for v in reply],
        "answer_end_to_next_line_s": summary(reply),
        "peak_rss_mb_interview": round(interview_rss / 1024, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(values),
        "median": round(statistics.median(values), 3),
        "p95": round(p95, 3),
        "max": round(max(values), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.questions)), indent=2))


if __name__ == "__main__":
    main()
