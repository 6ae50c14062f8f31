"""Typed/voice switching shared by the screens that take an answer (practice, mock).

A screen that mixes this in has an ``AnswerPane``; Ctrl+R swaps its editor for
its voice panel (or says in one sentence why voice is unavailable) and Space
starts and stops the recording while voice mode is on.
"""

from __future__ import annotations

from textual.binding import Binding

from interview_coach.tui.widgets.answer_pane import AnswerPane
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
        pane = self.query_one(AnswerPane)
        if pane.panel.recording:
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
        pane.show_voice(self.voice_mode)
        self.refresh_bindings()

    def set_panel_context(self) -> VoicePanel:
        panel = self.query_one(VoicePanel)
        question = self.current_question()
        panel.context = {
            "topic": question.topic,
            "question_id": question.id,
            "prompt": self.current_prompt(),
        }
        return panel

    def action_record(self) -> None:
        self.set_panel_context().toggle()

    def focus_answer(self, text: str = "") -> None:
        """After a new question: reset and focus whichever input is in use."""
        self.query_one(AnswerPane).clear(text)

    def on_voice_panel_failed(self, message: VoicePanel.Failed) -> None:
        self.notify(message.reason, title="Voice", severity="warning")

    def on_unmount(self) -> None:
        """Leaving the screen stops its recording; the audio is deleted, not recovered."""
        for panel in self.query(VoicePanel).results():
            panel.cancel()
