"""The interviewer's side of a mock: script lines, quoting follow-ups, question plan."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interview_coach.coach import Coach
from interview_coach.domain.conversation import load_script
from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.follow_ups import probed_dimension
from interview_coach.domain.results import DIMENSIONS
from interview_coach.domain.spoken_quote import quotable, to_second_person

BLAMING = (
    "exam_failure",
    "I failed Step 1 in 2021. The school did not prepare us well and the exam was unfair. "
    "I studied harder after that and I passed Step 2.",
)
GENERIC_TIE = (
    "exam_failure",
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive reading "
    "instead of practice questions, which was my mistake. I worked with a tutor twice a week "
    "and did 40 questions a day, and I passed with a 230 and scored 250 on Step 2 CK. I am a "
    "hard worker and ready for residency.",
)
VAGUE_GAP = (
    "gap",
    "Between January and September 2022 I had a gap. It was a tough time. I tried to stay "
    "busy and I read a lot. I think that makes me a better doctor.",
)
NO_TIE = (
    "professionalism",
    "I was late with my notes a few times during third year because the team was chaotic. "
    "Since then I keep a checklist and I finish notes before I leave.",
)
STRONG = (
    "exam_failure",
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive reading "
    "instead of timed practice, which was my mistake. I met a faculty mentor every week, did "
    "forty timed questions a day, and passed on my second attempt with a 232; I then scored "
    "251 on Step 2 CK. As a radiology resident I will use the same habit: a fixed search "
    "pattern and a review of every miss, which matters for accuracy on call.",
)


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach.load(use_saved_profile=False)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def _quote(question: str) -> str:
    match = re.match(r"You (?:said|mentioned|described it as)(?: that)?:? (.+?)\. ", question)
    assert match, f"the follow-up does not quote the answer: {question}"
    return match.group(1)


@pytest.mark.parametrize("topic, answer", [BLAMING, GENERIC_TIE, VAGUE_GAP, NO_TIE])
def test_the_follow_up_quotes_the_answer_and_probes_its_weakest_part(coach, topic, answer):
    card = coach.score(answer, topic)
    question = coach.conversational_follow_up(answer, card)
    quoted = _words(_quote(question)) - {"you", "your", "you're", "were", "are"}
    assert len(quoted) >= 3 and quoted <= _words(answer) | {"i", "my", "am", "was"}
    rank = {"missing": 0, "partial": 1}
    weakest_level = min(rank[r.level] for r in card.dimensions.values() if r.level != "strong")
    probed = probed_dimension(coach.with_conversational_follow_up(answer, card), coach.rubrics)
    assert rank[card.dimensions[probed].level] == weakest_level, (probed, card.dimensions)


def test_a_blaming_answer_is_asked_what_was_in_the_speakers_control(coach):
    topic, answer = BLAMING
    question = coach.conversational_follow_up(answer, coach.score(answer, topic))
    assert "the school did not prepare you well" in question  # 'us' is the speaker too
    assert "yourself" in question or "control" in question


def test_never_the_same_question_or_dimension_twice_and_none_when_all_is_asked(coach):
    topic, answer = VAGUE_GAP
    card = coach.score(answer, topic)
    asked: tuple[str, ...] = ()
    probed = []
    for _ in range(5):
        question = coach.conversational_follow_up(answer, card, asked)
        if question is None:
            break
        assert question not in asked
        probed.append(
            probed_dimension(
                coach.with_conversational_follow_up(answer, card, asked), coach.rubrics
            )
        )
        asked += (question,)
    weak = [d for d in DIMENSIONS if card.dimensions[d].level != "strong"]
    assert sorted(probed) == sorted(weak)
    assert coach.conversational_follow_up(answer, card, asked) is None


def test_a_strong_answer_gets_no_follow_up(coach):
    topic, answer = STRONG
    card = coach.score(answer, topic)
    assert all(card.dimensions[d].level == "strong" for d in DIMENSIONS), card.to_json()
    assert coach.conversational_follow_up(answer, card) is None


def test_the_reply_to_a_quoting_follow_up_is_judged_for_what_it_was_asked(coach):
    topic, answer = BLAMING
    card = coach.with_conversational_follow_up(answer, coach.score(answer, topic))
    reply = coach.score_follow_up(
        answer, card, "Looking back, I chose to rely on reading and skipped timed practice."
    )
    assert reply.follows == card.follow_up and reply.probed == "non_defensiveness"
    assert reply.gain["non_defensiveness"] > 0


def test_first_person_is_turned_to_you():
    assert to_second_person("I was late and I am sorry about my notes") == (
        "you were late and you are sorry about your notes"
    )


@pytest.mark.parametrize(
    ("clause", "before", "quote"),
    [
        # A new user heard each of the first four after "You said that" / "You mentioned that".
        ("Honestly my school did not prepare us well.", "", "your school did not prepare you well"),
        (
            "Our school's curriculum did not cover neuroanatomy in depth",
            "",
            "your school's curriculum did not cover neuroanatomy in depth",
        ),
        (
            "and then passed Step 2 CK with a 245.",
            "I failed Step 1 ",
            "you passed Step 2 CK with a 245",
        ),
        ("where I previewed chest films with residents every morning", "I rotated ", None),
        # And a few more of the same kinds.
        ("i wasn't ready for the exam that June", "", "you weren't ready for the exam that June"),
        ("We didn't get feedback from US faculty", "", "you didn't get feedback from US faculty"),
        ("that the primary team could act on them", "I wrote my notes so ", None),
        ("which was my own mistake in the end", "I relied on reading, ", None),
        ("that was my own mistake in the end", "", "that was your own mistake in the end"),
        ("I\u2019m sorry about my late notes", "", "you're sorry about your late notes"),
        ("Exhausted and anxious before the exam", "", None),
        (
            "Limited radiology exposure at my school",
            "",
            "limited radiology exposure at your school",
        ),
        (
            "met weekly with our learning specialist",
            "",
            "you met weekly with your learning specialist",
        ),
        ("and moved classes online for a year", "My school closed in 2020 ", None),
        (
            "Failed surgery clerkship in third year",
            "",
            "you failed surgery clerkship in third year",
        ),
        (
            "retook it in March with a tutor",
            "In 2021, I failed it, ",
            "you retook it in March with a tutor",
        ),
    ],
)
def test_a_quote_is_a_sentence_after_you_said_that(clause, before, quote):
    assert quotable(clause, before) == quote


@pytest.mark.parametrize(
    ("topic", "answer", "said"),
    [
        (
            "exam_failure",
            "I failed Step 1 in 2021. Honestly my school did not prepare us well. I studied more.",
            "that your school did not prepare you well.",
        ),
        (
            "exam_failure",
            "I failed Step 1. Our school's curriculum did not cover the pathology we needed. "
            "I studied more.",
            "that your school's curriculum did not cover the pathology you needed.",
        ),
        (
            "exam_failure",
            "I failed Step 1 in 2021. I worked with a tutor and then passed Step 2 CK with a 245.",
            # Which clause is quoted follows the scorer's reading (the change, since the role
            # classifier was refitted); the quote of the pass alone is tested above.
            "that you ",
        ),
    ],
)
def test_the_follow_ups_a_new_user_heard_are_grammatical(coach, topic, answer, said):
    card = coach.score(answer, topic)
    asked: tuple[str, ...] = ()
    while (question := coach.conversational_follow_up(answer, card, asked)) is not None:
        asked += (question,)
    assert any(said in question for question in asked), asked
    for question in asked:
        assert not re.search(r"\b(?:us|our|we|honestly|that passed)\b", question), question


def test_the_script_opens_moves_on_and_closes(coach):
    script = coach.interview_script()
    assert "questions for us" in script.closing.lower() and script.opening
    lines = [script.transition(i, 6, "the gap in your training") for i in range(6)]
    assert lines[0] == ""
    assert len(set(lines[1:])) == 5
    assert sum("the gap in your training" in line for line in lines) >= 2
    assert "last" in lines[-1].lower()


def test_a_script_with_an_unknown_placeholder_names_it(tmp_path: Path):
    path = tmp_path / "script.toml"
    source = (Path(__file__).parent.parent / "question_bank/interview/script.toml").read_text()
    path.write_text(source.replace('about {topic}."\n', 'about {subject}."\n', 1))
    with pytest.raises(DataFileError, match="subject"):
        load_script(path)


def test_the_mock_plan_asks_red_flags_first_one_question_per_topic(data_home, profile_file):
    coach = Coach.load(profile_file)
    plan = coach.mock_questions(4)
    assert [q.topic for q in plan[:2]] == ["exam_failure", "gap"]
    assert len({q.topic for q in plan}) == 4
    assert "Step 1" in plan[0].text


def test_the_mock_plan_puts_weak_topics_after_the_red_flags(data_home, profile_file):
    coach = Coach.load(profile_file)
    weak = "Professionalism was a bump in the road."
    coach.save(coach.score(weak, "professionalism"), weak)
    plan = [q.topic for q in coach.mock_questions(3)]
    assert plan == ["exam_failure", "gap", "professionalism"]
    coach.close()


def test_a_mock_without_a_profile_asks_only_what_any_applicant_may_be_asked(data_home):
    """With no profile the mock once opened with "I notice a gap in your timeline
    from the start of the gap to the end of it", the placeholders filled with filler."""
    coach = Coach.load(use_saved_profile=False)
    plan = coach.mock_questions(5)
    assert len(plan) == 5
    general = {q.id for t in coach.bank.topics.values() for q in t.questions if q.general}
    assert {q.id for q in plan} <= general, [q.text for q in plan]
    assert not any("the start of the gap" in q.text for q in plan)
    coach.close()


@pytest.mark.parametrize(
    "clause",
    [
        "I did not pass Step 1 in 2021 and I changed how I studied for the second attempt.",
        "I studied for Step 2 CK full time and did two radiology observerships three days a week",
    ],
)
def test_a_long_clause_is_quoted_up_to_a_whole_part_not_mid_thought(clause):
    """Cut at twelve words, the quote once ended "...and you changed how"."""
    quote = quotable(clause)
    assert quote is not None and quote.split()[-1].lower() not in {"how", "and", "the", "a", "to"}
    assert quote.split()[:2] == ["you", clause.split()[1]]


def test_the_follow_up_asked_is_stored_on_the_answers_card(data_home):
    """Review shows the question the interviewer actually asked after an answer."""
    coach = Coach.load(use_saved_profile=False)
    topic, answer = BLAMING
    question = coach.questions(topic=topic)[0]
    saved = coach.score_and_save(answer, question, question.text, kind="mock")
    asked, follow_up = coach.ask_follow_up(saved)
    assert follow_up and follow_up != saved.card.follow_up  # it quotes the answer
    assert asked.card.follow_up == follow_up
    [stored] = coach.store().answers()
    assert stored.card["follow_up"] == follow_up
    assert stored.overall == saved.card.overall and stored.answer_text == saved.text
