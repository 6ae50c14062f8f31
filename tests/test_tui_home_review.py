"""Home, Review, Progress and Settings as a returning user meets them (Pilot)."""

from __future__ import annotations

import pytest
from textual.widgets import Button
from textual.widgets._footer import FooterKey
from tui_support import settle

from interview_coach.tui.app import make_app

SCREEN_KEYS = ("p", "m", "r", "g", "e", "s")


@pytest.fixture
def app(data_home, profile_file):
    return make_app(profile_file)


def visible(app, widget) -> bool:
    """Inside the terminal, drawn, and not squeezed to nothing."""
    region = widget.region
    return (
        widget.display
        and region.height > 0
        and region.bottom <= app.size.height
        and region.right <= app.size.width
    )


@pytest.mark.parametrize("key", SCREEN_KEYS)
async def test_home_keeps_its_menu_and_next_up_after_visiting_a_screen(app, key):
    """Screen stylesheets are global: Practice's `#practice` rule once stretched the
    Practice button, the menu grew from 6 lines to 20 and "Next up" left the screen."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        menu = app.screen.query_one("#menu")
        before = menu.region.height
        await pilot.press(key)
        await settle(app, pilot)
        assert type(app.screen).__name__ != "HomeScreen"
        for _ in range(4):  # the mock asks before it ends, then shows its summary
            if type(app.screen).__name__ == "HomeScreen":
                break
            confirm = type(app.screen).__name__ == "ConfirmModal"
            await pilot.press("y" if confirm else "escape")
            await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        home = app.screen
        assert home.query_one("#menu").region.height == before == 6
        assert all(button.region.height == 3 for button in home.query(Button))
        weakest = home.query_one("#weakest")
        assert "Next up:" in str(weakest.render())
        assert visible(app, weakest)


def footer_cut(app) -> list[str]:
    """Footer entries cut by the screen edge or drawn under another (the palette key is
    docked right, over whatever reaches it)."""
    keys = list(app.screen.query(FooterKey))
    return [
        f"{key.key} {key.description}"
        for key in keys
        if key.region.right > app.size.width
        or any(other is not key and key.region.overlaps(other.region) for other in keys)
    ]


async def test_home_footer_shows_quit_whole_at_80_columns(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        keys = {key.key: key for key in app.screen.query(FooterKey)}
        assert keys["q"].description == "Quit"
        assert footer_cut(app) == []
