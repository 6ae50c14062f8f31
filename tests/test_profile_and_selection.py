"""Profiles are validated line by line; questions are chosen and worded from them."""

from __future__ import annotations

from datetime import date

import pytest

from interview_coach.domain.datafiles import DataFileError
from interview_coach.domain.profile import load_profile
from interview_coach.domain.selection import select_questions


def _load(path, bank, rubrics):
    return load_profile(path, set(bank.topics), set(rubrics.specialties))


def test_profile_loads_and_counts_gap_months(profile_file, bank, rubrics):
    profile = _load(profile_file, bank, rubrics)
    assert profile.name == "Sam"
    assert [f.kind for f in profile.red_flags] == ["exam_failure", "gap"]
    assert profile.red_flags[1].months() == 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'name = "A"\nspecialty = "diagnostic_radiology"\ncolour = "blue"\n',
            r"line 3: unknown key 'colour'",
        ),
        ('specialty = "dentistry"\n', r"line 1: unknown specialty 'dentistry'"),
        ('applicant_type = "alien"\n', r"applicant_type must be one of"),
        ('[[red_flags]]\nkind = "exam_failure"\ndate = "June 2021"\n', r"line 3: 'date'.*2021-06"),
        ('[[red_flags]]\nkind = "bad_luck"\n', r"line 2: unknown red-flag kind 'bad_luck'"),
        ('[[red_flags]]\nkind = "gap"\nstart = "2022-09"\nend = "2022-01"\n', "ends before"),
        ('name = "A\n', r"line 1, column \d+"),
    ],
)
def test_bad_profiles_name_the_file_line_and_problem(tmp_path, bank, rubrics, text, expected):
    path = tmp_path / "me.toml"
    path.write_text(text)
    with pytest.raises(DataFileError, match=expected) as err:
        _load(path, bank, rubrics)
    assert "me.toml" in str(err.value)


def test_profile_red_flags_come_first_and_are_personalised(profile_file, bank, rubrics):
    profile = _load(profile_file, bank, rubrics)
    asked = select_questions(bank, profile, limit=4, specialty_name="diagnostic radiology")
    assert [q.topic for q in asked[:2]] == ["exam_failure", "gap"]
    assert "Step 1" in asked[0].text
    assert "January 2022" in asked[1].text and "September 2022" in asked[1].text
    assert all("{" not in q.text for q in asked)


def test_without_a_profile_every_topic_appears_and_no_placeholder_leaks(bank):
    asked = select_questions(bank, None)
    assert {q.topic for q in asked} == set(bank.topics)
    assert all("{" not in q.text and "  " not in q.text for q in asked)
    assert all(q.specialty is None for q in map(lambda a: bank.question(a.id), asked))


def test_other_specialties_questions_are_not_asked(tmp_path, bank, rubrics):
    path = tmp_path / "im.toml"
    path.write_text('specialty = "internal_medicine"\n')
    profile = _load(path, bank, rubrics)
    asked = select_questions(bank, profile)
    assert not any(bank.question(q.id).specialty == "diagnostic_radiology" for q in asked)


def test_a_topic_picked_that_is_not_on_the_profile_opens_with_a_general_question(
    tmp_path, bank, rubrics
):
    """A new user with only a Step 1 failure practised "Low exam scores" from the plan
    and was first told "Your score on your exam is below what we usually see"."""
    path = tmp_path / "step1.toml"
    path.write_text('[[red_flags]]\nkind = "exam_failure"\nexam = "Step 1"\n')
    profile = _load(path, bank, rubrics)
    for topic in ("low_scores", "gap", "professionalism", "dual_application"):
        first = select_questions(bank, profile, topic=topic)[0]
        assert bank.question(first.id).general, (topic, first.text)
    flagged = select_questions(bank, profile, topic="exam_failure")[0]
    assert flagged.id == "exam_failure.tell_me"  # the user's own red flag: asked directly


NOVEMBER_2026 = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        (
            'kind = "gap"\nstart = "2028-01"\nend = "2028-09"\n',
            r"line 3: 'start' in red flag #1 is January 2028, after this month \(November 2026\)",
        ),
        (
            'kind = "exam_failure"\nexam = "Step 1"\ndate = "2031-06"\n',
            r"line 4: 'date'.*June 2031",
        ),
    ],
)
def test_a_red_flag_dated_after_this_month_is_refused(tmp_path, bank, rubrics, flag, expected):
    """A new user's exam date 2031-06 became 'what happened with Step 1 in June 2031'."""
    path = tmp_path / "me.toml"
    path.write_text(f"[[red_flags]]\n{flag}")
    with pytest.raises(DataFileError, match=expected) as err:
        load_profile(path, set(bank.topics), set(rubrics.specialties), today=NOVEMBER_2026)
    assert str(err.value).endswith("a red flag cannot have happened yet.")


def test_the_line_named_is_the_flag_with_the_date_after_this_month(tmp_path, bank, rubrics):
    path = tmp_path / "me.toml"
    path.write_text(
        '[[red_flags]]\nkind = "exam_failure"\ndate = "2021-06"\n\n'
        '[[red_flags]]\nkind = "exam_failure"\ndate = "2027-01"\n'
    )
    with pytest.raises(DataFileError, match=r"line 7: 'date' in red flag #2"):
        load_profile(path, set(bank.topics), set(rubrics.specialties), today=NOVEMBER_2026)


def test_an_ongoing_gap_may_end_after_this_month(tmp_path, bank, rubrics):
    """Only what has happened must be past: a gap until residency starts has a planned end
    (refusing it would also leave a profile saved that way unable to start the app)."""
    path = tmp_path / "me.toml"
    path.write_text('[[red_flags]]\nkind = "gap"\nstart = "2026-03"\nend = "2027-06"\n')
    profile = load_profile(path, set(bank.topics), set(rubrics.specialties), today=NOVEMBER_2026)
    assert profile.red_flags[0].end == "2027-06"


def test_a_red_flag_up_to_this_month_is_accepted(tmp_path, bank, rubrics):
    path = tmp_path / "me.toml"
    path.write_text('[[red_flags]]\nkind = "gap"\nstart = "2026-02"\nend = "2026-11"\n')
    profile = load_profile(path, set(bank.topics), set(rubrics.specialties), today=NOVEMBER_2026)
    assert profile.red_flags[0].months() == 10
