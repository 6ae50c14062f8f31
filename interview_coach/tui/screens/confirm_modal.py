"""A yes/no question, centred over the screen: before deleting or discarding, or before
recovering audio.

A destructive question names what it destroys, and Enter on the freshly opened
dialog presses the safe button: only ``y`` or a deliberate Tab/click says yes, and
``n`` says no as Esc does (people answer a yes/no question with either letter).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from interview_coach.tui.screens.closing import close


def first_words(text: str, count: int = 8) -> str:
    """How a confirmation quotes the work it would destroy."""
    words = text.split()
    return " ".join(words[:count]) + (" ..." if len(words) > count else "")


class ConfirmModal(ModalScreen[bool]):
    """Dismisses with True for yes. Subclasses change the labels, keys and default button."""

    CSS_PATH = "confirm_modal.tcss"
    BINDINGS = [
        ("escape", "answer(False)", "Cancel"),
        ("n", "answer(False)", "No"),
        ("y", "answer(True)", "Yes"),
    ]
    YES = ("Delete (y)", "error")  # label, button variant
    NO = "Cancel (n)"
    AUTO_FOCUS = "#no"  # Enter on the new dialog presses the safe button

    def __init__(self, question: str, yes_label: str | None = None, no_label: str | None = None):
        super().__init__()
        self.question = question
        self.yes_label = yes_label or self.YES[0]
        self.no_label = no_label or self.NO

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question")
            with Horizontal(id="buttons"):
                yield Button(self.yes_label, variant=self.YES[1], id="yes")
                yield Button(self.no_label, id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        close(self, event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        close(self, yes)
