"""A child process for the crash tests: saves answers through the real coach and prints
each answer id only after save() returned, i.e. after the transaction committed."""

from __future__ import annotations

import sys

from interview_coach.coach import Coach

ANSWER = (
    "I did not pass Step 1 on my first attempt in June 2021. I relied on passive review. "
    "I met a mentor weekly and passed on my second attempt."
)


def main() -> None:
    coach = Coach.load(use_saved_profile=False)
    card = coach.score(ANSWER, "exam_failure")
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10**9
    print("ready", flush=True)  # scoring loaded: the killer may start its clock
    for _ in range(count):
        _, answer_id = coach.save(card, ANSWER, kind="practice")
        print(answer_id, flush=True)


if __name__ == "__main__":
    main()
