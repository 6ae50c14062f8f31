"""Home, Review, Progress and Settings as a returning user meets them (Pilot)."""

from __future__ import annotations

import io
import re

import pytest
from history_seed import FOLLOW_UP_REPLY, freeze_clock, seed_history
from textual.widgets import Button, DataTable, Input
from textual.widgets._footer import FooterKey
from tui_support import settle, shown

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
        keys = [(key.key, key.description) for key in app.screen.query(FooterKey)]
        assert [k for k, description in keys if description == "Quit"] == ["ctrl+q"]  # once
        assert footer_cut(app) == []
        await pilot.press("q")  # not shown twice, still a way out
        await pilot.pause()
    assert app.return_code == 0  # q quit the app


# -- Review ----------------------------------------------------------------------


async def open_review(app, pilot):
    await settle(app, pilot)
    await pilot.press("r")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "ReviewScreen"
    return app.screen


async def test_review_fits_80_columns_with_the_score_first(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        seed_history(app.coach)
        screen = await open_review(app, pilot)
        table = screen.query_one(DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert labels == ["Score", "Date", "Topic", "Question"]
        assert table.row_count == 21
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= 80
        newest = app.coach.store().answers()[-1]
        assert str(table.get_row_at(0)[0]) == str(newest.overall)
        assert footer_cut(app) == []


async def test_review_with_no_answers_says_how_to_get_some(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        assert screen.query_one(DataTable).row_count == 0
        assert str(screen.query_one("#count").render()).startswith("No answers yet")
        await pilot.press("enter", "d", "p")  # nothing to open, delete or practise
        await settle(app, pilot)
        assert app.screen is screen


async def test_review_search_finds_answers_by_their_words(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        seed_history(app.coach)
        screen = await open_review(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"MENTOR")
        await settle(app, pilot)
        table = screen.query_one(DataTable)
        found = [a for a in app.coach.store().answers() if "mentor" in a.answer_text.lower()]
        assert 0 < table.row_count == len(found) < 21
        assert all("mentor" in a.answer_text.lower() for a in screen.answers)
        assert 'containing "MENTOR"' in str(screen.query_one("#count").render())
        await pilot.press(*"zzz")
        await settle(app, pilot)
        assert table.row_count == 0
        assert '0 answers containing "MENTORzzz"' in str(screen.query_one("#count").render())


async def test_card_from_review_shows_the_question_follow_up_and_reply(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        seed_history(app.coach)
        screen = await open_review(app, pilot)
        reply = next(a for a in screen.answers if a.card.get("follows"))
        main = next(a for a in screen.answers if a.id < reply.id and a.topic == reply.topic)
        table = screen.query_one(DataTable)
        assert str(table.get_row_at(screen.answers.index(reply))[3]).startswith("↳ ")
        table.move_cursor(row=screen.answers.index(reply))
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        context = str(app.screen.query_one("#context").render())
        assert main.question_text in " ".join(context.split())
        assert "Follow-up" in context and "Your reply" in context
        assert footer_cut(app) == []
        assert FOLLOW_UP_REPLY[:40] in " ".join(context.split())
        await pilot.press("escape")
        await settle(app, pilot)
        table.move_cursor(row=screen.answers.index(main))
        await pilot.press("enter")
        await pilot.press("enter")  # twice: still one card
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert type(app.screen_stack[-2]).__name__ == "ReviewScreen"
        context = " ".join(str(app.screen.query_one("#context").render()).split())
        assert context.startswith("Typed answer of ")
        assert f"Question {main.question_text}" in context
        assert reply.card["follows"] in context


# -- Progress ----------------------------------------------------------------------


async def test_progress_plans_only_the_profiles_topics_and_says_why(app, monkeypatch):
    freeze_clock(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        seed_history(app.coach)
        await pilot.press("g")
        await settle(app, pilot)
        screen = app.screen
        plan = shown(screen.query_one("#plan"))
        # The profile lists an exam failure and a gap; the gap is not strong yet.
        assert "Gap in training" in plan and "Exam failure" in plan
        assert "Professionalism" not in plan and "Dual application" not in plan
        assert "partial: repeat after 2 days" in plan
        assert "Practised 12 days in a row." in str(screen.query_one("#streak").render())
        charts = shown(screen.query_one("#charts"))
        assert charts.count("first latest  best") == 4
        # 7 exam-failure answers were saved, one of them a follow-up reply: 6 counted.
        assert "Exam failure  6 answers, 1 Mar to 11 Mar" in charts
        assert footer_cut(app) == []
        await pilot.press("p")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PracticeScreen"
        assert app.screen.topic == screen.plan[0].topic == "gap"


async def test_home_next_up_is_a_profile_topic(app, monkeypatch):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        seed_history(app.coach)
        freeze_clock(monkeypatch)
        app.screen.refresh_summary()
        await settle(app, pilot)
        shown_text = str(app.screen.query_one("#weakest").render())
        # the gap's latest score is the scorer's; the topic and the reason are the plan's
        assert re.search(
            r"Next up: Gap in training \(last \d+, partial: repeat after 2 days\)\.", shown_text
        ), shown_text


# -- Settings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "label"),
    [
        ("silence_stop_s", "0.1", '"Stop after silence (s)" must be between 0.5 and 10.0.'),
        ("tts_rate", "1000", '"Speaking rate (wpm)" must be between 80 and 400.'),
        ("silence_stop_s", "", '"Stop after silence (s)" is empty'),
    ],
)
async def test_settings_errors_name_the_field_as_the_screen_shows_it(app, field, value, label):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        app.screen.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert footer_cut(app) == []
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith(label) for m in messages), messages
        assert not any(field in m for m in messages)


@pytest.mark.parametrize("width", [78, 118])
def test_a_long_history_shows_its_latest_answers_numbered_without_cutting(width):
    """60 answers to one topic: the chart keeps the latest that fit, says which they
    are, and numbers them underneath, every line within the width."""
    from rich.console import Console

    from interview_coach.domain.progress import topic_progress
    from interview_coach.tui.widgets.progress_view import TopicChart

    scores = [(i * 7) % 100 for i in range(60)]
    rows = [(f"2026-03-{1 + i // 3:02d}T10:00:00", "gap", s, {}) for i, s in enumerate(scores)]
    [progress] = topic_progress(rows)
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(TopicChart(progress, "Gap in training"))
    lines = console.export_text().splitlines()
    assert all(len(line) <= width and "…" not in line for line in lines)
    assert lines[0] == "Gap in training  60 answers, 1 Mar to 20 Mar"
    first_shown = int(lines[1].rsplit("answers ", 1)[1].split("-")[0])
    assert lines[-1].split()[0] == str(first_shown) and lines[-1].split()[-1] == "60"
    overall = lines[-2]
    expected = [str(scores[0]), str(scores[-1]), str(max(scores))]  # first, latest, best
    assert overall.startswith("Overall") and overall.split()[1:4] == expected
    bars = overall.split()[4:]
    assert len("".join(bars)) == 60 - first_shown + 1


@pytest.mark.parametrize("key", SCREEN_KEYS)
@pytest.mark.parametrize("voice", [False, True])
async def test_every_screens_footer_is_whole_at_80_columns(app, key, voice):
    """Practice once ended its footer in "^q Qui": the palette key is drawn over the
    last entries, so every screen's keys must fit beside it, typed and in voice mode."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        if voice and key in ("p", "m"):
            app.screen.action_voice_mode()
            await settle(app, pilot)
        assert footer_cut(app) == [], type(app.screen).__name__


async def test_the_cards_footer_is_whole_at_80_columns(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        app.screen.query_one("#answer-text").insert(
            "I did not pass Step 1 on my first attempt in June 2021. I studied harder."
        )
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert footer_cut(app) == []
