"""Reports a mentor can read: a session (or the whole history) as Markdown, HTML or JSON.

Pure functions over plain dicts, so the CLI and the TUI produce the same report.
The HTML is a single self-contained file (inline CSS and SVG charts, no
scripts, nothing fetched), so it opens offline and can be emailed.
"""

from __future__ import annotations

import html
import json
from typing import Any

DIMENSION_LABELS = {
    "acknowledgment": "Acknowledgment",
    "non_defensiveness": "Non-defensiveness",
    "corrective_action": "Corrective action",
    "tie_back": "Tie-back",
}


def report_json(title: str, answers: list[dict[str, Any]]) -> str:
    return json.dumps({"title": title, "answers": answers}, indent=2)


def report_markdown(title: str, answers: list[dict[str, Any]]) -> str:
    lines = [f"# {title}", ""]
    if not answers:
        lines.append("No answers yet.")
    for number, answer in enumerate(answers, 1):
        card = answer["card"]
        lines += [
            f"## {number}. {answer.get('question_text') or answer['topic']}",
            "",
            f"*Topic:* {answer['topic']} · *Source:* {answer['source']} · "
            f"*Date:* {answer['created_at']} · **Overall {card['overall']}/100**",
            "",
            "### Answer",
            "",
            "> " + answer["answer_text"].replace("\n", "\n> "),
            "",
            "| Dimension | Score | Level | Advice |",
            "|---|---|---|---|",
        ]
        for key, label in DIMENSION_LABELS.items():
            dim = card["dimensions"][key]
            lines.append(f"| {label} | {dim['score']} | {dim['level']} | {dim['advice']} |")
        lines.append("")
        for key, label in DIMENSION_LABELS.items():
            evidence = card["dimensions"][key].get("evidence_detail", [])
            if evidence:
                lines.append(f"**{label} evidence:**")
                lines += [f'- ({e["effect"]}) {e["reason"]}: "{e["text"]}"' for e in evidence]
                lines.append("")
        if card.get("flags"):
            lines.append("**Flags:**")
            lines += [f"- {f['kind']}: {f['message']}" for f in card["flags"]]
            lines.append("")
        delivery = answer.get("delivery")
        if delivery:
            lines.append(
                f"**Delivery:** {delivery.get('duration_s', 0):.0f} s, "
                f"{delivery.get('wpm', 0):.0f} words/min, "
                f"fillers {delivery.get('filler_total', 0)}, "
                f"long pauses {len(delivery.get('long_pauses', []))}"
            )
            if delivery.get("voice"):
                lines.append(f"**Voice:** {voice_summary(delivery['voice'])}")
            lines.append("")
        if card.get("follow_up"):
            lines += [f"*Next question to practise:* {card['follow_up']}", ""]
    return "\n".join(lines)


def _bar_chart(answers: list[dict[str, Any]]) -> str:
    """An inline SVG of overall score per answer: progress at a glance, no scripts."""
    width, height, pad = 560, 160, 24
    if not answers:
        return ""
    step = (width - 2 * pad) / max(len(answers), 1)
    bars = []
    for i, answer in enumerate(answers):
        score = answer["card"]["overall"]
        bar_h = (height - 2 * pad) * score / 100
        x = pad + i * step + step * 0.15
        y = height - pad - bar_h
        colour = "#2e7d32" if score >= 70 else "#f9a825" if score >= 40 else "#c62828"
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{bar_h:.1f}" '
            f'fill="{colour}"><title>{html.escape(answer["topic"])}: {score}</title></rect>'
        )
    axis = (
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        'stroke="#555"/>'
    )
    return (
        f'<svg class="chart" role="img" aria-label="Overall score per answer" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"{axis}{''.join(bars)}</svg>"
    )


_CSS = """
body{font-family:system-ui,sans-serif;max-width:880px;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}
blockquote{background:#f6f6f6;border-left:4px solid #888;margin:0;padding:.6rem 1rem}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
.strong{color:#2e7d32;font-weight:600}.partial{color:#b26a00;font-weight:600}
.missing{color:#c62828;font-weight:600}.plus{color:#2e7d32}.minus{color:#c62828}
.overall{font-size:1.3rem;font-weight:700}
"""


def report_html(title: str, answers: list[dict[str, Any]]) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    if not answers:
        parts.append("<p>No answers yet.</p>")
    else:
        parts.append("<h2>Overall score per answer</h2>" + _bar_chart(answers))
    for number, answer in enumerate(answers, 1):
        card = answer["card"]
        parts.append(
            f"<h2>{number}. {esc(answer.get('question_text') or answer['topic'])}</h2>"
            f"<p>Topic: {esc(answer['topic'])} · Source: {esc(answer['source'])} · "
            f"{esc(answer['created_at'])} · <span class='overall'>Overall "
            f"{card['overall']}/100</span></p>"
            f"<blockquote>{esc(answer['answer_text'])}</blockquote>"
            "<table><tr><th>Dimension</th><th>Score</th><th>Level</th><th>Evidence</th>"
            "<th>Advice</th></tr>"
        )
        for key, label in DIMENSION_LABELS.items():
            dim = card["dimensions"][key]
            evidence = "<br>".join(
                f"<span class='{'plus' if e['effect'] == '+' else 'minus'}'>"
                f"{esc(e['effect'])} {esc(e['text'])}</span>"
                for e in dim.get("evidence_detail", [])
            )
            parts.append(
                f"<tr><td>{label}</td><td>{dim['score']}</td>"
                f"<td class='{esc(dim['level'])}'>{esc(dim['level'])}</td>"
                f"<td>{evidence}</td><td>{esc(dim['advice'])}</td></tr>"
            )
        parts.append("</table>")
        if card.get("flags"):
            items = "".join(f"<li>{esc(f['message'])}</li>" for f in card["flags"])
            parts.append(f"<p>Flags:</p><ul>{items}</ul>")
        delivery = answer.get("delivery")
        if delivery:
            parts.append(
                f"<p>Delivery: {delivery.get('duration_s', 0):.0f} s, "
                f"{delivery.get('wpm', 0):.0f} words/min, fillers "
                f"{delivery.get('filler_total', 0)}, long pauses "
                f"{len(delivery.get('long_pauses', []))}</p>"
            )
            if delivery.get("voice"):
                parts.append(f"<p>Voice: {esc(voice_summary(delivery['voice']))}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def voice_summary(voice: dict[str, Any]) -> str:
    """Loudness, pitch variation and trailing off in one line, with the tips."""
    figures = []
    if voice.get("loudness_dbfs") is not None:
        figures.append(f"loudness {voice['loudness_dbfs']:.0f} dBFS")
    if voice.get("pitch_spread_semitones") is not None:
        figures.append(f"pitch variation {voice['pitch_spread_semitones']:.1f} semitones")
    if voice.get("sentences"):
        figures.append(f"trailing off {voice.get('trailing_off', 0)} of {voice['sentences']}")
    tips = " ".join(voice.get("tips", []))
    return ", ".join(figures) + (f". {tips}" if tips else "")


RENDERERS = {"md": report_markdown, "html": report_html, "json": report_json}
