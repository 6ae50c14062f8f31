"""The compact subword tables must split text into exactly the tokens WordLlama's own
tokenizer gives: a single differing id changes a sentence vector, so a clause's role
and the card with it."""

from __future__ import annotations

import random
import shutil
import tomllib
from pathlib import Path

import numpy as np
import pytest
from corpus_loader import load_fresh
from tokenizers import Tokenizer

from interview_coach.domain.sentence_vectors import (
    SUBWORD_TABLES,
    SentenceVectors,
    model_files,
    sentence_vectors,
)
from interview_coach.domain.subword import LONGEST_PIECE, load_subwords
from interview_coach.locations import bundled_data_dir

ROOT = Path(__file__).resolve().parent.parent
TABLES = bundled_data_dir("rubrics") / SUBWORD_TABLES


@pytest.fixture(scope="module")
def library_tokenizer() -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(model_files()[1]))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def _library_ids(tokenizer: Tokenizer, texts: list[str]) -> list[list[int]]:
    return [e.ids for e in tokenizer.encode_batch(texts, add_special_tokens=False)]


def _awkward_texts() -> list[str]:
    """Spacing, byte fallback (emoji, CJK, combining marks), the tokenizer's own
    space marker, special tokens mid-text, runs too long to merge here, and random
    mixes of all of them."""
    fixed = [
        "",
        " ",
        "   ",
        "a  b",
        " leading",
        "trailing ",
        "\u2581\u2581word",
        "word\u2581\u2581 x",
        "tab\tand\nnewline\r\n",
        "caf\u00e9 na\u0308ive",
        "\u4e2d\u6587 \U0001f600 \u200b",
        "Step 1 (2021): 238 -> 251!",
        "<s>",
        "x</s>y",
        "a <unk> b",
        "see https://example.org/" + "a" * 80,
        "x" * (LONGEST_PIECE - 1),
        "y" * LONGEST_PIECE,
        "<s",
        "s>",
        "</",
    ]
    rnd = random.Random(7)
    alphabet = "abcXYZ  ,.'\u2581\u00e9\u4e2d\U0001f600\n\t<>s/0123456789-\u200b\u0301"
    mixed = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    return fixed + mixed


def test_the_shipped_tables_split_every_corpus_answer_role_example_and_awkward_string_alike(
    library_tokenizer: Tokenizer,
) -> None:
    subwords = load_subwords(TABLES, model_files()[1])
    assert subwords is not None, "the shipped tables do not match the installed tokenizer file"
    texts = [a.text for a in load_fresh()]
    for path in sorted((ROOT / "rubrics" / "roles").glob("*.toml")):
        texts += tomllib.loads(path.read_text())["examples"]
    texts += _awkward_texts()
    ours = [subwords.encode(text) for text in texts]
    left_to_library = [text for text, ids in zip(texts, ours, strict=True) if ids is None]
    special = ("<s>", "</s>", "<unk>")
    assert "x" * (LONGEST_PIECE - 1) not in left_to_library
    assert "y" * LONGEST_PIECE in left_to_library
    assert all(
        any(token in text for token in special) or max(map(len, text.split(" "))) >= LONGEST_PIECE
        for text in left_to_library
    )
    expected = _library_ids(library_tokenizer, texts)
    differing = [
        text
        for text, mine, theirs in zip(texts, ours, expected, strict=True)
        if mine is not None and mine != theirs
    ]
    assert differing == []


def test_vectors_are_the_same_with_the_tables_and_with_the_library(
    library_tokenizer: Tokenizer,
) -> None:
    texts = [*[a.text for a in load_fresh()[:300]], "a <s> b", "", "\U0001f600"]
    shipped = sentence_vectors()
    assert shipped.subwords is not None
    library_only = SentenceVectors(shipped.table, None, shipped.tokenizer_file, shipped.lock)
    assert np.array_equal(shipped.embed(texts), library_only.embed(texts))
    assert library_only.token_ids(texts) == _library_ids(library_tokenizer, texts)


def test_tables_built_from_another_tokenizer_file_are_not_used(tmp_path: Path) -> None:
    other = tmp_path / "tokenizer.json"
    shutil.copyfile(model_files()[1], other)
    with other.open("a") as out:
        out.write("\n")  # same tokenizer, different bytes: the digest no longer matches
    assert load_subwords(TABLES, other) is None
    assert load_subwords(tmp_path / "missing.npz", model_files()[1]) is None


def test_the_shipped_tables_are_what_the_builder_writes_today() -> None:
    """After a wordllama upgrade or an edit to the role examples (whose pieces are
    stored merged), ``benchmarks/build_subword_tables.py`` must be rerun (``make train``
    does)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from build_subword_tables import build

    built = build(model_files()[1])
    with np.load(TABLES) as shipped:
        assert set(shipped.files) == set(built)
        for name, array in built.items():
            assert np.array_equal(shipped[name], array), name
