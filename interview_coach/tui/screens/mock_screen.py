"""Mock interview: N questions in a row under interview conditions, cards only at the end.

A visible timer with a 90-second soft limit per answer; at most one follow-up
per question, asked when the answer left its weakest dimension below strong,
as a real interviewer would.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from interview_coach.domain.selection import AskedQuestion
from interview_coach.tui.screens.voice_mode import VOICE_BINDINGS, VoiceModeMixin
from interview_coach.tui.widgets.answer_editor import AnswerEditor
from interview_coach.tui.widgets.voice_panel import VoicePanel

DEFAULT_QUESTIONS = 5


class MockScreen(VoiceModeMixin, Screen):
    CSS_PATH = "mock_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Next (submit answer)"),
        *VOICE_BINDINGS,
        Binding("escape", "finish", "End interview"),
    ]

    def __init__(self, count: int = DEFAULT_QUESTIONS) -> None:
        super().__init__()
        self.count = count
        self.questions: list[AskedQuestion] = []
        self.index = 0
        self.follow_up: str | None = None  # set while answering a follow-up
        self.session_id: int | None = None
        self.results: list[dict[str, Any]] = []
        self.voice_mode = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="mock"):
            yield Static("", id="progress", classes="muted")
            yield Static("", id="question", classes="question")
            yield AnswerEditor(id="editor")
            yield VoicePanel(id="voice")
        yield Footer()

    def on_mount(self) -> None:
        coach = self.app.coach
        self.questions = coach.questions(limit=self.count, weak_topics=coach.weak_topics())
        self._ask()

    def _ask(self) -> None:
        question = self.questions[self.index]
        label = "Follow-up" if self.follow_up else f"Question {self.index + 1} of "
        label += "" if self.follow_up else str(len(self.questions))
        self.query_one("#progress", Static).update(
            f"{label}. Answer as you would in the room; cards come at the end."
        )
        prompt = self.follow_up or question.text
        self.query_one("#question", Static).update(prompt)
        self.query_one(AnswerEditor).set_text("")
        self.focus_answer()

    def current_question(self) -> AskedQuestion:
        return self.questions[self.index]

    def current_prompt(self) -> str:
        return self.follow_up or self.questions[self.index].text

    def on_voice_panel_captured(self, message: VoicePanel.Captured) -> None:
        question = self.questions[self.index]
        self.score(
            message.answer.text,
            question,
            self.follow_up or question.text,
            self.follow_up is not None,
            message.answer.delivery,
        )

    def action_submit(self) -> None:
        text = self.query_one(AnswerEditor).text
        if not text.strip():
            self.notify("Say something before moving on (or Esc to end).", severity="warning")
            return
        question = self.questions[self.index]
        self.score(text, question, self.follow_up or question.text, self.follow_up is not None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="score")
    def score(
        self,
        text: str,
        question: AskedQuestion,
        prompt: str,
        was_follow_up: bool,
        delivery: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        coach = self.app.coach
        card = coach.score(text, question.topic, question.id)
        self.session_id, answer_id = coach.save(
            card,
            text,
            session_id=self.session_id,
            kind="mock",
            question_text=prompt,
            source="voice" if delivery else "typed",
            delivery=delivery,
        )
        if delivery:
            self.app.call_from_thread(
                lambda: self.query_one(VoicePanel).refine_saved(
                    answer_id, question.topic, question.id
                )
            )
        return {
            "card": card.to_json(),
            "answer": text,
            "question": prompt,
            "follow_up": was_follow_up,
            "id": answer_id,
            "delivery": delivery,
        }

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "voice-capture":
            return  # the VoicePanel reports its own outcome as a message
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        if event.state != WorkerState.SUCCESS or event.worker.group != "score":
            return
        result = event.worker.result
        self.results.append(result)
        card = result["card"]
        weakest = min(card["dimensions"].values(), key=lambda d: d["score"])
        if not result["follow_up"] and card.get("follow_up") and weakest["level"] != "strong":
            self.follow_up = card["follow_up"]
        else:
            self.follow_up = None
            self.index += 1
        if self.index >= len(self.questions):
            self.action_finish()
        else:
            self._ask()

    def action_finish(self) -> None:
        from interview_coach.tui.screens.mock_summary_screen import MockSummaryScreen

        self.app.switch_screen(MockSummaryScreen(self.results))
