"""What the mock interviewer plans and says, asked of the coach in one place.

The question plan (red flags first, then weak topics), the interview script
(opening, transitions, closing) and follow-ups quoting the candidate come from
``Coach.mock_questions``, ``Coach.interview_script`` and
``Coach.conversational_follow_up``. No interviewer text is written here: it
belongs in the data files.
"""

from __future__ import annotations

from interview_coach.coach import Coach
from interview_coach.domain.conversation import InterviewScript
from interview_coach.domain.results import ScoreCard
from interview_coach.domain.selection import AskedQuestion


def plan_questions(coach: Coach, count: int) -> list[AskedQuestion]:
    return coach.mock_questions(count)


def interview_script(coach: Coach) -> InterviewScript:
    return coach.interview_script()


def follow_up(coach: Coach, answer: str, card: ScoreCard, asked: tuple[str, ...]) -> str | None:
    """The next follow-up about this answer, quoting it, or None to move on."""
    return coach.conversational_follow_up(answer, card, asked)


def spoken_line(script, question: AskedQuestion, index: int, total: int, topic: str) -> str:
    """Opening (first question only), transition, question: what is said in one breath."""
    parts = [script.opening if index == 0 else "", script.transition(index, total, topic)]
    return " ".join(p.strip() for p in (*parts, question.text) if p and p.strip())
