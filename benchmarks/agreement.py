"""Agreement measures between two sets of 0/1/2 levels: exact, within one, QWK, Spearman.

Plain Python, shared by the scorer evaluation and the inter-rater check.
"""

from __future__ import annotations

from collections import Counter


def quadratic_weighted_kappa(a: list[int], b: list[int], levels: int = 3) -> float:
    """Cohen's kappa with quadratic weights: 1 is perfect, 0 is chance."""
    if not a:
        return float("nan")
    n = len(a)
    observed = Counter(zip(a, b, strict=True))
    hist_a, hist_b = Counter(a), Counter(b)
    num = den = 0.0
    for i in range(levels):
        for j in range(levels):
            weight = (i - j) ** 2 / (levels - 1) ** 2
            num += weight * observed[(i, j)] / n
            den += weight * hist_a[i] * hist_b[j] / n / n
    return 1.0 - num / den if den else 1.0


def exact(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a) if a else float("nan")


def within_one(a: list[int], b: list[int]) -> float:
    return sum(abs(x - y) <= 1 for x, y in zip(a, b, strict=True)) / len(a) if a else float("nan")


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else float("nan")


def best_constant(labels: list[int]) -> tuple[int, float]:
    """The single level that agrees most often with ``labels``, and how often."""
    level, count = Counter(labels).most_common(1)[0]
    return level, count / len(labels)
