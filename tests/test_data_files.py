"""The question bank and rubrics: complete, and broken copies fail with a clear message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from interview_coach.domain.bank import REQUIRED_TOPICS, load_bank
from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.results import DIMENSIONS
from interview_coach.domain.roles import ROLES
from interview_coach.domain.rubric import load_rubrics
from interview_coach.domain.scoring import score_answer
from interview_coach.locations import bundled_data_dir


def test_bank_has_every_required_topic_with_enough_questions(bank):
    assert set(REQUIRED_TOPICS) <= set(bank.topics)
    assert len(bank.all_questions()) >= 60
    for topic in bank.topics.values():
        assert len(topic.questions) >= 6, topic.id
        assert any(q.specialty == "diagnostic_radiology" for q in topic.questions), topic.id
        assert any(q.specialty is None for q in topic.questions), topic.id
        for question in topic.questions:
            assert 1 <= len(question.follow_ups) <= 3


def test_every_topic_has_a_rubric_with_a_follow_up_per_dimension(bank, rubrics):
    assert set(rubrics.topics) == set(bank.topics)
    for rubric in rubrics.topics.values():
        assert set(rubric.follow_up) == set(DIMENSIONS)


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(bundled_data_dir(name), target)
    return target


def test_broken_question_file_names_the_file_and_question(tmp_path):
    folder = _copy(tmp_path, "question_bank")
    path = folder / "gap.toml"
    path.write_text(
        path.read_text().replace('id = "gap.why_now"', 'id = "gap.why_now"\ncolour = 1')
    )
    with pytest.raises(DataFileError) as err:
        load_bank(folder)
    assert "gap.toml" in str(err.value) and "colour" in str(err.value)
    assert "line" in str(err.value)


def test_unknown_placeholder_is_reported(tmp_path):
    folder = _copy(tmp_path, "question_bank")
    path = folder / "gap.toml"
    path.write_text(path.read_text().replace("What were you doing", "What were {you} doing"))
    with pytest.raises(DataFileError, match=r"gap.explain.*\{you\}"):
        load_bank(folder)


def test_toml_syntax_error_gives_line_number(tmp_path):
    folder = _copy(tmp_path, "rubrics")
    path = folder / "professionalism.toml"
    path.write_text(path.read_text().replace("[cues]", "[cues\n", 1))
    with pytest.raises(DataFileError, match=r"professionalism.toml: line \d+"):
        load_rubrics(folder)


def test_rubric_with_missing_follow_up_is_refused(tmp_path):
    folder = _copy(tmp_path, "rubrics")
    path = folder / "gap.toml"
    text = path.read_text()
    start = text.index('tie_back = "Why is now')
    path.write_text(text[:start] + text[text.index("\n", start) + 1 :])
    with pytest.raises(DataFileError, match=r"gap\.toml.*follow_up"):
        load_rubrics(folder)


def test_adding_a_specialty_is_adding_a_file(tmp_path, bank):
    folder = _copy(tmp_path, "rubrics")
    (folder / "specialties" / "neurology.toml").write_text(
        'id = "neurology"\nname = "neurology"\n[cues]\nspecialty = ["stroke call", "localize"]\n'
    )
    rubrics = load_rubrics(folder)
    assert rubrics.specialty("neurology").name == "neurology"
    assert rubrics.matcher("gap", "neurology") is not None


def test_markers_file_without_its_card_lines_is_refused(tmp_path):
    folder = _copy(tmp_path, "rubrics")
    path = folder / "judgment_markers.toml"
    text = path.read_text()
    path.write_text(text[: text.index("[card]")])
    with pytest.raises(DataFileError, match=r"judgment_markers\.toml: \[card\] needs"):
        load_rubrics(folder)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('role = "overshare"', 'role = "oversharing"'), "unknown role 'oversharing'"),
        (('highest = "partial"', 'highest = "strong"'), "'highest' must be missing or partial"),
        (("at_least = 0.9", "at_least = 9"), r"'at_least' must be a number in \(0, 1\]"),
    ],
)
def test_a_cap_an_advisor_mistypes_is_refused_with_the_reason(tmp_path, edit, message):
    folder = _copy(tmp_path, "rubrics")
    path = folder / "caps.toml"
    path.write_text(path.read_text().replace(*edit))
    with pytest.raises(DataFileError, match=rf"caps\.toml: cap #1.*{message}"):
        load_rubrics(folder)


def test_a_cap_holds_a_dimension_whatever_the_model_says(tmp_path):
    answer = (
        "I failed Step 1 in June 2021 because I never took a timed practice exam. I now do "
        "two timed blocks every morning and passed in January with a 236."
    )
    folder = _copy(tmp_path, "rubrics")
    free = score_answer(answer, "exam_failure", load_rubrics(folder))
    (folder / "caps.toml").write_text(
        '[[cap]]\nrole = "fact"\nat_least = 0.5\ndimension = "acknowledgment"\n'
        'highest = "missing"\n'
    )
    capped = score_answer(answer, "exam_failure", load_rubrics(folder))
    assert free.dimensions["acknowledgment"].level == "strong"
    assert capped.dimensions["acknowledgment"].level == "missing"
    assert capped.dimensions["acknowledgment"].score <= 39
    assert capped.dimensions["corrective_action"] == free.dimensions["corrective_action"]


def test_a_role_classifier_fitted_for_other_inputs_is_refused_with_the_fix(tmp_path):
    """Weights from before a change to what the classifier reads (a new shape feature,
    the nearest-example similarities) would fail deep inside numpy on the first answer."""
    folder = _copy(tmp_path, "rubrics")
    path = folder / "role_classifier.toml"
    lines = path.read_text().splitlines()
    path.write_text(
        "\n".join(
            line.rsplit(",", 1)[0] + "]" if line.split(" = ")[0] in ROLES else line
            for line in lines
        )
        + "\n"
    )
    with pytest.raises(DataFileError, match=r"role_classifier\.toml: .* make train"):
        load_rubrics(folder)
