"""The score card after an answer (or from review), with what to do next."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from interview_coach.tui.messages import AnswerRefined
from interview_coach.tui.screens.closing import close
from interview_coach.tui.widgets.app_header import AppHeader
from interview_coach.tui.widgets.score_card import ScoreCardView


class CardScreen(Screen[str | None]):
    """Dismisses with "retry", "next" or "follow_up" when opened from practice."""

    CSS_PATH = "card_screen.tcss"
    BINDINGS = [
        Binding("r", "choose('retry')", "Retry"),
        Binding("n", "choose('next')", "Next"),
        Binding("f", "choose('follow_up')", "Follow-up"),
        Binding("escape", "choose('')", "Back"),
    ]

    def __init__(
        self,
        card: dict[str, Any],
        answer: str,
        previous: dict[str, Any] | None = None,
        delivery: dict[str, Any] | None = None,
        actions: bool = True,
        context: RenderableType | None = None,
        answer_id: int | None = None,
    ) -> None:
        """``context``: what the answer was answering (Review passes the question, the
        follow-up and the reply), shown above the card. ``answer_id``: the saved
        answer shown, so that its refined transcript can replace the live one."""
        super().__init__()
        self.card, self.answer, self.previous, self.delivery = card, answer, previous, delivery
        self.actions = actions
        self.context = context
        self.answer_id = answer_id

    def show_refined(self, refined: AnswerRefined) -> bool:
        """Redraw with the whole-answer transcript and its card, if this is that answer."""
        if self.answer_id is None or refined.answer_id != self.answer_id:
            return False
        saved = refined.saved
        self.card, self.answer, self.delivery = saved.card.to_json(), saved.text, saved.delivery
        self.refresh(recompose=True)
        return True

    def compose(self) -> ComposeResult:
        yield AppHeader()
        if self.context is not None:
            yield Static(self.context, id="context", classes="question")
        yield ScoreCardView(self.card, self.answer, self.previous, self.delivery, id="card")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters and parameters[0]:
            if not self.actions:
                return False
            if parameters[0] == "follow_up" and not self.card.get("follow_up"):
                return False
        return True

    def action_choose(self, choice: str) -> None:
        close(self, choice or None)
