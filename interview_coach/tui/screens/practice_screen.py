"""Typed practice: pick a topic (or "for me"), answer, see the card, retry or move on.

Scoring and saving run in a thread worker; the draft is autosaved every two
seconds so a closed terminal or a crash never loses a half-written answer.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Select, Static
from textual.worker import Worker, WorkerState

from interview_coach.coach import SavedAnswer
from interview_coach.domain.results import ScoreCard
from interview_coach.domain.scoring import AnswerError
from interview_coach.domain.selection import AskedQuestion
from interview_coach.tui.messages import FINISHED, AnswerRefined
from interview_coach.tui.screens.closing import close, is_closing
from interview_coach.tui.screens.practice_drafts import (
    AUTOSAVE_S,
    DRAFT_SLOT,
    DraftKeeping,
)
from interview_coach.tui.screens.voice_mode import VOICE_BINDINGS, VoiceModeMixin
from interview_coach.tui.widgets.answer_editor import AnswerEditor
from interview_coach.tui.widgets.answer_pane import AnswerPane
from interview_coach.tui.widgets.app_header import AppHeader
from interview_coach.tui.widgets.safe_select import SafeSelect
from interview_coach.tui.widgets.voice_panel import VoicePanel

FOR_ME = "__for_me__"


class PracticeScreen(DraftKeeping, VoiceModeMixin, Screen):
    CSS_PATH = "practice_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Score"),
        Binding("ctrl+n", "next_question", "Skip"),
        *VOICE_BINDINGS,
        Binding("escape", "leave", "Home"),
    ]

    def __init__(self, topic: str | None = None) -> None:
        super().__init__()
        self.topic = topic or FOR_ME
        self.queue: list[AskedQuestion] = []
        self.question: AskedQuestion | None = None
        self.prompt_text = ""  # the question or follow-up being answered
        self.previous_card: ScoreCard | None = None
        self.previous_text, self.previous_delivery = "", None  # shown beside a retry
        self.previous_answer_id: int | None = None
        # While answering a follow-up: the saved answer it follows, and the
        # follow-ups already asked about this question.
        self.followed: SavedAnswer | None = None
        self.asked: tuple[str, ...] = ()
        self.session_id: int | None = None
        self._saved_draft = ""
        self.voice_mode = False
        # True from a submit until its save worker ends: a second Ctrl+S is ignored, so a
        # double submit saves once (save workers are never cancelled half-way).
        self.saving = False

    def compose(self) -> ComposeResult:
        coach = self.app.coach
        options = [("For me (red flags, then weakest)", FOR_ME)] + [
            (t.title, t.id) for t in coach.bank.topics.values()
        ]
        yield AppHeader()
        with Vertical(id="practice"):
            with Horizontal(id="topic-row"):
                yield Static("Topic", classes="muted")
                yield SafeSelect(options, value=self.topic, allow_blank=False, id="topic")
            yield Static("", id="question", classes="question")
            yield AnswerPane(id="answer")
        yield Footer()

    def on_mount(self) -> None:
        self.restore_draft()
        self.set_interval(AUTOSAVE_S, self.autosave)

    # -- questions ---------------------------------------------------------------
    def _refill(self) -> None:
        coach = self.app.coach
        if self.topic == FOR_ME:
            self.queue = coach.questions(weak_topics=coach.weak_topics())
        else:
            self.queue = coach.questions(topic=self.topic)

    def show_question(
        self, question: AskedQuestion | None = None, prompt: str | None = None, keep_text: str = ""
    ) -> None:
        if question is None or question is not self.question:
            self.followed, self.asked = None, ()  # a new question starts a new exchange
        if question is None:
            if not self.queue:
                self._refill()
            question = self.queue.pop(0)
        self.question = question
        self.prompt_text = prompt or question.text
        self.query_one("#question", Static).update(self.prompt_text)
        self.focus_answer(keep_text)
        if self.voice_mode and self.app.settings.speak_questions:
            self.speak(self.prompt_text)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value == self.topic or event.value is Select.NULL:
            return
        wanted, select = str(event.value), event.select

        def switch() -> None:
            self.topic = wanted
            self.queue = []
            self.previous_card = None
            self.show_question()

        def stay() -> None:
            select.value = self.topic

        self.unless_work_is_lost("Change topic", switch, stay)

    def action_next_question(self) -> None:
        def skip() -> None:
            self.previous_card = None
            self.show_question()

        self.unless_work_is_lost("Skip to the next question", skip)

    def action_leave(self) -> None:
        """Esc: back home. Typed work is kept as a draft, offered back next time."""
        if is_closing(self):
            return
        if self.query_one(VoicePanel).recording:
            self.unless_work_is_lost("Go back home", lambda: close(self))
            return
        text = self.query_one(AnswerEditor).text
        self.hand_over_draft(text)
        if text.strip():
            self.app.notify("Your unsent answer is kept as a draft; Practice offers it back.")
        close(self)

    # -- voice -------------------------------------------------------------------
    @work(thread=True, exit_on_error=False, group="speak")
    def speak(self, text: str) -> None:
        """Through the app's one voice, so a recording started meanwhile stops it."""
        interviewer = self.app.interviewer()
        if interviewer is None:
            return
        try:
            interviewer.say(text)
        except Exception as exc:  # no audio output is not worth more than a note
            self.app.speech_off(f"Could not read the question aloud ({exc}).")

    def current_question(self) -> AskedQuestion:
        return self.question

    def current_prompt(self) -> str:
        return self.prompt_text

    def on_voice_panel_captured(self, message: VoicePanel.Captured) -> None:
        answer = message.answer
        self.saving = True
        self.score_answer(
            answer.text,
            self.question,
            self.prompt_text,
            self.session_id,
            self.followed,
            self.asked,
            answer.delivery,
        )

    # -- scoring -----------------------------------------------------------------
    def action_submit(self) -> None:
        if self.saving or self.question is None:
            return
        text = self.query_one(AnswerEditor).text
        if not text.strip():
            self.notify("Type your answer first.", severity="warning")
            return
        self.saving = True
        self.score_answer(
            text, self.question, self.prompt_text, self.session_id, self.followed, self.asked
        )

    @work(thread=True, exit_on_error=False, group="score")
    def score_answer(
        self,
        text: str,
        question: AskedQuestion,
        prompt: str,
        session_id: int | None,
        followed: SavedAnswer | None = None,
        asked: tuple[str, ...] = (),
        delivery: dict[str, Any] | None = None,
    ) -> SavedAnswer:
        coach = self.app.coach
        saved = coach.score_and_save(
            text,
            question,
            prompt,
            kind="practice",
            session_id=session_id,
            followed=followed,
            asked=asked,
            delivery=delivery,
        )
        if delivery is None:
            coach.store().clear_draft(DRAFT_SLOT)
        return saved

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "voice-capture":
            return  # the VoicePanel reports its own outcome as a message
        if event.worker.group == "score" and event.state in FINISHED:
            self.saving = False
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, AnswerError):  # the user's text, not a fault: say what to do
                self.notify(str(error), title="Not scored yet", severity="warning")
            else:
                self.notify(str(error), title="Something went wrong", severity="error")
            return
        if event.state != WorkerState.SUCCESS:
            return
        if event.worker.group == "draft":
            self._apply_draft(event.worker.result)
        elif event.worker.group == "score":
            saved: SavedAnswer = event.worker.result
            self.session_id = saved.session_id
            if saved.delivery is None:
                # The text stays in the editor under the card; it is an answer now,
                # not a draft, so the autosave must not write it back.
                self._saved_draft = self.query_one(AnswerEditor).text
            else:
                self.query_one(VoicePanel).refine_saved(saved)
            self._show_card(saved)

    def show_refined(self, refined: AnswerRefined) -> bool:
        """A retry is compared with what the user said, not with the live transcript.
        (Nothing is shown here: the card screen above redraws itself.)"""
        saved = refined.saved
        if self.previous_card is not None and refined.answer_id == self.previous_answer_id:
            self.previous_card, self.previous_text = saved.card, saved.text
            self.previous_delivery = saved.delivery
        if self.followed is not None and self.followed.answer_id == refined.answer_id:
            self.followed = saved  # a follow-up reply is judged with what was said
        return False

    def _show_card(self, saved: SavedAnswer) -> None:
        from interview_coach.tui.screens.card_screen import CardScreen

        previous, previous_text, previous_delivery = (
            self.previous_card,
            self.previous_text,
            self.previous_delivery,
        )
        card = saved.card
        self.previous_card, self.previous_text = card, saved.text
        self.previous_delivery, self.previous_answer_id = saved.delivery, saved.answer_id

        followed, asked = self.followed, self.asked

        def after(choice: str | None) -> None:
            if choice == "retry":
                self.followed, self.asked = followed, asked
                self.show_question(self.question, self.prompt_text)
            elif choice == "follow_up" and card.follow_up:
                self.show_question(self.question, card.follow_up)
                self.followed = saved
                self.asked = (*asked, card.follow_up)
                self.previous_card = None
            else:
                self.previous_card = None
                self.show_question()

        if previous is not None:  # a retry: the earlier answer beside this one
            from interview_coach.tui.screens.retry_screen import RetryScreen

            screen = RetryScreen(
                card.to_json(),
                saved.text,
                previous.to_json(),
                previous_text,
                saved.delivery,
                previous_delivery,
                answer_id=saved.answer_id,
            )
        else:
            screen = CardScreen(
                card.to_json(), saved.text, None, saved.delivery, answer_id=saved.answer_id
            )
        self.app.push_screen(screen, after)
