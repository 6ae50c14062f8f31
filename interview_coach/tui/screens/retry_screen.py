"""After a retry: the earlier answer and its card beside the new answer and its card.

A retry is only useful if the user sees what changed: which sentences now earn
points and which dimensions moved. Side by side when the terminal is wide enough
for two readable cards, one above the other when it is not (80x24); each card
scrolls on its own and Tab moves between them. The keys are the card's own
(retry again, next question, answer the follow-up), so it replaces the card.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widgets import Footer, Static

from interview_coach.tui.screens.card_screen import CardScreen
from interview_coach.tui.widgets.app_header import AppHeader
from interview_coach.tui.widgets.score_card import ScoreCardView

SIDE_BY_SIDE_COLUMNS = 110  # two cards of 55 columns keep the bars and advice readable


def change_line(before: dict[str, Any], after: dict[str, Any]) -> Text:
    """'Overall 37 → 81 (+44)   Acknowledgment +88 …': what the retry changed, in a line."""
    delta = after["overall"] - before["overall"]
    line = Text(f"Overall {before['overall']} → {after['overall']} ")
    line.append(f"({delta:+d})", style="bold green" if delta >= 0 else "bold red")
    return line


class RetryScreen(CardScreen):
    """Dismisses like the card: "retry", "next", "follow_up" or None."""

    CSS_PATH = "retry_screen.tcss"
    # The new card has focus, not the earlier one composed first. Textual's own
    # auto-focus queries for it, so a screen closed before it was shown (a retry and
    # a dismissing key handled back to back: the random-key test hit it) focuses
    # nothing instead of stopping the app, as a query_one in on_mount did.
    AUTO_FOCUS = "#card"

    def __init__(
        self,
        card: dict[str, Any],
        answer: str,
        previous: dict[str, Any],
        previous_answer: str,
        delivery: dict[str, Any] | None = None,
        previous_delivery: dict[str, Any] | None = None,
        answer_id: int | None = None,
    ) -> None:
        super().__init__(card, answer, previous, delivery, answer_id=answer_id)
        self.previous_answer, self.previous_delivery = previous_answer, previous_delivery

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static(change_line(self.previous, self.card), id="change")
        # Set here as well as on resize: a refined transcript recomposes the screen.
        stacked = "stacked" if self.app.size.width < SIDE_BY_SIDE_COLUMNS else ""
        with Container(id="pair", classes=stacked):
            with Vertical(id="before-side", classes="side"):
                yield Static(f"Before: {self.previous['overall']}/100", classes="side-title")
                yield ScoreCardView(
                    self.previous,
                    self.previous_answer,
                    delivery=self.previous_delivery,
                    answer_first=True,
                    id="before",
                )
            with Vertical(id="after-side", classes="side"):
                yield Static(f"Now: {self.card['overall']}/100", classes="side-title")
                yield ScoreCardView(
                    self.card, self.answer, self.previous, self.delivery, True, id="card"
                )
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        self._arrange(event.size.width)

    def _arrange(self, width: int) -> None:
        self.query_one("#pair").set_class(width < SIDE_BY_SIDE_COLUMNS, "stacked")
