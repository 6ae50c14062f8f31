"""Probes from the judgment issue: answers a program director would judge at a glance.

Each probe states what a user would notice if the card got it wrong; none is a
phrase the scorer was tuned on (the role bank and the fitted model generalise from
thousands of other sentences and answers).
"""

from __future__ import annotations

import pytest
from corpus_loader import development_set, scoring_specialty

from interview_coach.domain.scoring import score_answer

STRONG_WRITTEN = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on rereading notes and "
    "never did timed practice. I met a tutor twice a week, did forty timed questions every day, "
    "and took an NBME every two weeks. I passed with a 232 and scored 245 on Step 2 CK. "
    "Reviewing every miss is how I will keep my reads accurate on a busy overnight radiology list."
)
STRONG_SPOKEN = (
    "um so i didnt pass step one on my first attempt in june twenty twenty one. i i relied on "
    "rereading notes and uh never did timed practice. i met a tutor twice a week did forty timed "
    "questions every day and took an and be me every two weeks. i past with a two thirty two and "
    "scored two forty five on step two c k. reviewing every miss is uh how i will keep my reads "
    "accurate on a busy overnight radiology list"
)


def level(card, dimension: str) -> str:
    return card.dimensions[dimension].level


def reasons(card, dimension: str) -> dict[str, str]:
    return {e.text: e.reason for e in card.dimensions[dimension].evidence}


def test_a_keyword_list_earns_little(rubrics):
    salad = (
        "Failed Step 1, June 2021. My approach: passive. UWorld, Anki, tutor, NBME, daily, "
        "weekly. Passed. Scored 250. Radiology reading room, search pattern, volume, accuracy."
    )
    card = score_answer(salad, "exam_failure", rubrics)
    assert card.overall < 60
    assert level(card, "tie_back") != "strong"
    assert level(card, "non_defensiveness") != "strong"
    assert level(card, "corrective_action") != "strong"


@pytest.mark.parametrize(
    "blame",
    [
        "The grading was inconsistent between the two sites.",
        "We had different expectations about when notes were due.",
        "There were misunderstandings on both sides.",
        "Mistakes were made in how the schedule was communicated.",
        "COVID shut down our campus and my school's teaching was terrible.",
    ],
)
def test_polite_institutional_and_passive_blame_is_read_as_blame(blame, rubrics):
    answer = (
        f"I did not pass my surgery clerkship in 2022. {blame} I repeated the clerkship "
        "and passed it."
    )
    card = score_answer(answer, "course_failure", rubrics)
    assert level(card, "non_defensiveness") != "strong"
    said = reasons(card, "non_defensiveness")
    assert any(blame.startswith(text[:20]) for text, why in said.items() if "blam" in why)
    assert not any(blame.startswith(t[:20]) for t in reasons(card, "corrective_action"))


def test_negated_blame_followed_by_ownership_is_not_defensive(rubrics):
    answer = (
        "I failed Step 1 in June 2021. I don't blame my school; my preparation was the problem, "
        "because I read review books and never did timed questions. I switched to forty timed "
        "questions a day and a weekly NBME with a tutor, and I passed with a 232."
    )
    assert level(score_answer(answer, "exam_failure", rubrics), "non_defensiveness") == "strong"


def test_treating_patients_is_not_owning_a_cause(rubrics):
    answer = (
        "From January to September 2022 I was not in a training program. During that time I "
        "treated patients at a free clinic twice a week and published a chest CT study."
    )
    card = score_answer(answer, "gap", rubrics)
    owned = [t for t, why in reasons(card, "non_defensiveness").items() if "cause" in why]
    assert not any("treated patients" in t for t in owned)


def test_a_two_week_break_is_not_a_result(rubrics):
    answer = (
        "I took a 2 week break after graduation, and then from August 2022 to May 2023 I "
        "worked as a research assistant four days a week."
    )
    card = score_answer(answer, "gap", rubrics)
    results = [t for t, why in reasons(card, "corrective_action").items() if "result" in why]
    assert not any("2 week break" in t for t in results)


def test_evaluations_that_single_out_reliability_are_not_blame(rubrics):
    answer = (
        "I was late to rounds three times on my medicine rotation in 2022 and received a "
        "professionalism comment. I did not plan my commute. Since then I leave forty minutes "
        "early and keep a written task list; I have not been late since, and my evaluations "
        "single out my reliability."
    )
    card = score_answer(answer, "professionalism", rubrics)
    assert level(card, "non_defensiveness") == "strong"
    assert not any("blam" in why for why in reasons(card, "non_defensiveness").values())


def test_calling_the_result_a_fluke_is_not_acknowledgment(rubrics):
    answer = "Honestly the Step 1 result was a fluke. I knew the material and passed it later."
    card = score_answer(answer, "exam_failure", rubrics)
    assert level(card, "acknowledgment") != "strong"
    assert level(card, "non_defensiveness") == "missing"


def test_saying_it_says_nothing_about_you_is_no_tie_back(rubrics):
    answer = (
        "I failed Step 1 in June 2021 because I relied on passive review. I changed to daily "
        "timed questions with a tutor and passed with a 235. I do not think it says anything "
        "about the kind of radiologist I will be."
    )
    assert level(score_answer(answer, "exam_failure", rubrics), "tie_back") == "missing"


def test_a_strong_answer_in_unusual_words_is_strong(rubrics):
    answer = (
        "The first time I sat Step 1, in May 2022, I came up short. I had been reading and "
        "re-reading and mistook familiarity for knowing. For the retake my roommate quizzed me "
        "every evening on questions I had got wrong, and every Sunday I sat a full practice exam "
        "at the library under exam timing. My practice scores climbed from 58 to 74 percent and "
        "I passed comfortably in August. When I am reading a stack of chest films at two in the "
        "morning, I want that same habit of checking myself against the answer."
    )
    card = score_answer(answer, "exam_failure", rubrics)
    assert sum(level(card, d) == "strong" for d in card.dimensions) >= 3
    assert card.overall >= 75


def test_the_same_answer_spoken_scores_within_ten_points_of_written(rubrics):
    written = score_answer(STRONG_WRITTEN, "exam_failure", rubrics)
    spoken = score_answer(STRONG_SPOKEN, "exam_failure", rubrics)
    assert abs(written.overall - spoken.overall) <= 10
    for dimension in written.dimensions:
        gap = written.dimensions[dimension].score - spoken.dimensions[dimension].score
        assert abs(gap) <= 15, dimension


def test_a_huge_paste_loses_points_and_is_told_so(rubrics):
    card = score_answer(" ".join([STRONG_WRITTEN] * 25), "exam_failure", rubrics)
    short = score_answer(STRONG_WRITTEN, "exam_failure", rubrics)
    assert card.overall <= short.overall - 30
    flag = next(f for f in card.flags if f.kind == "too_long")
    assert "cost" in flag.message
    assert "brief" not in card.dimensions["non_defensiveness"].advice


def test_flags_quote_only_what_the_user_said(rubrics):
    answer = (
        "So basically I kind of failed Step 1, sort of because of timing, and maybe I should "
        "have started earlier. Basically I then did questions."
    )
    card = score_answer(answer, "exam_failure", rubrics)
    hedging = next(f for f in card.flags if f.kind == "hedging")
    assert "I guess" not in hedging.message
    for quoted in hedging.message.split("'")[1::2]:
        assert quoted.lower() in answer.lower()


def test_a_lament_is_flagged_as_dwelling(rubrics):
    answer = (
        "I failed Step 1 in 2021. I could not sleep for weeks afterwards. My family was "
        "devastated and I felt like a complete failure. Then I made a schedule and passed."
    )
    card = score_answer(answer, "exam_failure", rubrics)
    assert any(f.kind == "dwells_on_failure" for f in card.flags)


MIXED = (
    "I did not pass Step 1 on my first attempt, in June 2021. I relied on rereading my notes "
    "and never did timed blocks{circumstance}. For the retake I did forty timed questions a day, "
    "met a tutor every week, and passed with a 232."
)


def test_an_owned_cause_beside_a_circumstance_is_partial_and_says_why(rubrics):
    alone = score_answer(MIXED.format(circumstance=""), "exam_failure", rubrics)
    mixed = score_answer(
        MIXED.format(circumstance=", but honestly the clerkship schedule that spring was brutal"),
        "exam_failure",
        rubrics,
    )
    assert level(alone, "non_defensiveness") == "strong"
    assert level(mixed, "non_defensiveness") == "partial"
    said = reasons(mixed, "non_defensiveness")
    assert any("schedule" in text and "circumstance" in why for text, why in said.items())
    assert "circumstance" in mixed.dimensions["non_defensiveness"].advice


def test_a_circumstance_conceded_before_the_owned_cause_is_partial_and_quoted(rubrics):
    """The same mix the other way round: the circumstance first, then "but I also..."."""
    conceded = score_answer(
        "I did not pass Step 1 on my first attempt, in June 2021. The clerkship schedule that "
        "spring was brutal, but I also relied on rereading my notes and never did timed blocks. "
        "For the retake I did forty timed questions a day, met a tutor every week, and passed "
        "with a 232.",
        "exam_failure",
        rubrics,
    )
    assert level(conceded, "non_defensiveness") == "partial"
    said = reasons(conceded, "non_defensiveness")
    assert any("schedule" in text and "circumstance" in why for text, why in said.items())


def test_a_softened_fact_is_not_strong_acknowledgment_and_is_quoted(rubrics):
    answer = (
        "My Step 2 kind of didn't go the way I wanted. I had been reading instead of doing "
        "timed questions, so I switched to forty timed questions a day and passed with a 240."
    )
    card = score_answer(answer, "exam_failure", rubrics)
    assert level(card, "acknowledgment") != "strong"
    said = reasons(card, "acknowledgment")
    assert any("didn't go the way" in text and "softened" in why for text, why in said.items())


def test_a_miss_described_in_the_tie_back_is_not_an_excuse(rubrics):
    """Blame words in the story of residency work ("a rushed read missed it") are not
    blame for the failure: the answer had already owned its cause and moved on."""
    answer = (
        "I failed Step 1 in June 2021. I relied on rereading notes and never timed myself. "
        "I switched to forty timed questions a day with a tutor every week and passed with a "
        "232. On my radiology elective a rushed overnight read missed a small pneumothorax that "
        "nobody caught until morning, and the fixed search pattern I now use on every chest film "
        "is how I keep that from happening on my reads."
    )
    card = score_answer(answer, "exam_failure", rubrics)
    assert level(card, "non_defensiveness") == "strong"


@pytest.mark.parametrize("didnt", ["didn't", "didnt", "didn\u2019t"])
def test_blame_said_with_a_negative_contraction_is_read(didnt, rubrics):
    """ "didn't" is "didn" + "'t" to a regex: the clause once read as a keyword list,
    so the blame in it played no role and cost nothing."""
    answer = (
        f"I failed Step 1 in June 2021. Honestly, the school {didnt} really prepare us, but I "
        "relied on rereading notes and never did timed questions. I switched to forty timed "
        "questions a day with a tutor every Sunday and passed with a 232."
    )
    owned_only = answer.replace(f"Honestly, the school {didnt} really prepare us, but I", "I")
    card = score_answer(answer, "exam_failure", rubrics)
    said = reasons(card, "non_defensiveness").items()
    blamed = [t for t, why in said if "blam" in why or "circumstance" in why]
    assert any("school" in t for t in blamed)
    calm = score_answer(owned_only, "exam_failure", rubrics).dimensions["non_defensiveness"]
    assert card.dimensions["non_defensiveness"].score <= calm.score - 10


def test_a_card_never_praises_calm_beside_a_clause_it_reads_as_blame(rubrics):
    """Found by hand in the app: "There were misunderstandings on both sides" was
    quoted as partly blaming while the cue rules' "calm and factual: no blame" was
    shown for the same dimension; the development corpus must hold no such card."""
    probe = (
        "I was out of clinical training from January to September 2022. There were "
        "misunderstandings on both sides about my visa paperwork. During those months I worked "
        "as a research assistant in a neuroradiology lab three days a week."
    )
    card = score_answer(probe, "gap", rubrics)
    said = reasons(card, "non_defensiveness")
    assert any("misunderstandings" in text and "blam" in why for text, why in said.items())
    for answer in [*development_set()[::5], None]:
        if answer is not None:
            specialty = scoring_specialty(answer, rubrics.specialties)
            card = score_answer(answer.text, answer.topic, rubrics, specialty=specialty)
        evidence = card.dimensions["non_defensiveness"].evidence
        praised = [e.text for e in evidence if e.effect == "+" and "no blame" in e.reason]
        against = [e.text for e in evidence if e.effect == "-"]
        assert not (praised and against), (answer.id if answer else "probe", praised, against)


def test_a_negation_that_blames_is_told_from_one_that_disowns(rubrics):
    """ "It wasn't my school's fault" disowns blame; "my school didn't prepare us"
    blames by what the school did not do. Both are negated; only the second is
    quoted against the answer, and it costs points the first does not."""
    story = (
        "I failed Step 1 in June 2021. {opening} I relied on rereading notes and never did "
        "timed questions. I switched to forty timed questions a day with a tutor every Sunday "
        "and passed with a 232."
    )
    disowned = story.format(opening="It wasn't my school's fault:")
    calm = score_answer(disowned, "exam_failure", rubrics)
    excused = score_answer(
        story.format(opening="Honestly, my school didn't really prepare us, and"),
        "exam_failure",
        rubrics,
    )
    calm_card = calm.dimensions["non_defensiveness"]
    assert calm_card.level == "strong"
    assert not [e.text for e in calm_card.evidence if e.effect == "-" and "fault" in e.text]
    against = [e for e in excused.dimensions["non_defensiveness"].evidence if e.effect == "-"]
    assert any("prepare us" in e.text and "blam" in e.reason for e in against)
    assert excused.dimensions["non_defensiveness"].score < calm_card.score


def test_a_stammered_fragment_still_plays_its_role(rubrics):
    """A run-on transcript is cut at commas; a stammer ("a lot of, of confusion") once
    cut off a piece with no verb, which read as a keyword list and played no role, so
    the blame in it was never seen. A verbless piece now joins its neighbour."""
    answer = (
        "so yeah, there was a, a course that i had some, some issues with in first year, and, "
        "um, the course director and i, we didn't really see eye to eye, and there was a lot "
        "of, of confusion about the grading. it got sorted out. um, but it, it taught me to be "
        "very detail oriented, which i think is really important in radiology"
    )
    card = score_answer(answer, "course_failure", rubrics)
    blamed = [t for t, why in reasons(card, "non_defensiveness").items() if "blam" in why]
    assert any("confusion about the grading" in t for t in blamed)
    assert level(card, "non_defensiveness") != "strong"


def test_a_card_never_asks_for_a_result_the_answer_gave(rubrics):
    """Found in the app: a gap answer whose result sat inside the change's own clause
    ("...three days a week and we published one paper") was told to "name what the
    time produced: a score, a publication"."""
    answer = (
        "so um, in my gap year, from january to september twenty twenty two, there was a lot "
        "of, of confusion about my visa paperwork, the, the embassy. i also waited too long to "
        "start a structured plan, that part is on me. i worked in a neuroradiology lab three "
        "days a week and we published one paper. i am ready for the pace of residency now"
    )
    action = score_answer(answer, "gap", rubrics).dimensions["corrective_action"]
    assert "publication" not in action.advice
    without = answer.replace(" and we published one paper", "")
    asked = score_answer(without, "gap", rubrics).dimensions["corrective_action"]
    assert asked.level != "strong" and "publication" in asked.advice


def test_a_card_never_asks_for_the_work_the_answer_already_named(rubrics):
    """Found in the app: a tie-back judged partial although it read films on call with
    a search pattern was told to "make the link specific (for radiology: search
    patterns, ... call)", the words it had just used. It is asked for the lesson."""
    answer = (
        "I was out of clinical work from January to September 2022. In my clerkship before "
        "that, uh, there was a lot of, of confusion about my visa paperwork. I also waited too "
        "long to start a structured plan, that part is on me. I worked in a neuroradiology lab "
        "three days a week and we published one paper on stroke imaging.\n\nNow I am ready "
        "because on call in radiology I would read every film with the same search pattern and "
        "check my misses the next morning."
    )
    tie_back = score_answer(answer, "gap", rubrics).dimensions["tie_back"]
    assert "search pattern" not in tie_back.advice
    assert tie_back.advice in (
        rubrics.advice_for("gap", "tie_back", "strong"),
        rubrics.advice_for("gap", "tie_back", "unlinked"),
    )


THIN_GAP_ANSWER = (
    "I took a gap from January to September 2022 to care for my father after his stroke. "
    "I take full responsibility for not explaining it on my application. During that time "
    "I {change} and we published one paper."
)


@pytest.mark.parametrize(
    ("change", "already_said", "lacking"),
    [
        # Found in the app: "ten hours a week" was told to add "how often".
        ("worked as a research assistant ten hours a week", ("how often",), "who helped"),
        # Its mirror: "with a mentor" was told to add "with whom".
        ("did some research with a mentor", ("with whom", "who helped"), "how often"),
    ],
)
def test_a_card_never_asks_for_the_detail_the_change_already_gave(
    rubrics, change, already_said, lacking
):
    """A partial change was told "add detail: how often, how much, and with whom"
    whatever it said. A thin change is asked only for the detail it lacks."""
    card = score_answer(THIN_GAP_ANSWER.format(change=change), "gap", rubrics)
    assert level(card, "corrective_action") == "partial"
    advice = card.dimensions["corrective_action"].advice
    assert not any(phrase in advice for phrase in already_said), advice
    assert lacking in advice  # what the change does lack


@pytest.mark.parametrize("said", ["hi", "ok", "um", "Sure.", "next question please", "asdf"])
def test_an_answer_that_says_nothing_earns_nothing(said, rubrics):
    """A greeting or a stray keystroke: no clause and no word of the question's subject.
    The model never saw one and gave its prior (acknowledgment 41 partial for "hi",
    quoted as "nearest to says plainly what happened"), above a refusal's 11."""
    card = score_answer(said, "exam_failure", rubrics)
    assert card.overall == 0
    assert {level(card, d) for d in card.dimensions} == {"missing"}
    assert not any(e.effect == "+" for r in card.dimensions.values() for e in r.evidence)
    assert "off_topic" in {f.kind for f in card.flags}


def test_a_verbless_list_that_names_the_event_is_still_read(rubrics):
    card = score_answer(
        "Failed Step 2 CK, 2023. Tutor, UWorld, NBMEs. Passed, 238.", "exam_failure", rubrics
    )
    assert level(card, "acknowledgment") != "missing"
    assert card.overall > 0
