"""The four rubric dimensions as small, explainable point rules.

Each scorer returns (score, evidence, advice reason). Points and caps are kept
here, in one place, so a reviewer can check them against DESIGN.md's level
descriptions: a cap is how "no measurable result" keeps corrective action at
partial however many changes are listed.
"""

from __future__ import annotations

from collections import Counter

from interview_coach.domain.analysis import Analysis
from interview_coach.domain.results import Evidence

Scored = tuple[int, list[Evidence], str]


def _clamp(value: float) -> int:
    return max(0, min(100, round(value)))


def acknowledgment(a: Analysis) -> Scored:
    evidence: list[Evidence] = []
    facts = a.live("fact")
    vague = a.live("vague_fact")
    euphemisms = a.live("euphemism")
    first_fact = min((h.sentence for h in facts), default=None)
    if first_fact is None and "duration" in a.topic.specifics:
        # For a gap or leave, opening with the exact period is stating the fact.
        periods = [s for s in a.specifics_of("duration", "date") if a.sentence_of(s.start) <= 1]
        if periods:
            first_fact = a.sentence_of(periods[0].start)
            evidence.append(a.evidence(first_fact, "+", "names the period plainly"))
    for hit in facts[:1]:
        evidence.append(a.evidence(hit, "+", "says plainly what happened"))

    reason = ""
    if first_fact is not None and first_fact <= 1:
        score = 65.0
    elif first_fact is not None:
        score, reason = 35.0, "late"
    elif vague:
        score, reason = 25.0 + (10 if min(h.sentence for h in vague) <= 1 else 0), "vague"
        evidence.append(a.evidence(vague[0], "-", "vague about what happened"))
    else:
        score, reason = 0.0, "not_named"

    # Specifics: strong needs as many kinds as the topic asks for (exam and date, say).
    needed = a.topic.specifics_for_strong
    kinds_seen: dict[str, object] = {}
    # Only specifics in the opening statement describe what happened.
    horizon = (first_fact if first_fact is not None else 0) + 1
    for specific in a.specifics_of(*a.topic.specifics):
        if a.sentence_of(specific.start) > horizon:
            continue
        kind = "timeline" if specific.kind in ("date", "duration") else specific.kind
        if kind not in kinds_seen:
            kinds_seen[kind] = specific
            evidence.append(a.specific_evidence(specific, f"specific {specific.kind}"))
    if needed == 0:
        score += 20 if first_fact is not None else 0
    elif first_fact is not None or vague:
        score += min(35, 35 * len(kinds_seen) / needed)
        if len(kinds_seen) < needed:
            score = min(score, 65)
            reason = reason or "no_specifics"

    if euphemisms:
        score = min(score - 20, 35 if first_fact is None or first_fact > 1 else 100)
        evidence.append(a.evidence(euphemisms[0], "-", "euphemism softens the fact"))
        if first_fact is None:
            reason = "euphemism"
    overshare = a.live("overshare")
    if overshare:
        score = min(score, 60)
        evidence.append(a.evidence(overshare[0], "-", "more private detail than needed"))
        reason = reason or "overshare"
    return _clamp(score), evidence, reason or "strong"


def non_defensiveness(a: Analysis) -> Scored:
    evidence: list[Evidence] = []
    # A "cause" cue inside a sentence that is mostly about the fix ("forty timed
    # questions a day") describes the remedy, not what went wrong.
    change_count = Counter(h.sentence for h in a.live("change"))
    cause_count = Counter(h.sentence for h in a.live("cause"))
    causes = [h for h in a.live("cause") if change_count[h.sentence] <= cause_count[h.sentence]]
    owns = a.live("ownership")
    score = 45.0
    if causes:
        score += 35
        evidence.append(a.evidence(causes[0], "+", "names a cause you controlled"))
    if owns:
        score += 20
        evidence.append(a.evidence(owns[0], "+", "takes ownership"))
    owned = bool(causes or owns)

    # An apology made *to someone* as part of putting things right is an action.
    action_sentences = a.sentences_with("change")
    penalties = (
        ("blame", 30, 60, "blames others or circumstances"),
        ("self_pity", 20, 40, "self-pity"),
        ("over_apology", 20, 40, "over-apologises"),
        ("minimising", 15, 30, "minimises what happened"),
        ("overconfidence", 20, 40, "sounds as if nothing needed to change"),
    )
    found: dict[str, int] = {}
    for category, each, most, why in penalties:
        hits = a.live(category)
        if category == "over_apology":
            hits = [h for h in hits if h.sentence not in action_sentences]
        if hits:
            found[category] = len(hits)
            score -= min(most, each * len(hits))
            for hit in hits[:2]:
                evidence.append(a.evidence(hit, "-", why))
    if "blame" in found:
        # Ownership mixed with excuses is the textbook partial answer.
        score = min(max(score, 40), 60) if owned else min(score, 30)
    if found.get("self_pity", 0) + found.get("over_apology", 0) >= 2:
        score = min(score, 35)
    if "minimising" in found or "overconfidence" in found:
        score = min(score, 65)
    for category in ("blame", "self_pity", "over_apology", "minimising", "overconfidence"):
        if category in found:
            return _clamp(score), evidence, category
    if not evidence and a.sentences:
        evidence.append(a.evidence(0, "+", "calm and factual: no blame, apology or excuses"))
    return _clamp(score), evidence, "strong" if causes else "no_cause"


def corrective_action(a: Analysis) -> Scored:
    evidence: list[Evidence] = []
    # A change cue in a sentence that is mostly about what went wrong ("I never took
    # a practice test") describes the problem, not a remedy.
    problem = Counter(h.sentence for c in ("cause", "blame") for h in a.live(c))
    fixes = Counter(h.sentence for h in a.live("change"))
    changes = [h for h in a.distinct("change") if fixes[h.sentence] > problem[h.sentence]]
    results = a.live("result")
    support = a.live("support")
    frequency = a.specifics_of("frequency")
    amounts = a.specifics_of("number")
    change_points = (0, 40, 48, 55)[min(len(changes), 3)]
    score = float(change_points)
    for hit in changes[:3]:
        evidence.append(a.evidence(hit, "+", "a concrete change"))
    if frequency:
        score += 12
        evidence.append(a.specific_evidence(frequency[0], "how often"))
    if support:
        score += 10
        evidence.append(a.evidence(support[0], "+", "who helped"))
    if amounts and changes:
        score += 5
        evidence.append(a.specific_evidence(amounts[0], "a measurable amount"))
    if results:
        score += 40
        evidence.append(a.evidence(results[0], "+", "a measurable result since"))
    else:
        score = min(score, 65)
    if not changes:
        score = min(score, 35)
    vague = a.live("vague_effort")
    if vague and not changes:
        score = min(score, 25)
        evidence.append(a.evidence(vague[0], "-", "effort without a concrete change"))
    if not changes and not results:
        reason = "vague" if vague else "none"
    elif not results:
        reason = "no_result"
    elif not changes or len(changes) + bool(frequency) + bool(support) < 2:
        reason = "thin"
    else:
        reason = "strong"
    return _clamp(score), evidence, reason


def tie_back(a: Analysis) -> Scored:
    """Specialty cues count fully only where the answer is linking forward.

    "Imaging" inside a sentence about an observership is corrective action; the
    same word after "that taught me" or "as a resident" is a tie-back.
    """
    evidence: list[Evidence] = []
    # "I will rank every radiology program first" is a remedy, not a tie-back: a
    # sentence with more change cues than forward-looking ones does not link forward.
    remedies = Counter(h.sentence for h in a.live("change"))
    forward = Counter(h.sentence for c in ("link", "residency", "specialty") for h in a.live(c))
    generic = a.live("generic_tieback")
    # "I'm a fast learner, so I'll catch up on imaging" looks forward, but with a
    # self-description, not a lesson: such a sentence is not a link.
    self_described = {h.sentence for h in a.live("self_description")}
    links = [
        h
        for h in a.live("link")
        if remedies[h.sentence] <= forward[h.sentence] and h.sentence not in self_described
    ]
    residency = [h for h in a.live("residency") if remedies[h.sentence] <= forward[h.sentence]]
    zone = {h.sentence for h in links + residency}
    zone |= {i + 1 for i in zone}
    weights: dict[str, float] = {}
    first_hit = {}
    for hit in a.distinct("specialty", once_per_cue=False):
        weight = 1.0 if hit.sentence in zone else 0.25
        if weight > weights.get(hit.cue, 0):
            weights[hit.cue] = weight
            first_hit[hit.cue] = hit
    # Cues inside the forward-looking part count fully; stray ones elsewhere count only
    # when there is nothing better, so they cannot tip a real tie-back over a threshold.
    anchored_total = sum(w for w in weights.values() if w == 1.0)
    total = anchored_total or sum(weights.values())
    if total >= 1:
        score = 40.0 if total < 2 else 55.0 if total < 3 else 65.0
        anchored = [h for h in first_hit.values() if weights[h.cue] == 1.0]
        for hit in sorted(first_hit.values(), key=lambda h: h.sentence)[:2]:
            evidence.append(a.evidence(hit, "+", "ties the lesson to the specialty"))

        def near(hits: list) -> list:
            return [h for h in hits if any(abs(h.sentence - s.sentence) <= 1 for s in anchored)]

        if near(residency):
            score += 15
            evidence.append(a.evidence(near(residency)[0], "+", "speaks to residency"))
        if near(links):
            score += 20
            evidence.append(a.evidence(near(links)[0], "+", "connects the lesson forward"))
        return _clamp(score), evidence, "strong" if score >= 70 else "no_specialty"
    # No specific link to the specialty: at best a generic line.
    if residency or generic:
        line = (generic or residency)[0]
        evidence.append(a.evidence(line, "-", "a generic line, not specific to the specialty"))
        return 45, evidence, "generic"
    if links or total:
        hit = (links or list(first_hit.values()))[0]
        evidence.append(a.evidence(hit, "-", "a lesson with no link to residency"))
        return 25, evidence, "none"
    return 0, evidence, "none"
