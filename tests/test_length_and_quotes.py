"""One length target everywhere, and quotes cut at a word with an ellipsis."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_coach.coach import Coach
from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.delivery import delivery_metrics
from interview_coach.domain.length import length_target, load_length_target
from interview_coach.domain.quotes import shorten

SHORT = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive reading. "
    "I rebuilt my plan around daily question blocks and passed with a 232."
)
# About 100 words: long enough typed, but spoken in 42 seconds it is short.
FULL = (
    "I did not pass Step 1 on my first attempt in June 2021. The cause was mine: I relied "
    "on passive reading and never tested myself under timed conditions. I rebuilt my "
    "preparation around forty timed questions every morning, reviewed every miss in a log, "
    "and met a tutor weekly to go over weak systems. I passed on my second attempt with a "
    "232, and I scored 245 on Step 2 CK. In radiology that habit of timed, checked review "
    "is how I want to read studies on call: a search pattern I follow every time, and a "
    "second look before I sign a report for the referring clinician."
)


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach.load(use_saved_profile=False)


def _note(card) -> str | None:
    return next((f.message for f in card.flags if f.kind == "too_short"), None)


def test_short_answer_gets_the_same_note_typed_or_spoken(coach: Coach) -> None:
    target = length_target()
    typed = coach.score(SHORT, "exam_failure")
    spoken = coach.score(FULL, "exam_failure", spoken_seconds=42.0)
    assert _note(typed) and _note(spoken)
    assert f"{target.words[0]}-{target.words[1]} words" in _note(typed)
    assert "42 seconds" in _note(spoken)
    assert f"{target.seconds[0]}-{target.seconds[1]} seconds" in _note(spoken)
    # The same sentence around the measure: one note, two units.
    assert _note(typed).split(":", 1)[1].replace(target.words_text(), "X") == _note(spoken).split(
        ":", 1
    )[1].replace(target.seconds_text(), "X")


def test_the_same_answer_spoken_at_length_has_no_short_note(coach: Coach) -> None:
    assert len(FULL.split()) >= length_target().words[0]
    assert _note(coach.score(FULL, "exam_failure")) is None
    assert _note(coach.score(FULL, "exam_failure", spoken_seconds=60.0)) is None


def test_a_one_word_answer_is_one_word_in_the_note() -> None:
    target = length_target()
    assert "Only 1 word:" in target.note(1).message
    assert "Only 1 second:" in target.note(0, seconds=1.2).message
    assert "Only 2 words:" in target.note(2).message


def test_delivery_advice_quotes_the_same_target() -> None:
    words = [(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(FULL.split())]
    advice = delivery_metrics(words, 42.0).advice()
    assert any("42 seconds" in tip and length_target().seconds_text() in tip for tip in advice)


def test_length_file_errors_name_the_key(tmp_path: Path) -> None:
    path = tmp_path / "length.toml"
    path.write_text(
        "words = [180, 90]\nseconds = [45, 90]\nlong_words = 300\nlong_seconds = 150\n"
        'short_note = "{amount} {target}"\nlong_note = "{amount} {target}"\n'
    )
    with pytest.raises(DataFileError, match="line 1: 'words' must be two whole numbers"):
        load_length_target(path)


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    text = "word " * 100
    cut = shorten(text, 240)
    assert len(cut) <= 240
    assert cut.endswith("word…")
    assert shorten("short enough", 240) == "short enough"


def test_outline_quotes_cut_at_a_word() -> None:
    from interview_coach.tui.widgets.score_card import outline_text

    sentence = "I rebuilt my preparation around timed question blocks every morning " * 6
    text = outline_text({"parts": {"change": [sentence]}}).plain
    line = next(row for row in text.splitlines() if row.startswith("3."))
    quote = line.split(": ", 1)[1]
    assert quote.endswith("…") and len(quote) <= 240
    assert sentence.startswith(quote[:-1])
    assert sentence[len(quote) - 1] == " "  # the cut falls between words


def test_a_number_with_separators_is_one_word_and_quoted_whole() -> None:
    """A user saw "3,000" counted as two words (the card's count above the editor's) and
    the card quote “000” as a measurable amount ("5 points" out of "2.5 points")."""
    from interview_coach.domain.answer_text import word_count
    from interview_coach.domain.specifics import find_specifics

    answer = "I did 3,000 UWorld questions and scored 2.5 points higher."
    assert word_count(answer) == len(answer.split())
    assert [s.text for s in find_specifics(answer, ("number",))] == ["3,000", "2.5 points"]
