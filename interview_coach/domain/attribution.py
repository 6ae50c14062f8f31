"""How a clause is said: mixed attribution, lament, and a fact stated late or hedged.

The clause roles say WHAT an answer does; a program director also hears HOW. The
role features alone cannot express these mechanisms, because the judgment model adds
its features' weights and cannot see two of them together:

- Mixed attribution: the speaker owns a cause AND names a circumstance or another
  person (who is the agent), perhaps offered as the reason ("because", "due to"),
  turned to after the owned part ("but honestly the system was a mess"), conceded
  before it ("the course load was heavy, but I also didn't manage my time"), or
  splits the cause outright ("partly me and partly the schedule"). LABELLING.md calls that
  partial non-defensiveness however well the owned part is said.
- Lament: how much of the answer, and how many clauses in a row, dwell on distress.
- The fact stated late, hedged, or without its specifics in the same clause.
- What a negation does: disown blame ("it wasn't my school's fault") or blame by
  what someone did not do ("the school didn't prepare us").
- Where blame sits: in the story of the failure, or after the answer has turned to
  what changed (cross-validated on development: +0.009 exact on non-defensiveness).

The marker words live in ``rubrics/judgment_markers.toml``; the weights of the
features below, in ``rubrics/judgment.toml`` (refitted by ``make train``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

from interview_coach.domain.answer_text import whole_phrases
from interview_coach.domain.datafiles import DataFileError, check_keys, expect_str_list, read_toml

if TYPE_CHECKING:
    from interview_coach.domain.analysis import Analysis
    from interview_coach.domain.roles import Clause

MARKER_KINDS = ("split_attribution", "reason", "contrast", "hedge", "disowning")
CARD_KEYS = ("mixed", "hedged", "late")
FACT_KINDS = ("exam", "date", "duration", "attempt")
LATE_SENTENCE = 4  # a fact first stated in the fifth sentence or later counts as fully late
LAMENT_RUN = 3  # this many distressed clauses in a row count as fully dwelling
DETAIL_WORDS = 15  # an owned cause said in this many words counts as fully detailed
ROLE_PRESENT = 0.5  # a clause "plays" a role when the classifier gives it this much
# Roles that tell the answer has moved on from what happened.
AFTERWARDS = ("change", "result", "link_specific", "link_generic")
NEAR = 0.2  # below this a clause is not read as blame at all, whatever its words
LATE_ON_CARD = 2  # the card calls the fact late from the third sentence on


@dataclass(frozen=True)
class Markers:
    """Marker phrases per kind, each matched as whole words, case-insensitive, and
    what the card says of a clause each mechanism quotes. (Phrases and text are
    lower-cased rather than matched with re.I, which is several times slower.)"""

    phrases: dict[str, tuple[str, ...]]
    card: dict[str, str]
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for kind, phrases in self.phrases.items():
            lowered = tuple(p.lower() for p in phrases)
            self._patterns[kind] = re.compile(whole_phrases(lowered))

    def found(self, kind: str, text: str) -> bool:
        return bool(self._patterns[kind].search(text.lower()))


def load_markers(path: Path) -> Markers:
    data, text = read_toml(path)
    check_keys(data, {*MARKER_KINDS, "card"}, path, text, "the markers file")
    card = data.get("card")
    if not isinstance(card, dict) or set(card) != set(CARD_KEYS):
        raise DataFileError(f"{path}: [card] needs exactly {', '.join(CARD_KEYS)}.")
    if not all(isinstance(v, str) and v.strip() for v in card.values()):
        raise DataFileError(f"{path}: every [card] entry must be a non-empty string.")
    phrases = {}
    for kind in MARKER_KINDS:
        found = expect_str_list(data.get(kind), path, text, kind, "the markers file")
        if not found:
            raise DataFileError(f"{path}: '{kind}' needs at least one phrase.")
        phrases[kind] = found
    return Markers(phrases, {k: v.strip() for k, v in card.items()})


@lru_cache(maxsize=2)
def default_markers(folder: Path | None = None) -> Markers:
    from interview_coach.locations import bundled_data_dir

    return load_markers((folder or bundled_data_dir("rubrics")) / "judgment_markers.toml")


def attribution_features(
    analysis: Analysis, clauses: list[Clause], markers: Markers
) -> dict[str, float]:
    """Named numbers for the three mechanisms (all 0 for an answer with no clauses)."""
    read = [c.probabilities for c in clauses]
    own = [p["own_cause"] * c.subject_is_me for p, c in zip(read, clauses, strict=True)]
    # The role classifier reads negation itself ("I don't blame my school" is not
    # blame); "the school didn't prepare us" is blame, negated or not.
    blame = [p["blame"] for p in read]
    others = [b * (not c.subject_is_me) for b, c in zip(blame, clauses, strict=True)]
    owned = max(own, default=0.0)
    best = clauses[own.index(owned)] if clauses else None
    split = float(markers.found("split_attribution", analysis.answer))
    contrast = [markers.found("contrast", c.text) for c in clauses]
    own_before, blame_before = _most_before(own), _most_before(blame)
    f = {
        "mixed.own_and_blame": min(owned, max(blame, default=0.0)),
        "mixed.own_and_others": min(owned, max(others, default=0.0)),
        "mixed.split_marker": split,
        "mixed.split_with_own": split * owned,
        # "which did not help" is negated yet still offers the circumstance as a reason.
        "mixed.blame_as_reason": max(
            (
                p["blame"]
                for p, c in zip(read, clauses, strict=True)
                if markers.found("reason", c.text)
            ),
            default=0.0,
        ),
        # A turn to someone or something else after the speaker has owned a cause.
        "mixed.contrast_after_own": max(
            (min(b, o) for b, o, turn in zip(blame, own_before, contrast, strict=True) if turn),
            default=0.0,
        ),
        # The concession the other way round: a circumstance first, then "but I
        # also didn't manage my time", "but honestly I should have checked".
        "mixed.own_after_blame": max(
            (min(o, b) for o, b, turn in zip(own, blame_before, contrast, strict=True) if turn),
            default=0.0,
        ),
        # Any owned cause that comes after a circumstance, with or without a "but".
        "mixed.blame_then_own": max(map(min, own, blame_before), default=0.0),
    }
    # Blame in the story of what went wrong, before the answer turns to what changed,
    # what came of it or residency: "the ED read missed it" in a tie-back is not an excuse.
    turn = next(
        (i for i, p in enumerate(read) if sum(p[r] for r in AFTERWARDS) >= ROLE_PRESENT), len(read)
    )
    f["blame.before_action"] = max((p["blame"] for p in read[:turn]), default=0.0)
    f.update(_negated_blame(clauses, markers))
    # "I made mistakes" owns in general words; a specific cause takes a few more.
    f["own_cause.detail"] = owned * min(1.0, len(best.text.split()) / DETAIL_WORDS) if best else 0.0
    pity = [p["self_pity"] for p in read]
    run = longest = 0
    for value in pity:
        run = run + 1 if value >= ROLE_PRESENT else 0
        longest = max(longest, run)
    f["lament.share"] = sum(pity) / max(1, len(clauses))
    f["lament.run"] = min(LAMENT_RUN, longest) / LAMENT_RUN
    f.update(_fact_features(analysis, clauses, markers))
    return f


def _most_before(values: list[float]) -> list[float]:
    """At each place, the largest value strictly before it (0.0 at the start): how
    much of a role the answer has played by the time it reaches that clause."""
    return list(accumulate(values, max, initial=0.0))[:-1]


def disowns_blame(clause: Clause, markers: Markers) -> bool:
    """A negation about fault itself: "it wasn't the school's fault", "I don't blame them".
    (The card goes by these words alone: "I don't think it matters" still minimises.)"""
    return clause.negated and markers.found("disowning", clause.text)


def _negated_blame(clauses: list[Clause], markers: Markers) -> dict[str, float]:
    """A negation is not one thing: "I don't blame my school" disowns blame, while "the
    school didn't prepare us" blames by what it did not do. The speaker as subject,
    or a word about fault in the clause, says which (cross-validated on development:
    +0.007 exact on non-defensiveness over one feature for every negated clause)."""
    disowned = not_done = 0.0
    for clause in (c for c in clauses if c.negated):
        blame = clause.probabilities["blame"]
        if clause.subject_is_me or disowns_blame(clause, markers):
            disowned = max(disowned, blame)
        else:
            not_done = max(not_done, blame)
    return {"blame.disowned": disowned, "blame.not_done": not_done}


def _fact_features(analysis: Analysis, clauses: list[Clause], markers: Markers) -> dict[str, float]:
    """Where the fact is first stated, whether its own clause has specifics, any hedge."""
    stated = [p["fact"] + p["vague_fact"] for p in (c.probabilities for c in clauses)]
    first = next(
        (c.sentence for c, s in zip(clauses, stated, strict=True) if s >= ROLE_PRESENT), None
    )
    specifics = analysis.specifics_of(*FACT_KINDS)
    return {
        "fact_said.late": 1.0 if first is None else min(LATE_SENTENCE, first) / LATE_SENTENCE,
        "fact_said.with_specific": max(
            (
                c.probabilities["fact"]
                for c in clauses
                if any(c.start <= s.start < c.end for s in specifics)
            ),
            default=0.0,
        ),
        "fact_said.hedged": max(
            (s for c, s in zip(clauses, stated, strict=True) if markers.found("hedge", c.text)),
            default=0.0,
        ),
    }


def mixed_clauses(clauses: list[Clause], markers: Markers) -> list[int]:
    """Clauses that set a circumstance or another person beside an owned cause: offered
    as the reason, turned to after the owned part, or splitting the cause outright."""
    own = [c.probabilities["own_cause"] * c.subject_is_me for c in clauses]
    if max(own, default=0.0) < ROLE_PRESENT:
        return []
    contrast = [markers.found("contrast", c.text) for c in clauses]
    own_before = _most_before(own)
    # The last owned cause said as a concession ("but I also ..."): every
    # circumstance before it was conceded.
    concession = max(
        (k for k, (o, turn) in enumerate(zip(own, contrast, strict=True)) if turn and o >= NEAR),
        default=-1,
    )
    found = []
    for j, clause in enumerate(clauses):
        if clause.probabilities["blame"] < NEAR:
            continue
        split = markers.found("split_attribution", clause.text)  # may own and excuse at once
        turned = contrast[j] and own_before[j] >= NEAR
        conceded = j < concession
        reason = markers.found("reason", clause.text)
        if split or (own[j] < ROLE_PRESENT and (turned or conceded or reason)):
            found.append(j)
    return found


def hedged_fact_clauses(clauses: list[Clause], markers: Markers) -> list[int]:
    """Clauses that state what happened with a softener in them."""
    return [
        c.index
        for c in clauses
        if c.probabilities["fact"] + c.probabilities["vague_fact"] >= ROLE_PRESENT
        and markers.found("hedge", c.text)
    ]


def late_fact_clause(clauses: list[Clause]) -> int | None:
    """The first clause stating what happened, if it comes in the third sentence or later."""
    for c in clauses:
        if c.probabilities["fact"] + c.probabilities["vague_fact"] >= ROLE_PRESENT:
            return c.index if c.sentence >= LATE_ON_CARD else None
    return None


# Each mechanism informs the dimensions it describes, and only those: fitted on
# every dimension, these features only added noise to the others (cross-validated).
# The topic indicators raised acknowledgment, non-defensiveness and tie-back in the
# held-out-author check and cost corrective action 0.005 exact, so it does not weigh them.
INFORMS: dict[str, tuple[str, ...]] = {
    "mixed.": ("non_defensiveness",),
    "lament.": ("non_defensiveness",),
    "own_cause.detail": ("non_defensiveness",),
    "blame.before_action": ("non_defensiveness",),
    "blame.disowned": ("non_defensiveness",),
    "blame.not_done": ("non_defensiveness",),
    "fact_said.": ("acknowledgment",),
    "topic.": ("acknowledgment", "non_defensiveness", "tie_back"),
}


def informs(feature: str, dimension: str) -> bool:
    """Whether the judgment model of ``dimension`` weighs ``feature``."""
    return all(
        not feature.startswith(prefix) or dimension in owners for prefix, owners in INFORMS.items()
    )
