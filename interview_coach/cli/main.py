"""Argument parsing and the error boundary: bad input is one sentence and exit 2.

Only argparse and the standard library load at start-up; each command imports
what it needs, so ``score`` never pays for Textual or Whisper.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from interview_coach import __version__
from interview_coach.errors import UserError


class _Parser(argparse.ArgumentParser):
    """argparse prints usage and exits 2 on errors; we keep the exit code, shorten the text."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help).\n")


def _common(parser: argparse.ArgumentParser, json_flag: bool = True) -> None:
    """The global options, accepted before and after the sub-command.

    ``default=SUPPRESS`` matters: a sub-command's own default would otherwise
    overwrite the value given before the sub-command (``--data-dir D sessions``).
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="use DIR for history and profile (overrides INTERVIEW_COACH_HOME)",
    )
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print one JSON document")


def resolve_options(args: argparse.Namespace) -> argparse.Namespace:
    """The one place global options take effect, wherever they were typed."""
    from interview_coach import locations

    args.data_dir = getattr(args, "data_dir", None)
    locations.set_data_dir_override(args.data_dir)
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="interview-coach",
        description="Practise red-flag interview answers offline: questions, scoring, history.",
    )
    parser.add_argument("--version", action="version", version=f"interview-coach {__version__}")
    _common(parser, json_flag=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("topics", help="list red-flag topics")
    _common(p)

    p = sub.add_parser("questions", help="questions fitted to your profile")
    _common(p)
    p.add_argument("--profile", metavar="FILE.toml", help="profile file (default: saved profile)")
    p.add_argument("--topic", metavar="ID", help="only this topic")
    p.add_argument("--limit", type=int, metavar="N", help="at most N questions")

    p = sub.add_parser("score", help="score a typed answer (from a file or stdin)")
    _common(p)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--topic", metavar="ID", help="the topic the answer is about")
    target.add_argument("--question", metavar="QID", help="the question id answered")
    p.add_argument("--profile", metavar="FILE.toml", help="profile file (default: saved profile)")
    p.add_argument("--file", metavar="F", help="answer text file, or - for stdin (default)")
    p.add_argument("--save", action="store_true", help="also save it as a one-answer session")

    p = sub.add_parser("sessions", help="list saved sessions")
    _common(p)

    p = sub.add_parser("show", help="show one saved session with its answers and cards")
    _common(p)
    p.add_argument("session_id", type=int, metavar="SESSION_ID")

    p = sub.add_parser("export", help="export a session (or 'all') as a report")
    _common(p, json_flag=False)
    p.add_argument("session_id", metavar="SESSION_ID", help="a session id, or 'all' for history")
    p.add_argument("--format", choices=("md", "html", "json"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = sub.add_parser("record", help="record an answer from the microphone to a WAV file")
    _common(p, json_flag=True)
    p.add_argument("out", metavar="OUT.wav")
    p.add_argument("--max-seconds", type=float, default=90.0, metavar="N")
    p.add_argument(
        "--silence-stop",
        type=float,
        metavar="SECONDS",
        help="stop after this much silence (default: settings.toml, else 2.5)",
    )

    p = sub.add_parser(
        "transcribe", help="transcribe an audio file (WAV, FLAC, MP3, OGG, M4A) with local Whisper"
    )
    _common(p)
    p.add_argument("audio", metavar="AUDIO_FILE")
    p.add_argument(
        "--model",
        metavar="NAME_OR_PATH",
        help="Whisper model (default: settings.toml, else the bundled tiny.en)",
    )

    p = sub.add_parser("mock", help="open the app in a mock interview")
    _common(p, json_flag=False)
    p.add_argument("--voice", action="store_true", help="start in voice mode (answer out loud)")
    p.add_argument(
        "--questions", type=int, default=5, metavar="N", help="questions to ask (default 5)"
    )
    p.add_argument("--profile", metavar="FILE.toml", help="profile file (default: saved profile)")

    p = sub.add_parser("purge", help="delete all your saved data (asks first)")
    _common(p, json_flag=False)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # answers about health and failures are private: owner-only files
    args = resolve_options(build_parser().parse_args(argv))
    try:
        if args.command is None:
            from interview_coach.cli.commands import run_tui

            return run_tui()
        from interview_coach.cli import commands

        return commands.COMMANDS[args.command](args)
    except UserError as exc:
        print(f"interview-coach: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interview-coach: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not bad input: still one sentence, unless debugging
        if os.environ.get("INTERVIEW_COACH_DEBUG"):
            raise
        print(
            f"interview-coach: internal error ({type(exc).__name__}: {exc}); "
            "set INTERVIEW_COACH_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
