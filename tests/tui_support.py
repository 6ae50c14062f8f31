"""Shared by the Pilot tests: wait until the app has nothing left to do."""

from __future__ import annotations


async def settle(app, pilot) -> None:
    """Let messages land, every worker finish, and the screen refresh."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
