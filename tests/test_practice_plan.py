"""The practice plan, the streak and per-topic progress, as the Progress screen shows them."""

from __future__ import annotations

from datetime import date, datetime

from interview_coach.domain.practice_plan import practice_plan, streak_days
from interview_coach.domain.profile import Profile, RedFlag
from interview_coach.domain.progress import OVERALL, topic_progress
from interview_coach.domain.selection import select_questions

NOW = datetime(2026, 3, 10, 12)
TOPICS = ["exam_failure", "gap", "professionalism", "dual_application"]


def test_plan_holds_only_the_profiles_topics_while_one_is_not_strong():
    history = [("2026-03-09T12:00:00", "exam_failure", 85)]
    plan = practice_plan(history, TOPICS, NOW, profile_topics=["exam_failure", "gap"])
    assert [p.topic for p in plan] == ["gap", "exam_failure"]
    assert "professionalism" not in {p.topic for p in plan}
    assert plan[0].reason == "on your profile, not practised"
    assert plan[1].reason == "strong once: repeat after 7 days"


def test_general_topics_join_once_every_red_flag_is_strong():
    history = [
        ("2026-03-09T12:00:00", "exam_failure", 85),
        ("2026-03-09T13:00:00", "gap", 72),
    ]
    plan = practice_plan(history, TOPICS, NOW, profile_topics=["exam_failure", "gap"])
    assert [p.topic for p in plan[:2]] == ["professionalism", "dual_application"]
    assert plan[0].reason == "general, not practised"
    assert {p.topic for p in plan} == set(TOPICS)


def test_each_due_topic_says_why_it_is_due():
    history = [
        ("2026-03-09T12:00:00", "exam_failure", 30),
        ("2026-03-09T12:00:00", "gap", 55),
    ]
    plan = {p.topic: p for p in practice_plan(history, TOPICS, NOW, ["exam_failure", "gap"])}
    assert plan["exam_failure"].reason == "last 30, missing: repeat after 1 day"
    assert plan["gap"].reason == "last 55, partial: repeat after 2 days"


def test_without_red_flags_every_topic_is_general_practice():
    plan = practice_plan([], TOPICS, NOW, profile_topics=[])
    assert [p.topic for p in plan] == TOPICS
    assert all(p.reason == "general, not practised" for p in plan)


def test_streak_counts_days_in_a_row_and_survives_until_today_ends():
    days = [date(2026, 3, d) for d in (5, 7, 8, 9, 9)]
    assert streak_days(days, date(2026, 3, 9)) == 3
    assert streak_days(days, date(2026, 3, 10)) == 3  # not practised yet today
    assert streak_days(days, date(2026, 3, 11)) == 0


def test_a_topic_strong_several_times_waits_longer_and_says_so():
    history = [(f"2026-03-0{d}T12:00:00", "gap", 80) for d in (1, 2, 3)]
    [item] = practice_plan(history, ["gap"], NOW, profile_topics=["gap"])
    assert item.reason == "strong 3x: repeat after 28 days"
    assert (item.due - datetime(2026, 3, 3, 12)).days == 28


def test_progress_per_topic_gives_first_latest_and_best_weakest_first():
    def row(day: int, topic: str, overall: int, ack: int) -> tuple:
        scores = {"acknowledgment": ack, "non_defensiveness": 50}
        return (f"2026-03-0{day}T10:00:00", topic, overall, scores)

    rows = [row(1, "gap", 40, 30), row(2, "exam_failure", 80, 90), row(3, "gap", 75, 95)]
    rows.append(row(4, "gap", 60, 70))
    gap, exam = topic_progress(rows)
    assert (gap.topic, exam.topic) == ("gap", "exam_failure")  # latest 60 < 80
    assert gap.answers == 3
    assert (gap.first("acknowledgment"), gap.latest("acknowledgment")) == (30, 70)
    assert gap.best("acknowledgment") == 95 and gap.change(OVERALL) == 20
    assert gap.series["tie_back"] == (0, 0, 0)


def test_for_me_without_red_flags_does_not_open_by_claiming_a_failed_exam(bank):
    for profile in (None, Profile()):
        asked = select_questions(bank, profile, limit=5, specialty_name="diagnostic radiology")
        assert "did not pass" not in asked[0].text
        assert all(bank.question(q.id).general for q in asked)


def test_for_me_with_red_flags_still_opens_with_them(bank):
    profile = Profile(red_flags=(RedFlag("exam_failure", exam="Step 1"),))
    asked = select_questions(bank, profile, limit=2, specialty_name="diagnostic radiology")
    assert asked[0].text.startswith("I see you did not pass Step 1")
    assert bank.question(asked[1].id).topic == "exam_failure"


def test_a_topic_picked_by_name_still_starts_with_its_direct_question(bank):
    asked = select_questions(bank, None, topic="exam_failure", limit=1)
    assert asked[0].id == "exam_failure.tell_me"


def test_a_general_mark_that_is_not_true_or_false_is_reported_with_its_line(tmp_path):
    import shutil
    from pathlib import Path

    import pytest

    from interview_coach.domain.bank import load_bank
    from interview_coach.domain.datafiles import DataFileError

    folder = tmp_path / "question_bank"
    shutil.copytree(Path(__file__).parent.parent / "question_bank", folder)
    path = folder / "gap.toml"
    text = path.read_text()
    assert "general = true" in text
    path.write_text(text.replace("general = true", 'general = "yes"', 1))
    with pytest.raises(DataFileError, match=r"gap\.toml, line \d+: question 'gap\.why_now'"):
        load_bank(folder)


def test_without_red_flags_the_plan_starts_where_for_me_does(data_home):
    """No profile: the first topic due is the one whose question opens For me, and
    its questions presume no red flag."""
    from interview_coach.coach import Coach

    coach = Coach.load(use_saved_profile=False)
    first_due = coach.plan()[0].topic
    first_asked = coach.questions(weak_topics=coach.weak_topics())[0]
    assert first_due == first_asked.topic
    assert any(q.general for q in coach.bank.topic(first_due).questions)
    coach.close()
