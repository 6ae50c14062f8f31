"""Practice's draft: autosaved every two seconds, offered back next time.

A closed terminal or a crash never loses a half-written answer; an answer that was
scored is never offered back as one. A mixin of ``PracticeScreen``, which provides
``question``, ``prompt_text``, ``saving``, ``_saved_draft`` and ``show_question``.
"""

from __future__ import annotations

from typing import Any

from textual import work

from interview_coach.domain.selection import AskedQuestion
from interview_coach.tui.widgets.answer_editor import AnswerEditor

DRAFT_SLOT = "practice"
AUTOSAVE_S = 2.0


def write_draft(store, text: str, question: AskedQuestion, prompt: str) -> None:
    if text.strip():
        store.save_draft(DRAFT_SLOT, text, question.topic, question.id, prompt)
    else:
        store.clear_draft(DRAFT_SLOT)


class DraftKeeping:
    """Restore, autosave and hand over Practice's unsent answer."""

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
