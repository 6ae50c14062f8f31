"""SVG snapshots of the main screens at 80x24 (and one large, one light-theme) view.

Regenerate after an intended UI change with `pytest tests/test_tui_snapshots.py
--snapshot-update` and review the SVG diff.
"""

from __future__ import annotations

import pytest
from tui_support import settle

from interview_coach.tui.app import make_app

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "I met a faculty mentor weekly and did forty timed questions a day; I passed on my second "
    "attempt. I now use a fixed search pattern when reading studies on call."
)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    """The answer timer would otherwise tick between runs and change the picture."""
    import interview_coach.tui.widgets.answer_editor as editor

    monkeypatch.setattr(editor, "clock", lambda: 1000.0)


async def settle_app(pilot) -> None:
    await settle(pilot.app, pilot)


def _app(data_home, profile_file, theme: str | None = None):
    app = make_app(profile_file)
    if theme:
        app.theme = theme
    return app


def test_home(snap_compare, data_home, profile_file):
    app = _app(data_home, profile_file)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle_app)


def test_practice(snap_compare, data_home, profile_file):
    async def before(pilot):
        await settle_app(pilot)
        await pilot.press("p")
        await settle_app(pilot)

    assert snap_compare(_app(data_home, profile_file), terminal_size=(80, 24), run_before=before)


@pytest.mark.parametrize(("size", "theme"), [((80, 24), None), ((140, 44), "textual-light")])
def test_score_card(snap_compare, data_home, profile_file, size, theme):
    async def before(pilot):
        await settle_app(pilot)
        await pilot.press("p")
        await settle_app(pilot)
        pilot.app.screen.query_one("#answer-text").insert(ANSWER)
        await pilot.press("ctrl+s")
        await settle_app(pilot)

    assert snap_compare(_app(data_home, profile_file, theme), terminal_size=size, run_before=before)


def test_profile(snap_compare, data_home, profile_file):
    async def before(pilot):
        await settle_app(pilot)
        await pilot.press("e")
        await settle_app(pilot)

    assert snap_compare(_app(data_home, profile_file), terminal_size=(80, 24), run_before=before)


WEAK = "Testing was a bump in the road. My school did not prepare us. I studied harder."


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_card_shows_why_a_phrase_counted(snap_compare, data_home, profile_file, size):
    """The evidence list focused, the second phrase picked: its reason is on screen."""

    async def before(pilot):
        await settle_app(pilot)
        await pilot.press("p")
        await settle_app(pilot)
        pilot.app.screen.query_one("#answer-text").insert(ANSWER)
        await pilot.press("ctrl+s")
        await settle_app(pilot)
        await pilot.press("tab", "down")
        await settle_app(pilot)

    assert snap_compare(_app(data_home, profile_file), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_retry_view(snap_compare, data_home, profile_file, size):
    async def before(pilot):
        await settle_app(pilot)
        await pilot.press("p")
        await settle_app(pilot)
        pilot.app.screen.query_one("#answer-text").insert(WEAK)
        await pilot.press("ctrl+s")
        await settle_app(pilot)
        await pilot.press("r")
        await settle_app(pilot)
        pilot.app.screen.query_one("#answer-text").insert(ANSWER)
        await pilot.press("ctrl+s")
        await settle_app(pilot)

    assert snap_compare(_app(data_home, profile_file), terminal_size=size, run_before=before)


MOCK_WEAK = (
    "Testing was a bump in the road. My school did not prepare us and then I studied harder."
)
DELIVERY = {
    "duration_s": 41.0,
    "speaking_s": 36.0,
    "words": 96,
    "wpm": 141.0,
    "fillers": {"um": 2},
    "filler_total": 2,
    "hedges": {},
    "hesitations": 1,
    "long_pauses": [{"start": 12.0, "duration": 2.1}],
    "advice": [],
    "note": "",
}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_mock_summary(snap_compare, data_home, profile_file, size):
    """Every dimension's score shows (not cut to "stron"), with the transcript below."""

    async def before(pilot):
        from interview_coach.tui.screens.mock_summary_screen import MockSummaryScreen

        await settle_app(pilot)
        coach = pilot.app.coach
        first, second = coach.questions(limit=2, weak_topics=[])
        weak = coach.score_and_save(MOCK_WEAK, first, first.text, kind="mock", delivery=DELIVERY)
        results = [
            weak,
            coach.score_and_save(
                ANSWER,
                first,
                weak.card.follow_up,
                kind="mock",
                session_id=weak.session_id,
                followed=weak,
                asked=(weak.card.follow_up,),
                delivery=DELIVERY,
            ),
            coach.score_and_save(
                ANSWER, second, second.text, kind="mock", session_id=weak.session_id
            ),
        ]
        await pilot.app.push_screen(MockSummaryScreen(results, 372))
        await settle_app(pilot)

    app = _app(data_home, profile_file)
    assert snap_compare(app, terminal_size=size, run_before=before)
