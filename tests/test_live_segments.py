"""Live segments: a decoder loop is cut back to what was said, speech is never cut."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy", reason="live transcription needs the voice extra (numpy)")

from interview_coach.speech.live_transcription import collapse_repeats
from interview_coach.speech.transcriber import Word


def words_of(text: str) -> list[Word]:
    return [
        Word(token, index * 0.3, index * 0.3 + 0.25) for index, token in enumerate(text.split())
    ]


def text_of(words: list[Word]) -> str:
    return " ".join(w.word for w in words)


def test_a_sentence_repeated_to_the_token_limit_is_kept_once():
    said = "I scored 252 on Step 2 CK. Reading studies is the same skill, and I have trained it."
    looped = said + " And I have trained it." * 4 + " And I have"
    assert text_of(collapse_repeats(words_of(looped))) == said


def test_a_loop_in_the_middle_keeps_the_words_after_it():
    looped = "I failed Step 1 once. " + "I studied every day. " * 3 + "Then I passed."
    assert text_of(collapse_repeats(words_of(looped))) == (
        "I failed Step 1 once. I studied every day. Then I passed."
    )


@pytest.mark.parametrize(
    "spoken",
    [
        "I- I- I did not pass, you know, you know, the first time.",
        "I studied every day, I studied every day and I passed.",  # said twice: a speaker
        "step by step, question by question, block by block",
        "",
    ],
)
def test_what_a_speaker_might_really_say_is_left_alone(spoken):
    assert text_of(collapse_repeats(words_of(spoken))) == spoken


def test_a_lone_full_stop_from_whisper_joins_the_word_before_it():
    from interview_coach.speech.transcriber import attach_punctuation, join_words

    words = attach_punctuation(words_of("for your country. . And then ,"))
    assert join_words(words) == "for your country. And then,"
    assert len(words) == 5 and words[2].end == pytest.approx(words_of("a b c d")[3].end)
