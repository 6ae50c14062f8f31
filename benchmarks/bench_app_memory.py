"""Peak memory of the whole app in voice mode: TUI, Whisper, VAD, one spoken answer.

Runs the real Textual app headless with a WAV file (espeak-ng speech) in place
of the microphone, answers one question by voice, and prints peak RSS as JSON.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "I met a faculty mentor every week and did forty timed questions a day, and I passed "
    "on my second attempt. I now use a fixed search pattern when reading studies on call."
)


async def main() -> None:
    from interview_coach.settings import Settings
    from interview_coach.speech.recorder import WavFileSource
    from interview_coach.speech.tts import Pyttsx3Speaker
    from interview_coach.tui.app import make_app

    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEW_COACH_HOME"] = home
        wav = Path(home) / "answer.wav"
        Pyttsx3Speaker(rate=150).save(ANSWER, wav)
        app = make_app(first_run_setup=False, voice=True)
        app.audio_source_factory = lambda: WavFileSource(wav)
        app.settings = Settings(speak_questions=False)
        async with app.run_test(size=(100, 32)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("p")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+r")
            await pilot.press("space")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = type(app.screen).__name__
            overall = getattr(app.screen, "card", {}).get("overall")
    print(
        json.dumps(
            {
                "screen_after_answer": screen,
                "overall": overall,
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    asyncio.run(main())
