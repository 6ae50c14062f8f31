"""The command-line contract of DESIGN.md, run as a user runs it (subprocesses)."""

from __future__ import annotations

import json

import pytest

STRONG = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review and "
    "skipped timed practice. I met a faculty mentor weekly and did forty timed questions a day; "
    "I passed on my second attempt and scored 248 on Step 2 CK. I now use the same discipline "
    "when reading studies with a fixed search pattern, which matters for accuracy on call."
)
DIMENSIONS = {"acknowledgment", "non_defensiveness", "corrective_action", "tie_back"}


def test_topics_json(run_cli):
    result = run_cli("topics", "--json")
    topics = json.loads(result.stdout)
    assert result.code == 0 and result.stderr == ""
    assert {"exam_failure", "gap", "cv_inconsistency"} <= {t["id"] for t in topics}
    assert all(set(t) == {"id", "title", "description"} for t in topics)


def test_questions_for_a_profile_are_personalised_and_limited(run_cli, profile_file):
    result = run_cli("questions", "--profile", str(profile_file), "--limit", "3", "--json")
    questions = json.loads(result.stdout)
    assert len(questions) == 3
    assert questions[0]["topic"] == "exam_failure" and "Step 1" in questions[0]["text"]
    assert all(set(q) == {"id", "topic", "text", "follow_ups"} for q in questions)


def test_score_json_shape_and_save_creates_a_session(run_cli, data_home):
    result = run_cli(
        "score", "--question", "exam_failure.tell_me", "--save", "--json", stdin=STRONG
    )
    card = json.loads(result.stdout)
    assert result.code == 0
    assert card["topic"] == "exam_failure" and card["question_id"] == "exam_failure.tell_me"
    assert set(card["dimensions"]) == DIMENSIONS
    for dim in card["dimensions"].values():
        assert 0 <= dim["score"] <= 100 and dim["level"] in {"missing", "partial", "strong"}
        assert dim["evidence"] and dim["advice"]
    assert card["overall"] >= 70
    assert isinstance(card["flags"], list) and "follow_up" in card
    sessions = json.loads(run_cli("sessions", "--json").stdout)
    assert [s["id"] for s in sessions] == [card["session_id"]]
    shown = json.loads(run_cli("show", str(card["session_id"]), "--json").stdout)
    assert shown["answers"][0]["answer_text"] == STRONG
    assert shown["answers"][0]["card"]["overall"] == card["overall"]


def test_score_reads_a_file_and_prints_a_readable_card(run_cli, tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(STRONG)
    result = run_cli("score", "--topic", "exam_failure", "--file", str(answer))
    assert result.code == 0
    assert "Overall:" in result.stdout and "advice:" in result.stdout


def test_a_byte_order_mark_is_not_part_of_the_answer(run_cli, tmp_path):
    """Windows editors start a UTF-8 file with a byte-order mark; it was quoted back
    as the first character of the answer."""
    answer = tmp_path / "answer.txt"
    answer.write_text(STRONG, encoding="utf-8-sig")
    result = run_cli("score", "--topic", "exam_failure", "--json", "--file", str(answer))
    assert result.code == 0
    assert "\ufeff" not in result.stdout and "\\ufeff" not in result.stdout
    card = json.loads(result.stdout)
    assert card["outline"]["parts"]["fact"][0].startswith(STRONG[:10])


def test_export_markdown_and_html(run_cli, tmp_path):
    card = json.loads(
        run_cli("score", "--topic", "exam_failure", "--save", "--json", stdin=STRONG).stdout
    )
    md = run_cli("export", str(card["session_id"]), "--format", "md")
    assert md.code == 0 and "## 1." in md.stdout and "Acknowledgment" in md.stdout
    out = tmp_path / "report.html"
    html = run_cli("export", str(card["session_id"]), "--format", "html", "-o", str(out))
    assert html.code == 0 and out.read_text().startswith("<!DOCTYPE html>")
    assert (out.stat().st_mode & 0o777) == 0o600


def test_a_saved_score_says_where_it_went_and_reads_back_in_words(run_cli):
    """Found by a new user: 'score --save' in text said nothing of the saved session,
    'show' printed the topic's id where the question goes, the report said '1 answers'."""
    saved = run_cli("score", "--topic", "exam_failure", "--save", stdin=STRONG)
    assert saved.code == 0
    assert saved.stdout.rstrip().endswith("Saved as session 1.")
    shown = run_cli("show", "1")
    assert "Topic: Exam failure (no question asked)" in shown.stdout
    assert "Q: exam_failure" not in shown.stdout
    report = run_cli("export", "1", "--format", "md")
    assert " · 1 answer\n" in report.stdout


def test_a_saved_cards_follow_up_reads_as_a_suggestion_not_as_asked(run_cli):
    """Found by a new user: `show` of a mock answer printed "Next question: ..." where no
    follow-up had been asked; it is the card's suggestion."""
    assert run_cli("score", "--topic", "exam_failure", "--save", stdin="I failed it.").code == 0
    shown = run_cli("show", "1").stdout
    assert "\nAn interviewer may ask next: " in shown
    assert "Next question" not in shown


BAD_INPUT = [
    (["score", "--topic", "nope", "--json"], STRONG, "Unknown topic 'nope'"),
    (["score", "--question", "gap.nope", "--json"], STRONG, "Unknown question id"),
    (["score", "--topic", "gap", "--json", "--save"], "   \n\t ", "empty"),
    (["score", "--topic", "gap", "--json", "--save"], "a" * 20_001, "20,000"),
    (["score", "--topic", "gap", "--json", "--save"], b"\xff\xfe\x00bad", "not UTF-8"),
    (["score", "--topic", "gap", "--file", "/nonexistent/answer.txt"], None, "not found"),
    (["show", "12345", "--json"], None, "No session with id 12345"),
    (["export", "abc"], None, "must be a number"),
    (["questions", "--limit", "0"], None, "--limit"),
    (["questions", "--topic", "x", "--json"], None, "Unknown topic"),
    (["--data-dir", "/dev/null", "sessions"], None, "is a file, not a folder"),
    (["score", "--topic", "gap", "--data-dir", "/dev/null", "--save"], STRONG, "not a folder"),
]


@pytest.mark.parametrize(("args", "stdin", "message"), BAD_INPUT)
def test_bad_input_is_one_sentence_exit_2_and_writes_nothing(
    run_cli, data_home, args, stdin, message
):
    result = run_cli(*args, stdin=stdin)
    assert result.code == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not data_home.exists()


def test_malformed_profile_is_reported_with_file_and_line(run_cli, tmp_path):
    bad = tmp_path / "profile.toml"
    bad.write_text('name = "Sam"\n[[red_flags]]\nkind = "gap"\nstrat = "2022-01"\n')
    result = run_cli("questions", "--profile", str(bad), "--json")
    assert result.code == 2
    assert "profile.toml, line 4: unknown key 'strat'" in result.stderr


def test_unwritable_data_directory_is_one_sentence(run_cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run_cli(
        "score",
        "--topic",
        "gap",
        "--save",
        "--json",
        stdin=STRONG,
        env={"INTERVIEW_COACH_HOME": str(blocker / "home")},
    )
    assert result.code == 2 and "cannot be created" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_dir_flag_beats_the_environment(run_cli, tmp_path, data_home):
    other = tmp_path / "elsewhere"
    run_cli(
        "score",
        "--topic",
        "exam_failure",
        "--save",
        "--json",
        "--data-dir",
        str(other),
        stdin=STRONG,
    )
    assert (other / "coach.sqlite3").exists() and not data_home.exists()
    assert (other.stat().st_mode & 0o777) == 0o700


def test_every_subcommand_has_help(run_cli):
    for command in (
        "topics",
        "questions",
        "score",
        "sessions",
        "show",
        "export",
        "record",
        "transcribe",
        "mock",
        "purge",
    ):
        result = run_cli(command, "--help")
        assert result.code == 0 and "usage:" in result.stdout


def test_purge_asks_unless_yes(run_cli, data_home):
    run_cli("score", "--topic", "gap", "--save", "--json", stdin=STRONG)
    assert data_home.exists()
    refused = run_cli("purge")
    assert refused.code == 2 and data_home.exists()
    done = run_cli("purge", "--yes")
    assert done.code == 0 and not data_home.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["sessions", "--json"],
        ["export", "all", "--format", "json"],
        ["score", "--topic", "gap", "--save", "--json"],
    ],
    ids=["sessions", "export", "score-save"],
)
def test_a_damaged_database_set_aside_is_announced_on_stderr(run_cli, data_home, args):
    data_home.mkdir(mode=0o700)
    (data_home / "coach.sqlite3").write_bytes(b"this is not a database at all" * 100)
    result = run_cli(*args, stdin=STRONG)
    assert result.code == 0
    json.loads(result.stdout)  # stdout stays one JSON document
    moved = list(data_home.glob("coach.sqlite3.damaged-*"))
    assert len(moved) == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "damaged" in lines[0] and str(moved[0]) in lines[0]


def test_mock_checks_its_options_before_opening_the_app(run_cli, tmp_path):
    result = run_cli("mock", "--questions", "0")
    assert result.code == 2 and "--questions must be 1 or more" in result.stderr
    missing = run_cli("mock", "--profile", str(tmp_path / "nope.toml"))
    assert missing.code == 2 and "nope.toml not found" in missing.stderr


def test_a_profile_with_a_red_flag_after_this_month_is_one_sentence(run_cli, tmp_path):
    """'--profile' with an exam date 2031-06 asked about 'Step 1 in June 2031'."""
    path = tmp_path / "future.toml"
    path.write_text('[[red_flags]]\nkind = "exam_failure"\nexam = "Step 1"\ndate = "2099-06"\n')
    result = run_cli("questions", "--profile", str(path))
    assert result.code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "June 2099" in lines[0] and "cannot have happened yet" in lines[0]
