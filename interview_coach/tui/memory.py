"""Keeping a long voice session's memory down (glibc only; elsewhere this does nothing).

A spoken mock runs recorder, Whisper and scoring threads; glibc keeps what each of
them freed in per-thread arenas. (Calling ``malloc_trim`` between the summary's
whole-answer passes was tried too: the peak stayed at 449 MB, so it is not done.)
"""

from __future__ import annotations

import ctypes
import sys


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def limit_malloc_arenas(arenas: int = 2) -> None:
    """glibc gives each thread that allocates its own malloc arena (up to 8 per core);
    the recorder, Whisper and scoring threads of a spoken mock each grow one, and the
    freed memory stays spread over them. Two arenas took the peak of a 5-question
    spoken mock from 526 to 443 MB (benchmarks/bench_mock_turns.py) at no measured
    cost in speed. Elsewhere (macOS, musl) this does nothing."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(-8, arenas)  # M_ARENA_MAX

