"""Argument parsing and the error boundary: bad input is one sentence and exit 2.

Only argparse and the standard library load at start-up; each command imports
what it needs, so ``score`` never pays for Textual or Whisper.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from interview_coach import __version__
from interview_coach.errors import UserError


class _Parser(argparse.ArgumentParser):
    """argparse prints usage and exits 2 on errors; we keep the exit code, shorten the text."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help).\n")


def _common(parser: argparse.ArgumentParser, without_json: str | None = None) -> None:
    """The global options, accepted before and after the sub-command.

    ``default=SUPPRESS`` matters: a sub-command's own default would otherwise
    overwrite the value given before the sub-command (``--data-dir D sessions``).
    A command without JSON output still parses ``--json``, its help saying why
    (``without_json``), so ``purge --json`` gets the same sentence as ``--json purge``,
    not "unrecognized arguments".
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="use DIR for history and profile (overrides INTERVIEW_COACH_HOME)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help=f"not here: {without_json}"
        if without_json
        else "print one JSON document on stdout, nothing else",
    )


def resolve_options(args: argparse.Namespace) -> argparse.Namespace:
    """The one place global options take effect, wherever they were typed."""
    from interview_coach import locations

    args.data_dir = getattr(args, "data_dir", None)
    args.json = getattr(args, "json", False)
    locations.set_data_dir_override(args.data_dir)
    return args


EXAMPLES = {
    None: """examples:
  interview-coach                                  open the app (home screen)
  interview-coach topics
  interview-coach questions --profile me.toml --limit 5
  echo "I did not pass Step 1 ..." | interview-coach score --topic exam_failure
  interview-coach sessions
  interview-coach export all --format html -o report.html

Run 'interview-coach COMMAND --help' for a command's options and examples.""",
    "topics": """examples:
  interview-coach topics
  interview-coach topics --json""",
    "questions": """examples:
  interview-coach questions --limit 5
  interview-coach questions --profile me.toml --topic gap --json""",
    "score": """examples:
  interview-coach score --topic exam_failure --file answer.txt
  echo "I did not pass Step 1 in June 2021 ..." | interview-coach score --topic exam_failure
  interview-coach score --question exam_failure.tell_me --file answer.txt --save --json""",
    "sessions": """examples:
  interview-coach sessions
  interview-coach sessions --json""",
    "show": """examples:
  interview-coach sessions          # find the id
  interview-coach show 3
  interview-coach show 3 --json""",
    "export": """examples:
  interview-coach export 3                          # Markdown on stdout
  interview-coach export 3 --format html -o session3.html
  interview-coach export all --format md -o history.md""",
    "record": """examples:
  interview-coach record answer.wav
  interview-coach record answer.wav --max-seconds 90 --silence-stop 2.5""",
    "transcribe": """examples:
  interview-coach transcribe answer.wav
  interview-coach transcribe memo.m4a --json
  interview-coach transcribe answer.wav --model /path/to/ct2-whisper-model""",
    "mock": """examples:
  interview-coach mock
  interview-coach mock --questions 3 --voice
  interview-coach mock --profile me.toml""",
    "purge": """examples:
  interview-coach purge              # names the folder, then asks
  interview-coach --data-dir ./trial purge --yes""",
}


# Commands whose output is not data, each with what it gives instead.
WITHOUT_JSON = {
    "export": "the report is written as --format says (json for the data)",
    "mock": "it opens the app",
    "purge": "it prints only what it deletes",
}


def _command(sub: argparse._SubParsersAction, name: str, summary: str) -> argparse.ArgumentParser:
    """A sub-command whose --help starts with ``summary`` and ends with its examples."""
    parser = sub.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=EXAMPLES[name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(parser, WITHOUT_JSON.get(name))
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="interview-coach",
        description="Practise red-flag interview answers offline: questions, scoring, history.",
        epilog=EXAMPLES[None],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"interview-coach {__version__}")
    _common(parser)
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, title="commands"
    )
    profile_help = "your profile (TOML with your red flags); default: the profile saved in the app"

    _command(sub, "topics", "list the red-flag topics and their ids")

    p = _command(sub, "questions", "list questions fitted to your profile, most relevant first")
    p.add_argument("--profile", metavar="FILE.toml", help=profile_help)
    p.add_argument("--topic", metavar="ID", help="only this topic (ids: interview-coach topics)")
    p.add_argument("--limit", type=int, metavar="N", help="at most N questions (1 or more)")

    p = _command(sub, "score", "score a typed answer (from a file or stdin)")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--topic", metavar="ID", help="the topic the answer is about")
    target.add_argument(
        "--question", metavar="QID", help="the question answered (ids: questions --json)"
    )
    p.add_argument("--profile", metavar="FILE.toml", help=profile_help)
    p.add_argument(
        "--file", metavar="F", help="read the answer from F; '-' or no --file reads stdin"
    )
    p.add_argument(
        "--save", action="store_true", help="also save it as a one-answer session (for Review)"
    )

    _command(sub, "sessions", "list saved sessions, newest first")

    p = _command(sub, "show", "show one saved session with its answers and cards")
    p.add_argument(
        "session_id",
        type=int,
        metavar="SESSION_ID",
        help="the session's number, as 'interview-coach sessions' lists it",
    )

    p = _command(sub, "export", "export a session (or your whole history) as a report")
    p.add_argument(
        "session_id",
        metavar="SESSION_ID",
        help="the session's number (see 'interview-coach sessions'), or 'all' for every session",
    )
    p.add_argument(
        "--format",
        choices=("md", "html", "json"),
        default="md",
        help="md: Markdown (default); html: a page to open or print; json: the raw data",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = _command(sub, "record", "record an answer from the microphone to a WAV file")
    p.add_argument("out", metavar="OUT.wav", help="the WAV file to write (16 kHz mono)")
    p.add_argument(
        "--max-seconds",
        type=float,
        default=90.0,
        metavar="N",
        help="stop after N seconds even while you are speaking (default 90)",
    )
    p.add_argument(
        "--silence-stop",
        type=float,
        metavar="SECONDS",
        help="stop after this much silence once you have spoken (default: settings.toml, else 2.5)",
    )

    p = _command(
        sub, "transcribe", "transcribe an audio file (WAV, FLAC, MP3, OGG, M4A) with local Whisper"
    )
    p.add_argument("audio", metavar="AUDIO_FILE", help="the recording to transcribe")
    p.add_argument(
        "--model",
        metavar="NAME_OR_PATH",
        help="Whisper model (default: settings.toml, else the bundled tiny.en)",
    )

    p = _command(sub, "mock", "open the app in a mock interview")
    p.add_argument("--voice", action="store_true", help="start in voice mode (answer out loud)")
    p.add_argument(
        "--questions", type=int, default=5, metavar="N", help="questions to ask (default 5)"
    )
    p.add_argument("--profile", metavar="FILE.toml", help=profile_help)

    p = _command(sub, "purge", "delete all your saved data (names the folder, asks first)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


# Commands that load the data, print and end: their process is short and nearly
# everything it allocates lives until exit.
SHORT_LIVED = frozenset({"topics", "questions", "score", "sessions", "show", "export"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; ``argv`` None means this process is the program itself."""
    os.umask(0o077)  # answers about health and failures are private: owner-only files
    parser = build_parser()
    args = resolve_options(parser.parse_args(argv))
    if args.json and (args.command is None or args.command in WITHOUT_JSON):
        parser.error(f"--json does not apply to {args.command or 'the app'}")
    as_program = argv is None and args.command in SHORT_LIVED
    if as_program:
        # The cyclic collector would walk the ~30,000 objects of the loaded tables and
        # rubrics many times while they are built, then once more at exit, all for no
        # garbage: ~70 ms of score --json's ~0.65 s here (benchmarks/bench_scoring.py).
        gc.disable()
    try:
        return _run(args)
    finally:
        if as_program:
            gc.freeze()  # the interpreter's final collection skips frozen objects


def _check_data_dir() -> None:
    """A data folder that is a file ('--data-dir /dev/null') would read as an empty
    history and fail on the first save: say so before anything runs."""
    from interview_coach import locations

    folder = locations.data_dir()
    if folder.exists() and not folder.is_dir():
        raise UserError(f"The data folder {folder} is a file, not a folder.")


def _run(args: argparse.Namespace) -> int:
    try:
        _check_data_dir()
        if args.command is None:
            from interview_coach.cli.app_commands import run_tui

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
