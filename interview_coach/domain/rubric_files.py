"""The rubric folder's own files, each read and validated on its own.

``common.toml`` (weights, rewrites, shared cues and advice), one file per topic,
``specialties/<id>.toml`` and ``tie_back_generic.toml``: what each may hold and
the clear error when it holds something else. ``rubric.py`` assembles them, with
the fitted models, into ``Rubrics``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from interview_coach.domain.datafiles import (
    DataFileError,
    check_keys,
    expect_str,
    expect_str_list,
    read_toml,
    where,
)
from interview_coach.domain.results import DIMENSIONS

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
    "corrective_action": (
        "none",
        "vague",
        "no_result",
        "thin",
        "thin_frequency",
        "thin_support",
        "thin_sustained",
        "strong",
    ),
    "tie_back": ("none", "generic", "no_specialty", "unlinked", "strong"),
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


def load_common(path: Path) -> tuple[dict, tuple, dict, dict]:
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


def load_topic(path: Path) -> TopicRubric:
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


def load_specialty(path: Path) -> Specialty:
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


def load_generic_tie_backs(path: Path) -> tuple[str, ...]:
    data, text = read_toml(path)
    check_keys(data, {"examples"}, path, text, "the generic tie-backs")
    return _example_list(data, "examples", path, text, "the generic tie-backs")
