"""Sentence vectors from WordLlama's static token embeddings, loaded without a network.

Why WordLlama: its 256-dimensional weights (16 MB) ship inside the PyPI wheel, so an
installed coach never downloads anything, and a sentence costs about a tenth of a
millisecond to embed. A vector is the mean of the sentence's token embeddings,
normalised: exactly what ``wordllama.WordLlamaInference.embed(norm=True)`` computes.

The seam: we read the two data files from the installed ``wordllama`` package
ourselves (its own loader looks for the tokenizer under ``tokenizer/`` while the
wheel has ``tokenizers/``, and importing the package costs half a second). If a
future wheel moves the files, :func:`model_files` is the one place to change, and
``tests/test_rubric_lint.py`` reads every role example through it. The tokenizer's
own file takes 0.12-0.14 s to parse, so texts are split into tokens by
:mod:`interview_coach.domain.subword` from compact tables built from that file, and
the ``tokenizers`` library is loaded only if those tables do not match the installed
file or a text holds one of its special tokens.
"""

from __future__ import annotations

import importlib.util
import json
import math
import struct
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from interview_coach.domain.subword import Subwords, load_subwords

if TYPE_CHECKING:  # numpy is imported lazily: the first vector pays for it
    import numpy as np

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
SUBWORD_TABLES = "subword_tables.npz"  # in the bundled rubrics folder


class VectorModelMissing(RuntimeError):
    """The embedding files are not installed."""


def model_files() -> tuple[Path, Path]:
    """(weights, tokenizer) inside the installed wordllama package."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise VectorModelMissing(
            "The sentence model is missing: reinstall interview-coach (it needs 'wordllama')."
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    weights, tokenizer = root / WEIGHTS, root / TOKENIZER
    for path in (weights, tokenizer):
        if not path.is_file():
            raise VectorModelMissing(f"The sentence model file {path} is missing.")
    return weights, tokenizer


@dataclass(frozen=True, eq=False)
class SentenceVectors:
    """Embeds text as unit vectors; thread-safe (the tokenizer is guarded by a lock)."""

    table: np.ndarray
    subwords: Subwords | None  # None: the tables do not fit the installed tokenizer file
    tokenizer_file: Path
    lock: threading.Lock

    @cached_property
    def tokenizer(self) -> object:
        """The ``tokenizers`` library's reading of the file, loaded only when needed."""
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(self.tokenizer_file))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return tokenizer

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        """Each text's token ids, as the tokenizer file gives them (no special tokens)."""
        ids = (
            [self.subwords.encode(text) for text in texts] if self.subwords else [None] * len(texts)
        )
        left = [i for i, found in enumerate(ids) if found is None]
        if left:
            with self.lock:
                encoded = self.tokenizer.encode_batch(
                    [texts[i] for i in left], add_special_tokens=False
                )
            for i, encoding in zip(left, encoded, strict=True):
                ids[i] = encoding.ids
        return ids  # type: ignore[return-value]

    @cached_property
    def _half_to_single(self) -> np.ndarray:
        """Every half-precision value's single-precision twin (256 KB): looking rows up
        here is twice as fast as numpy's own conversion, which has no vector path on
        the machines measured, and gives the same numbers."""
        import numpy as np

        return np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float32)

    def _widen(self, rows: np.ndarray) -> np.ndarray:
        import numpy as np

        if rows.dtype == np.float16:
            return self._half_to_single[rows.view(np.uint16)]
        return rows.astype(np.float32)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Mean of each text's token vectors, normalised; rows in the order given.

        Token rows are gathered without padding and summed per text with
        ``np.add.reduceat``, so a bank of thousands of examples embeds in tens of
        milliseconds instead of building a padded (texts x tokens x 256) block.
        """
        import numpy as np

        out = np.zeros((len(texts), self.table.shape[1]), dtype=np.float32)
        if not texts:
            return out
        encoded = self.token_ids(texts)
        lengths = np.array([len(e) for e in encoded])
        present = np.flatnonzero(lengths)
        if present.size:
            ids = np.concatenate([encoded[i] for i in present]).astype(np.int64)
            np.clip(ids, 0, self.table.shape[0] - 1, out=ids)
            starts = np.concatenate([[0], np.cumsum(lengths[present])[:-1]])
            rows = self._widen(self.table[ids])  # sum in float32, not half
            sums = np.add.reduceat(rows, starts, axis=0)
            out[present] = sums / lengths[present, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


_SAFETENSORS_DTYPES = {"F16": "<f2", "F32": "<f4"}


def mapped_tensor(path: Path, name: str) -> np.ndarray:
    """One tensor of a ``.safetensors`` file, memory-mapped rather than read.

    Why: ``safetensors.numpy.load_file`` reads all 16 MB and its import alone costs
    ~20 ms, ~35 ms of every ``score`` process, while an answer touches a few hundred
    rows. The format is public and fixed: 8 bytes of little-endian header length, a
    JSON header naming each tensor's dtype, shape and byte range, then the raw data,
    row-major and little-endian. Raises ValueError for anything unexpected;
    ``tests/test_sentence_vectors.py`` checks the mapping equals the library's array.
    """
    import numpy as np

    try:
        with path.open("rb") as file:
            (length,) = struct.unpack("<Q", file.read(8))
            if length > 1 << 24:
                raise ValueError(f"a {length}-byte header")
            entry = json.loads(file.read(length))[name]
        dtype = np.dtype(_SAFETENSORS_DTYPES[entry["dtype"]])
        shape = tuple(int(n) for n in entry["shape"])
        begin, end = (int(n) for n in entry["data_offsets"])
    except (KeyError, TypeError, struct.error, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: no readable tensor {name!r} ({exc!r})") from exc
    if end - begin != math.prod(shape) * dtype.itemsize or 8 + length + end > path.stat().st_size:
        raise ValueError(f"{path}: tensor {name!r} does not fit its byte range")
    return np.memmap(path, dtype=dtype, mode="r", offset=8 + length + begin, shape=shape)


def _embedding_table(weights: Path) -> np.ndarray:
    try:
        return mapped_tensor(weights, "embedding.weight")
    except ValueError:  # a layout this reader does not know: the library reads it
        import numpy as np
        from safetensors.numpy import load_file

        return np.ascontiguousarray(load_file(str(weights))["embedding.weight"])


@lru_cache(maxsize=1)
def sentence_vectors() -> SentenceVectors:
    """Load once per process (a few ms; the table is mapped, not read). The table
    stays in the file's half precision (16 MB rather than 33 MB in a voice session
    near its memory target); only the rows a text uses are widened, so vectors are
    unchanged."""
    from interview_coach.locations import bundled_data_dir

    weights, tokenizer_file = model_files()
    table = _embedding_table(weights)
    subwords = load_subwords(bundled_data_dir("rubrics") / SUBWORD_TABLES, tokenizer_file)
    return SentenceVectors(table, subwords, tokenizer_file, threading.Lock())
