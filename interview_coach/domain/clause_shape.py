"""Who acts in a clause and how: first-person subject, passive, negation, looking
forward, and whether it has a verb at all. Plain regular expressions, so a clause's
shape is the same however the role bank or the model changes. The patterns are
written in lower case and run on lower-cased text: folding case at every position
made Python's regex engine several times slower."""

from __future__ import annotations

import re
from functools import lru_cache

_FILLER_LEAD = re.compile(r"^(?:(?:so|and|but|um+|uh+|like|well|yeah|okay|ok|then|now)[,\s]+)+")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|im|ive|me|my|myself|mine)\b")
_FIRST_SUBJECT = re.compile(r"^(?:i|i'm|i've|i'd|i'll|im|ive|we|myself)\b")
_FIRST_PERSON_SUBJECT = re.compile(r"\b(?:i|i'm|i've|i'd|im|ive)\b")
# Enough of English's verbs to tell a clause from a list of keywords: a subject
# pronoun, a past form, an auxiliary or a common verb ("-ing" alone is too often a
# noun: "reading room", "timing"). A negative contraction is one word to a regex
# ("didn't" is "didn" + "'t"): written with or without its apostrophe, it is a verb,
# or "the school didn't prepare us" would read as a keyword list and play no role.
_VERB = re.compile(
    r"\b(?:(?:didn|doesn|don|wasn|weren|isn|aren|hasn|haven|hadn|couldn|wouldn|shouldn|"
    r"can|won|mustn|needn)['\u2019]?t|"
    r"i|we|he|she|they|it|i'm|i've|im|ive|\w{3,}ed|"
    r"am|is|are|was|were|be|been|has|have|had|do|does|did|made|make|took|take|met|meet|got|"
    r"get|went|go|pass|fail|began|became|kept|keep|left|leave|read|wrote|saw|told|gave|"
    r"found|felt|knew|thought|came|ran|sat|spent|put|set|learnt|taught|brought|built|"
    r"will|would|can|could|should|must|might|need|want|study|work|help|ask|start|stop|"
    r"score|scored|mean|show|tell|use|plan)\b",
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|got|get|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\b")
_NEGATION = re.compile(r"\b(?:not|never|no|nobody|nothing|n't|didnt|dont|wasnt|cannot)\b|n't\b")
_FORWARD = re.compile(
    r"\b(?:will|i'll|ill|going to|as a resident|in residency|residency|intern(?:ship)?|"
    r"on call|every day in|want to|plan to|future)\b",
)

# The outcome a clause reports, with the negation that turns a pass into a failure
# ("did not pass", "never passed"): a clause's average word vector barely tells
# "I passed in March 2022 with a 231" from "I failed in March 2022 with a 188".
_PASSED = re.compile(r"\b(?:pass|passed|passing|scored|cleared|honou?rs|high pass)\b")
_FAILED = re.compile(
    r"\b(?:fail|failed|failing|failure|unsuccessful|remediat\w*|repeat|repeated|low pass)\b"
)
_NOT_PASSED = re.compile(r"\b(?:not|never|didn't|didnt|did not|couldn't|wasn't)\s+(?:\w+\s+)?pass")
# Whose the thing is that a clause names as the cause: "the real problem was my study
# method" owns it, "the real problem was the school's schedule" does not; the frame
# is the same, only the owner after the verb differs.
_OWNED_COMPLEMENT = re.compile(
    r"\b(?:was|is|were|came down to|comes down to)\s+(?:\w+\s+)?(?:my|mine|me|i|myself)\b"
)


def outcome_shape(text: str) -> tuple[bool, bool, bool]:
    """(reports a pass or score, reports a failure, names the speaker's own thing after
    the verb) for the role classifier."""
    text = text.lower()
    not_passed = bool(_NOT_PASSED.search(text))
    return (
        bool(_PASSED.search(text)) and not not_passed,
        bool(_FAILED.search(text)) or not_passed,
        bool(_OWNED_COMPLEMENT.search(text)),
    )


def has_verb(text: str) -> bool:
    """A real clause says something happened; "UWorld, Anki, tutor, daily" does not."""
    return bool(_VERB.search(text.lower()))


def clause_shape(text: str) -> dict[str, bool]:
    """Who acts and how: first-person subject, passive, negation, looking forward."""
    return dict(_shape(text))


@lru_cache(maxsize=4096)
def _shape(text: str) -> tuple[tuple[str, bool], ...]:
    """Cached: the role classifier and the clause reader both ask about each clause."""
    text = text.lower()
    lead = _FILLER_LEAD.sub("", text.strip())
    me = bool(_FIRST_SUBJECT.match(lead)) or bool(
        _FIRST_PERSON_SUBJECT.search(" ".join(lead.split()[:6]))
    )
    return (
        ("first_person", bool(_FIRST_PERSON.search(text))),
        ("subject_is_me", me),
        ("passive", bool(_PASSIVE.search(text)) and not _FIRST_SUBJECT.match(lead)),
        ("negated", bool(_NEGATION.search(text))),
        ("forward", bool(_FORWARD.search(text))),
    )
