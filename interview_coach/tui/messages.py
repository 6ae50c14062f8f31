"""Messages the app sends to its screens, and what they mean."""

from typing import Any

from textual.message import Message
from textual.worker import WorkerState

# A worker's last states. Judge by the event's state, not ``worker.is_finished``: the
# RUNNING event is often handled after the thread is done, and a save guard released
# then would let a second Ctrl+S in before the result arrives.
FINISHED = frozenset({WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED})


class CoachReady(Message):
    """The coach (bank, rubrics, profile, database) finished loading in its worker."""


class Notice(Message):
    """A note for the user from a thread (``post_message`` is safe from any thread;
    ``call_from_thread`` would block it on the UI, or fail once the app is closing)."""

    def __init__(self, text: str, title: str = "", severity: str = "information") -> None:
        super().__init__()
        self.text, self.title, self.severity = text, title, severity


VOICE_LOADING = "Voice is still loading."  # app.voice_problem until Whisper has loaded


class AnswerRefined(Message):
    """A spoken answer's whole-answer pass was saved in place of its live transcript.

    Posted to the app from the refining thread; the app hands it to every screen
    with a ``show_refined`` method, so a card still on screen is redrawn and a
    practice screen compares the next retry with the refined answer."""

    def __init__(self, saved: Any, before: int) -> None:
        super().__init__()
        self.saved = saved  # the coach.SavedAnswer as stored now
        self.answer_id = saved.answer_id
        self.before = before  # the overall score from the live transcript
