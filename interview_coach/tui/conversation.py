"""What the mock interviewer plans and says, asked of the coach in one place.

The question plan (red flags first, then weak topics), the interview script
(opening, transitions, closing) and follow-ups quoting the candidate come from
``Coach.mock_questions``, ``Coach.interview_script`` and
``Coach.conversational_follow_up``. Where a coach does not offer them yet, the
behaviour before them stands: the usual question order, no opening, transition
or closing line, and the card's own follow-up when the weakest dimension is not
strong. No interviewer text is written here: it belongs in the data files.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_coach.coach import Coach
from interview_coach.domain.results import ScoreCard
from interview_coach.domain.selection import AskedQuestion


def plan_questions(coach: Coach, count: int) -> list[AskedQuestion]:
    planned = getattr(coach, "mock_questions", None)
    if callable(planned):
        return planned(count)
    return coach.questions(limit=count, weak_topics=coach.weak_topics())


@dataclass(frozen=True)
class _SilentScript:
    opening: str = ""
    closing: str = ""

    def transition(self, index: int, total: int, topic_name: str) -> str:
        return ""


def interview_script(coach: Coach):
    script = getattr(coach, "interview_script", None)
    return script() if callable(script) else _SilentScript()


def follow_up(coach: Coach, answer: str, card: ScoreCard, asked: tuple[str, ...]) -> str | None:
    """The next follow-up about this answer, or None to move on."""
    conversational = getattr(coach, "conversational_follow_up", None)
    if callable(conversational):
        return conversational(answer, card, asked)
    weakest = min(card.dimensions.values(), key=lambda d: d.score)
    if card.follow_up and weakest.level != "strong" and card.follow_up not in asked:
        return card.follow_up
    return None


def spoken_line(script, question: AskedQuestion, index: int, total: int, topic: str) -> str:
    """Opening (first question only), transition, question: what is said in one breath."""
    parts = [script.opening if index == 0 else "", script.transition(index, total, topic)]
    return " ".join(p.strip() for p in (*parts, question.text) if p and p.strip())
