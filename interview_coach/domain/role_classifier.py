"""A small linear classifier that reads a clause's role from its vector and its shape.

Nearest examples alone cannot see who acts or whether the verb is negated: a
clause's average word vector is nearly the same for "I didn't start questions
until May" and "the school didn't start questions until May". The classifier adds
the clause's shape (first-person subject, passive, negation, forward tense, a
number, length) to its vector and was fitted on the example bank itself by
``benchmarks/train_roles.py``; its weights sit in ``rubrics/role_classifier.toml``
with a digest of the bank they were fitted on, so an edited bank is noticed.

It also weighs how near the clause sits to each role's closest examples (the mean
similarity of the three nearest, which the clause reader computes anyway): a
linear reading of the average vector alone put "I passed in March 2022 with a 231"
with the facts (dates weigh toward facts) though its nearest examples are passes,
and "After I got the result I met with our dean" with private health detail though
its nearest example is a meeting with a dean. Fitted with each example's own
similarity left out, on the bank's 5-fold cross-validation this reads 0.79 of the
examples right against 0.74 without it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interview_coach.domain.clause_shape import clause_shape, outcome_shape
from interview_coach.domain.datafiles import DataFileError, read_toml
from interview_coach.domain.roles import ROLES, RoleBank

if TYPE_CHECKING:
    import numpy as np

VECTOR_SCALE = 10.0
SHAPE_SCALE = 3.0
SIMILARITY_SCALE = 10.0
VECTOR_WIDTH = 256  # WordLlama's sentence vectors
_NUMBER = re.compile(r"\d|\b(?:twenty|thirty|forty|fifty|sixty|hundred)\b", re.I)


def shape_vector(text: str) -> list[float]:
    """The clause's shape as numbers, in a fixed order the weights were fitted for."""
    shape = clause_shape(text)
    return [
        float(shape["subject_is_me"]),
        float(shape["first_person"]),
        float(shape["passive"]),
        float(shape["negated"]),
        float(shape["forward"]),
        float(bool(_NUMBER.search(text))),
        len(text.split()) / 20,
        *(float(value) for value in outcome_shape(text)),
    ]


def bank_digest(bank: RoleBank) -> str:
    """Changes whenever an example is added, removed or edited."""
    digest = hashlib.sha256()
    for role in ROLES:
        for example in bank.examples[role]:
            digest.update(f"{role}\t{example}\n".encode())
    return digest.hexdigest()[:16]


def classifier_inputs(vectors: np.ndarray, texts: list[str], nearest: np.ndarray) -> np.ndarray:
    """What the weights multiply: the clause vectors, their shapes, and their similarity
    to each role's nearest examples (clauses x roles, in ``ROLES`` order)."""
    import numpy as np

    shapes = np.array([shape_vector(t) for t in texts], dtype=np.float32)
    return np.hstack([vectors * VECTOR_SCALE, shapes * SHAPE_SCALE, nearest * SIMILARITY_SCALE])


@dataclass(frozen=True)
class RoleClassifier:
    weights: np.ndarray  # roles x (vector + shape + nearest similarity per role)
    bias: np.ndarray
    bank_digest: str

    def probabilities(
        self, vectors: np.ndarray, texts: list[str], nearest: np.ndarray
    ) -> np.ndarray:
        import numpy as np

        inputs = classifier_inputs(vectors, texts, nearest)
        logits = inputs @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exps = np.exp(logits)
        return exps / exps.sum(axis=1, keepdims=True)


def attach_bank_vectors(bank: RoleBank, path: Path, classifier: RoleClassifier) -> RoleBank:
    """The bank with its shipped vectors, if they were computed for exactly this bank
    (same digest as the classifier fitted beside them); otherwise the bank as it is."""
    import dataclasses

    import numpy as np

    if not path.is_file() or classifier.bank_digest != bank_digest(bank):
        return bank
    try:
        vectors = np.load(path).astype(np.float32)
    except (OSError, ValueError) as exc:
        raise DataFileError(f"{path}: cannot be read as example vectors ({exc}).") from exc
    if vectors.shape != (bank.size(), VECTOR_WIDTH):
        return bank
    return dataclasses.replace(bank, vectors=vectors)


def load_role_classifier(path: Path) -> RoleClassifier:
    import numpy as np

    data, _ = read_toml(path)
    try:
        if tuple(data["roles"]) != ROLES:
            raise DataFileError(f"{path}: 'roles' must list {', '.join(ROLES)} in that order.")
        weights = np.array([data["weights"][role] for role in ROLES], dtype=np.float32)
        bias = np.array(data["bias"], dtype=np.float32)
        digest = str(data["bank_digest"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{path}: malformed role classifier ({exc}).") from exc
    if bias.shape != (len(ROLES),) or weights.ndim != 2:
        raise DataFileError(f"{path}: one bias and one weight row per role are needed.")
    width = VECTOR_WIDTH + len(shape_vector("")) + len(ROLES)
    if weights.shape[1] != width:
        raise DataFileError(
            f"{path}: each weight row has {weights.shape[1]} numbers; the classifier reads "
            f"{width} (refit it: make train)."
        )
    return RoleClassifier(weights, bias, digest)
