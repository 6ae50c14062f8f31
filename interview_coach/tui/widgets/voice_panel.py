"""What the user sees while speaking: a level meter, a timer, and the words so far."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

METER_WIDTH = 30
SOFT_LIMIT_S = 90


class VoicePanel(Vertical):
    """Attributes flow down: the screen calls ``show_level`` and ``show_partial``."""

    DEFAULT_CSS = """
    VoicePanel { height: 1fr; border: round $accent; padding: 0 1; }
    VoicePanel #voice-state { text-style: bold; }
    VoicePanel #voice-partial { color: $text-muted; height: 1fr; }
    """

    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static(
            "Voice mode: press space to start speaking, space again to stop "
            "(it also stops after 2.5 s of silence).",
            id="voice-state",
        )
        yield Static("", id="voice-meter")
        yield Static("", id="voice-partial")

    def show_state(self, text: str) -> None:
        self.query_one("#voice-state", Static).update(text)

    def show_level(self, level: float, elapsed_s: float, speech: bool) -> None:
        filled = min(METER_WIDTH, int(level * 4 * METER_WIDTH))
        meter = Text("● " if speech else "○ ", style="green" if speech else "dim")
        meter.append("▮" * filled, style="green")
        meter.append("·" * (METER_WIDTH - filled), style="dim")
        minutes, seconds = divmod(int(elapsed_s), 60)
        meter.append(
            f"  {minutes}:{seconds:02d}", style="bold yellow" if elapsed_s > SOFT_LIMIT_S else ""
        )
        if elapsed_s > SOFT_LIMIT_S:
            meter.append("  past 90 s: wrap up", style="yellow")
        self.query_one("#voice-meter", Static).update(meter)

    def show_partial(self, text: str) -> None:
        self.query_one("#voice-partial", Static).update(text)
