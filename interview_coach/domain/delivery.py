"""Delivery metrics of a spoken answer: pace, length, fillers, hesitations, long pauses.

Computed from word timestamps, so they work for any transcriber. Whisper tends
to drop "um" and "uh", so filler counts alone would flatter the speaker: we also
count hesitation gaps (0.3-1 s between words) and long pauses (1 s or more),
which timestamps measure whatever the transcript kept, and say so on the card.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from interview_coach.domain.length import length_target

FILLERS = (
    "um",
    "uh",
    "er",
    "ah",
    "erm",
    "hmm",
    "mm",
    "like",
    "you know",
    "i mean",
    "sort of",
    "kind of",
    "basically",
    "actually",
    "so yeah",
)
HEDGES = ("i guess", "i think", "maybe", "probably", "sort of", "kind of", "i suppose")
LONG_PAUSE_S = 1.0
HESITATION_S = 0.3
TARGET_WPM = (120, 160)
_SOUND_FILLER = re.compile(r"^(u+m+|u+h+|e+r+m*|a+h+|h+m+|m+)$")


@dataclass
class DeliveryMetrics:
    duration_s: float
    speaking_s: float
    words: int
    wpm: float
    fillers: dict[str, int] = field(default_factory=dict)
    hedges: dict[str, int] = field(default_factory=dict)
    hesitations: int = 0
    long_pauses: list[dict[str, float]] = field(default_factory=list)

    @property
    def filler_total(self) -> int:
        return sum(self.fillers.values())

    def advice(self) -> list[str]:
        tips = []
        if self.wpm and self.wpm < TARGET_WPM[0]:
            tips.append(
                f"{self.wpm:.0f} words/min is slow; aim for {TARGET_WPM[0]}-{TARGET_WPM[1]}."
            )
        elif self.wpm > TARGET_WPM[1]:
            tips.append(
                f"{self.wpm:.0f} words/min is fast; slow to {TARGET_WPM[0]}-{TARGET_WPM[1]}."
            )
        if self.duration_s:
            note = length_target().note(self.words, self.duration_s)
            if note is not None:
                tips.append(note.message)
        if self.long_pauses:
            tips.append(f"{len(self.long_pauses)} pause(s) over {LONG_PAUSE_S:.0f} s.")
        return tips

    def to_json(self) -> dict[str, Any]:
        return {
            "duration_s": round(self.duration_s, 2),
            "speaking_s": round(self.speaking_s, 2),
            "words": self.words,
            "wpm": round(self.wpm, 1),
            "fillers": self.fillers,
            "filler_total": self.filler_total,
            "hedges": self.hedges,
            "hesitations": self.hesitations,
            "long_pauses": self.long_pauses,
            "advice": self.advice(),
            "note": "Fillers are counted from the transcript, which can miss 'um' and 'uh'; "
            "hesitations and pauses come from word timing and are reliable.",
        }


def _count_phrases(tokens: list[str], phrases: tuple[str, ...]) -> dict[str, int]:
    text = " " + " ".join(tokens) + " "
    counts: Counter[str] = Counter()
    for phrase in phrases:
        if " " in phrase:
            counts[phrase] = text.count(f" {phrase} ")
    for token in tokens:
        if token in phrases and " " not in token:
            counts[token] += 1
        elif _SOUND_FILLER.match(token) and token not in phrases:
            counts["um" if "m" in token else "uh"] += 1
    return {k: v for k, v in counts.items() if v}


def delivery_metrics(words: list[tuple[str, float, float]], duration_s: float) -> DeliveryMetrics:
    """``words`` are (word, start, end) in seconds; ``duration_s`` is the recording length."""
    tokens = [re.sub(r"[^a-z']", "", w.lower()) for w, _, _ in words]
    tokens = [t for t in tokens if t]
    if not words:
        return DeliveryMetrics(duration_s, 0.0, 0, 0.0)
    speaking_s = max(words[-1][2] - words[0][1], 0.01)
    long_pauses, hesitations = [], 0
    for (_, _, end), (_, start, _) in pairwise(words):
        gap = start - end
        if gap >= LONG_PAUSE_S:
            long_pauses.append({"start": round(end, 2), "duration": round(gap, 2)})
        elif gap >= HESITATION_S:
            hesitations += 1
    return DeliveryMetrics(
        duration_s=duration_s,
        speaking_s=speaking_s,
        words=len(tokens),
        wpm=len(tokens) / speaking_s * 60,
        fillers=_count_phrases(tokens, FILLERS),
        hedges={k: v for k, v in _count_phrases(tokens, HEDGES).items() if k in HEDGES},
        hesitations=hesitations,
        long_pauses=long_pauses,
    )
