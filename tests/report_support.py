"""A realistic history for report tests and the report benchmark.

Twenty answers over four topics and three weeks, from the labelled corpus (so the
cards are the scorer's real output): practice sessions, one mock interview, one
spoken answer with delivery, and one follow-up reply saved with its answer.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus" / "answers.toml"
TOPICS = ("exam_failure", "gap", "professionalism", "leave_of_absence")
START = datetime(2026, 11, 5, 18, 30, tzinfo=UTC)
DELIVERY = {
    "duration_s": 42.0,
    "speaking_s": 40.5,
    "words": 98,
    "wpm": 145.2,
    "fillers": {"um": 2},
    "filler_total": 2,
    "hedges": {},
    "hesitations": 3,
    "long_pauses": [{"start": 12.1, "duration": 1.4}],
}
REPLY = (
    "My part was letting fatigue decide how I spoke to a colleague. Since then I ask for "
    "help before I am exhausted, and I have had two years of evaluations without a concern."
)


def corpus_answers(count: int) -> list[tuple[str, str]]:
    """(topic, text) pairs, taking the topics in turn so each is practised over time."""
    data = tomllib.loads(CORPUS.read_text(encoding="utf-8"))["answer"]
    by_topic = {t: [a["text"] for a in data if a["topic"] == t] for t in TOPICS}
    picked = []
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        texts = by_topic[topic]
        picked.append((topic, texts[(i // len(TOPICS)) % len(texts)]))
    return picked


def seed_history(coach, count: int = 20) -> list[int]:
    """Save ``count`` answers (plus one follow-up reply) with dates spread over weeks;
    returns the session ids. The last session is a mock interview of three answers."""
    store = coach.store()
    sessions: list[int] = []
    mock_from = count - 3
    session_id = None
    for i, (topic, text) in enumerate(corpus_answers(count)):
        if i % 4 == 0 or i == mock_from:
            session_id = store.create_session("mock" if i >= mock_from else "practice")
            sessions.append(session_id)
        question = coach.questions(topic=topic)[0]
        spoken = i == 5
        card = coach.score(text, topic, question.id, spoken_seconds=42.0 if spoken else None)
        _, answer_id = coach.save(
            card,
            text,
            session_id=session_id,
            kind="practice",
            source="voice" if spoken else "typed",
            question_text=question.text,
            delivery=DELIVERY if spoken else None,
        )
        _date(store, answer_id, START + timedelta(days=i, minutes=i))
        if i == 2 and card.follow_up:
            followed = {"answer": text, "card": card.to_json()}
            reply_card, saved = coach.judge(REPLY, topic, question.id, followed)
            _, reply_id = coach.save(
                reply_card, saved, session_id=session_id, question_text=card.follow_up
            )
            _date(store, reply_id, START + timedelta(days=i, minutes=i + 5))
    return sessions


def _date(store, answer_id: int, moment: datetime) -> None:
    with store.transaction() as db:
        db.execute(
            "UPDATE answers SET created_at = ? WHERE id = ?",
            (moment.isoformat(timespec="seconds"), answer_id),
        )


HISTORY = Path(__file__).parent / "data" / "report_history.json"


def saved_history() -> tuple[list[dict], dict[int, str]]:
    """The seeded history as it was scored when this file was written (cards frozen), so
    report tests do not move when the scorer is refitted."""
    import json

    data = json.loads(HISTORY.read_text(encoding="utf-8"))
    return data["answers"], {int(k): v for k, v in data["session_kinds"].items()}


def history_report():
    from interview_coach.domain.bank import default_bank
    from interview_coach.domain.report_model import build_report

    answers, kinds = saved_history()
    titles = {t.id: t.title for t in default_bank().topics.values()}
    return build_report("Interview practice: full history", answers, titles, kinds)
