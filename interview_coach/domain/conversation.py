"""The interviewer's side of a mock interview: an opening, transitions, a closing,
and follow-ups that refer to what the candidate just said.

A program director does not read from a form: they open, move between topics,
and when an answer is thin they ask about it in the candidate's words ("You
mentioned that you met a tutor. How often...?"). The follow-up probes the
weakest dimension of the card, quoting a clause the scorer's reading tied to it
(the card's evidence), turned to "you". The lines are data
(``question_bank/interview/script.toml``).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interview_coach.domain.datafiles import (
    DataFileError,
    check_keys,
    expect_str,
    expect_str_list,
    read_toml,
)
from interview_coach.domain.results import DIMENSIONS, Evidence, ScoreCard
from interview_coach.domain.rubric import Rubrics
from interview_coach.domain.spoken_quote import quotable

# A clause that earned corrective action ("I keep a checklist") is what a missing
# tie-back can be asked about: how will that habit show up in residency?
BORROW = {"tie_back": "corrective_action"}


@dataclass(frozen=True)
class InterviewScript:
    """The interviewer's lines around the questions, read from the script file."""

    opening: str
    closing: str
    thank_you: str
    transitions: tuple[str, ...]
    last_transition: str
    # dimension -> role read in the quoted clause (or "any") -> lines with {quote}
    follow_ups: dict[str, dict[str, tuple[str, ...]]]

    def transition(self, index: int, total: int, topic_name: str) -> str:
        """What the interviewer says before question ``index`` (0-based) of ``total``:
        nothing before the first, a named last question, otherwise varied lines."""
        if index <= 0:
            return ""
        line = (
            self.last_transition
            if index == total - 1 and total > 2
            else (self.transitions[(index - 1) % len(self.transitions)])
        )
        return line.format(topic=topic_name)

    def with_question(self, question: str, index: int, total: int, topic_name: str) -> str:
        """Opening (first question only), transition and question, said in one breath."""
        parts = (self.opening if index == 0 else "", self.transition(index, total, topic_name))
        return " ".join(p.strip() for p in (*parts, question) if p and p.strip())

    def dimension_asked(self, question: str) -> str | None:
        """The dimension a quoting follow-up asks about (so a reply can be judged
        for what it was asked), or None when ``question`` is not one of ours."""
        for dimension, lines in self.follow_ups.items():
            for line in (line for group in lines.values() for line in group):
                if _pattern(line).fullmatch(question):
                    return dimension
        return None


@lru_cache(maxsize=256)
def _pattern(line: str) -> re.Pattern[str]:
    head, _, tail = line.partition("{quote}")
    return re.compile(re.escape(head) + r"(.+)" + re.escape(tail), re.S)


def conversational_follow_up(
    answer: str, card: ScoreCard, rubrics: Rubrics, asked: tuple[str, ...] = ()
) -> str | None:
    """A follow-up on the weakest dimension of ``card``, in the candidate's words.

    Missing dimensions come before partial ones, skipping strong ones and any
    already probed by a question in ``asked``; within a level, the first (lowest
    score) that has a quotable clause in its evidence (what cost points first, else
    what nearly earned them). With none quotable, the rubric's own follow-up for the
    weakest. None when every dimension is strong or has been asked about.
    """
    script = default_script()
    generic = rubrics.topic(card.topic).follow_up
    roles_by_reason = {reason: role for role, reason in rubrics.roles.reasons.items()}
    probed = {script.dimension_asked(q) for q in asked} | {
        d for d in DIMENSIONS if generic[d] in asked
    }
    open_ = [d for d in DIMENSIONS if card.dimensions[d].level != "strong" and d not in probed]
    for level in ("missing", "partial"):
        # Within one level, scores a few points apart say little: a dimension whose
        # clause can be quoted is asked about before one that can only be asked in
        # general words ("You said the school did not prepare you..." before "How will
        # this show up in residency?").
        group = sorted(
            (d for d in open_ if card.dimensions[d].level == level),
            key=lambda d: (card.dimensions[d].score, DIMENSIONS.index(d)),
        )
        for dimension in group:
            question = _quoting(answer, card, dimension, script, roles_by_reason, asked)
            if question is not None:
                return question
        for dimension in group:
            if generic[dimension] not in asked:
                return generic[dimension]
    return None


def _quoting(
    answer: str,
    card: ScoreCard,
    dimension: str,
    script: InterviewScript,
    roles_by_reason: dict[str, str],
    asked: tuple[str, ...],
) -> str | None:
    """A follow-up on ``dimension`` quoting one of its clauses, or None."""
    result = card.dimensions[dimension]
    borrowed = card.dimensions[BORROW[dimension]].evidence if dimension in BORROW else ()
    borrowed = tuple(e for e in borrowed if e.effect == "+")
    candidates = _quotable_evidence(answer, result.evidence)
    for item in candidates + _quotable_evidence(answer, borrowed):
        quote = quotable(item.text, _sentence_before(answer, item.start))
        role = roles_by_reason.get(item.reason, "any")
        lines = script.follow_ups[dimension]
        choices = lines.get(role) or lines.get("any", ())
        if quote is None or not choices:
            continue
        pick = zlib.crc32(answer.encode()) % len(choices)
        for line in choices[pick:] + choices[:pick]:
            question = line.format(quote=quote)
            if question not in asked:
                return question
    return None


def _sentence_before(answer: str, start: int) -> str:
    """The answer's sentence up to ``start``: where a quoted clause's subject would be."""
    ends = [answer.rfind(mark, 0, start) for mark in ".!?\n"]
    return answer[max(ends) + 1 : start]


def _quotable_evidence(answer: str, evidence: tuple[Evidence, ...]) -> list[Evidence]:
    """Clauses of the answer behind a dimension, what cost points first."""
    clauses = [e for e in evidence if answer[e.start : e.end] == e.text and " " in e.text]
    return sorted(clauses, key=lambda e: (e.effect != "-", e.start))


@lru_cache(maxsize=1)
def default_script() -> InterviewScript:
    from interview_coach.locations import bundled_data_dir

    return load_script(bundled_data_dir("question_bank") / "interview" / "script.toml")


def load_script(path: Path) -> InterviewScript:
    data, text = read_toml(path)
    keys = ("opening", "closing", "thank_you", "last_transition")
    check_keys(data, {*keys, "transitions", "follow_up"}, path, text, "the interview script")
    lines = {k: expect_str(data.get(k), path, text, k, "the interview script") for k in keys}
    transitions = expect_str_list(data.get("transitions"), path, text, "transitions", "the script")
    if not transitions:
        raise DataFileError(f"{path}: 'transitions' needs at least one line.")
    for line in (*transitions, lines["last_transition"]):
        _check_placeholders(line, {"topic"}, path)
    raw = data.get("follow_up", {})
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: [follow_up] must be a table of dimensions.")
    check_keys(raw, DIMENSIONS, path, text, "[follow_up]")
    follow_ups: dict[str, dict[str, tuple[str, ...]]] = {}
    for dimension in DIMENSIONS:
        table = raw.get(dimension)
        if not isinstance(table, dict) or "any" not in table:
            raise DataFileError(f"{path}: [follow_up.{dimension}] needs at least an 'any' list.")
        follow_ups[dimension] = {}
        for role, group in table.items():
            group = expect_str_list(group, path, text, role, f"[follow_up.{dimension}]")
            for line in group:
                _check_placeholders(line, {"quote"}, path, required=True)
            follow_ups[dimension][role] = group
    return InterviewScript(
        lines["opening"],
        lines["closing"],
        lines["thank_you"],
        transitions,
        lines["last_transition"],
        follow_ups,
    )


def _check_placeholders(line: str, allowed: set[str], path: Path, required: bool = False) -> None:
    names = set(re.findall(r"\{(\w*)\}", line))
    unknown = names - allowed
    if unknown:
        raise DataFileError(
            f"{path}: unknown placeholder {{{sorted(unknown)[0]}}} in '{line}' "
            f"(allowed: {', '.join('{' + a + '}' for a in sorted(allowed))})."
        )
    if required and not names:
        raise DataFileError(f"{path}: '{line}' must contain {{quote}}.")
