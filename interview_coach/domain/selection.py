"""Choosing which questions to ask, and wording them for this applicant.

An interviewer asks about the red flags on the application first, in the words
of that application ("your Step 1 result in June 2021"), so selection puts the
profile's flags first and fills question placeholders from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

from interview_coach.domain.bank import Question, QuestionBank
from interview_coach.domain.profile import Profile, RedFlag, month_label

NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


@dataclass(frozen=True)
class AskedQuestion:
    """A question as it will be asked: text and follow-ups already personalised."""

    id: str
    topic: str
    text: str
    follow_ups: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "topic": self.topic,
            "text": self.text,
            "follow_ups": list(self.follow_ups),
        }


def duration_words(months: int) -> str:
    if months % 12 == 0 and months >= 12:
        years = months // 12
        return "one year" if years == 1 else f"{_number(years)} years"
    return "one month" if months == 1 else f"{_number(months)} months"


def _number(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def placeholder_values(
    defaults: dict[str, str], flag: RedFlag | None, specialty_name: str
) -> dict[str, str]:
    values = {
        "exam": "the exam",
        "when": "",
        "start": "the start",
        "end": "the end",
        "duration": "that time",
        "detail": "that",
        **defaults,
        "specialty": specialty_name,
    }
    if flag is None:
        return values
    if flag.exam:
        values["exam"] = flag.exam
    if flag.date:
        values["when"] = f"in {month_label(flag.date)}"
    if flag.start:
        values["start"] = month_label(flag.start)
    if flag.end:
        values["end"] = month_label(flag.end)
    months = flag.months()
    if months:
        values["duration"] = duration_words(months)
    if flag.detail:
        values["detail"] = flag.detail
    return values


def personalise(text: str, values: dict[str, str]) -> str:
    """Fill placeholders and tidy the spaces an empty one leaves behind."""
    filled = text.format_map(values)
    return " ".join(filled.split()).replace(" ,", ",").replace(" ?", "?").replace(" .", ".")


def ask(
    question: Question, bank: QuestionBank, profile: Profile | None, specialty_name: str
) -> AskedQuestion:
    topic = bank.topic(question.topic)
    flags = profile.flags_for(question.topic) if profile else []
    values = placeholder_values(topic.placeholders, flags[0] if flags else None, specialty_name)
    return AskedQuestion(
        id=question.id,
        topic=question.topic,
        text=personalise(question.text, values),
        follow_ups=tuple(personalise(f, values) for f in question.follow_ups),
    )


def _fits(question: Question, specialty: str | None) -> bool:
    return question.specialty is None or question.specialty == specialty


def _topic_order(bank: QuestionBank, profile: Profile | None, weak: list[str]) -> list[str]:
    """Profile red flags first, then the user's weakest topics, then the rest."""
    order: list[str] = []
    for topic in [f.kind for f in (profile.red_flags if profile else ())] + weak:
        if topic in bank.topics and topic not in order:
            order.append(topic)
    return order + [t for t in bank.topics if t not in order]


def select_questions(
    bank: QuestionBank,
    profile: Profile | None = None,
    topic: str | None = None,
    limit: int | None = None,
    specialty_name: str = "your specialty",
    weak_topics: list[str] | None = None,
) -> list[AskedQuestion]:
    """Most relevant first: flagged topics, specialty variants before generic ones.

    Topics are interleaved so a short list still covers several red flags.
    """
    specialty = profile.specialty if profile else None
    topics = [bank.topic(topic).id] if topic else _topic_order(bank, profile, weak_topics or [])
    flagged = {f.kind for f in profile.red_flags} if profile else set()
    per_topic: list[list[Question]] = []
    for topic_id in topics:
        questions = [q for q in bank.topic(topic_id).questions if _fits(q, specialty)]
        # The topic's first question is its plain, direct form (what interviewers ask
        # first); then the specialty's own variants; then the rest in file order.
        canonical = questions[0] if questions else None
        questions.sort(key=lambda q: 0 if q is canonical else 1 if q.specialty else 2)
        per_topic.append(questions)
    flagged_lists = [qs for tid, qs in zip(topics, per_topic, strict=True) if tid in flagged]
    other_lists = [qs for tid, qs in zip(topics, per_topic, strict=True) if tid not in flagged]
    if topic is not None and topic not in flagged and topic not in (weak_topics or []):
        # A topic picked that is not on the profile: what any applicant may be asked
        # comes before "Your score on {exam} is below what we usually see".
        for questions in other_lists:
            questions.sort(key=lambda q: not q.general)
    groups = [flagged_lists, other_lists]
    if topic is None:
        groups = [flagged_lists, *_general_first(topics, per_topic, flagged, weak_topics or [])]
    ordered: list[Question] = []
    for group in groups:
        for round_ in zip_longest(*group):
            ordered.extend(q for q in round_ if q is not None)
    if limit is not None:
        ordered = ordered[:limit]
    return [ask(q, bank, profile, specialty_name) for q in ordered]


def _general_first(
    topics: list[str], per_topic: list[list[Question]], flagged: set[str], weak: list[str]
) -> list[list[list[Question]]]:
    """After the red flags: the topics the user practised and is weak at, then questions
    any applicant may be asked, then the rest. A topic that is neither on the profile
    nor practised is not the user's story, so it does not open with "I see you did not
    pass your licensing exam" (what an empty profile used to get first)."""
    weak_lists, general_lists, rest_lists = [], [], []
    for topic_id, questions in zip(topics, per_topic, strict=True):
        if topic_id in flagged:
            continue
        if topic_id in weak:
            weak_lists.append(questions)
            continue
        general_lists.append([q for q in questions if q.general])
        rest_lists.append([q for q in questions if not q.general])
    return [weak_lists, general_lists, rest_lists]


def mock_questions(
    bank: QuestionBank,
    profile: Profile | None,
    count: int,
    specialty_name: str = "your specialty",
    weak_topics: list[str] | None = None,
) -> list[AskedQuestion]:
    """The plan of a mock interview: one question per topic, the profile's red flags
    first, then the weakest topics, then questions any applicant may be asked (a
    topic that is neither on the profile nor practised asks only its general
    questions); a second round of questions only
    when there are fewer topics than ``count``. (``select_questions`` asks every
    question of a flagged topic first, right for practice, not for an interview.)"""
    specialty = profile.specialty if profile else None
    flagged = {f.kind for f in (profile.red_flags if profile else ())}
    weak = set(weak_topics or [])
    rounds: list[list[Question]] = []
    for topic_id in _topic_order(bank, profile, weak_topics or []):
        questions = [q for q in bank.topic(topic_id).questions if _fits(q, specialty)]
        if not questions:
            continue
        canonical = questions[0]
        if topic_id in flagged:
            questions.sort(key=lambda q: 0 if q is canonical else 1 if q.specialty else 2)
        elif topic_id in weak:  # practised, but not on the profile: general ones first
            questions.sort(key=lambda q: 0 if q.general else 1)
        else:
            # Not the candidate's story: only what any applicant may be asked, never
            # "I notice a gap in your timeline..." to someone without one.
            questions = [q for q in questions if q.general]
        if questions:
            rounds.append(questions)
    ordered = [q for round_ in zip_longest(*rounds) for q in round_ if q is not None]
    return [ask(q, bank, profile, specialty_name) for q in ordered[: max(count, 0)]]
