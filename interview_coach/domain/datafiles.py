"""Reading the human-edited TOML files with errors that name the file, line and problem.

Career advisors edit the question bank and rubrics by hand, and applicants edit
their profile; a typo must produce a sentence they can act on, not a traceback.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from interview_coach.errors import UserError

if TYPE_CHECKING:
    import tomllib


class DataFileError(UserError):
    """A data or profile file is malformed; the message names the file and the place."""


class ParsedMemo(Protocol):
    """Remembers parsed tables by the digest of the file's bytes.

    The standard library's TOML parser is pure Python: the 54 shipped files take
    about a third of a second to parse on a slow laptop, longer than scoring an
    answer. A memo (kept by the storage layer; the domain writes no files) turns
    that into one read of an already parsed copy whenever the bytes are unchanged.
    """

    def recall(self, digest: str) -> dict[str, Any] | None: ...

    def remember(self, digest: str, table: dict[str, Any]) -> None: ...


_local = threading.local()  # the memo in use, per thread


@contextmanager
def parsed_files_memo(memo: ParsedMemo | None) -> Iterator[None]:
    """Let every ``read_toml`` inside the block, in this thread, consult ``memo``.

    Only the shipped data is read inside such a block: a profile is the user's own
    material and is never copied anywhere else, not even when another thread reads
    one while this block is open (which is why the memo is kept per thread).
    """
    previous = getattr(_local, "memo", None)
    _local.memo = memo
    try:
        yield
    finally:
        _local.memo = previous


def derived_table(key: str, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A table computed from the shipped data, kept by the memo in use like a parsed file.

    For work done on every start-up that depends only on the data and the code that
    derives it (normalising 1,800 cue phrases costs more than parsing them). ``key``
    must hold everything the result depends on, the deriving code's digest included:
    the memo keeps the table under the key's digest, so any change means a new entry.
    """
    return _through_memo(
        lambda: hashlib.blake2b(key.encode("utf-8"), digest_size=16, person=b"derived").hexdigest(),
        compute,
    )


def _through_memo(
    digest: Callable[[], str], compute: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """``compute()``, or the memo's copy under ``digest()`` (worked out only if a memo
    is in use in this thread); what is computed is offered to the memo."""
    memo: ParsedMemo | None = getattr(_local, "memo", None)
    if memo is None:
        return compute()
    key = digest()
    if (table := memo.recall(key)) is not None:
        return table
    table = compute()
    memo.remember(key, table)
    return table


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML file, returning the table and the raw text (for locating keys)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: file not found.") from exc
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read ({exc.strerror}).") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text (byte {exc.start}).") from exc

    def parse() -> dict[str, Any]:
        import tomllib  # here: with the parsed-data cache warm, a start-up parses nothing

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(f"{path}: {_toml_message(exc)}.") from exc

    return _through_memo(lambda: hashlib.blake2b(raw, digest_size=16).hexdigest(), parse), text


def _toml_message(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib says '... (at line 3, column 5)'; lead with the line for people."""
    message = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if match:
        body = message[: match.start()].strip()
        return f"line {match.group(1)}, column {match.group(2)}: {body}"
    return message


def line_of(text: str, key: str, occurrence: int = 0) -> int | None:
    """Best-effort line number of ``key = ...`` or ``[key]`` in a TOML text."""
    pattern = re.compile(
        rf"^\s*(?:{re.escape(key)}\s*=|\[\[?\s*{re.escape(key)}\s*\]\]?)", re.MULTILINE
    )
    matches = list(pattern.finditer(text))
    if len(matches) <= occurrence:
        return None
    return text.count("\n", 0, matches[occurrence].start()) + 1


def where(path: Path, text: str, key: str, occurrence: int = 0) -> str:
    line = line_of(text, key, occurrence)
    return f"{path}, line {line}" if line else str(path)


def check_keys(
    table: Mapping[str, Any],
    allowed: Iterable[str],
    path: Path,
    text: str,
    context: str,
) -> None:
    """Report the first unknown key: a misspelt key silently ignored is a lost answer."""
    allowed_set = set(allowed)
    for key in table:
        if key not in allowed_set:
            expected = ", ".join(sorted(allowed_set))
            raise DataFileError(
                f"{where(path, text, key)}: unknown key '{key}' in {context} "
                f"(expected one of: {expected})."
            )


def expect_str(value: Any, path: Path, text: str, key: str, context: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(
            f"{where(path, text, key)}: '{key}' in {context} must be a non-empty string."
        )
    return value.strip()


def expect_str_list(value: Any, path: Path, text: str, key: str, context: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(
            f"{where(path, text, key)}: '{key}' in {context} must be a list of non-empty strings."
        )
    return tuple(v.strip() for v in value)
