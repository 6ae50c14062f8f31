"""Property-based tests: any input gives a valid result or one clear error, never a crash."""

from __future__ import annotations

import contextlib
import shutil
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.profile import load_profile
from interview_coach.domain.rubric import load_rubrics
from interview_coach.domain.scoring import AnswerError, score_answer
from interview_coach.locations import bundled_data_dir

FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PROFILE_KEYS = [
    "name",
    "applicant_type",
    "specialty",
    "kind",
    "exam",
    "date",
    "start",
    "end",
    "detail",
    "colour",
    "[[red_flags]]",
    "[red_flags]",
    "=",
    '"',
    "2021-06",
    "gap",
    "us_img",
    "diagnostic_radiology",
    "\n",
    " ",
    "[",
    "]",
    "13",
    "2022-13",
]


@FAST
@given(st.text(max_size=3000))
def test_any_unicode_answer_scores_or_is_refused(rubrics, text):
    try:
        card = score_answer(text, "gap", rubrics)
    except AnswerError as exc:
        assert str(exc)
        return
    assert 0 <= card.overall <= 100
    for result in card.dimensions.values():
        assert 0 <= result.score <= 100
        for item in result.evidence:
            assert text[item.start : item.end] == item.text


@FAST
@given(
    st.lists(st.sampled_from(PROFILE_KEYS), max_size=40).map("".join)
    | st.text(alphabet=string.printable, max_size=400)
)
def test_any_profile_text_loads_or_gives_a_located_error(bank, rubrics, text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profile.toml"
        path.write_text(text)
        try:
            profile = load_profile(path, set(bank.topics), set(rubrics.specialties))
        except DataFileError as exc:
            assert "profile.toml" in str(exc) and "\n" not in str(exc).strip()
            return
    assert profile.specialty in rubrics.specialties


@FAST
@given(st.binary(max_size=300))
def test_binary_profile_is_refused_cleanly(bank, rubrics, data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "profile.toml"
        path.write_bytes(data)
        with contextlib.suppress(DataFileError):
            load_profile(path, set(bank.topics), set(rubrics.specialties))


def _load_bank(folder: Path) -> object:
    from interview_coach.domain.bank import load_bank

    return load_bank(folder)


@pytest.mark.parametrize(
    ("folder", "name", "loader"),
    [("rubrics", "gap.toml", load_rubrics), ("question_bank", "professionalism.toml", _load_bank)],
)
@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.text(max_size=30))
def test_corrupted_data_file_loads_or_names_the_file(folder, name, loader, position, junk):
    with tempfile.TemporaryDirectory() as temporary:
        target = Path(temporary) / folder
        shutil.copytree(bundled_data_dir(folder), target)
        path = target / name
        text = path.read_text()
        cut = position % (len(text) + 1)
        path.write_text(text[:cut] + junk + text[cut + len(junk) :])
        try:
            loader(target)
        except DataFileError as exc:
            assert name in str(exc)
