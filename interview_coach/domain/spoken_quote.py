"""A clause of the candidate's answer as the interviewer says it back: short, whole,
turned to "you" ("I met my tutor" -> "you met your tutor")."""

from __future__ import annotations

import re

MAX_QUOTE_WORDS = 12
MIN_QUOTE_WORDS = 3
_LEAD = re.compile(
    r"^(?:(?:so|and|but|um+|uh+|well|then|also|because|after that|since then)"
    r"[,\s]+)+",
    re.I,
)
_TO_YOU = {
    "i": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "ive": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
}
_I_VERB = re.compile(r"\b(I)\s+(am|was)\b")
_TOKEN = re.compile(r"[A-Za-z']+|[^A-Za-z'\s]+|\s+")


def to_second_person(clause: str) -> str:
    """'I met my tutor' -> 'you met your tutor', keeping everything else as said."""
    clause = _I_VERB.sub(lambda m: "I " + {"am": "are", "was": "were"}[m.group(2)], clause)
    out = []
    for token in _TOKEN.findall(clause):
        swapped = _TO_YOU.get(token.lower())
        out.append(swapped if swapped is not None else token)
    return "".join(out)


def quotable(text: str) -> str | None:
    """A short, speakable part of a clause: leading fillers dropped, cut at a comma or
    after MAX_QUOTE_WORDS words, closing punctuation removed; None if too short."""
    text = _LEAD.sub("", text.strip()).strip()
    text = re.split(r"[,;:(\u2014]|\s-\s", text)[0].strip()
    words = text.split()
    if len(words) < MIN_QUOTE_WORDS:
        return None
    if words[0][:1].isupper() and words[0][1:].islower() and words[0] != "I":
        words[0] = words[0].lower()  # "The school..." -> "that the school..."
    if len(words) > MAX_QUOTE_WORDS:
        words = _whole_part(words[:MAX_QUOTE_WORDS])
        if len(words) < MIN_QUOTE_WORDS:
            return None
    text = " ".join(words).rstrip(".!?,;: ")
    return to_second_person(text)


# A cut quote must not end mid-thought ("...and you changed how."): it ends before the
# last joining word, or at least not on a word that needs the next one.
_JOINERS = {"and", "but", "so", "because", "which", "when", "while", "then", "after", "before"}
_NEEDS_MORE = _JOINERS | {
    "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "how", "what", "my",
    "i", "was", "were", "is", "am", "had", "have", "that", "from", "by", "as", "not",
}  # fmt: skip


def _whole_part(words: list[str]) -> list[str]:
    """``words`` cut where a listener hears a complete part of the sentence."""
    joins = [i for i, w in enumerate(words) if w.lower() in _JOINERS and i >= MIN_QUOTE_WORDS]
    if joins:
        return words[: joins[-1]]
    while words and words[-1].lower().strip(".,") in _NEEDS_MORE:
        words = words[:-1]
    return words
