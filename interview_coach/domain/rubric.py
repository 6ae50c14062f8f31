"""Rubric data: cue lists, weights, advice and follow-ups, from ``rubrics/*.toml``.

``common.toml`` holds what every topic shares (blame and self-pity lexicons,
generic corrective actions, weights), one file per topic adds what that red
flag needs, and ``specialties/<id>.toml`` adds how a lesson ties back to that
specialty, with example sentences of such a tie-back; ``tie_back_generic.toml``
holds example tie-back lines that name no specialty at all. Adding a specialty is
adding a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interview_coach.domain.answer_text import normalise
from interview_coach.domain.attribution import Markers, load_markers
from interview_coach.domain.cues import CueMatcher
from interview_coach.domain.datafiles import (
    DataFileError,
    check_keys,
    expect_str,
    expect_str_list,
    read_toml,
    where,
)
from interview_coach.domain.judgment import JudgmentModel, load_judgment_model
from interview_coach.domain.results import DIMENSIONS
from interview_coach.domain.role_classifier import (
    RoleClassifier,
    attach_bank_vectors,
    load_role_classifier,
)
from interview_coach.domain.roles import RoleBank, load_role_bank
from interview_coach.domain.spoken_forms import SpokenForms, load_spoken_forms

# Advice is chosen by *why* a dimension lost points, not only by its level, so the
# card can say the one next step that would help most.
ADVICE_KEYS = {
    "acknowledgment": (
        "not_named",
        "euphemism",
        "vague",
        "late",
        "no_specifics",
        "overshare",
        "strong",
    ),
    "non_defensiveness": (
        "blame",
        "mixed",
        "self_pity",
        "over_apology",
        "minimising",
        "overconfidence",
        "no_cause",
        "strong",
    ),
    "corrective_action": ("none", "vague", "no_result", "thin", "strong"),
    "tie_back": ("none", "generic", "no_specialty", "strong"),
}
COMMON_CUES = frozenset(
    [
        "euphemism",
        "vague_fact",
        "ownership",
        "blame",
        "self_pity",
        "over_apology",
        "minimising",
        "overconfidence",
        "hedging",
        "change",
        "cause",
        "vague_effort",
        "support",
        "result",
        "residency",
        "link",
        "generic_tieback",
        "self_description",
    ]
)
TOPIC_CUES = COMMON_CUES | {"on_topic", "fact", "cause", "overshare"}
# A specialty file names its daily work ("specialty") and may add the ways its
# residents and mentors are called ("residency", "link", "support"): "as a radiology
# resident" anchors a tie-back only for radiology, not for every specialty.
SPECIALTY_CUES = frozenset({"specialty", "residency", "link", "support"})
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
    }
)
SPECIFIC_KINDS = frozenset({"exam", "date", "duration", "attempt", "number", "event"})


@dataclass(frozen=True)
class Specialty:
    id: str
    name: str
    cues: dict[str, tuple[str, ...]]
    # Sentences an applicant might say that tie a lesson to this specialty's work:
    # examples of a specific tie-back, kept as data (to compare answers against).
    tie_back_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicRubric:
    topic: str
    specifics: tuple[str, ...]
    specifics_for_strong: int
    cues: dict[str, tuple[str, ...]]
    advice: dict[str, dict[str, str]]
    follow_up: dict[str, str]


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
    for source in sources:
        for category, cues in source.items():
            bucket = merged.setdefault(category, [])
            known = {text for text, _ in bucket}
            bucket.extend(
                (cue, " ".join(normalise(cue, rubrics.rewrites)))
                for cue in cues
                if cue not in known
            )
    return CueMatcher(merged)


def _cue_table(
    data: object, allowed: frozenset[str], path: Path, text: str
) -> dict[str, tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(f"{where(path, text, 'cues')}: [cues] must be a table of lists.")
    check_keys(data, allowed, path, text, "[cues]")
    return {k: expect_str_list(v, path, text, k, "[cues]") for k, v in data.items()}


def _advice_table(data: object, path: Path, text: str) -> dict[str, dict[str, str]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(f"{where(path, text, 'advice')}: [advice] must be a table.")
    check_keys(data, DIMENSIONS, path, text, "[advice]")
    result: dict[str, dict[str, str]] = {}
    for dimension, levels in data.items():
        if not isinstance(levels, dict):
            raise DataFileError(f"{where(path, text, dimension)}: advice must be a table.")
        check_keys(levels, ADVICE_KEYS[dimension], path, text, f"[advice.{dimension}]")
        result[dimension] = {
            lvl: expect_str(v, path, text, lvl, f"[advice.{dimension}]")
            for lvl, v in levels.items()
        }
    return result


def _load_common(path: Path) -> tuple[dict, tuple, dict, dict]:
    data, text = read_toml(path)
    check_keys(data, {"weights", "rewrites", "cues", "advice"}, path, text, "common.toml")
    weights = data.get("weights", {})
    check_keys(weights, DIMENSIONS, path, text, "[weights]")
    if set(weights) != set(DIMENSIONS) or not all(
        isinstance(v, int | float) and v >= 0 for v in weights.values()
    ):
        raise DataFileError(f"{path}: [weights] needs a non-negative number for each dimension.")
    total = sum(weights.values())
    if total <= 0:
        raise DataFileError(f"{path}: [weights] must not all be zero.")
    rewrites = []
    for index, entry in enumerate(data.get("rewrites", [])):
        if not isinstance(entry, dict):
            raise DataFileError(f"{path}: rewrite #{index + 1} must be a table.")
        check_keys(entry, {"pattern", "replace"}, path, text, f"rewrite #{index + 1}")
        pattern = expect_str(entry.get("pattern"), path, text, "pattern", f"rewrite #{index + 1}")
        replace = entry.get("replace")
        if not isinstance(replace, str):
            raise DataFileError(f"{path}: rewrite #{index + 1} needs a 'replace' string.")
        try:
            rewrites.append((re.compile(pattern), replace))
        except re.error as exc:
            raise DataFileError(
                f"{path}: rewrite #{index + 1} pattern is invalid ({exc})."
            ) from exc
    advice = _advice_table(data.get("advice"), path, text)
    for dimension in DIMENSIONS:
        lacking = set(ADVICE_KEYS[dimension]) - set(advice.get(dimension, {}))
        if lacking:
            raise DataFileError(f"{path}: [advice.{dimension}] needs '{sorted(lacking)[0]}'.")
    cues = _cue_table(data.get("cues"), COMMON_CUES, path, text)
    normalised = {k: v / total for k, v in weights.items()}
    return normalised, tuple(rewrites), cues, advice


def _load_topic(path: Path) -> TopicRubric:
    data, text = read_toml(path)
    allowed = {"topic", "specifics", "specifics_for_strong", "cues", "advice", "follow_up"}
    check_keys(data, allowed, path, text, "the rubric")
    topic = expect_str(data.get("topic"), path, text, "topic", "the rubric")
    if topic != path.stem:
        raise DataFileError(f"{path}: topic '{topic}' must match the file name.")
    specifics = expect_str_list(data.get("specifics", []), path, text, "specifics", "the rubric")
    unknown = set(specifics) - SPECIFIC_KINDS
    if unknown:
        raise DataFileError(
            f"{where(path, text, 'specifics')}: unknown kind '{sorted(unknown)[0]}' "
            f"(known: {', '.join(sorted(SPECIFIC_KINDS))})."
        )
    needed = data.get("specifics_for_strong", min(2, len(specifics)))
    if not isinstance(needed, int) or not 0 <= needed <= len(specifics):
        raise DataFileError(
            f"{where(path, text, 'specifics_for_strong')}: specifics_for_strong must be a whole "
            f"number from 0 to {len(specifics)}."
        )
    cues = _cue_table(data.get("cues"), TOPIC_CUES, path, text)
    for needed_cues in ("on_topic", "fact", "change", "result"):
        if not cues.get(needed_cues):
            raise DataFileError(f"{path}: [cues] needs a non-empty '{needed_cues}' list.")
    follow_up = data.get("follow_up", {})
    check_keys(follow_up, DIMENSIONS, path, text, "[follow_up]")
    if set(follow_up) != set(DIMENSIONS):
        raise DataFileError(f"{path}: [follow_up] needs one question per dimension.")
    return TopicRubric(
        topic=topic,
        specifics=specifics,
        specifics_for_strong=needed,
        cues=cues,
        advice=_advice_table(data.get("advice"), path, text),
        follow_up={k: expect_str(v, path, text, k, "[follow_up]") for k, v in follow_up.items()},
    )


def _example_list(
    data: dict, key: str, path: Path, text: str, context: str, required: bool = True
) -> tuple[str, ...]:
    """A non-empty list of distinct example sentences (optional when not ``required``)."""
    if key not in data:
        if not required:
            return ()
        raise DataFileError(f"{path}: {context} needs a non-empty '{key}' list.")
    examples = expect_str_list(data[key], path, text, key, context)
    if not examples:
        raise DataFileError(f"{where(path, text, key)}: '{key}' in {context} must not be empty.")
    seen: set[str] = set()
    for example in examples:
        folded = " ".join(example.lower().split())
        if folded in seen:
            raise DataFileError(
                f"{where(path, text, key)}: '{key}' in {context} lists '{example}' twice."
            )
        seen.add(folded)
    return examples


def _load_specialty(path: Path) -> Specialty:
    data, text = read_toml(path)
    check_keys(data, {"id", "name", "cues", "tie_back_examples"}, path, text, "the specialty")
    specialty_id = expect_str(data.get("id"), path, text, "id", "the specialty")
    if specialty_id != path.stem:
        raise DataFileError(f"{path}: specialty id '{specialty_id}' must match the file name.")
    cues = _cue_table(data.get("cues"), SPECIALTY_CUES, path, text)
    if not cues.get("specialty"):
        raise DataFileError(f"{path}: [cues] needs a non-empty 'specialty' list.")
    return Specialty(
        specialty_id,
        expect_str(data.get("name"), path, text, "name", "it"),
        cues,
        # Optional, so a new specialty can start with cues alone; non-empty when given.
        _example_list(data, "tie_back_examples", path, text, "the specialty", required=False),
    )


def _load_generic_tie_backs(path: Path) -> tuple[str, ...]:
    data, text = read_toml(path)
    check_keys(data, {"examples"}, path, text, "the generic tie-backs")
    return _example_list(data, "examples", path, text, "the generic tie-backs")


def load_rubrics(folder: Path) -> Rubrics:
    """Load and validate the whole rubric folder."""
    weights, rewrites, cues, advice = _load_common(folder / "common.toml")
    topics = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name not in NOT_TOPICS:
            rubric = _load_topic(path)
            topics[rubric.topic] = rubric
    specialties = {s.id: s for s in map(_load_specialty, sorted(folder.glob("specialties/*.toml")))}
    if not specialties:
        raise DataFileError(f"{folder / 'specialties'}: no specialty files found.")
    generic = _load_generic_tie_backs(folder / "tie_back_generic.toml")
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
    )


@lru_cache(maxsize=4)
def default_rubrics(folder: Path | None = None) -> Rubrics:
    from interview_coach.locations import bundled_data_dir

    return load_rubrics(folder or bundled_data_dir("rubrics"))
