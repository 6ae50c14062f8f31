"""From clause roles to a level per dimension, with weights kept as named data.

The roles of an answer's clauses (``roles.py``), its specifics (exam, dates,
frequencies...), the cue rules of ``dimensions.py`` and a few shape measures
(length, fragments) become named features. Each dimension's level is a small
multinomial logistic model over those features, whose weights live in
``rubrics/judgment.toml``: every weight has the feature's name beside it, and
``benchmarks/train_judgment.py`` refits them on the development corpus only.
The card's evidence comes from the clauses whose roles carried the decision.

A dimension may also weigh the answer's overall wording: the WordLlama vector of
the whole answer, through one learned direction per level. Fitted and checked
holding out one author at a time, it carries from one voice to another (about
+0.03 exact on acknowledgment, non-defensiveness and corrective action). Its 256
numbers per level cannot be named, so they live beside the TOML in an ``.npz``
file, and the card explains a level by its clauses as before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_coach.domain.attribution import Markers, attribution_features, default_markers
from interview_coach.domain.datafiles import DataFileError, read_toml
from interview_coach.domain.results import DIMENSIONS
from interview_coach.domain.results import LEVELS as LEVEL_NAMES
from interview_coach.domain.roles import ROLES, Clause, sharpen

if TYPE_CHECKING:
    from interview_coach.domain.analysis import Analysis

SPECIFIC_KINDS = ("exam", "date", "duration", "attempt", "number", "frequency", "event")
CUE_CATEGORIES = ("specialty", "residency", "link", "generic_tieback", "support", "result")


def features(
    analysis: Analysis,
    clauses: list[Clause],
    cue_scores: dict[str, int],
    markers: Markers | None = None,
    topics: tuple[str, ...] = (),
) -> dict[str, float]:
    """Named numbers describing the answer; the model weighs them, the card quotes them.

    ``topics`` (every topic in the rubrics) gives one indicator per topic: what a
    strong fact or change is differs by topic (a gap needs its dates and purpose, a
    leave only its general category), so the same roles may earn different levels.
    """
    f: dict[str, float] = {f"topic.{t}": float(t == analysis.topic.topic) for t in topics}
    shares = [sharpen(c.similarity) for c in clauses]
    n = max(1, len(clauses))
    for role in ROLES:
        values = [s[role] for s in shares]
        f[f"{role}.max"] = max(values, default=0.0)
        f[f"{role}.sum"] = min(3.0, sum(values))
        f[f"{role}.early"] = max(values[:2], default=0.0)
        f[f"{role}.late"] = max(values[2:], default=0.0)
        read = [c.probabilities[role] for c in clauses]
        f[f"clf.{role}.max"] = max(read, default=0.0)
        f[f"clf.{role}.sum"] = min(3.0, sum(read))
        f[f"clf.{role}.early"] = max(read[:2], default=0.0)
    me = [1.0 if c.subject_is_me else 0.0 for c in clauses]
    f["own_cause.me"] = max(
        (s["own_cause"] * m for s, m in zip(shares, me, strict=True)), default=0
    )
    f["change.me"] = min(3.0, sum(s["change"] * m for s, m in zip(shares, me, strict=True)))
    f["blame.not_me"] = max(
        (s["blame"] * (1 - m) for s, m in zip(shares, me, strict=True)), default=0.0
    )
    f["blame.passive"] = max(
        (s["blame"] * c.passive for s, c in zip(shares, clauses, strict=True)), default=0.0
    )
    f["link.forward"] = max(
        (
            (s["link_specific"] + s["link_generic"]) * c.forward
            for s, c in zip(shares, clauses, strict=True)
        ),
        default=0.0,
    )
    f["first_person.share"] = sum(1 for c in clauses if c.first_person) / n
    for kind in SPECIFIC_KINDS:
        found = analysis.specifics_of(kind)
        f[f"specific.{kind}"] = min(3, len(found)) / 3
        f[f"specific.{kind}.early"] = float(any(analysis.sentence_of(s.start) <= 1 for s in found))
    for category in CUE_CATEGORIES:
        f[f"cue.{category}"] = min(3, len(analysis.live(category))) / 3
    for dimension, score in cue_scores.items():
        f[f"rule.{dimension}"] = score / 100
    words = len(analysis.answer.split())
    f["length.log_words"] = math.log1p(words) / 6
    f["length.over_250"] = max(0.0, (words - 250) / 250)
    f["length.under_40"] = max(0.0, (40 - words) / 40)
    sentence_words = [len(s.text.split()) for s in analysis.sentences] or [0]
    f["shape.fragments"] = sum(1 for w in sentence_words if w < 5) / len(sentence_words)
    f["shape.no_subject"] = sum(1 for c in clauses if not c.first_person) / n
    f["shape.verbless"] = len(analysis.verbless) / max(1, len(analysis.sentences))
    f.update(attribution_features(analysis, clauses, markers or default_markers()))
    return f


@dataclass(frozen=True, eq=False)
class WordingTerm:
    """How the whole answer's vector moves each level's logit (arrays from the .npz)."""

    mean: Any  # (256,) numpy arrays
    scale: Any
    weights: Any  # (3, 256)

    def logits(self, vector: Any) -> list[float]:
        return [float(v) for v in self.weights @ ((vector - self.mean) / self.scale)]


@dataclass(frozen=True)
class DimensionModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]  # one row per level
    bias: tuple[float, ...]
    wording: WordingTerm | None = None

    @cached_property
    def _arrays(self) -> tuple[Any, Any, Any, Any]:
        """The weights as numpy arrays, built once: a Python loop over ~150 features
        per level cost more than the rest of the model."""
        import numpy as np

        return (
            np.array(self.mean),
            np.array(self.scale),
            np.array(self.weights),
            np.array(self.bias),
        )

    def probabilities(self, values: dict[str, float], wording: Any = None) -> tuple[float, ...]:
        """Level probabilities from the named features and, if used, the answer's vector."""
        import numpy as np

        mean, scale, weights, bias = self._arrays
        z = (np.array([values.get(name, 0.0) for name in self.names]) - mean) / scale
        logits = (weights @ z + bias).tolist()
        if self.wording is not None:
            if wording is None:
                raise ValueError("this model weighs the answer's wording: pass its vector")
            logits = [a + b for a, b in zip(logits, self.wording.logits(wording), strict=True)]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return tuple(e / total for e in exps)


@dataclass(frozen=True)
class JudgmentModel:
    dimensions: dict[str, DimensionModel]
    trained_on: str


def level_and_score(probabilities: tuple[float, ...]) -> tuple[str, int]:
    """The likeliest level, and a 0-100 score inside that level's band.

    Bands follow DESIGN.md (missing < 40 <= partial < 70 <= strong), so the score and
    the level never disagree; within a band the score rises with the chance of the
    levels above.
    """
    p_missing, _p_partial, p_strong = probabilities
    level = max(range(3), key=lambda i: probabilities[i])
    if level == 0:
        score = 39 * (1 - p_missing) / 0.67
    elif level == 1:
        score = 40 + 29 * p_strong / max(1e-9, p_strong + p_missing)
    else:
        score = 70 + 30 * min(1.0, (p_strong - 1 / 3) / (2 / 3))
    return LEVEL_NAMES[level], max(0, min(100, round(score)))


def _wording_terms(path: Path, data: dict) -> dict[str, WordingTerm]:
    """The wording terms named by ``wording_file``, checked for shape."""
    if "wording_file" not in data:
        return {}
    import numpy as np

    file = path.parent / str(data["wording_file"])
    try:
        with np.load(file) as arrays:
            stored = {key: arrays[key].astype(np.float32) for key in arrays.files}
    except (OSError, ValueError) as exc:
        raise DataFileError(f"{file}: cannot be read as wording weights ({exc}).") from exc
    terms = {}
    for dimension in DIMENSIONS:
        if f"{dimension}.weights" not in stored:
            continue
        term = WordingTerm(
            stored.get(f"{dimension}.mean"),
            stored.get(f"{dimension}.scale"),
            stored[f"{dimension}.weights"],
        )
        width = term.weights.shape[1] if term.weights.ndim == 2 else -1
        if term.weights.shape[0] != 3 or any(
            a is None or a.shape != (width,) for a in (term.mean, term.scale)
        ):
            raise DataFileError(f"{file}: {dimension} needs a mean, a scale and 3 weight rows.")
        terms[dimension] = term
    return terms


def load_judgment_model(path: Path) -> JudgmentModel:
    data, _ = read_toml(path)
    wording = _wording_terms(path, data)
    try:
        dimensions = {}
        for dimension in DIMENSIONS:
            table = data[dimension]
            names = tuple(table["features"])
            model = DimensionModel(
                names,
                tuple(float(v) for v in table["mean"]),
                tuple(float(v) for v in table["scale"]),
                tuple(tuple(float(v) for v in table[f"weights_{lvl}"]) for lvl in LEVEL_NAMES),
                tuple(float(v) for v in table["bias"]),
                wording.get(dimension),
            )
            widths = {len(model.mean), len(model.scale), *(len(r) for r in model.weights)}
            if widths != {len(names)} or len(model.bias) != 3:
                raise DataFileError(f"{path}: [{dimension}] lists of different lengths.")
            dimensions[dimension] = model
        return JudgmentModel(dimensions, str(data.get("trained_on", "")))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{path}: malformed judgment model ({exc}).") from exc
