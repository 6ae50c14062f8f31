"""Fit the judgment model (``rubrics/judgment.toml``) on the development corpus only.

For each dimension: a multinomial logistic model over the named features of
``interview_coach.domain.judgment``, with L2 strength picked by 5-fold
cross-validation on the fresh development answers (mean of exact agreement and
QWK). The test split is never read here. Prints a JSON summary.

    .venv/bin/python benchmarks/train_judgment.py [--write]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from agreement import exact, quadratic_weighted_kappa  # noqa: E402
from corpus_loader import (  # noqa: E402
    DIMENSIONS,
    fresh_split,
    load_corpus,
    load_heldout,
    scoring_specialty,
)

from interview_coach.domain.reading import read_answer  # noqa: E402
from interview_coach.domain.rubric import load_rubrics  # noqa: E402

STRENGTHS = (0.3, 1.0, 3.0, 10.0, 30.0)
ORIGINAL_WEIGHT = 0.5  # the cue rules were tuned on these answers: trust them less
FOLDS = 5


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, strength: float) -> tuple:
    """Weighted multinomial logistic regression, L2 on the weights, by gradient descent."""
    _n, d = x.shape
    coef = np.zeros((3, d))
    bias = np.zeros(3)
    onehot = np.eye(3)[y]
    m_c, v_c, m_b, v_b = (np.zeros_like(coef), np.zeros_like(coef), np.zeros(3), np.zeros(3))
    total = w.sum()
    for step in range(1, 1501):
        logits = x @ coef.T + bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        err = (p - onehot) * w[:, None] / total
        g_c = err.T @ x + strength * coef / total
        g_b = err.sum(axis=0)
        for g, m, v in ((g_c, m_c, v_c), (g_b, m_b, v_b)):  # Adam
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
        coef -= 0.05 * (m_c / (1 - 0.9**step)) / (np.sqrt(v_c / (1 - 0.999**step)) + 1e-8)
        bias -= 0.05 * (m_b / (1 - 0.9**step)) / (np.sqrt(v_b / (1 - 0.999**step)) + 1e-8)
    return coef, bias


def predict(x: np.ndarray, coef: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return np.argmax(x @ coef.T + bias, axis=1)


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    return np.array([[row.get(n, 0.0) for n in names] for row in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write rubrics/judgment.toml")
    args = parser.parse_args()

    rubrics = dataclasses.replace(load_rubrics(ROOT / "rubrics"), judgment=None)
    fresh_dev, _ = fresh_split()
    older = load_corpus() + load_heldout()
    answers = fresh_dev + older
    weights = np.array([1.0] * len(fresh_dev) + [ORIGINAL_WEIGHT] * len(older))
    rows = [
        read_answer(a.text, a.topic, scoring_specialty(a, rubrics.specialties), rubrics).features
        for a in answers
    ]
    names = sorted({n for row in rows for n in row})
    x_raw = matrix(rows, names)
    mean = x_raw.mean(axis=0)
    scale = x_raw.std(axis=0)
    scale[scale < 1e-6] = 1.0
    x = (x_raw - mean) / scale
    fold_of = np.array([i % FOLDS if i < len(fresh_dev) else -1 for i in range(len(answers))])

    summary: dict[str, dict] = {}
    model: dict[str, dict] = {}
    for dimension in DIMENSIONS:
        y = np.array([a.labels[dimension] for a in answers])
        best = None
        for strength in STRENGTHS:
            truth, guess = [], []
            for fold in range(FOLDS):
                train = fold_of != fold
                coef, bias = fit(x[train], y[train], weights[train], strength)
                held = fold_of == fold
                truth += y[held].tolist()
                guess += predict(x[held], coef, bias).tolist()
            quality = (exact(truth, guess) + quadratic_weighted_kappa(truth, guess)) / 2
            if best is None or quality > best[0]:
                best = (
                    quality,
                    strength,
                    exact(truth, guess),
                    quadratic_weighted_kappa(truth, guess),
                )
        _, strength, cv_exact, cv_qwk = best
        coef, bias = fit(x, y, weights, strength)
        summary[dimension] = {
            "l2": strength,
            "cv_exact": round(cv_exact, 3),
            "cv_qwk": round(cv_qwk, 3),
        }
        model[dimension] = {
            "features": names,
            "mean": [round(float(v), 6) for v in mean],
            "scale": [round(float(v), 6) for v in scale],
            "bias": [round(float(v), 5) for v in bias],
            **{
                f"weights_{level}": [round(float(v), 5) for v in coef[i]]
                for i, level in enumerate(("missing", "partial", "strong"))
            },
        }
    print(
        json.dumps({"answers": len(answers), "fresh_dev": len(fresh_dev), "cv": summary}, indent=2)
    )
    if args.write:
        write_model(model, len(fresh_dev), len(older))


def _array(values: list) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def write_model(model: dict[str, dict], fresh: int, older: int) -> None:
    lines = [
        "# The judgment model: one multinomial logistic model per dimension over the named",
        "# features of interview_coach/domain/judgment.py. Written by",
        "# benchmarks/train_judgment.py from the development corpus only; do not edit by hand.",
        f'trained_on = "{fresh} fresh development answers + {older} original corpus answers"',
        "",
    ]
    for dimension, table in model.items():
        lines.append(f"[{dimension}]")
        for key, values in table.items():
            lines.append(f"{key} = {_array(values)}")
        lines.append("")
    (ROOT / "rubrics" / "judgment.toml").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
