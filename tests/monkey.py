"""A seeded random-key and random-click driver for the app ("monkey" testing).

It presses keys a user might press anywhere (letters, Enter, Esc, Tab, arrows,
the app's own bindings) and clicks at random cells, and after every step checks
what a user would notice: the app still runs, no bug stopped it or a worker,
and every answer the app acknowledged is still saved unless the user deleted it.

Keys go straight to the driver and each waits only for the screen to process
its messages (not for the CPU to idle as ``Pilot.press`` does), so a few
thousand keys fit in the test suite; after a key that changed the screen the
monkey waits for it to paint, as a person would.
"""

from __future__ import annotations

import contextlib
import random
import string
import time
from dataclasses import dataclass, field

from textual import events
from textual.worker import Worker, WorkerCancelled, WorkerState

from interview_coach.errors import UserError

# Keys that quit on purpose (Ctrl+Q, q on Home, the command palette's Quit) are left out.
NAVIGATION = [
    "escape",
    "escape",
    "enter",
    "enter",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "backspace",
    "delete",
]
BINDINGS = [
    "ctrl+s",
    "ctrl+s",
    "ctrl+n",
    "ctrl+r",
    "question_mark",
    "p",
    "m",
    "r",
    "g",
    "e",
    "s",
    "d",
    "y",
    "n",
    "f",
    "x",
    "t",
]
LETTERS = [c for c in string.ascii_lowercase + string.digits if c != "q"] + [" "] * 6
SCREENS = {
    "HomeScreen", "PracticeScreen", "MockScreen", "ReviewScreen", "ProgressScreen",
    "ProfileScreen", "SettingsScreen", "CardScreen", "MockSummaryScreen", "HelpModal",
    "ConfirmModal",
}  # fmt: skip


@dataclass
class Ledger:
    """What the app told the user it saved, and what the user deleted."""

    saved: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    worker_bugs: list[str] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)
    steps: int = 0


def watch_store(store, ledger: Ledger) -> None:
    save, delete = store.save_answer, store.delete_answer

    def save_answer(*args, **kwargs):
        answer_id = save(*args, **kwargs)
        ledger.saved.add(answer_id)
        return answer_id

    def delete_answer(answer_id):
        ledger.deleted.add(answer_id)
        return delete(answer_id)

    store.save_answer, store.delete_answer = save_answer, delete_answer


def watch_workers(monkeypatch, ledger: Ledger) -> None:
    """A worker that fails with anything but a UserError (one sentence for the user) is a bug."""
    run = Worker._run

    async def _run(self, app):
        await run(self, app)
        if self.state == WorkerState.ERROR and not isinstance(self.error, UserError):
            ledger.worker_bugs.append(f"{self.group}: {self.error!r}")

    monkeypatch.setattr(Worker, "_run", _run)


def _key_event(key: str) -> events.Key:
    char = key if len(key) == 1 else None
    name = {" ": "space"}.get(key, key)
    if key == "question_mark":
        char = "?"
    return events.Key(name, char)


async def send_key(app, pilot, key: str) -> None:
    before = app.screen
    event = _key_event(key)
    event.set_sender(app)
    app._driver.send_message(event)
    await pilot._wait_for_screen()
    await _after_screen_change(app, pilot, before)


async def _after_screen_change(app, pilot, before) -> None:
    """A new screen mounts before a person can press the next key (Textual's own Header
    fails when a screen is closed while it is still mounting): drain the new screen's
    messages too, without waiting for the CPU to idle."""
    for _ in range(3):
        if app.screen is before:
            return
        before = app.screen
        await pilot._wait_for_screen()


async def click(app, pilot, rng: random.Random) -> None:
    """Mouse down, up and click at a random cell, as the driver sends them."""
    from textual.events import Click, MouseDown, MouseUp
    from textual.geometry import Offset
    from textual.pilot import _get_mouse_message_arguments

    screen = app.screen
    width, height = app.size
    for _ in range(10):
        x, y = rng.randrange(width), rng.randrange(height)
        if not _quits(app, x, y):
            break
    else:
        return
    arguments = _get_mouse_message_arguments(screen, (x, y), button=1)
    for event_class in (MouseDown, MouseUp, Click):
        kwargs = {**arguments, "chain": 1} if event_class is Click else arguments
        app.mouse_position = Offset(x, y)
        screen._forward_event(event_class(**kwargs))
        await pilot._wait_for_screen()
    await _after_screen_change(app, pilot, screen)


def _quits(app, x: int, y: int) -> bool:
    """The footer's Quit and command-palette keys end the run on purpose (the palette
    can quit, or save screenshots into the working folder): the monkey does not click them."""
    from textual.widgets._footer import FooterKey

    try:
        widget, _ = app.get_widget_at(x, y)
    except Exception:
        return False
    for node in widget.ancestors_with_self:
        if isinstance(node, FooterKey):
            return "quit" in node.action or node.has_class("-command-palette")
    return False


def next_action(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return "click"
    if roll < 0.45:
        return rng.choice(LETTERS)
    if roll < 0.75:
        return rng.choice(NAVIGATION)
    return rng.choice(BINDINGS)


def check(app, ledger: Ledger, where: str) -> None:
    assert app.is_running and app.return_code is None, f"the app stopped {where}"
    assert app._exception is None, f"{where}: {app._exception!r}"
    assert not ledger.worker_bugs, f"{where}: {ledger.worker_bugs}"


def check_answers(app, ledger: Ledger) -> None:
    stored = {answer.id for answer in app.coach.store().answers()}
    lost = ledger.saved - ledger.deleted - stored
    assert not lost, f"saved answers {sorted(lost)} disappeared without a delete"


async def wait_for_workers(app) -> None:
    """Every worker done. One cancelled on purpose (an exclusive ``load`` replaced by a
    newer one, or a screen's worker when it closed) is not a failure:
    ``WorkerManager.wait_for_complete`` would raise for it (seed 1000 did, now and
    then). Workers that failed are recorded by ``watch_workers`` and checked after."""
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


async def run_monkey(
    app, pilot, seed: int, keys: int, ledger: Ledger, max_seconds: float = 300.0
) -> None:
    """``max_seconds`` only guards against a hang; it is not a performance threshold."""
    rng = random.Random(seed)
    trail: list[str] = []
    deadline = time.monotonic() + max_seconds
    for step in range(keys):
        if time.monotonic() > deadline:
            break
        action = next_action(rng)
        trail = [*trail[-24:], action]
        where = f"(seed {seed}, step {step}, last keys {trail})"
        if action == "click":
            await click(app, pilot, rng)
        else:
            await send_key(app, pilot, action)
        ledger.visited.add(type(app.screen).__name__)
        ledger.steps += 1
        check(app, ledger, where)
    await wait_for_workers(app)
    await pilot.pause()
    check(app, ledger, f"(seed {seed}, after the last key)")
    check_answers(app, ledger)
