"""Agreement between the corpus labels and the blind second labeller's.

Every ``tests/corpus/fresh/second_*.toml`` holds labels given, without seeing the
first ones, to answers of the fresh corpus. Prints JSON: per file and pooled,
exact agreement and QWK per dimension.

    .venv/bin/python benchmarks/inter_rater.py
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from agreement import exact, quadratic_weighted_kappa  # noqa: E402
from corpus_loader import DIMENSIONS, FRESH, load_fresh  # noqa: E402


def agreement(pairs: list[tuple[list[int], list[int]]]) -> dict:
    out: dict = {"answers": len(pairs)}
    qwks = []
    for i, dimension in enumerate(DIMENSIONS):
        first = [a[i] for a, _ in pairs]
        second = [b[i] for _, b in pairs]
        qwks.append(quadratic_weighted_kappa(first, second))
        out[dimension] = {"exact": round(exact(first, second), 3), "qwk": round(qwks[-1], 3)}
    every_first = [v for a, _ in pairs for v in a]
    every_second = [v for _, b in pairs for v in b]
    out["exact"] = round(exact(every_first, every_second), 3)
    out["mean_qwk"] = round(sum(qwks) / len(qwks), 3)
    return out


def main() -> None:
    first = {a.id: [a.labels[d] for d in DIMENSIONS] for a in load_fresh()}
    report, pooled = {}, []
    for path in sorted(FRESH.glob("second_*.toml")):
        entries = tomllib.loads(path.read_text())["answer"]
        pairs = [(first[e["id"]], list(e["labels"])) for e in entries]
        report[path.name] = agreement(pairs)
        pooled += pairs
    report["all"] = agreement(pooled)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
