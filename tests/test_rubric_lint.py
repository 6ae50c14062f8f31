"""A linter for the rubric data an advisor edits, and the fitted files that depend on it.

Cue lists grew by accretion once (duplicates, one-word penalty cues that fire on
innocent text, the same phrase in two conflicting lists); the example bank and the
fitted models must stay in step with the data they were fitted on.
"""

from __future__ import annotations

import pytest

from interview_coach.domain.answer_text import normalise, split_sentences
from interview_coach.domain.attribution import informs
from interview_coach.domain.judgment import DIMENSIONS
from interview_coach.domain.reading import read_answer
from interview_coach.domain.role_classifier import bank_digest
from interview_coach.domain.roles import ROLES, read_clauses
from interview_coach.domain.sentence_vectors import sentence_vectors

# Categories that take points away: a single common word there fires on innocent text.
PENALTY = ("blame", "self_pity", "over_apology", "minimising", "overconfidence", "euphemism",
           "vague_fact", "vague_effort")  # fmt: skip
CONFLICTS = (
    ("ownership", "blame"),
    ("cause", "blame"),
    ("change", "vague_effort"),
    ("fact", "euphemism"),
    ("fact", "vague_fact"),
    ("link", "generic_tieback"),
    ("residency", "generic_tieback"),
    ("ownership", "minimising"),
)


def _sources(rubrics):
    yield "common.toml", rubrics.common_cues
    for topic, rubric in rubrics.topics.items():
        yield f"{topic}.toml", rubric.cues
    for specialty_id, specialty in rubrics.specialties.items():
        yield f"specialties/{specialty_id}.toml", specialty.cues


def test_no_cue_is_listed_twice_in_one_category(rubrics):
    repeated = []
    for name, cues in _sources(rubrics):
        for category, listed in cues.items():
            seen = set()
            for cue in listed:
                key = " ".join(normalise(cue, rubrics.rewrites))
                if key in seen:
                    repeated.append(f"{name} [{category}] {cue!r}")
                seen.add(key)
    assert repeated == []


# Read only inside a negated clause ("it wasn't because of my school"), so its words
# may also mark something else elsewhere ("because of" offers a reason).
NEGATED_ONLY = frozenset({"disowning"})


def test_no_marker_phrase_is_listed_twice_or_in_two_kinds(rubrics):
    repeated = []
    for group in (
        {k: v for k, v in rubrics.markers.phrases.items() if k not in NEGATED_ONLY},
        *({k: rubrics.markers.phrases[k]} for k in NEGATED_ONLY),
    ):
        seen: dict[str, str] = {}
        for kind, phrases in group.items():
            for phrase in phrases:
                key = " ".join(phrase.lower().split())
                if key in seen:
                    repeated.append(f"{phrase!r} in {kind} and {seen[key]}")
                seen[key] = kind
    assert repeated == []


def test_no_one_word_cue_takes_points_away(rubrics):
    single = [
        f"{name} [{category}] {cue!r}"
        for name, cues in _sources(rubrics)
        for category in PENALTY
        for cue in cues.get(category, ())
        if len(normalise(cue, rubrics.rewrites)) == 1
    ]
    assert single == []


def test_no_cue_sits_in_two_conflicting_categories(rubrics):
    clashes = []
    for name, cues in _sources(rubrics):
        for first, second in CONFLICTS:
            a = {" ".join(normalise(c, rubrics.rewrites)) for c in cues.get(first, ())}
            a |= {
                " ".join(normalise(c, rubrics.rewrites)) for c in rubrics.common_cues.get(first, ())
            }
            b = {" ".join(normalise(c, rubrics.rewrites)) for c in cues.get(second, ())}
            b |= {
                " ".join(normalise(c, rubrics.rewrites))
                for c in rubrics.common_cues.get(second, ())
            }
            clashes += [f"{name}: {cue!r} in {first} and {second}" for cue in a & b]
    assert clashes == []


def test_every_role_has_a_large_bank_with_no_example_in_two_roles(rubrics):
    owner: dict[str, str] = {}
    twice = []
    for role in ROLES:
        examples = rubrics.roles.examples[role]
        assert len(examples) >= 100, role
        assert rubrics.roles.reasons[role]
        for example in examples:
            key = " ".join(example.lower().split())
            if owner.get(key, role) != role:
                twice.append(f"{example!r} in {owner[key]} and {role}")
            owner[key] = role
    assert twice == []


def test_the_role_classifier_was_fitted_on_this_bank(rubrics):
    assert rubrics.role_classifier is not None
    assert rubrics.role_classifier.bank_digest == bank_digest(rubrics.roles), (
        "rubrics/roles/ changed: run benchmarks/train_roles.py --write, then "
        "benchmarks/train_judgment.py --write"
    )


def test_the_judgment_model_knows_every_feature_the_reading_produces(rubrics):
    produced = set(read_answer("I failed Step 1 in 2021.", "exam_failure", None, rubrics).features)
    assert rubrics.judgment is not None
    for dimension in DIMENSIONS:
        weighed = {name for name in produced if informs(name, dimension)}
        assert set(rubrics.judgment.dimensions[dimension].names) == weighed, (
            "features changed: run benchmarks/train_judgment.py --write"
        )


@pytest.mark.parametrize("role", ROLES)
def test_most_examples_of_a_role_are_read_as_that_role(role, rubrics):
    """The classifier agrees with the bank it was fitted on (a broken fit shows here)."""

    examples = rubrics.roles.examples[role][:40]
    text = "\n".join(e.rstrip(".") + "." for e in examples)

    sentences = tuple(split_sentences(text, rubrics.rewrites))
    clauses = read_clauses(
        text, sentences, rubrics.roles, sentence_vectors(), rubrics.role_classifier
    )
    assert sum(c.role == role for c in clauses) / len(clauses) >= 0.6
