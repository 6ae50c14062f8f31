"""Storage: every answer, transcript and score in one SQLite database in the data directory.

Uses only the standard library's sqlite3, WAL mode and short transactions, so an
answer acknowledged to the user survives a crash and two app windows can share
the database.
"""

from interview_coach.storage.database import DatabaseError, open_store
from interview_coach.storage.store import CoachStore, StoredAnswer, StoredSession

__all__ = ["CoachStore", "DatabaseError", "StoredAnswer", "StoredSession", "open_store"]
