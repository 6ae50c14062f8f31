"""What a mentor's report says, decided once for every format (Markdown, HTML).

The stored history is raw: ISO timestamps, topic ids, a follow-up saved as the
answer it follows plus the reply, evidence listed per dimension (so a sentence
that earned two dimensions' points appears twice). Here it becomes what a mentor
reads: human dates, topic names, one entry per question with its follow-up and
reply, each quoted sentence once with every reason it was quoted for, the trend
per dimension and the three next steps most worth the candidate's time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from interview_coach.domain.results import DIMENSIONS

DIMENSION_LABELS = {
    "acknowledgment": "Acknowledgment",
    "non_defensiveness": "Non-defensiveness",
    "corrective_action": "Corrective action",
    "tie_back": "Tie-back",
}
JOIN = "\n\n"  # how a follow-up reply is saved after the answer it follows


def human_date(stamp: str) -> str:
    """'2026-11-26T00:28:27+00:00' -> '26 Nov 2026' (the stamp as given if unreadable)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{moment.day} {moment:%b %Y}"


def short_date(stamp: str) -> str:
    """'26 Nov': an axis label, where the year is said once elsewhere."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:10]
    return f"{moment.day} {moment:%b}"


@dataclass(frozen=True)
class Reason:
    dimension: str  # label, e.g. "Tie-back"
    effect: str  # "+" earned points, "-" cost points
    why: str


@dataclass(frozen=True)
class Quote:
    """One sentence of the answer, once, with every reason it was quoted for."""

    text: str
    start: int
    end: int
    reasons: tuple[Reason, ...]

    @property
    def effect(self) -> str:
        """Cost wins: a sentence that also costs points is the one to rewrite."""
        return "-" if any(r.effect == "-" for r in self.reasons) else "+"


@dataclass(frozen=True)
class DimensionRow:
    label: str
    score: int
    level: str
    advice: str


@dataclass(frozen=True)
class ReportAnswer:
    number: int
    question: str
    topic: str
    date: str
    stamp: str
    mock: bool
    spoken: bool
    overall: int
    answer: str
    quotes: tuple[Quote, ...]
    dimensions: tuple[DimensionRow, ...]
    flags: tuple[str, ...]
    delivery: dict[str, Any] | None
    follow_up: str | None  # the follow-up asked (and answered in ``reply``)
    reply: str | None
    first_overall: int | None  # the answer's score before its follow-up reply
    next_question: str | None  # a follow-up still to practise


@dataclass(frozen=True)
class Step:
    dimension: str
    advice: str
    why: str


@dataclass
class Report:
    title: str
    period: str
    answers: list[ReportAnswer] = field(default_factory=list)
    trend: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # label -> (stamp, score)
    steps: list[Step] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """The line under the title: "June 2026 · 1 answer (1 in mock interviews)"."""
        count = len(self.answers)
        mock = sum(a.mock for a in self.answers)
        line = f"{self.period} · {count} answer{'s' if count != 1 else ''}"
        return line + (f" ({mock} in mock interviews)" if mock else "")


def quotes_of(card: Mapping[str, Any], answer: str) -> tuple[Quote, ...]:
    """Evidence merged by span: each sentence once, in the order it was said.

    The scorer lists evidence per dimension, so a sentence that earned (or cost)
    points in two dimensions comes twice; a reader needs it once, with both reasons.
    """
    found: dict[tuple[int, int], tuple[str, list[Reason]]] = {}
    for key in DIMENSIONS:
        for item in card["dimensions"][key].get("evidence_detail", []):
            span = (item["start"], item["end"])
            if not 0 <= span[0] < span[1] <= len(answer):
                span = (len(answer), len(answer) + len(found))  # not in the text: last
            reasons = found.setdefault(span, (item["text"], []))[1]
            reason = Reason(DIMENSION_LABELS[key], item["effect"], item["reason"])
            if reason not in reasons:
                reasons.append(reason)
    # A specific ("June 2021") inside a quoted sentence is a reason of that sentence.
    spans = sorted(found, key=lambda sp: (sp[0], -sp[1]))
    for inner in spans:
        outer = next(
            (o for o in spans if o != inner and o[0] <= inner[0] and inner[1] <= o[1]), None
        )
        if outer is not None and outer[1] <= len(answer):
            text, reasons = found.pop(inner)
            container = found[outer][1]
            for r in reasons:
                moved = Reason(r.dimension, r.effect, f"{r.why} (“{text}”)")
                if moved not in container:
                    container.append(moved)
    return tuple(
        Quote(text, span[0], span[1], tuple(reasons))
        for span, (text, reasons) in sorted(found.items())
    )


def _merge_follow_ups(answers: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict | None]]:
    """(answer, the first answer it replaces or None): a follow-up reply is saved as
    the answer it follows plus the reply, and stands for that answer."""
    kept: list[tuple[dict[str, Any], dict | None]] = []
    for answer in sorted(answers, key=lambda a: (a["created_at"], a.get("id", 0))):
        previous = kept[-1][0] if kept else None
        if (
            answer["card"].get("follows")
            and previous is not None
            and previous["session_id"] == answer["session_id"]
            and previous["question_id"] == answer["question_id"]
        ):
            kept[-1] = (answer, kept[-1][1] or previous)
        else:
            kept.append((answer, None))
    return kept


def _split_reply(answer: dict[str, Any], first: dict[str, Any] | None) -> str | None:
    """The follow-up reply alone, when ``answer`` is a first answer plus its reply."""
    text = answer["answer_text"]
    if answer["card"].get("follows") and first is not None:
        head = first["answer_text"] + JOIN
        if text.startswith(head):
            return text[len(head) :]
    return None


def build_report(
    title: str,
    answers: list[dict[str, Any]],
    topic_titles: Mapping[str, str],
    session_kinds: Mapping[int, str],
) -> Report:
    merged = _merge_follow_ups(answers)
    report = Report(title, _period([a for a, _ in merged]))
    for number, (answer, first) in enumerate(merged, 1):
        card = answer["card"]
        reply = _split_reply(answer, first)
        asked = first if first is not None and reply is not None else answer  # the question
        report.answers.append(
            ReportAnswer(
                number=number,
                question=(asked.get("question_text") or topic_titles.get(answer["topic"], "")),
                topic=topic_titles.get(answer["topic"], answer["topic"].replace("_", " ")),
                date=human_date(answer["created_at"]),
                stamp=answer["created_at"],
                mock=session_kinds.get(answer["session_id"]) == "mock",
                spoken=answer.get("source") == "voice",
                overall=card["overall"],
                answer=answer["answer_text"],
                quotes=quotes_of(card, answer["answer_text"]),
                dimensions=tuple(
                    DimensionRow(
                        DIMENSION_LABELS[k],
                        card["dimensions"][k]["score"],
                        card["dimensions"][k]["level"],
                        card["dimensions"][k]["advice"],
                    )
                    for k in DIMENSIONS
                ),
                flags=tuple(dict.fromkeys(f["message"] for f in card.get("flags", []))),
                delivery=answer.get("delivery"),
                follow_up=card.get("follows") if reply is not None else None,
                reply=reply,
                first_overall=first["card"]["overall"] if first and reply is not None else None,
                next_question=card.get("follow_up"),
            )
        )
    report.trend = {
        DIMENSION_LABELS[k]: [
            (a["created_at"], a["card"]["dimensions"][k]["score"]) for a, _ in merged
        ]
        for k in DIMENSIONS
    }
    from interview_coach.domain.report_steps import next_steps

    report.steps = next_steps([a for a, _ in merged], topic_titles)
    return report


def _period(answers: list[dict[str, Any]]) -> str:
    if not answers:
        return ""
    first, last = human_date(answers[0]["created_at"]), human_date(answers[-1]["created_at"])
    return first if first == last else f"{first} – {last}"
