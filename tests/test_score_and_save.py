"""Coach.score_and_save: the one path practice and mock use to judge and store an answer."""

from __future__ import annotations

from interview_coach.coach import Coach

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "After that I worked with a tutor."
)
REPLY = "We met every week, I did forty timed questions a day, and I passed on my second attempt."


def test_a_typed_answer_and_a_spoken_follow_up_are_judged_together_and_stored(
    data_home, profile_file
):
    coach = Coach.load(profile_file)
    try:
        question = coach.questions(topic="exam_failure")[0]
        first = coach.score_and_save(ANSWER, question, question.text, kind="mock")
        delivery = {"wpm": 140.0, "duration_s": 6.0}
        reply = coach.score_and_save(
            REPLY,
            question,
            "How often did you meet?",
            kind="mock",
            session_id=first.session_id,
            followed=first,
            asked=("How often did you meet?",),
            delivery=delivery,
        )
        saved = {a.id: a for a in coach.store().answers()}
    finally:
        coach.close()
    assert reply.session_id == first.session_id and reply.is_follow_up
    assert reply.text.startswith(ANSWER) and reply.text.endswith(REPLY) and reply.reply == REPLY
    # The reply adds the measurable result the first answer lacked.
    corrective = "corrective_action"
    assert reply.card.dimensions[corrective].score > first.card.dimensions[corrective].score
    assert saved[first.answer_id].source == "typed"
    assert saved[reply.answer_id].source == "voice"
    assert saved[reply.answer_id].delivery["wpm"] == 140.0
    assert saved[reply.answer_id].answer_text == reply.text
    assert saved[reply.answer_id].question_text == "How often did you meet?"
