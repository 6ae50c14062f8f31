"""Opening the SQLite database safely and migrating it.

Opening checks the file before trusting it: a damaged database is moved aside
with a timestamp (the user is told), a newer schema is refused rather than
overwritten, and an older one is backed up before it is migrated.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from interview_coach.errors import UserError
from interview_coach.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from interview_coach.storage.store import CoachStore

BUSY_TIMEOUT_MS = 10_000


class DatabaseError(UserError):
    """The database cannot be used; the message says why and what was done."""


def _private(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if candidate.exists():
            os.chmod(candidate, 0o600)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _healthy(connection: sqlite3.Connection) -> bool:
    try:
        return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.replace(Path(f"{target}{suffix}"))
    return target


def _backup(connection: sqlite3.Connection, path: Path, version: int) -> Path:
    target = path.with_name(f"{path.name}.v{version}-backup-{time.strftime('%Y%m%d-%H%M%S')}")
    with sqlite3.connect(target) as copy:
        connection.backup(copy)
    copy.close()
    os.chmod(target, 0o600)
    return target


def _refuse_newer(connection: sqlite3.Connection, path: Path) -> None:
    """Checked before anything (even WAL mode) touches the file."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        connection.close()
        raise DatabaseError(
            f"The database {path} was written by a newer interview-coach (schema {version}, "
            f"this version understands {SCHEMA_VERSION}); upgrade interview-coach to open it."
        )


def _migrate(connection: sqlite3.Connection, path: Path) -> str | None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    notice = None
    if 0 < version < SCHEMA_VERSION:
        backup = _backup(connection, path, version)
        notice = f"Upgraded your history to the current format; a backup is at {backup}."
    for number in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if connection.execute("PRAGMA user_version").fetchone()[0] > number:
                connection.execute("COMMIT")
                continue
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return notice


def open_store(path: Path) -> CoachStore:
    """Open (creating if needed) the database at ``path``, owner-only, WAL mode."""
    notice = None
    existed = path.exists() and path.stat().st_size > 0
    try:
        connection = _connect(path)
        if existed and not _healthy(connection):
            connection.close()
            moved = _move_aside(path)
            notice = (
                f"Your history database was damaged; it was moved to {moved} "
                "and a new one was started."
            )
            connection = _connect(path)
        _refuse_newer(connection, path)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        migrate_notice = _migrate(connection, path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"The database {path} cannot be opened ({exc}).") from exc
    _private(path)
    return CoachStore(connection, path, notice or migrate_notice)
