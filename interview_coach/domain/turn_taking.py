"""When the candidate has finished speaking: how long a pause ends the turn.

A fixed silence (2.5 s by default) makes every turn feel slow, and a short one
cuts people off while they think. A listener uses the words: after "...and I
passed on my second attempt." a one-second pause means the speaker is done;
after "...because I" or "um" the same pause means they are thinking. The live
transcript gives us those words, so the silence that ends a turn depends on how
the text so far ends. The word lists are data (``rubrics/speech/turn_taking.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interview_coach.domain.datafiles import (
    DataFileError,
    check_keys,
    expect_str,
    expect_str_list,
    read_toml,
)

ENDINGS = ("complete", "unclear", "open")
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class TurnTaking:
    """The rules read from ``turn_taking.toml``."""

    complete_s: float
    unclear_s: float
    min_answer_words: int
    fillers: tuple[str, ...]
    open_words: frozenset[str]
    closing_words: tuple[str, ...]
    open_endings: tuple[str, ...]
    closing_endings: tuple[str, ...]
    examples: tuple[tuple[str, str], ...] = ()

    def ending(self, text_so_far: str) -> str:
        """How the text ends: "complete" (a sentence that can close the answer),
        "unclear" (it may be finished) or "open" (mid-sentence, a filler, or nothing
        said yet)."""
        text = text_so_far.strip()
        words = _WORD.findall(text.lower())
        if not words:
            return "open"
        if text.endswith(self.open_endings):
            return "open"
        tail = " ".join(words[-3:])
        if any(tail == f or tail.endswith(" " + f) for f in self.fillers):
            return "open"
        if words[-1] in self.open_words:
            return "open"
        if (
            text.endswith(self.closing_endings)
            and len(words) >= self.min_answer_words
            and self._closes(text)
        ):
            return "complete"
        return "unclear"

    def _closes(self, text: str) -> bool:
        """Whether the last two sentences speak of a result or of residency."""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
        tail = " " + " ".join(_WORD.findall(" ".join(sentences[-2:]).lower())) + " "
        return any(f" {phrase} " in tail for phrase in self.closing_words)

    def silence(self, text_so_far: str, max_silence_s: float) -> float:
        ending = self.ending(text_so_far)
        wanted = {"complete": self.complete_s, "unclear": self.unclear_s}.get(ending, max_silence_s)
        return min(wanted, max_silence_s)


def end_of_turn_silence(text_so_far: str, max_silence_s: float) -> float:
    """Seconds of silence after which the turn ends, given the live transcript so far.

    About 1 s after a complete sentence that can close the answer; the user's
    setting ``max_silence_s`` after a pause mid-sentence, after a filler or a
    conjunction, or when nothing has been transcribed; never more than the setting.
    """
    return default_turn_taking().silence(text_so_far, max_silence_s)


@lru_cache(maxsize=1)
def default_turn_taking() -> TurnTaking:
    from interview_coach.locations import bundled_data_dir

    return load_turn_taking(bundled_data_dir("rubrics") / "speech" / "turn_taking.toml")


def load_turn_taking(path: Path) -> TurnTaking:
    data, text = read_toml(path)
    allowed = {
        "complete_s",
        "unclear_s",
        "min_answer_words",
        "fillers",
        "open_words",
        "closing_words",
        "open_endings",
        "closing_endings",
        "example",
    }
    check_keys(data, allowed, path, text, "the turn-taking file")
    for key in allowed - {"example"}:
        if key not in data:
            raise DataFileError(f"{path}: '{key}' is missing.")
    seconds = {}
    for key in ("complete_s", "unclear_s"):
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 10:
            raise DataFileError(f"{path}: '{key}' must be a number of seconds between 0 and 10.")
        seconds[key] = float(value)
    if seconds["complete_s"] > seconds["unclear_s"]:
        raise DataFileError(f"{path}: 'complete_s' must not be longer than 'unclear_s'.")
    min_words = data["min_answer_words"]
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 0:
        raise DataFileError(f"{path}: 'min_answer_words' must be a whole number, 0 or more.")
    lists = {
        key: expect_str_list(data[key], path, text, key, "the turn-taking file")
        for key in ("fillers", "open_words", "closing_words", "open_endings", "closing_endings")
    }
    examples = []
    for entry in data.get("example", []):
        check_keys(entry, {"text", "ends"}, path, text, "[[example]]")
        ends = expect_str(entry.get("ends"), path, text, "ends", "[[example]]")
        if ends not in ENDINGS:
            raise DataFileError(
                f"{path}: an example's 'ends' must be one of {', '.join(ENDINGS)}, not '{ends}'."
            )
        examples.append((expect_str(entry.get("text"), path, text, "text", "[[example]]"), ends))
    return TurnTaking(
        complete_s=seconds["complete_s"],
        unclear_s=seconds["unclear_s"],
        min_answer_words=min_words,
        fillers=tuple(f.lower() for f in lists["fillers"]),
        open_words=frozenset(w.lower() for w in lists["open_words"]),
        closing_words=tuple(w.lower() for w in lists["closing_words"]),
        open_endings=lists["open_endings"],
        closing_endings=lists["closing_endings"],
        examples=tuple(examples),
    )
