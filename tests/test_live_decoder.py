"""The live decoder on CTranslate2's public API: real speech, the words and their times
right, silence gives nothing, and whole files keep faster-whisper's own decoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from voice_support import require_model, word_error_rate

pytestmark = pytest.mark.voice
JFK = Path(__file__).parent / "data" / "jfk.flac"


@pytest.fixture(scope="module")
def transcriber():
    require_model()
    from interview_coach.speech.transcriber import WhisperTranscriber

    model = WhisperTranscriber()
    model.load(warm_up=False)
    return model


@pytest.fixture(scope="module")
def jfk():
    from interview_coach.speech.audio_files import read_audio

    return read_audio(JFK)


def test_a_spoken_segment_is_heard_with_word_times_inside_it(transcriber, jfk):
    """Kennedy's first 4.6 s, as a live segment starting 30 s into an answer."""
    segment = jfk[: int(4.6 * 16000)]
    words = transcriber.transcribe_segment(segment, offset=30.0)
    said = " ".join(w.word for w in words)
    assert word_error_rate("And so my fellow Americans ask not", said) <= 0.15, said
    assert all(30.0 <= w.start <= w.end <= 30.0 + 4.6 + 0.05 for w in words), words
    assert [w.start for w in words] == sorted(w.start for w in words)
    # "Americans" ends before the long pause, "ask" after it (jfk.flac: about 2.3 s, 3.9 s).
    americans = next(w for w in words if w.word.lower().startswith("americans"))
    assert americans.end < 30.0 + 3.0


def test_the_context_of_earlier_segments_is_used_as_a_prompt(transcriber, jfk):
    from interview_coach.speech.live_decoder import MAX_LENGTH

    decoder = transcriber._segments
    prompt = decoder.prompt("word " * 1000)
    assert len(prompt) < MAX_LENGTH // 2 + 8  # a long context keeps only its last words
    assert prompt[-1] == decoder.tokenizer.no_timestamps
    assert decoder.prompt("") == [*decoder.tokenizer.sot_sequence, decoder.tokenizer.no_timestamps]


def test_silence_gives_no_words(transcriber):
    import numpy as np

    assert transcriber.transcribe_segment(np.zeros(3 * 16000, dtype=np.float32)) == []
    assert transcriber.transcribe_segment(np.zeros(0, dtype=np.float32)) == []


def test_a_segment_longer_than_the_live_window_is_not_cut_short(transcriber, jfk):
    import numpy as np

    long = np.concatenate([jfk, jfk])  # 22 s: past the live window, through whole-file decoding
    words = transcriber.transcribe_segment(long, offset=5.0)
    assert sum(w.word.lower().startswith("country") for w in words) >= 3  # twice per sentence
    assert words[-1].end > 5.0 + 20.0
