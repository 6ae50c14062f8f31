"""Real SQLite: answers persist, schemas migrate with a backup, damage is moved aside."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from interview_coach.storage import DatabaseError, open_store
from interview_coach.storage.migrations import MIGRATIONS, SCHEMA_VERSION


def _card(topic="gap", overall=61):
    dims = {
        d: {"score": overall, "level": "partial", "evidence": [], "advice": "x"}
        for d in ("acknowledgment", "non_defensiveness", "corrective_action", "tie_back")
    }
    return {
        "topic": topic,
        "question_id": f"{topic}.explain",
        "overall": overall,
        "dimensions": dims,
        "flags": [],
        "follow_up": None,
    }


def test_answers_round_trip_and_sessions_summarise(tmp_path):
    store = open_store(tmp_path / "db.sqlite3")
    session = store.create_session("practice")
    store.save_answer(session, _card("gap", 50), "first", question_text="Q1")
    store.save_answer(
        session, _card("exam_failure", 80), "second", source="voice", delivery={"wpm": 130}
    )
    store.close()

    reopened = open_store(tmp_path / "db.sqlite3")
    [summary] = reopened.sessions()
    assert summary.answer_count == 2 and summary.mean_overall == 65.0
    assert summary.topics == ("exam_failure", "gap")
    answers = reopened.answers(session_id=session)
    assert [a.answer_text for a in answers] == ["first", "second"]
    assert answers[1].source == "voice" and answers[1].delivery == {"wpm": 130}
    assert len(reopened.dimension_history()) == 8


def test_database_is_wal_and_owner_only(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = open_store(path)
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_deleting_the_last_answer_removes_its_session(tmp_path):
    store = open_store(tmp_path / "db.sqlite3")
    session = store.create_session("practice")
    answer = store.save_answer(session, _card(), "text")
    assert store.delete_answer(answer)
    assert store.sessions() == []


def test_draft_is_kept_until_cleared(tmp_path):
    store = open_store(tmp_path / "db.sqlite3")
    store.save_draft("practice", "half an ans", topic="gap", question_id="gap.explain")
    store.save_draft("practice", "half an answer", topic="gap", question_id="gap.explain")
    assert store.load_draft("practice")["text"] == "half an answer"
    store.clear_draft("practice")
    assert store.load_draft("practice") is None


def test_older_schema_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "db.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO sessions (started_at, kind) VALUES ('2024-01-01', 'practice')")
    old.commit()
    old.close()
    store = open_store(path)
    assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "backup" in store.notice
    backups = list(tmp_path.glob("db.sqlite3.v1-backup-*"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
    assert len(store.sessions()) == 1


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer interview-coach"):
        open_store(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["garbage", "truncate"])
def test_damaged_database_is_moved_aside_and_replaced(tmp_path, damage):
    path = tmp_path / "db.sqlite3"
    store = open_store(path)
    session = store.create_session("practice")
    for _ in range(50):
        store.save_answer(session, _card(), "x" * 2000)
    store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    else:
        path.write_bytes(data[: len(data) // 3])
    fresh = open_store(path)
    assert "damaged" in fresh.notice
    assert fresh.sessions() == []
    assert list(tmp_path.glob("db.sqlite3.damaged-*"))


def test_closing_while_another_thread_reads_waits_and_never_crashes(tmp_path):
    """The app closes the store on exit while a worker may still be reading history."""
    import sqlite3
    import threading

    from interview_coach.storage import open_store

    store = open_store(tmp_path / "coach.sqlite3")
    session = store.create_session("practice")
    card = {
        "topic": "gap",
        "overall": 50,
        "dimensions": {"tie_back": {"score": 50, "level": "partial"}},
    }
    for _ in range(200):
        store.save_answer(session, card, "answer " * 50)
    outcomes: list[str] = []

    def read_repeatedly() -> None:
        for _ in range(200):
            try:
                store.answers()
            except sqlite3.ProgrammingError:  # closed: a clean error, not a crash
                outcomes.append("closed")
                return
        outcomes.append("done")

    reader = threading.Thread(target=read_repeatedly)
    reader.start()
    store.close()
    reader.join()
    assert outcomes in (["closed"], ["done"])
