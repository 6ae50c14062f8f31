"""A recording left on disk by a crash: offered back at start, transcribed and scored.

A mixin of ``CoachApp``, which provides ``leftover_recordings`` (found while the coach
loads), ``recovering``, ``transcriber`` and ``coach``. Declining keeps the file, to be
offered again next time or transcribed from the command line.
"""

from __future__ import annotations

from textual import work
from textual.worker import Worker, WorkerState

from interview_coach.errors import UserError
from interview_coach.tui.messages import FINISHED


class RecordingRecovery:
    """Offer the first leftover recording; score and show it in a thread if accepted."""

    def offer_recovery(self) -> None:
        from interview_coach.tui.screens.recover_modal import RecoverModal

        leftover = self.leftover_recordings[0]

        def answer(yes: bool | None) -> None:
            if yes and not self.recovering:
                self.recovering = True
                self.recover(leftover)
            else:
                self.notify(
                    f"Kept {leftover.audio}; it will be offered again next time, or run "
                    f"interview-coach transcribe {leftover.audio}",
                    timeout=12,
                )

        self.push_screen(
            RecoverModal(
                len(self.leftover_recordings), leftover.audio.name, leftover.context.get("prompt")
            ),
            answer,
        )

    @work(thread=True, exit_on_error=False, group="recover")
    def recover(self, leftover) -> tuple:
        from interview_coach.speech.recovery import transcribe_leftover

        text, delivery = transcribe_leftover(leftover, self.transcriber)
        if not text.strip():
            leftover.discard()
            raise UserError("The unfinished recording held no speech; it was deleted.")
        topic = leftover.context.get("topic") or "exam_failure"
        question_id = leftover.context.get("question_id")
        card = self.coach.score(text, topic, question_id)
        self.coach.save(
            card,
            text,
            kind="practice",
            source="voice",
            question_text=leftover.context.get("prompt"),
            delivery=delivery,
        )
        leftover.discard()
        return card.to_json(), text, delivery

    def recovery_changed(self, event: Worker.StateChanged) -> None:
        """The recovery worker moved on: show the recovered card, or why there is none."""
        self.recovering = event.state not in FINISHED
        if event.state == WorkerState.SUCCESS:
            from interview_coach.tui.screens.card_screen import CardScreen

            card, text, delivery = event.worker.result
            self.push_screen(CardScreen(card, text, delivery=delivery, actions=False))
        elif event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), title="Recovered audio", severity="warning")
