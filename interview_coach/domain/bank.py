"""The question bank: topics and their questions, loaded from ``question_bank/*.toml``.

One file per topic so an advisor can add or reword questions without touching
Python. Every file is validated on load; a bad entry is reported with its file,
line and question id.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interview_coach.domain.datafiles import (
    DataFileError,
    check_keys,
    expect_str,
    expect_str_list,
    read_toml,
    where,
)

PLACEHOLDERS = frozenset({"exam", "when", "start", "end", "duration", "specialty", "detail"})
REQUIRED_TOPICS = (
    "exam_failure",
    "low_scores",
    "course_failure",
    "gap",
    "leave_of_absence",
    "professionalism",
    "limited_exposure",
    "dual_application",
    "cv_inconsistency",
)


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    text: str
    follow_ups: tuple[str, ...]
    specialty: str | None = None
    # Any applicant may be asked this: it presumes no red flag ("Are you applying to
    # other specialties?"), so it can open practice for someone who has none.
    general: bool = False


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    description: str
    placeholders: dict[str, str]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class QuestionBank:
    topics: dict[str, Topic]

    def topic(self, topic_id: str) -> Topic:
        try:
            return self.topics[topic_id]
        except KeyError:
            known = ", ".join(self.topics)
            raise DataFileError(f"Unknown topic '{topic_id}' (known topics: {known}).") from None

    def question(self, question_id: str) -> Question:
        topic_id = question_id.split(".", 1)[0]
        topic = self.topics.get(topic_id)
        for question in topic.questions if topic else ():
            if question.id == question_id:
                return question
        raise DataFileError(
            f"Unknown question id '{question_id}' (see 'interview-coach questions --json')."
        )

    def all_questions(self) -> list[Question]:
        return [q for topic in self.topics.values() for q in topic.questions]


def _placeholders_in(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _load_topic(path: Path) -> Topic:
    data, text = read_toml(path)
    check_keys(data, {"topic", "placeholders", "questions"}, path, text, "the file")
    head = data.get("topic")
    if not isinstance(head, dict):
        raise DataFileError(f"{path}: missing the [topic] table (id, title, description).")
    check_keys(head, {"id", "title", "description"}, path, text, "[topic]")
    topic_id = expect_str(head.get("id"), path, text, "id", "[topic]")
    if topic_id != path.stem:
        raise DataFileError(f"{path}: topic id '{topic_id}' must match the file name.")
    placeholders = data.get("placeholders", {})
    if not isinstance(placeholders, dict):
        raise DataFileError(f"{where(path, text, 'placeholders')}: must be a table.")
    check_keys(placeholders, PLACEHOLDERS, path, text, "[placeholders]")
    defaults = {k: expect_str(v, path, text, k, "[placeholders]") for k, v in placeholders.items()}

    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise DataFileError(f"{path}: needs at least one [[questions]] entry.")
    questions: list[Question] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw_questions):
        context = f"question #{index + 1}"
        if not isinstance(entry, dict):
            raise DataFileError(f"{path}: {context} must be a table.")
        check_keys(entry, {"id", "text", "follow_ups", "specialty", "general"}, path, text, context)
        qid = expect_str(entry.get("id"), path, text, "id", context)
        context = f"question '{qid}'"
        if not qid.startswith(f"{topic_id}."):
            raise DataFileError(f"{path}: {context} must start with '{topic_id}.'.")
        if qid in seen:
            raise DataFileError(f"{path}: {context} is defined twice.")
        seen.add(qid)
        qtext = expect_str(entry.get("text"), path, text, "text", context)
        follow_ups = expect_str_list(entry.get("follow_ups"), path, text, "follow_ups", context)
        if not 1 <= len(follow_ups) <= 3:
            raise DataFileError(f"{path}: {context} needs 1 to 3 follow_ups.")
        for piece in (qtext, *follow_ups):
            try:
                unknown = _placeholders_in(piece) - PLACEHOLDERS
            except ValueError as exc:
                raise DataFileError(f"{path}: {context} has a broken placeholder ({exc}).") from exc
            if unknown:
                raise DataFileError(
                    f"{path}: {context} uses unknown placeholder {{{sorted(unknown)[0]}}} "
                    f"(allowed: {', '.join(sorted(PLACEHOLDERS))})."
                )
        specialty = entry.get("specialty")
        if specialty is not None:
            specialty = expect_str(specialty, path, text, "specialty", context)
        general = entry.get("general", False)
        if not isinstance(general, bool):
            raise DataFileError(
                f"{where(path, text, 'general')}: {context}: 'general' is true or false."
            )
        questions.append(Question(qid, topic_id, qtext, follow_ups, specialty, general))

    return Topic(
        id=topic_id,
        title=expect_str(head.get("title"), path, text, "title", "[topic]"),
        description=expect_str(head.get("description"), path, text, "description", "[topic]"),
        placeholders=defaults,
        questions=tuple(questions),
    )


def load_bank(folder: Path) -> QuestionBank:
    """Load and validate every topic file in ``folder``."""
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise DataFileError(f"{folder}: no question-bank files (*.toml) found.")
    topics = {topic.id: topic for topic in map(_load_topic, files)}
    ordered = {tid: topics.pop(tid) for tid in REQUIRED_TOPICS if tid in topics}
    ordered.update(sorted(topics.items()))
    return QuestionBank(ordered)


@lru_cache(maxsize=4)
def default_bank(folder: Path | None = None) -> QuestionBank:
    """The shipped bank, loaded once per process."""
    from interview_coach.locations import bundled_data_dir

    return load_bank(folder or bundled_data_dir("question_bank"))
