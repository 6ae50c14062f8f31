"""Judging a follow-up answer together with the answer it follows.

An interviewer's follow-up ("What was different about your second attempt?") asks
for one part of the story; judged alone against the full four-part rubric, a good
reply scores as if it had forgotten the fact. So the reply is judged with the
answer before it, the card says what the reply added to each dimension, and the
next follow-up never asks again for what has been said.
"""

from __future__ import annotations

from dataclasses import replace

from interview_coach.domain.conversation import default_script
from interview_coach.domain.results import ScoreCard
from interview_coach.domain.rubric import DIMENSIONS, Rubrics
from interview_coach.domain.scoring import score_answer

JOIN = "\n\n"


def probed_dimension(card: ScoreCard, rubrics: Rubrics) -> str | None:
    """The dimension that ``card``'s follow-up question asks about, if it is one: a
    rubric's own follow-up, or one that quotes the answer (``domain.conversation``)."""
    follow_ups = rubrics.topic(card.topic).follow_up
    generic = next((d for d in DIMENSIONS if follow_ups[d] == card.follow_up), None)
    if generic is not None or not card.follow_up:
        return generic
    return default_script().dimension_asked(card.follow_up)


def score_follow_up(
    previous_answer: str,
    previous_card: ScoreCard,
    reply: str,
    rubrics: Rubrics,
    *,
    asked: tuple[str, ...] = (),
    **options: object,
) -> ScoreCard:
    """The card for ``previous_answer`` and ``reply`` together, with what ``reply`` added.

    ``asked`` are the follow-ups already put (the one being answered is added).
    """
    question = previous_card.follow_up
    asked = tuple(dict.fromkeys((*asked, *(q for q in (question,) if q))))
    combined = score_answer(
        previous_answer + JOIN + reply,
        previous_card.topic,
        rubrics,
        question_id=previous_card.question_id,
        asked=asked,
        **options,  # type: ignore[arg-type]
    )
    gain = {d: combined.dimensions[d].score - previous_card.dimensions[d].score for d in DIMENSIONS}
    return replace(
        combined,
        follows=question,
        probed=probed_dimension(previous_card, rubrics),
        gain=gain,
    )
