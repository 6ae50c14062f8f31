"""Coaching beyond a score: consistency with the profile, plans, reports."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime

import pytest

from interview_coach.domain.practice_plan import practice_plan
from interview_coach.domain.profile import load_profile
from interview_coach.domain.scoring import score_answer


@pytest.fixture
def profile(profile_file, bank, rubrics):
    return load_profile(profile_file, set(bank.topics), set(rubrics.specialties))


def kinds(card):
    return [f.kind for f in card.flags]


def test_duration_that_contradicts_the_profile_is_flagged_with_both_facts(rubrics, profile):
    card = score_answer(
        "I took six months off after graduation to prepare for Step 2 CK.",
        "gap",
        rubrics,
        profile=profile,
    )
    flag = next(f for f in card.flags if f.kind == "inconsistent_duration")
    assert "six months" in flag.message and "January 2022" in flag.message
    assert "9 months" in flag.message


def test_matching_duration_is_not_flagged(rubrics, profile):
    card = score_answer(
        "For nine months, from January to September 2022, I prepared for Step 2 CK.",
        "gap",
        rubrics,
        profile=profile,
    )
    assert "inconsistent_duration" not in kinds(card)
    assert "inconsistent_dates" not in kinds(card)


@pytest.mark.parametrize(
    "said",
    ["From March to May 2021", "from march twenty twenty one until may", "June 2022 to March 2023"],
)
def test_dates_that_contradict_the_profile_are_flagged_with_both(said, rubrics, profile):
    card = score_answer(
        f"{said} I prepared for Step 2 CK and worked in a clinic.", "gap", rubrics, profile=profile
    )
    flag = next(f for f in card.flags if f.kind == "inconsistent_dates")
    assert flag.evidence.lower() in said.lower() and flag.evidence in flag.message
    assert "January 2022" in flag.message


def test_wrong_exam_is_flagged(rubrics, profile):
    card = score_answer(
        "I did not pass Step 2 CK on my first attempt in 2021.",
        "exam_failure",
        rubrics,
        profile=profile,
    )
    assert "inconsistent_exam" in kinds(card)
    right = score_answer(
        "I did not pass Step 1 on my first attempt in 2021.",
        "exam_failure",
        rubrics,
        profile=profile,
    )
    assert "inconsistent_exam" not in kinds(right)


def test_overconfidence_is_flagged(rubrics):
    card = score_answer(
        "I failed Step 1 but I would not change anything; it was never an issue.",
        "exam_failure",
        rubrics,
    )
    assert "overconfidence" in kinds(card)
    assert card.dimensions["non_defensiveness"].level != "strong"


def test_weak_topics_come_back_sooner():
    now = datetime(2026, 1, 10, 12)
    history = [("2026-01-09T12:00:00", "gap", 30), ("2026-01-09T12:00:00", "exam_failure", 90)]
    plan = practice_plan(history, ["exam_failure", "gap", "professionalism"], now)
    assert [p.topic for p in plan] == ["professionalism", "gap", "exam_failure"]
    assert (plan[1].due - now).days == 0 and (plan[2].due - now).days >= 5


def test_html_report_renders_in_a_real_browser(run_cli, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed (.ci/run installs the Debian package)")
    strong = (
        "I did not pass Step 1 on my first attempt in June 2021. I relied on passive "
        "review. I met a mentor weekly and passed on my second attempt. I now use a "
        "search pattern when reading studies."
    )
    for text in (strong, "Testing was a bump in the road. I studied harder."):
        run_cli("score", "--topic", "exam_failure", "--save", "--json", stdin=text)
    report = tmp_path / "history.html"
    assert run_cli("export", "all", "--format", "html", "-o", str(report)).code == 0
    html = report.read_text()
    assert "<svg" in html and html.count("class='answer'") == 2 and "bump in the road" in html
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=900,1400",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_markdown_history_report_has_every_answer(run_cli):
    for topic in ("gap", "professionalism"):
        run_cli(
            "score",
            "--topic",
            topic,
            "--save",
            "--json",
            stdin="I was out of clinical work from January to September 2022.",
        )
    report = run_cli("export", "all", "--format", "md")
    assert report.stdout.count("\n## 1. ") == 1 and report.stdout.count("\n## 2. ") == 1
    assert "| Acknowledgment |" in report.stdout
