"""Text-to-speech: questions read aloud, offline.

On Linux pyttsx3 needs libespeak-ng; the ``espeakng-loader`` wheel bundles it,
so we load that library globally before pyttsx3 starts. macOS and Windows use
pyttsx3's native drivers. ``NullSpeaker`` keeps the app working when speech is
turned off or unavailable.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import sys
import threading
from pathlib import Path
from typing import Protocol


class SpeechUnavailable(RuntimeError):
    """No speech engine; the message says how to get one."""


class Speaker(Protocol):
    def say(self, text: str) -> None: ...

    def save(self, text: str, path: Path) -> None: ...


class NullSpeaker:
    """Speech turned off: questions are shown, not read."""

    def say(self, text: str) -> None:
        return None

    def save(self, text: str, path: Path) -> None:
        raise SpeechUnavailable("Speech is turned off.")


def _prepare_espeak() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import espeakng_loader
    except ImportError as exc:
        raise SpeechUnavailable(
            "Reading questions aloud needs espeak-ng: pip install espeakng-loader."
        ) from exc
    ctypes.CDLL(str(espeakng_loader.get_library_path()), mode=ctypes.RTLD_GLOBAL)
    os.environ.setdefault("ESPEAK_DATA_PATH", str(espeakng_loader.get_data_path()))


class Pyttsx3Speaker:
    """pyttsx3 with the bundled espeak-ng on Linux; one engine, used from one thread at a time."""

    def __init__(self, voice: str | None = None, rate: int | None = None) -> None:
        _prepare_espeak()
        try:
            import pyttsx3

            self._engine = pyttsx3.init("espeak" if sys.platform.startswith("linux") else None)
        except Exception as exc:  # pyttsx3 raises bare errors for missing drivers
            raise SpeechUnavailable(f"No speech engine could start ({exc}).") from exc
        if voice:
            self._engine.setProperty("voice", voice)
        if rate:
            self._engine.setProperty("rate", rate)
        self._lock = threading.Lock()

    def voices(self) -> list[str]:
        return [v.id for v in self._engine.getProperty("voices")]

    def say(self, text: str) -> None:
        with self._lock:
            self._engine.say(text)
            self._engine.runAndWait()

    def save(self, text: str, path: Path) -> None:
        """Write speech to a WAV file (pyttsx3 2.99's own save_to_file writes nothing on Linux)."""
        with self._lock, contextlib.redirect_stdout(io.StringIO()):
            driver = self._engine.proxy._driver
            driver.save_to_file(text, str(path))
            driver.startLoop()
        if not path.exists() or path.stat().st_size <= 44:
            raise SpeechUnavailable(f"The speech engine wrote no audio to {path}.")


def make_speaker(
    enabled: bool = True, voice: str | None = None, rate: int | None = None
) -> Speaker:
    """A working speaker, or a NullSpeaker plus the reason speech is off."""
    if not enabled:
        return NullSpeaker()
    return Pyttsx3Speaker(voice, rate)
