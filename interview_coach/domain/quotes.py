"""Quoting the user's own words back in a limited space: cut at a word, say it was cut.

A quote cut mid-word ("I did not pass Step 1 on my fir") reads as a bug and can
change the meaning; every card, CLI line and report shortens through here.
"""

from __future__ import annotations

ELLIPSIS = "…"
QUOTE_CHARS = 240


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` as is when it fits in ``limit`` characters, else its longest run of whole
    words that fits with "…" after it (a single word longer than the limit is cut)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    cut = room.rfind(" ")
    kept = room[:cut] if cut > 0 else room[:-1]
    return kept.rstrip(" ,;:-–—") + ELLIPSIS
