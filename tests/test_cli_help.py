"""`--help` describes every option and argument and shows examples, for each command."""

from __future__ import annotations

import argparse

import pytest

from interview_coach.cli.main import build_parser


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {None: parser, **sub.choices}


@pytest.mark.parametrize("name", list(_commands()), ids=lambda n: n or "interview-coach")
def test_every_option_and_argument_is_described_and_examples_are_given(name):
    parser = _commands()[name]
    undescribed = [
        action.metavar or "/".join(action.option_strings) or action.dest
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction)
        and not (action.help and action.help.strip() and action.help != argparse.SUPPRESS)
    ]
    assert undescribed == []
    text = parser.format_help()
    assert "examples:\n  interview-coach" in text
    if name:  # each example runs the command it documents
        assert f"interview-coach {name}" in parser.epilog


def test_help_as_printed_describes_the_options_people_asked_about(run_cli):
    record = run_cli("record", "--help")
    assert record.code == 0
    assert "stop after N seconds even while you are speaking" in " ".join(record.stdout.split())
    export = " ".join(run_cli("export", "--help").stdout.split())
    assert "SESSION_ID the session's number" in export
    assert "md: Markdown (default); html: a page to open or print" in export
    assert "interview-coach export 3 --format html -o session3.html" in export
