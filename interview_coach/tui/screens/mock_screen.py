"""Mock interview: N questions in a row under interview conditions, cards only at the end.

Typed, it is a form: Ctrl+S sends each answer. In voice mode it is a spoken
conversation nobody has to touch: the interviewer says the opening and each
question, the cue sounds, the answer ends on a pause, it is scored and saved,
and the interviewer goes on (a follow-up built from the answer, a transition,
the next question, the closing). Keys stay optional: P pauses, R records this
answer again, N skips the question, Esc ends the interview.
"""

from __future__ import annotations

import time

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from interview_coach.coach import SavedAnswer
from interview_coach.domain.selection import AskedQuestion
from interview_coach.tui.messages import FINISHED, VOICE_LOADING
from interview_coach.tui.screens.closing import replace
from interview_coach.tui.screens.mock_interviewer import InterviewerLines
from interview_coach.tui.screens.voice_mode import VOICE_BINDINGS, VoiceModeMixin
from interview_coach.tui.widgets.answer_pane import AnswerPane
from interview_coach.tui.widgets.app_header import AppHeader
from interview_coach.tui.widgets.voice_panel import VoicePanel

DEFAULT_QUESTIONS = 5
HANDS_FREE = {"pause", "rerecord", "skip"}


class MockScreen(InterviewerLines, VoiceModeMixin, Screen):
    CSS_PATH = "mock_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Next (submit answer)"),
        *VOICE_BINDINGS,
        Binding("p", "pause", "Pause"),
        Binding("r", "rerecord", "Again"),
        Binding("n", "skip", "Skip"),
        Binding("escape", "end", "End"),
    ]

    def __init__(self, count: int = DEFAULT_QUESTIONS) -> None:
        super().__init__()
        self.count = count
        self.questions: list[AskedQuestion] = []
        self.index = 0
        self.follow_up: str | None = None  # set while answering a follow-up
        self.asked: tuple[str, ...] = ()  # follow-ups asked about this question
        self.session_id: int | None = None
        self.results: list[SavedAnswer] = []
        self.voice_mode = False
        self.paused = False
        self.saving = False  # a submit is being saved: further submits are ignored
        self.script = None
        self.started = time.monotonic()
        self.timeline: list[tuple[str, float]] = []  # for the latency benchmark
        # Spoken answers waiting for their whole-answer pass, run after the interview:
        # during it, that pass would compete with the live transcript for two cores.
        self.to_refine: list[tuple[object, SavedAnswer]] = []
        self._spoken = None  # the VoiceAnswer being scored

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="mock"):
            yield Static("", id="progress", classes="muted")
            yield Static("", id="question", classes="question")
            yield AnswerPane(id="answer")
        yield Footer()

    def on_mount(self) -> None:
        coach = self.app.coach
        self.questions = coach.mock_questions(self.count)
        self.script = coach.interview_script()
        self.warm_up(self.questions[0] if self.questions else None)
        self._ask()
        app = self.app
        if app.settings.voice_mock and not app.start_in_voice:
            if app.transcriber is None and app.voice_problem == VOICE_LOADING:
                app.start_in_voice = True  # switched once Whisper has loaded
            else:
                self.action_voice_mode()  # or says in one sentence why voice is off

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in HANDS_FREE:
            return self.voice_mode
        if action == "submit":  # spoken answers are sent by the pause that ends them
            return not self.voice_mode
        return super().check_action(action, parameters)

    # -- asking ------------------------------------------------------------------
    def current_question(self) -> AskedQuestion:
        return self.questions[self.index]

    def current_prompt(self) -> str:
        return self.follow_up or self.questions[self.index].text

    def _ask(self, speak: bool = True) -> None:
        total = len(self.questions)
        label = "Follow-up" if self.follow_up else f"Question {self.index + 1} of {total}"
        how = "the interviewer listens" if self.voice_mode else "cards come at the end"
        self.query_one("#progress", Static).update(f"{label}. Answer as in the room; {how}.")
        self.query_one("#question", Static).update(self.current_prompt())
        self.focus_answer()
        if self.voice_mode and not self.paused:
            self.set_panel_context().start(self._line() if speak else "", cue=True)

    def action_voice_mode(self) -> None:
        super().action_voice_mode()
        if self.voice_mode and not self.saving:
            self._ask()  # hands-free from here: the interviewer asks this question aloud
        elif not self.voice_mode:
            self.query_one(VoicePanel).cancel()

    # -- the spoken turn -------------------------------------------------------
    def on_voice_panel_captured(self, message: VoicePanel.Captured) -> None:
        answer = message.answer
        self._spoken = answer
        self.query_one(VoicePanel).last_answer = None  # refined after the interview
        self.timeline.append(("answer_ended", message.ended_at))
        self.saving = True
        self.score(answer.text, answer.delivery)

    def action_pause(self) -> None:
        self.paused = not self.paused
        panel = self.query_one(VoicePanel)
        if self.paused:
            panel.cancel()
            if self.app.speaking is not None:
                self.app.speaking.stop()
            panel.show_state("Paused. P resumes: the interviewer asks this question again.")
        elif not self.saving:
            self._ask()

    def action_rerecord(self) -> None:
        if self.saving or self.paused:
            return
        self.query_one(VoicePanel).cancel()
        self._ask(speak=False)

    def action_skip(self) -> None:
        if self.saving:
            return
        self.query_one(VoicePanel).cancel()
        self._next_question()

    # -- typed answers -----------------------------------------------------------
    def action_submit(self) -> None:
        if self.saving or self.voice_mode:
            return
        text = self.query_one(AnswerPane).editor.text
        if not text.strip():
            self.notify("Say something before moving on (or Esc to end).", severity="warning")
            return
        self.saving = True
        self.score(text, None)

    # -- scoring and moving on ---------------------------------------------------
    def _followed(self) -> SavedAnswer | None:
        """While answering a follow-up: the saved answer it follows."""
        return self.results[-1] if self.follow_up is not None and self.results else None

    def score(self, text: str, delivery: dict | None) -> None:
        question, prompt = self.current_question(), self.current_prompt()
        self.score_and_save(
            text, question, prompt, self._followed(), self.asked, delivery, self.session_id
        )

    @work(thread=True, exit_on_error=False, group="score")
    def score_and_save(
        self,
        text: str,
        question: AskedQuestion,
        prompt: str,
        followed: SavedAnswer | None,
        asked: tuple[str, ...],
        delivery: dict | None,
        session_id: int | None,
    ) -> tuple[SavedAnswer, str | None]:
        """Runs in a thread: the saved answer, and the follow-up to ask next (or None)."""
        coach = self.app.coach
        saved = coach.score_and_save(
            text,
            question,
            prompt,
            kind="mock",
            session_id=session_id,
            followed=followed,
            asked=asked,
            delivery=delivery,
        )
        more = len(asked) < self.app.settings.follow_ups_per_question
        if not more:
            return saved, None
        # The reply is judged for what was actually asked, and the card keeps it.
        return coach.ask_follow_up(saved, asked)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "score" and event.state in FINISHED:
            self.saving = False
        if event.worker.group not in ("score", "closing"):
            return
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        if event.worker.group == "closing" and event.state in FINISHED:
            self.action_finish()
            return
        if event.state != WorkerState.SUCCESS:
            return
        saved, follow_up = event.worker.result
        self.session_id = saved.session_id
        self.results.append(saved)
        if saved.delivery is not None and self._spoken is not None:
            self.to_refine.append((self._spoken, saved))
        self._spoken = None
        if follow_up:
            self.follow_up, self.asked = follow_up, (*self.asked, follow_up)
            self._ask()
        else:
            self._next_question()

    def _next_question(self) -> None:
        self.follow_up, self.asked = None, ()
        self.index += 1
        if self.index < len(self.questions):
            self._ask()
        elif self.voice_mode and self.script is not None and self.script.closing:
            self.query_one("#question", Static).update(self.script.closing)
            self.say_closing(self.script.closing)
        else:
            self.action_finish()

    def _unsent(self) -> str | None:
        """The typed answer not sent yet, as a question quotes it (None if there is none;
        nothing is typed in voice mode)."""
        from interview_coach.tui.screens.confirm_modal import first_words

        unsent = "" if self.voice_mode else self.query_one(AnswerPane).editor.text
        if not unsent.strip():
            return None
        return f'your unsent {len(unsent.split())}-word answer ("{first_words(unsent)}")'

    def keep_for_quit(self) -> str | None:
        """Ctrl+Q: a mock keeps no draft, so name what quitting would lose, as Esc does."""
        if self.saving:  # quitting closes the database under the save
            return "the answer being scored and saved"
        if self.query_one(VoicePanel).recording:
            return "the answer you are recording"
        return self._unsent()

    def action_end(self) -> None:
        """Esc: end the interview, but never throw away an answer without asking."""
        from interview_coach.tui.screens.confirm_modal import ConfirmModal

        if self.saving:
            self.notify("Saving your answer; press Esc again in a moment.")
            return
        what = self._unsent()
        panel = self.query_one(VoicePanel)
        if what is None and not panel.recording:
            self.action_finish()
            return
        if panel.recording:  # stop the conversation while the question is asked
            panel.cancel()
            self.paused = True
            panel.show_state("Paused. P resumes: the interviewer asks this question again.")
            what = "the answer you were recording"

        def answer(yes: bool | None) -> None:
            if yes:
                self.action_finish()
            elif self.voice_mode:
                self.paused = False
                self._ask()

        self.app.push_screen(
            ConfirmModal(
                f"End the interview and discard {what}?",
                yes_label="Discard and end (y)",
                no_label="Keep answering (n)",
            ),
            answer,
        )

    def action_finish(self) -> None:
        from interview_coach.tui.screens.mock_summary_screen import MockSummaryScreen

        self.query_one(VoicePanel).cancel()
        elapsed = time.monotonic() - self.started
        replace(self, MockSummaryScreen(self.results, elapsed, self.to_refine))
