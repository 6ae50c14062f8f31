"""Spotting specifics in an answer: exam names, dates, durations, numbers, frequencies.

Program directors trust answers that are concrete ("Step 1, June 2021, passed on
the second attempt with a 232"). These detectors are patterns, not cues,
because dates and numbers cannot be listed in a data file.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NUM = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|a hundred|hundreds of|several|a few|"
    r"half a|a couple of|a)"
)
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Written in lower case and run on lower-cased text: Python's regex engine is several
# times slower when it must fold case at every position.
PATTERNS: dict[str, re.Pattern[str]] = {
    "exam": re.compile(
        r"\b(?:step\s*(?:1|2|3|one|two|three|i{1,3})(?:\s*c\.?k\.?)?|comlex(?:\s*level\s*\d)?|"
        r"level\s*(?:1|2|3|one|two|three)|shelf(?: exam)?s?|nbme|usmle|board exams?|"
        r"in-?training exam|oet|ecfmg|\w+ (?:final|midterm|block) exam)\b",
    ),
    "date": re.compile(
        rf"\b(?:{MONTHS}\.?\s+(?:of\s+)?(?:19|20)\d\d|(?:in|of|since|during|by|until)\s+"
        rf"(?:19|20)\d\d|(?:19|20)\d\d|(?:spring|summer|fall|autumn|winter) of|"
        rf"(?:first|second|third|fourth|final|last) year(?: of medical school)?|"
        rf"(?:my|the) (?:m[1-4]|ms[1-4]) year|{MONTHS} (?:to|through|until) {MONTHS}|"
        # A year as speech recognition writes it: "twenty twenty two".
        rf"twenty (?:nineteen|twenty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)\b",
    ),
    "duration": re.compile(
        rf"\b(?:{_NUM}[\s-]+(?:full[\s-]+)?(?:days?|weeks?|months?|years?|semesters?|terms?)|"
        rf"from\s+\w+(?:\s+\d{{4}})?\s+(?:to|through|until)\s+\w+|"
        rf"{MONTHS}\s+(?:\d{{4}}\s+)?(?:to|through|until)\s+{MONTHS})\b",
    ),
    "attempt": re.compile(
        r"\b(?:(?:first|second|third|1st|2nd|3rd|next|another)\s+(?:attempt|try|time|sitting)|"
        r"retak(?:e|en|ing)|re-?sat|re-?took|repeat(?:ed)?\s+(?:the\s+)?(?:exam|course|year|"
        r"rotation|block|clerkship))\b",
    ),
    "number": re.compile(
        r"\b(?:\d{1,3}(?:,\d{3})+|\d{2,}|\d+(?:\.\d+)?\s*(?:%|percent|percentile|points?)|top \d+|"
        r"(?:two|three|four|five|six|ten|twenty|thirty|forty|fifty|hundreds?|thousands?) "
        r"(?:questions|cases|blocks|studies|practice|points|sessions|shifts)|honou?rs|"
        r"high pass)\b",
    ),
    "frequency": re.compile(
        rf"\b(?:daily|every\s+(?:day|morning|evening|night|week|weekend|month|other day|"
        rf"shift|rotation)|each\s+(?:day|morning|evening|week|month)|weekly|nightly|"
        rf"monthly|biweekly|{_NUM}\s+(?:times?|days?|hours?|blocks?|questions?|cases?|sessions?|shifts?|"
        rf"mornings?|afternoons?|evenings?|nights?)\s+"
        rf"(?:a|per|each|every)\s+(?:day|week|month|night)|"
        rf"(?:twice|once|three times)\s+(?:a|per)\s+(?:day|week|month)|per\s+(?:day|week)|"
        rf"{_NUM}\s+(?:hours?|questions|blocks|cases)\s+(?:a|per)\s+day|"
        rf"(?:every|each)\s+\w+day|on\s+\w+days)\b",
    ),
    "event": re.compile(
        # One to three words name it: "my surgery rotation", "my internal medicine clerkship".
        r"\b(?:on\s+(?:my|the|a)\s+(?:\w+\s+){1,3}(?:rotation|clerkship|rotations|clerkships)|"
        r"(?:during|in|on)\s+(?:my|the)\s+(?:\w+\s+){1,3}(?:rotation|clerkship|course|block|"
        r"observership|elective)|dean|mspe|committee|remediation|probation)\b",
    ),
}


PRIORITY = ("exam", "date", "frequency", "duration", "attempt", "number", "event")


class Specific(NamedTuple):
    """A specific found in the text (a named tuple: built by the dozen per answer)."""

    kind: str
    text: str
    start: int
    end: int


def find_specifics(text: str, kinds: tuple[str, ...] | None = None) -> list[Specific]:
    """Every specific in ``text`` with its offsets, in reading order."""
    found: list[Specific] = []
    haystack = text.lower()
    if len(haystack) != len(text):  # a letter grew (a dotted capital I): keep offsets
        haystack = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for kind in PRIORITY:
        for match in PATTERNS[kind].finditer(haystack):
            start, end = match.span()
            if any(s.start < end and start < s.end for s in found):
                continue  # "2021" in "June 2021" is a date, not also a number
            found.append(Specific(kind, text[start:end], start, end))
    found.sort(key=lambda s: s.start)
    return [s for s in found if kinds is None or s.kind in kinds]
