"""What the profile editor refuses, it says: a red flag dated after this month (a new
user's gap from 2028-01 to 2028-09 saved in Nov 2026 and was then asked about) and a
name longer than the field (cut to 60 characters without a word)."""

from __future__ import annotations

from datetime import date

import pytest
from textual import events
from textual.widgets import DataTable, Input, Select
from tui_support import settle

from interview_coach.tui.app import make_app
from interview_coach.tui.screens.profile_screen import NAME_MAX, ProfileScreen


def _next_month() -> str:
    today = date.today()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{year:04d}-{month:02d}"


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _open_profile(app, pilot) -> ProfileScreen:
    await settle(app, pilot)
    await pilot.press("e")
    await settle(app, pilot)
    assert isinstance(app.screen, ProfileScreen)
    return app.screen


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("gap", {"start": "next", "end": "next"}),
        ("exam_failure", {"exam": "Step 1", "date": "next"}),
    ],
    ids=["gap-start", "exam-date"],
)
async def test_a_red_flag_dated_after_this_month_is_refused(data_home, kind, fields):
    app = make_app(first_run_setup=False)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open_profile(app, pilot)
        screen.query_one("#flag-kind", Select).value = kind
        for key, value in fields.items():
            screen.query_one(f"#flag-{key}", Input).value = (
                _next_month() if value == "next" else value
            )
        await pilot.click("#add-flag")
        await settle(app, pilot)
        assert screen.query_one("#flags", DataTable).row_count == 0
        assert any("cannot have happened yet" in m for m in _messages(app)), _messages(app)
        await pilot.press("ctrl+s")  # the form's flag is part of the save: still refused
        await settle(app, pilot)
        assert app.screen is screen
        assert not (data_home / "profile.toml").exists()


async def test_a_red_flag_this_month_is_accepted(data_home):
    this_month = date.today().strftime("%Y-%m")
    app = make_app(first_run_setup=False)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open_profile(app, pilot)
        screen.query_one("#flag-kind", Select).value = "gap"
        screen.query_one("#flag-start", Input).value = "2026-01"
        screen.query_one("#flag-end", Input).value = this_month
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert f'end = "{this_month}"' in (data_home / "profile.toml").read_text()


async def test_a_name_typed_past_the_limit_says_so_once(data_home):
    app = make_app(first_run_setup=False)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open_profile(app, pilot)
        name = screen.query_one("#name", Input)
        name.focus()
        await pilot.press(*"x" * (NAME_MAX + 15))
        await settle(app, pilot)
        assert name.value == "x" * NAME_MAX
        told = [m for m in _messages(app) if f"at most {NAME_MAX} characters" in m]
        assert told == [f"The name can be at most {NAME_MAX} characters, so that was not taken."]


async def test_a_long_name_pasted_is_refused_and_says_so(data_home):
    app = make_app(first_run_setup=False)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _open_profile(app, pilot)
        name = screen.query_one("#name", Input)
        name.focus()
        name.post_message(events.Paste("A" * 500))
        await settle(app, pilot)
        assert name.value == ""
        assert any(f"The name can be at most {NAME_MAX}" in m for m in _messages(app))
