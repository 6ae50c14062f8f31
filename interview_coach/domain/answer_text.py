"""Turning an answer into sentences and a canonical token stream for cue matching.

Typed answers and Whisper transcripts spell the same idea many ways ("didn't" /
"did not", "Step one" / "Step 1", "passed" / "pass"). Both the answer and every
rubric cue go through the same normalisation, so a cue written once in a rubric
file matches all of them.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
    # "that's on me" owns it as "that is on me" does; other 's are possessive.
    (re.compile(r"\b(that|it|what|there|here|he|she|who|this)'s\b"), r"\1 is"),
    (re.compile(r"'s\b"), ""),
)
_CANNOT = re.compile(r"\bcannot\b")
# Whisper sometimes writes a contraction without the apostrophe ("didnt").
_BARE_NEGATIONS = re.compile(r"\b(did|do|does|was|were|is|are|could|would|should|has|have|had)nt\b")
_BARE_CONTRACTIONS = (
    (re.compile(r"\b(that|what|there)s\b"), r"\1 is"),
    (re.compile(r"\bim\b"), "i am"),
    (re.compile(r"\bive\b"), "i have"),
)
_TOKEN = re.compile(r"[a-z0-9]+")
_SOUND_FILLER = re.compile(r"^(?:u+m+|u+h+|e+r+m+|a+h+|h+m+|m+h*m+|uhm)$")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n\s*\n|\s*\n(?=\s*[-*\u2022])")
_KEEP_WHOLE = frozenset(
    [
        "was",
        "has",
        "is",
        "this",
        "his",
        "us",
        "focus",
        "process",
        "stress",
        "less",
        "across",
        "unless",
        "bias",
        "thus",
        "its",
        "yes",
        "plus",
        "status",
        "analysis",
        "diagnosis",
        "basis",
        "thesis",
        "always",
        "perhaps",
        "series",
        "news",
        "previous",
        "serious",
        "various",
        "anxious",
        "conscious",
    ]
)
MAX_CHUNK_WORDS = 35


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A deliberately small suffix stripper: enough to join pass/passed/passing.

    A final "e" is dropped too (score/scored -> "scor") unless that would leave
    a three-letter word, which is how "notes" stays clear of "not".
    """
    if len(word) <= 3 or word in _KEEP_WHOLE or word.isdigit():
        return word
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ying", "y")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    base = word
    for suffix in ("ing", "ed", "es", "s"):
        minimum = 3 if suffix == "s" else 4
        if not word.endswith(suffix) or len(word) - len(suffix) < minimum:
            continue
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            break
        base = word[: -len(suffix)]
        if suffix == "es" and not base.endswith(("ss", "sh", "ch", "x", "z")):
            base = word[:-1]
        elif suffix in ("ing", "ed") and base[-1] == base[-2] and base[-1] not in "lsz":
            base = base[:-1]
        break
    if base.endswith("e") and len(base) >= 5:
        base = base[:-1]
    return base


def normalise(text: str, rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()) -> list[str]:
    """Lower-case, expand contractions, apply the rubric's rewrites, tokenise, stem."""
    text = text.translate(_APOSTROPHES).lower()
    if "'" in text:  # most sentences have none: skip a dozen regex passes
        for pattern, replacement in _CONTRACTIONS:
            text = pattern.sub(replacement, text)
    text = _rewrite(_CANNOT, "can not", text)
    text = _rewrite(_BARE_NEGATIONS, r"\1 not", text)
    for pattern, replacement in (*_BARE_CONTRACTIONS, *rewrites):
        text = _rewrite(pattern, replacement, text)
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        # Spoken answers: "um"/"uh" and false starts ("I- I failed") would otherwise
        # break a cue that the speaker said in full.
        if _SOUND_FILLER.match(token):
            continue
        token = stem(token)
        if not tokens or token != tokens[-1]:
            tokens.append(token)
    return tokens


@functools.cache
def normaliser_digest() -> str:
    """The digest of this module's source: what :func:`normalise` does to a phrase
    depends only on it and on the rewrites it is given (it imports nothing else)."""
    return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16).hexdigest()


def _rewrite(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    """``pattern.sub``, skipped when even the looser probe finds nothing."""
    probe = _probe(pattern)
    if probe is not None and probe.search(text) is None:
        return text
    return pattern.sub(replacement, text)


@functools.lru_cache(maxsize=512)
def _probe(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without its leading ``\\b``, or None if it has none.

    It matches wherever the pattern does, so where it finds nothing the pattern
    cannot match; and without the ``\\b`` Python's regex engine can jump to a
    literal start ("step", "anky"), which made it ten times faster per sentence.
    """
    if not pattern.pattern.startswith(r"\b"):
        return None
    return re.compile(pattern.pattern[2:], pattern.flags)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the answer, with its place in the original text for highlighting."""

    index: int
    text: str
    start: int
    end: int
    tokens: tuple[str, ...]

    @property
    def padded(self) -> str:
        return " " + " ".join(self.tokens) + " "


def split_sentences(
    answer: str, rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()
) -> list[Sentence]:
    """Split on sentence punctuation; cut unpunctuated speech into short chunks.

    Transcripts of run-on speech can lack full stops entirely, and evidence
    quoted from a 200-word "sentence" would explain nothing.
    """
    pieces: list[tuple[int, int]] = []
    position = 0
    for match in _SENTENCE_END.finditer(answer):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, len(answer)))

    sentences: list[Sentence] = []
    for start, end in pieces:
        for chunk_start, chunk_end in _chunks(answer, start, end):
            raw = answer[chunk_start:chunk_end]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            begin = chunk_start + lead
            tokens = tuple(normalise(stripped, rewrites))
            if tokens:
                sentences.append(
                    Sentence(len(sentences), stripped, begin, begin + len(stripped), tokens)
                )
    return sentences


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) <= MAX_CHUNK_WORDS:
        return [(start, end)]
    chunks = []
    for i in range(0, len(words), MAX_CHUNK_WORDS // 2 + 5):
        group = words[i : i + MAX_CHUNK_WORDS // 2 + 5]
        chunks.append((start + group[0].start(), start + group[-1].end()))
    return chunks


def sentence_at(sentences: tuple[Sentence, ...] | list[Sentence], offset: int) -> int:
    """Index of the sentence holding character ``offset`` (the last one past the end)."""
    for sentence in sentences:
        if sentence.start <= offset < sentence.end + 1:
            return sentence.index
    return max(0, len(sentences) - 1)


def whole_phrases(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex matching any of ``phrases`` as whole words, longest first, any run of
    spaces between their words (for word lists an advisor edits in a data file)."""
    alternatives = "|".join(
        r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)
    )
    return rf"(?<![\w'])(?:{alternatives})(?![\w'])"


# A number written with separators ("3,000", "2.5") is one word, as a reader counts it.
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[A-Za-z0-9']+")


def word_count(text: str) -> int:
    """Words as the length note and the editor count them (the same count in both)."""
    return len(_WORD.findall(text))
