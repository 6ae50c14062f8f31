"""Runs `mock --voice` in a subprocess (its own HOME, so PortAudio reads the simulated
ALSA microphone of that HOME) and prints what happened as JSON. No key is pressed:
the app is started as `interview-coach mock --voice --questions N` starts it."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path


async def main(profile: str, count: int) -> None:
    from interview_coach.tui.app import make_app

    app = make_app(Path(profile), voice=True, mock_questions=count, start_in_voice=True)
    async with app.run_test(size=(100, 32)) as pilot:
        deadline = time.monotonic() + 400
        while type(app.screen).__name__ != "MockSummaryScreen" and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        summary = str(screen.query_one("#summary").render()) if screen.id != "_default" else ""
        print(
            json.dumps(
                {
                    "screen": type(screen).__name__,
                    "summary": summary,
                    "spoken": app.speaking.spoken if app.speaking else [],
                    "results": [
                        {"prompt": r.prompt, "reply": r.reply, "follow_up": r.is_follow_up}
                        for r in getattr(screen, "results", [])
                    ],
                    "notes": [str(n.message) for n in app._notifications],
                }
            )
        )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
