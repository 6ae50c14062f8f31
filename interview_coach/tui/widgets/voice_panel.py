"""Answering out loud: a level meter, a timer, the words so far, and the recording worker.

The panel owns the capture (a thread worker running ``capture_answer``) and
posts ``VoicePanel.Captured`` or ``VoicePanel.Failed`` up to its screen, which
decides what to do with the transcript: messages up, attributes down. Once the
screen has saved the answer it calls ``refine_saved``: the whole answer is then
transcribed again in one pass in the background (more accurate than the live
segments the card was built from), and the saved answer is re-scored with it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from interview_coach.domain.length import length_target

METER_WIDTH = 30
IDLE = "Voice mode: press space to start speaking, space again to stop (or pause 2.5 s)."


class VoicePanel(Vertical):
    DEFAULT_CSS = """
    VoicePanel { height: 1fr; border: round $accent; padding: 0 1; }
    VoicePanel #voice-state { text-style: bold; }
    VoicePanel #voice-partial { color: $text-muted; height: 1fr; }
    """
    can_focus = True

    class Captured(Message):
        """A spoken answer was recorded and transcribed."""

        def __init__(self, answer: object) -> None:
            super().__init__()
            self.answer = answer  # speech.voice_answer.VoiceAnswer

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.recording = False
        self._stop_requested = False
        self.context: dict[str, str] = {}  # the question being answered, set by the screen
        self.last_answer = None  # the VoiceAnswer captured last, until it is refined

    def compose(self) -> ComposeResult:
        yield Static(IDLE, id="voice-state")
        yield Static("", id="voice-meter")
        yield Static("", id="voice-partial")

    # -- attributes down ---------------------------------------------------------
    def show_state(self, text: str) -> None:
        self.query_one("#voice-state", Static).update(text)

    def show_level(self, level: float, elapsed_s: float, speech: bool) -> None:
        filled = min(METER_WIDTH, int(level * 4 * METER_WIDTH))
        meter = Text("● " if speech else "○ ", style="green" if speech else "dim")
        meter.append("▮" * filled, style="green")
        meter.append("·" * (METER_WIDTH - filled), style="dim")
        minutes, seconds = divmod(int(elapsed_s), 60)
        limit = length_target().seconds[1]
        late = elapsed_s > limit
        meter.append(f"  {minutes}:{seconds:02d}", style="bold yellow" if late else "")
        if late:
            meter.append(f"  past {limit} s: wrap up", style="yellow")
        self.query_one("#voice-meter", Static).update(meter)

    def show_partial(self, text: str) -> None:
        self.query_one("#voice-partial", Static).update(text)

    def reset(self) -> None:
        self.show_state(IDLE)
        self.query_one("#voice-meter", Static).update("")
        self.show_partial("")

    # -- recording ---------------------------------------------------------------
    def toggle(self) -> None:
        """Space: start recording, or ask the running capture to stop."""
        if self.recording:
            self._stop_requested = True
            self.show_state("Stopping... finishing the transcript.")
            return
        self.recording, self._stop_requested = True, False
        self.show_state("Recording: speak now. Space stops (or 2.5 s of silence).")
        self.capture()

    @work(thread=True, exclusive=True, exit_on_error=False, group="voice-capture")
    def capture(self) -> object:
        from interview_coach.locations import recordings_dir
        from interview_coach.speech.recorder import MicrophoneSource
        from interview_coach.speech.recovery import write_context
        from interview_coach.speech.voice_answer import capture_answer

        app = self.app
        source = app.audio_source_factory() if app.audio_source_factory else MicrophoneSource()
        folder: Path = recordings_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"answer-{time.strftime('%Y%m%d-%H%M%S')}.wav"
        write_context(path, self.context)  # so a crash mid-answer can be recovered
        last = [0.0]

        def on_block(info) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.1:  # ten meter updates a second is plenty
                last[0] = now
                app.call_from_thread(self.show_level, info.level, info.elapsed_s, info.speech)

        answer = capture_answer(
            source,
            app.transcriber,
            path,
            keep_audio=app.settings.keep_audio,
            silence_stop_s=app.settings.silence_stop_s,
            on_block=on_block,
            on_partial=lambda text: app.call_from_thread(self.show_partial, text),
            should_stop=lambda: self._stop_requested,
        )
        path.with_suffix(".json").unlink(missing_ok=True)
        return answer

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "voice-capture":
            return
        if event.state == WorkerState.SUCCESS:
            self.recording = False
            self.show_state(IDLE)
            answer = event.worker.result
            if answer.text.strip():
                self.last_answer = answer
                if answer.warning:  # the answer is kept, but the user should know why it is short
                    self.app.notify(answer.warning, severity="warning", timeout=8)
                self.post_message(self.Captured(answer))
            else:
                self.post_message(
                    self.Failed(answer.warning or "No speech was heard; check the microphone.")
                )
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.recording = False
            self.show_state(IDLE)
            self.post_message(self.Failed(str(event.worker.error or "Recording stopped.")))

    # -- refining ----------------------------------------------------------------
    def refine_saved(
        self,
        answer_id: int,
        topic: str,
        question_id: str | None,
        followed: dict[str, Any] | None = None,
    ) -> None:
        """The last captured answer was saved as ``answer_id``: replace its live
        transcript with one pass over the whole answer. Runs as an app worker, so it
        finishes (and is never cancelled half-way through its write) when the screen
        changes, as it does after the last question of a mock interview. A follow-up
        reply (``followed``: the answer and card it follows) is re-judged with it."""
        answer, self.last_answer = self.last_answer, None
        if answer is None or answer.audio is None:
            return
        app = self.app

        def whole_answer_pass() -> None:
            from interview_coach.speech.voice_answer import refine

            try:
                refined = refine(answer, app.transcriber)
                if refined.transcript != "refined":
                    return
                seconds = (answer.delivery or {}).get("duration_s")
                before = app.coach.judge(
                    answer.text, topic, question_id, followed, spoken_seconds=seconds
                )[0].overall
                card = app.coach.refine(
                    answer_id, refined.text, topic, question_id, refined.delivery, followed
                )
            except Exception as exc:  # the live transcript stays saved; say so, once
                app.call_from_thread(
                    app.notify,
                    f"Could not re-transcribe the whole answer ({exc}); "
                    "the live transcript is saved.",
                    severity="warning",
                )
                return
            if card is not None:
                change = (
                    f"overall {before} -> {card.overall}"
                    if card.overall != before
                    else f"overall still {card.overall}"
                )
                app.call_from_thread(
                    app.notify,
                    f"Saved with the whole-answer transcript ({change}); Review shows it.",
                    title="Transcript refined",
                )

        app.run_worker(whole_answer_pass, thread=True, group="voice-refine", exit_on_error=False)
