"""Load the labelled corpora and split the fresh one, once, into development and test.

Three sources:
- ``answers.toml`` and ``ablation_sets.toml``: the original corpus, written alongside
  the first cue lists (development data: the scorer has been tuned on it);
- ``heldout.toml``: answers written after those cues were frozen (development too now:
  their errors were studied);
- ``fresh/*.toml``: answers written by other authors in other voices (speech
  transcripts, twelve specialties, polite blame, keyword stuffing), labelled by
  ``LABELLING.md``. A frozen hash of each id puts 30% of them in the test split,
  which nothing is tuned on. An answer whose error was studied is listed in
  ``fresh/moved_to_dev.txt`` and counted in development from then on.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
FRESH = CORPUS / "fresh"
DIMENSIONS = ("acknowledgment", "non_defensiveness", "corrective_action", "tie_back")
PARTS = {
    "acknowledgment": "fact",
    "non_defensiveness": "cause",
    "corrective_action": "action",
    "tie_back": "tie",
}
TEST_SHARE = 0.30


@dataclass(frozen=True)
class LabelledAnswer:
    id: str
    topic: str
    text: str
    labels: dict[str, int]
    ablation_of: str | None = None
    ablated: str | None = None
    specialty: str | None = None
    voice: str = "written"
    source: str = "original"


def scoring_specialty(answer: LabelledAnswer, specialties: object) -> str | None:
    """The answer's specialty if it has a rubric file, else None ('any specialty')."""
    return answer.specialty if answer.specialty in specialties else None


def split_of(answer_id: str) -> str:
    """'test' for a frozen 30% of ids, 'dev' for the rest: the same split forever."""
    digest = hashlib.sha256(answer_id.encode()).digest()
    return "test" if int.from_bytes(digest[:4], "big") / 2**32 < TEST_SHARE else "dev"


def moved_to_dev() -> set[str]:
    path = FRESH / "moved_to_dev.txt"
    if not path.exists():
        return set()
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return {line for line in lines if line}


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _entries(path: Path, source: str) -> list[LabelledAnswer]:
    data = tomllib.loads(path.read_text())
    return [
        LabelledAnswer(
            entry["id"],
            entry["topic"],
            entry["text"],
            dict(zip(DIMENSIONS, entry["labels"], strict=True)),
            specialty=entry.get("specialty"),
            voice=entry.get("voice", "written"),
            source=source,
        )
        for entry in data["answer"]
    ]


def load_corpus() -> list[LabelledAnswer]:
    """The original corpus: free-standing answers and ablation sets built from parts."""
    answers = _entries(CORPUS / "answers.toml", "original")
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


def load_heldout() -> list[LabelledAnswer]:
    return _entries(CORPUS / "heldout.toml", "heldout")


def load_fresh() -> list[LabelledAnswer]:
    """Every answer in ``fresh/*.toml`` (second-labeller files excluded)."""
    answers: list[LabelledAnswer] = []
    for path in sorted(FRESH.glob("*.toml")):
        if not path.name.startswith("second_"):
            answers.extend(_entries(path, path.stem))
    return answers


def fresh_split() -> tuple[list[LabelledAnswer], list[LabelledAnswer]]:
    """(development, test) of the fresh corpus."""
    moved = moved_to_dev()
    dev, test = [], []
    for answer in load_fresh():
        if split_of(answer.id) == "test" and answer.id not in moved:
            test.append(answer)
        else:
            dev.append(answer)
    return dev, test


def development_set() -> list[LabelledAnswer]:
    """Everything the scorer may be tuned and trained on."""
    return load_corpus() + load_heldout() + fresh_split()[0]
