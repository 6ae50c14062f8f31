"""Answering out loud: a level meter, a timer, the words so far, and the recording worker.

The panel owns the turn (a thread worker: optionally the interviewer's line,
then ``capture_answer``) and the thread only posts messages (``Level``,
``Partial``, ``Speaking``, ``Listening``, then ``Captured`` or ``Failed``):
``post_message`` never waits for the UI, where ``call_from_thread`` did and
could hang a thread whose screen was closing. The screen decides what to do
with the transcript: messages up, attributes down. A capture whose screen goes
away (or that the user throws away) is stopped at the next 32 ms block and its
audio deleted, so it is never offered as a crash recovery at the next start.

Once the screen has saved the answer it calls ``refine_saved``: the whole answer
is transcribed again in one pass in the background (more accurate than the live
segments the card was built from), and the saved answer is re-scored with it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from interview_coach.domain.length import length_target
from interview_coach.tui.messages import AnswerRefined, Notice
from interview_coach.tui.widgets.voice_lines import idle_text, level_meter


class VoicePanel(Vertical):
    DEFAULT_CSS = """
    VoicePanel { height: 1fr; border: round $accent; padding: 0 1; }
    VoicePanel #voice-state { text-style: bold; }
    VoicePanel #voice-state.listening { color: $success; }
    VoicePanel #voice-partial { color: $text-muted; height: 1fr; }
    """
    can_focus = True

    class Captured(Message):
        """A spoken answer was recorded and transcribed."""

        def __init__(self, answer: object, ended_at: float | None = None) -> None:
            super().__init__()
            self.answer = answer  # speech.voice_answer.VoiceAnswer
            self.ended_at = ended_at  # perf_counter when the recording stopped

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Speaking(Message):
        """The interviewer started saying a line."""

        def __init__(self) -> None:
            super().__init__()
            self.at = time.perf_counter()

    class Listening(Message):
        """Recording is ready: the candidate's turn (the cue was given)."""

        def __init__(self, barged_in: bool, line_ended: float | None = None) -> None:
            super().__init__()
            self.barged_in = barged_in
            self.line_ended = line_ended  # perf_counter when the interviewer's line ended
            self.at = time.perf_counter()

    class Level(Message):
        def __init__(self, level: float, elapsed_s: float, speech: bool) -> None:
            super().__init__()
            self.level, self.elapsed_s, self.speech = level, elapsed_s, speech

    class Partial(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.recording = False  # a turn is running: speaking, listening or transcribing
        self._stop_requested = False
        self._discard = False  # the running capture is to be thrown away
        self.context: dict[str, str] = {}  # the question being answered, set by the screen
        self.last_answer = None  # the VoiceAnswer captured last, until it is refined

    def compose(self) -> ComposeResult:
        yield Static(self._idle(), id="voice-state")
        yield Static("", id="voice-meter")
        yield Static("", id="voice-partial")

    def _idle(self) -> str:
        try:
            return idle_text(self.app.settings.silence_stop_s)
        except Exception:  # not mounted yet
            return idle_text(2.5)

    # -- attributes down ---------------------------------------------------------
    def show_state(self, text: str, listening: bool = False) -> None:
        state = self.query_one("#voice-state", Static)
        state.update(text)
        state.set_class(listening, "listening")

    def show_level(self, level: float, elapsed_s: float, speech: bool) -> None:
        meter = level_meter(level, elapsed_s, speech, length_target().seconds[1])
        self.query_one("#voice-meter", Static).update(meter)

    def show_partial(self, text: str) -> None:
        words = len(text.split())
        self.query_one("#voice-partial", Static).update(
            f"{text}\n({words} word{'s' if words != 1 else ''})" if text else ""
        )

    def reset(self) -> None:
        self.show_state(self._idle())
        self.query_one("#voice-meter", Static).update("")
        self.show_partial("")

    # -- messages from the capture thread ----------------------------------------
    def on_voice_panel_level(self, message: Level) -> None:
        self.show_level(message.level, message.elapsed_s, message.speech)

    def on_voice_panel_partial(self, message: Partial) -> None:
        self.show_partial(message.text)

    def on_voice_panel_speaking(self, message: Speaking) -> None:
        self.show_state("The interviewer is asking... (speak to answer at once; space skips)")

    def on_voice_panel_listening(self, message: Listening) -> None:
        if not getattr(self, "_beeped", False):
            self.app.bell()  # the audible cue when the speakers could not beep
        silence = self.app.settings.silence_stop_s
        self.show_state(
            f"● Listening: answer now. Space stops (or a pause, at most {silence:g} s).",
            listening=True,
        )

    # -- recording ---------------------------------------------------------------
    def toggle(self) -> None:
        """Space: start recording, or ask the running turn to stop (and be kept)."""
        if self.recording:
            self._stop_requested = True
            self.show_state("Stopping... finishing the transcript.")
            return
        self.start()

    def start(self, line: str = "", cue: bool = False) -> None:
        """A turn: say ``line`` (if any), give the cue, record the answer."""
        if self.recording:
            return
        self.recording, self._stop_requested, self._discard = True, False, False
        self._beeped = False
        if not line:
            silence = self.app.settings.silence_stop_s
            self.show_state(f"Recording: speak now. Space stops (or {silence:g} s of silence).")
        self.capture(line, cue)

    def cancel(self) -> None:
        """Throw the running turn away (skip, re-record, leaving the screen)."""
        if self.recording:
            self._discard = self._stop_requested = True
            self.workers.cancel_group(self, "voice-capture")

    @work(thread=True, exclusive=True, exit_on_error=False, group="voice-capture")
    def capture(self, line: str = "", cue: bool = False) -> object:
        from interview_coach.locations import recordings_dir
        from interview_coach.speech.recorder import MicrophoneSource
        from interview_coach.speech.recovery import write_context
        from interview_coach.speech.turns import ResumedSource, speak_then_listen
        from interview_coach.speech.voice_answer import capture_answer

        worker = get_current_worker()
        app = self.app
        settings = app.settings

        def stopping() -> bool:
            return self._stop_requested or worker.is_cancelled

        raw = app.audio_source_factory() if app.audio_source_factory else MicrophoneSource()
        source = ResumedSource(raw)
        start = None
        folder: Path = recordings_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"answer-{time.strftime('%Y%m%d-%H%M%S')}.wav"
        try:
            interviewer = app.interviewer() if (line or cue) else None
            if interviewer is None and app.speaking is not None:
                app.speaking.stop()  # speech always stops before a recording starts
            if interviewer is not None:
                try:
                    start = speak_then_listen(
                        interviewer,
                        line,
                        source,
                        barge_in=settings.barge_in,
                        cue=cue,
                        on_speaking=lambda: self.post_message(self.Speaking()),
                        should_stop=stopping,
                    )
                    self._beeped = cue and not start.barged_in
                except Exception as exc:  # no speakers: the line stays on screen
                    app.speech_off(f"Questions are shown, not read aloud ({exc}).")
            if stopping() and (self._discard or worker.is_cancelled):
                return None
            self._stop_requested = False  # a space during the line skipped the line only
            write_context(path, self.context)  # so a crash mid-answer can be recovered
            self.post_message(
                self.Listening(bool(start and start.barged_in), start.line_ended if start else None)
            )
            last = [0.0]

            def on_block(info) -> None:
                now = time.monotonic()
                if now - last[0] >= 0.1:  # ten meter updates a second is plenty
                    last[0] = now
                    self.post_message(self.Level(info.level, info.elapsed_s, info.speech))

            answer = capture_answer(
                source,
                app.transcriber,
                path,
                keep_audio=settings.keep_audio,
                silence_stop_s=settings.silence_stop_s,
                on_block=on_block,
                on_partial=lambda text: self.post_message(self.Partial(text)),
                should_stop=stopping,
            )
        finally:
            source.close()
            if self._discard or worker.is_cancelled:  # thrown away: no recovery offered
                path.unlink(missing_ok=True)
            path.with_suffix(".json").unlink(missing_ok=True)
        if self._discard or worker.is_cancelled:
            return None
        return answer, time.perf_counter() - answer.wait_after_stop_s

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "voice-capture":
            return
        if event.state == WorkerState.SUCCESS:
            self.recording = False
            if event.worker.result is None:  # thrown away on purpose
                self.reset()
                return
            answer, ended_at = event.worker.result
            self.show_state(self._idle())
            if answer.text.strip():
                self.last_answer = answer
                if answer.warning:  # the answer is kept, but the user should know why it is short
                    self.app.notify(answer.warning, severity="warning", timeout=8)
                self.post_message(self.Captured(answer, ended_at))
            else:
                self.post_message(
                    self.Failed(answer.warning or "No speech was heard; check the microphone.")
                )
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.recording = False
            self.show_state(self._idle())
            if event.state == WorkerState.ERROR:
                self.post_message(self.Failed(str(event.worker.error)))

    # -- refining ----------------------------------------------------------------
    def refine_saved(self, saved: Any) -> None:
        """The last captured answer was saved (``saved``: a coach.SavedAnswer): replace
        its live transcript with one pass over the whole answer, then post
        ``AnswerRefined`` so the card on screen is redrawn. Runs as an app worker, so
        it finishes (and is never cancelled half-way through its write) when the
        screen changes. A follow-up reply is re-judged with what it follows."""
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
                stored = app.coach.refine_saved(saved, refined.text, refined.delivery)
            except Exception as exc:  # the live transcript stays saved; say so, once
                app.post_message(
                    Notice(
                        f"Could not re-transcribe the whole answer ({exc}); "
                        "the live transcript is saved.",
                        severity="warning",
                    )
                )
                return
            if stored is not None:
                app.post_message(AnswerRefined(stored, saved.card.overall))

        app.run_worker(whole_answer_pass, thread=True, group="voice-refine", exit_on_error=False)
