"""Delivery metrics from word timings."""

from __future__ import annotations

from interview_coach.domain.delivery import delivery_metrics


def _timed(text: str, gap_after: dict[int, float] | None = None, word_s: float = 0.4):
    words, t = [], 0.0
    for index, word in enumerate(text.split()):
        words.append((word, t, t + word_s))
        t += word_s + (gap_after or {}).get(index, 0.05)
    return words


def test_pace_fillers_and_pauses():
    words = _timed(
        "so um I did not pass uh Step 1 you know and I changed my plan", gap_after={4: 1.5, 8: 0.5}
    )
    metrics = delivery_metrics(words, duration_s=10.0)
    assert metrics.fillers == {"um": 1, "uh": 1, "you know": 1}
    assert [p["duration"] for p in metrics.long_pauses] == [1.5]
    assert metrics.hesitations == 1
    assert 90 < metrics.wpm < 130


def test_fast_speech_gets_advice_and_json_says_what_is_reliable():
    words = _timed("word " * 100, word_s=0.15)
    data = delivery_metrics(words, duration_s=20).to_json()
    assert data["wpm"] > 160 and any("fast" in tip for tip in data["advice"])
    assert "hesitations" in data["note"]


def test_no_words_is_not_an_error():
    assert delivery_metrics([], 3.0).wpm == 0.0
