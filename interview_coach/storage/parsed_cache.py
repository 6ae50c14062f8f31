"""A cache of the shipped data files as parsed tables, so a start-up skips the parser.

``score --json`` as a process spent a third of a second in ``tomllib`` (pure
Python) on a slow laptop. Here each file's table is kept as JSON under the digest
of its bytes: JSON because the C decoder reads it back in milliseconds and, unlike
pickle or marshal, cannot run or crash anything if the file is damaged. A table
JSON cannot hold exactly (a TOML date) is simply not cached.

The cache is only ever a shortcut: a missing, damaged or unwritable cache means
parsing as before, never an error the user sees. Entries not used in a run are
dropped when it is saved, so an edited data file leaves no stale copy behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from interview_coach.domain.datafiles import parsed_files_memo

FORMAT = 1
FILE_NAME = "parsed-data.json"


class ParsedDataCache:
    """Parsed tables by digest, read from and saved to one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored = self._read(path)
        self._used: dict[str, dict[str, Any]] = {}
        self._added = False

    @staticmethod
    def _read(path: Path) -> dict[str, dict[str, Any]]:
        try:
            document = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            return {}
        tables = document.get("tables")
        return tables if isinstance(tables, dict) else {}

    def recall(self, digest: str) -> dict[str, Any] | None:
        table = self._stored.get(digest)
        if not isinstance(table, dict):
            return None
        self._used[digest] = table
        return table

    def remember(self, digest: str, table: dict[str, Any]) -> None:
        try:
            exact = json.loads(json.dumps(table)) == table
        except (TypeError, ValueError):
            exact = False
        if exact:
            self._used[digest] = table
            self._added = True

    def save(self) -> None:
        """Write what this run used, if that differs from what was read; quietly
        give up if the folder cannot be written (the cache only saves time)."""
        if not self._added and self._used.keys() == self._stored.keys():
            return
        import tempfile  # here: most runs find the cache as it is and write nothing

        document = json.dumps({"format": FORMAT, "tables": self._used}, ensure_ascii=False)
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{FILE_NAME}.", suffix=".tmp"
            )
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(document)
            os.replace(temporary, self.path)
            temporary = None
        except OSError:
            pass
        finally:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)


@contextmanager
def parsed_data_cache(folder: Path | None) -> Iterator[None]:
    """Read the shipped data inside this block through the cache in ``folder``
    (no cache at all when ``folder`` is None)."""
    if folder is None:
        yield
        return
    cache = ParsedDataCache(folder / FILE_NAME)
    with parsed_files_memo(cache):
        yield
    cache.save()
