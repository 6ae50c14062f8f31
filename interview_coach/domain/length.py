"""One length target for an answer, kept as data: words when typed, seconds when spoken.

The editor's hint, the card's "short"/"long" note and the delivery line all read
it from ``rubrics/length.toml``, so they can never disagree, and a short answer
gets the same note whether it was typed or spoken.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interview_coach.domain.datafiles import DataFileError, check_keys, read_toml, where
from interview_coach.domain.results import Flag

KEYS = ("words", "seconds", "long_words", "long_seconds", "short_note", "long_note")


@dataclass(frozen=True)
class LengthTarget:
    words: tuple[int, int]
    seconds: tuple[int, int]
    long_words: int
    long_seconds: int
    short_note: str
    long_note: str

    def words_text(self) -> str:
        return f"{self.words[0]}-{self.words[1]} words"

    def seconds_text(self) -> str:
        return f"{self.seconds[0]}-{self.seconds[1]} seconds"

    def hint(self) -> str:
        """The editor's reminder: both measures, since a typed answer is rehearsal for speech."""
        return f"aim for {self.words_text()}, {self.seconds[0]}-{self.seconds[1]} s spoken"

    def note(self, words: int, seconds: float | None = None) -> Flag | None:
        """The card's length flag: by ``seconds`` when the answer was spoken, else by words."""
        if seconds is not None:
            amount, low, long = round(seconds), self.seconds[0], self.long_seconds
            amount_text, target = _count(amount, "second"), self.seconds_text()
        else:
            amount, low, long = words, self.words[0], self.long_words
            amount_text, target = _count(words, "word"), self.words_text()
        if amount < low:
            return Flag("too_short", self.short_note.format(amount=amount_text, target=target))
        if amount > long:
            message = self.long_note.format(amount=amount_text, target=target)
            return Flag("too_long", message[0].upper() + message[1:])
        return None


def load_length_target(path: Path) -> LengthTarget:
    data, text = read_toml(path)
    check_keys(data, KEYS, path, text, "the length target")
    for key in KEYS:
        if key not in data:
            raise DataFileError(f"{path}: '{key}' is missing.")
    for key in ("words", "seconds"):
        pair = data[key]
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(v, int) and v > 0 for v in pair)
            and pair[0] < pair[1]
        ):
            raise DataFileError(
                f"{where(path, text, key)}: '{key}' must be two whole numbers, low then high."
            )
    for key, pair in (("long_words", "words"), ("long_seconds", "seconds")):
        if not isinstance(data[key], int) or data[key] < data[pair][1]:
            raise DataFileError(
                f"{where(path, text, key)}: '{key}' must be a whole number at least the top "
                f"of '{pair}'."
            )
    for key in ("short_note", "long_note"):
        note = data[key]
        if not isinstance(note, str) or "{amount}" not in note or "{target}" not in note:
            raise DataFileError(
                f"{where(path, text, key)}: '{key}' must be text with {{amount}} and {{target}}."
            )
    return LengthTarget(
        (data["words"][0], data["words"][1]),
        (data["seconds"][0], data["seconds"][1]),
        data["long_words"],
        data["long_seconds"],
        data["short_note"],
        data["long_note"],
    )


@lru_cache(maxsize=2)
def length_target(folder: Path | None = None) -> LengthTarget:
    """The shipped target (read once); ``folder`` is a rubrics folder, for tests."""
    from interview_coach.locations import bundled_data_dir

    return load_length_target((folder or bundled_data_dir("rubrics")) / "length.toml")


def _count(amount: int, unit: str) -> str:
    """'1 word', '35 words': the note quotes a one-word answer too."""
    return f"{amount} {unit}" if amount == 1 else f"{amount} {unit}s"
