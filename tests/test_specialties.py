"""Specialty files: every supported specialty loads, with specific cues and tie-back examples."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.rubric import load_rubrics
from interview_coach.domain.scoring import score_answer
from interview_coach.locations import bundled_data_dir

SPECIALTIES = (
    "internal_medicine",
    "family_medicine",
    "pediatrics",
    "emergency_medicine",
    "psychiatry",
    "general_surgery",
    "obstetrics_gynecology",
    "anesthesiology",
    "neurology",
    "diagnostic_radiology",
    "pathology",
    "orthopaedic_surgery",
)
# A cue used by many specialties says nothing about any one of them.
MAX_SPECIALTIES_PER_CUE = 3


def _cues(specialty) -> list[str]:
    return [cue.lower() for cue in specialty.cues["specialty"]]


@pytest.mark.parametrize("specialty_id", SPECIALTIES)
def test_specialty_file_loads_with_examples_and_distinct_cues(rubrics, specialty_id):
    specialty = rubrics.specialty(specialty_id)
    assert specialty.name
    assert len(specialty.tie_back_examples) >= 30
    assert len(_cues(specialty)) >= 40
    doubled = sorted({c for c in _cues(specialty) if _cues(specialty).count(c) > 1})
    assert not doubled, f"{specialty_id} lists these cues twice: {doubled}"


def test_no_cue_is_shared_by_more_than_three_specialties(rubrics):
    users: dict[str, set[str]] = defaultdict(set)
    for specialty in rubrics.specialties.values():
        for cue in _cues(specialty):
            users[cue].add(specialty.id)
    crowded = {cue: sorted(ids) for cue, ids in users.items() if len(ids) > MAX_SPECIALTIES_PER_CUE}
    assert not crowded


def test_generic_tie_backs_are_loaded_and_never_strong(rubrics):
    assert len(rubrics.generic_tie_backs) >= 60
    opening = (
        "I did not pass Step 1 on my first attempt in June 2021. I relied on rereading and "
        "never tested myself. I switched to daily timed question bank blocks with a tutor "
        "and passed with a 240. "
    )
    for line in rubrics.generic_tie_backs[:20]:
        card = score_answer(opening + line, "exam_failure", rubrics)
        assert card.dimensions["tie_back"].level != "strong", line


def test_radiology_phrases_live_in_the_radiology_file(rubrics):
    common = " | ".join(c for cues in rubrics.common_cues.values() for c in cues).lower()
    assert "radiolog" not in common
    radiology = rubrics.specialty("diagnostic_radiology").cues
    assert "as a radiology resident" in radiology["residency"]
    assert "as a radiologist" in radiology["link"]


def _copy_rubrics(tmp_path: Path) -> Path:
    target = tmp_path / "rubrics"
    shutil.copytree(bundled_data_dir("rubrics"), target)
    return target


@pytest.mark.parametrize(
    "value",
    ['"just one sentence"', "[]", '["fine", 3]', '["fine", ""]', '["same", "Same"]'],
)
def test_malformed_tie_back_examples_name_the_file(tmp_path, value):
    folder = _copy_rubrics(tmp_path)
    path = folder / "specialties" / "pathology.toml"
    text = path.read_text()
    start = text.index("tie_back_examples = [")
    end = text.index("]\n", start) + 2
    path.write_text(text[:start] + f"tie_back_examples = {value}\n" + text[end:])
    with pytest.raises(DataFileError, match=r"pathology\.toml, line \d+: 'tie_back_examples'"):
        load_rubrics(folder)


def test_missing_or_malformed_generic_tie_backs_are_refused(tmp_path):
    folder = _copy_rubrics(tmp_path)
    path = folder / "tie_back_generic.toml"
    path.write_text("examples = []\n")
    with pytest.raises(DataFileError, match=r"tie_back_generic\.toml, line 1: 'examples'"):
        load_rubrics(folder)
    path.write_text('exampels = ["I am ready for residency."]\n')
    with pytest.raises(DataFileError, match=r"tie_back_generic\.toml, line 1: unknown key"):
        load_rubrics(folder)
    path.unlink()
    with pytest.raises(DataFileError, match=r"tie_back_generic\.toml: file not found"):
        load_rubrics(folder)
