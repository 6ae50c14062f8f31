"""Why a dimension got its level: the clauses that carried it, and the advice to give.

The evidence is the user's own clauses, each with the role it was read as ("reads
as blaming others or circumstances"), so a card never praises a sentence for a
reason the user cannot see. Advice is picked by the missing or harmful role.
"""

from __future__ import annotations

from interview_coach.domain.attribution import (
    disowns_blame,
    hedged_fact_clauses,
    late_fact_clause,
    mixed_clauses,
)
from interview_coach.domain.reading import Reading
from interview_coach.domain.results import Evidence
from interview_coach.domain.roles import Clause

# Per dimension: the roles that speak for (+) or against (-) it.
DIMENSION_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "acknowledgment": (("fact", "+"), ("vague_fact", "-"), ("overshare", "-")),
    "non_defensiveness": (
        ("own_cause", "+"),
        ("blame", "-"),
        ("self_pity", "-"),
        ("minimising", "-"),
    ),
    "corrective_action": (("change", "+"), ("result", "+"), ("vague_effort", "-")),
    "tie_back": (("link_specific", "+"), ("link_generic", "-")),
}
# Specific details found by pattern that the rules quote as evidence.
SPECIFIC_REASONS = frozenset({"how often", "a measurable amount", "names the period plainly"}) | {
    f"specific {k}" for k in ("exam", "date", "duration", "attempt", "number", "event")
}
MAX_PER_ROLE = 2
# Roles a clause that disowns blame is often read in, and must not be quoted as.
DISOWNED_ROLES = frozenset({"blame", "minimising"})
# Below this a clause is not "nearly" in a role: quoting it as one would mislabel it.
NEAR_ENOUGH = 0.2
WEAK_READING = "the nearest to {reason}, but not clearly one"
PARTLY_READING = "partly {reason}"


def clauses_in_role(reading: Reading, role: str) -> list[int]:
    """Indexes of clauses read as ``role``, most confident first."""
    found = [(c.probabilities[role], c.index) for c in reading.clauses if c.role == role]
    return [i for _, i in sorted(found, reverse=True)]


def evidence_for(
    dimension: str, level: str, reading: Reading, reasons: dict[str, str]
) -> list[Evidence]:
    """The clauses (and specifics) behind ``level``, each with the role it was read as.

    A dimension judged missing quotes only what cost it points: praising a clause
    ("+ a concrete change") beside a missing level would contradict the card.
    """
    evidence: list[Evidence] = []
    answer = reading.analysis.answer
    for role, effect in DIMENSION_ROLES[dimension]:
        if effect == "+" and level == "missing":
            continue
        found = [i for i in clauses_in_role(reading, role) if _quotable(reading, i, role)]
        for index in sorted(found[:MAX_PER_ROLE]):
            clause = reading.clauses[index]
            evidence.append(_clause_evidence(answer, clause, effect, reasons[role]))
    if level != "strong":  # how a clause is said outranks its role: one reading per clause
        said = _mechanism_evidence(dimension, reading)
        taken = {e.start for e in said}
        evidence = [e for e in evidence if e.start not in taken] + said
        if not any(e.effect == "-" for e in evidence):
            # The level fell, yet no clause reads mainly against it ("There were
            # misunderstandings on both sides" reads as vague as much as blaming):
            # quote the clause nearest a harmful role, said as partly that.
            evidence.extend(_nearest(dimension, reading, reasons, effect="-"))
    if level != "missing":
        rule_evidence = reading.rules[dimension][1]
        evidence.extend(item for item in rule_evidence if item.reason in SPECIFIC_REASONS)
        if not any(e.effect == "+" for e in evidence):
            # Nothing read clearly in this dimension's favour: a clause nearly in a
            # favourable role, else what the cue rules saw (e.g. "calm and factual"),
            # unless a clause is already quoted against it: the rules' praise beside
            # "partly reads as blaming" would contradict the card.
            against = any(e.effect == "-" for e in evidence)
            fallback = [] if against else rule_evidence[:2]
            evidence.extend(_nearest(dimension, reading, reasons) or fallback)
        if not evidence:
            # The level rests on weak signals: show the nearest clause, said as such.
            evidence.extend(_nearest(dimension, reading, reasons, threshold=0.0, weak=True))
    evidence.sort(key=lambda e: (e.effect != "+", e.start))
    return evidence


def _mechanisms(dimension: str, reading: Reading) -> list[tuple[int, str]]:
    """(clause, card key) for how the answer is said, where that pulls a level down."""
    if dimension == "non_defensiveness":
        return [(i, "mixed") for i in mixed_clauses(reading.clauses, reading.markers)]
    if dimension == "acknowledgment":
        late = late_fact_clause(reading.clauses)
        found = [(i, "hedged") for i in hedged_fact_clauses(reading.clauses, reading.markers)]
        return found + ([(late, "late")] if late is not None else [])
    return []


def _mechanism_evidence(dimension: str, reading: Reading) -> list[Evidence]:
    """Mixed attribution, a hedged or late fact: each clause quoted once."""
    answer, found = reading.analysis.answer, []
    for index, key in _mechanisms(dimension, reading):
        item = _clause_evidence(answer, reading.clauses[index], "-", reading.markers.card[key])
        if len(found) < MAX_PER_ROLE and all(e.start != item.start for e in found):
            found.append(item)
    return found


def _nearest_reading(
    dimension: str, reading: Reading, effect: str
) -> tuple[float, int, str] | None:
    """(probability, clause index, role) of the clause nearest a role speaking for (+)
    or against (-) the dimension."""
    return max(
        (
            (clause.probabilities[role], clause.index, role)
            for role, role_effect in DIMENSION_ROLES[dimension]
            if role_effect == effect
            for clause in reading.clauses
            if _quotable(reading, clause.index, role)
        ),
        default=None,
    )


def _quotable(reading: Reading, index: int, role: str) -> bool:
    """Whether a clause may be quoted in ``role``: "It wasn't my school's fault"
    disowns blame, so it is quoted neither as blame nor as playing things down."""
    return role not in DISOWNED_ROLES or not disowns_blame(reading.clauses[index], reading.markers)


def _nearest(
    dimension: str,
    reading: Reading,
    reasons: dict[str, str],
    threshold: float = NEAR_ENOUGH,
    weak: bool = False,
    effect: str = "+",
) -> list[Evidence]:
    """The nearest clause as evidence, if it is near enough (``_nearest_reading``)."""
    best = _nearest_reading(dimension, reading, effect)
    if best is None or best[0] < threshold:
        return []
    clause, reason = reading.clauses[best[1]], reasons[best[2]]
    if effect == "+" and not weak:
        return [_clause_evidence(reading.analysis.answer, clause, "+", reason)]
    template = PARTLY_READING if effect == "-" else WEAK_READING
    return [_clause_evidence(reading.analysis.answer, clause, "-", template.format(reason=reason))]


def _clause_evidence(answer: str, clause: Clause, effect: str, reason: str) -> Evidence:
    raw = answer[clause.start : clause.end]
    start = clause.start + len(raw) - len(raw.lstrip())
    text = raw.strip()
    return Evidence(text, start, start + len(text), effect, reason)


def reason_for(dimension: str, level: str, reading: Reading) -> str:
    """The advice key: what would most help this dimension next."""
    if level == "strong":
        return "strong"
    rule_reason = reading.rules[dimension][2]
    has = {role: bool(clauses_in_role(reading, role)) for role, _ in DIMENSION_ROLES[dimension]}
    said = {key for _, key in _mechanisms(dimension, reading)}
    if dimension == "acknowledgment":
        if has["overshare"]:
            return "overshare"
        if "hedged" in said:
            return "vague"
        if "late" in said:
            return "late"
        if rule_reason != "strong":
            return rule_reason
        return "no_specifics" if has["fact"] else "vague"
    if dimension == "non_defensiveness":
        if "mixed" in said:
            return "mixed"
        for role in ("blame", "self_pity", "minimising"):
            if has[role]:
                return role
        nearest = _nearest_reading(dimension, reading, "-")
        if nearest is not None and nearest[0] >= NEAR_ENOUGH:
            return nearest[2]  # the clause the card quotes as partly that role
        if has["own_cause"]:
            return "strong"  # a cause is owned and nothing pulls it down: say so
        return rule_reason if rule_reason not in ("strong",) else "no_cause"
    if dimension == "corrective_action":
        if not has["change"]:
            return "vague" if has["vague_effort"] else "none"
        # A result said inside the change's own clause ("...and we published one paper")
        # is still a result: never ask for what the answer already gives.
        has_result = has["result"] or bool(reading.analysis.live("result"))
        if not has_result:
            return "no_result"
        # Ask only for the detail the change still lacks: "how often" is no advice to an
        # answer that said "ten hours a week".
        often = bool(reading.analysis.specifics_of("frequency"))
        helped = bool(reading.analysis.live("support"))
        if not often:
            return "thin_frequency" if helped else "thin"
        return "thin_sustained" if helped else "thin_support"
    if level == "missing":
        return "none"
    if not has["link_specific"]:
        return "generic"
    # The link already names the specialty's work ("search pattern on call"): asking
    # for "search patterns" again would repeat it back; what it lacks is the lesson.
    return "unlinked" if reading.analysis.live("specialty") else "no_specialty"
