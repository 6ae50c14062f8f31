"""Correct a transcript Whisper misheard: the words are re-scored when saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from interview_coach.tui.screens.closing import close


class TranscriptModal(ModalScreen[str | None]):
    """Dismisses with the corrected text (Ctrl+S), or None (Esc)."""

    DEFAULT_CSS = """
    TranscriptModal { align: center middle; }
    TranscriptModal #dialog {
        width: 90%; height: 80%; border: thick $accent; background: $surface; padding: 0 1;
    }
    TranscriptModal TextArea { height: 1fr; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save and re-score"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, prompt: str, text: str) -> None:
        super().__init__()
        self.prompt, self.text = prompt, text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.prompt, classes="question")
            yield TextArea(self.text.rstrip() + " ", id="transcript-text", soft_wrap=True)
            yield Static("Ctrl+S saves and re-scores; Esc keeps the transcript.", classes="muted")

    def on_mount(self) -> None:
        """The cursor starts after the last word and a space: a correction is most often
        a missing end, which was typed before the first word, or joined to the last one
        ("...now I ask first.It was"). The space is stripped when saved."""
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    def action_save(self) -> None:
        close(self, self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        close(self, None)
