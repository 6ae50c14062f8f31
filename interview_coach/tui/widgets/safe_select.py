"""Textual's Select, safe against a page key in the same moment that opens its list.

Textual 8.2.8's option list reads line positions that exist only after its first
layout: PageUp or PageDown pressed right after Up, Down or Enter opened the list
raised ``KeyError`` and stopped the app (the random-key test found it twice). Until
the list is laid out, those two keys now do nothing. Every drop-down in the app is
a ``SafeSelect``; it is a ``Select`` in every other way (queries, messages, CSS).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay


class SafeSelectOverlay(SelectOverlay):
    """The drop-down list; page keys wait for its first layout."""

    def action_page_up(self) -> None:
        if self._index_to_line:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self._index_to_line:
            super().action_page_down()


class SafeSelect(Select):
    def compose(self) -> ComposeResult:
        # As Select.compose in Textual 8.2.8 (pinned), with the safe list.
        yield SelectCurrent(self.prompt)
        yield SafeSelectOverlay(type_to_search=self._type_to_search).data_bind(
            compact=Select.compact
        )
