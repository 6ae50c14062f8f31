"""Peak memory of the whole app in voice mode: TUI, Whisper, VAD, one spoken answer.

Runs the real Textual app headless with a WAV file (espeak-ng speech) in place
of the microphone, answers one question by voice (the sentence below, or about
--seconds of corpus sentences), waits for the whole-answer pass that redraws the
card, and prints peak RSS as JSON.

Usage: python benchmarks/bench_app_memory.py [--seconds 120]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "I met a faculty mentor every week and did forty timed questions a day, and I passed "
    "on my second attempt. I now use a fixed search pattern when reading studies on call."
)


async def main(seconds: float | None) -> None:
    from bench_voice_latency import speech_of_length

    from interview_coach.settings import Settings
    from interview_coach.speech.recorder import WavFileSource
    from interview_coach.speech.tts import Pyttsx3Speaker
    from interview_coach.tui.app import make_app
    from interview_coach.tui.memory import limit_malloc_arenas

    limit_malloc_arenas()  # as `interview-coach` does at start
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEW_COACH_HOME"] = home
        if seconds:
            wav = speech_of_length(seconds, Path(home))
        else:
            wav = Path(home) / "answer.wav"
            Pyttsx3Speaker(rate=150).save(ANSWER, wav)
        app = make_app(first_run_setup=False, voice=True)
        app.audio_source_factory = lambda: WavFileSource(wav)
        app.settings = Settings(speak_questions=False)
        async with app.run_test(size=(100, 32)) as pilot:

            async def settle() -> None:
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()

            await settle()
            await pilot.press("p")
            await settle()
            await pilot.press("ctrl+r")
            await pilot.pause()
            await pilot.press("space")
            await settle()  # the card from the live transcript
            await settle()  # the whole-answer pass, which redraws it
            screen = type(app.screen).__name__
            overall = getattr(app.screen, "card", {}).get("overall")
            delivery = getattr(app.screen, "delivery", None) or {}
    print(
        json.dumps(
            {
                "screen_after_answer": screen,
                "overall": overall,
                "answer_s": delivery.get("duration_s"),
                "transcript": delivery.get("transcript"),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=None)
    asyncio.run(main(parser.parse_args().seconds))
