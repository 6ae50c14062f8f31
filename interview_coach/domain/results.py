"""What scoring returns: plain dataclasses that the CLI prints, the TUI draws and storage saves."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

DIMENSIONS = ("acknowledgment", "non_defensiveness", "corrective_action", "tie_back")
LEVELS = ("missing", "partial", "strong")


def field_values(record: Any) -> dict[str, Any]:
    """A dataclass as a JSON object, one key per field in declaration order (shallow,
    unlike ``asdict``, so a long history is not deep-copied to be printed)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


@dataclass(frozen=True)
class Evidence:
    """A span of the answer that earned (+) or cost (-) points, and why."""

    text: str
    start: int
    end: int
    effect: str  # "+" or "-"
    reason: str

    def to_json(self) -> dict[str, Any]:
        return field_values(self)


@dataclass(frozen=True)
class RubricResult:
    dimension: str
    score: int
    level: str
    evidence: tuple[Evidence, ...]
    advice: str

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "level": self.level,
            "evidence": _unique(e.text for e in self.evidence),
            "evidence_detail": [e.to_json() for e in self.evidence],
            "advice": self.advice,
        }


@dataclass(frozen=True)
class Flag:
    kind: str
    message: str
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        return field_values(self)


@dataclass(frozen=True)
class ScoreCard:
    topic: str
    question_id: str | None
    overall: int
    dimensions: dict[str, RubricResult]
    flags: tuple[Flag, ...] = ()
    follow_up: str | None = None
    outline: dict[str, Any] = field(default_factory=dict)
    word_count: int = 0
    # For a follow-up reply judged with the answer before it: the follow-up question,
    # the dimension it probed, and how many points the reply added to each dimension.
    follows: str | None = None
    probed: str | None = None
    gain: dict[str, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "question_id": self.question_id,
            "overall": self.overall,
            "dimensions": {name: r.to_json() for name, r in self.dimensions.items()},
            "flags": [f.to_json() for f in self.flags],
            "follow_up": self.follow_up,
            "outline": self.outline,
            "word_count": self.word_count,
            "follows": self.follows,
            "probed": self.probed,
            "gain": self.gain,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> ScoreCard:
        """Rebuild a card from what storage saved, so review shows the same card."""
        dimensions = {}
        for name, raw in data["dimensions"].items():
            evidence = tuple(
                Evidence(e["text"], e["start"], e["end"], e["effect"], e["reason"])
                for e in raw.get("evidence_detail", [])
            )
            dimensions[name] = RubricResult(
                name, raw["score"], raw["level"], evidence, raw["advice"]
            )
        return ScoreCard(
            topic=data["topic"],
            question_id=data.get("question_id"),
            overall=data["overall"],
            dimensions=dimensions,
            flags=tuple(
                Flag(f["kind"], f["message"], f.get("evidence", "")) for f in data["flags"]
            ),
            follow_up=data.get("follow_up"),
            outline=data.get("outline", {}),
            word_count=data.get("word_count", 0),
            follows=data.get("follows"),
            probed=data.get("probed"),
            gain=data.get("gain"),
        )


def _unique(items: Any) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def level_for(score: int) -> str:
    if score >= 70:
        return "strong"
    if score >= 40:
        return "partial"
    return "missing"
