"""Scorer agreement with human labels: the test corpus and the held-out set.

Prints one JSON document: exact level agreement, off-by-two count, and per
dimension agreement for each set. The held-out answers were written after the
cues were frozen and were never used to tune them.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus_loader import DIMENSIONS, LabelledAnswer, load_corpus  # noqa: E402

from interview_coach.domain.rubric import default_rubrics  # noqa: E402
from interview_coach.domain.scoring import score_answer  # noqa: E402

LEVELS = {"missing": 0, "partial": 1, "strong": 2}


def heldout() -> list[LabelledAnswer]:
    data = tomllib.loads((ROOT / "tests/corpus/heldout.toml").read_text())
    return [
        LabelledAnswer(
            e["id"], e["topic"], e["text"], dict(zip(DIMENSIONS, e["labels"], strict=True))
        )
        for e in data["answer"]
    ]


def agreement(answers: list[LabelledAnswer]) -> dict:
    rubrics = default_rubrics()
    per_dim = {d: [0, 0] for d in DIMENSIONS}
    far, misses = 0, []
    for answer in answers:
        card = score_answer(answer.text, answer.topic, rubrics)
        for d in DIMENSIONS:
            got = LEVELS[card.dimensions[d].level]
            per_dim[d][1] += 1
            if got == answer.labels[d]:
                per_dim[d][0] += 1
            else:
                misses.append(f"{answer.id}:{d} want {answer.labels[d]} got {got}")
                far += abs(got - answer.labels[d]) >= 2
    agree = sum(v[0] for v in per_dim.values())
    total = sum(v[1] for v in per_dim.values())
    return {
        "answers": len(answers),
        "exact_agreement": round(agree / total, 3),
        "off_by_two": far,
        "per_dimension": {d: round(a / t, 3) for d, (a, t) in per_dim.items()},
        "disagreements": misses,
    }


if __name__ == "__main__":
    print(
        json.dumps({"corpus": agreement(load_corpus()), "heldout": agreement(heldout())}, indent=2)
    )
