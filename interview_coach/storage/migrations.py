"""Ordered schema migrations, applied by ``PRAGMA user_version``.

Never edit a migration that has shipped: add the next one. Each runs inside
one transaction with the version bump, so a crash leaves the old or new schema,
never half of one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: sessions, answers with their cards, per-dimension scores for progress charts.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('practice', 'mock', 'score')),
        note TEXT
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        topic TEXT NOT NULL,
        question_id TEXT,
        question_text TEXT,
        answer_text TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('typed', 'voice')),
        overall INTEGER NOT NULL,
        card_json TEXT NOT NULL,
        delivery_json TEXT
    );
    CREATE INDEX answers_by_session ON answers(session_id);
    CREATE INDEX answers_by_topic ON answers(topic, created_at);
    CREATE TABLE dimension_scores (
        answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        dimension TEXT NOT NULL,
        score INTEGER NOT NULL,
        level TEXT NOT NULL,
        PRIMARY KEY (answer_id, dimension)
    );
    """,
    # 2: a typed answer in progress, so a crash or closed terminal loses nothing.
    """
    CREATE TABLE drafts (
        slot TEXT PRIMARY KEY,
        topic TEXT,
        question_id TEXT,
        question_text TEXT,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
