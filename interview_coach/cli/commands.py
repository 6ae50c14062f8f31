"""One function per sub-command. Each validates its input fully before writing anything."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from interview_coach.domain.quotes import shorten
from interview_coach.errors import UserError

MAX_INPUT_BYTES = 200_000


def _emit(args: argparse.Namespace, payload: Any, text: str) -> int:
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(text.rstrip("\n") + "\n")
    return 0


def _coach(args: argparse.Namespace):
    from interview_coach.coach import Coach

    profile = getattr(args, "profile", None)
    return Coach.load(Path(profile) if profile else None)


def topics(args: argparse.Namespace) -> int:
    from interview_coach.domain.bank import default_bank

    bank = default_bank()
    payload = [
        {"id": t.id, "title": t.title, "description": t.description} for t in bank.topics.values()
    ]
    text = "\n".join(f"{t['id']:18} {t['title']}: {t['description']}" for t in payload)
    return _emit(args, payload, text)


def questions(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be 1 or more.")
    coach = _coach(args)
    asked = coach.questions(topic=args.topic, limit=args.limit)
    payload = [q.to_json() for q in asked]
    text = "\n".join(f"[{q.id}] {q.text}" for q in asked)
    return _emit(args, payload, text)


def read_answer(source: str | None) -> str:
    """Read the answer as strict UTF-8 from a file or stdin, within the size limit."""
    from interview_coach.domain.scoring import MAX_ANSWER_CHARS

    try:
        if source in (None, "-"):
            raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
            name = "standard input"
        else:
            path = Path(source)
            if path.is_dir():
                raise UserError(f"{source} is a directory, not an answer file.")
            with path.open("rb") as handle:
                raw = handle.read(MAX_INPUT_BYTES + 1)
            name = source
    except FileNotFoundError:
        raise UserError(f"Answer file {source} not found.") from None
    except OSError as exc:
        raise UserError(f"Cannot read {source} ({exc.strerror}).") from None
    try:
        # utf-8-sig: a byte-order mark (Windows editors write one) is not part of the answer
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"The answer in {name} is not UTF-8 text (byte {exc.start}).") from None
    if "\x00" in text:
        raise UserError(f"The answer in {name} looks like binary data, not text.")
    if len(raw) > MAX_INPUT_BYTES or len(text) > MAX_ANSWER_CHARS:
        raise UserError(f"The answer is longer than {MAX_ANSWER_CHARS:,} characters.")
    if not text.strip():
        raise UserError("The answer is empty; type or say something to score.")
    return text


def format_card(card: dict[str, Any]) -> str:
    lines = [f"Overall: {card['overall']}/100  ({card['topic']})", ""]
    for name, dim in card["dimensions"].items():
        lines.append(f"{name.replace('_', ' '):18} {dim['score']:3d}  {dim['level']}")
        for detail in dim.get("evidence_detail", [])[:3]:
            quote = shorten(detail["text"], 70)
            lines.append(f'    {detail["effect"]} {detail["reason"]}: "{quote}"')
        lines.append(f"    advice: {dim['advice']}")
    for flag in card["flags"]:
        lines.append(f"! {flag['message']}")
    if card.get("follow_up"):
        # A suggestion, not a record: `show` of a mock answer had read as if it was asked.
        lines.append(f"\nAn interviewer may ask next: {card['follow_up']}")
    return "\n".join(lines)


def score(args: argparse.Namespace) -> int:
    coach = _coach(args)
    if args.question:
        topic = coach.bank.question(args.question).topic
    else:
        topic = coach.bank.topic(args.topic).id
    answer = read_answer(args.file)
    card = coach.score(answer, topic, args.question)
    payload = card.to_json()
    if args.save:
        question_text = coach.question(args.question).text if args.question else None
        session_id, _ = coach.save(card, answer, kind="score", question_text=question_text)
        announce(coach.store())
        payload["session_id"] = session_id
        coach.close()
    saved = f"\nSaved as session {payload['session_id']}." if args.save else ""
    return _emit(args, payload, format_card(payload) + saved)


def announce(store) -> None:
    """Say on stderr, in one sentence, what opening the database did (moved a damaged
    file aside, backed up before upgrading): stdout may be JSON, and an empty list
    alone would look like a lost history."""
    if store is not None and store.notice:
        print(f"interview-coach: {store.notice}", file=sys.stderr)


def _store():
    from interview_coach import locations
    from interview_coach.storage import open_store

    if not locations.database_path().exists():
        return None
    store = open_store(locations.database_path())
    announce(store)
    return store


def sessions(args: argparse.Namespace) -> int:
    store = _store()
    found = store.sessions() if store else []
    payload = [s.to_json() for s in found]
    text = (
        "\n".join(
            f"{s.id:4d}  {s.started_at}  {s.kind:8}  {s.answer_count} answer(s)  "
            f"mean {s.mean_overall if s.mean_overall is not None else '-'}  {', '.join(s.topics)}"
            for s in found
        )
        or "No saved sessions yet."
    )
    return _emit(args, payload, text)


def _session_answers(session_id: int) -> tuple[Any, list[dict[str, Any]]]:
    store = _store()
    session = store.session(session_id) if store else None
    if session is None:
        raise UserError(f"No session with id {session_id} (see 'interview-coach sessions').")
    return session, [a.to_json() for a in store.answers(session_id=session_id)]


def show(args: argparse.Namespace) -> int:
    session, answers = _session_answers(args.session_id)
    payload = {**session.to_json(), "answers": answers}
    text = "\n\n".join(
        f"{_asked(a)}\nA: {a['answer_text']}\n{format_card(a['card'])}" for a in answers
    )
    return _emit(args, payload, f"Session {session.id} ({session.started_at})\n\n{text}")


def _asked(answer: dict[str, Any]) -> str:
    """The question, or for an answer scored without one the topic's title, not its id."""
    if answer["question_text"]:
        return f"Q: {answer['question_text']}"
    from interview_coach.domain.bank import default_bank

    topic = default_bank().topics.get(answer["topic"])
    return f"Topic: {topic.title if topic else answer['topic']} (no question asked)"


def export(args: argparse.Namespace) -> int:
    from interview_coach.domain.bank import default_bank
    from interview_coach.domain.report_model import build_report, human_date
    from interview_coach.domain.reports import render, report_json

    store = _store()
    if args.session_id == "all":
        answers = [a.to_json() for a in store.answers()] if store else []
        title = "Interview practice: full history"
    else:
        try:
            session_id = int(args.session_id)
        except ValueError:
            raise UserError(
                f"SESSION_ID must be a number or 'all', not '{args.session_id}'."
            ) from None
        session, answers = _session_answers(session_id)
        kind = "Mock interview" if session.kind == "mock" else "Interview practice"
        title = f"{kind}, {human_date(session.started_at)} (session {session.id})"
    if args.format == "json":
        report = report_json(title, answers)
    else:
        kinds = {s.id: s.kind for s in store.sessions()} if store else {}
        titles = {t.id: t.title for t in default_bank().topics.values()}
        report = render(args.format, build_report(title, answers, titles, kinds))
    if args.output:
        from interview_coach.coach import write_private

        write_private(Path(args.output), report)
        print(f"Wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(report + "\n")
    return 0


def purge(args: argparse.Namespace) -> int:
    """Delete the data folder the options resolve to, and only what the app wrote in it."""
    import shutil

    from interview_coach import locations

    target = locations.data_dir()
    if not target.exists():
        print(f"Nothing to delete: {target} does not exist.")
        return 0
    if not target.is_dir():
        raise UserError(f"{target} is not a folder; nothing was deleted.")
    ours, others = locations.own_entries(target)
    print(f"Data folder: {target}")
    if not ours:  # purged before: "Deleted ..." again would claim a deletion
        if not others:
            target.rmdir()
        print(f"Nothing to delete: there is no interview-coach data in {target}.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(
                f"Refusing to delete {target} without confirmation; pass --yes to confirm."
            )
        # y or yes, as in every question the app asks (README); anything else keeps it all.
        reply = input(f"Delete ALL interview-coach data in {target}? [y/N] ")
        if reply.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.")
            return 0
    for entry in ours:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink(missing_ok=True)
    if others:
        names = ", ".join(entry.name for entry in others[:5])
        print(
            f"Deleted the interview-coach data in {target}; left {len(others)} other "
            f"item(s) the app did not write ({names})."
        )
    else:
        target.rmdir()
        print(f"Deleted {target}.")
    return 0


def record(args: argparse.Namespace) -> int:
    from interview_coach.cli.voice_commands import record as run

    return run(args)


def transcribe(args: argparse.Namespace) -> int:
    from interview_coach.cli.voice_commands import transcribe as run

    return run(args)


def mock(args: argparse.Namespace) -> int:
    from interview_coach.cli.app_commands import mock as run

    return run(args)


COMMANDS = {
    "topics": topics,
    "questions": questions,
    "score": score,
    "sessions": sessions,
    "show": show,
    "export": export,
    "record": record,
    "transcribe": transcribe,
    "mock": mock,
    "purge": purge,
}
