"""When the microphone misbehaves, the user is told in one sentence and keeps what
was recorded: real PortAudio over the simulated ALSA microphone, in a child process
(ALSA reads HOME's .asoundrc when PortAudio starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from voice_support import require_portaudio, simulated_microphone

pytestmark = pytest.mark.voice
pytest.importorskip("av", reason="voice extras not installed")

JFK = Path(__file__).parent / "data" / "jfk.flac"
CHILD = Path(__file__).with_name("microphone_trouble.py")


def run_child(mode: str, tmp_path: Path) -> dict:
    require_portaudio()
    env = {**os.environ, **simulated_microphone(tmp_path / "home", JFK)}
    proc = subprocess.run(
        [sys.executable, str(CHILD), mode, str(tmp_path / "answer.wav")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_a_microphone_that_stops_ends_the_answer_with_a_sentence_and_keeps_it(tmp_path):
    result = run_child("stall", tmp_path)
    assert result["stopped_by"] == "stall"
    warning = result["warning"]
    assert warning == (
        f"The microphone stopped sending sound after {result['duration_s']:.1f} s; "
        "what was recorded until then is kept."
    )
    # Everything heard before the device went away is on disk.
    assert result["saved_s"] == pytest.approx(result["duration_s"]) and result["saved_s"] > 0


def test_dropped_input_is_reported_and_the_rest_of_the_answer_is_kept(tmp_path):
    result = run_child("overflow", tmp_path)
    assert result["stopped_by"] == "silence"
    assert result["warning"] == (
        "During the recording sound was dropped 1 time because the computer fell behind; "
        "the rest of the answer is kept."
    )
    assert result["saved_s"] > 11.0  # the whole of jfk.flac and the silence after it
