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
from interview_coach.domain.reading import read_answer
from interview_coach.domain.results import DIMENSIONS, LEVELS, ScoreCard
from interview_coach.domain.rubric import Rubrics
from interview_coach.domain.scoring import overall_score, score_answer

JOIN = "\n\n"
# The clause roles by which a reply can take away from a dimension it was not asked
# about: it cannot unsay a fact, a change or a tie-back, but it can blame, lament,
# play it down or overshare.
HARMS = {
    "acknowledgment": frozenset({"overshare"}),
    "non_defensiveness": frozenset({"blame", "self_pity", "minimising"}),
}


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
    probed = probed_dimension(previous_card, rubrics)
    combined = _gains_the_reply_earns(combined, previous_card, reply, probed, rubrics)
    gain = {d: combined.dimensions[d].score - previous_card.dimensions[d].score for d in DIMENSIONS}
    return replace(combined, follows=question, probed=probed, gain=gain)


def _gains_the_reply_earns(
    combined: ScoreCard, previous: ScoreCard, reply: str, probed: str | None, rubrics: Rubrics
) -> ScoreCard:
    """The model reads the whole text, and more text dilutes it, both ways.

    Up: one neutral sentence about residency, added to an answer that blamed its
    school, once lifted non-defensiveness from partial 60 to strong 84. So a dimension
    the follow-up did not ask about rises only as far as the reply, read alone, earns
    (a reply describing the changes when asked about residency still counts for them:
    read alone at partial 64, "We met every week, I did forty timed questions a day,
    and I passed on my second attempt" lifts a first answer's partial 41 to 64, not to
    the 98 the whole text reads); otherwise it keeps the first answer's result. Blame, self-pity or
    playing it down in the first answer is taken back only when asked: a calm reply
    about something else reads as non-defensive on its own, but it has not addressed
    them.

    Down: a reply cannot unsay what the first answer said. A new user's strong
    tie-back reply ("In radiology I will keep a log of my discrepancies...") cost the
    acknowledgment 12 points and non-defensiveness 9, both to missing; a one-line
    reply to "how was it documented?" cost the tie-back 46. So a dimension the
    follow-up did not ask about falls only if the reply, read alone, has a clause that
    harms it (``HARMS``: blame, say); the probed dimension's reading stands either way.
    """
    moved = [
        d
        for d in DIMENSIONS
        if d != probed and combined.dimensions[d].score != previous.dimensions[d].score
    ]
    if not moved:
        return combined
    fell = [d for d in moved if combined.dimensions[d].score < previous.dimensions[d].score]
    rose = [d for d in moved if d not in fell]
    dimensions = dict(combined.dimensions)
    if fell:  # read the reply's roles only when something fell (a reading costs ~30 ms)
        harmed = {c.role for c in read_answer(reply, previous.topic, None, rubrics).clauses}
        for d in fell:
            if not harmed & HARMS.get(d, frozenset()):
                dimensions[d] = previous.dimensions[d]
    if rose:
        alone = score_answer(reply, previous.topic, rubrics, question_id=previous.question_id)
    for d in rose:
        unaddressed = d == "non_defensiveness" and any(
            e.effect == "-" for e in previous.dimensions[d].evidence
        )
        earned = LEVELS.index(alone.dimensions[d].level) >= LEVELS.index(dimensions[d].level)
        if unaddressed:
            dimensions[d] = previous.dimensions[d]
        elif not earned:  # it rises as far as the reply alone earns, if above the first
            better = alone.dimensions[d].score > previous.dimensions[d].score
            dimensions[d] = alone.dimensions[d] if better else previous.dimensions[d]
    if dimensions == combined.dimensions:
        return combined
    overall = overall_score(dimensions, combined.word_count, rubrics)
    return replace(combined, dimensions=dimensions, overall=overall)
