"""A clause of the candidate's answer as the interviewer says it back: short, whole,
turned to "you" ("I met my tutor" -> "you met your tutor").

Said after "You said that", the quote must be a sentence of its own: a new user
heard "You said that passed Step 2 CK with a 245", "...that honestly your school did
not prepare us well" and "...that where you previewed chest films". So the speaker's
"we/us/our" become "you/your" too, a clause that shares the sentence's first-person
subject gets it back ("you passed..."), and a part of a sentence that cannot stand
alone (a relative clause, a feeling without its subject) is not quoted: the
interviewer then asks the rubric's plain question.
"""

from __future__ import annotations

import re

from interview_coach.domain.clause_shape import clause_shape, has_verb

MAX_QUOTE_WORDS = 12
MIN_QUOTE_WORDS = 3
_LEAD = re.compile(
    r"^(?:(?:so|and|but|um+|uh+|well|then|also|because|after that|since then|"
    r"honestly|frankly|basically|actually|truthfully|to be honest|in all honesty)"
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
    "we": "you",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
}
_I_VERB = re.compile(r"\b([Ii])\s+(am|was|wasn't|wasnt)\b", re.I)
_WERE = {"am": "are", "was": "were", "wasn't": "weren't", "wasnt": "weren't"}
_TOKEN = re.compile(r"[A-Za-z']+|[^A-Za-z'\s]+|\s+")

# First words of a part of a sentence that cannot follow "You said that".
_RELATIVE = {"where", "which", "who", "whom", "whose", "whereby"}
# "that" before a subject joins a clause to something left out ("that I previewed
# films"); "that was my mistake" is a sentence.
_SUBJECT_STARTS = {
    "i", "i'm", "i've", "we", "you", "he", "she", "they", "it", "there", "the", "a", "an",
    "my", "our", "his", "her", "their", "this", "these", "those",
}  # fmt: skip
# Said without their subject they do not say who felt so, or when.
_FEELINGS = {
    "tired", "stressed", "overwhelmed", "exhausted", "worried", "scared", "depressed",
    "isolated", "burned", "burnt", "embarrassed", "ashamed", "frustrated", "disappointed",
    "discouraged", "devastated", "excited", "committed", "determined", "motivated",
    "dedicated", "interested", "unprepared", "distracted",
}  # fmt: skip
# A clause that opens on one of these has left its subject earlier in the sentence
# (or, at a sentence's start, dropped it: "Failed surgery clerkship.").
_PAST = re.compile(
    r"(?:took|retook|met|got|went|began|became|kept|left|wrote|rewrote|saw|told|gave|"
    r"found|felt|knew|thought|came|ran|spent|learnt|taught|brought|built|did|made|had|"
    r"was|were|paid|sought|lost|chose|led|fell|held|heard|sent|slept|understood|spoke|"
    r"failed|passed|retook|studied|worked|started|completed|finished|joined|moved|"
    r"switched|changed|scored|used|learned|realized|realised|decided|missed|applied|"
    r"returned|tried|asked|reached|contacted|attended|rotated|volunteered|repeated)"
)
# A word ending in -ed is a verb when its object or a preposition follows ("passed
# Step 2 CK", "switched to UWorld"); before a plain word it may be an adjective
# ("limited exposure", "structured plan").
_REGULAR_PAST = re.compile(r"[a-z]{3,}ed")
_AFTER_A_VERB = {
    "the", "a", "an", "my", "our", "it", "them", "him", "her", "his", "their", "this",
    "that", "these", "those", "some", "with", "to", "on", "in",
    "for", "at", "from", "into", "out", "up", "every", "each", "again", "once", "twice",
    "weekly", "daily", "all", "more", "both", "two", "three", "four", "five", "about",
}  # fmt: skip
# Where a clause that shares its subject ends, looking back from the quoted one.
_CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:because|since|when|while|although|though|after|before|if|which|who|that|so)\b",
    re.I,
)


def to_second_person(clause: str) -> str:
    """'I met my tutor' -> 'you met your tutor', 'we' and 'our' too; everything else
    as said ("US" stays the country)."""
    clause = clause.replace("\u2019", "'")
    clause = _I_VERB.sub(lambda m: f"I {_WERE[m.group(2).lower()]}", clause)
    out = []
    for token in _TOKEN.findall(clause):
        swapped = None if token.isupper() and len(token) > 1 else _TO_YOU.get(token.lower())
        out.append(swapped if swapped is not None else token)
    return "".join(out)


def quotable(text: str, before: str = "") -> str | None:
    """A short, speakable part of a clause: leading fillers dropped, cut at a comma or
    after MAX_QUOTE_WORDS words, closing punctuation removed; None if too short or
    not a sentence on its own. ``before`` is the answer's sentence up to the clause:
    a clause opening on its verb takes "you" when that subject was the speaker."""
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
    first, second = (w.lower().replace("\u2019", "'") for w in words[:2])
    if first in _RELATIVE or first in _FEELINGS or (first == "that" and second in _SUBJECT_STARTS):
        return None
    if _opens_on_its_verb(first, words[1], continues=has_verb(before)):
        if not _speaker_is_subject(before):
            return None
        words.insert(0, "I")  # "passed Step 2 CK" -> "you passed Step 2 CK"
    text = " ".join(words).rstrip(".!?,;: ")
    return to_second_person(text)


def _opens_on_its_verb(first: str, following: str, continues: bool) -> bool:
    """Whether the clause starts on a verb whose subject came before it. A word in -ed
    is one mid-sentence ("...closed and moved classes online") or before its object;
    opening a sentence before a plain word it is an adjective ("Limited exposure...")."""
    if _PAST.fullmatch(first):
        return True
    if not _REGULAR_PAST.fullmatch(first):
        return False
    return (
        continues
        or following.lower() in _AFTER_A_VERB
        or following[:1].isupper()
        or following[:1].isdigit()
    )


def _speaker_is_subject(before: str) -> bool:
    """Whether the clause's left-out subject is the speaker: the nearest earlier part
    of the sentence with a subject of its own says "I" or "we" (a sentence with none,
    "Failed Step 1. Then passed...", is the speaker's too)."""
    for part in reversed(_CLAUSE_BREAK.split(before)):
        lead = _LEAD.sub("", part.strip()).lower().split()
        if not lead or not has_verb(part):
            continue
        if clause_shape(part)["subject_is_me"]:
            return True
        if not (_PAST.fullmatch(lead[0]) or _REGULAR_PAST.fullmatch(lead[0])):
            return False  # "my school closed and [moved online]"
    return True


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
