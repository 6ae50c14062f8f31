"""What the history says: progress, the practice plan, weak topics.

A part of ``Coach`` (which provides ``store()``, ``profile`` and ``bank``) kept in
its own module: every figure here is read from one list of stored answers, where a
follow-up reply's card, judged with the answer it follows, counts in its place.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: scoring a typed answer needs neither
    from interview_coach.domain.practice_plan import PlanItem
    from interview_coach.domain.progress import TopicProgress


def clock() -> datetime:
    """Now, as an aware time; tests replace it to draw plans and streaks at a fixed date."""
    return datetime.now(UTC)


class HistoryReading:
    """Progress figures and the plan, from the stored answers."""

    def counted_answers(self, answers: list | None = None) -> list:
        """The history as progress counts it: one entry per question answered, where a
        follow-up reply's card (judged with the answer it follows) replaces that answer."""
        kept: list = []
        for answer in sorted(self.store().answers() if answers is None else answers, key=_by_id):
            previous = kept[-1] if kept else None
            if (
                answer.card.get("follows")
                and previous is not None
                and previous.session_id == answer.session_id
                and previous.question_id == answer.question_id
            ):
                kept[-1] = answer
            else:
                kept.append(answer)
        return kept

    def overview(self) -> tuple[list[tuple[str, float, int]], list[PlanItem]]:
        """Weakest topics and the practice plan from one read of the history."""
        answers = self.counted_answers()
        return self.topic_averages(answers), self.plan(answers)

    def topic_averages(self, answers: list | None = None) -> list[tuple[str, float, int]]:
        """(topic, mean overall, answers) for practised topics, weakest first."""
        totals: dict[str, list[int]] = {}
        for answer in self.counted_answers() if answers is None else answers:
            totals.setdefault(answer.topic, []).append(answer.overall)
        rows = [(t, sum(v) / len(v), len(v)) for t, v in totals.items()]
        return sorted(rows, key=lambda row: row[1])

    def plan(self, answers: list | None = None) -> list[PlanItem]:
        """Topics in the order to practise them (spaced repetition over past scores)."""
        from interview_coach.domain.practice_plan import practice_plan

        answers = self.counted_answers() if answers is None else answers
        history = [(a.created_at, a.topic, a.overall) for a in answers]
        now = clock().astimezone(UTC).replace(tzinfo=None)
        mine = [f.kind for f in self.profile.red_flags] if self.profile else None
        topics = list(self.bank.topics)
        if not mine:  # no red flags: start with topics whose questions presume none
            topics.sort(key=lambda t: not any(q.general for q in self.bank.topic(t).questions))
        return practice_plan(history, topics, now, mine)

    def progress(self) -> tuple[list[TopicProgress], int, list[PlanItem]]:
        """Per-topic first/latest/best scores, days in a row practised (the user's own
        calendar), and the plan, from one read of the history."""
        from interview_coach.domain.practice_plan import streak_days
        from interview_coach.domain.progress import topic_progress

        answers = self.counted_answers()
        rows = [
            (
                a.created_at,
                a.topic,
                a.overall,
                {d: r["score"] for d, r in a.card["dimensions"].items()},
            )
            for a in answers
        ]
        days = [_local_day(a.created_at) for a in answers]
        today = clock().astimezone().date()
        return topic_progress(rows), streak_days(days, today), self.plan(answers)

    def dimension_series(self, topic: str | None = None) -> dict[str, list[int]]:
        from interview_coach.domain.practice_plan import series_by_dimension

        history = [
            (a.created_at, a.topic, dimension, result["score"])
            for a in self.counted_answers()
            for dimension, result in a.card["dimensions"].items()
        ]
        return series_by_dimension(history, topic)

    def weak_topics(self) -> list[str]:
        return [topic for topic, mean, _ in self.topic_averages() if mean < 70]


def _by_id(answer: Any) -> int:
    return answer.id


def _local_day(stamp: str) -> date:
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()
