"""The mock summary: a misheard transcript corrected there is re-scored and saved."""

from __future__ import annotations

from tui_support import settle

from interview_coach.tui.app import make_app

MISHEARD = "I did not pass step won. I worked with a tuna."
CORRECTED = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "I met a faculty mentor weekly and did forty timed questions a day; I passed on my "
    "second attempt. I now use a fixed search pattern when reading studies on call."
)


async def test_a_corrected_transcript_is_rescored_and_saved(data_home, profile_file):
    from textual.widgets import DataTable, TextArea

    from interview_coach.tui.screens.mock_summary_screen import MockSummaryScreen

    app = make_app(profile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        question = app.coach.questions(topic="exam_failure")[0]
        delivery = {"wpm": 150.0, "duration_s": 5.0, "filler_total": 1, "long_pauses": []}
        saved = app.coach.score_and_save(
            MISHEARD, question, question.text, kind="mock", delivery=delivery
        )
        await app.push_screen(MockSummaryScreen([saved], 60))
        await settle(app, pilot)
        assert "tuna" in str(app.screen.query_one("#transcript").render())
        await pilot.press("e")
        await settle(app, pilot)
        app.screen.query_one(TextArea).load_text(CORRECTED)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        summary = app.screen
        assert type(summary).__name__ == "MockSummaryScreen"
        [row] = summary.results
        assert row.reply == CORRECTED and row.card.overall > saved.card.overall
        cells = summary.query_one(DataTable).get_row_at(0)
        assert str(row.card.overall) in [str(c) for c in cells]
        assert "faculty mentor" in str(summary.query_one("#transcript").render())
        [stored] = app.coach.store().answers()
    assert stored.answer_text == CORRECTED and stored.overall == row.card.overall
    assert stored.source == "voice"


async def test_correcting_a_first_answer_rejudges_the_follow_up_that_followed_it(
    data_home, profile_file
):
    """A follow-up reply is judged together with the answer it follows: when that
    answer's transcript is corrected, the reply's combined card changes with it."""
    from textual.widgets import TextArea

    from interview_coach.tui.screens.mock_summary_screen import MockSummaryScreen

    app = make_app(profile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        coach = app.coach
        question = coach.questions(topic="exam_failure")[0]
        delivery = {"wpm": 150.0, "duration_s": 5.0, "filler_total": 0, "long_pauses": []}
        first = coach.score_and_save(
            MISHEARD, question, question.text, kind="mock", delivery=delivery
        )
        reply = "I did forty timed questions a day and took a practice exam every two weeks."
        follow_up = coach.score_and_save(
            reply,
            question,
            first.card.follow_up or "What did you change?",
            kind="mock",
            session_id=first.session_id,
            followed=first,
            delivery=delivery,
        )
        await app.push_screen(MockSummaryScreen([first, follow_up], 60))
        await settle(app, pilot)
        await pilot.press("e")  # the cursor is on the first answer
        await settle(app, pilot)
        app.screen.query_one(TextArea).load_text(CORRECTED)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        summary = app.screen
        corrected_first, rejudged = summary.results
        assert corrected_first.reply == CORRECTED
        assert rejudged.reply == reply and rejudged.followed.reply == CORRECTED
        assert "faculty mentor" in rejudged.text  # judged with the corrected answer
        assert rejudged.card.overall != follow_up.card.overall
        stored = {a.id: a for a in coach.store().answers()}
    assert stored[follow_up.answer_id].overall == rejudged.card.overall
    assert any("its follow-up" in str(n.message) for n in app._notifications)


async def open_summary(app, pilot, text: str = MISHEARD):
    """One saved spoken mock answer, shown in the summary."""
    from interview_coach.tui.screens.mock_summary_screen import MockSummaryScreen

    await settle(app, pilot)
    question = app.coach.questions(topic="exam_failure")[0]
    delivery = {"wpm": 150.0, "duration_s": 5.0, "filler_total": 0, "long_pauses": []}
    saved = app.coach.score_and_save(text, question, question.text, kind="mock", delivery=delivery)
    await app.push_screen(MockSummaryScreen([saved], 60))
    await settle(app, pilot)
    return app.screen


async def test_enter_twice_quickly_on_a_row_opens_the_card_once(data_home, profile_file):
    from tui_support import press_twice_at_once

    app = make_app(profile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await open_summary(app, pilot)
        await press_twice_at_once(app, pilot, "enter")
        assert type(app.screen).__name__ == "CardScreen"
        await pilot.press("escape")  # one Esc is back at the summary
        await settle(app, pilot)
        assert app.screen is summary
        await press_twice_at_once(app, pilot, "e")
        assert type(app.screen).__name__ == "TranscriptModal"
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is summary


async def test_help_on_a_card_from_the_summary_lists_only_the_keys_that_work(
    data_home, profile_file
):
    """The card opened here has no Retry, Next or Follow-up (the footer shows only
    Back); help listed all three."""
    from interview_coach.tui.screens.card_screen import CardScreen

    def listed() -> set[str]:
        text = str(app.screen.query_one("#help-text").render())
        return set(text.split("Everywhere:")[0].split())

    app = make_app(profile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await open_summary(app, pilot)
        await pilot.press("enter", "question_mark")
        await settle(app, pilot)
        assert "Back" in listed() and not {"Retry", "Next", "Follow-up"} & listed()
        await pilot.press("escape", "r", "n", "f")  # still dead: the card stays
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        # The same card after a practice answer: all four keys work, and are listed.
        result = summary.results[0]
        await app.push_screen(CardScreen(result.card.to_json(), result.text))
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert {"Retry", "Next", "Follow-up", "Back"} <= listed()


async def test_e_puts_the_cursor_after_the_transcript_and_a_space(data_home, profile_file):
    """Typed at once, an added sentence ends the transcript as its own sentence; it
    went before the first word, and after End it was joined ("first.It was")."""
    app = make_app(profile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await open_summary(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        await pilot.press(*"It was not documented")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert summary.results[0].reply == MISHEARD + " It was not documented"
        [stored] = app.coach.store().answers()
    assert stored.answer_text == MISHEARD + " It was not documented"
