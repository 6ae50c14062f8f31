"""The coach's history: sessions, answers with their cards, drafts, and the queries on them.

A ``CoachStore`` wraps one SQLite connection opened by ``storage.database``;
every write is one short transaction committed before the method returns, so
an answer the user saw acknowledged is on disk.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interview_coach.domain.results import field_values


@dataclass(frozen=True)
class StoredAnswer:
    id: int
    session_id: int
    created_at: str
    topic: str
    question_id: str | None
    question_text: str | None
    answer_text: str
    source: str
    overall: int
    card: dict[str, Any]
    delivery: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return field_values(self)


@dataclass(frozen=True)
class StoredSession:
    id: int
    started_at: str
    kind: str
    answer_count: int
    mean_overall: float | None
    topics: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {**field_values(self), "topics": list(self.topics)}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CoachStore:
    """A connection to the coach database with the operations the app needs."""

    def __init__(self, connection: sqlite3.Connection, path: Path, notice: str | None) -> None:
        self.connection = connection
        self.path = path
        # The TUI saves drafts and answers from worker threads; one connection, one writer.
        self.lock = threading.RLock()
        self.notice = notice  # one sentence for the user, e.g. "moved a damaged database aside"

    def close(self) -> None:
        """Close once no thread is inside a read or a write: closing the connection under
        a query running in a worker thread crashes the process (seen as a segfault when
        the app quit while Review was still loading)."""
        with self.lock:
            self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction, committed before returning to the caller."""
        with self.lock:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield self.connection
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            self.connection.execute("COMMIT")

    def _read(self, query: str, params: tuple | list = ()) -> list[tuple]:
        with self.lock:
            return self.connection.execute(query, params).fetchall()

    # -- writing -----------------------------------------------------------------
    def create_session(self, kind: str) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO sessions (started_at, kind) VALUES (?, ?)", (now(), kind)
            )
        return int(cursor.lastrowid)

    def save_answer(
        self,
        session_id: int,
        card: dict[str, Any],
        answer_text: str,
        *,
        source: str = "typed",
        question_text: str | None = None,
        delivery: dict[str, Any] | None = None,
    ) -> int:
        """Store an answer and its card in one transaction; durable when this returns."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO answers (session_id, created_at, topic, question_id, question_text,"
                " answer_text, source, overall, card_json, delivery_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    now(),
                    card["topic"],
                    card.get("question_id"),
                    question_text,
                    answer_text,
                    source,
                    card["overall"],
                    json.dumps(card),
                    json.dumps(delivery) if delivery is not None else None,
                ),
            )
            answer_id = int(cursor.lastrowid)
            db.executemany(
                "INSERT INTO dimension_scores (answer_id, dimension, score, level)"
                " VALUES (?, ?, ?, ?)",
                [(answer_id, d, r["score"], r["level"]) for d, r in card["dimensions"].items()],
            )
        return answer_id

    def replace_answer(
        self,
        answer_id: int,
        card: dict[str, Any],
        answer_text: str,
        delivery: dict[str, Any] | None,
    ) -> bool:
        """A better transcript of a saved answer (a whole-recording pass after the live
        one): text, card, delivery and dimension scores change together; False when
        the answer is gone (deleted meanwhile)."""
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE answers SET answer_text = ?, overall = ?, card_json = ?, delivery_json = ?"
                " WHERE id = ?",
                (
                    answer_text,
                    card["overall"],
                    json.dumps(card),
                    json.dumps(delivery) if delivery is not None else None,
                    answer_id,
                ),
            )
            if cursor.rowcount == 0:
                return False
            db.execute("DELETE FROM dimension_scores WHERE answer_id = ?", (answer_id,))
            db.executemany(
                "INSERT INTO dimension_scores (answer_id, dimension, score, level)"
                " VALUES (?, ?, ?, ?)",
                [(answer_id, d, r["score"], r["level"]) for d, r in card["dimensions"].items()],
            )
        return True

    def delete_answer(self, answer_id: int) -> bool:
        with self.transaction() as db:
            cursor = db.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
            db.execute(
                "DELETE FROM sessions WHERE id NOT IN (SELECT DISTINCT session_id FROM answers)"
            )
        return cursor.rowcount > 0

    def save_draft(
        self,
        slot: str,
        text: str,
        topic: str | None = None,
        question_id: str | None = None,
        question_text: str | None = None,
    ) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO drafts (slot, topic, question_id, question_text, text, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(slot) DO UPDATE SET topic=excluded.topic,"
                " question_id=excluded.question_id, question_text=excluded.question_text,"
                " text=excluded.text, updated_at=excluded.updated_at",
                (slot, topic, question_id, question_text, text, now()),
            )

    def load_draft(self, slot: str) -> dict[str, Any] | None:
        rows = self._read(
            "SELECT topic, question_id, question_text, text, updated_at FROM drafts WHERE slot = ?",
            (slot,),
        )
        row = rows[0] if rows else None
        if row is None or not row[3].strip():
            return None
        keys = ("topic", "question_id", "question_text", "text", "updated_at")
        return dict(zip(keys, row, strict=True))

    def clear_draft(self, slot: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM drafts WHERE slot = ?", (slot,))

    # -- reading -----------------------------------------------------------------
    def sessions(self) -> list[StoredSession]:
        rows = self._read(
            "SELECT s.id, s.started_at, s.kind, COUNT(a.id), AVG(a.overall),"
            " GROUP_CONCAT(DISTINCT a.topic) FROM sessions s LEFT JOIN answers a"
            " ON a.session_id = s.id GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC"
        )
        return [
            StoredSession(
                r[0],
                r[1],
                r[2],
                r[3],
                round(r[4], 1) if r[4] is not None else None,
                tuple(sorted((r[5] or "").split(","))) if r[5] else (),
            )
            for r in rows
        ]

    def session(self, session_id: int) -> StoredSession | None:
        return next((s for s in self.sessions() if s.id == session_id), None)

    def answers(
        self,
        session_id: int | None = None,
        topic: str | None = None,
        containing: str | None = None,
    ) -> list[StoredAnswer]:
        """Oldest first; ``containing``: only answers whose text has it (ASCII letters in
        any case), so Review can find the answer that mentioned "mentor"."""
        query = (
            "SELECT id, session_id, created_at, topic, question_id, question_text, answer_text,"
            " source, overall, card_json, delivery_json FROM answers"
        )
        clauses, params = [], []
        if session_id is not None:
            clauses.append("session_id = ?")
            params.append(session_id)
        if topic is not None:
            clauses.append("topic = ?")
            params.append(topic)
        if containing:
            escaped = containing.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("answer_text LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        if clauses:
            query += " WHERE " + " AND ".join(clauses)
        query += " ORDER BY created_at, id"
        return [
            StoredAnswer(*row[:9], json.loads(row[9]), json.loads(row[10]) if row[10] else None)
            for row in self._read(query, params)
        ]

    def dimension_history(self) -> list[tuple[str, str, str, int]]:
        """(created_at, topic, dimension, score) for progress charts, oldest first."""
        return self._read(
            "SELECT a.created_at, a.topic, d.dimension, d.score FROM dimension_scores d"
            " JOIN answers a ON a.id = d.answer_id ORDER BY a.created_at, a.id"
        )
