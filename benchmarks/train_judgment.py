"""Fit the judgment model (``rubrics/judgment.toml``) on the development corpus only.

For each dimension: a multinomial logistic model over the named features of
``interview_coach.domain.judgment``, with L2 strength picked by leave-one-author-out
cross-validation on the fresh development answers (mean of exact agreement and
QWK): each fold holds out one author's file, so the strength chosen is the one
that carries best to a voice the model has not seen, as the outside evaluation
will ask. The same folds decide, per dimension, whether the whole answer's
vector (its overall wording) is weighed too, and how strongly it is damped
(``WORDING_SCALES``: 0 leaves it out); its weights go to
``rubrics/judgment_wording.npz``. A feature of one mechanism (``attribution.INFORMS``)
is weighed only by the dimension it describes. The test split is never read here.
Prints a JSON summary; ``--dump`` writes each development answer's held-out
prediction (under the chosen settings), to study the errors by confusion.
``--keep-settings`` reuses the settings the last full check chose (recorded in the
model file) and only refits: for adding answers without choosing again. The
dimensions are checked in parallel, one process each.

    .venv/bin/python benchmarks/train_judgment.py [--write] [--dump cv.json] [--keep-settings]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

# One BLAS thread per worker process: two processes each running two threads on two
# cores made the fits many times slower.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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

from interview_coach.domain.attribution import informs  # noqa: E402
from interview_coach.domain.datafiles import read_toml  # noqa: E402
from interview_coach.domain.reading import read_answer  # noqa: E402
from interview_coach.domain.rubric import load_rubrics  # noqa: E402

STRENGTHS = (10.0, 30.0, 100.0)
WORDING_SCALES = (0.0, 0.3)  # the wording columns are multiplied by this before the L2 fit
WORDING_FILE = "judgment_wording.npz"
ORIGINAL_WEIGHT = 0.5  # the cue rules were tuned on these answers: trust them less


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


def standardise(x_raw: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(standardised columns, mean, scale); constant columns keep a scale of 1."""
    mean = x_raw.mean(axis=0)
    scale = x_raw.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return (x_raw - mean) / scale, mean, scale


@dataclasses.dataclass(frozen=True)
class CheckInputs:
    """What every dimension's check shares: the standardised features and the folds."""

    x_named: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    names: list[str]
    wording: np.ndarray  # the standardised whole-answer vectors
    mean_wording: np.ndarray
    scale_wording: np.ndarray
    answers: list
    weights: np.ndarray
    fold_of: np.ndarray  # the author's fold, -1 for the original corpus (never held out)
    folds: int


def recorded_settings() -> dict[str, tuple[float, float]]:
    """Each dimension's (wording damping, L2 strength) as the last full check chose them."""
    path = ROOT / "rubrics" / "judgment.toml"
    data, _ = read_toml(path)
    try:
        return {d: (float(data[d]["wording"]), float(data[d]["l2"])) for d in DIMENSIONS}
    except KeyError:
        sys.exit(f"{path} records no settings; run without --keep-settings to choose them.")


def choose_and_fit(
    dimension: str, data: CheckInputs, setting: tuple[float, float] | None = None
) -> tuple[dict, dict, dict, dict]:
    """Pick the L2 strength and wording damping by the held-out-author check (or take
    ``setting``, as (damping, strength)), then fit on all development answers:
    (summary, model table, wording arrays, held-out guesses)."""
    kept = [i for i, name in enumerate(data.names) if informs(name, dimension)]
    names = [data.names[i] for i in kept]
    x, mean, scale = data.x_named[:, kept], data.mean[kept], data.scale[kept]
    v, weights, fold_of = data.wording, data.weights, data.fold_of
    y = np.array([a.labels[dimension] for a in data.answers])
    best, held_out = None, {}
    grid = [setting] if setting else [(d, s) for d in WORDING_SCALES for s in STRENGTHS]
    for damp, strength in grid:
        x_all = np.hstack([x, v * damp]) if damp else x
        truth, guess = [], []
        for fold in range(data.folds):
            train = fold_of != fold
            coef, bias = fit(x_all[train], y[train], weights[train], strength)
            held = fold_of == fold
            truth += y[held].tolist()
            guess += predict(x_all[held], coef, bias).tolist()
        scores = (exact(truth, guess), quadratic_weighted_kappa(truth, guess))
        print(dimension, damp, strength, scores, file=sys.stderr, flush=True)
        if best is None or sum(scores) > best[0]:
            best = (sum(scores), damp, strength, *scores)
            held_out = {"truth": truth, "guess": guess}
    _, damp, strength, cv_exact, cv_qwk = best
    x_all = np.hstack([x, v * damp]) if damp else x
    coef, bias = fit(x_all, y, weights, strength)
    chosen = {
        "l2": strength,
        "wording": damp,
        "cv_exact": round(cv_exact, 3),
        "cv_qwk": round(cv_qwk, 3),
    }
    named = coef[:, : len(names)]
    table = {
        "l2": strength,
        "wording": damp,
        "features": names,
        "mean": [round(float(m), 6) for m in mean],
        "scale": [round(float(s), 6) for s in scale],
        "bias": [round(float(b), 5) for b in bias],
        **{
            f"weights_{level}": [round(float(w), 5) for w in named[i]]
            for i, level in enumerate(("missing", "partial", "strong"))
        },
    }
    terms = {}
    if damp:  # fold the damping into the stored scale: inference needs no extra knob
        terms[f"{dimension}.mean"] = data.mean_wording.astype(np.float32)
        terms[f"{dimension}.scale"] = (data.scale_wording / damp).astype(np.float32)
        terms[f"{dimension}.weights"] = coef[:, len(names) :].astype(np.float32)
    return chosen, table, terms, held_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write rubrics/judgment.toml")
    parser.add_argument("--dump", type=Path, help="write the held-out predictions (JSON)")
    parser.add_argument(
        "--keep-settings",
        action="store_true",
        help="reuse the L2 strength and wording damping recorded in rubrics/judgment.toml "
        "instead of choosing them again (one setting per dimension: a sixth of the time)",
    )
    args = parser.parse_args()
    kept_settings = recorded_settings() if args.keep_settings else {}

    rubrics = dataclasses.replace(load_rubrics(ROOT / "rubrics"), judgment=None)
    fresh_dev, _ = fresh_split()
    older = load_corpus() + load_heldout()
    answers = fresh_dev + older
    weights = np.array([1.0] * len(fresh_dev) + [ORIGINAL_WEIGHT] * len(older))
    readings = [
        read_answer(a.text, a.topic, scoring_specialty(a, rubrics.specialties), rubrics)
        for a in answers
    ]
    rows = [r.features for r in readings]
    all_names = sorted({n for row in rows for n in row})
    x_named, all_mean, all_scale = standardise(matrix(rows, all_names))
    v, v_mean, v_scale = standardise(np.array([r.wording for r in readings], dtype=np.float64))
    authors = sorted({a.source for a in fresh_dev})
    fold_of = np.array([authors.index(a.source) for a in fresh_dev] + [-1] * len(older))

    data = CheckInputs(
        x_named,
        all_mean,
        all_scale,
        all_names,
        v,
        v_mean,
        v_scale,
        answers,
        weights,
        fold_of,
        len(authors),
    )
    summary: dict[str, dict] = {}
    model: dict[str, dict] = {}
    wording: dict[str, np.ndarray] = {}
    held_out: dict[str, dict[str, list[int]]] = {}
    # One process per dimension (the fits are independent): the check takes half the time.
    with ProcessPoolExecutor(max_workers=min(len(DIMENSIONS), os.cpu_count() or 1)) as pool:
        results = pool.map(
            choose_and_fit,
            DIMENSIONS,
            [data] * len(DIMENSIONS),
            [kept_settings.get(d) for d in DIMENSIONS],
        )
        for dimension, (chosen, table, terms, truth_guess) in zip(DIMENSIONS, results, strict=True):
            summary[dimension], model[dimension], held_out[dimension] = chosen, table, truth_guess
            wording.update(terms)
    print(
        json.dumps({"answers": len(answers), "fresh_dev": len(fresh_dev), "cv": summary}, indent=2)
    )
    if args.dump:
        fresh_folds = fold_of[: len(fresh_dev)]
        ids = [
            a.id
            for fold in range(len(authors))
            for a, f in zip(fresh_dev, fresh_folds, strict=True)
            if f == fold
        ]
        args.dump.write_text(json.dumps({"ids": ids, **held_out}))
    if args.write:
        write_model(model, wording, len(fresh_dev), len(older))


def _array(values: list) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def write_model(
    model: dict[str, dict], wording: dict[str, np.ndarray], fresh: int, older: int
) -> None:
    lines = [
        "# The judgment model: one multinomial logistic model per dimension over the named",
        "# features of interview_coach/domain/judgment.py. Written by",
        "# benchmarks/train_judgment.py from the development corpus only; do not edit by hand.",
        "# l2 and wording are the settings the held-out-author check chose (--keep-settings).",
        f'trained_on = "{fresh} fresh development answers + {older} original corpus answers"',
        f'wording_file = "{WORDING_FILE}"',
        "",
    ]
    for dimension, table in model.items():
        lines.append(f"[{dimension}]")
        for key, values in table.items():
            shown = _array(values) if isinstance(values, list) else json.dumps(values)
            lines.append(f"{key} = {shown}")
        lines.append("")
    (ROOT / "rubrics" / "judgment.toml").write_text("\n".join(lines))
    np.savez(ROOT / "rubrics" / WORDING_FILE, **wording)


if __name__ == "__main__":
    main()
