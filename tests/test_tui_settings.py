"""The settings screen writes settings.toml, refuses what the file loader refuses,
and its choices reach voice mode (recording kept, model reloaded)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Switch
from tui_support import settle, speak_a_practice_answer
from voice_support import require_model, speak_to_wav

from interview_coach.settings import load_settings
from interview_coach.tui.app import make_app


async def open_settings(app, pilot):
    await settle(app, pilot)
    await pilot.press("s")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "SettingsScreen"
    return app.screen


async def test_saved_settings_are_written_used_and_shown_again(data_home, profile_file):
    app = make_app(profile_file)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#tts_rate", Input).value = "170"
        screen.query_one("#silence_stop_s", Input).value = "3.5"
        screen.query_one("#keep_audio", Switch).value = True
        screen.query_one("#speak_questions", Switch).value = False
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.settings.tts_rate == 170 and app.settings.silence_stop_s == 3.5
        assert app.settings.keep_audio and not app.settings.speak_questions
        screen = await open_settings(app, pilot)
        assert screen.query_one("#tts_rate", Input).value == "170"
        assert screen.query_one("#keep_audio", Switch).value is True
    on_disk = load_settings(data_home / "settings.toml")
    assert on_disk == app.settings
    assert (data_home / "settings.toml").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("silence_stop_s", "0.1", "between 0.5 and 10.0"),
        ("tts_rate", "1000", "between 80 and 400"),
        ("silence_stop_s", "", "seconds of silence"),
    ],
)
async def test_out_of_range_values_are_refused_and_nothing_is_written(
    data_home, profile_file, field, value, message
):
    app = make_app(profile_file)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "SettingsScreen"
        assert any(message in str(n.message) for n in app._notifications)
        assert app.settings.silence_stop_s == 2.5
    assert not (data_home / "settings.toml").exists()


@pytest.mark.voice
async def test_keep_recordings_and_model_choice_reach_voice_mode(data_home, profile_file, tmp_path):
    require_model()
    from interview_coach.speech.recorder import WavFileSource

    wav = speak_to_wav(
        "I did not pass Step 1 on my first attempt. I changed how I studied and passed.",
        tmp_path / "answer.wav",
    )
    app = make_app(profile_file, voice=True)
    app.audio_source_factory = lambda: WavFileSource(wav)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        assert app.transcriber is not None, app.voice_problem
        screen.query_one("#keep_audio", Switch).value = True
        screen.query_one("#speak_questions", Switch).value = False
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await speak_a_practice_answer(app, pilot)
        assert type(app.screen).__name__ == "CardScreen"
        assert list((data_home / "recordings").glob("*.wav")), "recording was not kept"

        await pilot.press("escape")
        await settle(app, pilot)
        while type(app.screen).__name__ != "HomeScreen":
            await pilot.press("escape")
            await settle(app, pilot)
        screen = await open_settings(app, pilot)
        screen.query_one("#model", Input).value = str(tmp_path / "no-such-model")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.transcriber is None
        assert "not on this computer" in app.voice_problem


async def test_the_mock_settings_are_saved_and_the_silence_shown_is_the_setting(
    data_home, profile_file
):
    app = make_app(profile_file)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#silence_stop_s", Input).value = "1.5"
        screen.query_one("#follow_ups_per_question", Input).value = "2"
        screen.query_one("#barge_in", Switch).value = False
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        saved = load_settings(data_home / "settings.toml")
        assert saved.follow_ups_per_question == 2 and not saved.barge_in
        await pilot.press("p")
        await settle(app, pilot)
        # The voice prompt names the pause that ends an answer: the setting, not 2.5 s.
        assert "1.5 s" in str(app.screen.query_one("#voice-state").render())
