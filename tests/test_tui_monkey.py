"""Random keys and clicks over every screen, seeded so a failure can be replayed.

The suite runs MONKEY_SEEDS seeds of MONKEY_KEYS steps each (5 x 400 by default,
at 80x24 and 120x40 in turn); ``make soak`` runs more. A failure names the seed,
the step and the last keys pressed; rerun with ``MONKEY_SEED_BASE`` to replay.
"""

from __future__ import annotations

import os

import pytest
from monkey import SCREENS, Ledger, run_monkey, watch_store, watch_workers
from tui_support import settle

from interview_coach.tui.app import make_app

SEEDS = int(os.environ.get("MONKEY_SEEDS", "5"))
KEYS = int(os.environ.get("MONKEY_KEYS", "400"))
BASE = int(os.environ.get("MONKEY_SEED_BASE", "1000"))
EXTRA_SEEDS = 4
ANSWER = "I did not pass Step 1 on my first attempt in June 2021. I met a mentor weekly."

visited: set[str] = set()
steps: list[int] = []


async def _one_run(profile_file, seed: int) -> None:
    ledger = Ledger()
    app = make_app(profile_file)
    size = (80, 24) if seed % 2 else (120, 40)
    with pytest.MonkeyPatch.context() as patches:
        watch_workers(patches, ledger)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            watch_store(app.coach.store(), ledger)
            for topic in ("exam_failure", "gap", "professionalism"):
                app.coach.save(app.coach.score(ANSWER, topic), ANSWER)
            await run_monkey(app, pilot, seed, KEYS, ledger)
    assert app.return_code in (None, 0)
    visited.update(ledger.visited)
    steps.append(ledger.steps)


@pytest.mark.parametrize("seed", range(BASE, BASE + SEEDS))
async def test_random_keys_and_clicks_never_crash_or_lose_an_answer(data_home, profile_file, seed):
    await _one_run(profile_file, seed)


async def test_the_monkey_pressed_enough_keys_and_saw_every_screen(data_home, profile_file):
    """Runs after the seeds above (pytest keeps file order). Which screens a seeded
    walk reaches also depends on when the app's workers finish (a card appears once
    scoring is done), so a screen the seeds above missed gets up to EXTRA_SEEDS more
    walks, each checked like the others, before the test says it cannot be reached."""
    if len(steps) < SEEDS:
        pytest.skip("the monkey runs did not all run (selected on their own?)")
    assert sum(steps) >= 2000 or SEEDS * KEYS < 2000
    for seed in range(BASE + SEEDS, BASE + SEEDS + EXTRA_SEEDS):
        if SCREENS - {"ConfirmModal"} <= visited:
            break
        await _one_run(profile_file, seed)
    assert SCREENS - {"ConfirmModal"} <= visited, f"never reached: {SCREENS - visited}"
