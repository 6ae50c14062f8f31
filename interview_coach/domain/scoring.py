"""``score_answer``: the rubric card for one answer, with evidence, advice and flags.

Deterministic and explainable by construction: every point on the card comes
from a cue or a specific that is quoted back as evidence.
"""

from __future__ import annotations

from interview_coach.domain.analysis import Analysis
from interview_coach.domain.answer_text import word_count
from interview_coach.domain.caps import apply_caps
from interview_coach.domain.consistency import check_consistency
from interview_coach.domain.explanation import evidence_for, reason_for
from interview_coach.domain.judgment import level_and_score
from interview_coach.domain.length import length_target
from interview_coach.domain.profile import Profile
from interview_coach.domain.reading import Reading, read_answer
from interview_coach.domain.results import DIMENSIONS, Flag, RubricResult, ScoreCard, level_for
from interview_coach.domain.roles import has_verb
from interview_coach.domain.rubric import Rubrics

MAX_ANSWER_CHARS = 20_000
MAX_FAILURE_SENTENCES = 3
FAILURE_ROLES = frozenset(
    {"fact", "vague_fact", "own_cause", "blame", "self_pity", "minimising", "overshare"}
)
FORWARD_ROLES = frozenset({"change", "result", "link_specific", "link_generic"})
# Past the length target's long_words an answer loses a point for every WORDS_PER_POINT
# more words, up to MAX_LENGTH_PENALTY: an interviewer stops listening, however good the content.
WORDS_PER_POINT = 10
MAX_LENGTH_PENALTY = 40
# What each kind of a part's cue in a clause's sentence adds to the clause's reading as
# that part, for up to MAX_CUE_KINDS kinds (see ``outline``).
CUE_WEIGHT = 0.25
MAX_CUE_KINDS = 2
# The outline's four parts, the clause roles and the cue categories that belong to each:
# the same readings the dimension levels come from, so a card cannot say "What happened:
# missing" beside a strong acknowledgment.
OUTLINE_PARTS = (
    ("fact", ("fact", "vague_fact", "overshare"), ("fact", "vague_fact", "euphemism")),
    (
        "cause",
        ("own_cause", "blame", "self_pity", "minimising"),
        ("cause", "ownership", "blame", "self_pity", "over_apology", "minimising"),
    ),
    ("change", ("change", "vague_effort", "result"), ("change", "result", "support")),
    (
        "tie_back",
        ("link_specific", "link_generic"),
        ("specialty", "link", "residency", "generic_tieback"),
    ),
)


class AnswerError(ValueError):
    """The answer text cannot be scored (empty, too long)."""


def check_answer(answer: str) -> str:
    if not answer.strip():
        raise AnswerError("The answer is empty; type or say something to score.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise AnswerError(
            f"The answer is {len(answer):,} characters; the limit is {MAX_ANSWER_CHARS:,}."
        )
    return answer


def score_answer(
    answer: str,
    topic: str,
    rubrics: Rubrics,
    *,
    question_id: str | None = None,
    profile: Profile | None = None,
    question_follow_ups: tuple[str, ...] = (),
    specialty: str | None = None,
    asked: tuple[str, ...] = (),
    spoken_seconds: float | None = None,
) -> ScoreCard:
    """Score ``answer`` to a question on ``topic`` against the four dimensions.

    ``specialty`` (else the profile's) says which specialty's work a tie-back should
    name; with neither, a link to any specialty's work counts. ``asked`` lists
    follow-up questions already put to the user, which are never asked again.
    ``spoken_seconds`` (a spoken answer's length) makes the length note speak in
    seconds rather than words.
    """
    check_answer(answer)
    specialty = specialty or (profile.specialty if profile else None)
    reading = read_answer(answer, topic, specialty, rubrics)
    analysis = reading.analysis
    results: dict[str, RubricResult] = {}
    nothing_said = says_nothing(reading)
    for name in DIMENSIONS:
        if rubrics.judgment is None:  # only while a model is being trained
            score, evidence, reason = reading.rules[name]
            level = level_for(score)
        else:
            model = rubrics.judgment.dimensions[name]
            probabilities = model.probabilities(reading.features, reading.wording)
            level, score = level_and_score(probabilities)
            level, score = apply_caps(name, level, score, reading.clauses, rubrics.caps)
            if nothing_said:
                level, score = "missing", 0
            evidence = evidence_for(name, level, reading, rubrics.roles.reasons)
            reason = reason_for(name, level, reading)
        results[name] = RubricResult(
            name, score, level, tuple(evidence), rubrics.advice_for(topic, name, reason)
        )
    overall = overall_score(results, word_count(answer), rubrics)
    flags = _flags(reading, spoken_seconds)
    if profile is not None:
        flags.extend(check_consistency(answer, topic, profile))
    return ScoreCard(
        topic=topic,
        question_id=question_id,
        overall=overall,
        dimensions=results,
        flags=tuple(flags),
        follow_up=_follow_up(results, analysis, question_follow_ups, asked),
        outline=outline(reading),
        word_count=word_count(answer),
    )


def says_nothing(reading: Reading) -> bool:
    """No clause (not one verb) and no word of what the question is about: "hi", "ok",
    a stray keystroke. A listener has nothing to judge, yet the model, which never saw
    such an answer, gives its prior (partial acknowledgment for "hi"); every dimension
    is missing instead. A verbless list that names the event ("Failed Step 2 CK, 2023.
    Tutor, UWorld. Passed, 238.") is still read for what it gestures at.
    """
    return not names_subject(reading.analysis) and not any(
        has_verb(c.text) for c in reading.clauses
    )


def names_subject(a: Analysis) -> bool:
    """Whether the answer mentions what the question is about, plainly or vaguely."""
    return bool(a.live("on_topic") or a.live("fact") or a.live("vague_fact"))


def overall_score(results: dict[str, RubricResult], words: int, rubrics: Rubrics) -> int:
    """The weighted dimension scores, less what running far past the length costs."""
    overall = round(sum(rubrics.weights[d] * results[d].score for d in DIMENSIONS))
    return max(0, overall - length_penalty(words))


def length_penalty(words: int) -> int:
    """Points the overall score loses for running far past the length target."""
    return min(MAX_LENGTH_PENALTY, max(0, words - length_target().long_words) // WORDS_PER_POINT)


def _dwelling(reading: Reading) -> list[Flag]:
    """Too many sentences about the failure itself, or a lament in two or more clauses."""
    a = reading.analysis
    by_sentence: dict[int, set[str]] = {}
    for clause in reading.clauses:
        by_sentence.setdefault(clause.sentence, set()).add(clause.role)
    dwelling = sorted(
        i for i, roles in by_sentence.items() if roles & FAILURE_ROLES and not roles & FORWARD_ROLES
    )
    laments = [c for c in reading.clauses if c.role == "self_pity"]
    if len(dwelling) > MAX_FAILURE_SENTENCES:
        return [
            Flag(
                "dwells_on_failure",
                f"{len(dwelling)} sentences are about the failure itself; keep it to 2-3 and "
                "spend the rest on what you changed.",
                a.sentences[dwelling[MAX_FAILURE_SENTENCES]].text,
            )
        ]
    if len(laments) >= 2:
        return [
            Flag(
                "dwells_on_failure",
                f"{len(laments)} clauses dwell on how hard it was; say it once, calmly, "
                "and move to what you changed.",
                laments[1].text.strip(),
            )
        ]
    return []


def _flags(reading: Reading, spoken_seconds: float | None = None) -> list[Flag]:
    a = reading.analysis
    flags: list[Flag] = []
    words = word_count(a.answer)
    note = length_target().note(words, spoken_seconds)
    if note is not None:
        penalty = length_penalty(words)
        if note.kind == "too_long" and penalty:
            note = Flag(note.kind, f"{note.message} It cost {penalty} points overall.")
        flags.append(note)
    flags.extend(_dwelling(reading))
    if not names_subject(a):
        flags.append(
            Flag(
                "off_topic",
                "The answer never mentions what the question is about; "
                "name it in your first sentence.",
            )
        )
    for category, kind, message in (
        (
            "over_apology",
            "over_apology",
            "Apologising suggests the matter is not closed; state it calmly instead.",
        ),
        (
            "overconfidence",
            "overconfidence",
            "Sounding as if nothing needed to change suggests a lack of insight.",
        ),
        (
            "overshare",
            "overshare",
            "Name the general category only; clinical details (diagnoses, medications, "
            "admissions) are private and not needed.",
        ),
    ):
        hits = a.live(category)
        if hits:
            flags.append(Flag(kind, message, a.sentences[hits[0].sentence].text))
    hedges = a.live("hedging")
    if len(hedges) >= 3:
        said = ", ".join(f"'{cue}'" for cue in dict.fromkeys(h.cue for h in hedges))
        flags.append(
            Flag(
                "hedging",
                f"{len(hedges)} hedges ({said}): say it plainly.",
                a.sentences[hedges[0].sentence].text,
            )
        )
    return flags


def _follow_up(
    results: dict[str, RubricResult],
    a: Analysis,
    question_follow_ups: tuple[str, ...],
    asked: tuple[str, ...],
) -> str | None:
    """Probe the weakest dimension not yet asked about, as an interviewer would; when
    every dimension is strong, the question's own next follow-up; never a repeat."""
    for dimension in sorted(DIMENSIONS, key=lambda d: (results[d].score, DIMENSIONS.index(d))):
        question = a.topic.follow_up[dimension]
        if results[dimension].level != "strong" and question not in asked:
            return question
    return next((q for q in question_follow_ups if q not in asked), None)


def outline(reading: Reading) -> dict[str, object]:
    """Sort the user's own words into fact / cause / change / tie-back and name the gaps.

    Each clause goes to the part its roles weigh most in (ties to the earlier part),
    so "I failed it in June because I relied on passive reading" gives both the fact
    and the cause; a clause read more as "other" than as any part goes nowhere. Each
    kind of cue of a part in the clause's sentence (up to MAX_CUE_KINDS) weighs
    CUE_WEIGHT beside the roles, as the levels weigh both readings: "I relied on passive
    review" is a cause, "As a radiology resident I will keep a weekly review" a tie-back.
    Clauses next to each other in one part are quoted as one stretch of the answer, with
    its own punctuation. Text no clause covers (a keyword list, a fragment) is sorted by
    its cues alone.
    """
    a = reading.analysis
    # (part, sentence) -> the part's cue hits there, and how many of its categories
    hits: dict[tuple[str, int], int] = {}
    said: dict[tuple[str, int], int] = {}
    for name, _, cues in OUTLINE_PARTS:
        for category in cues:
            found = [h.sentence for h in a.live(category)]
            for sentence in found:
                hits[name, sentence] = hits.get((name, sentence), 0) + 1
            for sentence in set(found):
                said[name, sentence] = said.get((name, sentence), 0) + 1
    placed: list[tuple[int, int, str]] = []  # (start, end, part), in reading order
    for clause in reading.clauses:
        mass = [
            sum(clause.probabilities[r] for r in roles)
            + CUE_WEIGHT * min(MAX_CUE_KINDS, said.get((name, clause.sentence), 0))
            for name, roles, _ in OUTLINE_PARTS
        ]
        best = max(range(len(mass)), key=lambda i: (mass[i], -i))
        if mass[best] > clause.probabilities["other"]:
            placed.append((clause.start, clause.end, OUTLINE_PARTS[best][0]))
    spans = [(c.start, c.end) for c in reading.clauses]
    for sentence in a.sentences:
        if any(start < sentence.end and sentence.start < end for start, end in spans):
            continue
        counts = [
            (hits.get((name, sentence.index), 0), -i, name)
            for i, (name, _, _) in enumerate(OUTLINE_PARTS)
        ]
        best_cues = max(counts)
        if best_cues[0] > 0:
            placed.append((sentence.start, sentence.end, best_cues[2]))
    runs: list[list] = []  # [start, end, part]: neighbours in one part joined
    for start, end, part in sorted(placed):
        if runs and runs[-1][2] == part and not a.answer[runs[-1][1] : start].strip(" ,;:-"):
            runs[-1][1] = end
        else:
            runs.append([start, end, part])
    parts: dict[str, list[str]] = {name: [] for name, _, _ in OUTLINE_PARTS}
    for start, end, part in runs:
        parts[part].append(a.answer[start:end].strip())
    return {
        "parts": parts,
        "missing": [name for name, found in parts.items() if not found],
    }
