"""Rubric data: cue lists, weights, advice and follow-ups, from ``rubrics/*.toml``.

``common.toml`` holds what every topic shares (blame and self-pity lexicons,
generic corrective actions, weights), one file per topic adds what that red
flag needs, and ``specialties/<id>.toml`` adds how a lesson ties back to that
specialty, with example sentences of such a tie-back; ``tie_back_generic.toml``
holds example tie-back lines that name no specialty at all. Adding a specialty is
adding a file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from interview_coach.domain.answer_text import normalise, normaliser_digest
from interview_coach.domain.attribution import Markers, load_markers
from interview_coach.domain.caps import Cap, load_caps
from interview_coach.domain.cues import CueMatcher
from interview_coach.domain.datafiles import DataFileError, derived_table
from interview_coach.domain.judgment import JudgmentModel, load_judgment_model
from interview_coach.domain.role_classifier import (
    RoleClassifier,
    attach_bank_vectors,
    load_role_classifier,
)
from interview_coach.domain.roles import RoleBank, load_role_bank
from interview_coach.domain.rubric_files import (
    Specialty,
    TopicRubric,
    load_common,
    load_generic_tie_backs,
    load_specialty,
    load_topic,
)
from interview_coach.domain.spoken_forms import SpokenForms, load_spoken_forms

__all__ = ["Rubrics", "Specialty", "TopicRubric", "default_rubrics", "load_rubrics"]


# Top-level rubric files that are not topics.
NOT_TOPICS = frozenset(
    {
        "common.toml",
        "tie_back_generic.toml",
        "judgment.toml",
        "role_classifier.toml",
        "length.toml",
        "judgment_markers.toml",
        "spoken_forms.toml",
        "caps.toml",
    }
)


@dataclass(frozen=True, eq=False)
class Rubrics:
    """Identity-hashed so per-(topic, specialty) matchers can be cached against it."""

    weights: dict[str, float]
    rewrites: tuple[tuple[re.Pattern[str], str], ...]
    common_cues: dict[str, tuple[str, ...]]
    advice: dict[str, dict[str, str]]
    topics: dict[str, TopicRubric]
    specialties: dict[str, Specialty]
    roles: RoleBank
    judgment: JudgmentModel | None  # None only while a model is being trained
    role_classifier: RoleClassifier | None
    # Tie-back lines that name no residency or specialty work ("I am ready for
    # residency"): examples of the partial, generic level.
    generic_tie_backs: tuple[str, ...] = ()
    # How a clause is said (mixed attribution, hedges): judgment_markers.toml.
    markers: Markers | None = None
    # How a spoken clause is read as written before its role is judged: spoken_forms.toml.
    spoken: SpokenForms | None = None
    # Ceilings LABELLING.md applies whatever the model says: caps.toml.
    caps: tuple[Cap, ...] = ()
    # Every cue's normalised form, worked out once at load (see ``cue_forms``).
    cue_forms: Mapping[str, str] = field(default_factory=dict)

    def topic(self, topic_id: str) -> TopicRubric:
        try:
            return self.topics[topic_id]
        except KeyError:
            raise DataFileError(f"Unknown topic '{topic_id}': no rubric for it.") from None

    def specialty(self, specialty_id: str) -> Specialty:
        try:
            return self.specialties[specialty_id]
        except KeyError:
            raise DataFileError(f"Unknown specialty '{specialty_id}'.") from None

    def advice_for(self, topic: str, dimension: str, reason: str) -> str:
        own = self.topic(topic).advice.get(dimension, {}).get(reason)
        return own or self.advice[dimension][reason]

    def matcher(self, topic: str, specialty: str | None) -> CueMatcher:
        """Cues for a topic and specialty; with no specialty, every specialty's cues count."""
        return _matcher(self, topic, specialty)


@lru_cache(maxsize=64)
def _matcher(rubrics: Rubrics, topic: str, specialty: str | None) -> CueMatcher:
    merged: dict[str, list[tuple[str, str]]] = {}
    specialties = (
        [rubrics.specialty(specialty).cues]
        if specialty
        else [s.cues for s in rubrics.specialties.values()]
    )
    sources = (rubrics.common_cues, rubrics.topic(topic).cues, *specialties)
    forms = rubrics.cue_forms
    for source in sources:
        for category, cues in source.items():
            bucket = merged.setdefault(category, [])
            known = {text for text, _ in bucket}
            bucket.extend(
                (cue, forms[cue] if cue in forms else " ".join(normalise(cue, rubrics.rewrites)))
                for cue in cues
                if cue not in known
            )
    return CueMatcher(merged)


def load_rubrics(folder: Path) -> Rubrics:
    """Load and validate the whole rubric folder."""
    weights, rewrites, cues, advice = load_common(folder / "common.toml")
    topics = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name not in NOT_TOPICS:
            rubric = load_topic(path)
            topics[rubric.topic] = rubric
    specialties = {s.id: s for s in map(load_specialty, sorted(folder.glob("specialties/*.toml")))}
    if not specialties:
        raise DataFileError(f"{folder / 'specialties'}: no specialty files found.")
    generic = load_generic_tie_backs(folder / "tie_back_generic.toml")
    # Each specialty's tie-back examples teach the role bank what a specific link
    # sounds like in that work; the generic lines, what a generic one sounds like.
    roles = load_role_bank(
        folder / "roles",
        extra={
            "link_specific": tuple(e for s in specialties.values() for e in s.tie_back_examples),
            "link_generic": generic,
        },
    )
    # The fitted parts are optional only so that they can be refitted from scratch.
    model_file = folder / "judgment.toml"
    judgment = load_judgment_model(model_file) if model_file.exists() else None
    classifier_file = folder / "role_classifier.toml"
    classifier = load_role_classifier(classifier_file) if classifier_file.exists() else None
    if classifier is not None:
        roles = attach_bank_vectors(roles, folder / "role_vectors.npy", classifier)
    return Rubrics(
        weights,
        rewrites,
        cues,
        advice,
        topics,
        specialties,
        roles=roles,
        judgment=judgment,
        role_classifier=classifier,
        generic_tie_backs=generic,
        markers=load_markers(folder / "judgment_markers.toml"),
        spoken=load_spoken_forms(folder / "spoken_forms.toml"),
        caps=load_caps(folder / "caps.toml"),
        cue_forms=cue_forms(
            rewrites,
            [cues, *(t.cues for t in topics.values()), *(s.cues for s in specialties.values())],
        ),
    )


def cue_forms(
    rewrites: tuple[tuple[re.Pattern[str], str], ...],
    sources: list[dict[str, tuple[str, ...]]],
) -> dict[str, str]:
    """Each cue's normalised form, as the matcher compares it with an answer.

    Normalising every cue takes longer than the rest of a start-up's data work, so
    the table is a ``derived_table``: inside ``Coach.load`` it is read back from the
    parsed-data cache whenever the cues, the rewrites and the normalising code are
    unchanged (all three are in its key)."""
    cues = sorted({cue for source in sources for phrases in source.values() for cue in phrases})
    rewritten = [[pattern.pattern, pattern.flags, to] for pattern, to in rewrites]
    key = json.dumps(["cue forms", normaliser_digest(), rewritten, cues])
    return derived_table(key, lambda: {cue: " ".join(normalise(cue, rewrites)) for cue in cues})


@lru_cache(maxsize=4)
def default_rubrics(folder: Path | None = None) -> Rubrics:
    from interview_coach.locations import bundled_data_dir

    return load_rubrics(folder or bundled_data_dir("rubrics"))
