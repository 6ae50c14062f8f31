"""User settings, read from ``settings.toml`` in the data directory.

Every field has a safe default, so the file is optional; an unknown key or a
wrong type is reported with the file and line like every other data file.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from interview_coach.domain.datafiles import DataFileError, check_keys, read_toml, where


@dataclass(frozen=True)
class Settings:
    keep_audio: bool = False
    """Keep recordings after transcription (off: audio is deleted once transcribed)."""
    speak_questions: bool = True
    """Read questions aloud in voice mode."""
    tts_voice: str | None = None
    """A pyttsx3 voice id (for espeak-ng, e.g. 'gmw/en-us'); None uses the default."""
    tts_rate: int | None = None
    """Speaking rate in words per minute; None uses the engine's default."""
    model: str | None = None
    """Whisper model folder or cached name; None uses the bundled tiny.en."""
    silence_stop_s: float = 2.5
    """Seconds of silence after speech that end a recording (the longest wait: a
    finished sentence ends the turn sooner)."""
    voice_mock: bool = False
    """Mock interviews start spoken and hands-free, as with ``mock --voice``."""
    barge_in: bool = True
    """In a spoken mock, speaking over the interviewer stops it and starts the answer."""
    follow_ups_per_question: int = 1
    """How many follow-ups the mock interviewer may ask about one question."""


# Outside these a setting would make voice mode unusable (a recording that stops
# at the first breath, speech too fast to follow), so the file is refused instead.
RANGES = {"tts_rate": (80, 400), "silence_stop_s": (0.5, 10.0), "follow_ups_per_question": (0, 3)}

# Each field as the Settings screen names it: the screen draws these labels, and its
# errors use them, so "'silence_stop_s' must be ..." never reaches someone who only
# ever saw "Stop after silence (s)".
LABELS = {
    "speak_questions": "Read questions aloud",
    "tts_voice": "Voice",
    "tts_rate": "Speaking rate (wpm)",
    "silence_stop_s": "Stop after silence (s)",
    "model": "Whisper model",
    "keep_audio": "Keep recordings",
    "voice_mock": "Spoken, hands-free mock interviews",
    "barge_in": "Speak over the interviewer to answer (barge-in)",
    "follow_ups_per_question": "Follow-ups per mock question",
}


def out_of_range(key: str, value: float) -> str | None:
    """ "must be between 80 and 400" when ``value`` is outside ``key``'s range, else None."""
    if key not in RANGES:
        return None
    low, high = RANGES[key]
    return None if low <= value <= high else f"must be between {low} and {high}"


def with_labels(message: str) -> str:
    """A loader message with each quoted key replaced by the label the screen shows."""
    for key, label in LABELS.items():
        message = message.replace(f"'{key}'", f'"{label}"')
    return message


def load_settings(path: Path) -> Settings:
    if not path.is_file():
        return Settings()
    data, text = read_toml(path)
    names = {f.name: f for f in fields(Settings)}
    check_keys(data, names, path, text, "the settings")
    values = {}
    for key, value in data.items():
        expected = {
            "keep_audio": bool,
            "speak_questions": bool,
            "barge_in": bool,
            "voice_mock": bool,
            "tts_rate": int,
            "follow_ups_per_question": int,
            "silence_stop_s": (int, float),
        }.get(key, str)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise DataFileError(f"{where(path, text, key)}: '{key}' has the wrong type.")
        problem = out_of_range(key, value)
        if problem:
            raise DataFileError(f"{where(path, text, key)}: '{key}' {problem}.")
        values[key] = value
    return Settings(**values)


def settings_to_toml(settings: Settings) -> str:
    """The file ``load_settings`` reads; unset (None) fields are left out."""
    lines = ["# interview-coach settings (see README: Settings)"]
    for key, value in asdict(settings).items():
        if value is None:
            continue
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int | float):
            lines.append(f"{key} = {value}")
        else:
            lines.append(f"{key} = {json.dumps(value)}")  # a valid TOML basic string
    return "\n".join(lines) + "\n"
