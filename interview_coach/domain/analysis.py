"""One pass over an answer that every dimension and flag reads from.

Sentences, cue hits and specifics are computed once; the dimension scorers
are then simple, explainable rules over this analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_coach.domain.answer_text import Sentence, sentence_at, split_sentences
from interview_coach.domain.clause_shape import has_verb
from interview_coach.domain.cues import Hit
from interview_coach.domain.results import Evidence
from interview_coach.domain.rubric import Rubrics, TopicRubric
from interview_coach.domain.specifics import Specific, find_specifics

LISTED_ONLY = frozenset({"frequency", "number"})


@dataclass(frozen=True)
class Analysis:
    answer: str
    sentences: tuple[Sentence, ...]
    hits: dict[str, list[Hit]]
    specifics: tuple[Specific, ...]
    topic: TopicRubric
    verbless: frozenset[int] = frozenset()

    def live(self, category: str) -> list[Hit]:
        """Hits that count: a negated positive cue ('I don't blame...') does not, nor a
        cue inside a list of keywords with no verb ("UWorld, Anki, tutor, weekly.")."""
        return [
            h
            for h in self.hits.get(category, [])
            if not h.negated and h.sentence not in self.verbless
        ]

    def distinct(self, category: str, once_per_cue: bool = True) -> list[Hit]:
        """One hit per place: "reading room" and "reading" in one phrase count once."""
        kept: list[Hit] = []
        seen: set[str] = set()
        for hit in sorted(self.live(category), key=lambda h: -h.length):
            if once_per_cue and hit.cue in seen:
                continue
            if not any(hit.overlaps(k) for k in kept):
                kept.append(hit)
                seen.add(hit.cue)
        return sorted(kept, key=lambda h: (h.sentence, h.token))

    def sentences_with(self, *categories: str) -> set[int]:
        return {h.sentence for c in categories for h in self.live(c)}

    def specifics_of(self, *kinds: str) -> list[Specific]:
        """Specifics of those kinds; how often and how much count only inside a clause
        ("weekly" in a list of keywords describes no change)."""
        return [
            s
            for s in self.specifics
            if s.kind in kinds
            and not (s.kind in LISTED_ONLY and self.sentence_of(s.start) in self.verbless)
        ]

    def sentence_of(self, offset: int) -> int:
        return sentence_at(self.sentences, offset)

    def evidence(self, hit_or_index: Hit | int, effect: str, reason: str) -> Evidence:
        index = hit_or_index if isinstance(hit_or_index, int) else hit_or_index.sentence
        sentence = self.sentences[index]
        return Evidence(sentence.text, sentence.start, sentence.end, effect, reason)

    def specific_evidence(self, specific: Specific, reason: str) -> Evidence:
        return Evidence(specific.text, specific.start, specific.end, "+", reason)


def analyse(answer: str, topic: str, specialty: str | None, rubrics: Rubrics) -> Analysis:
    sentences = tuple(split_sentences(answer, rubrics.rewrites))
    hits = rubrics.matcher(topic, specialty).find(sentences)
    verbless = frozenset(s.index for s in sentences if not has_verb(s.text))
    return Analysis(
        answer, sentences, hits, tuple(find_specifics(answer)), rubrics.topic(topic), verbless
    )
