"""The voice panel's lines as text: the idle hint and the level meter with its timer.

Pure functions, kept apart from the panel's recording worker so the wording and
the meter can be read (and tested) without a running app.
"""

from __future__ import annotations

from rich.text import Text

METER_WIDTH = 30


def idle_text(silence_s: float) -> str:
    """What the panel says while no turn is running."""
    return (
        "Voice mode: press space to start speaking, space again to stop "
        f"(or pause {silence_s:g} s)."
    )


def level_meter(level: float, elapsed_s: float, speech: bool, limit_s: int) -> Text:
    """A bar for the input level, then the elapsed time, turning yellow past ``limit_s``."""
    filled = min(METER_WIDTH, int(level * 4 * METER_WIDTH))
    meter = Text("● " if speech else "○ ", style="green" if speech else "dim")
    meter.append("▮" * filled, style="green")
    meter.append("·" * (METER_WIDTH - filled), style="dim")
    minutes, seconds = divmod(int(elapsed_s), 60)
    late = elapsed_s > limit_s
    meter.append(f"  {minutes}:{seconds:02d}", style="bold yellow" if late else "")
    if late:
        meter.append(f"  past {limit_s} s: wrap up", style="yellow")
    return meter
