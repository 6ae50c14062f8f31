"""Checking an answer's facts against the profile, as a program director would.

"I took six months off" when the profile says January to September is a
mismatch an interviewer notices; the coach should notice first and show both.
"""

from __future__ import annotations

import re

from interview_coach.domain.profile import Profile, month_label
from interview_coach.domain.results import Flag
from interview_coach.domain.selection import NUMBER_WORDS

_DURATION = re.compile(
    r"\b(\d+|" + "|".join(NUMBER_WORDS[1:]) + r"|a|one and a half|half a)\s*[- ]?"
    r"(months?|years?)\b",
    re.IGNORECASE,
)
_EXAM = re.compile(r"\bstep\s*(1|2|3|one|two|three)\b(\s*ck)?|\bcomlex\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d\d\b")


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


def check_consistency(answer: str, topic: str, profile: Profile) -> list[Flag]:
    flags: list[Flag] = []
    for flag in profile.flags_for(topic):
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
