"""WordLlama's subword tokenizer, read from a compact table instead of its JSON file.

Why: ``tokenizers.Tokenizer.from_file`` spends 0.12-0.14 s parsing the 1.8 MB JSON
(61,249 merges) on every ``score --json`` process, a fifth of its running time. The
same vocabulary and merges, stored as arrays in ``rubrics/subword_tables.npz``
(written by ``benchmarks/build_subword_tables.py``), load in a few milliseconds.

The seam: this reproduces exactly what that tokenizer file configures, and nothing
more: a SentencePiece-style BPE with no pre-tokenizer, whose normaliser prepends
"\u2581" and turns every space into "\u2581", with byte fallback for characters
outside the vocabulary. No token holds a "\u2581" after a non-"\u2581" character (the
table builder checks it), so the text splits there into pieces that merge
independently, and each piece's tokens are cached. The tables record the digest of
the tokenizer file they came from; :func:`load_subwords` returns None for any other
file, and the caller falls back to ``tokenizers`` itself. ``tests/test_subword.py``
compares the two on every corpus answer, every role example and awkward strings.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

SPACE = "\u2581"
# Added tokens the real tokenizer cuts out of raw text before normalising; a text
# holding one is left to it.
SPECIAL = ("<unk>", "<s>", "</s>")
_PIECE = re.compile(f"(?<=[^{SPACE}])(?={SPACE})")
PIECE_CACHE = 1 << 16
# Merging is quadratic in a piece's length here (the library keeps a heap): a text
# with a longer run of characters between spaces, a pasted link or table, is left to it.
LONGEST_PIECE = 64
NEVER = 1 << 32  # the rank of a pair no merge joins: above every real rank


def split_pieces(text: str) -> list[str]:
    """The normalised text cut where no token can span: before each run of "▁"."""
    return _PIECE.split(SPACE + text.replace(" ", SPACE))


def pack_ids(ids: list[int]) -> int:
    """One to three token ids (each below 65,536) and their count in one int."""
    if not 1 <= len(ids) <= 3:
        raise ValueError("one to three ids")
    return sum(i << (2 + 16 * k) for k, i in enumerate(ids)) | len(ids)


def unpack_ids(packed: int) -> tuple[int, ...]:
    """The ids :func:`pack_ids` packed."""
    return tuple((packed >> (2 + 16 * k)) & 0xFFFF for k in range(packed & 3))


def file_digest(path: Path) -> str:
    """The digest the tables are keyed by (blake2b of the tokenizer file's bytes)."""
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


@dataclass(frozen=True, eq=False)
class Subwords:
    """What the merges need; ``encode`` gives the ids the tokenizer gives."""

    characters: dict[str, int]  # single-character tokens
    # The fallback tokens <0x00>..<0xFF>: the builder requires all 256, so a character
    # outside the vocabulary always falls back to its bytes and never to "<unk>".
    byte_ids: tuple[int, ...]
    # Every merge's pair (left id << 16 | right id), sorted, with its rank beside it;
    # merged[rank] is the new id. Sorted arrays, searched by bisection, rather than a
    # dict: building a 61,249-entry dict of ints cost ~30 ms of every start-up, and a
    # lookup happens only for a piece not already in ``known``.
    pair_keys: array
    pair_ranks: array
    merged: array
    # Pieces already merged when the tables were built (those of the role examples),
    # so an answer in everyday words is mostly looked up rather than merged: up to
    # three ids packed in one int, see ``pack_ids`` (a dict of ints builds several
    # times faster than one of tuples, and it is built on every start-up).
    known: dict[str, int] = field(default_factory=dict)
    _piece: object = field(init=False, repr=False)
    _ranks_found: dict[int, int] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_piece", lru_cache(maxsize=PIECE_CACHE)(self._merge_piece))

    def forget(self) -> None:
        """Empty the caches of merged pieces and pairs (benchmarks time a never-seen
        answer as a fresh process meets it)."""
        self._piece.cache_clear()  # type: ignore[attr-defined]
        self._ranks_found.clear()

    def encode(self, text: str) -> list[int] | None:
        """Token ids for ``text``, or None when it holds a special token or a piece
        too long to merge quickly here."""
        if not text:
            return []
        if "<" in text and any(token in text for token in SPECIAL):
            return None
        pieces = split_pieces(text)
        if max(map(len, pieces)) > LONGEST_PIECE:
            return None
        out: list[int] = []
        for piece in pieces:
            out.extend(self._piece(piece))
        return out

    def _symbols(self, piece: str) -> list[int]:
        symbols: list[int] = []
        for char in piece:
            known = self.characters.get(char)
            if known is not None:
                symbols.append(known)
            else:
                symbols.extend(self.byte_ids[byte] for byte in char.encode("utf-8"))
        return symbols

    def _merge_piece(self, piece: str) -> tuple[int, ...]:
        """Merge the lowest-ranked adjacent pair (leftmost on a tie) until none is left.

        Each pair's rank is looked up once and only the two pairs beside a merge are
        looked up again, so ``min`` and ``index`` (both in C) do the searching."""
        known = self.known.get(piece)
        if known is not None:
            return unpack_ids(known)
        symbols = self._symbols(piece)
        merged, rank = self.merged, self._rank
        pairs = [rank(a << 16 | b) for a, b in pairwise(symbols)]
        while pairs:
            best = min(pairs)
            if best == NEVER:
                break
            at = pairs.index(best)
            symbols[at : at + 2] = [merged[best]]
            del pairs[at]
            if at > 0:
                pairs[at - 1] = rank(symbols[at - 1] << 16 | symbols[at])
            if at < len(pairs):
                pairs[at] = rank(symbols[at] << 16 | symbols[at + 1])
        return tuple(symbols)

    def _rank(self, pair: int) -> int:
        """The rank of merging a pair (left id << 16 | right id), or NEVER; each pair
        is searched for once and remembered (the same few hundred pairs recur)."""
        found = self._ranks_found.get(pair)
        if found is None:
            keys = self.pair_keys
            at = bisect_left(keys, pair)
            found = self.pair_ranks[at] if at < len(keys) and keys[at] == pair else NEVER
            self._ranks_found[pair] = found
        return found


def load_subwords(tables: Path, tokenizer_file: Path) -> Subwords | None:
    """The tables, if they were built from exactly this tokenizer file; else None."""
    import numpy as np

    if not tables.is_file():
        return None
    with np.load(tables, allow_pickle=False) as data:
        if str(data["source_digest"]) != file_digest(tokenizer_file):
            return None
        characters = dict(
            zip(map(chr, data["chars"].tolist()), data["char_ids"].tolist(), strict=True)
        )
        byte_ids = tuple(data["byte_ids"].tolist())
        pieces = data["seen"].tobytes().decode("utf-8").split("\n")
        packed = data["seen_ids"].tolist()
        left, right, merged = data["merges"].astype(np.uint32)
    keys = left << 16 | right
    order = np.argsort(keys, kind="stable")
    known = dict(zip(pieces, packed, strict=True))
    return Subwords(
        characters,
        byte_ids,
        _array(UINT32, keys[order]),
        _array(UINT32, order),
        _array("H", merged),
        known,
    )


# The array module's typecode for 4-byte unsigned ints ("I" on every platform we know).
UINT32 = next(code for code in "IL" if array(code).itemsize == 4)


def _array(typecode: str, values: object) -> array:
    """A numpy array's values as a compact ``array.array``, whose items index as
    plain ints (numpy scalars would make every merge lookup several times slower)."""
    import numpy as np

    return array(typecode, np.asarray(values).astype(np.dtype(typecode)).tobytes())
