"""The Textual app driven by Pilot through each flow a user takes."""

from __future__ import annotations

import pytest
from textual.style import Style
from textual.widgets import DataTable, Input, Select
from tui_support import settle, shown

from interview_coach.tui.app import make_app

STRONG = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review and "
    "skipped timed practice. I met a faculty mentor weekly and did forty timed questions a day; "
    "I passed on my second attempt and scored 248 on Step 2 CK. I now use the same discipline "
    "when reading studies with a fixed search pattern, which matters for accuracy on call."
)
WEAK = "Testing was a bump in the road. My school did not prepare us. I studied harder."


async def open_practice(app, pilot):
    await settle(app, pilot)
    await pilot.press("p")
    await settle(app, pilot)
    return app.screen


async def type_answer(app, pilot, text: str) -> None:
    app.screen.query_one("#answer-text").insert(text)
    await pilot.press("ctrl+s")
    await settle(app, pilot)


@pytest.fixture
def app(data_home, profile_file):
    return make_app(profile_file)


async def test_first_run_offers_profile_setup_and_skipping_still_allows_practice(data_home):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ProfileScreen"
        await pilot.press("escape")
        screen = await open_practice(app, pilot)
        assert type(screen).__name__ == "PracticeScreen"
        assert "{" not in str(screen.query_one("#question").render())


async def test_answer_a_question_and_see_the_card_with_evidence(app):
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(app, pilot)
        assert "Step 1" in str(screen.query_one("#question").render())
        await type_answer(app, pilot, STRONG)
        assert type(app.screen).__name__ == "CardScreen"
        card = app.screen.card
        assert str(app.screen.query_one("#overall").render()) == f"Overall {card['overall']}/100"
        answer = app.screen.query_one("#answer").render()
        green = Style.parse("green").foreground
        assert any(span.style.foreground == green for span in answer.spans)
        assert "Acknowledgment" in str(app.screen.query_one("#bar-acknowledgment").render())
        outline = str(app.screen.query_one("#outline").render())
        assert "1. What happened: I did not pass Step 1" in outline


async def test_the_word_count_follows_typing_as_the_card_counts(app):
    """The status line repaints only when its words change (typing in a long answer was
    slow), so check it still follows every word, counted as the card counts them."""
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(app, pilot)

        def status() -> str:
            return str(screen.query_one("#status").render())

        screen.query_one("#answer-text").insert("I did 3,000")
        await settle(app, pilot)
        assert status().startswith("3 words")
        await pilot.press("space", "q", "s")
        await settle(app, pilot)
        assert status().startswith("4 words")
        await pilot.press("backspace", "backspace")
        await settle(app, pilot)
        assert status().startswith("3 words")


async def test_past_the_time_limit_the_status_line_says_to_wrap_up(app, monkeypatch):
    """A new user saw only the timer turn orange at 1:35; the voice meter says it."""
    from interview_coach.tui.widgets import answer_editor

    now = [1000.0]
    monkeypatch.setattr(answer_editor, "clock", lambda: now[0])
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(app, pilot)
        editor = screen.query_one(answer_editor.AnswerEditor)
        now[0] += 65
        editor._tick()
        await settle(app, pilot)
        assert "wrap up" not in str(screen.query_one("#status").render())
        now[0] += 30
        editor._tick()
        await settle(app, pilot)
        assert "1:35 (past 90 s: wrap up)" in str(screen.query_one("#status").render())


async def test_an_answer_over_the_length_limit_is_kept_and_explained_not_an_error(app):
    """A user pasting 21,830 characters got a red "Something went wrong" for a limit
    they could act on."""
    from interview_coach.domain.scoring import MAX_ANSWER_CHARS

    pasted = "I practised timed questions every day. " * (MAX_ANSWER_CHARS // 39 + 10)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(app, pilot)
        await type_answer(app, pilot, pasted)
        assert app.screen is screen
        assert screen.query_one("#answer-text").text == pasted
        notices = list(app._notifications)
        assert notices and notices[-1].title == "Not scored yet"
        assert notices[-1].severity == "warning"
        assert f"{MAX_ANSWER_CHARS:,}" in notices[-1].message


async def test_retry_shows_old_and_new_scores_side_by_side(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await open_practice(app, pilot)
        await type_answer(app, pilot, WEAK)
        first = app.screen.card["overall"]
        await pilot.press("r")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PracticeScreen"
        await type_answer(app, pilot, STRONG)
        assert type(app.screen).__name__ == "RetryScreen"
        overall = str(app.screen.query_one("#card #overall").render())
        assert f"previous attempt {first}" in overall
        # The earlier answer and its card sit beside the new one.
        before = app.screen.query_one("#before #answer").render().plain
        now = app.screen.query_one("#card #answer").render().plain
        assert before == WEAK and now == STRONG
        assert f"Overall {first} → " in str(app.screen.query_one("#change").render())
        assert "(was" in str(app.screen.query_one("#card #bar-corrective_action").render())


async def test_follow_up_is_asked_after_a_weak_answer(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await open_practice(app, pilot)
        await type_answer(app, pilot, WEAK)
        follow_up = app.screen.card["follow_up"]
        assert follow_up
        await pilot.press("f")
        await settle(app, pilot)
        assert str(app.screen.query_one("#question").render()) == follow_up


async def test_a_follow_up_reply_is_judged_with_the_answer_it_follows(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await open_practice(app, pilot)
        await type_answer(app, pilot, WEAK)
        first = app.screen.card
        await pilot.press("f")
        await settle(app, pilot)
        await type_answer(
            app, pilot, "I met a tutor twice a week and did forty timed questions every day."
        )
        card = app.screen.card
        assert card["follows"] == first["follow_up"]
        assert card["gain"] is not None
        assert card["follow_up"] != first["follow_up"]  # never asked twice
        assert "Judged with your first answer" in str(
            app.screen.query_one("#follow-up-gain").render()
        )
        saved = app.coach.store().answers()[-1]
        assert saved.answer_text.startswith(WEAK[:30])  # saved together, as Review shows it


async def test_saved_answer_appears_in_review_and_can_be_deleted(app):
    async with app.run_test(size=(110, 32)) as pilot:
        await open_practice(app, pilot)
        await type_answer(app, pilot, STRONG)
        await pilot.press("escape")  # card -> practice
        await settle(app, pilot)
        await pilot.press("escape")  # practice -> home
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        assert "Exam failure" in str(table.get_row_at(0))
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen" and app.screen.answer == STRONG
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 0


async def test_review_filters_by_topic(app):
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(app, pilot)
        coach = app.coach
        for topic in ("gap", "exam_failure"):
            coach.save(coach.score(STRONG, topic), STRONG)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 2
        app.screen.query_one("#filter", Select).value = "gap"
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 1


async def test_profile_edit_adds_a_red_flag_and_changes_questions(data_home):
    app = make_app(first_run_setup=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        screen = app.screen
        screen.query_one("#name", Input).value = "Ana"
        screen.query_one("#flag-kind", Select).value = "leave_of_absence"
        screen.query_one("#flag-start", Input).value = "2020-07"
        screen.query_one("#flag-end", Input).value = "2021-01"
        await pilot.click("#add-flag")
        await settle(app, pilot)
        assert screen.query_one("#flags", DataTable).row_count == 1
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        saved = (data_home / "profile.toml").read_text()
        assert 'kind = "leave_of_absence"' in saved and 'name = "Ana"' in saved
        assert app.coach.questions(limit=1)[0].topic == "leave_of_absence"
        asked = app.coach.questions(topic="leave_of_absence")
        assert any("July 2020" in q.text and "January 2021" in q.text for q in asked)


async def test_a_whole_answer_pasted_as_the_name_is_refused(data_home):
    """Found by hand: keys meant for Practice landed in Profile, and a 360-character
    answer was saved as the name and greeted on Home."""
    from textual import events

    app = make_app(first_run_setup=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        name = app.screen.query_one("#name", Input)
        name.focus()
        name.post_message(events.Paste("um so i failed step one in june twenty twenty one " * 8))
        await settle(app, pilot)
        assert name.value == ""
        name.post_message(events.Paste("Ana"))
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert 'name = "Ana"' in (data_home / "profile.toml").read_text()


async def test_profile_rejects_a_bad_date_with_a_clear_message(data_home):
    app = make_app(first_run_setup=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        app.screen.query_one("#flag-kind", Select).value = "exam_failure"
        app.screen.query_one("#flag-date", Input).value = "June 2021"
        await pilot.click("#add-flag")
        await settle(app, pilot)
        assert app.screen.query_one("#flags", DataTable).row_count == 0
        assert any("2021-06" in str(n.message) for n in app._notifications)


async def test_mock_interview_runs_questions_then_shows_a_summary(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        from interview_coach.tui.screens.mock_screen import MockScreen

        await app.push_screen(MockScreen(count=2))
        await settle(app, pilot)
        screen = app.screen
        assert "Question 1 of 2" in str(screen.query_one("#progress").render())
        answered = 0
        while type(app.screen).__name__ == "MockScreen" and answered < 6:
            await type_answer(app, pilot, STRONG if answered % 2 else WEAK)
            answered += 1
        assert type(app.screen).__name__ == "MockSummaryScreen"
        results = app.screen.results
        assert sum(1 for r in results if not r.is_follow_up) == len(screen.questions)
        assert sum(1 for r in results if r.is_follow_up) <= len(screen.questions)
        assert app.screen.query_one(DataTable).row_count == len(results)


async def test_help_lists_the_keys_of_the_current_screen(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await open_practice(app, pilot)
        await pilot.press("escape")  # leave the editor focus isn't needed: back home
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        text = str(app.screen.query_one("#help-text").render())
        assert "Mock" in text and "Review" in text and "Settings" in text


async def test_unsaved_draft_is_offered_back_next_time(app, data_home, profile_file):
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(app, pilot)
        screen.query_one("#answer-text").insert("Half of my answer about Step 1")
        screen.autosave()
        await settle(app, pilot)
    again = make_app(profile_file)
    async with again.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(again, pilot)
        assert screen.query_one("#answer-text").text == "Half of my answer about Step 1"


async def test_a_scored_answer_is_not_offered_back_as_a_draft(app, data_home, profile_file):
    """Found by hand: quit while the card was showing, and Practice next time said
    "Restored your unsaved answer" with the answer already scored (the autosave ran
    under the card and wrote the editor's text back)."""
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(app, pilot)
        screen.query_one("#answer-text").insert(STRONG)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        screen.autosave()  # its two-second timer, while the card is on top
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    again = make_app(profile_file)
    async with again.run_test(size=(100, 32)) as pilot:
        screen = await open_practice(again, pilot)
        assert screen.query_one("#answer-text").text == ""


async def test_progress_screen_charts_history_and_plans_practice(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        coach = app.coach
        for text in (WEAK, STRONG):
            coach.save(coach.score(text, "exam_failure"), text)
        await pilot.press("g")
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "ProgressScreen"
        assert "Exam failure  2 answers" in shown(screen.query_one("#charts"))
        assert "Gap in training  due now" in shown(screen.query_one("#plan"))
        await pilot.press("p")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PracticeScreen"
        assert app.screen.topic != "exam_failure"  # never-practised topics are due first


async def test_the_mock_command_opens_the_app_in_a_mock_interview(data_home, profile_file):
    app = make_app(profile_file, mock_questions=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MockScreen"
        assert "Question 1 of 2" in str(app.screen.query_one("#progress").render())
