"""Global options mean the same before and after the sub-command, for every command.

``interview-coach --data-dir D sessions`` once read the platform folder, and
``--data-dir EMPTY purge --yes`` deleted the real history there. Each command
here runs with ``--data-dir`` in both positions, while the platform folder
(``XDG_DATA_HOME``, no ``INTERVIEW_COACH_HOME``) holds different data that must
be neither read nor touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from conftest import OFFLINE, ROOT

from interview_coach.coach import Coach
from interview_coach.domain.bank import default_bank
from interview_coach.domain.rubric import default_rubrics
from interview_coach.storage import open_store

CHOSEN_ANSWER = "I did not pass Step 1 on my first attempt in June 2021 (chosen folder)."
PLATFORM_ANSWER = "I took a gap year in 2022 to care for my father (platform folder)."
CHOSEN_PROFILE = 'applicant_type = "us_img"\n[[red_flags]]\nkind = "exam_failure"\n'
PLATFORM_PROFILE = 'applicant_type = "us_img"\n[[red_flags]]\nkind = "dual_application"\n'
BAD_SETTINGS = "silence_stop_s = 99\n"  # out of range: the error names the file it read


def _fill(folder: Path, topic: str, answer: str, profile: str) -> None:
    folder.mkdir(parents=True, mode=0o700)
    coach = Coach(default_bank(), default_rubrics())
    store = open_store(folder / "coach.sqlite3")
    session = store.create_session("practice")
    store.save_answer(session, coach.score(answer, topic).to_json(), answer)
    store.close()
    (folder / "profile.toml").write_text(profile)
    (folder / "settings.toml").write_text(BAD_SETTINGS)


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    xdg = tmp_path / "xdg"
    platform = xdg / "interview-coach"
    chosen = tmp_path / "chosen"
    _fill(platform, "gap", PLATFORM_ANSWER, PLATFORM_PROFILE)
    _fill(chosen, "exam_failure", CHOSEN_ANSWER, CHOSEN_PROFILE)
    silence = tmp_path / "silence.wav"
    with wave.open(str(silence), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\x00\x00" * 1600)
    return {"xdg": xdg, "platform": platform, "chosen": chosen, "tmp": tmp_path}


def _run(folders, args: list[str], position: str, stdin: str | None = None, data_dir=None):
    env = {k: v for k, v in os.environ.items() if k != "INTERVIEW_COACH_HOME"}
    env.update(OFFLINE, XDG_DATA_HOME=str(folders["xdg"]), HOME=str(folders["tmp"]))
    option = ["--data-dir", str(data_dir or folders["chosen"])]
    argv = option + args if position == "before" else args[:1] + option + args[1:]
    proc = subprocess.run(
        [sys.executable, "-m", "interview_coach", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    return proc


def _platform_untouched(folders) -> None:
    store = open_store(folders["platform"] / "coach.sqlite3")
    answers = store.answers()
    store.close()
    assert [a.answer_text for a in answers] == [PLATFORM_ANSWER]


def _check_topics(result, folders):
    assert result.returncode == 0 and "exam_failure" in result.stdout


def _check_questions(result, folders):
    assert json.loads(result.stdout)[0]["topic"] == "exam_failure"


def _check_score(result, folders):
    assert json.loads(result.stdout)["session_id"] == 2
    store = open_store(folders["chosen"] / "coach.sqlite3")
    assert len(store.answers()) == 2
    store.close()


def _check_sessions(result, folders):
    assert json.loads(result.stdout)[0]["topics"] == ["exam_failure"]


def _check_show(result, folders):
    assert json.loads(result.stdout)["answers"][0]["answer_text"] == CHOSEN_ANSWER


def _check_export(result, folders):
    assert json.loads(result.stdout)["answers"][0]["answer_text"] == CHOSEN_ANSWER


def _check_settings_error(result, folders):
    assert result.returncode == 2
    assert str(folders["chosen"] / "settings.toml") in result.stderr


def _check_mock(result, folders):
    # The app cannot start in a test, so mock gets a data dir that cannot be created:
    # the one sentence names the folder the options resolved to.
    assert result.returncode == 2
    assert f"{folders['tmp']}/blocker/home cannot be created" in result.stderr


def _check_purge(result, folders):
    assert result.returncode == 0
    assert f"Data folder: {folders['chosen']}" in result.stdout
    assert not folders["chosen"].exists()


COMMANDS = {
    "topics": (["topics", "--json"], _check_topics),
    "questions": (["questions", "--json"], _check_questions),
    "score": (["score", "--topic", "exam_failure", "--save", "--json"], _check_score),
    "sessions": (["sessions", "--json"], _check_sessions),
    "show": (["show", "1", "--json"], _check_show),
    "export": (["export", "1", "--format", "json"], _check_export),
    "record": (["record", "{tmp}/out.wav", "--max-seconds", "1"], _check_settings_error),
    "transcribe": (["transcribe", "{tmp}/silence.wav", "--json"], _check_settings_error),
    "purge": (["purge", "--yes"], _check_purge),
    "mock": (["mock", "--questions", "2"], _check_mock),
}
# A data dir for the commands that would otherwise open the full-screen app.
UNCREATABLE = {"mock"}


def test_every_subcommand_is_covered():
    from interview_coach.cli.commands import COMMANDS as REAL

    assert set(COMMANDS) == set(REAL)


@pytest.mark.parametrize("position", ["before", "after"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_data_dir_is_honoured_before_and_after_the_subcommand(folders, command, position):
    args, check = COMMANDS[command]
    args = [a.format(tmp=folders["tmp"]) for a in args]
    data_dir = None
    if command in UNCREATABLE:
        (folders["tmp"] / "blocker").write_text("a file, not a folder")
        data_dir = folders["tmp"] / "blocker" / "home"
    result = _run(folders, args, position, stdin=CHOSEN_ANSWER, data_dir=data_dir)
    assert "Traceback" not in result.stderr
    check(result, folders)
    _platform_untouched(folders)


def test_purge_deletes_only_what_the_app_wrote(folders):
    mine = folders["chosen"] / "thesis.docx"
    mine.write_text("not the coach's")
    result = _run(folders, ["purge", "--yes"], "before")
    assert result.returncode == 0
    assert mine.read_text() == "not the coach's"
    assert sorted(p.name for p in folders["chosen"].iterdir()) == ["thesis.docx"]
    assert "left 1 other item(s)" in result.stdout
    again = _run(folders, ["purge", "--yes"], "before")
    assert again.returncode == 0
    assert "Nothing to delete: there is no interview-coach data in" in again.stdout
    assert "Deleted" not in again.stdout and mine.read_text() == "not the coach's"
    _platform_untouched(folders)


def test_purge_twice_says_there_is_nothing_left(folders):
    """A second 'purge --yes' said 'Deleted the interview-coach data...' again."""
    first = _run(folders, ["purge", "--yes"], "before")
    assert first.returncode == 0 and not folders["chosen"].exists()
    folders["chosen"].mkdir(mode=0o700)  # the app made it again, and wrote nothing yet
    again = _run(folders, ["purge", "--yes"], "before")
    assert again.returncode == 0 and "Nothing to delete" in again.stdout
    assert "Deleted" not in again.stdout and not folders["chosen"].exists()
    _platform_untouched(folders)


@pytest.mark.parametrize("command", ["topics", "sessions", "score"])
def test_json_means_the_same_before_and_after_the_subcommand(folders, command):
    """A new user typed ``interview-coach --json topics`` and got 'unrecognized
    arguments'; --json is now a global option like --data-dir."""
    args = [command] + (["--topic", "exam_failure"] if command == "score" else [])
    before = _run(folders, ["--json", *args], "after", stdin=CHOSEN_ANSWER)
    after = _run(folders, [*args, "--json"], "after", stdin=CHOSEN_ANSWER)
    assert before.returncode == after.returncode == 0, before.stderr
    assert json.loads(before.stdout) == json.loads(after.stdout)


@pytest.mark.parametrize("args", [["--json", "export", "all"], ["--json"]])
def test_json_where_there_is_nothing_to_print_as_json_is_one_sentence(folders, args):
    result = _run(folders, args, "before")
    assert result.returncode == 2
    assert "--json does not apply" in result.stderr and "Traceback" not in result.stderr
    _platform_untouched(folders)


@pytest.mark.parametrize("command", ["purge", "export", "mock"])
def test_json_on_a_command_without_it_is_the_same_sentence_before_and_after(folders, command):
    """'purge --json' said 'unrecognized arguments: --json', '--json purge' that --json
    does not apply to purge; neither deletes anything."""
    args = [command, "all"] if command == "export" else [command]
    before = _run(folders, ["--json", *args], "before")
    after = _run(folders, [*args, "--json"], "before")
    assert before.returncode == after.returncode == 2
    assert before.stderr == after.stderr
    assert before.stderr.strip().endswith(f"--json does not apply to {command} (see --help).")
    assert (folders["chosen"] / "coach.sqlite3").exists()
