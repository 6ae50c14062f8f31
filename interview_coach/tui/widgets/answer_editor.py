"""A multi-line answer editor with a live word count and elapsed timer."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static, TextArea

from interview_coach.domain.answer_text import word_count as count_words
from interview_coach.domain.length import length_target


def clock() -> float:
    """Seconds since an arbitrary point; a seam so snapshot tests can stop the timer."""
    return time.monotonic()


class AnswerEditor(Vertical):
    """Type the answer; the status line shows words and time against the soft limit."""

    DEFAULT_CSS = """
    AnswerEditor { height: 1fr; }
    AnswerEditor TextArea { height: 1fr; }
    AnswerEditor #status { height: 1; color: $text-muted; }
    AnswerEditor #status.over { color: $warning; }
    """

    # Tab in the answer stays in the answer: the only field before it is the topic list,
    # where the next space would open the list and swallow the typing. Shift+Tab leaves.
    BINDINGS = [Binding("tab", "stay", "Stay in the answer", show=False)]

    elapsed: reactive[int] = reactive(0)

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._initial = text
        self._started = clock()
        self._status_line = ""

    def compose(self) -> ComposeResult:
        yield TextArea(self._initial, id="answer-text", soft_wrap=True, show_line_numbers=False)
        yield Static("", id="status")

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)
        self._refresh_status()

    def _tick(self) -> None:
        self.elapsed = int(clock() - self._started)

    def watch_elapsed(self) -> None:
        self._refresh_status()

    def on_text_area_changed(self) -> None:
        self._refresh_status()

    def action_stay(self) -> None:
        self.query_one(TextArea).focus()

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def set_text(self, text: str) -> None:
        self.query_one(TextArea).load_text(text)
        self._started = clock()
        self.elapsed = 0

    def word_count(self) -> int:
        return count_words(self.text)

    def _refresh_status(self) -> None:
        found = self.query("#status").results(Static)
        status = next(found, None)
        if status is None:  # the screen closed while the editor was mounting
            return
        target = length_target()
        minutes, seconds = divmod(self.elapsed, 60)
        over = self.elapsed > target.seconds[1]
        # Past the limit it says so in words, as the voice meter does: colour alone was
        # missed by a new user (and is lost on a monochrome terminal).
        note = f"past {target.seconds[1]} s: wrap up" if over else target.hint()
        line = f"{self.word_count()} words   {minutes}:{seconds:02d} ({note})"
        if line != self._status_line:  # most keys leave it as it was: no repaint then
            self._status_line = line
            status.update(line)
        status.set_class(over, "over")
