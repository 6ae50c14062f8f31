"""Messages the app sends to its screens."""

from textual.message import Message


class CoachReady(Message):
    """The coach (bank, rubrics, profile, database) finished loading in its worker."""
