"""The three next steps a report opens with: what is most worth practising now.

Kept apart from the report's layout so the rule is easy to find and change: the
weakest dimensions over the latest answers, then the weakest topic, then the
note the latest answers got most often.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from interview_coach.domain.report_model import DIMENSION_LABELS, Step
from interview_coach.domain.results import DIMENSIONS

STRONG = 70  # the level's lower bound: a dimension this good on average needs no step
RECENT = 5  # next steps weigh the latest answers: old weaknesses may be fixed
MAX_STEPS = 3
NOTE_LABELS = {
    "too_short": "Length",
    "too_long": "Length",
    "dwells_on_failure": "Focus",
    "hedging": "Tone",
    "over_apology": "Tone",
    "overconfidence": "Tone",
    "overshare": "Privacy",
    "off_topic": "Focus",
}


def next_steps(answers: list[dict[str, Any]], topic_titles: Mapping[str, str]) -> list[Step]:
    """Up to three things most worth practising next, most useful first.

    First the dimensions weakest over the latest answers (an old weakness may be
    fixed), each with the advice the scorer gave on the latest answer where it fell
    short; then the weakest topic by its latest answer; then the note the latest
    answers got most often (length, hedging, dwelling on the failure); while fewer
    than three, the follow-up an interviewer would ask after the latest answer.
    """
    recent = answers[-RECENT:]
    if not recent:
        return []
    means = {
        k: sum(a["card"]["dimensions"][k]["score"] for a in recent) / len(recent)
        for k in DIMENSIONS
    }
    steps: list[Step] = []
    for key in sorted(DIMENSIONS, key=lambda k: (means[k], DIMENSIONS.index(k))):
        if means[key] >= STRONG:
            break
        latest = next(
            a for a in reversed(recent) if a["card"]["dimensions"][key]["level"] != "strong"
        )
        advice = latest["card"]["dimensions"][key]["advice"]
        if advice not in {s.advice for s in steps}:
            latest_score = recent[-1]["card"]["dimensions"][key]["score"]
            why = (
                f"average {means[key]:.0f} over the last {len(recent)} answers, "
                f"latest {latest_score}"
            )
            steps.append(Step(DIMENSION_LABELS[key], advice, why))
    latest_by_topic = {a["topic"]: a for a in answers}
    topic, weakest = min(latest_by_topic.items(), key=lambda kv: kv[1]["card"]["overall"])
    if weakest["card"]["overall"] < STRONG:
        title = topic_titles.get(topic, topic.replace("_", " "))
        steps.append(
            Step(
                title,
                f"Answer a {title.lower()} question again, using the advice on its card.",
                f"its latest answer scored {weakest['card']['overall']}, the lowest of any topic",
            )
        )
    notes: dict[str, list[str]] = {}
    for answer in recent:
        for flag in answer["card"].get("flags", []):
            notes.setdefault(flag["kind"], []).append(flag["message"])
    if notes:
        kind, messages = max(notes.items(), key=lambda kv: len(kv[1]))
        steps.append(
            Step(
                NOTE_LABELS.get(kind, "Also"),
                messages[-1],
                f"noted on {len(messages)} of the last {len(recent)} answers",
            )
        )
    follow_up = recent[-1]["card"].get("follow_up")
    if len(steps) < MAX_STEPS and follow_up:
        steps.append(
            Step(
                "Follow-up",
                f"Practise answering “{follow_up}”",
                "what an interviewer would ask next after your latest answer",
            )
        )
    return steps[:MAX_STEPS]
