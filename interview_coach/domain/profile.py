"""The applicant's profile: who they are and which red flags they must explain.

Read from a TOML file (see DESIGN.md). Every key is checked: an unknown or
misspelt key is reported with its line rather than silently ignored, because a
silently dropped date would make the consistency checks lie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from interview_coach.domain.datafiles import (
    DataFileError,
    check_keys,
    expect_str,
    read_toml,
    where,
)

APPLICANT_TYPES = ("us_md", "us_do", "us_img", "non_us_img")
APPLICANT_LABELS = {
    "us_md": "US MD",
    "us_do": "US DO",
    "us_img": "US-citizen IMG",
    "non_us_img": "non-US IMG",
}
PROFILE_KEYS = ("name", "applicant_type", "specialty", "red_flags")
RED_FLAG_KEYS = ("kind", "exam", "date", "start", "end", "detail", "outcome")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class RedFlag:
    kind: str
    exam: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    detail: str | None = None
    outcome: str | None = None

    def months(self) -> int | None:
        """Length of a gap or leave in whole months, counting both ends."""
        if not (self.start and self.end):
            return None
        (y1, m1), (y2, m2) = parse_month(self.start), parse_month(self.end)
        return (y2 - y1) * 12 + (m2 - m1) + 1


@dataclass(frozen=True)
class Profile:
    applicant_type: str = "us_img"
    specialty: str = "diagnostic_radiology"
    name: str | None = None
    red_flags: tuple[RedFlag, ...] = field(default_factory=tuple)

    def flags_for(self, topic: str) -> list[RedFlag]:
        return [flag for flag in self.red_flags if flag.kind == topic]


def parse_month(value: str) -> tuple[int, int]:
    match = _MONTH.match(value)
    if not match:
        raise ValueError(value)
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        raise ValueError(value)
    return year, month


def month_label(value: str) -> str:
    """'2021-06' -> 'June 2021' for questions spoken to a person."""
    year, month = parse_month(value)
    return f"{MONTH_NAMES[month - 1]} {year}"


def _check_month(value: Any, path: Path, text: str, key: str, index: int) -> str:
    context = f"red flag #{index + 1}"
    value = expect_str(value, path, text, key, context)
    try:
        parse_month(value)
    except ValueError:
        raise DataFileError(
            f"{where(path, text, key)}: '{key}' in {context} must be a month like 2021-06, "
            f"not '{value}'."
        ) from None
    return value


def load_profile(
    path: Path, topic_ids: set[str], specialties: set[str], today: date | None = None
) -> Profile:
    """Validate a profile against the known topics and specialties; ``today`` (the real
    date unless a test fixes it) bounds every date a red flag carries."""
    this_month = _month_of(today or date.today())
    data, text = read_toml(path)
    check_keys(data, PROFILE_KEYS, path, text, "the profile")
    applicant_type = data.get("applicant_type", "us_img")
    if applicant_type not in APPLICANT_TYPES:
        raise DataFileError(
            f"{where(path, text, 'applicant_type')}: applicant_type must be one of "
            f"{', '.join(APPLICANT_TYPES)}, not '{applicant_type}'."
        )
    specialty = data.get("specialty", "diagnostic_radiology")
    if specialty not in specialties:
        raise DataFileError(
            f"{where(path, text, 'specialty')}: unknown specialty '{specialty}' "
            f"(known: {', '.join(sorted(specialties))})."
        )
    name = data.get("name")
    if name is not None:
        name = expect_str(name, path, text, "name", "the profile")
    raw_flags = data.get("red_flags", [])
    if not isinstance(raw_flags, list):
        raise DataFileError(f"{where(path, text, 'red_flags')}: write red flags as [[red_flags]].")
    flags = []
    for index, entry in enumerate(raw_flags):
        context = f"red flag #{index + 1}"
        if not isinstance(entry, dict):
            raise DataFileError(f"{path}: {context} must be a table.")
        check_keys(entry, RED_FLAG_KEYS, path, text, context)
        kind = expect_str(entry.get("kind"), path, text, "kind", context)
        if kind not in topic_ids:
            raise DataFileError(
                f"{where(path, text, 'kind', index)}: unknown red-flag kind '{kind}' "
                f"(known: {', '.join(sorted(topic_ids))})."
            )
        values: dict[str, str | None] = {}
        for key in ("date", "start", "end"):
            if key in entry:
                values[key] = _check_month(entry[key], path, text, key, index)
        for key in ("exam", "detail", "outcome"):
            if key in entry:
                values[key] = expect_str(entry[key], path, text, key, context)
        flag = RedFlag(kind=kind, **values)
        if flag.start and flag.end and parse_month(flag.start) > parse_month(flag.end):
            raise DataFileError(f"{path}: {context} ends before it starts.")
        for key in ("date", "start"):  # an ongoing gap or leave may end after this month
            value = values.get(key)
            if value and parse_month(value) > parse_month(this_month):
                # Asked about anyway, it became "what happened with Step 1 in June 2031".
                earlier = sum(key in e for e in raw_flags[:index] if isinstance(e, dict))
                raise DataFileError(
                    f"{where(path, text, key, earlier)}: '{key}' in {context} is "
                    f"{month_label(value)}, after this month ({month_label(this_month)}); "
                    "a red flag cannot have happened yet."
                )
        flags.append(flag)
    return Profile(applicant_type, specialty, name, tuple(flags))


def profile_to_toml(profile: Profile) -> str:
    """Serialise a profile in the same format we read (for the TUI's set-up screen)."""

    def quote(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    lines = []
    if profile.name:
        lines.append(f"name = {quote(profile.name)}")
    lines.append(f"applicant_type = {quote(profile.applicant_type)}")
    lines.append(f"specialty = {quote(profile.specialty)}")
    for flag in profile.red_flags:
        lines.append("")
        lines.append("[[red_flags]]")
        for key in RED_FLAG_KEYS:
            value = getattr(flag, key)
            if value:
                lines.append(f"{key} = {quote(value)}")
    return "\n".join(lines) + "\n"


def today_month() -> str:
    return _month_of(date.today())


def _month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
