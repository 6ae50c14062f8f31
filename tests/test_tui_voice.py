"""Voice mode in the practice screen, with a WAV file in place of the microphone
(the one part that cannot run here) and the real VAD, Whisper model and scorer."""

from __future__ import annotations

import pytest
from tui_support import settle, speak_a_practice_answer
from voice_support import require_model, speak_to_wav, word_error_rate

from interview_coach.tui.app import make_app

pytestmark = pytest.mark.voice

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "I met a faculty mentor every week and did forty timed questions a day, and I passed on "
    "my second attempt. I now use a fixed search pattern when reading studies on call."
)


def voice_app(profile_file, wav):
    """The app with real voice, a WAV file standing in for the microphone, and no TTS."""
    from interview_coach.settings import Settings
    from interview_coach.speech.recorder import WavFileSource

    app = make_app(profile_file, voice=True)
    app.audio_source_factory = lambda: WavFileSource(wav)
    app.settings = Settings(speak_questions=False)
    return app


async def test_spoken_answer_is_transcribed_scored_and_saved_with_delivery(
    data_home, profile_file, tmp_path
):
    require_model()
    app = voice_app(profile_file, speak_to_wav(ANSWER, tmp_path / "answer.wav"))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        assert app.transcriber is not None, app.voice_problem
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.query_one("#voice").display
        await pilot.press("space")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert app.screen.delivery["wpm"] > 100
        assert "words/min" in str(app.screen.query_one("#delivery").render())
        assert app.screen.card["overall"] >= 60
        await settle(app, pilot)  # the whole-answer pass starts once the card is shown
        [saved] = app.coach.store().answers()
        # The card came from the live segments; the saved answer was then transcribed
        # again in one pass over the whole answer, re-scored, and the user told.
        assert any(n.title == "Transcript refined" for n in app._notifications)
        # ...and the card still on screen was redrawn from it, marked as refined.
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert app.screen.answer == saved.answer_text
        assert app.screen.card["overall"] == saved.overall
        assert "Transcript: refined" in str(app.screen.query_one("#delivery").render())
        assert any("the card now shows it" in str(n.message) for n in app._notifications)
        practice = app.screen_stack[-2]
        assert practice.previous_text == saved.answer_text  # a retry is compared with it
        await pilot.press("r")  # the keys still work on the redrawn card
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PracticeScreen"
    assert saved.source == "voice" and saved.delivery["duration_s"] > 10
    assert saved.delivery["transcript"] == "refined"
    assert word_error_rate(ANSWER, saved.answer_text) <= 0.10, saved.answer_text
    assert (
        saved.overall == app.coach.score(saved.answer_text, saved.topic, saved.question_id).overall
    )
    assert not list((data_home / "recordings").glob("*.wav")), "audio kept after transcription"


async def test_voice_mode_without_a_microphone_says_why_and_typing_still_works(
    data_home, profile_file
):
    app = make_app(profile_file, voice=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not app.screen.query_one("#voice").display
        assert any("Voice is off" in str(n.message) for n in app._notifications)
        app.screen.query_one("#answer-text").insert("I failed Step 1 in 2021 and passed later.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"


async def test_mock_interview_in_voice_mode(data_home, profile_file, tmp_path):
    require_model()
    from interview_coach.tui.screens.mock_screen import MockScreen

    app = voice_app(profile_file, speak_to_wav(ANSWER, tmp_path / "answer.wav"))
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await app.push_screen(MockScreen(count=1))
        await settle(app, pilot)
        await pilot.press("ctrl+r")  # the only key: from here the interview runs itself
        for _ in range(100):
            if type(app.screen).__name__ != "MockScreen":
                break
            await settle(app, pilot)
        await settle(app, pilot)  # the summary's whole-answer passes
        assert type(app.screen).__name__ == "MockSummaryScreen"
        assert all(r.delivery["wpm"] > 100 for r in app.screen.results)
        assert {a.source for a in app.coach.store().answers()} == {"voice"}
        # Each spoken answer was transcribed again in one pass once the interview ended.
        assert {a.delivery["transcript"] for a in app.coach.store().answers()} == {"refined"}


async def test_recording_left_by_a_crash_is_offered_transcribed_and_scored(
    data_home, profile_file, tmp_path
):
    require_model()
    import json

    folder = data_home / "recordings"
    folder.mkdir(parents=True)
    audio = speak_to_wav(ANSWER, folder / "answer-20260101-120000.wav")
    context = {
        "topic": "exam_failure",
        "question_id": "exam_failure.tell_me",
        "prompt": "Tell me about Step 1.",
    }
    audio.with_suffix(".json").write_text(json.dumps(context))
    app = make_app(profile_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        assert type(app.screen).__name__ == "RecoverModal"
        assert "Tell me about Step 1." in str(app.screen.query_one("#question").render())
        await pilot.press("t")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert app.screen.card["topic"] == "exam_failure" and app.screen.card["overall"] >= 60
        [saved] = app.coach.store().answers()
        assert saved.source == "voice" and saved.question_text == "Tell me about Step 1."
    assert not list(folder.iterdir())


async def test_a_microphone_problem_is_told_and_the_answer_still_scored(
    data_home, profile_file, tmp_path
):
    """The recorder's one-sentence report (here from a source that stalled) reaches
    the user as a notification; what was recorded is still transcribed and scored."""
    require_model()
    from interview_coach.speech.recorder import WavFileSource

    stalled = (
        "The microphone stopped sending sound after 14.0 s; what was recorded until then is kept."
    )

    class StalledSource(WavFileSource):
        def problem(self) -> str | None:
            return stalled

    wav = speak_to_wav(ANSWER, tmp_path / "answer.wav")
    app = voice_app(profile_file, wav)
    app.audio_source_factory = lambda: StalledSource(wav)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app, pilot)
        await speak_a_practice_answer(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert any(str(n.message) == stalled for n in app._notifications)
        assert app.screen.card["overall"] >= 60


@pytest.mark.parametrize(
    "keys", [("escape", "y"), ("p",), ("r",), ("n",), ("ctrl+r",), ("ctrl+q",)]
)
async def test_leaving_a_hands_free_answer_by_any_key_leaves_no_recording(
    data_home, profile_file, tmp_path, keys
):
    """Mid-answer, every key that stops or leaves the turn stops the capture cleanly:
    no crash, and no audio left for the next start to offer as a crash recovery."""
    require_model()
    import asyncio

    from interview_coach.speech.recorder import WavFileSource
    from interview_coach.speech.recovery import find_leftovers
    from interview_coach.tui.screens.mock_screen import MockScreen

    wav = speak_to_wav(ANSWER, tmp_path / "answer.wav")
    app = voice_app(profile_file, wav)
    app.audio_source_factory = lambda: WavFileSource(wav, realtime=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.push_screen(MockScreen(count=2))
        await pilot.pause()
        await pilot.press("ctrl+r")
        panel = app.screen.query_one("#voice")
        for _ in range(50):  # until the answer is being recorded
            await asyncio.sleep(0.1)
            if list((data_home / "recordings").glob("answer-*.json")):
                break
        assert panel.recording
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if "ctrl+q" not in keys:
            await settle(app, pilot)
            assert app.return_code in (None, 0)
    for _ in range(50):  # the capture thread notices within a block, then tidies up
        if not find_leftovers(data_home / "recordings"):
            break
        await asyncio.sleep(0.1)
    assert not find_leftovers(data_home / "recordings")
    assert app.return_code in (None, 0)
