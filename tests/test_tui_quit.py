"""Ctrl+Q never loses typed work: Practice keeps the answer as a draft, the mock asks.

A new user typed an answer in the mock and pressed Ctrl+Q: the app closed at once
and the answer was gone, where Esc asks first. In Practice, Ctrl+Q within the two
seconds before the next autosave lost the text the same way.
"""

from __future__ import annotations

import pytest
from tui_support import settle

from interview_coach.tui.app import make_app

TYPED = "I took a gap year"


@pytest.fixture
def app(data_home, profile_file):
    return make_app(profile_file)


async def type_in(app, pilot, screen_key: str) -> None:
    """From Home: open Practice (p) or the mock (m) and type the answer key by key."""
    await settle(app, pilot)
    await pilot.press(screen_key)
    await settle(app, pilot)
    await pilot.press(*TYPED)


async def test_ctrl_q_in_the_mock_asks_before_discarding_a_typed_answer(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await type_in(app, pilot, "m")
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert app.is_running and app.return_code is None
        question = str(app.screen.query_one("#question").render())
        assert question.startswith("Quit and discard") and '5-word answer ("I took' in question
        await pilot.press("ctrl+q")  # pressed again while asking: still one question
        await settle(app, pilot)
        assert app.is_running and len(app.screen_stack) == 4  # default, Home, mock, question
        await pilot.press("enter")  # the safe button: keep answering
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MockScreen"
        assert app.screen.query_one("#answer-text").text == TYPED
        await pilot.press("ctrl+q", "y")
        await settle(app, pilot)
    assert app.return_code == 0 and app._exception is None


async def test_ctrl_q_in_the_mock_with_nothing_typed_quits_at_once(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 and app._exception is None


async def test_ctrl_q_in_practice_right_after_typing_keeps_the_draft(data_home, profile_file):
    first = make_app(profile_file)
    async with first.run_test(size=(80, 24)) as pilot:
        await settle(first, pilot)
        await pilot.press("p")
        await settle(first, pilot)
        first.screen.query_one("#answer-text").insert(TYPED)
        await pilot.press("ctrl+q")  # before the two-second autosave
        await pilot.pause()
    assert first.return_code == 0 and first._exception is None
    again = make_app(profile_file)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        await pilot.press("p")
        await settle(again, pilot)
        assert again.screen.query_one("#answer-text").text == TYPED
        assert any("Restored your unsaved answer" in str(n.message) for n in again._notifications)
