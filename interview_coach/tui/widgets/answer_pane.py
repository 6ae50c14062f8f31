"""The answer pane practice and mock share: the editor or the voice panel, one shown.

Both screens take an answer the same way (typed with a word count and timer, or
spoken with a level meter, timer and the words so far), so the layout and the
switch between the two live here once instead of in each screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from interview_coach.tui.widgets.answer_editor import AnswerEditor
from interview_coach.tui.widgets.voice_panel import VoicePanel


class AnswerPane(Vertical):
    DEFAULT_CSS = """
    AnswerPane { height: 1fr; }
    AnswerPane #voice { display: none; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.voice = False

    def compose(self) -> ComposeResult:
        yield AnswerEditor(id="editor")
        yield VoicePanel(id="voice")

    @property
    def editor(self) -> AnswerEditor:
        return self.query_one(AnswerEditor)

    @property
    def panel(self) -> VoicePanel:
        return self.query_one(VoicePanel)

    def show_voice(self, on: bool) -> None:
        """Swap the editor for the voice panel (or back) and focus the one shown."""
        self.voice = on
        self.editor.display = not on
        self.panel.display = on
        (self.panel if on else self.query_one("#answer-text")).focus()

    def clear(self, text: str = "") -> None:
        """A new question: an empty (or restored) answer, timer from zero, focused."""
        self.editor.set_text(text)
        if self.voice:
            self.panel.reset()
            self.panel.focus()
        else:
            self.query_one("#answer-text").focus()
