"""The header every screen shows: Textual's ``Header``, safe when its screen closes
at once.

Textual's ``Header`` sets its title from watchers it starts when mounted; the first
call runs a moment later. When the screen is dismissed in between (a key that opens
a card and one that closes it, handled back to back: the random-key test hit it),
the title widget is already gone, the query raises ``NoMatches`` and the whole app
stops. This is the one override of a Textual internal (``Header._on_mount``), kept
to the same watchers; ``tests/test_tui_header.py`` checks the title still shows and
that a header losing its title widget no longer stops the app.
"""

from __future__ import annotations

from contextlib import suppress

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class AppHeader(Header):
    def _on_mount(self, event: Mount) -> None:
        # Textual calls every class's handler unless told not to: Header's is replaced,
        # Widget's (scrollbars for overflow: scroll) still runs.
        event.prevent_default()
        Widget._on_mount(self, event)

        async def set_title() -> None:
            with suppress(NoScreen, NoMatches):  # the screen closed before this ran
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
