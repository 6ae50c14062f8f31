"""What to practise next: the profile's red flags first, weak topics back sooner.

Each topic's next review is its last practice plus an interval that grows with
its recent scores: a missing-level answer is due again tomorrow, a partial one
in two days, and a strong one after a week, doubling with each strong repeat.

A candidate practises for the interview they will have: while a red flag on
the profile is not yet strong, the plan holds only the profile's topics (a
"Professionalism concern: due now" for someone without one is noise). Once
every one of them is strong, the general topics join as extra practice. With
no red flags at all, every topic is general practice. Each item says why it is
due, so the plan can be trusted rather than obeyed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

STRONG = 70
PARTIAL = 40


@dataclass(frozen=True)
class PlanItem:
    topic: str
    due: datetime
    last_score: int
    strong_streak: int
    answers: int
    on_profile: bool = False
    reason: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "due": self.due.isoformat(timespec="minutes"),
            "last_score": self.last_score,
            "strong_streak": self.strong_streak,
            "answers": self.answers,
            "on_profile": self.on_profile,
            "reason": self.reason,
        }


def interval(last_score: int, strong_streak: int) -> timedelta:
    if last_score < PARTIAL:
        return timedelta(days=1)
    if last_score < STRONG:
        return timedelta(days=2)
    return timedelta(days=7 * 2 ** max(0, strong_streak - 1))


def _days(delta: timedelta) -> str:
    return "1 day" if delta.days == 1 else f"{delta.days} days"


def reason_for(last_score: int, strong_streak: int, answers: int, on_profile: bool) -> str:
    """One short clause (it shares a line with the topic and the due date at 80 columns)."""
    if not answers:
        return "on your profile, not practised" if on_profile else "general, not practised"
    wait = _days(interval(last_score, strong_streak))
    if last_score < PARTIAL:
        return f"last {last_score}, missing: repeat after {wait}"
    if last_score < STRONG:
        return f"last {last_score}, partial: repeat after {wait}"
    times = "once" if strong_streak == 1 else f"{strong_streak}x"
    return f"strong {times}: repeat after {wait}"


def practice_plan(
    history: list[tuple[str, str, int]],
    topics: list[str],
    now: datetime,
    profile_topics: list[str] | None = None,
) -> list[PlanItem]:
    """``history`` is (created_at ISO, topic, overall) oldest first; unpractised topics are due now.

    ``profile_topics`` are the red flags on the profile (None or empty: none, so
    every topic is general practice). Returned soonest first; ties broken by
    profile topics first, then lower score, then the topic order given.
    """
    by_topic: dict[str, list[tuple[datetime, int]]] = {}
    for created, topic, overall in history:
        stamp = datetime.fromisoformat(created).replace(tzinfo=None)
        by_topic.setdefault(topic, []).append((stamp, overall))
    mine = [t for t in dict.fromkeys(profile_topics or ()) if t in topics]
    items = {topic: _item(topic, by_topic.get(topic, []), now, topic in mine) for topic in topics}
    # The red flags alone, until every one of them is strong; then every topic.
    weak_flag = any(items[t].last_score < STRONG for t in mine)
    keep = mine if weak_flag else topics
    order = {t: i for i, t in enumerate(topics)}
    return sorted(
        (items[t] for t in keep),
        key=lambda i: (i.due, not i.on_profile, i.last_score, order[i.topic]),
    )


def _item(topic: str, done: list[tuple[datetime, int]], now: datetime, mine: bool) -> PlanItem:
    if not done:
        return PlanItem(topic, now, 0, 0, 0, mine, reason_for(0, 0, 0, mine))
    streak = 0
    for _, overall in reversed(done):
        if overall < STRONG:
            break
        streak += 1
    last_time, last_score = done[-1]
    return PlanItem(
        topic,
        last_time + interval(last_score, streak),
        last_score,
        streak,
        len(done),
        mine,
        reason_for(last_score, streak, len(done), mine),
    )


def streak_days(days: list[date], today: date) -> int:
    """Days in a row with practice, ending today (or yesterday: today is not over)."""
    practised = set(days)
    day = today if today in practised else today - timedelta(days=1)
    count = 0
    while day in practised:
        count += 1
        day -= timedelta(days=1)
    return count


def series_by_dimension(
    rows: list[tuple[str, str, str, int]], topic: str | None = None
) -> dict[str, list[int]]:
    """Scores per dimension in practice order (for progress charts), optionally one topic."""
    series: dict[str, list[int]] = {}
    for _, row_topic, dimension, score in rows:
        if topic is None or row_topic == topic:
            series.setdefault(dimension, []).append(score)
    return series
