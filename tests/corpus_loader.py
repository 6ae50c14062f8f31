"""Load the labelled corpus: free-standing answers and ablation sets built from parts."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
DIMENSIONS = ("acknowledgment", "non_defensiveness", "corrective_action", "tie_back")
PARTS = {
    "acknowledgment": "fact",
    "non_defensiveness": "cause",
    "corrective_action": "action",
    "tie_back": "tie",
}


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    topic: str
    text: str
    labels: dict[str, int]
    ablation_of: str | None = None
    ablated: str | None = None


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def load_corpus() -> list[LabelledAnswer]:
    answers = []
    data = tomllib.loads((CORPUS / "answers.toml").read_text())
    for entry in data["answer"]:
        answers.append(
            LabelledAnswer(
                entry["id"],
                entry["topic"],
                entry["text"],
                dict(zip(DIMENSIONS, entry["labels"], strict=True)),
            )
        )
    sets = tomllib.loads((CORPUS / "ablation_sets.toml").read_text())
    for entry in sets["set"]:
        strong = {d: entry[p] for d, p in PARTS.items()}
        base_id = f"{entry['id']}.strong"
        answers.append(
            LabelledAnswer(
                base_id, entry["topic"], _join(*strong.values()), dict.fromkeys(DIMENSIONS, 2)
            )
        )
        for dimension, part in PARTS.items():
            pieces = dict(strong)
            pieces[dimension] = entry[f"weak_{part}"]
            labels = dict.fromkeys(DIMENSIONS, 2)
            labels[dimension] = entry[f"weak_{part}_level"]
            answers.append(
                LabelledAnswer(
                    f"{entry['id']}.minus_{dimension}",
                    entry["topic"],
                    _join(*pieces.values()),
                    labels,
                    base_id,
                    dimension,
                )
            )
    return answers
