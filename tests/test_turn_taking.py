"""When a spoken answer ends: the silence that closes the turn follows the words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from voice_support import require_model

from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.turn_taking import (
    default_turn_taking,
    end_of_turn_silence,
    load_turn_taking,
)

SETTING = 2.5
COMPLETE = (
    "I did not pass Step 1 on my first attempt in June 2021. I changed how I studied, "
    "met a tutor every week, and passed on my second attempt."
)


def test_a_complete_answer_ends_after_about_a_second():
    assert end_of_turn_silence(COMPLETE, SETTING) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "ending",
    [
        " Since then I have worked with a tutor and",
        " The reason was that I,",
        " Since then I um",
        " So",
        " After that I met with...",
        " I kept a log of every question because",
    ],
)
def test_mid_sentence_or_after_a_filler_waits_for_the_full_setting(ending):
    assert end_of_turn_silence(COMPLETE + ending, SETTING) == SETTING


def test_a_short_or_unpunctuated_answer_waits_longer_than_a_complete_one():
    assert end_of_turn_silence("I passed.", SETTING) > end_of_turn_silence(COMPLETE, SETTING)
    assert end_of_turn_silence(COMPLETE[:-1], SETTING) > end_of_turn_silence(COMPLETE, SETTING)


def test_a_complete_sentence_that_does_not_close_the_answer_waits_longer():
    """Whisper heard "every week and" + pause as "every weekend.": no result, no tie-back."""
    opening = (
        "I did not pass Step 1 on my first attempt in June 2021, and after that I met "
        "a tutor every weekend."
    )
    assert end_of_turn_silence(opening, SETTING) > end_of_turn_silence(COMPLETE, SETTING)


def test_nothing_transcribed_uses_the_setting():
    assert end_of_turn_silence("", 3.0) == 3.0
    assert end_of_turn_silence("   ", 3.0) == 3.0


def test_the_setting_caps_every_wait():
    for text in ("", COMPLETE, COMPLETE + " and", "I passed."):
        assert end_of_turn_silence(text, 0.6) <= 0.6


def test_every_example_in_the_data_file_reads_as_it_says():
    rules = default_turn_taking()
    assert rules.examples, "turn_taking.toml should carry examples"
    for text, ends in rules.examples:
        assert rules.ending(text) == ends, text


def test_a_broken_turn_taking_file_names_the_problem(tmp_path: Path):
    path = tmp_path / "turn_taking.toml"
    path.write_text(
        "complete_s = 3.0\nunclear_s = 2.0\nmin_answer_words = 5\nfillers = ['um']\n"
        "open_words = ['and']\nclosing_words = ['passed']\nopen_endings = [',']\n"
        "closing_endings = ['.']\n"
    )
    with pytest.raises(DataFileError, match="complete_s"):
        load_turn_taking(path)
    path.write_text("complete_s = 1.0\nspeed = 2\n")
    with pytest.raises(DataFileError, match="unknown key 'speed'"):
        load_turn_taking(path)


@pytest.mark.voice
def test_a_pause_mid_sentence_longer_than_a_second_does_not_end_the_answer(tmp_path: Path):
    """Spoken through the app's recording function, fed at real time: "... because",
    then 1.6 s of thinking, then the rest of the answer, which must be in the recording."""
    require_model()
    from voice_support import speak_to_wav

    from interview_coach.speech.audio_files import SAMPLE_RATE, read_audio, write_wav
    from interview_coach.speech.recorder import WavFileSource
    from interview_coach.speech.transcriber import WhisperTranscriber
    from interview_coach.speech.voice_answer import capture_answer

    first = speak_to_wav(
        "I did not pass Step 1 on my first attempt in June 2021. I changed how I "
        "studied after that because",
        tmp_path / "first.wav",
    )
    rest = speak_to_wav(
        "I relied on reading, and I passed on my second attempt.", tmp_path / "rest.wav"
    )

    def trimmed(path: Path) -> np.ndarray:
        audio = read_audio(path)
        voiced = np.flatnonzero(np.abs(audio) > 0.01)
        return audio[voiced[0] : voiced[-1] + 1]

    pause = np.zeros(int(1.6 * SAMPLE_RATE), dtype=np.float32)
    answer = tmp_path / "answer.wav"
    write_wav(answer, np.concatenate([trimmed(first), pause, trimmed(rest)]))
    transcriber = WhisperTranscriber()
    transcriber.load()
    result = capture_answer(
        WavFileSource(answer, realtime=True, tail_silence_s=3.5),
        transcriber,
        tmp_path / "take.wav",
        silence_stop_s=SETTING,
    )
    assert result.stopped_by == "silence"
    assert "second attempt" in result.text.lower()
    # The saved delivery carries how the voice sounded, measured on these samples.
    assert result.delivery["voice"]["loudness_dbfs"] is not None
    assert result.delivery["voice"]["sentences"] >= 1
