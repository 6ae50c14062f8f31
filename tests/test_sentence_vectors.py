"""The embedding table is memory-mapped from WordLlama's .safetensors file by our own
reader of that format: a misread byte would change every sentence vector, and with it
each clause's role and the card."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from interview_coach.domain.sentence_vectors import (
    SentenceVectors,
    mapped_tensor,
    model_files,
    sentence_vectors,
)


def test_the_mapped_table_is_the_librarys_table() -> None:
    weights = model_files()[0]
    mapped = mapped_tensor(weights, "embedding.weight")
    read = load_file(str(weights))["embedding.weight"]
    assert mapped.dtype == read.dtype and mapped.shape == read.shape
    assert np.array_equal(mapped, read)


def test_vectors_from_the_mapped_table_equal_those_from_the_read_one() -> None:
    shipped = sentence_vectors()
    read = load_file(str(model_files()[0]))["embedding.weight"]
    reading = SentenceVectors(read, shipped.subwords, shipped.tokenizer_file, shipped.lock)
    texts = ["I failed Step 1 because I read passively.", "", "My school's schedule was unfair."]
    assert np.array_equal(shipped.embed(texts), reading.embed(texts))


def test_other_tensors_and_dtypes_of_the_format_are_read_as_the_library_writes_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "two.safetensors"
    first = np.arange(12, dtype=np.float32).reshape(3, 4)
    second = np.linspace(-1, 1, 10, dtype=np.float16).reshape(5, 2)
    save_file({"first": first, "second": second}, str(path))
    assert np.array_equal(mapped_tensor(path, "first"), first)
    assert np.array_equal(mapped_tensor(path, "second"), second)


@pytest.mark.parametrize("damage", ["truncated", "no such tensor", "garbled header", "int8"])
def test_a_file_it_cannot_read_is_refused_in_one_sentence(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "table.safetensors"
    dtype = np.int8 if damage == "int8" else np.float16
    save_file({"embedding.weight": np.ones((64, 8), dtype=dtype)}, str(path))
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[:-100])
    elif damage == "garbled header":
        path.write_bytes(data[:8] + b"{not json" + data[17:])
    name = "other" if damage == "no such tensor" else "embedding.weight"
    with pytest.raises(ValueError, match=r"table\.safetensors"):
        mapped_tensor(path, name)
