"""Finding rubric cues in an answer, tolerant of paraphrase and speech-recognition slips.

A cue is a short phrase from a rubric file ("did not pass", "question bank").
Exact matches on the normalised token stream are found first; longer cues may
also match fuzzily with rapidfuzz, so "I past step one" still earns "passed
Step 1". Short cues must match exactly: fuzzy "pass" would also hit "passive".
A positive cue preceded closely by a negation ("I don't blame the school")
is recorded as negated so scoring can ignore it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from interview_coach.domain.answer_text import Sentence

FUZZY_MIN_CHARS = 13
FUZZY_CUTOFF = 88.0
NEGATORS = ("not", "never", "no", "without", "nor", "nobody", "neither")
NEGATION_WINDOW = 5
# A negation does not reach past the start of the next clause: in "who was not doing
# her job, and she reported me" the report is not negated. ("that" stays inside:
# "I do not think that the exam was unfair" is still negated.)
SHARED_SUBJECT = frozenset({"and", "but", "then", "or"})
CLAUSE_STARTS = frozenset({"and", "but", "so", "because", "who", "which", "when", "while", "then"})
# Fuzzy matching forgives speech-recognition slips where a miss would cost the
# user credit they earned. Penalty cues match exactly: a fuzzy false alarm
# ("the residents and" heard as "the resident was") would accuse them of blame.
EXACT_ONLY = frozenset(
    {
        "blame",
        "self_pity",
        "over_apology",
        "minimising",
        "overconfidence",
        "euphemism",
        "overshare",
        "hedging",
        "generic_tieback",
        "self_description",
    }
)
NEGATING_PAIRS = {("fail", "to"), ("unable", "to"), ("instead", "of"), ("rather", "than")}


class Hit(NamedTuple):
    """One cue found in one sentence (named tuples here and for ``Cue``: they are
    made by the hundred per answer and build several times faster than frozen
    dataclasses)."""

    category: str
    cue: str
    sentence: int
    token: int
    length: int
    negated: bool

    def overlaps(self, other: Hit) -> bool:
        return self.sentence == other.sentence and (
            self.token < other.token + other.length and other.token < self.token + self.length
        )


class Cue(NamedTuple):
    """One prepared cue (~1,700 for a topic with every specialty, built on the first
    answer of each process)."""

    category: str
    text: str
    padded: str
    tokens: tuple[str, ...]


class CueMatcher:
    """All cues of one (topic, specialty) rubric, prepared once and reused per answer."""

    def __init__(self, cues: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        """``cues`` maps category -> [(original cue, normalised tokens joined by spaces)]."""
        # Keyed by the first two tokens (one for one-word cues): "i" alone starts
        # ~200 cues, and comparing each at every "i" was most of the exact pass.
        self._by_start: dict[tuple[str, ...], list[Cue]] = {}
        # "I took it too soon and never checked": the second verb's subject is the same
        # "I", so "i never checked" matches there too.
        self._after_i: dict[str, list[Cue]] = {}
        # Fuzzy cues in the rubric's order, and the places of those with each anchor
        # word (a word of four letters or more) in that list.
        self._fuzzy: list[Cue] = []
        self._fuzzy_by_anchor: dict[str, list[int]] = {}
        for category, entries in cues.items():
            for original, normalised in entries:
                tokens = tuple(normalised.split())
                if not tokens:
                    continue
                cue = Cue(category, original, f" {normalised} ", tokens)
                self._by_start.setdefault(tokens[:2], []).append(cue)
                if tokens[0] == "i" and len(tokens) >= 3:
                    self._after_i.setdefault(tokens[1], []).append(cue)
                if len(normalised) >= FUZZY_MIN_CHARS and category not in EXACT_ONLY:
                    anchors = {t for t in tokens if len(t) >= 4} or set(tokens)
                    for anchor in anchors:
                        self._fuzzy_by_anchor.setdefault(anchor, []).append(len(self._fuzzy))
                    self._fuzzy.append(cue)

    def find(self, sentences: Sequence[Sentence]) -> dict[str, list[Hit]]:
        hits: dict[str, list[Hit]] = {}
        seen: set[tuple[str, str, int]] = set()
        by_start = self._by_start
        for sentence in sentences:
            tokens = sentence.tokens
            following = (*tokens[1:], "")
            for position, (token, after) in enumerate(zip(tokens, following, strict=True)):
                for found in (by_start.get((token,)), by_start.get((token, after))):
                    for cue in found or ():
                        size = len(cue.tokens)
                        if size <= 2 or tokens[position : position + size] == cue.tokens:
                            self._add(hits, seen, cue, sentence, position)
                if (
                    position >= 2
                    and tokens[position - 1] in SHARED_SUBJECT
                    and "i" in tokens[: position - 1]
                ):
                    for cue in self._after_i.get(token, ()):
                        rest = cue.tokens[1:]
                        if tokens[position : position + len(rest)] == rest:
                            self._add(hits, seen, cue, sentence, position)
        # Fuzzy pass: only cues sharing a real word with the sentence can plausibly
        # match it, which keeps this fast without losing misrecognitions.
        for sentence in sentences:
            haystack = sentence.padded
            candidates = self._fuzzy_candidates(sentence.tokens, len(haystack))
            if not candidates:
                continue
            # process.extract keeps numpy out of the import path (cdist would load it).
            for _, _, ci in process.extract(
                haystack,
                [c.padded for c in candidates],
                scorer=fuzz.partial_ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=None,
            ):
                cue = candidates[ci]
                if (cue.category, cue.text, sentence.index) in seen:
                    continue
                alignment = fuzz.partial_ratio_alignment(cue.padded, haystack)
                if alignment is None or not _on_word_boundaries(haystack, alignment):
                    continue
                position = max(haystack[: alignment.dest_start + 1].count(" ") - 1, 0)
                self._add(hits, seen, cue, sentence, position)
        return hits

    def _fuzzy_candidates(self, tokens: Sequence[str], room: int) -> list[Cue]:
        """Fuzzy cues with an anchor word in ``tokens`` that fit in ``room`` characters,
        each once, in a stable order.

        A partial match slides the shorter string along the longer one, so a cue longer
        than the sentence would "match" any sentence it contains: "it." and "was."
        (a transcript's broken sentences) matched "that was my error" at 100.
        """
        places = {i for token in set(tokens) for i in self._fuzzy_by_anchor.get(token, ())}
        cues = (self._fuzzy[i] for i in sorted(places))
        return [cue for cue in cues if len(cue.padded) * FUZZY_CUTOFF / 100 <= room]

    @staticmethod
    def _add(
        hits: dict[str, list[Hit]],
        seen: set[tuple[str, str, int]],
        cue: Cue,
        sentence: Sentence,
        token: int,
    ) -> None:
        key = (cue.category, cue.text, sentence.index)
        if key in seen:
            return
        seen.add(key)
        before = sentence.tokens[max(0, token - NEGATION_WINDOW) : token]
        starts = [i for i, word in enumerate(before) if word in CLAUSE_STARTS]
        if starts:
            before = before[starts[-1] + 1 :]
        negated = (
            any(word in NEGATORS for word in before) or tuple(before[-2:]) in NEGATING_PAIRS
        ) and not _cue_is_negative(cue)
        hits.setdefault(cue.category, []).append(
            Hit(cue.category, cue.text, sentence.index, token, len(cue.tokens), negated)
        )


def _cue_is_negative(cue: Cue) -> bool:
    """A cue that itself contains a negation ('did not pass') is not undone by one."""
    return any(f" {word} " in cue.padded for word in NEGATORS)


def _on_word_boundaries(haystack: str, alignment: object) -> bool:
    """Reject fuzzy matches that start or end inside a word ('pass' in 'passive')."""
    start = alignment.dest_start  # type: ignore[attr-defined]
    end = alignment.dest_end  # type: ignore[attr-defined]
    starts_ok = start == 0 or haystack[start] == " " or haystack[start - 1] == " "
    ends_ok = end >= len(haystack) or haystack[end - 1] == " " or haystack[end] == " "
    return starts_ok and ends_ok
