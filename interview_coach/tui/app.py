"""The Textual app: a thin shell that loads the coach in a worker and routes screens.

Nothing heavy is imported before the first paint: the question bank, rubrics
and database open in a thread worker, and screens that need them wait for the
``CoachReady`` message.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from interview_coach.coach import Coach
from interview_coach.settings import Settings
from interview_coach.tui import memory
from interview_coach.tui.messages import (
    FINISHED,
    VOICE_LOADING,
    AnswerRefined,
    CoachReady,
    Notice,
)
from interview_coach.tui.recording_recovery import RecordingRecovery
from interview_coach.tui.screens.confirm_modal import ConfirmModal
from interview_coach.tui.screens.help_modal import HelpModal
from interview_coach.tui.screens.home_screen import HomeScreen


class CoachApp(RecordingRecovery, App):
    """Overrides Textual's ``action_quit`` on purpose: Ctrl+Q first keeps (or asks
    about) typed work on the screens below, where Textual would exit at once."""

    CSS_PATH = "app.tcss"
    TITLE = "Interview Coach"
    SUB_TITLE = "red-flag answers, practised offline"
    BINDINGS = [
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        profile_file: Path | None = None,
        first_run_setup: bool = True,
        voice: bool = True,
        mock_questions: int | None = None,
        start_in_voice: bool = False,
    ) -> None:
        super().__init__()
        self.mock_questions = mock_questions  # `interview-coach mock`: open the mock at once
        self.start_in_voice = start_in_voice  # `mock --voice`: switch to voice once it loads
        self.coach: Coach | None = None
        self.profile_file = profile_file
        self.first_run_setup = first_run_setup
        self.voice_enabled = voice
        # Voice: None while loading, then the transcriber, or the one-sentence reason it is off.
        self.transcriber = None
        self.voice_problem: str | None = VOICE_LOADING if voice else "Voice is off."
        self.audio_source_factory = None  # tests hand in a WAV file instead of a microphone
        self.settings = Settings()
        self.leftover_recordings: list = []
        self.recovering = False  # a recovered recording is being scored and saved
        self.crash_report: Path | None = None  # written when a bug stops the app
        self.draft_handover: dict | None = None  # Esc from Practice -> the next Practice
        # The one voice (speech/turns.py): made on first use, None when speech is off.
        self._interviewer = None
        self._interviewer_for: tuple = ()
        self.speech_problem: str | None = None
        self.audio_output_factory = None  # tests and benchmarks replace the speakers
        self._quit_question: ConfirmModal | None = None  # open while Ctrl+Q asks first

    def interviewer(self):
        """The app's one speech engine (one lock), or None with the reason noted once.
        Call it from a thread: the first call starts the engine."""
        if not self.settings.speak_questions or self.speech_problem is not None:
            return None
        wanted = (self.settings.tts_voice, self.settings.tts_rate)
        if self._interviewer is None or self._interviewer_for != wanted:
            self._interviewer_for = wanted
            from interview_coach.locations import recordings_dir
            from interview_coach.speech.turns import make_interviewer

            try:
                self._interviewer = make_interviewer(
                    self.settings.tts_voice,
                    self.settings.tts_rate,
                    recordings_dir() / "speech",
                    self.audio_output_factory() if self.audio_output_factory else None,
                )
            except Exception as exc:  # no engine: questions are shown, not read
                self.speech_off(f"Questions are shown, not read aloud ({exc}).")
                return None
        return self._interviewer

    @property
    def speaking(self):
        """The interviewer if one was started (it may be talking), else None."""
        return self._interviewer

    def speech_off(self, reason: str) -> None:
        """Speech failed (no engine, no speakers): say so once, then show lines only."""
        if self.speech_problem is None:
            self.speech_problem = reason
            self.post_message(Notice(reason, title="Voice", severity="warning"))

    def on_notice(self, message: Notice) -> None:
        self.notify(message.text, title=message.title, severity=message.severity)  # type: ignore[arg-type]

    def on_answer_refined(self, message: AnswerRefined) -> None:
        """Redraw the card of a refined answer wherever it is shown, and say what moved."""
        shown = False
        for screen in self.screen_stack:
            show_refined = getattr(screen, "show_refined", None)
            if show_refined is not None:
                shown = bool(show_refined(message)) or shown
        after = message.saved.card.overall
        change = (
            f"overall {message.before} -> {after}"
            if after != message.before
            else f"overall still {after}"
        )
        where = "the card now shows it" if shown else "Review shows it"
        self.notify(
            f"Saved with the whole-answer transcript ({change}); {where}.",
            title="Transcript refined",
        )

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        # After the first paint: loading the rubrics (and numpy for the sentence
        # vectors) in a thread would otherwise hold the GIL while Home is drawn.
        self.call_after_refresh(self.load_coach)

    @work(thread=True, exclusive=True, exit_on_error=False, group="voice")
    def load_voice(self) -> object:
        """Check the audio stack and load Whisper in the background (never before first paint)."""
        from interview_coach.speech.availability import load_voice

        return load_voice(
            need_microphone=self.audio_source_factory is None, model=self.settings.model
        )

    def reload_voice(self) -> None:
        """After the model setting changes: voice waits until the new model is loaded."""
        self.transcriber, self.voice_problem = None, VOICE_LOADING
        self.load_voice()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_coach(self) -> tuple[Coach, Settings | None, list]:
        """Runs in a thread: returns what it loaded; the UI thread stores it."""
        from interview_coach.locations import recordings_dir, settings_path
        from interview_coach.settings import load_settings

        coach = Coach.load(self.profile_file)
        coach.store()
        settings = load_settings(settings_path()) if settings_path().is_file() else None
        # A recording left by a crash is still on disk; tell the user where.
        from interview_coach.speech.recovery import find_leftovers

        return coach, settings, find_leftovers(recordings_dir())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "recover":
            self.recovery_changed(event)
            return
        if event.worker.group == "voice":
            if event.state == WorkerState.SUCCESS:
                self.transcriber, self.voice_problem = event.worker.result
            elif event.state == WorkerState.ERROR:
                self.voice_problem = str(event.worker.error)
            if self.start_in_voice and event.state in FINISHED:
                self.start_in_voice = False
                switch = getattr(self.screen, "action_voice_mode", None)
                if switch is not None and not getattr(self.screen, "voice_mode", True):
                    switch()  # or says in one sentence why voice is unavailable
            return
        if event.worker.group != "load":
            return
        if event.state == WorkerState.SUCCESS:
            self.coach, settings, self.leftover_recordings = event.worker.result
            if settings is not None:  # else keep the defaults (or what a test handed in)
                self.settings = settings
            notice = self.coach.store().notice
            if notice:
                self.notify(notice, severity="warning", timeout=10)
            if self.leftover_recordings:
                self.offer_recovery()
            for screen in self.screen_stack:
                screen.post_message(CoachReady())
            if self.voice_enabled:
                self.load_voice()
            if self.mock_questions:
                from interview_coach.tui.screens.mock_screen import MockScreen

                self.push_screen(MockScreen(count=self.mock_questions))
            elif self.first_run_setup and self.coach.profile is None:
                from interview_coach.tui.screens.profile_screen import ProfileScreen

                self.push_screen(ProfileScreen(first_run=True))
        elif event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), title="Cannot start", severity="error", timeout=30)

    async def action_quit(self) -> None:
        """Ctrl+Q (and q on Home) never loses typed work. Each open screen that holds
        some keeps what it can first (Practice writes its draft now, not at the next
        autosave) and names what it cannot (the mock's unsent answer, a recording, an
        answer still being saved); then one question asks, as Esc does, before quitting."""
        if self._quit_question is not None and self._quit_question.is_current:
            return  # a second Ctrl+Q while asking: the question stays, y quits
        lost = []
        for screen in self.screen_stack:
            keep_for_quit = getattr(screen, "keep_for_quit", None)
            what = keep_for_quit() if keep_for_quit is not None else None
            if what:
                lost.append(what)
        if not lost:
            self.exit()
            return

        def answer(yes: bool | None) -> None:
            self._quit_question = None
            if yes:
                self.exit()

        self._quit_question = ConfirmModal(
            f"Quit and discard {' and '.join(lost)}?",
            yes_label="Discard and quit (y)",
            no_label="Keep it (n)",
        )
        self.push_screen(self._quit_question, answer)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal(self.screen))

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an uncaught exception (it then exits with code 1): first
        leave a report in the data folder, so the bug can be reported."""
        if self.crash_report is None:
            from interview_coach.crash_report import write_crash_report

            cause = getattr(error, "error", error)  # a WorkerFailed wraps the real error
            context = {
                "screens": " > ".join(type(s).__name__ for s in self.screen_stack),
                "terminal": f"{self.size.width}x{self.size.height}",
            }
            self.crash_report = write_crash_report(cause, context)
        super()._handle_exception(error)

    def on_unmount(self) -> None:
        if self.coach is not None:
            self.coach.close()


def make_app(
    profile_file: Path | None = None,
    first_run_setup: bool = True,
    voice: bool = False,
    mock_questions: int | None = None,
    start_in_voice: bool = False,
) -> CoachApp:
    """The one factory used by the command line and by the tests (voice off by default
    in tests so each UI test does not load Whisper)."""
    return CoachApp(profile_file, first_run_setup, voice, mock_questions, start_in_voice)


def run(
    profile_file: Path | None = None,
    mock_questions: int | None = None,
    start_in_voice: bool = False,
) -> int:
    from interview_coach.locations import ensure_data_dir

    os.umask(0o077)
    memory.limit_malloc_arenas()
    ensure_data_dir()
    app = make_app(
        profile_file=profile_file,
        voice=True,
        mock_questions=mock_questions,
        start_in_voice=start_in_voice,
    )
    app.run()
    if app.return_code:  # a bug stopped the app: say so, and where the report is
        from interview_coach.crash_report import print_hint

        print_hint(app.crash_report)
    return app.return_code or 0
