"""SVG snapshots of Home (before and after practice), Review and Progress at 80x24 and
120x40, over a fixed history: 20 answers on 4 topics, dated 1-12 March 2026, seen on
the evening of 12 March in UTC.

Regenerate after an intended UI change with `pytest tests/test_tui_snapshots_history.py
--snapshot-update` and review the SVG diff.
"""

from __future__ import annotations

import pytest
from history_seed import freeze_clock, seed_history
from tui_support import settle

from interview_coach.tui.app import make_app

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    import interview_coach.tui.widgets.answer_editor as editor

    monkeypatch.setattr(editor, "clock", lambda: 1000.0)
    freeze_clock(monkeypatch)


def _seeded_app(data_home, profile_file):
    """The history is written before the app starts, through the real coach and store."""
    from interview_coach.coach import Coach

    coach = Coach.load(profile_file)
    seed_history(coach)
    coach.close()
    return make_app(profile_file)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_before_practice(snap_compare, data_home, profile_file, size):
    async def before(pilot):
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(profile_file), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_after_practice(snap_compare, data_home, profile_file, size):
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("p")
        await settle(pilot.app, pilot)
        await pilot.press("escape")
        await settle(pilot.app, pilot)

    app = _seeded_app(data_home, profile_file)
    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review(snap_compare, data_home, profile_file, size):
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("r")
        await settle(pilot.app, pilot)

    app = _seeded_app(data_home, profile_file)
    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_progress(snap_compare, data_home, profile_file, size):
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("g")
        await settle(pilot.app, pilot)

    app = _seeded_app(data_home, profile_file)
    assert snap_compare(app, terminal_size=size, run_before=before)


def test_card_from_review(snap_compare, data_home, profile_file):
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("r")
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)

    app = _seeded_app(data_home, profile_file)
    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
