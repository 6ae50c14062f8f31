"""Progress per topic: is the candidate getting better at this question?

A mixed line of every answer to every topic cannot say that, so progress is
kept per topic: for each dimension (and overall), the first answer, the
latest, the best, and the scores in order, answers numbered 1..n within the
topic. A question answered with a follow-up counts once, with the card that
judged both (the caller passes the history that way: ``Coach.counted_answers``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from interview_coach.domain.results import DIMENSIONS

OVERALL = "overall"


@dataclass(frozen=True)
class TopicProgress:
    topic: str
    # Scores in practice order, per dimension and under "overall".
    series: dict[str, tuple[int, ...]]
    first_at: str
    latest_at: str

    @property
    def answers(self) -> int:
        return len(self.series[OVERALL])

    def first(self, key: str) -> int:
        return self.series[key][0]

    def latest(self, key: str) -> int:
        return self.series[key][-1]

    def best(self, key: str) -> int:
        return max(self.series[key])

    def change(self, key: str) -> int:
        """Latest minus first: what practice has done for this dimension so far."""
        return self.latest(key) - self.first(key)

    def to_json(self) -> dict[str, Any]:
        keys = (*DIMENSIONS, OVERALL)
        return {
            "topic": self.topic,
            "answers": self.answers,
            "first_at": self.first_at,
            "latest_at": self.latest_at,
            **{
                key: {
                    "first": self.first(key),
                    "latest": self.latest(key),
                    "best": self.best(key),
                    "scores": list(self.series[key]),
                }
                for key in keys
            },
        }


def topic_progress(rows: list[tuple[str, str, int, dict[str, int]]]) -> list[TopicProgress]:
    """``rows`` are (created_at, topic, overall, {dimension: score}) oldest first.

    Weakest topic first (lowest latest overall), so what needs work leads.
    """
    by_topic: dict[str, list[tuple[str, int, dict[str, int]]]] = {}
    for created, topic, overall, scores in rows:
        by_topic.setdefault(topic, []).append((created, overall, scores))
    result = []
    for topic, answers in by_topic.items():
        series = {d: tuple(scores.get(d, 0) for _, _, scores in answers) for d in DIMENSIONS}
        series[OVERALL] = tuple(overall for _, overall, _ in answers)
        result.append(TopicProgress(topic, series, answers[0][0], answers[-1][0]))
    return sorted(result, key=lambda p: (p.latest(OVERALL), p.topic))
