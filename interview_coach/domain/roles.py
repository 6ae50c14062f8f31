"""What each clause of an answer does: its role, read by similarity to example sentences.

A role (stating the fact, owning a cause, blaming others, describing a change...) is
decided by the clause's nearest example sentences in ``rubrics/roles/*.toml`` (a
bank a career advisor can grow without touching Python), together with who acts in
the clause (I, others, nobody: the passive), negation and tense. The example bank is
what lets the coach read "grading was inconsistent between sites" as blame although
no cue list names it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from interview_coach.domain.answer_text import Sentence, sentence_at
from interview_coach.domain.clause_shape import clause_shape, has_verb
from interview_coach.domain.datafiles import (
    DataFileError,
    check_keys,
    expect_str,
    expect_str_list,
    read_toml,
)
from interview_coach.domain.spoken_forms import SpokenForms, default_spoken_forms

if TYPE_CHECKING:
    import numpy as np

    from interview_coach.domain.role_classifier import RoleClassifier
    from interview_coach.domain.sentence_vectors import SentenceVectors

ROLES = (
    "fact",
    "vague_fact",
    "own_cause",
    "blame",
    "self_pity",
    "minimising",
    "change",
    "vague_effort",
    "result",
    "link_specific",
    "link_generic",
    "overshare",
    "other",
)
TEMPERATURE = 0.04  # turns similarities into shares that sum to one
NEAREST = 3  # a role's similarity is the mean of its three nearest examples
MIN_CLAUSE_WORDS = 4
MAX_CLAUSE_WORDS = 25

# Where one clause ends and the next begins, in written and in unpunctuated speech.
_BOUNDARY = re.compile(
    r"\s*[;:]\s+|\s+[-\u2013\u2014]+\s+|,?\s+(?=(?:but|so|because|although|though|whereas|"
    r"which|and then|after that|since then|now)\s)|,\s+(?=and\s+(?:i|we|my|then)\s)|"
    r"\s+(?=and\s+(?:i|then)\s+\w+(?:ed|t)\s)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*")
# Inside run-on speech: commas, sound fillers and "and"/"then" before a new subject.
_RUN_ON = re.compile(
    r",\s+|\s+(?:u+m+|u+h+)\s+|\s+(?=(?:and|then|like)\s+(?:i|we|my|she|he|they)\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True, eq=False)
class RoleBank:
    """Example sentences per role (identity-hashed, so its vectors are cached per bank)."""

    descriptions: dict[str, str]
    reasons: dict[str, str]  # what the card says of a clause in this role
    examples: dict[str, tuple[str, ...]]
    # The examples' vectors in ROLES order, when shipped for exactly these examples
    # (rubrics/role_vectors.npy): embedding 2,700 sentences costs a quarter second.
    vectors: np.ndarray | None = None

    def size(self) -> int:
        return sum(len(v) for v in self.examples.values())


@dataclass(frozen=True)
class Clause:
    """A clause of the answer, where it sits in the text, and how it reads."""

    index: int
    sentence: int
    text: str
    start: int
    end: int
    first_person: bool
    subject_is_me: bool
    passive: bool
    negated: bool
    forward: bool
    similarity: dict[str, float]  # mean similarity to the role's nearest examples
    probabilities: dict[str, float]  # the role classifier's reading

    @cached_property
    def role(self) -> str:
        """The likeliest role (asked hundreds of times per answer by the features)."""
        return max(self.probabilities, key=self.probabilities.__getitem__)


def load_role_bank(folder: Path, extra: dict[str, tuple[str, ...]] | None = None) -> RoleBank:
    """Read ``roles/<role>.toml`` for every role; each needs a description and examples.

    ``extra`` adds examples kept elsewhere (each specialty file's tie-back lines).
    """
    descriptions: dict[str, str] = {}
    reasons: dict[str, str] = {}
    examples: dict[str, tuple[str, ...]] = {}
    for role in ROLES:
        path = folder / f"{role}.toml"
        data, text = read_toml(path)
        check_keys(data, {"role", "description", "reason", "examples"}, path, text, "the role file")
        if expect_str(data.get("role"), path, text, "role", "the role file") != role:
            raise DataFileError(f"{path}: role must be '{role}', as the file name says.")
        descriptions[role] = expect_str(
            data.get("description"), path, text, "description", "the role file"
        )
        reasons[role] = expect_str(data.get("reason"), path, text, "reason", "the role file")
        found = expect_str_list(data.get("examples"), path, text, "examples", "the role file")
        if not found:
            raise DataFileError(f"{path}: 'examples' needs at least one sentence.")
        known = set(found)  # not the tuple: ~500 extra lines against ~2,000 examples
        examples[role] = found + tuple(e for e in (extra or {}).get(role, ()) if e not in known)
    return RoleBank(descriptions, reasons, examples)


@lru_cache(maxsize=4)
def _bank_matrix(bank: RoleBank, vectors: SentenceVectors) -> tuple[np.ndarray, dict[str, slice]]:
    """Every example's vector (one row each), grouped by role, and each role's rows."""
    texts: list[str] = []
    rows: dict[str, slice] = {}
    for role in ROLES:
        rows[role] = slice(len(texts), len(texts) + len(bank.examples[role]))
        texts.extend(bank.examples[role])
    if bank.vectors is not None and len(bank.vectors) == len(texts):
        return bank.vectors, rows
    return vectors.embed(texts), rows


def split_clauses(answer: str, sentences: tuple[Sentence, ...]) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each clause; short pieces join their neighbour,
    and so does a piece without a verb (a stammer, "a lot of, of confusion about the
    grading", or a lead-in, "In my clerkship in May,"), whose words would otherwise
    read as a keyword list and play no role. A sentence with no verb at all stays one.

    Splits on sentence punctuation, then on clause boundaries (";", "but", "so",
    "and I ..."), then, for run-on speech still longer than ``MAX_CLAUSE_WORDS``, at
    commas and fillers, so an unpunctuated transcript reads clause by clause too.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _SENTENCE_END.finditer(answer):
        spans.extend(_clause_spans(answer, position, match.start()))
        position = match.end()
    spans.extend(_clause_spans(answer, position, len(answer)))
    return [(sentence_at(sentences, s), s, e) for s, e in spans]


def _clause_spans(answer: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = _cut(answer, start, end, _BOUNDARY)
    finer: list[tuple[int, int]] = []
    for s, e in pieces:
        if len(answer[s:e].split()) > MAX_CLAUSE_WORDS:
            finer.extend(_cut(answer, s, e, _RUN_ON))
        else:
            finer.append((s, e))
    merged: list[list[int]] = []
    for s, e in finer:
        if not answer[s:e].split():
            continue
        if merged and not (
            _stands_alone(answer[s:e]) and _stands_alone(answer[slice(*merged[-1])])
        ):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _cut(answer: str, start: int, end: int, boundary: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces, position = [], start
    for match in boundary.finditer(answer, start, end):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, end))
    return pieces


def _stands_alone(piece: str) -> bool:
    """A piece is a clause of its own only if it is long enough and has a verb."""
    return len(piece.split()) >= MIN_CLAUSE_WORDS and has_verb(piece)


def read_clauses(
    answer: str,
    sentences: tuple[Sentence, ...],
    bank: RoleBank,
    vectors: SentenceVectors,
    classifier: RoleClassifier | None = None,
    spoken: SpokenForms | None = None,
) -> list[Clause]:
    """Every clause with its similarity to each role's nearest examples and, with a
    classifier, its role probabilities (else the similarities, sharpened). Each
    clause is read as if written (``spoken_forms``); its text stays as said."""
    import numpy as np

    spans = split_clauses(answer, sentences)
    if not spans:
        return []
    texts = [answer[s:e] for _, s, e in spans]
    spoken = spoken or default_spoken_forms()
    written = [spoken.as_written(t) for t in texts]
    matrix, rows = _bank_matrix(bank, vectors)
    # Bank x clauses (this orientation is several times faster with OpenBLAS here).
    embedded = vectors.embed(written)
    sims = matrix @ embedded.T
    near = np.stack([nearest_similarity(sims[rows[role]]) for role in ROLES], axis=1)
    probabilities = classifier.probabilities(embedded, written, near) if classifier else None
    nearest = {role: near[:, i].tolist() for i, role in enumerate(ROLES)}
    clauses = []
    for i, ((sentence, start, end), text) in enumerate(zip(spans, texts, strict=True)):
        similarity = {role: nearest[role][i] for role in ROLES}
        if not has_verb(text):
            # A list of keywords is not a clause: it plays no role, however apt its words.
            similarity = {role: 1.0 if role == "other" else 0.0 for role in ROLES}
            read = dict(similarity)
        elif probabilities is None:
            read = sharpen(similarity)
        else:
            read = dict(zip(ROLES, probabilities[i].tolist(), strict=True))
        clauses.append(
            Clause(
                index=i,
                sentence=sentence,
                text=text,
                start=start,
                end=end,
                **clause_shape(text),
                similarity=similarity,
                probabilities=read,
            )
        )
    return clauses


def nearest_similarity(block: np.ndarray) -> np.ndarray:
    """Per column (a clause), the mean of the ``NEAREST`` highest similarities in
    ``block`` (one role's examples x clauses)."""
    import numpy as np

    k = min(NEAREST, block.shape[0])
    return np.partition(block, -k, axis=0)[-k:].mean(axis=0)


def sharpen(similarity: dict[str, float]) -> dict[str, float]:
    """Similarities as shares that sum to one (a softmax at a low temperature)."""
    top = max(similarity.values())
    weights = {r: math.exp((s - top) / TEMPERATURE) for r, s in similarity.items()}
    total = sum(weights.values())
    return {r: w / total for r, w in weights.items()}


@lru_cache(maxsize=4)
def default_role_bank(folder: Path | None = None) -> RoleBank:
    from interview_coach.locations import bundled_data_dir

    return load_role_bank(folder or bundled_data_dir("rubrics") / "roles")
