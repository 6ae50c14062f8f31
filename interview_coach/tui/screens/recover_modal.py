"""At start: a recording left by a crash is offered for transcription and scoring."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class RecoverModal(ModalScreen[bool]):
    CSS_PATH = "confirm_modal.tcss"
    BINDINGS = [("escape", "later", "Later"), ("t", "transcribe", "Transcribe now")]

    def __init__(self, count: int, newest: str, question: str | None) -> None:
        super().__init__()
        self.count, self.newest, self.question = count, newest, question

    def compose(self) -> ComposeResult:
        about = f' to "{self.question}"' if self.question else ""
        with Vertical(id="dialog"):
            yield Static(
                f"An unfinished spoken answer{about} was saved when the app last closed "
                f"({self.newest}). Transcribe and score it now?"
                + (f" ({self.count - 1} more after it.)" if self.count > 1 else ""),
                id="question",
            )
            with Horizontal(id="buttons"):
                yield Button("Transcribe (t)", variant="primary", id="yes")
                yield Button("Later", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_transcribe(self) -> None:
        self.dismiss(True)

    def action_later(self) -> None:
        self.dismiss(False)
