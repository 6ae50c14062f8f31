"""No key loses, duplicates or misplaces an answer: double submits, Esc, deletes."""

from __future__ import annotations

import asyncio
import threading

import pytest
from tui_support import settle

from interview_coach.tui.app import make_app

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review and "
    "skipped timed practice. I met a faculty mentor weekly and did forty timed questions a day; "
    "I passed on my second attempt and scored 248 on Step 2 CK."
)


@pytest.fixture
def app(data_home, profile_file):
    return make_app(profile_file)


def saved_texts(app) -> list[str]:
    return [a.answer_text for a in app.coach.store().answers()]


class HeldSave:
    """Holds each save worker after its row is committed, until released: the moment a
    second Ctrl+S used to cancel a worker whose answer was already on disk."""

    def __init__(self, coach) -> None:
        self.committed = threading.Event()
        self.release = threading.Event()
        original = coach.save

        def save(*args, **kwargs):
            result = original(*args, **kwargs)
            self.committed.set()
            self.release.wait(30)
            return result

        coach.save = save

    async def wait_committed(self) -> None:
        assert await asyncio.to_thread(self.committed.wait, 30)


async def submit_twice(pilot, app) -> None:
    held = HeldSave(app.coach)
    await pilot.press("ctrl+s")
    await held.wait_committed()
    await pilot.press("ctrl+s")  # the first save is committed but its worker still runs
    held.release.set()
    await settle(app, pilot)


async def test_a_double_submit_in_practice_saves_the_answer_once(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        screen = app.screen
        screen.query_one("#answer-text").insert(ANSWER)
        await submit_twice(pilot, app)
        assert saved_texts(app) == [ANSWER]
        assert type(app.screen).__name__ == "CardScreen"


async def test_a_double_submit_in_the_mock_saves_the_answer_once_and_keeps_it(app):
    from interview_coach.tui.screens.mock_screen import MockScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.push_screen(MockScreen(count=2))
        await settle(app, pilot)
        screen = app.screen
        screen.query_one("#answer-text").insert(ANSWER)
        await submit_twice(pilot, app)
        assert saved_texts(app) == [ANSWER]
        assert [r.text for r in screen.results] == [ANSWER]
        assert screen.session_id is not None
        second = "A second answer about my gap year and what I did in it."
        screen.query_one("#answer-text").insert(second)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        sessions = {a.session_id for a in app.coach.store().answers()}
        assert len(sessions) == 1, "one mock interview is one session"


def seed_answers(app, count: int) -> list[str]:
    """Saved oldest first; Review lists newest first."""
    texts = [f"Answer number {n}: I did not pass Step 1 in June 2021." for n in range(count)]
    for text in texts:
        app.coach.save(app.coach.score(text, "exam_failure"), text)
    return list(reversed(texts))


async def test_review_delete_names_the_answer_under_the_cursor_after_opening_it(app):
    from textual.widgets import DataTable

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        shown = seed_answers(app, 10)
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press(*["down"] * 6, "enter")  # row 7
        await settle(app, pilot)
        assert app.screen.answer == shown[6]
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).cursor_row == 6
        await pilot.press("d")
        await settle(app, pilot)
        question = str(app.screen.query_one("#question").render())
        assert "Answer number 3" in question and "exam failure" in question
        await pilot.press("enter")  # Enter alone does not delete
        await settle(app, pilot)
        assert len(saved_texts(app)) == 10
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert shown[6] not in saved_texts(app) and len(saved_texts(app)) == 9
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 6 and "Answer number 2" in app.screen._selected().answer_text


async def esc_after_typing_in_the_mock(app, pilot, answer: str) -> None:
    """Open a two-question mock, type ``answer`` and press Esc: the discard question."""
    from interview_coach.tui.screens.mock_screen import MockScreen

    await settle(app, pilot)
    await app.push_screen(MockScreen(count=2))
    await settle(app, pilot)
    app.screen.query_one("#answer-text").insert(answer)
    await pilot.press("escape")
    await settle(app, pilot)


async def test_esc_in_the_mock_asks_before_discarding_a_typed_answer(app):
    long_answer = " ".join(["I did not pass Step 1 in June 2021."] * 15)  # 135 words
    async with app.run_test(size=(80, 24)) as pilot:
        await esc_after_typing_in_the_mock(app, pilot, long_answer)
        question = str(app.screen.query_one("#question").render())
        assert "discard" in question and "135-word answer" in question
        await pilot.press("enter")  # the safe button: keep answering
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MockScreen"
        assert app.screen.query_one("#answer-text").text == long_answer
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert saved_texts(app) == [long_answer]
        await pilot.press("escape")  # nothing typed now: ends at once
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MockSummaryScreen"


async def test_n_in_the_discard_question_keeps_the_answer_as_esc_does(app):
    answer = "I did not pass Step 1 in June 2021, and I rebuilt how I study."
    async with app.run_test(size=(80, 24)) as pilot:
        await esc_after_typing_in_the_mock(app, pilot, answer)
        assert "(n)" in str(app.screen.query_one("#no").label)
        await pilot.press("n")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MockScreen"
        assert app.screen.query_one("#answer-text").text == answer
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MockSummaryScreen"
        assert saved_texts(app) == []


async def open_practice(app, pilot):
    await settle(app, pilot)
    await pilot.press("p")
    await settle(app, pilot)
    return app.screen


async def test_esc_from_practice_keeps_the_typed_answer_as_a_draft(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_practice(app, pilot)
        screen.query_one("#answer-text").insert("Typed a moment ago, before any autosave")
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert any("kept as a draft" in str(n.message) for n in app._notifications)
        screen = await open_practice(app, pilot)
        assert screen.query_one("#answer-text").text == "Typed a moment ago, before any autosave"


async def test_skipping_or_changing_topic_asks_before_dropping_the_answer(app):
    from textual.widgets import Select

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_practice(app, pilot)
        screen.query_one("#answer-text").insert("My answer so far")
        question = str(screen.query_one("#question").render())
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert "My answer so far" in str(app.screen.query_one("#question").render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen.query_one("#answer-text").text == "My answer so far"
        assert str(screen.query_one("#question").render()) == question
        screen.query_one("#topic", Select).value = "gap"
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ConfirmModal"
        await pilot.press("enter")  # Keep it
        await settle(app, pilot)
        assert screen.query_one("#topic", Select).value == screen.topic != "gap"
        assert screen.query_one("#answer-text").text == "My answer so far"
        screen.query_one("#topic", Select).value = "gap"
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert screen.topic == "gap" and screen.query_one("#answer-text").text == ""


async def test_tab_after_picking_a_topic_stays_in_the_answer(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("shift+tab")  # to the topic list
        await pilot.press("enter", "down", "down", "enter")
        await settle(app, pilot)
        await pilot.press("tab")
        await pilot.press(*"I took time off")
        await settle(app, pilot)
        assert screen.query_one("#answer-text").text == "I took time off"


async def open_profile(pilot, app):
    await settle(app, pilot)
    await pilot.press("e")
    await settle(app, pilot)
    return app.screen


async def test_ctrl_s_keeps_a_red_flag_filled_in_but_not_added(app, data_home):
    from textual.widgets import Input, Select

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profile(pilot, app)
        assert screen.query_one("#flag-exam", Input).placeholder.startswith("e.g.")
        screen.query_one("#flag-kind", Select).value = "leave_of_absence"
        screen.query_one("#flag-start", Input).value = "2020-07"
        screen.query_one("#flag-end", Input).value = "2021-01"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        summary = str(app.screen.query_one("#summary").render())
        assert "Leave of absence" in summary
        assert 'kind = "leave_of_absence"' in (data_home / "profile.toml").read_text()


async def test_ctrl_s_with_an_invalid_unadded_flag_says_why_and_saves_nothing(app, data_home):
    from textual.widgets import Input, Select

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profile(pilot, app)
        before = (
            (data_home / "profile.toml").read_text()
            if (data_home / "profile.toml").exists()
            else None
        )
        screen.query_one("#flag-kind", Select).value = "exam_failure"
        screen.query_one("#flag-date", Input).value = "June 2021"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        assert any("2021-06" in str(n.message) for n in app._notifications)
        after = (
            (data_home / "profile.toml").read_text()
            if (data_home / "profile.toml").exists()
            else None
        )
        assert after == before


async def test_a_red_flag_can_be_edited_and_esc_asks_before_dropping_a_removal(app, data_home):
    from textual.widgets import DataTable, Input

    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_profile(pilot, app)
        table = screen.query_one("#flags", DataTable)
        assert table.row_count == 2  # the fixture's exam failure and gap
        table.focus()
        await pilot.press("enter")  # edit the exam failure
        await settle(app, pilot)
        assert screen.query_one("#flag-exam", Input).value == "Step 1"
        screen.query_one("#flag-exam", Input).value = "Step 2 CK"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert 'exam = "Step 2 CK"' in (data_home / "profile.toml").read_text()
        screen = await open_profile(pilot, app)
        table = screen.query_one("#flags", DataTable)
        table.focus()
        await pilot.press("x")
        await settle(app, pilot)
        assert table.row_count == 1
        await pilot.press("escape")
        await settle(app, pilot)
        assert "without saving" in str(app.screen.query_one("#question").render())
        await pilot.press("enter")  # Keep editing
        await settle(app, pilot)
        assert app.screen is screen and table.row_count == 1
        await pilot.press("escape", "y")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.coach.profile.red_flags and len(app.coach.profile.red_flags) == 2


async def test_esc_on_an_unchanged_profile_leaves_at_once(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot, app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"


def test_review_shows_times_on_the_users_own_clock(monkeypatch):
    import time

    from interview_coach.tui.screens.review_screen import local_time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert local_time("2026-11-26T02:44:00+00:00") == "2026-11-25 21:44"
    finally:
        monkeypatch.undo()
        time.tzset()


async def test_esc_in_settings_asks_before_dropping_changes(app):
    from textual.widgets import Input

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("escape")  # nothing changed: leaves at once
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        screen.query_one("#tts_rate", Input).value = "170"
        await pilot.press("escape")
        await settle(app, pilot)
        assert "without saving" in str(app.screen.query_one("#question").render())
        await pilot.press("enter")  # Keep editing
        await settle(app, pilot)
        assert app.screen is screen and screen.query_one("#tts_rate", Input).value == "170"


async def test_reopening_practice_before_the_draft_is_written_still_offers_it(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_practice(app, pilot)
        store = app.coach.store()
        written, release = threading.Event(), threading.Event()
        save_draft = store.save_draft

        def slow_save_draft(*args, **kwargs):
            release.wait(30)  # the disk is slow today
            save_draft(*args, **kwargs)
            written.set()

        store.save_draft = slow_save_draft
        screen.query_one("#answer-text").insert("Typed, then Esc and straight back")
        await pilot.press("escape")
        await pilot.press("p")  # the draft is not in the database yet
        await pilot.pause()
        for worker in [w for w in app.workers if w.node is app.screen]:
            await worker.wait()  # the screen's own workers (the draft read), not the save
        await pilot.pause()
        assert app.screen.query_one("#answer-text").text == "Typed, then Esc and straight back"
        release.set()
        assert await asyncio.to_thread(written.wait, 30)
        await settle(app, pilot)
