"""A practice history with fixed dates, written through the real coach and store.

Twenty answers over four topics across twelve days (one of them a follow-up reply,
which progress counts with its main answer), so the Review and Progress snapshots
draw the same picture on every run and machine.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# Three answers to one question, weakest to strongest; a topic's answers cycle through them.
ANSWERS = {
    "exam_failure": (
        "Testing was a bump in the road. My school did not prepare us. I studied harder.",
        "Step 1 did not go well the first time. I changed how I studied and used more "
        "practice questions, and I passed.",
        "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
        "I met a faculty mentor weekly and did forty timed questions a day; I passed on my "
        "second attempt. I now use a fixed search pattern when reading studies on call.",
    ),
    "gap": (
        "There was some time off after graduation. It was a difficult period for everyone.",
        "From January to September 2022 I prepared for Step 2 CK and did an observership. "
        "I kept busy and learned a lot.",
        # Still partial at its best (no result yet, no tie-back), so the plan keeps it.
        "From January to September 2022 I studied for Step 2 CK full time and did two "
        "radiology observerships, three days a week. I am still waiting for my score, "
        "and I learned a lot.",
    ),
    "professionalism": (
        "The attending did not like me. The notes were late because the system was slow.",
        "I was late with notes on my surgery rotation. I know it was a problem and I try "
        "to be on time now.",
        "On my surgery rotation I submitted notes late three times, which was my failure to "
        "plan my day. I now finish notes before sign-out every day, and my next two "
        "evaluations rated me excellent for reliability, which matters on call.",
    ),
    "dual_application": (
        "I am applying to many things because matching is hard these days.",
        "I am also applying to internal medicine as a backup, but radiology is my goal.",
        "Yes, I am also applying to internal medicine. Radiology is my first choice: I spent "
        "four months in the reading room, and internal medicine would still let me work "
        "closely with radiologists on imaging decisions.",
    ),
}
# (day, topic, which answer): 20 answers, every day from 1 to 12 March 2026 (a 12-day streak).
PLAN = [
    (1, "exam_failure", 0),
    (1, "gap", 0),
    (2, "exam_failure", 1),
    (2, "professionalism", 0),
    (3, "dual_application", 0),
    (3, "gap", 1),
    (4, "exam_failure", 1),
    (5, "professionalism", 1),
    (5, "gap", 1),
    (6, "exam_failure", 2),
    (6, "dual_application", 1),
    (7, "professionalism", 1),
    (8, "gap", 2),
    (9, "exam_failure", 2),
    (9, "professionalism", 2),
    (10, "dual_application", 2),
    (10, "gap", 2),
    (11, "exam_failure", 2),
    (12, "professionalism", 2),
    (12, "dual_application", 2),
]
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 12, 18, 0, tzinfo=UTC)  # the evening of the last day
FOLLOW_UP_REPLY = "My later exams went well: I scored 248 on Step 2 CK on the first attempt."


def seed_history(coach) -> None:
    """Save PLAN's answers at fixed times; the 2nd exam answer gets a follow-up reply.

    The store's clock is swapped by hand and put back, not through ``monkeypatch``,
    whose undo would also drop the test's data folder and frozen clock."""
    import interview_coach.storage.store as store_module

    stamp = {"at": START}
    real_now = store_module.now
    store_module.now = lambda: stamp["at"].isoformat(timespec="seconds")
    try:
        for number, (day, topic, which) in enumerate(PLAN):
            stamp["at"] = START + timedelta(days=day - 1, minutes=10 * number)
            text = ANSWERS[topic][which]
            question = coach.questions(topic=topic, limit=1)[0]
            card = coach.score(text, topic, question.id)
            session_id, _ = coach.save(card, text, question_text=question.text)
            if number == 2:
                stamp["at"] += timedelta(minutes=3)
                followed = {"answer": text, "card": card.to_json()}
                reply, saved = coach.judge(FOLLOW_UP_REPLY, topic, question.id, followed)
                coach.save(reply, saved, session_id=session_id, question_text=card.follow_up)
    finally:
        store_module.now = real_now


def freeze_clock(monkeypatch) -> None:
    """The plan, the streak and local dates as on NOW, in UTC."""
    import time

    import interview_coach.coach_history as coach_module

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(coach_module, "clock", lambda: NOW)
