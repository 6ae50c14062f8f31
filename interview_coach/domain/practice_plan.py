"""What to practise next: weak topics come back sooner (simple spaced repetition).

Each topic's next review is its last practice plus an interval that grows with
its recent scores: a missing-level answer is due again tomorrow, a partial one
in two days, and a strong one after a week, doubling with each strong repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class PlanItem:
    topic: str
    due: datetime
    last_score: int
    strong_streak: int
    answers: int

    def to_json(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "due": self.due.isoformat(timespec="minutes"),
            "last_score": self.last_score,
            "strong_streak": self.strong_streak,
            "answers": self.answers,
        }


def interval(last_score: int, strong_streak: int) -> timedelta:
    if last_score < 40:
        return timedelta(days=1)
    if last_score < 70:
        return timedelta(days=2)
    return timedelta(days=7 * 2 ** max(0, strong_streak - 1))


def practice_plan(
    history: list[tuple[str, str, int]], topics: list[str], now: datetime
) -> list[PlanItem]:
    """``history`` is (created_at ISO, topic, overall) oldest first; unpractised topics are due now.

    Returned soonest first; ties broken by lower score, then the topic order given.
    """
    by_topic: dict[str, list[tuple[datetime, int]]] = {}
    for created, topic, overall in history:
        stamp = datetime.fromisoformat(created).replace(tzinfo=None)
        by_topic.setdefault(topic, []).append((stamp, overall))
    items = []
    for topic in topics:
        done = by_topic.get(topic)
        if not done:
            items.append(PlanItem(topic, now, 0, 0, 0))
            continue
        streak = 0
        for _, overall in reversed(done):
            if overall < 70:
                break
            streak += 1
        last_time, last_score = done[-1]
        items.append(
            PlanItem(topic, last_time + interval(last_score, streak), last_score, streak, len(done))
        )
    order = {t: i for i, t in enumerate(topics)}
    return sorted(items, key=lambda i: (i.due, i.last_score, order[i.topic]))


def series_by_dimension(
    rows: list[tuple[str, str, str, int]], topic: str | None = None
) -> dict[str, list[int]]:
    """Scores per dimension in practice order (for progress charts), optionally one topic."""
    series: dict[str, list[int]] = {}
    for _, row_topic, dimension, score in rows:
        if topic is None or row_topic == topic:
            series.setdefault(dimension, []).append(score)
    return series
