"""Time from launch to first paint: a minimal Textual app vs interview-coach, side by side.

Each run is a fresh process started by this script; the child reports the wall
time at which its first screen has been rendered (the first refresh after
mount). Prints one JSON document with medians over the runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

MINIMAL = """
import sys, time
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(time.time()); self.exit()
Minimal().run(headless=True)
"""

COACH = """
import sys, time
from interview_coach.tui.app import make_app
from interview_coach.tui.screens.home_screen import HomeScreen
app = make_app(first_run_setup=False, voice=True)
original = HomeScreen.on_mount
def on_mount(self):
    original(self)
    self.call_after_refresh(lambda: (print(time.time()), self.app.exit()))
HomeScreen.on_mount = on_mount
app.run(headless=True)
"""


def first_paint(code: str, home: str) -> float:
    env = {**os.environ, "INTERVIEW_COACH_HOME": home}
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    ).stdout
    return float(out.strip().splitlines()[-1]) - started


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as home:
        first_paint(MINIMAL, home)  # warm the file cache for both
        first_paint(COACH, home)
        minimal = [first_paint(MINIMAL, home) for _ in range(runs)]
        coach = [first_paint(COACH, home) for _ in range(runs)]
    report = {
        "runs": runs,
        "minimal_textual_first_paint_s": round(statistics.median(minimal), 3),
        "interview_coach_first_paint_s": round(statistics.median(coach), 3),
        "ratio": round(statistics.median(coach) / statistics.median(minimal), 2),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
