"""`mock --voice --questions 3` through the simulated ALSA microphone, no key pressed:
the interviewer speaks, the answers are recorded on their own, a follow-up is asked,
the summary shows, and every answer is saved as spoken."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import OFFLINE, ROOT
from voice_support import require_model, require_portaudio, simulated_microphone, speak_to_wav

pytestmark = pytest.mark.voice

# Mid-strength on purpose: it names the exam and a tutor but no result, so the
# interviewer has something to follow up on.
ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. "
    "After that I worked with a tutor twice a week and did forty timed questions every day."
)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def test_spoken_mock_runs_hands_free_from_the_command(data_home, profile_file, tmp_path):
    require_portaudio()
    require_model()
    wav = speak_to_wav(ANSWER, tmp_path / "answer.wav")
    env = {**os.environ, **OFFLINE, "INTERVIEW_COACH_HOME": str(data_home)}
    env.update(simulated_microphone(tmp_path / "home", wav))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "mock_voice_driver.py"), str(profile_file), "3"],
        capture_output=True,
        env=env,
        timeout=600,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    run = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    assert run["screen"] == "MockSummaryScreen", run["notes"]
    questions = [r for r in run["results"] if not r["follow_up"]]
    follow_ups = [r for r in run["results"] if r["follow_up"]]
    assert len(questions) == 3
    assert all("tutor" in r["reply"].lower() for r in run["results"]), run["results"]
    # Every question was said aloud (started; a barge-in may cut it short).
    spoken = " ".join(line for line, _finished in run["spoken"])
    assert all(r["prompt"] in spoken for r in questions), (spoken, questions)
    assert follow_ups, "no follow-up was asked"
    assert all(r["prompt"] in spoken for r in follow_ups)
    # the interviewer's follow-up quotes the candidate's own words
    quoted = [f for f in follow_ups if {"tutor", "studied"} & set(words(f["prompt"]))]
    assert quoted, follow_ups
    assert "3 questions" in run["summary"]
    from interview_coach.storage import open_store

    store = open_store(data_home / "coach.sqlite3")
    try:
        saved = store.answers()
    finally:
        store.close()
    assert len(saved) == len(run["results"])
    assert {a.source for a in saved} == {"voice"}
    assert not list((data_home / "recordings").glob("answer-*")), "recording left behind"
