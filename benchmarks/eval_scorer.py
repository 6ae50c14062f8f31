"""Scorer agreement with human labels, beside the best constant baseline.

Prints one JSON document. The headline is the fresh corpus's TEST split (30% of
the fresh answers by a frozen hash of their ids; nothing is tuned or trained on
it): per dimension exact agreement, within-one, quadratic weighted kappa (QWK)
and the agreement of always answering the most common level, plus the Spearman
correlation of the overall score with the sum of the four labels. The same
figures follow for the development data, which the model was fitted on (so they
flatter it), and, with --test, for the old cue rules alone, for comparison.

    .venv/bin/python benchmarks/eval_scorer.py [--test] [--misses]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from agreement import (  # noqa: E402
    best_constant,
    exact,
    quadratic_weighted_kappa,
    spearman,
    within_one,
)
from corpus_loader import (  # noqa: E402
    DIMENSIONS,
    LabelledAnswer,
    fresh_split,
    load_corpus,
    load_heldout,
    moved_to_dev,
    scoring_specialty,
)

from interview_coach.domain.rubric import Rubrics, default_rubrics  # noqa: E402
from interview_coach.domain.scoring import score_answer  # noqa: E402

LEVELS = {"missing": 0, "partial": 1, "strong": 2}


def report(answers: list[LabelledAnswer], rubrics: Rubrics, misses: bool = False) -> dict:
    truth = {d: [] for d in DIMENSIONS}
    guess = {d: [] for d in DIMENSIONS}
    overall, label_sum, wrong = [], [], []
    for answer in answers:
        card = score_answer(
            answer.text,
            answer.topic,
            rubrics,
            specialty=scoring_specialty(answer, rubrics.specialties),
        )
        overall.append(card.overall)
        label_sum.append(sum(answer.labels.values()))
        for d in DIMENSIONS:
            got = LEVELS[card.dimensions[d].level]
            truth[d].append(answer.labels[d])
            guess[d].append(got)
            if got != answer.labels[d]:
                wrong.append(f"{answer.id}:{d} want {answer.labels[d]} got {got}")
    per_dimension = {}
    for d in DIMENSIONS:
        level, share = best_constant(truth[d])
        per_dimension[d] = {
            "exact": round(exact(truth[d], guess[d]), 3),
            "within_one": round(within_one(truth[d], guess[d]), 3),
            "qwk": round(quadratic_weighted_kappa(truth[d], guess[d]), 3),
            "constant_baseline": {"level": level, "exact": round(share, 3)},
        }
    all_truth = [v for d in DIMENSIONS for v in truth[d]]
    all_guess = [v for d in DIMENSIONS for v in guess[d]]
    result = {
        "answers": len(answers),
        "exact": round(exact(all_truth, all_guess), 3),
        "within_one": round(within_one(all_truth, all_guess), 3),
        "mean_qwk": round(sum(p["qwk"] for p in per_dimension.values()) / len(DIMENSIONS), 3),
        "constant_baseline_exact": round(
            sum(p["constant_baseline"]["exact"] for p in per_dimension.values()) / len(DIMENSIONS),
            3,
        ),
        "spearman_overall_vs_label_sum": round(spearman(overall, label_sum), 3),
        "per_dimension": per_dimension,
    }
    if misses:
        result["disagreements"] = wrong
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Scorer agreement with labels.")
    parser.add_argument("--misses", action="store_true", help="list dev disagreements")
    parser.add_argument(
        "--test", action="store_true", help="also score the test split (not while tuning)"
    )
    args = parser.parse_args()
    rubrics = default_rubrics()
    dev, test = fresh_split()
    result = {}
    if args.test:
        rules_only = dataclasses.replace(rubrics, judgment=None)
        result["test"] = report(test, rubrics)
        result["test_rules_only"] = report(test, rules_only)
    result["moved_to_dev"] = len(moved_to_dev())
    result["fresh_dev"] = report(dev, rubrics, args.misses)
    result["original_corpus"] = report(load_corpus() + load_heldout(), rubrics)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
