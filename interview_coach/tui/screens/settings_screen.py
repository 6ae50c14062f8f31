"""Settings: the voice and recording choices of ``settings.toml``, editable in the app.

The form writes the same file a user could edit by hand and validates it with
the same loader, so the app accepts exactly what the file accepts. Changes
apply at once; a new Whisper model is loaded in the background.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static, Switch

from interview_coach.coach import write_private
from interview_coach.domain.datafiles import DataFileError
from interview_coach.errors import UserError
from interview_coach.locations import ensure_data_dir, settings_path
from interview_coach.settings import (
    LABELS,
    RANGES,
    Settings,
    load_settings,
    out_of_range,
    settings_to_toml,
    with_labels,
)
from interview_coach.tui.screens.closing import close, leave_form
from interview_coach.tui.widgets.app_header import AppHeader


class SettingsScreen(Screen):
    CSS_PATH = "settings_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save settings"),
        Binding("escape", "leave", "Back"),
    ]

    def compose(self) -> ComposeResult:
        current: Settings = self.app.settings
        rate_low, rate_high = RANGES["tts_rate"]
        stop_low, stop_high = RANGES["silence_stop_s"]
        yield AppHeader()
        with VerticalScroll(id="settings"):
            yield Static("Settings for voice mode. Ctrl+S saves, Esc goes back.", classes="title")
            with Grid(id="settings-form"):
                yield Static(LABELS["speak_questions"])
                yield Switch(current.speak_questions, id="speak_questions")
                yield Static(LABELS["tts_voice"])
                yield Input(
                    current.tts_voice or "", id="tts_voice", placeholder="default, e.g. gmw/en-us"
                )
                yield Static(LABELS["tts_rate"])
                yield Input(
                    "" if current.tts_rate is None else str(current.tts_rate),
                    id="tts_rate",
                    type="integer",
                    placeholder=f"default; {rate_low}-{rate_high}",
                )
                yield Static(LABELS["silence_stop_s"])
                yield Input(
                    str(current.silence_stop_s),
                    id="silence_stop_s",
                    type="number",
                    placeholder=f"{stop_low}-{stop_high}",
                )
                yield Static(LABELS["model"])
                yield Input(
                    current.model or "",
                    id="model",
                    placeholder="bundled tiny.en, or a model folder",
                )
                yield Static(LABELS["keep_audio"])
                yield Switch(current.keep_audio, id="keep_audio")
                yield Static(LABELS["voice_mock"])
                yield Switch(current.voice_mock, id="voice_mock")
                yield Static(LABELS["barge_in"])
                yield Switch(current.barge_in, id="barge_in")
                yield Static(LABELS["follow_ups_per_question"])
                yield Input(
                    str(current.follow_ups_per_question),
                    id="follow_ups_per_question",
                    type="integer",
                    placeholder="0-3",
                )
            yield Static(
                "Recordings are deleted once transcribed unless you keep them. "
                "Nothing leaves this computer either way.",
                classes="muted",
            )
            with Horizontal(id="settings-buttons"):
                yield Button("Save settings", variant="primary", id="save")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Switch).focus()
        self.call_after_refresh(self._remember_saved_state)

    def _remember_saved_state(self) -> None:
        self._saved_state = self._state()

    def _state(self) -> tuple:
        """The form as shown: what Esc would throw away if it differs from the saved one."""
        return tuple((field.id, field.value) for field in self.query(Input).results()) + tuple(
            (field.id, field.value) for field in self.query(Switch).results()
        )

    def _form(self) -> Settings:
        """The form's values; a problem is one sentence naming the field by its label."""

        def text(name: str) -> str:
            return self.query_one(f"#{name}", Input).value.strip()

        def number(name: str, kind: type) -> float | None:
            raw = text(name)
            if not raw:
                return None
            try:
                value = kind(raw)
            except ValueError:
                whole = "a whole number" if kind is int else "a number"
                raise UserError(f'"{LABELS[name]}" must be {whole}, not "{raw}".') from None
            problem = out_of_range(name, value)
            if problem:
                raise UserError(f'"{LABELS[name]}" {problem}.')
            return value

        rate, stop = number("tts_rate", int), number("silence_stop_s", float)
        if stop is None:
            low, high = RANGES["silence_stop_s"]
            raise UserError(
                f'"{LABELS["silence_stop_s"]}" is empty: say after how many seconds of '
                f"silence a recording should stop ({low}-{high})."
            )
        follow_ups = number("follow_ups_per_question", int)
        return Settings(
            keep_audio=self.query_one("#keep_audio", Switch).value,
            speak_questions=self.query_one("#speak_questions", Switch).value,
            tts_voice=text("tts_voice") or None,
            tts_rate=int(rate) if rate is not None else None,
            model=text("model") or None,
            silence_stop_s=float(stop),
            barge_in=self.query_one("#barge_in", Switch).value,
            voice_mock=self.query_one("#voice_mock", Switch).value,
            follow_ups_per_question=1 if follow_ups is None else int(follow_ups),
        )

    def action_save(self) -> None:
        try:
            wanted = self._form()
            toml = settings_to_toml(wanted)
            # Round-trip through the file loader: the form accepts what the file does.
            with tempfile.TemporaryDirectory() as folder:
                trial = Path(folder) / "settings.toml"
                trial.write_text(toml, encoding="utf-8")
                saved = load_settings(trial)
            ensure_data_dir()
            write_private(settings_path(), toml)
        except DataFileError as exc:  # "<temporary file>, line 3: ..." -> what follows
            self.notify(with_labels(str(exc).split(": ", 1)[-1]), severity="error")
            return
        except UserError as exc:  # the form's own sentence, naming the field's label
            self.notify(str(exc), severity="error")
            return
        model_changed = saved.model != self.app.settings.model
        self.app.settings = saved
        if model_changed and self.app.voice_enabled:
            self.app.reload_voice()
        self.notify("Settings saved.")
        close(self)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()

    def action_leave(self) -> None:
        """Esc: back, asking first if the form has changes that were not saved."""
        leave_form(self, self._state() == getattr(self, "_saved_state", None), "the settings")
