"""The scorer held to a labelled corpus written from DESIGN.md's level descriptions."""

from __future__ import annotations

import pytest
from corpus_loader import DIMENSIONS, load_corpus

from interview_coach.domain.scoring import score_answer

LEVELS = {"missing": 0, "partial": 1, "strong": 2}
CORPUS = load_corpus()


@pytest.fixture(scope="module")
def cards(rubrics):
    return {a.id: score_answer(a.text, a.topic, rubrics) for a in CORPUS}


def test_corpus_is_large_and_covers_every_topic(bank):
    assert len(CORPUS) >= 80
    assert {a.topic for a in CORPUS} == set(bank.topics)
    assert sum(1 for a in CORPUS if a.ablation_of) >= 40


def test_level_agreement_is_at_least_80_percent_and_never_off_by_two(cards):
    agree, total, far = 0, 0, []
    for answer in CORPUS:
        for dimension in DIMENSIONS:
            got = LEVELS[cards[answer.id].dimensions[dimension].level]
            total += 1
            agree += got == answer.labels[dimension]
            if abs(got - answer.labels[dimension]) >= 2:
                far.append((answer.id, dimension, answer.labels[dimension], got))
    assert agree / total >= 0.80, f"agreement {agree}/{total}"
    assert far == []


@pytest.mark.parametrize("answer", [a for a in CORPUS if a.ablation_of], ids=lambda a: a.id)
def test_ablating_one_dimension_moves_only_that_dimension(answer, cards):
    base, ablated = cards[answer.ablation_of], cards[answer.id]
    drop = base.dimensions[answer.ablated].score - ablated.dimensions[answer.ablated].score
    assert drop >= 25, f"{answer.ablated} fell only {drop}"
    for dimension in DIMENSIONS:
        if dimension != answer.ablated:
            moved = abs(base.dimensions[dimension].score - ablated.dimensions[dimension].score)
            assert moved < 10, f"{dimension} moved {moved}"


def test_every_scored_dimension_quotes_evidence_from_the_answer(cards):
    for answer in CORPUS:
        for name, result in cards[answer.id].dimensions.items():
            if result.score > 0:
                assert result.evidence, f"{answer.id} {name} has points but no evidence"
            for item in result.evidence:
                assert answer.text[item.start : item.end] == item.text
            assert result.advice
