"""Checking an answer's facts against the profile, as a program director would.

"I took six months off" when the profile says January to September is a
mismatch an interviewer notices; the coach should notice first and show both.
"""

from __future__ import annotations

import re

from interview_coach.domain.profile import Profile, month_label
from interview_coach.domain.results import Flag
from interview_coach.domain.selection import NUMBER_WORDS
from interview_coach.domain.specifics import MONTHS

_DURATION = re.compile(
    r"\b(\d+|" + "|".join(NUMBER_WORDS[1:]) + r"|a|one and a half|half a)\s*[- ]?"
    r"(months?|years?)\b",
    re.IGNORECASE,
)
_EXAM = re.compile(r"\bstep\s*(1|2|3|one|two|three)\b(\s*ck)?|\bcomlex\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = f"({MONTHS})"
_SPOKEN_YEAR = (
    r"(?:(?:19|20)\d\d|twenty (?:nineteen|twenty"
    rf"(?:[ -](?:{'|'.join(NUMBER_WORDS[1:10])}))?))"
)
# "from March to May 2021", "January 2022 through September 2022",
# "march twenty twenty two until may"
_RANGE = re.compile(
    rf"\b{_MONTH}\.?(?:\s+(?:of\s+)?({_SPOKEN_YEAR}))?\s*(?:to|through|until|till|-|\u2013)\s*"
    rf"{_MONTH}\.?(?:\s+(?:of\s+)?({_SPOKEN_YEAR}))?",
    re.IGNORECASE,
)


def _months(amount: str, unit: str) -> float:
    amount = amount.lower()
    if amount in ("a",):
        value = 1.0
    elif amount == "half a":
        value = 0.5
    elif amount == "one and a half":
        value = 1.5
    elif amount.isdigit():
        value = float(amount)
    else:
        value = float(NUMBER_WORDS.index(amount))
    return value * (12 if unit.lower().startswith("year") else 1)


def _exam_key(text: str) -> str:
    text = text.lower().replace("one", "1").replace("two", "2").replace("three", "3")
    return re.sub(r"\s+", " ", text).strip()


def _year(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lower().replace("-", " ")
    if text.isdigit():
        return int(text)
    words = text.split()
    if words[:2] == ["twenty", "nineteen"]:
        return 2019
    return 2020 + (NUMBER_WORDS.index(words[2]) if len(words) > 2 else 0)


def _month_number(text: str) -> int:
    text = text.lower()
    return next(i + 1 for i, name in enumerate(_MONTH_NAMES) if name.startswith(text[:3]))


def said_ranges(answer: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """Month ranges in the answer with a year: (what was said, (y, m) start, (y, m) end)."""
    found = []
    for match in _RANGE.finditer(answer):
        first, first_year, last, last_year = match.groups()
        end_year = _year(last_year) or _year(first_year)
        if end_year is None:
            continue
        start_month, end_month = _month_number(first), _month_number(last)
        start_year = _year(first_year) or (end_year - 1 if start_month > end_month else end_year)
        found.append((match.group(0), (start_year, start_month), (end_year, end_month)))
    return found


def _months_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    return abs((a[0] * 12 + a[1]) - (b[0] * 12 + b[1]))


def _profile_month(value: str) -> tuple[int, int]:
    year, month = value.split("-")[:2]
    return int(year), int(month)


def check_consistency(answer: str, topic: str, profile: Profile) -> list[Flag]:
    flags: list[Flag] = []
    for flag in profile.flags_for(topic):
        if flag.start and flag.end:
            start, end = _profile_month(flag.start), _profile_month(flag.end)
            for said, said_start, said_end in said_ranges(answer)[:1]:
                if _months_apart(said_start, start) > 1 or _months_apart(said_end, end) > 1:
                    flags.append(
                        Flag(
                            "inconsistent_dates",
                            f"You said {said}, but your profile says "
                            f"{month_label(flag.start)} to {month_label(flag.end)}. "
                            "Make the two agree.",
                            said,
                        )
                    )
        months = flag.months()
        if months:
            for match in _DURATION.finditer(answer):
                said = _months(match.group(1), match.group(2))
                if abs(said - months) > max(1.0, months * 0.2):
                    flags.append(
                        Flag(
                            "inconsistent_duration",
                            f"You said {match.group(0)}, but your profile says "
                            f"{month_label(flag.start)} to {month_label(flag.end)} "
                            f"({months} months). Make the two agree.",
                            match.group(0),
                        )
                    )
                break
        if flag.exam:
            mentioned = {_exam_key(m.group(0)) for m in _EXAM.finditer(answer)}
            expected = _exam_key(flag.exam)
            base = expected.split(" ck")[0]
            if mentioned and not any(m.startswith(base) for m in mentioned):
                flags.append(
                    Flag(
                        "inconsistent_exam",
                        f"You mentioned {', '.join(sorted(mentioned))}, but your profile's "
                        "red flag "
                        f"is {flag.exam}. Check you are answering about the right exam.",
                        sorted(mentioned)[0],
                    )
                )
        if flag.date:
            # Only a single year mentioned is compared: with several, which one is
            # "the" date is a guess.
            said_years = {m.group(0) for m in _YEAR.finditer(answer)}
            if len(said_years) == 1 and flag.date[:4] not in said_years:
                nearest = next(iter(said_years))
                flags.append(
                    Flag(
                        "inconsistent_date",
                        f"You said {nearest}, but your profile dates this to "
                        f"{month_label(flag.date)}.",
                        nearest,
                    )
                )
    return flags
