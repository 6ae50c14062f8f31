"""One reading of an answer: sentences, cue hits, clause roles and named features.

Scoring, training and the card's explanations all start from the same reading,
so what the model was fitted on is exactly what the user's answer is judged by.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from interview_coach.domain import dimensions
from interview_coach.domain.analysis import Analysis, analyse
from interview_coach.domain.attribution import Markers, default_markers
from interview_coach.domain.judgment import features
from interview_coach.domain.results import DIMENSIONS
from interview_coach.domain.roles import Clause, read_clauses
from interview_coach.domain.rubric import Rubrics
from interview_coach.domain.sentence_vectors import sentence_vectors

RULES = {
    "acknowledgment": dimensions.acknowledgment,
    "non_defensiveness": dimensions.non_defensiveness,
    "corrective_action": dimensions.corrective_action,
    "tie_back": dimensions.tie_back,
}


@dataclass(frozen=True)
class Reading:
    analysis: Analysis
    clauses: list[Clause]
    rules: dict[str, dimensions.Scored]
    features: dict[str, float]
    wording: Any  # the whole answer's unit vector (numpy, 256 values)
    markers: Markers  # how clauses are said: what the card quotes for each mechanism


def read_answer(answer: str, topic: str, specialty: str | None, rubrics: Rubrics) -> Reading:
    """Everything the judgment needs, computed once (about 2 ms for 300 words)."""
    analysis = analyse(answer, topic, specialty, rubrics)
    rules = {name: RULES[name](analysis) for name in DIMENSIONS}
    vectors = sentence_vectors()
    clauses = read_clauses(
        answer,
        analysis.sentences,
        rubrics.roles,
        vectors,
        rubrics.role_classifier,
        spoken=rubrics.spoken,
    )
    markers = rubrics.markers or default_markers()
    cue_scores = {name: rules[name][0] for name in DIMENSIONS}
    named = features(analysis, clauses, cue_scores, markers, tuple(sorted(rubrics.topics)))
    return Reading(analysis, clauses, rules, named, vectors.embed([answer])[0], markers)
