"""Messages the app sends to its screens, and what they mean."""

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
