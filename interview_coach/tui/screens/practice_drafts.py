"""Practice's draft: autosaved every two seconds, offered back next time.

A closed terminal or a crash never loses a half-written answer, and Ctrl+Q writes
it at once; an answer that was scored is never offered back as one; skipping or
changing topic asks before it discards one. A mixin of ``PracticeScreen``, which provides
``question``, ``prompt_text``, ``saving``, ``_saved_draft`` and ``show_question``.
"""

from __future__ import annotations

from typing import Any

from textual import work

from interview_coach.domain.selection import AskedQuestion
from interview_coach.tui.screens.confirm_modal import ConfirmModal, first_words
from interview_coach.tui.widgets.answer_editor import AnswerEditor
from interview_coach.tui.widgets.voice_panel import VoicePanel

DRAFT_SLOT = "practice"
AUTOSAVE_S = 2.0


def write_draft(store, text: str, question: AskedQuestion, prompt: str) -> None:
    if text.strip():
        store.save_draft(DRAFT_SLOT, text, question.topic, question.id, prompt)
    else:
        store.clear_draft(DRAFT_SLOT)


class DraftKeeping:
    """Restore, autosave and hand over Practice's unsent answer; ask before discarding it."""

    @work(thread=True, exit_on_error=False, group="draft")
    def restore_draft(self) -> dict[str, Any] | None:
        return self.app.coach.store().load_draft(DRAFT_SLOT)

    @work(thread=True, exit_on_error=False, group="draft-save")
    def save_draft(self, text: str, question: AskedQuestion, prompt: str) -> None:
        write_draft(self.app.coach.store(), text, question, prompt)

    def autosave(self) -> None:
        if self.saving:  # the answer is being saved; its draft is cleared with it
            return
        text = self.query_one(AnswerEditor).text
        if self.question is not None and text != self._saved_draft:
            self._saved_draft = text
            self.save_draft(text, self.question, self.prompt_text)

    def _apply_draft(self, draft: dict[str, Any] | None) -> None:
        coach = self.app.coach
        handover = getattr(self.app, "draft_handover", None)
        if handover is not None:  # newer than (or the same as) what the database said
            self.app.draft_handover = None
            draft = handover if handover["text"].strip() else None
        if draft and draft.get("question_id"):
            try:
                question = coach.question(draft["question_id"])
            except Exception:  # the bank changed since the draft; start fresh
                question = None
            if question is not None:
                self._saved_draft = draft["text"]
                self.show_question(question, draft.get("question_text"), keep_text=draft["text"])
                self.notify("Restored your unsaved answer from last time.")
                return
        self.show_question()

    def hand_over_draft(self, text: str) -> None:
        """On leaving: write the draft in an app worker and hand it over in memory."""
        if self.question is not None and text != self._saved_draft:
            # An app worker, not a screen one: it must outlive this screen.
            store, question, prompt = self.app.coach.store(), self.question, self.prompt_text
            # The next Practice may read the database before this write lands: hand the
            # draft over in memory too (the UI thread sets it, the next screen takes it).
            self.app.draft_handover = {
                "text": text,
                "question_id": question.id,
                "question_text": prompt,
            }
            self.app.run_worker(
                lambda: write_draft(store, text, question, prompt),
                thread=True,
                group="draft-save",
                exit_on_error=False,
            )

    def keep_for_quit(self) -> str | None:
        """Ctrl+Q: write the typed answer as the draft now (the autosave may be two
        seconds behind, and the app is about to close the database); say what a quit
        would still lose, or None."""
        if self.saving:  # its draft is cleared when the save lands
            return "the answer being scored and saved"
        text = self.query_one(AnswerEditor).text
        if self.question is not None and text != self._saved_draft:
            self._saved_draft = text
            write_draft(self.app.coach.store(), text, self.question, self.prompt_text)
        if self.query_one(VoicePanel).recording:
            return "the answer you are recording"
        return None

    def unless_work_is_lost(self, doing: str, then, otherwise=None) -> None:
        """Run ``then`` at once when nothing typed or spoken would be lost, else ask first."""
        text = self.query_one(AnswerEditor).text
        recording = self.query_one(VoicePanel).recording
        if not text.strip() and not recording:
            then()
            return
        what = (
            "the answer you are recording"
            if recording
            else f'your {len(text.split())}-word answer ("{first_words(text)}")'
        )

        def answer(yes: bool | None) -> None:
            if yes:
                if recording:
                    self.query_one(VoicePanel).cancel()
                then()
            elif otherwise is not None:
                otherwise()

        self.app.push_screen(
            ConfirmModal(
                f"{doing} and discard {what}? Ctrl+S scores it instead.",
                yes_label="Discard (y)",
                no_label="Keep it (n)",
            ),
            answer,
        )
