"""Promises about the user's data: nothing acknowledged is lost, nothing leaves the laptop."""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interview_coach.storage import open_store

WRITER = [sys.executable, str(Path(__file__).with_name("crash_writer.py"))]


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "INTERVIEW_COACH_HOME": str(home),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }


def test_acknowledged_answers_survive_50_sigkills(tmp_path):
    home = tmp_path / "home"
    acknowledged: set[int] = set()
    rng = random.Random(7)
    deadline = time.monotonic() + 120
    kills = 0
    while kills < 50 and time.monotonic() < deadline:
        child = subprocess.Popen(WRITER, stdout=subprocess.PIPE, env=_env(home), text=True)
        assert child.stdout.readline().strip() == "ready"  # kill while saving, not loading
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        kills += 1
        acknowledged |= {int(line) for line in out.split() if line.strip().isdigit()}
    assert kills == 50
    db = sqlite3.connect(home / "coach.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("SELECT id FROM answers")}
    assert acknowledged, "the writer never got to save anything"
    assert acknowledged <= stored
    orphans = db.execute(
        "SELECT COUNT(*) FROM dimension_scores WHERE answer_id NOT IN (SELECT id FROM answers)"
    ).fetchone()[0]
    assert orphans == 0


def test_two_processes_writing_at_once_do_not_corrupt_the_database(tmp_path):
    home = tmp_path / "home"
    subprocess.run([*WRITER, "1"], env=_env(home), check=True, capture_output=True)
    writers = [
        subprocess.Popen([*WRITER, "60"], stdout=subprocess.PIPE, env=_env(home), text=True)
        for _ in range(2)
    ]
    ids = []
    for child in writers:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        ids += [int(x) for x in out.split() if x.isdigit()]
    assert len(ids) == len(set(ids)) == 120
    store = open_store(home / "coach.sqlite3")
    assert len(store.answers()) == 121
    assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_sockets_are_disabled_in_the_test_suite():
    with pytest.raises(Exception, match=r"(?i)socket"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_hub_access_is_switched_off_for_model_loading():
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


def test_unknown_model_name_is_refused_without_downloading(run_cli, tmp_path):
    pytest.importorskip("faster_whisper", reason="voice extras not installed")
    import wave

    path = tmp_path / "a.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\x00\x01" * 16000)
    result = run_cli("transcribe", str(path), "--model", "large-v3", "--json")
    assert result.code == 2 and "not on this computer" in result.stderr


def test_profile_and_exports_are_owner_only(run_cli, data_home, tmp_path):
    from interview_coach.coach import Coach
    from interview_coach.domain.profile import Profile

    coach = Coach.load()
    path = coach.save_profile(Profile(name="Sam"))
    assert (path.stat().st_mode & 0o777) == 0o600
    assert (data_home.stat().st_mode & 0o777) == 0o700
