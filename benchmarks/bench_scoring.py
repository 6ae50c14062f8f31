"""Scoring speed: one 300-word answer in-process, and `interview-coach score` as a process.

In-process, the answer is scored 200 times, then 50 times with the cache of merged
subword pieces emptied each time (an answer none of whose words has been seen).

Prints one JSON document. Targets (issue #11): <= 30 ms per 300-word answer after
load, <= 0.5 s for the whole command. The command is timed once with an empty cache
of parsed data files (a first run, or the first after the data changed) and then
ten times with it filled, as every later run finds it.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def three_hundred_words() -> str:
    sets = tomllib.loads((ROOT / "tests/corpus/ablation_sets.toml").read_text())["set"]
    words: list[str] = []
    for entry in sets:
        words += " ".join(entry[k] for k in ("fact", "cause", "action", "tie")).split()
    return " ".join(words[:300])


def main() -> None:
    from interview_coach.domain.rubric import default_rubrics
    from interview_coach.domain.scoring import score_answer
    from interview_coach.domain.sentence_vectors import sentence_vectors

    answer = three_hundred_words()
    started = time.perf_counter()
    rubrics = default_rubrics()
    score_answer(answer, "exam_failure", rubrics)
    load_s = time.perf_counter() - started
    timings = []
    for _ in range(200):
        t = time.perf_counter()
        score_answer(answer, "exam_failure", rubrics)
        timings.append((time.perf_counter() - t) * 1000)
    # The same answer with no word seen before: the subword merges are worked out again.
    unseen = []
    subwords = sentence_vectors().subwords
    for _ in range(50 if subwords else 0):
        subwords.forget()
        t = time.perf_counter()
        score_answer(answer, "exam_failure", rubrics)
        unseen.append((time.perf_counter() - t) * 1000)

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write(answer)
    command = [sys.executable, "-m", "interview_coach", "score", "--topic", "exam_failure"]
    command += ["--json", "--file", handle.name]
    process_s = []
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "INTERVIEW_COACH_CACHE": cache}
        for _ in range(11):
            t = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            process_s.append(time.perf_counter() - t)
    Path(handle.name).unlink()
    cold_s, process_s = process_s[0], process_s[1:]
    timings.sort()
    print(
        json.dumps(
            {
                "answer_words": len(answer.split()),
                "first_load_and_score_s": round(load_s, 3),
                "score_ms_p50": round(statistics.median(timings), 2),
                "score_ms_p95": round(timings[int(len(timings) * 0.95)], 2),
                "score_ms_unseen_words_p50": round(statistics.median(unseen or [0.0]), 2),
                "score_command_empty_cache_s": round(cold_s, 3),
                "score_command_s_p50": round(statistics.median(process_s), 3),
                "score_command_s_max": round(max(process_s), 3),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
