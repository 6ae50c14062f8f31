"""When the app hits a bug: a report in the data folder and one line on the terminal.

The report holds what a maintainer needs (the traceback's code lines, versions,
which screens were open, the terminal size) and none of the user's answers:
tracebacks are formatted without local variables unless the user asks for them
with ``INTERVIEW_COACH_DEBUG=1``.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from interview_coach import __version__, locations

MAX_MESSAGE_CHARS = 300


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"interview-coach {__version__}", f"Python {platform.python_version()}"]
    for package in ("textual", "rich"):
        with contextlib.suppress(PackageNotFoundError):
            parts.append(f"{package} {version(package)}")
    return ", ".join(parts) + f" on {platform.system()} {platform.release()}"


def format_report(error: BaseException, context: dict[str, str], with_locals: bool) -> str:
    frames = traceback.TracebackException.from_exception(error, capture_locals=with_locals)
    lines = list(frames.format())
    if not with_locals:
        # The last line repeats the message, which may quote user data: keep it short.
        lines[-1] = lines[-1][:MAX_MESSAGE_CHARS].rstrip() + "\n"
    header = [
        "interview-coach crash report",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"versions: {_versions()}",
        *(f"{key}: {value}" for key, value in context.items()),
        "answers included: " + ("yes (INTERVIEW_COACH_DEBUG=1)" if with_locals else "no"),
        "",
    ]
    return "\n".join(header) + "\n" + "".join(lines)


def write_crash_report(error: BaseException, context: dict[str, str]) -> Path | None:
    """Write the report owner-only into the data folder; None when that is impossible."""
    with_locals = bool(os.environ.get("INTERVIEW_COACH_DEBUG"))
    try:
        folder = locations.crash_reports_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(format_report(error, context, with_locals))
        return path
    except Exception:  # a report must never hide the crash it reports
        return None


def hint(path: Path | None) -> str:
    """The one line printed on the terminal after the app stopped on a bug."""
    if path is None:
        return "interview-coach stopped because of a bug (no report could be written)."
    return (
        f"interview-coach stopped because of a bug; a report (without your answers) "
        f"is in {path}. Please attach it when you report the problem."
    )


def print_hint(path: Path | None) -> None:
    print(hint(path), file=sys.stderr)
