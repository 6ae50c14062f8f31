"""Write ``rubrics/subword_tables.npz``: WordLlama's tokenizer as arrays.

``interview_coach.domain.subword`` reads these instead of the tokenizer's 1.8 MB
JSON file (0.12-0.14 s per process). Refuses a tokenizer file the compact reading
would get wrong: anything but a byte-fallback BPE with no pre-tokenizer, a normaliser
other than "prepend \u2581, spaces to \u2581", or a token holding "\u2581" after another
character. The role examples' pieces are stored already merged. Run after upgrading
wordllama (the coach falls back to ``tokenizers`` meanwhile) or editing the role
examples (``make train`` does); ``tests/test_subword.py`` fails until then:

    .venv/bin/python benchmarks/build_subword_tables.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_coach.domain.sentence_vectors import model_files  # noqa: E402
from interview_coach.domain.subword import SPACE, SPECIAL, file_digest, pack_ids, split_pieces  # noqa: E402

OUT = ROOT / "rubrics" / "subword_tables.npz"
NORMALISER = {
    "type": "Sequence",
    "normalizers": [
        {"type": "Prepend", "prepend": SPACE},
        {"type": "Replace", "pattern": {"String": " "}, "content": SPACE},
    ],
}


def seen_pieces(tokenizer_file: Path) -> dict[str, list[int]]:
    """Every piece of the role bank's examples and its ids, merged by the library
    itself: the pieces of everyday answers, looked up instead of merged at run time."""
    import tomllib

    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    pieces: set[str] = set()
    for path in sorted((ROOT / "rubrics" / "roles").glob("*.toml")):
        for example in tomllib.loads(path.read_text(encoding="utf-8"))["examples"]:
            if SPACE not in example and not any(token in example for token in SPECIAL):
                pieces.update(split_pieces(example))
    ordered = sorted(piece for piece in pieces if "\n" not in piece)
    # A piece is "▁" plus text: the normaliser gives it back from that text.
    texts = [piece[1:].replace(SPACE, " ") for piece in ordered]
    encoded = tokenizer.encode_batch(texts, add_special_tokens=False)
    return {piece: e.ids for piece, e in zip(ordered, encoded, strict=True) if 1 <= len(e.ids) <= 3}


def build(tokenizer_file: Path) -> dict[str, np.ndarray]:
    config = json.loads(tokenizer_file.read_text(encoding="utf-8"))
    model = config["model"]
    expected = {"type": "BPE", "byte_fallback": True, "fuse_unk": True, "dropout": None}
    if any(model.get(key) != value for key, value in expected.items()):
        raise SystemExit(f"not a byte-fallback BPE: {tokenizer_file}")
    if model.get("continuing_subword_prefix") or model.get("end_of_word_suffix"):
        raise SystemExit("subword prefixes or suffixes are not supported")
    if config["pre_tokenizer"] is not None or config["normalizer"] != NORMALISER:
        raise SystemExit("the normaliser or pre-tokenizer is not the one subword.py reproduces")
    if sorted(t["content"] for t in config["added_tokens"]) != sorted(SPECIAL):
        raise SystemExit("the added tokens are not the ones subword.py leaves to the tokenizer")
    vocab: dict[str, int] = model["vocab"]
    if sorted(vocab.values()) != list(range(len(vocab))) or len(vocab) >= 1 << 16:
        raise SystemExit("vocabulary ids are not 0..n-1 below 65,536")
    crossing = [t for t in vocab if re.search(f"[^{SPACE}]{SPACE}", t)]
    if crossing:
        raise SystemExit(f"tokens span a word boundary: {crossing[:5]}")
    pairs = [m.split(" ") if isinstance(m, str) else m for m in model["merges"]]
    if len({tuple(p) for p in pairs}) != len(pairs):
        raise SystemExit("a merge is listed twice")
    byte_tokens = [f"<0x{byte:02X}>" for byte in range(256)]
    if not all(token in vocab for token in byte_tokens):
        raise SystemExit("the byte-fallback tokens are not all in the vocabulary")
    characters = sorted((token, i) for token, i in vocab.items() if len(token) == 1)
    seen = seen_pieces(tokenizer_file)
    return {
        "source_digest": np.array(file_digest(tokenizer_file)),
        "chars": np.array([ord(token) for token, _ in characters], dtype=np.uint32),
        "char_ids": np.array([i for _, i in characters], dtype=np.uint16),
        "byte_ids": np.array([vocab[token] for token in byte_tokens], dtype=np.uint16),
        "merges": np.array(
            [
                [vocab[a] for a, _ in pairs],
                [vocab[b] for _, b in pairs],
                [vocab[a + b] for a, b in pairs],
            ],
            dtype=np.uint16,
        ),
        "seen": np.frombuffer("\n".join(seen).encode("utf-8"), dtype=np.uint8),
        "seen_ids": np.array([pack_ids(ids) for ids in seen.values()], dtype=np.uint64),
    }


def main() -> None:
    _, tokenizer_file = model_files()
    tables = build(tokenizer_file)
    np.savez(OUT, **tables)  # uncompressed: it loads in a few milliseconds
    print(
        json.dumps(
            {
                "written": str(OUT.relative_to(ROOT)),
                "characters": len(tables["chars"]),
                "merges": tables["merges"].shape[1],
                "pieces_seen": len(tables["seen_ids"]),
                "bytes": OUT.stat().st_size,
            }
        )
    )


if __name__ == "__main__":
    main()
