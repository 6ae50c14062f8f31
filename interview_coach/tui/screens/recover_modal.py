"""At start: a recording left by a crash is offered for transcription and scoring."""

from __future__ import annotations

from interview_coach.tui.screens.confirm_modal import ConfirmModal


class RecoverModal(ConfirmModal):
    BINDINGS = [
        ("escape", "answer(False)", "Later"),
        ("n", "answer(False)", "Later"),
        ("t", "answer(True)", "Transcribe now"),
    ]
    YES = ("Transcribe (t)", "primary")
    NO = "Later (n)"
    AUTO_FOCUS = "#yes"  # transcribing destroys nothing; Enter accepts

    def __init__(self, count: int, newest: str, question: str | None) -> None:
        about = f' to "{question}"' if question else ""
        more = f" ({count - 1} more after it.)" if count > 1 else ""
        super().__init__(
            f"An unfinished spoken answer{about} was saved when the app last closed "
            f"({newest}). Transcribe and score it now?{more}"
        )
