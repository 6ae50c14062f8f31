"""What a saved answer was answering: the question, the follow-up, and the reply.

A follow-up reply is saved as its own answer, judged together with (and holding
the text of) the answer it follows; Review's card must still show the question
that started the exchange, the follow-up, and what the user said to it.
"""

from __future__ import annotations

from rich.text import Text

from interview_coach.storage import StoredAnswer


def _is_reply(answer: StoredAnswer) -> bool:
    return bool(answer.card.get("follows"))


def _after(text: str, prefix: str) -> str:
    """The reply part of a combined answer (saved as the answer, a blank line, the reply)."""
    if prefix and text.startswith(prefix):
        return text[len(prefix) :].strip()
    return text.rsplit("\n\n", 1)[-1].strip()


def exchange(answer: StoredAnswer, session: list[StoredAnswer]) -> dict[str, str | None]:
    """``session`` is every answer of ``answer``'s session, oldest first."""
    same = [a for a in session if a.question_id == answer.question_id]
    earlier = [a for a in same if a.id < answer.id and not _is_reply(a)]
    if _is_reply(answer):
        main = earlier[-1] if earlier else None
        return {
            "question": main.question_text if main else None,
            "follow_up": answer.card.get("follows"),
            "reply": _after(answer.answer_text, main.answer_text if main else ""),
            "note": "The card judges your answer and your reply together.",
        }
    reply = None
    for later in (a for a in same if a.id > answer.id):
        if not _is_reply(later):
            break  # the question was asked again: a new exchange
        reply = later
    if reply is not None:
        return {
            "question": answer.question_text,
            "follow_up": reply.card.get("follows"),
            "reply": _after(reply.answer_text, answer.answer_text),
            "note": "Your reply has its own card (the next row in Review).",
        }
    follow_up = answer.card.get("follow_up")
    return {
        "question": answer.question_text,
        "follow_up": follow_up,
        "reply": None,
        "note": "The follow-up was not answered." if follow_up else None,
    }


def context_text(
    parts: dict[str, str | None], fallback_question: str | None = None, when: str = ""
) -> Text:
    """The lines above the card: when and how it was answered, Question, Follow-up,
    Your reply."""
    text = Text()
    if when:
        text.append(when + "\n", style="dim")
    question = parts.get("question") or fallback_question
    text.append("Question   ", style="bold")
    text.append(question or "(not recorded)")
    if parts.get("follow_up"):
        text.append("\nFollow-up  ", style="bold")
        text.append(str(parts["follow_up"]))
    if parts.get("reply"):
        text.append("\nYour reply ", style="bold")
        text.append(str(parts["reply"]))
    if parts.get("note"):
        text.append(f"\n{parts['note']}", style="dim")
    return text
