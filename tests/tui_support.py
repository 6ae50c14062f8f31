"""Shared by the Pilot tests: wait until the app has nothing left to do."""

from __future__ import annotations


async def settle(app, pilot) -> None:
    """Let messages land, every worker finish, and the screen refresh."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def shown(widget) -> str:
    """A Static's content as the user reads it, laid out at the widget's width (works
    for Rich renderables, whose ``render()`` is not their text)."""
    import io

    from rich.console import Console

    console = Console(width=widget.content_size.width, file=io.StringIO(), record=True)
    console.print(widget.content)
    return console.export_text()


async def speak_a_practice_answer(app, pilot) -> None:
    """From Home: open Practice, switch to voice, and record one answer (Space)."""
    await pilot.press("p")
    await settle(app, pilot)
    await pilot.press("ctrl+r")
    await pilot.pause()
    await pilot.press("space")
    await settle(app, pilot)


async def press_twice_at_once(app, pilot, key: str) -> None:
    """Both key events are queued before the first is handled, as in a fast double tap."""
    from textual import events

    for _ in range(2):
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)
    await settle(app, pilot)
