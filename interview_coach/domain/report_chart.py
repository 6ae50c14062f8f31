"""The trend of one dimension as an inline SVG (HTML) or a sparkline (Markdown).

Inline SVG with its own labelled axes (score 0-100 up the side, answer dates along
the bottom) and the 70-point "strong" line: it prints, needs no script or font
download, and scales to a phone because only the viewBox is fixed.
"""

from __future__ import annotations

from html import escape

from interview_coach.domain.report_model import short_date

WIDTH, HEIGHT = 320, 170
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 12, 44
STRONG = 70
MAX_DATE_LABELS = 4
SPARKS = "▁▂▃▄▅▆▇█"


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span / 2 if count == 1 else span * index / (count - 1))


def _y(score: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - score / 100)


def label_indexes(count: int, most: int = MAX_DATE_LABELS) -> list[int]:
    """Which answers get a date under the axis: first, last, and evenly between."""
    if count <= most:
        return list(range(count))
    return sorted({round(i * (count - 1) / (most - 1)) for i in range(most)})


def trend_svg(label: str, points: list[tuple[str, int]], mock: list[bool] | None = None) -> str:
    """One dimension's scores over the answers, oldest left; ``points`` are (stamp, score).

    Answers from a mock interview (``mock``, one flag per point) are drawn as open
    circles: a mentor reads them as the closest thing to the real interview."""
    mock = mock or [False] * len(points)
    count = len(points)
    bottom = HEIGHT - BOTTOM
    parts = [
        f'<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)} score per answer, 0 to 100">',
        f"<title>{escape(label)}: score per answer</title>",
    ]
    for tick in (0, 40, 70, 100):
        y = _y(tick)
        dash = ' stroke-dasharray="4 3"' if tick == STRONG else ""
        colour = "#2e7d32" if tick == STRONG else "#ddd"
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{colour}"{dash}/>'
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>'
        )
    parts.append(
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="#555"/>'
        f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="#555"/>'
        f'<text x="12" y="{(TOP + bottom) / 2:.0f}" class="axis" text-anchor="middle" '
        f'transform="rotate(-90 12 {(TOP + bottom) / 2:.0f})">Score</text>'
        f'<text x="{(LEFT + WIDTH - RIGHT) / 2:.0f}" y="{HEIGHT - 4}" class="axis" '
        f'text-anchor="middle">Answer date</text>'
    )
    for index in label_indexes(count):
        x = _x(index, count)
        anchor = "start" if index == 0 and count > 1 else "end" if index == count - 1 else "middle"
        if count == 1:
            anchor = "middle"
        parts.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" stroke="#555"/>'
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="{anchor}" class="tick">'
            f"{escape(short_date(points[index][0]))}</text>"
        )
    coords = [(_x(i, count), _y(score)) for i, (_, score) in enumerate(points)]
    if count > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#1565c0" stroke-width="2"/>')
    for (x, y), (stamp, score), in_mock in zip(coords, points, mock, strict=True):
        look = (
            'r="3.5" fill="#fff" stroke="#6a1b9a" stroke-width="2"'
            if in_mock
            else 'r="3" fill="#1565c0"'
        )
        kind = " (mock interview)" if in_mock else ""
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" {look}>'
            f"<title>{escape(short_date(stamp))}: {score}{kind}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def sparkline(scores: list[int]) -> str:
    """'▂▄▆█': the same trend in a Markdown table cell."""
    return "".join(SPARKS[min(len(SPARKS) - 1, score * len(SPARKS) // 101)] for score in scores)
