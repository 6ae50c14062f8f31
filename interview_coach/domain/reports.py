"""Reports a mentor can read in two minutes: the same content as Markdown or HTML (or JSON).

Pure functions over a ``Report`` (see report_model), so the CLI and any other
interface produce the same report. The first part is the trend per dimension and
the three next steps; then each answer with its question, transcript, the quoted
sentences with why each was quoted, delivery and the follow-up with its reply.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from interview_coach.domain.quotes import shorten
from interview_coach.domain.report_chart import sparkline
from interview_coach.domain.report_model import JOIN, Quote, Report, ReportAnswer, short_date

EFFECT_WORDS = {"+": "earned", "-": "cost"}


def report_json(title: str, answers: list[dict]) -> str:
    """The stored answers as they are (cards, scores, timings): for other programs."""
    return json.dumps({"title": title, "answers": answers}, indent=2)


def pieces(answer: ReportAnswer, start: int, end: int) -> Iterator[tuple[str, Quote | None, int]]:
    """The text in [start, end) split into (piece, quote it belongs to, quote number)."""
    at = start
    for number, quote in enumerate(answer.quotes, 1):
        q_start, q_end = max(quote.start, at), min(quote.end, end)
        if q_end <= q_start:
            continue
        if q_start > at:
            yield answer.answer[at:q_start], None, 0
        yield answer.answer[q_start:q_end], quote, number
        at = q_end
    if at < end:
        yield answer.answer[at:end], None, 0


def transcript_parts(answer: ReportAnswer) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """Where the first answer and the follow-up reply sit in the saved text."""
    if answer.reply is None:
        return (0, len(answer.answer.rstrip())), None
    cut = len(answer.answer) - len(answer.reply)
    return (0, cut - len(JOIN)), (cut, len(answer.answer.rstrip()))


def meta_line(answer: ReportAnswer) -> str:
    kind = "Mock interview" if answer.mock else "Practice"
    how = "spoken" if answer.spoken else "typed"
    overall = f"Overall {answer.overall}/100"
    if answer.first_overall is not None:
        overall += f" (first answer {answer.first_overall}, with the follow-up {answer.overall})"
    return f"{kind} · {answer.topic} · {answer.date} · {how} · {overall}"


def delivery_line(delivery: dict) -> str:
    return (
        f"{delivery.get('duration_s', 0):.0f} s, {delivery.get('wpm', 0):.0f} words/min, "
        f"{delivery.get('filler_total', 0)} fillers, {delivery.get('hesitations', 0)} "
        f"hesitations, {len(delivery.get('long_pauses', []))} long pauses"
    )


def voice_summary(voice: dict) -> str:
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


def grouped_reasons(quote: Quote) -> list[tuple[str, str, list[str]]]:
    """(effect, dimension, whys): one entry per dimension and effect, in the order said.

    The clause reading and the cue rules can both explain one sentence in nearly the
    same words ("reads as blaming others or circumstances", "blames others or
    circumstances"); a reason whose words the other already says is dropped.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for r in quote.reasons:
        groups.setdefault((r.effect, r.dimension), []).append(r.why)
    return [(e, d, _distinct(whys)) for (e, d), whys in groups.items()]


def _stems(text: str) -> frozenset[str]:
    return frozenset(word[:4] for word in text.lower().replace("(", " ").split())


def _distinct(whys: list[str]) -> list[str]:
    stems = [_stems(why) for why in whys]
    return [
        why
        for i, why in enumerate(whys)
        if not any(
            j != i and stems[i] <= stems[j] and (stems[i] < stems[j] or j < i)
            for j in range(len(whys))
        )
    ]


def reason_text(quote: Quote) -> str:
    return "; ".join(
        f"{EFFECT_WORDS[effect]} {dimension.lower()} points: {', '.join(whys)}"
        for effect, dimension, whys in grouped_reasons(quote)
    )


def report_markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    if not report.answers:
        return "\n".join([*lines, "No answers yet."])
    lines += [
        report.summary,
        "",
        "## Trend per dimension",
        "",
    ]
    first, last = report.answers[0], report.answers[-1]
    lines += [
        f"| Dimension | First ({short_date(first.stamp)}) | Latest ({short_date(last.stamp)}) "
        "| Best | Every answer, oldest first |",
        "|---|---|---|---|---|",
    ]
    for label, points in report.trend.items():
        scores = [score for _, score in points]
        lines.append(
            f"| {label} | {scores[0]} | {scores[-1]} | {max(scores)} | {sparkline(scores)} |"
        )
    lines += ["", "## Next steps", ""]
    if report.steps:
        lines += [
            f"{i}. **{s.dimension}**: {s.advice} ({s.why})" for i, s in enumerate(report.steps, 1)
        ]
    else:
        lines.append("Every dimension is strong on average over the latest answers: keep it so.")
    for answer in report.answers:
        lines += ["", f"## {answer.number}. {answer.question}", "", meta_line(answer), ""]
        first_part, reply_part = transcript_parts(answer)
        lines += ["### Answer", "", "> " + _marked(answer, *first_part).replace("\n", "\n> ")]
        if reply_part is not None:
            lines += ["", f"### Follow-up: {answer.follow_up}", ""]
            lines.append("> " + _marked(answer, *reply_part).replace("\n", "\n> "))
        if answer.quotes:
            lines += ["", "### Why these sentences", ""]
            for number, quote in enumerate(answer.quotes, 1):
                sign = "✔" if quote.effect == "+" else "✘"
                lines.append(f'{number}. {sign} "{shorten(quote.text)}": {reason_text(quote)}')
        lines += ["", "| Dimension | Score | Level | Next step |", "|---|---|---|---|"]
        lines += [f"| {d.label} | {d.score} | {d.level} | {d.advice} |" for d in answer.dimensions]
        if answer.flags:
            lines += ["", "**Also:**", *[f"- {flag}" for flag in answer.flags]]
        if answer.delivery:
            lines += ["", f"**Delivery:** {delivery_line(answer.delivery)}"]
            if answer.delivery.get("voice"):
                lines += ["", f"**Voice:** {voice_summary(answer.delivery['voice'])}"]
        if answer.next_question:
            lines += ["", f"*Follow-up to practise next:* {answer.next_question}"]
    return "\n".join(lines) + "\n"


def _marked(answer: ReportAnswer, start: int, end: int) -> str:
    """Quoted sentences in bold (earned points) or italics (cost points), numbered."""
    out = []
    for piece, quote, number in pieces(answer, start, end):
        if quote is None:
            out.append(piece)
        else:
            mark = "**" if quote.effect == "+" else "_"
            out.append(f"{mark}{piece.strip()}{mark}<sup>{number}</sup>")
    return "".join(out)


def render(fmt: str, report: Report) -> str:
    """The report for a reader, as "md" or "html" (JSON is ``report_json``)."""
    if fmt == "html":
        from interview_coach.domain.report_html import report_html

        return report_html(report)
    return report_markdown(report)
