"""A text field with a length limit that says so when a key or a paste goes past it.

Textual's Input refuses such an edit with only the terminal bell, which many
terminals keep silent: a 500-character name typed in was saved as its first 60
characters with no word why (a new user's tryout). The rest of the profile editor
tells what it refuses; this field does too, once until the text changes again.
"""

from __future__ import annotations

from textual.widgets import Input


class LimitedInput(Input):
    """An ``Input`` with ``max_length``; ``what`` names it in the message ("The name")."""

    def __init__(self, value: str = "", *, what: str, max_length: int, **kwargs) -> None:
        super().__init__(value, max_length=max_length, **kwargs)
        self.what = what
        self._told = False

    def restricted(self) -> None:
        """Textual's hook for an edit the limit refused, overridden on purpose."""
        if not self._told:  # every key past the limit would otherwise stack one more
            self._told = True
            self.notify(
                f"{self.what} can be at most {self.max_length} characters, so that was not taken.",
                severity="warning",
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self:
            self._told = False
