"""Ceilings on a dimension's level that no learned weight may lift (``rubrics/caps.toml``).

The judgment model learns most of LABELLING.md from examples, but a few of its
rules are absolute ("oversharing clinical detail lowers acknowledgment to partial at
best"), and a model fitted on averages can outvote them on a short answer that is
otherwise clean. A cap names the role, how surely a clause must be read in it, the
dimension and the highest level it allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interview_coach.domain.datafiles import DataFileError, check_keys, expect_str, read_toml
from interview_coach.domain.results import DIMENSIONS, LEVELS
from interview_coach.domain.roles import ROLES, Clause

# The top score of each level's band (DESIGN.md: missing < 40 <= partial < 70).
BAND_TOP = {"missing": 39, "partial": 69}


@dataclass(frozen=True)
class Cap:
    role: str
    at_least: float
    dimension: str
    highest: str

    def applies(self, clauses: tuple[Clause, ...] | list[Clause]) -> bool:
        return any(c.probabilities.get(self.role, 0.0) >= self.at_least for c in clauses)


def apply_caps(
    dimension: str,
    level: str,
    score: int,
    clauses: tuple[Clause, ...] | list[Clause],
    caps: tuple[Cap, ...],
) -> tuple[str, int]:
    """The level and score after every cap on ``dimension`` that this answer triggers."""
    for cap in caps:
        above = LEVELS.index(level) > LEVELS.index(cap.highest)
        if cap.dimension == dimension and above and cap.applies(clauses):
            level, score = cap.highest, min(score, BAND_TOP[cap.highest])
    return level, score


def load_caps(path: Path) -> tuple[Cap, ...]:
    data, text = read_toml(path)
    check_keys(data, {"cap"}, path, text, "the caps file")
    entries = data.get("cap", [])
    if not isinstance(entries, list):
        raise DataFileError(f"{path}: 'cap' must be a list of [[cap]] tables.")
    caps = []
    for number, entry in enumerate(entries, start=1):
        context = f"cap #{number}"
        if not isinstance(entry, dict):
            raise DataFileError(f"{path}: {context} must be a table.")
        check_keys(entry, {"role", "at_least", "dimension", "highest"}, path, text, context)
        role = expect_str(entry.get("role"), path, text, "role", context)
        dimension = expect_str(entry.get("dimension"), path, text, "dimension", context)
        highest = expect_str(entry.get("highest"), path, text, "highest", context)
        at_least = entry.get("at_least")
        if role not in ROLES:
            raise DataFileError(f"{path}: {context} names an unknown role '{role}'.")
        if dimension not in DIMENSIONS:
            raise DataFileError(f"{path}: {context} names an unknown dimension '{dimension}'.")
        if highest not in BAND_TOP:
            raise DataFileError(f"{path}: {context}: 'highest' must be missing or partial.")
        if not isinstance(at_least, int | float) or not 0 < at_least <= 1:
            raise DataFileError(f"{path}: {context}: 'at_least' must be a number in (0, 1].")
        caps.append(Cap(role, float(at_least), dimension, highest))
    return tuple(caps)
