"""Fit the clause role classifier (``rubrics/role_classifier.toml``) on the example bank.

A softmax over the thirteen roles from a clause's sentence vector, its shape
(``interview_coach.domain.role_classifier.shape_vector``) and its similarity to
each role's nearest examples, L2-regularised, picked by 5-fold cross-validation
on the bank's own examples. An example's similarities are computed without
itself (in cross-validation, without its fold), as a clause of a new answer is
never in the bank. No corpus answer is read.
Prints a JSON summary; ``--write`` saves the weights with the bank's digest, and
the examples' vectors (float16) to ``rubrics/role_vectors.npy``.

    .venv/bin/python benchmarks/train_roles.py [--write]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import numpy as np

from interview_coach.domain.role_classifier import bank_digest, classifier_inputs
from interview_coach.domain.roles import ROLES, nearest_similarity
from interview_coach.domain.rubric import load_rubrics
from interview_coach.domain.sentence_vectors import sentence_vectors

ROOT = Path(__file__).resolve().parent.parent
STRENGTHS = (3e-3, 1e-2, 3e-2)


def fit(x: np.ndarray, y: np.ndarray, strength: float, steps: int = 400) -> tuple:
    n, d = x.shape
    weights, bias = np.zeros((len(ROLES), d)), np.zeros(len(ROLES))
    onehot = np.eye(len(ROLES))[y]
    m, v = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, steps + 1):
        logits = x @ weights.T + bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot).T @ x / n + strength * weights
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        weights -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        bias -= 0.05 * (p - onehot).mean(axis=0)
    return weights, bias


def nearest(
    queries: np.ndarray, bank: np.ndarray, labels: np.ndarray, self_out: bool
) -> np.ndarray:
    """Each query's mean similarity to each role's nearest bank examples (queries x roles);
    with ``self_out`` the queries are the bank and each leaves itself out."""
    sims = bank @ queries.T
    if self_out:
        np.fill_diagonal(sims, -1.0)
    return np.stack([nearest_similarity(sims[labels == r]) for r in range(len(ROLES))], axis=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write rubrics/role_classifier.toml")
    args = parser.parse_args()
    rubrics = dataclasses.replace(load_rubrics(ROOT / "rubrics"), role_classifier=None)
    texts, labels = [], []
    for index, role in enumerate(ROLES):
        texts += rubrics.roles.examples[role]
        labels += [index] * len(rubrics.roles.examples[role])
    vectors = sentence_vectors().embed(texts)
    y = np.array(labels)
    folds = np.random.default_rng(0).integers(0, 5, len(y))
    splits = []
    for fold in range(5):
        train, held = vectors[folds != fold], vectors[folds == fold]
        t_texts = [t for t, f in zip(texts, folds, strict=True) if f != fold]
        h_texts = [t for t, f in zip(texts, folds, strict=True) if f == fold]
        x_train = classifier_inputs(train, t_texts, nearest(train, train, y[folds != fold], True))
        x_held = classifier_inputs(held, h_texts, nearest(held, train, y[folds != fold], False))
        splits.append((x_train, y[folds != fold], x_held, y[folds == fold]))
    accuracy = {}
    for strength in STRENGTHS:
        right = 0
        for x_train, y_train, x_held, y_held in splits:
            w, b = fit(x_train, y_train, strength)
            right += int(((x_held @ w.T + b).argmax(axis=1) == y_held).sum())
        accuracy[strength] = right / len(y)
    x = classifier_inputs(vectors, texts, nearest(vectors, vectors, y, True))
    best = max(accuracy, key=accuracy.__getitem__)
    print(json.dumps({"examples": len(y), "cv_accuracy": accuracy, "l2": best}, indent=2))
    if args.write:
        weights, bias = fit(x, y, best)
        lines = [
            "# The clause role classifier: one weight row per role over a clause's sentence",
            "# vector and its shape. Written by benchmarks/train_roles.py from rubrics/roles/",
            "# and the specialty tie-back examples; refit it after editing them.",
            f'bank_digest = "{bank_digest(rubrics.roles)}"',
            "roles = [" + ", ".join(f'"{r}"' for r in ROLES) + "]",
            "bias = [" + ", ".join(f"{v:.5f}" for v in bias) + "]",
            "",
            "[weights]",
        ]
        for role, row in zip(ROLES, weights, strict=True):
            lines.append(f"{role} = [" + ", ".join(f"{v:.4f}" for v in row) + "]")
        (ROOT / "rubrics" / "role_classifier.toml").write_text("\n".join(lines) + "\n")
        # The examples' vectors, so loading the coach need not embed the whole bank.
        np.save(ROOT / "rubrics" / "role_vectors.npy", vectors.astype(np.float16))


if __name__ == "__main__":
    main()
