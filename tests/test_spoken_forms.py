"""A spoken clause is judged as if it had been written, and quoted as it was said."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.reading import read_answer
from interview_coach.domain.spoken_forms import load_spoken_forms

# The same answer typed and as a raw transcript: fillers, stammers, lowercase forms.
WRITTEN = (
    "I failed Step 1 in June 2021. Honestly, the school did not prepare us for the boards, "
    "and the testing center kept cancelling. I now do forty timed questions every day."
)
SPOKEN = (
    "um so i failed step one in june 2021. honestly, you know, the the school didnt prepare us "
    "for the boards, and uh the testing center kept cancelling. i mean i now do forty timed "
    "questions every day."
)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        (
            "In radiology I will use the same search pattern on every study.",
            "and um in in radiology i will, you know, use the same search pattern on every "
            "um study",
        ),
        (
            "I started doing forty questions a day with a tutor every Sunday.",
            "i uh i started doing um forty questions a day with a a tutor every sunday",
        ),
    ],
)
def test_a_transcript_clause_reads_as_its_written_twin(rubrics, written, spoken):
    """Read raw, the fillers and stammers moved the tie-back clause's reading by 0.29."""
    typed = read_answer(written, "exam_failure", "diagnostic_radiology", rubrics).clauses
    said = read_answer(spoken, "exam_failure", "diagnostic_radiology", rubrics).clauses
    assert len(typed) == len(said) == 1
    first, second = sorted(typed[0].probabilities.values(), reverse=True)[:2]
    if first - second > 0.1:  # a near-tie may fall either way, said or typed
        assert said[0].role == typed[0].role
    for role, value in typed[0].probabilities.items():
        assert said[0].probabilities[role] == pytest.approx(value, abs=0.1), role


def test_the_card_still_quotes_what_was_said(rubrics):
    spoken = read_answer(SPOKEN, "exam_failure", "diagnostic_radiology", rubrics)
    quoted = " ".join(c.text for c in spoken.clauses)
    assert "the the school didnt" in quoted and "um" in quoted


def test_fillers_stammers_and_spoken_forms_are_read_as_written(rubrics):
    forms = rubrics.spoken
    assert forms.as_written("um so i i dont think, you know, it was fair") == (
        "So I don't think, it was fair"
    )
    assert forms.as_written("I passed.") == "I passed."  # written text is left alone
    assert forms.as_written("uh") == "uh"  # nothing else said: the clause as it was


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('fillers = ["um"]\n[written]\n"Im" = "I\'m"\n', "lowercase"),
        ('fillers = "um"\n[written]\n"im" = "I\'m"\n', "fillers"),
        ('fillers = ["um"]\nwriten = {}\n', "writen"),
    ],
)
def test_a_broken_spoken_forms_file_says_what_is_wrong(tmp_path: Path, body, problem):
    path = tmp_path / "spoken_forms.toml"
    path.write_text(body)
    with pytest.raises(DataFileError, match=problem) as raised:
        load_spoken_forms(path)
    assert str(path) in str(raised.value)
