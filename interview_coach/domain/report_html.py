"""The mentor's report as one self-contained HTML page that prints well.

Inline CSS and SVG, no scripts, nothing fetched: it opens offline and can be
emailed. The first printed page holds the trend per dimension and the next
steps; each answer then keeps to one page where it fits (``break-inside:
avoid``), and the layout narrows to one column on a phone.
"""

from __future__ import annotations

from html import escape

from interview_coach.domain.quotes import shorten
from interview_coach.domain.report_chart import trend_svg
from interview_coach.domain.report_model import Report, ReportAnswer
from interview_coach.domain.reports import (
    EFFECT_WORDS,
    delivery_line,
    grouped_reasons,
    meta_line,
    pieces,
    transcript_parts,
    voice_summary,
)

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:900px;margin:1.5rem auto;
padding:0 1rem;color:#1f1f1f;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:1.2rem 0 .4rem}
h3{font-size:1rem;margin:.9rem 0 .3rem}.meta{color:#555;margin:.2rem 0 .6rem}
.charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.5rem 1rem}
.charts figure{margin:0}.charts figcaption{font-weight:600}
svg.trend{width:100%;height:auto;display:block}svg .tick{font-size:11px;fill:#444}
svg .axis{font-size:11px;fill:#222;font-weight:600}
.steps li{margin:.3rem 0}.why{color:#555}
.answer{border-top:2px solid #ccc;padding-top:.4rem;margin-top:1.4rem}
.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#eee;font-size:.85rem}
.badge.mock{background:#6a1b9a;color:#fff}
blockquote{background:#f6f6f6;border-left:4px solid #888;margin:0;padding:.5rem .8rem}
mark{padding:0 .1rem;border-radius:.15rem}mark.plus{background:#c8e6c9}
mark.minus{background:#ffcdd2}sup{font-size:.7rem;color:#333}
ol.quotes{padding-left:1.4rem}ol.quotes li{margin:.3rem 0}
.plus-text{color:#1b5e20}.minus-text{color:#b71c1c}
.dims{display:grid;grid-template-columns:max-content 3rem 4.5rem 1fr;gap:.15rem .6rem;
align-items:baseline}
.strong{color:#2e7d32;font-weight:600}.partial{color:#a05a00;font-weight:600}
.missing{color:#c62828;font-weight:600}
@media (max-width:600px){.charts{grid-template-columns:minmax(0,1fr)}
.dims{grid-template-columns:max-content 2.5rem 1fr}.dims .advice{grid-column:1/-1;
margin:0 0 .4rem;color:#444}body{margin:.8rem auto}}
@page{size:A4;margin:12mm 14mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:9pt;line-height:1.3}
h2{font-size:11.5pt;margin:.5rem 0 .2rem}h3{font-size:9.5pt;margin:.4rem 0 .15rem}
.answer{margin-top:.6rem}ol.quotes li{margin:.1rem 0}blockquote{padding:.3rem .6rem}
.first-page{break-after:page}.answer{break-inside:avoid;page-break-inside:avoid}
h2,h3{break-after:avoid}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge.mock{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def report_html(report: Report) -> str:
    esc = escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{esc(report.title)}</title><style>{CSS}</style></head><body>",
        "<section class='first-page'>",
        f"<h1>{esc(report.title)}</h1>",
    ]
    if not report.answers:
        parts.append("<p>No answers yet.</p></section></body></html>")
        return "".join(parts)
    parts.append(f"<p class='meta'>{esc(report.summary)}</p><h2>Next steps</h2>")
    if report.steps:
        items = "".join(
            f"<li><strong>{esc(s.dimension)}</strong>: {esc(s.advice)} "
            f"<span class='why'>({esc(s.why)})</span></li>"
            for s in report.steps
        )
        parts.append(f"<ol class='steps'>{items}</ol>")
    else:
        parts.append("<p>Every dimension is strong on average over the latest answers.</p>")
    mock = any(a.mock for a in report.answers)
    mock_note = "; open circles are mock-interview answers" if mock else ""
    parts.append(
        "<h2>Trend per dimension</h2><p class='meta'>Score of each answer, oldest on the "
        f"left; the dashed line at 70 is the strong level{mock_note}.</p><div class='charts'>"
    )
    in_mock = [a.mock for a in report.answers]
    for label, points in report.trend.items():
        chart = trend_svg(label, points, in_mock)
        parts.append(f"<figure><figcaption>{esc(label)}</figcaption>{chart}</figure>")
    parts.append("</div></section>")
    parts += [_answer_html(answer) for answer in report.answers]
    parts.append("</body></html>")
    return "".join(parts)


def _marked(answer: ReportAnswer, start: int, end: int) -> str:
    out = []
    for piece, quote, number in pieces(answer, start, end):
        if quote is None:
            out.append(escape(piece))
        else:
            effect = "plus" if quote.effect == "+" else "minus"
            out.append(f"<mark class='{effect}'>{escape(piece)}</mark><sup>{number}</sup>")
    return "".join(out).replace("\n", "<br>")


def _answer_html(answer: ReportAnswer) -> str:
    esc = escape
    badge = (
        "<span class='badge mock'>Mock interview</span> "
        if answer.mock
        else "<span class='badge'>Practice</span> "
    )
    meta = meta_line(answer).split(" · ", 1)[1]
    parts = [
        f"<section class='answer' id='answer-{answer.number}'>",
        f"<h2>{answer.number}. {esc(answer.question)}</h2>",
        f"<p class='meta'>{badge}{esc(meta)}</p>",
    ]
    first, reply = transcript_parts(answer)
    parts.append(f"<h3>Answer</h3><blockquote>{_marked(answer, *first)}</blockquote>")
    if reply is not None:
        parts.append(
            f"<h3>Follow-up: {esc(answer.follow_up or '')}</h3>"
            f"<blockquote>{_marked(answer, *reply)}</blockquote>"
        )
    if answer.quotes:
        items = []
        for quote in answer.quotes:
            reasons = "; ".join(
                f"<span class='{'plus' if effect == '+' else 'minus'}-text'>"
                f"{EFFECT_WORDS[effect]} {esc(dimension.lower())} points</span>: "
                + esc(", ".join(whys))
                for effect, dimension, whys in grouped_reasons(quote)
            )
            items.append(f"<li>“{esc(shorten(quote.text))}”: {reasons}</li>")
        parts.append(f"<h3>Why these sentences</h3><ol class='quotes'>{''.join(items)}</ol>")
    rows = "".join(
        f"<span>{esc(d.label)}</span><span>{d.score}</span>"
        f"<span class='{esc(d.level)}'>{esc(d.level)}</span>"
        f"<span class='advice'>{esc(d.advice)}</span>"
        for d in answer.dimensions
    )
    parts.append(f"<h3>Scores and next step</h3><div class='dims'>{rows}</div>")
    if answer.flags:
        parts.append("<h3>Also</h3><ul>" + "".join(f"<li>{esc(f)}</li>" for f in answer.flags))
        parts.append("</ul>")
    if answer.delivery:
        parts.append(f"<p><strong>Delivery:</strong> {esc(delivery_line(answer.delivery))}</p>")
        if answer.delivery.get("voice"):
            voice = esc(voice_summary(answer.delivery["voice"]))
            parts.append(f"<p><strong>Voice:</strong> {voice}</p>")
    if answer.next_question:
        parts.append(f"<p><em>Follow-up to practise next:</em> {esc(answer.next_question)}</p>")
    parts.append("</section>")
    return "".join(parts)
