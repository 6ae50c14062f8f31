"""The commands that open the full-screen app (none, and ``mock``): each checks what
it was given, then that there is a terminal to draw on, before Textual loads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interview_coach.errors import UserError


def require_terminal() -> None:
    """The app reads keys from stdin and draws on stderr (Textual's driver); run from a
    script, with either one not a terminal, it drew escape codes into the pipe at full
    CPU until killed. A piped stdout means text was wanted: the commands give it.

    Checked after the data folder, so a bad ``--data-dir`` is still what is reported
    first (creating the folder is what the app would do anyway).
    """
    from interview_coach.locations import ensure_data_dir

    ensure_data_dir()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    if not all(stream is not None and stream.isatty() for stream in streams):
        raise UserError(
            "The app needs a terminal (its input and output cannot be a pipe or a file); "
            "from a script use the commands instead, e.g. 'interview-coach score' "
            "(see 'interview-coach --help')."
        )


def run_tui() -> int:
    require_terminal()
    from interview_coach.tui.app import run

    return run()


def mock(args: argparse.Namespace) -> int:
    """The TUI, straight into a mock interview (checked here, before the screen opens)."""
    if args.questions < 1:
        raise UserError("--questions must be 1 or more.")
    profile = Path(args.profile) if args.profile else None
    if profile is not None and not profile.is_file():
        raise UserError(f"Profile file {args.profile} not found.")
    require_terminal()
    from interview_coach.tui.app import run

    return run(profile_file=profile, mock_questions=args.questions, start_in_voice=args.voice)
