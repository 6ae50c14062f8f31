"""A follow-up reply is judged with the answer it follows, for what it was asked."""

from __future__ import annotations

import dataclasses

from interview_coach.domain.follow_ups import score_follow_up
from interview_coach.domain.results import ScoreCard
from interview_coach.domain.scoring import score_answer

FIRST = (
    "I failed Step 1 in June 2021 on my first attempt. I relied on passive review and never "
    "did timed questions."
)
REPLY = (
    "For the second attempt I met a tutor twice a week, did forty timed questions every "
    "morning, and took an NBME every two weeks; my practice scores went from 190 to 235 and "
    "I passed with a 228."
)


def test_a_concrete_reply_is_not_marked_down_for_omitting_the_fact(rubrics):
    first = score_answer(FIRST, "exam_failure", rubrics)
    card = score_follow_up(FIRST, first, REPLY, rubrics)
    assert card.dimensions["acknowledgment"].level == "strong"
    assert card.dimensions["corrective_action"].score > first.dimensions["corrective_action"].score
    assert card.gain["corrective_action"] > 0
    assert card.follows == first.follow_up
    assert card.overall > first.overall


def test_the_next_follow_up_never_repeats_one_already_asked(rubrics):
    first = score_answer(FIRST, "exam_failure", rubrics)
    card = score_follow_up(FIRST, first, "I am not sure what else to add.", rubrics)
    assert card.follow_up != first.follow_up
    again = score_follow_up(FIRST, card, "Nothing more.", rubrics, asked=(first.follow_up,))
    assert again.follow_up not in (first.follow_up, card.follow_up)


def test_the_probed_dimension_and_gain_survive_saving(rubrics):
    first = score_answer(FIRST, "exam_failure", rubrics)
    card = score_follow_up(FIRST, first, REPLY, rubrics)
    restored = ScoreCard.from_json(card.to_json())
    assert restored.gain == card.gain and restored.probed == card.probed
    assert restored.follows == card.follows


def test_progress_counts_a_question_with_a_follow_up_once(data_home):
    from interview_coach.coach import Coach

    coach = Coach.load(use_saved_profile=False)
    first = coach.score(FIRST, "exam_failure")
    session_id, _ = coach.save(first, FIRST)
    reply, saved = coach.judge(
        REPLY, "exam_failure", None, {"answer": FIRST, "card": first.to_json()}
    )
    coach.save(reply, saved, session_id=session_id)
    [(topic, mean, count)] = coach.topic_averages()
    assert (topic, count) == ("exam_failure", 1)
    assert mean == reply.overall
    series = coach.dimension_series("exam_failure")
    assert all(len(scores) == 1 for scores in series.values())
    coach.close()


def test_a_reply_about_residency_does_not_excuse_blame_it_never_took_back(rubrics):
    """Found by hand: added to an answer that blamed its school, one sentence about
    reading films on call lifted non-defensiveness from partial 60 to strong 84."""
    first_text = (
        "so um i did not pass step one the first time, that was june twenty twenty one. "
        "honestly the school didnt prepare us at all and the testing center was a mess, but i "
        "guess i also didnt do enough questions. after that i did uworld every day with a study "
        "partner and passed in october with a two twenty nine. i think it made me more "
        "resilient for residency."
    )
    first = score_answer(first_text, "exam_failure", rubrics)
    blamed = first.dimensions["non_defensiveness"].level
    assert blamed != "strong"
    # The interviewer asks about residency (whichever dimension the card found weakest).
    asked_about_residency = rubrics.topic("exam_failure").follow_up["tie_back"]
    first = dataclasses.replace(first, follow_up=asked_about_residency)
    reply = (
        "on call in radiology i would read every film with the same search pattern and check "
        "my misses the next morning, the way i reviewed every missed question."
    )
    card = score_follow_up(first_text, first, reply, rubrics)
    assert card.probed == "tie_back" and card.gain["tie_back"] > 0
    assert card.dimensions["non_defensiveness"].level == blamed
    assert card.gain["non_defensiveness"] <= 0


def test_a_reply_about_ownership_that_also_ties_back_earns_the_tie_back(rubrics):
    """Blame is taken back only when asked about, but a reply to that question that
    also says how the lesson shows up on call still counts for tie-back (a stricter
    rule once kept the first answer's missing tie-back here)."""
    weak = "Testing was a bump in the road. My school did not prepare us and then I studied harder."
    first = score_answer(weak, "exam_failure", rubrics)
    first = dataclasses.replace(
        first, follow_up=rubrics.topic("exam_failure").follow_up["non_defensiveness"]
    )
    reply = (
        "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
        "I met a faculty mentor weekly and did forty timed questions a day; I passed on my "
        "second attempt. I now use a fixed search pattern when reading studies on call."
    )
    card = score_follow_up(weak, first, reply, rubrics)
    assert card.probed == "non_defensiveness"
    assert card.gain["tie_back"] > 0
    assert card.dimensions["tie_back"].level != first.dimensions["tie_back"].level


CONFLICT = (
    "During my medicine rotation a nurse and I disagreed about when to give a patient's "
    "diuretic. I raised my voice at the nurses' station, which was wrong. I apologised to her "
    "that afternoon and we agreed a plan with the resident. Since then I ask before I assume "
    "and I check orders with the team. As a resident I will be calm at handoffs and on call."
)


def test_a_reply_cannot_unsay_what_the_first_answer_said(rubrics):
    """Found by a new user: a one-line reply to "what exactly happened?" cost the
    tie-back 46 points and a tie-back reply cost acknowledgment 12: read with more text,
    the model diluted what the first answer had said. Here the same kind of reply cost
    corrective action 16."""
    first = score_answer(CONFLICT, "professionalism", rubrics)
    first = dataclasses.replace(
        first, follow_up=rubrics.topic("professionalism").follow_up["acknowledgment"]
    )
    reply = "It was not documented; it was a disagreement that we resolved the same shift."
    card = score_follow_up(CONFLICT, first, reply, rubrics)
    assert card.probed == "acknowledgment"
    for dimension in ("corrective_action", "tie_back"):
        assert card.gain[dimension] >= 0, dimension
        assert card.dimensions[dimension].level == first.dimensions[dimension].level


def test_a_reply_that_blames_still_costs_non_defensiveness(rubrics):
    first = score_answer(FIRST + " " + REPLY, "exam_failure", rubrics)
    first = dataclasses.replace(
        first, follow_up=rubrics.topic("exam_failure").follow_up["acknowledgment"]
    )
    reply = "Honestly the exam that year was unfair and my school never prepared us."
    card = score_follow_up(FIRST + " " + REPLY, first, reply, rubrics)
    assert card.gain["non_defensiveness"] < 0
