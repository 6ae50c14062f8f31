"""A yes/no question, centred over the screen: before deleting, or before recovering audio."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmModal(ModalScreen[bool]):
    """Dismisses with True for yes. Subclasses change the labels and keys only."""

    CSS_PATH = "confirm_modal.tcss"
    BINDINGS = [("escape", "answer(False)", "Cancel"), ("y", "answer(True)", "Yes")]
    YES = ("Delete", "error")  # label, button variant
    NO = "Cancel"

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        label, variant = self.YES
        with Vertical(id="dialog"):
            yield Static(self.question, id="question")
            with Horizontal(id="buttons"):
                yield Button(label, variant=variant, id="yes")
                yield Button(self.NO, id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
