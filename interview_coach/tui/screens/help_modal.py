"""'?' on any screen: every key binding that works there now, and the app-wide ones."""

from __future__ import annotations

from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from interview_coach.tui.screens.closing import close


def works_on(screen: Screen, binding: Binding) -> bool:
    """Whether the key does something on ``screen`` now: the footer hides a key the
    screen's ``check_action`` turns off (a card opened from the mock summary has no
    Retry), and help listed it anyway, a dead key."""
    namespace, action, parameters = parse(binding.action)
    target = screen.app if namespace == "app" else screen
    return bool(target.check_action(action, parameters))


def _rows(bindings: list[Binding]) -> list[str]:
    rows = []
    for binding in bindings:
        key = binding.key_display or binding.key
        rows.append(f"  {key:<14} {binding.description or binding.action}")
    return rows


class HelpModal(ModalScreen[None]):
    CSS_PATH = "help_modal.tcss"
    BINDINGS = [("escape", "close", "Close"), ("question_mark", "close", "Close")]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.for_screen = screen

    def action_close(self) -> None:
        close(self)

    def compose(self) -> ComposeResult:
        screen_bindings = [b for b in self.for_screen.BINDINGS if isinstance(b, Binding)]
        screen_bindings += [Binding(*b) for b in self.for_screen.BINDINGS if isinstance(b, tuple)]
        screen_bindings = [b for b in screen_bindings if works_on(self.for_screen, b)]
        app_bindings = [b if isinstance(b, Binding) else Binding(*b) for b in self.app.BINDINGS]
        lines = [f"Keys on {self.for_screen.__class__.__name__.removesuffix('Screen')}:"]
        lines += _rows(screen_bindings) or ["  (none)"]
        lines += ["", "Everywhere:", *_rows(app_bindings)]
        lines += [
            "",
            "Tab / Shift+Tab move between fields (in an answer, Tab stays put);",
            "the mouse works too.",
            "",
            "Press Esc or ? to close.",
        ]
        with Vertical(id="help"):
            yield Static("\n".join(lines), id="help-text")
