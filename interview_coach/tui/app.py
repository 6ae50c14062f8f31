"""Placeholder entry for the Textual app (replaced by the real app)."""


def run() -> int:
    from interview_coach.cli.main import build_parser

    build_parser().print_help()
    return 0
