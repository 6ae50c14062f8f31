"""The scorer held to labelled answers it was not fitted on, and to ablations.

The fresh corpus's test split (a frozen 30% by hash of id, see corpus_loader.py) is
never used to fit or tune anything; these tests check that the scorer clearly beats
always answering the most common level there, never strays two levels from the
label on more than a few answers, and that removing one part of a strong answer
costs that dimension more than the others.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from corpus_loader import DIMENSIONS, fresh_split, load_corpus, scoring_specialty

from interview_coach.domain.scoring import score_answer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from agreement import best_constant, exact, quadratic_weighted_kappa

LEVELS = {"missing": 0, "partial": 1, "strong": 2}
ABLATIONS = [a for a in load_corpus() if a.ablation_of]
TEST = fresh_split()[1]


@pytest.fixture(scope="module")
def test_levels(rubrics):
    truth = {d: [] for d in DIMENSIONS}
    guess = {d: [] for d in DIMENSIONS}
    for answer in TEST:
        card = score_answer(
            answer.text,
            answer.topic,
            rubrics,
            specialty=scoring_specialty(answer, rubrics.specialties),
        )
        for d in DIMENSIONS:
            truth[d].append(answer.labels[d])
            guess[d].append(LEVELS[card.dimensions[d].level])
    return truth, guess


def test_the_test_split_is_large_and_varied():
    assert len(TEST) >= 150
    assert sum(a.voice == "transcript" for a in TEST) / len(TEST) >= 0.3
    assert len({a.specialty for a in TEST}) >= 8
    assert len({a.topic for a in TEST}) == 9


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_each_dimension_beats_the_best_constant_on_unseen_answers(dimension, test_levels):
    truth, guess = test_levels
    _, constant = best_constant(truth[dimension])
    assert exact(truth[dimension], guess[dimension]) >= constant + 0.15
    assert quadratic_weighted_kappa(truth[dimension], guess[dimension]) >= 0.5


def test_levels_are_rarely_two_apart_from_the_label(test_levels):
    truth, guess = test_levels
    pairs = [(t, g) for d in DIMENSIONS for t, g in zip(truth[d], guess[d], strict=True)]
    far = sum(abs(t - g) == 2 for t, g in pairs)
    assert far / len(pairs) <= 0.03


@pytest.fixture(scope="module")
def ablation_cards(rubrics):
    ids = {a.ablation_of for a in ABLATIONS}
    strong = {a.id: a for a in load_corpus() if a.id in ids}
    cards = {i: score_answer(a.text, a.topic, rubrics) for i, a in strong.items()}
    cards.update({a.id: score_answer(a.text, a.topic, rubrics) for a in ABLATIONS})
    return cards


def test_removing_a_part_costs_its_own_dimension_most(ablation_cards):
    """Over every ablation set: the ablated dimension drops, the others mostly stay."""
    own_drops, other_moves = [], []
    for answer in ABLATIONS:
        base, ablated = ablation_cards[answer.ablation_of], ablation_cards[answer.id]
        own_drops.append(
            base.dimensions[answer.ablated].score - ablated.dimensions[answer.ablated].score
        )
        other_moves += [
            abs(base.dimensions[d].score - ablated.dimensions[d].score)
            for d in DIMENSIONS
            if d != answer.ablated
        ]
    assert sum(drop >= 20 for drop in own_drops) / len(own_drops) >= 0.8
    assert sum(own_drops) / len(own_drops) >= 3 * sum(other_moves) / len(other_moves)


def test_every_scored_dimension_quotes_evidence_from_the_answer(rubrics):
    for answer in TEST[:60]:
        card = score_answer(
            answer.text,
            answer.topic,
            rubrics,
            specialty=scoring_specialty(answer, rubrics.specialties),
        )
        for name, result in card.dimensions.items():
            assert result.advice
            for item in result.evidence:
                assert answer.text[item.start : item.end] == item.text, (answer.id, name)
            if result.level != "missing":
                assert result.evidence, f"{answer.id} {name} has points but no evidence"
