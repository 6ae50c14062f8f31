"""Every screen, left by every key that leaves it, at 80x24 and 120x40.

Leaving Review once crashed the app every time and 176 tests did not notice:
each screen is opened the way a user opens it, then left by each of its exit
keys (and Ctrl+Q, which must quit cleanly from anywhere).
"""

from __future__ import annotations

import asyncio

import pytest
from tui_support import press_twice_at_once, settle

from interview_coach.tui.app import make_app

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "I met a faculty mentor weekly and did forty timed questions a day."
)
SIZES = [(80, 24), (120, 40)]


async def press(app, pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def to_practice_card(app, pilot) -> None:
    await press(app, pilot, "p")
    app.screen.query_one("#answer-text").insert(ANSWER)
    await press(app, pilot, "ctrl+s")


async def to_recover_modal(app, pilot) -> None:
    from interview_coach.tui.screens.recover_modal import RecoverModal

    app.push_screen(RecoverModal(1, "answer-20260101-120000.wav", "Tell me about Step 1"))
    await settle(app, pilot)


# How a user reaches each screen from Home, and which screen that is.
REACH = {
    "home": ((), "HomeScreen"),
    "practice": (("p",), "PracticeScreen"),
    "mock": (("m",), "MockScreen"),
    "review": (("r",), "ReviewScreen"),
    "progress": (("g",), "ProgressScreen"),
    "profile": (("e",), "ProfileScreen"),
    "settings": (("s",), "SettingsScreen"),
    "help": (("question_mark",), "HelpModal"),
    "practice-card": (to_practice_card, "CardScreen"),
    "review-card": (("r", "enter"), "CardScreen"),
    "review-delete": (("r", "d"), "ConfirmModal"),
    "mock-summary": (("m", "escape"), "MockSummaryScreen"),
    "recover": (to_recover_modal, "RecoverModal"),
}

# (screen, exit key, the screen the user lands on)
EXITS = [
    ("practice", "escape", "HomeScreen"),
    ("mock", "escape", "MockSummaryScreen"),
    ("review", "escape", "HomeScreen"),
    ("progress", "escape", "HomeScreen"),
    ("profile", "escape", "HomeScreen"),
    ("settings", "escape", "HomeScreen"),
    ("help", "escape", "HomeScreen"),
    ("help", "question_mark", "HomeScreen"),
    ("practice-card", "escape", "PracticeScreen"),
    ("practice-card", "r", "PracticeScreen"),
    ("practice-card", "n", "PracticeScreen"),
    ("practice-card", "f", "PracticeScreen"),
    ("review-card", "escape", "ReviewScreen"),
    ("review-delete", "escape", "ReviewScreen"),
    ("review-delete", "enter", "ReviewScreen"),
    ("mock-summary", "escape", "HomeScreen"),
    ("recover", "escape", "HomeScreen"),
]


@pytest.fixture
def seeded(data_home, profile_file):
    """The app with a profile; each test saves one answer so Review has a row."""
    return lambda: make_app(profile_file)


async def reach(app, pilot, name: str) -> None:
    how, expected = REACH[name]
    if callable(how):
        await how(app, pilot)
    else:
        await press(app, pilot, *how)
    assert type(app.screen).__name__ == expected, f"{name}: {app.screen}"


async def back_home(app, pilot) -> None:
    while type(app.screen).__name__ != "HomeScreen":
        app.pop_screen()
        await settle(app, pilot)


def assert_alive(app, where: str) -> None:
    assert app.is_running and app.return_code is None, where
    assert app._exception is None, f"{where}: {app._exception!r}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_is_left_by_every_exit_key(seeded, size):
    app = seeded()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        app.coach.save(app.coach.score(ANSWER, "exam_failure"), ANSWER)
        for name, key, lands_on in EXITS:
            where = f"{name} + {key} at {size}"
            await reach(app, pilot, name)
            await press(app, pilot, key)
            assert_alive(app, where)
            assert type(app.screen).__name__ == lands_on, where
            await back_home(app, pilot)
        assert {name for name, _, _ in EXITS} | {"home"} == set(REACH)
        assert len(app.coach.store().answers()) >= 1, "no exit key deleted the saved answer"


@pytest.mark.parametrize("name", sorted(REACH))
async def test_ctrl_q_quits_cleanly_from_every_screen(seeded, name):
    app = seeded()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.coach.save(app.coach.score(ANSWER, "exam_failure"), ANSWER)
        await reach(app, pilot, name)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 and app._exception is None


# A key that reaches a screen already on its way out (Ctrl+S twice, y y, Esc Esc) once
# dismissed it a second time: InvalidStateError, or the screen underneath popped too.
TWICE = [
    ("profile", "ctrl+s"),
    ("profile", "escape"),
    ("settings", "ctrl+s"),
    ("settings", "escape"),
    ("help", "escape"),
    ("review", "escape"),
    ("progress", "escape"),
    ("mock-summary", "escape"),
    ("practice", "escape"),
    ("practice-card", "n"),
    ("practice-card", "escape"),
    ("review-delete", "y"),
    ("review-delete", "escape"),
]


@pytest.mark.parametrize(("name", "key"), TWICE, ids=[f"{n}-{k}" for n, k in TWICE])
async def test_a_double_tap_closes_a_screen_once(seeded, name, key):
    app = seeded()
    async with asyncio.timeout(60), app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.coach.save(app.coach.score(ANSWER, "exam_failure"), ANSWER)
        await reach(app, pilot, name)
        closed, underneath = app.screen, app.screen_stack[1:-1]
        await press_twice_at_once(app, pilot, key)
        assert_alive(app, f"{name} + {key} twice")
        # The second key may land on the screen below (Esc Esc = back twice), but never
        # on the closed screen again, and never past Home onto Textual's blank screen.
        assert app.screen is not closed and app.screen in underneath, f"now on {app.screen}"


@pytest.mark.parametrize("page_key", ["page_up", "page_down"])
async def test_a_page_key_as_a_drop_down_opens_does_not_stop_the_app(seeded, page_key):
    """Textual 8.2.8's list raised KeyError on a page key before its first layout (the
    monkey met it after Up opened a list); here the key lands in the same moment."""
    from textual.widgets._select import SelectOverlay

    app = seeded()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await reach(app, pilot, "review")
        select = app.screen.query_one("#filter")
        select.focus()
        select.expanded = True  # opened: an option is highlighted, nothing laid out yet
        getattr(select.query_one(SelectOverlay), f"action_{page_key}")()
        await settle(app, pilot)
        assert_alive(app, f"{page_key} as the topic filter opens")
