"""What needs a terminal: the full-screen app (run from a script with no TTY it once
drew ~780 KB of escape codes at ~95% CPU for ten minutes) and purge's question. Each
test runs the real entry point with a pseudo-terminal where a user's terminal would be."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import OFFLINE, ROOT

STREAMS = ("stdin", "stdout", "stderr")
_COMMAND = (sys.executable, "-m", "interview_coach")
HANG_GUARD_S = 60  # only stops a hung run; a refusal is immediate


def _terminal() -> tuple[int, int]:
    """(controller, terminal) file descriptors of a fresh 80x24 pseudo-terminal."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return controller, terminal


def _read_all(controller: int, until: bytes | None = None, limit_s: float = 0.5) -> bytes:
    """What the program wrote to the terminal so far (or until ``until`` shows)."""
    seen = b""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the program closed its side
            break
        if not chunk:
            break
        seen += chunk
        if until is not None and until in seen:
            break
    return seen


def _start(args: list[str], data_dir: Path, redirected: str | None, tmp_path: Path):
    controller, terminal = _terminal()
    log = os.open(tmp_path / "stderr.txt", os.O_WRONLY | os.O_CREAT, 0o600)
    elsewhere = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": log}
    streams = {name: elsewhere[name] if name == redirected else terminal for name in STREAMS}
    env = {**os.environ, **OFFLINE, "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [*_COMMAND, "--data-dir", str(data_dir), *args],
        **streams,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(terminal)
    os.close(log)
    return proc, controller


@pytest.mark.parametrize("command", [[], ["mock"]], ids=["app", "mock"])
@pytest.mark.parametrize("redirected", STREAMS)
def test_without_a_terminal_the_app_says_so_in_one_sentence(tmp_path, command, redirected):
    proc, controller = _start(command, tmp_path / "data", redirected, tmp_path)
    try:
        code = proc.wait(timeout=HANG_GUARD_S)
        shown = _read_all(controller)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(controller)
    stderr = ((tmp_path / "stderr.txt").read_bytes() if redirected == "stderr" else shown).decode()
    assert code == 2
    assert "The app needs a terminal" in stderr and "interview-coach score" in stderr
    assert "\x1b[" not in stderr  # no screen was drawn
    if redirected == "stdout":
        assert proc.stdout.read() == b""


def test_in_a_terminal_the_app_opens_and_quits(tmp_path):
    proc, controller = _start([], tmp_path / "data", None, tmp_path)
    try:
        shown = _read_all(controller, until=b"Interview Coach", limit_s=HANG_GUARD_S)
        assert b"Interview Coach" in shown
        os.write(controller, b"\x11")  # Ctrl+Q
        code = proc.wait(timeout=HANG_GUARD_S)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(controller)
    assert code == 0


def _saved_data(folder: Path) -> None:
    """One saved session in ``folder``, as ``score --save`` leaves it."""
    subprocess.run(
        [*_COMMAND, "--data-dir", str(folder), "score", "--topic", "gap", "--save"],
        input=b"I took nine months off in 2022 to prepare for Step 2 CK.",
        capture_output=True,
        env={**os.environ, **OFFLINE},
        cwd=ROOT,
        check=True,
    )


@pytest.mark.parametrize(
    ("reply", "deleted"),
    [("y", True), ("yes", True), ("Y", True), ("n", False), ("", False), ("yess", False)],
)
def test_purge_asks_and_y_means_yes(tmp_path, reply, deleted):
    """The README says y means yes in the app's questions; purge wanted the whole
    word and answered 'y' with 'Nothing deleted.'"""
    folder = tmp_path / "data"
    _saved_data(folder)
    controller, terminal = _terminal()
    proc = subprocess.Popen(
        [*_COMMAND, "--data-dir", str(folder), "purge"],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **OFFLINE},
        cwd=ROOT,
    )
    os.close(terminal)
    try:
        os.write(controller, reply.encode() + b"\n")
        out, err = proc.communicate(timeout=HANG_GUARD_S)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(controller)
    assert proc.returncode == 0, err
    assert "[y/N]" in out.decode()
    assert folder.exists() is not deleted
    assert ("Nothing deleted." in out.decode()) is not deleted
