"""What the mock interviewer says, and getting each line ready before it is needed.

The interviewer's next line is synthesised while the candidate is still answering,
and the scorer's models are loaded while the first question is asked, so every turn
starts at once. A mixin of ``MockScreen``, which provides ``questions``, ``index``,
``follow_up``, ``script`` and ``timeline`` (when each line started and ended, for the
latency benchmark).
"""

from __future__ import annotations

from textual import work

from interview_coach.domain.selection import AskedQuestion
from interview_coach.tui.widgets.voice_panel import VoicePanel


class InterviewerLines:
    """The interviewer's lines: which one comes now and next, said or prepared in a thread."""

    def _line(self) -> str:
        """What the interviewer says now: a follow-up, or (transition and) the question."""
        return self.follow_up or self._question_line(self.index)

    def _question_line(self, index: int) -> str:
        question = self.questions[index]
        topic = self.app.coach.bank.topic(question.topic).title
        return self.script.with_question(question.text, index, len(self.questions), topic)

    def on_voice_panel_speaking(self, message: VoicePanel.Speaking) -> None:
        self.timeline.append(("speaking", message.at))

    def on_voice_panel_listening(self, message: VoicePanel.Listening) -> None:
        if message.line_ended is not None:
            self.timeline.append(("line_ended", message.line_ended))
        self.timeline.append(("listening", message.at))
        upcoming = self._upcoming_line()
        if upcoming:
            self.prepare(upcoming)

    def _upcoming_line(self) -> str:
        if self.index + 1 >= len(self.questions):
            return self.script.closing if self.script else ""
        return self._question_line(self.index + 1)

    @work(thread=True, exit_on_error=False, group="prepare")
    def warm_up(self, question: AskedQuestion | None) -> None:
        """Load what the first card needs (the scorer's models) while the first
        question is asked, so the first reply is as quick as the others."""
        if question is not None:
            self.app.coach.score(question.text, question.topic, question.id)

    @work(thread=True, exit_on_error=False, group="prepare")
    def prepare(self, line: str) -> None:
        """Synthesise the next line while the candidate answers: it starts at once."""
        interviewer = self.app.interviewer()
        if interviewer is not None:
            interviewer.prepare(line)

    @work(thread=True, exit_on_error=False, group="closing")
    def say_closing(self, line: str) -> None:
        interviewer = self.app.interviewer()
        if interviewer is not None:
            try:
                interviewer.say(line)
            except Exception as exc:  # no speakers: the closing is on screen
                self.app.speech_off(f"Questions are shown, not read aloud ({exc}).")
