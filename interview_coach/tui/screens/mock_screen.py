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
from interview_coach.tui.messages import FINISHED
from interview_coach.tui.screens.closing import replace
from interview_coach.tui.screens.confirm_modal import first_words
from interview_coach.tui.screens.voice_mode import VOICE_BINDINGS, VoiceModeMixin
from interview_coach.tui.widgets.answer_editor import AnswerEditor
from interview_coach.tui.widgets.voice_panel import VoicePanel

DEFAULT_QUESTIONS = 5


class MockScreen(VoiceModeMixin, Screen):
    CSS_PATH = "mock_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Next (submit answer)"),
        *VOICE_BINDINGS,
        Binding("escape", "end", "End interview"),
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
        self.saving = False  # a submit is being saved: further submits are ignored
        # A spoken answer waits here until Ctrl+S sends it; space records it again.
        self.pending_voice: Any = None

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
        self.pending_voice = None
        self.focus_answer()

    def current_question(self) -> AskedQuestion:
        return self.questions[self.index]

    def current_prompt(self) -> str:
        return self.follow_up or self.questions[self.index].text

    def on_voice_panel_captured(self, message: VoicePanel.Captured) -> None:
        """Hold the spoken answer so it can be heard back in words and re-recorded."""
        answer = message.answer
        self.pending_voice = answer
        panel = self.query_one(VoicePanel)
        panel.show_state(
            f"Recorded {answer.duration_s:.0f} s ({len(answer.text.split())} words). "
            "Ctrl+S sends it; space records it again."
        )
        panel.show_partial(answer.text)

    def action_record(self) -> None:
        if not self.query_one(VoicePanel).recording:
            self.pending_voice = None  # recording again replaces the held answer
        super().action_record()

    def action_submit(self) -> None:
        if self.saving:
            return
        question = self.questions[self.index]
        prompt = self.follow_up or question.text
        if self.voice_mode:
            if self.query_one(VoicePanel).recording:
                self.notify("Stop the recording first (space).", severity="warning")
                return
            if self.pending_voice is None:
                self.notify("Record your answer first: press space.", severity="warning")
                return
            answer = self.pending_voice
            self.saving = True
            self.score(
                answer.text, question, prompt, self._followed(), answer.delivery, self.session_id
            )
            return
        text = self.query_one(AnswerEditor).text
        if not text.strip():
            self.notify("Say something before moving on (or Esc to end).", severity="warning")
            return
        self.saving = True
        self.score(text, question, prompt, self._followed(), None, self.session_id)

    def _followed(self) -> dict[str, Any] | None:
        """While answering a follow-up: the result of the answer it follows."""
        return self.results[-1] if self.follow_up is not None and self.results else None

    @work(thread=True, exit_on_error=False, group="score")
    def score(
        self,
        text: str,
        question: AskedQuestion,
        prompt: str,
        followed: dict[str, Any] | None,
        delivery: dict[str, Any] | None = None,
        session_id: int | None = None,
    ) -> dict[str, Any]:
        """Runs in a thread: reads its arguments, returns a result, sets no screen state.

        A follow-up reply is judged with the answer it follows, and saved with it, so
        the card's evidence points into the text the user sees in Review.
        """
        coach = self.app.coach
        seconds = (delivery or {}).get("duration_s")
        card, saved_text = coach.judge(
            text, question.topic, question.id, followed, spoken_seconds=seconds
        )
        session_id, answer_id = coach.save(
            card,
            saved_text,
            session_id=session_id,
            kind="mock",
            question_text=prompt,
            source="voice" if delivery else "typed",
            delivery=delivery,
        )
        if delivery:
            self.app.call_from_thread(
                lambda: self.query_one(VoicePanel).refine_saved(
                    answer_id, question.topic, question.id, followed
                )
            )
        return {
            "card": card.to_json(),
            "answer": saved_text,
            "question": prompt,
            "follow_up": followed is not None,
            "id": answer_id,
            "session_id": session_id,
            "delivery": delivery,
        }

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "voice-capture":
            return  # the VoicePanel reports its own outcome as a message
        if event.worker.group == "score" and event.state in FINISHED:
            self.saving = False
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        if event.state != WorkerState.SUCCESS or event.worker.group != "score":
            return
        result = event.worker.result
        self.session_id = result["session_id"]
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

    def action_end(self) -> None:
        """Esc: end the interview, but never throw away an answer without asking."""
        if self.saving:
            self.notify("Saving your answer; press Esc again in a moment.")
            return
        unsent = self.query_one(AnswerEditor).text
        if self.voice_mode and self.pending_voice is not None:
            unsent = self.pending_voice.text
        recording = self.query_one(VoicePanel).recording
        if not unsent.strip() and not recording:
            self.action_finish()
            return
        from interview_coach.tui.screens.confirm_modal import ConfirmModal

        what = (
            "the answer you are recording"
            if recording
            else f'your unsent {len(unsent.split())}-word answer ("{first_words(unsent)}")'
        )

        def answer(yes: bool | None) -> None:
            if yes:
                if recording:
                    self.query_one(VoicePanel).toggle()  # ask the capture to stop
                self.action_finish()

        self.app.push_screen(
            ConfirmModal(
                f"End the interview and discard {what}? Ctrl+S sends it instead.",
                yes_label="Discard and end (y)",
                no_label="Keep answering",
            ),
            answer,
        )

    def action_finish(self) -> None:
        from interview_coach.tui.screens.mock_summary_screen import MockSummaryScreen

        replace(self, MockSummaryScreen(self.results))
