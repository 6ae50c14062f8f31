"""The card teaches: every marked phrase can be picked, by key or by mouse, and says why.

And a retry shows the earlier answer and card beside the new ones, side by side
when the terminal is wide and one above the other at 80x24.
"""

from __future__ import annotations

import pytest
from textual.widgets import OptionList
from tui_support import settle

from interview_coach.tui.app import make_app
from interview_coach.tui.widgets.evidence_view import AnswerText

STRONG = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review and "
    "skipped timed practice. I met a faculty mentor weekly and did forty timed questions a day; "
    "I passed on my second attempt and scored 248 on Step 2 CK. I now use the same discipline "
    "when reading studies with a fixed search pattern, which matters for accuracy on call."
)
WEAK = "Testing was a bump in the road. My school did not prepare us. I studied harder."


@pytest.fixture
def app(data_home, profile_file):
    return make_app(profile_file)


async def answer(app, pilot, text: str) -> None:
    await settle(app, pilot)
    if type(app.screen).__name__ != "PracticeScreen":
        await pilot.press("p")
        await settle(app, pilot)
    app.screen.query_one("#answer-text").insert(text)
    await pilot.press("ctrl+s")
    await settle(app, pilot)


def text_selected(screen) -> int | None:
    return screen.query_one("#card #answer", AnswerText).selected


def why(screen) -> str:
    return str(screen.query_one("#card #why").render())


async def test_keys_walk_the_evidence_and_show_each_reason(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await answer(app, pilot, WEAK)
        screen = app.screen
        listing = screen.query_one("#card #evidence-list", OptionList)
        quotes = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(quotes) == len(set(quotes)) >= 2  # each phrase once
        first = why(screen)
        assert "points:" in first and any(
            d in first for d in ("Acknowledgment", "Non-defensiveness", "Corrective action")
        )
        await pilot.press("tab")
        assert listing.has_focus
        await pilot.press("down")
        await pilot.pause()
        assert screen.query_one("#card #answer", AnswerText).selected == 1
        second = why(screen)
        assert second != first and "points:" in second
        await pilot.press("up")
        await pilot.pause()
        assert why(screen) == first
        await pilot.press("end")
        await pilot.pause()
        assert text_selected(screen) == listing.option_count - 1


async def test_clicking_a_marked_phrase_shows_its_reason(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await answer(app, pilot, WEAK)
        screen = app.screen
        text = screen.query_one("#card #answer", AnswerText)
        blame = next(i for i, q in enumerate(text.quotes) if q.text.startswith("My school"))
        # Border and padding put the first character at (2, 1); the answer fits one line.
        await pilot.click(text, offset=(2 + text.quotes[blame].start + 3, 1))
        await pilot.pause()
        assert text.selected == blame
        assert "blam" in why(screen)
        assert screen.query_one("#card #evidence-list", OptionList).highlighted == blame


async def test_the_card_from_review_teaches_too(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await answer(app, pilot, WEAK)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert "points:" in why(app.screen)


@pytest.mark.parametrize(("size", "stacked"), [((80, 24), True), ((120, 40), False)])
async def test_retry_puts_the_earlier_answer_beside_the_new(app, size, stacked):
    async with app.run_test(size=size) as pilot:
        await answer(app, pilot, WEAK)
        first = app.screen.card["overall"]
        await pilot.press("r")
        await settle(app, pilot)
        await answer(app, pilot, STRONG)
        screen = app.screen
        assert type(screen).__name__ == "RetryScreen"
        assert screen.query_one("#pair").has_class("stacked") is stacked
        before, now = screen.query_one("#before-side"), screen.query_one("#after-side")
        if stacked:
            assert before.region.bottom <= now.region.y and before.region.x == now.region.x
        else:
            assert before.region.right <= now.region.x and before.region.y == now.region.y
        assert screen.query_one("#before #answer", AnswerText).answer == WEAK
        assert screen.query_one("#card #answer", AnswerText).answer == STRONG
        assert f"Before: {first}/100" in str(screen.query_one("#before-side .side-title").render())
        await pilot.press("n")  # the card's keys work here too
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PracticeScreen"
        assert app.screen.query_one("#answer-text").text == ""


async def test_the_card_from_the_mock_summary_teaches_too(app):
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        from interview_coach.tui.screens.mock_screen import MockScreen

        await app.push_screen(MockScreen(count=1))
        await settle(app, pilot)
        while type(app.screen).__name__ == "MockScreen":
            app.screen.query_one("#answer-text").insert(WEAK)
            await pilot.press("ctrl+s")
            await settle(app, pilot)
        assert type(app.screen).__name__ == "MockSummaryScreen"
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert "points:" in why(app.screen)
        await pilot.press("tab", "down")
        await pilot.pause()
        assert text_selected(app.screen) == 1


async def test_a_retry_closed_before_it_is_shown_does_not_stop_the_app(app):
    """Seed 1000 of the random-key test: the retry screen was dismissed in the same
    moment it was pushed, and focusing its card on mount stopped the app."""
    from interview_coach.tui.screens.retry_screen import RetryScreen

    async with app.run_test() as pilot:
        await settle(app, pilot)
        before, after = (app.coach.score(text, "exam_failure").to_json() for text in (WEAK, STRONG))
        screen = RetryScreen(after, STRONG, before, WEAK)
        app.push_screen(screen)
        screen.dismiss(None)
        await settle(app, pilot)
        assert app.is_running and app._exception is None
        retry = RetryScreen(after, STRONG, before, WEAK)
        await app.push_screen(retry)
        await settle(app, pilot)
        assert (
            retry.focused is not None
            and retry.query_one("#card") in retry.focused.ancestors_with_self
        )
    assert app.return_code in (0, None)
