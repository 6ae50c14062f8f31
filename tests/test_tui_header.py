"""The one override of a Textual internal (``widgets/app_header.py``): the header
still shows the title, and one whose title widget is gone before its first update
(its screen closed at once) no longer stops the app."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets._header import HeaderTitle

from interview_coach.tui.widgets.app_header import AppHeader


class TitledApp(App):
    TITLE = "Interview Coach"

    def compose(self) -> ComposeResult:
        yield AppHeader()


async def test_the_header_shows_the_title_and_follows_it():
    app = TitledApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        title = app.query_one(HeaderTitle)
        assert "Interview Coach" in str(title.render())
        app.title = "Practice"
        await pilot.pause()
        assert "Practice" in str(title.render())


async def test_a_header_whose_title_is_gone_does_not_stop_the_app():
    app = TitledApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.query_one(HeaderTitle).remove()
        app.title = "Changed while closing"  # the watcher runs with nothing to update
        await pilot.pause()
        assert app.is_running
    assert app.return_code in (0, None)
