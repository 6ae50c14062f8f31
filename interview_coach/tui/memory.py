"""Keeping a long voice session's memory down (glibc only; elsewhere this does nothing).

A spoken mock runs recorder, Whisper and scoring threads, and Whisper allocates
and frees buffers of a few MB for every window it decodes. glibc keeps what each
thread freed in per-thread arenas, and after a large block is freed it raises the
size above which it maps memory directly, so later blocks of that size come
from (and stay in) the heap. Both are set once at start. (Calling
``malloc_trim`` between the summary's whole-answer passes was tried too: the
peak stayed at 449 MB, so it is not done.)
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
# Blocks this large or larger are mapped on their own and go back to the system
# when freed. 5-question spoken mock (benchmarks/bench_mock_turns.py, one run each
# with a memory sampler): glibc's moving threshold 399 MB peak; fixed at 4 MB 375 MB
# with the whole-answer passes as fast (0.8-1.0 s each); at 1 MB 360 MB but each
# pass 1.1-1.5 s. The benchmark itself at 4 MB: 361-363 MB over two runs.
MMAP_THRESHOLD_BYTES = 4 * 1024 * 1024


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
    spoken mock from 526 to 443 MB at no measured cost in speed. A fixed mmap
    threshold keeps Whisper's freed multi-MB buffers from staying in the heap
    (see ``MMAP_THRESHOLD_BYTES``). Elsewhere (macOS, musl) this does nothing."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(M_ARENA_MAX, arenas)
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
