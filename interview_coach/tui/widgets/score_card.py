"""The score card: overall, four dimension bars, the answer with evidence highlighted.

Shared by practice, mock-interview summaries and review, so a saved answer looks
exactly as it did when it was scored.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from interview_coach.domain.length import length_target
from interview_coach.domain.quotes import shorten
from interview_coach.tui.widgets.evidence_view import EvidenceView

LABELS = {
    "acknowledgment": "Acknowledgment",
    "non_defensiveness": "Non-defensiveness",
    "corrective_action": "Corrective action",
    "tie_back": "Tie-back",
}
LEVEL_STYLE = {"strong": "bold green", "partial": "bold yellow", "missing": "bold red"}
BAR_WIDTH = 20
COMPACT_BAR_WIDTH = 10  # half a screen (a retry's two cards) keeps each bar on one line


def dimension_line(
    label: str, score: int, level: str, previous: int | None = None, width: int = BAR_WIDTH
) -> Text:
    """'Acknowledgment  ████████░░░░  80 strong  (was 55)' as one styled line."""
    filled = round(width * score / 100)
    line = Text(f"{label:<18} " if width == BAR_WIDTH else f"{label:<17} ")
    line.append("█" * filled, style=LEVEL_STYLE[level].replace("bold ", ""))
    line.append("░" * (width - filled), style="dim")
    line.append(f" {score:>3} ")
    line.append(level, style=LEVEL_STYLE[level])
    if previous is not None:
        delta = score - previous
        line.append(f"  (was {previous}, {delta:+d})", style="green" if delta >= 0 else "red")
    return line


class ScoreCardView(VerticalScroll):
    """Everything the scorer said about one answer, readable at 80x24."""

    DEFAULT_CSS = """
    ScoreCardView { height: 1fr; padding: 0 1; }
    ScoreCardView .overall { text-style: bold; margin-bottom: 1; }
    ScoreCardView #dimensions { height: auto; }
    ScoreCardView .section { margin-top: 1; text-style: bold; }
    ScoreCardView .advice { color: $text-muted; padding-left: 2; }
    ScoreCardView .flag { color: $warning; }
    """

    def __init__(
        self,
        card: dict[str, Any],
        answer: str,
        previous: dict[str, Any] | None = None,
        delivery: dict[str, Any] | None = None,
        answer_first: bool = False,
        **kwargs: Any,
    ) -> None:
        """``answer_first`` puts the marked answer above the bars: where two cards are
        compared, the words are what changed."""
        super().__init__(**kwargs)
        self.card, self.answer, self.previous, self.delivery = card, answer, previous, delivery
        self.answer_first = answer_first

    def compose(self) -> ComposeResult:
        card = self.card
        overall = f"Overall {card['overall']}/100"
        if self.previous:
            overall += f"   (previous attempt {self.previous['overall']})"
        yield Static(overall, classes="overall", id="overall")
        if card.get("gain"):
            yield Static(follow_up_gain(card), id="follow-up-gain")
        if self.answer_first:
            yield EvidenceView(self.answer, card, id="evidence")
        bar = COMPACT_BAR_WIDTH if self.answer_first else BAR_WIDTH
        with Vertical(id="dimensions"):
            for key, label in LABELS.items():
                dim = card["dimensions"][key]
                before = self.previous["dimensions"][key]["score"] if self.previous else None
                yield Static(
                    dimension_line(label, dim["score"], dim["level"], before, bar),
                    id=f"bar-{key}",
                )
                yield Static(f"→ {dim['advice']}", classes="advice")
        if self.delivery:
            yield Static("Delivery", classes="section")
            yield Static(delivery_summary(self.delivery), id="delivery")
        for flag in card.get("flags", []):
            yield Static(f"⚑ {flag['message']}", classes="flag")
        if card.get("follow_up"):
            yield Static(f"Follow-up: {card['follow_up']}", classes="section", id="follow-up")
        if not self.answer_first:
            yield EvidenceView(self.answer, card, id="evidence")
        outline = card.get("outline") or {}
        if outline.get("parts"):
            yield Static("Outline of your answer (rewrite it in your own words)", classes="section")
            yield Static(outline_text(outline), id="outline")


def follow_up_gain(card: dict[str, Any]) -> Text:
    """What a follow-up reply added, judged together with the answer it follows."""
    text = Text("Judged with your first answer. ")
    probed = card.get("probed")
    if probed:
        gained = card["gain"].get(probed, 0)
        text.append(f"The follow-up asked about {LABELS[probed].lower()}: ")
        text.append(f"{gained:+d}", style="green" if gained > 0 else "red")
        text.append(" there. ")
    others = [f"{LABELS[d]} {v:+d}" for d, v in card["gain"].items() if v and d != probed]
    if others:
        text.append("Also: " + ", ".join(others) + ".")
    return text


TRANSCRIPT_NOTES = {
    "live": "Transcript: live, heard piece by piece; one pass over the whole answer "
    "replaces it in a few seconds.",
    "refined": "Transcript: refined, from one pass over the whole answer.",
}


def delivery_summary(delivery: dict[str, Any]) -> str:
    fillers = delivery.get("filler_total", 0)
    transcript = TRANSCRIPT_NOTES.get(delivery.get("transcript", ""))
    low, high = length_target().seconds
    return (
        f"{delivery.get('duration_s', 0):.0f} s (target {low}-{high})   "
        f"{delivery.get('wpm', 0):.0f} words/min (target 120-160)   "
        f"fillers {fillers}   hesitations {delivery.get('hesitations', 0)}   "
        f"long pauses {len(delivery.get('long_pauses', []))}\n"
        "Fillers come from the transcript and may be undercounted; hesitations and pauses "
        "are timed from the audio." + (f"\n{transcript}" if transcript else "")
    )


OUTLINE_LABELS = {
    "fact": "1. What happened",
    "cause": "2. Why (your part)",
    "change": "3. What you changed, and the result",
    "tie_back": "4. What it means for residency",
}


def outline_text(outline: dict[str, Any]) -> Text:
    """Each part with the user's own sentences, or a red 'missing' to fill in."""
    text = Text()
    for key, label in OUTLINE_LABELS.items():
        sentences = outline["parts"].get(key, [])
        text.append(f"{label}: ", style="bold")
        if sentences:
            text.append(shorten(" ".join(sentences)) + "\n")
        else:
            text.append("missing\n", style="bold red")
    return text
