"""Typed/voice switching shared by the screens that take an answer (practice, mock).

A screen that mixes this in has an ``AnswerEditor`` and a ``VoicePanel``; Ctrl+R
swaps them (or says in one sentence why voice is unavailable) and Space starts
and stops the recording while voice mode is on.
"""

from __future__ import annotations

from textual.binding import Binding

from interview_coach.tui.widgets.answer_editor import AnswerEditor
from interview_coach.tui.widgets.voice_panel import VoicePanel

VOICE_BINDINGS = [
    Binding("ctrl+r", "voice_mode", "Voice/typed"),
    Binding("space", "record", "Record/stop"),
]


class VoiceModeMixin:
    voice_mode: bool = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.voice_mode if action == "record" else True

    def action_voice_mode(self) -> None:
        panel = self.query_one(VoicePanel)
        if panel.recording:
            return
        if not self.voice_mode and self.app.transcriber is None:
            self.notify(
                self.app.voice_problem or "Voice is not available.",
                title="Voice",
                severity="warning",
                timeout=8,
            )
            return
        self.voice_mode = not self.voice_mode
        self.query_one(AnswerEditor).display = not self.voice_mode
        panel.display = self.voice_mode
        (panel if self.voice_mode else self.query_one("#answer-text")).focus()
        self.refresh_bindings()

    def action_record(self) -> None:
        panel = self.query_one(VoicePanel)
        question = self.current_question()
        panel.context = {
            "topic": question.topic,
            "question_id": question.id,
            "prompt": self.current_prompt(),
        }
        panel.toggle()

    def focus_answer(self) -> None:
        """After a new question: reset and focus whichever input is in use."""
        if self.voice_mode:
            self.query_one(VoicePanel).reset()
            self.query_one(VoicePanel).focus()
        else:
            self.query_one("#answer-text").focus()

    def on_voice_panel_failed(self, message: VoicePanel.Failed) -> None:
        self.notify(message.reason, title="Voice", severity="warning")
