"""The saved transcript of a spoken answer comes from one pass over the whole answer:
as accurate as transcribing the file, while the card still comes from the live
segments within a second of the end of speech."""

from __future__ import annotations

from pathlib import Path

import pytest
from voice_support import require_model, speak_to_wav, word_error_rate

pytestmark = pytest.mark.voice

JFK = Path(__file__).parent / "data" / "jfk.flac"
JFK_SAID = (
    "And so, my fellow Americans, ask not what your country can do for you, "
    "ask what you can do for your country."
)
ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. Looking back, I relied on "
    "passive review and skipped timed practice. I met a faculty mentor every week, did forty "
    "timed questions a day, and took a practice exam every two weeks. I passed on my second "
    "attempt and scored well on Step 2."
)


@pytest.fixture(scope="module")
def transcriber():
    require_model()
    from interview_coach.speech.transcriber import WhisperTranscriber

    model = WhisperTranscriber()
    model.load()
    return model


@pytest.mark.parametrize("voice", ["jfk", "espeak"])
def test_the_refined_transcript_is_as_good_as_one_pass_over_the_file(transcriber, tmp_path, voice):
    from interview_coach.speech.audio_files import read_audio
    from interview_coach.speech.recorder import WavFileSource
    from interview_coach.speech.voice_answer import capture_answer, refine

    if voice == "jfk":
        audio_file, said = JFK, JFK_SAID
    else:
        audio_file, said = speak_to_wav(ANSWER, tmp_path / "answer.wav"), ANSWER
    live = capture_answer(WavFileSource(audio_file), transcriber, tmp_path / "take.wav")
    assert live.transcript == "live" and live.delivery["transcript"] == "live"
    refined = refine(live, transcriber)
    whole_file = transcriber.transcribe_audio(read_audio(audio_file)).text
    assert refined.transcript == "refined" and refined.delivery["transcript"] == "refined"
    assert refined.audio is None and not (tmp_path / "take.wav").exists()
    assert word_error_rate(said, refined.text) <= 1.1 * word_error_rate(said, whole_file) + 0.01, (
        refined.text,
        whole_file,
    )
    assert refined.delivery["words"] >= 0.9 * len(said.split())
    assert refined.duration_s == live.duration_s
    assert refine(refined, transcriber) is refined  # once is enough


def test_replacing_a_saved_answer_changes_text_card_and_dimension_history(data_home):
    from interview_coach.coach import Coach

    coach = Coach.load(use_saved_profile=False)
    live_text = "Step 1 didn't go well. I studied harder."
    refined_text = ANSWER
    question = coach.questions("exam_failure", limit=1)[0]
    live = coach.score_and_save(
        live_text, question, question.text, kind="practice", delivery={"transcript": "live"}
    )
    better = {"transcript": "refined", "wpm": 140.0}
    refined = coach.refine_saved(live, refined_text, better)
    [saved] = coach.store().answers()
    assert refined.reply == refined_text and refined.answer_id == live.answer_id
    assert saved.answer_text == refined_text
    assert saved.overall == refined.card.overall > live.card.overall
    assert saved.card["dimensions"] == refined.card.to_json()["dimensions"]
    assert saved.delivery == better
    history = [row for row in coach.store().dimension_history()]
    assert len(history) == 4  # the live scores were replaced, not added to
    coach.store().delete_answer(live.answer_id)
    assert coach.refine_saved(live, refined_text, better) is None  # deleted meanwhile


def test_the_whole_answer_pass_stops_at_the_end_of_speech(transcriber, tmp_path, caplog):
    """The half second of silence kept after the last word is not decoded as a
    window of its own: there Whisper loops to its token limit and retries at
    higher temperatures (five times the work of the words, 60 MB more memory)."""
    import logging

    from interview_coach.speech.recorder import WavFileSource
    from interview_coach.speech.voice_answer import capture_answer, refine

    wav = speak_to_wav(ANSWER, tmp_path / "answer.wav")
    live = capture_answer(WavFileSource(wav), transcriber, tmp_path / "take.wav")
    assert live.speech_ends_s is not None and live.speech_ends_s < live.audio.size / 16000
    with caplog.at_level(logging.DEBUG, logger="faster_whisper"):
        refined = refine(live, transcriber)
    windows = [r for r in caplog.records if r.getMessage().startswith("Processing segment at")]
    assert len(windows) == 1, [r.getMessage() for r in caplog.records]
    assert refined.text.rstrip(".").lower().endswith(("step 2", "step two")), refined.text
