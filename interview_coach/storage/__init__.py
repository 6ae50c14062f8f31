"""Storage: every answer, transcript and score in one SQLite database in the data directory.

Uses only the standard library's sqlite3, WAL mode and short transactions, so an
answer acknowledged to the user survives a crash and two app windows can share
the database.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interview_coach.storage.database import DatabaseError, open_store
    from interview_coach.storage.store import CoachStore, StoredAnswer, StoredSession

__all__ = ["CoachStore", "DatabaseError", "StoredAnswer", "StoredSession", "open_store"]

# Loaded on first use (PEP 562): ``score`` reaches this package only for the parsed-data
# cache and should not pay for sqlite3 and the store (~9 ms of its start-up).
_HOME = {
    "DatabaseError": "database",
    "open_store": "database",
    "CoachStore": "store",
    "StoredAnswer": "store",
    "StoredSession": "store",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
