"""After a mock interview: every answer, its card and delivery, and the interview as a whole.

One row per answer with the four dimension scores as numbers (levels by colour),
so the table fits 80 columns; the selected answer's transcript and delivery show
below it. A misheard transcript can be corrected (E): the fix is re-scored and
saved through the coach. Across the interview: total time, pace per answer,
fillers, long pauses, the weakest dimension, and the practice plan it feeds.
"""

from __future__ import annotations

from dataclasses import replace as replaced

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState

from interview_coach.coach import SavedAnswer
from interview_coach.domain.results import DIMENSIONS
from interview_coach.tui.screens.closing import close
from interview_coach.tui.widgets.app_header import AppHeader

SHORT = {
    "acknowledgment": "Ack",
    "non_defensiveness": "Own",
    "corrective_action": "Fix",
    "tie_back": "Tie",
}
LEVEL_STYLE = {"strong": "green", "partial": "yellow", "missing": "red"}


def counted_results(results: list[SavedAnswer]) -> list[SavedAnswer]:
    """One result per question: a follow-up's combined card replaces the answer it follows."""
    counted: list[SavedAnswer] = []
    for result in results:
        if result.is_follow_up and counted:
            counted[-1] = result
        else:
            counted.append(result)
    return counted


def overview(results: list[SavedAnswer], total_s: float) -> list[str]:
    """The lines across the interview (pure, so it is tested without the app)."""
    counted = counted_results(results)
    if not counted:
        return ["Mock interview ended before any answer."]
    minutes, seconds = divmod(int(total_s), 60)
    mean = sum(r.card.overall for r in counted) / len(counted)
    lines = [
        f"{len(counted)} question{'s' if len(counted) != 1 else ''} in {minutes}:{seconds:02d}, "
        f"mean overall {mean:.0f}/100 (a follow-up counts with its question)."
    ]
    spoken = [r.delivery for r in results if r.delivery]
    if spoken:
        paces = ", ".join(f"{d['wpm']:.0f}" for d in spoken)
        fillers = sum(d.get("filler_total", 0) for d in spoken)
        pauses = sum(len(d.get("long_pauses", [])) for d in spoken)
        lines.append(f"Pace per answer {paces} wpm; {fillers} fillers; {pauses} long pauses.")
    means = {
        dim: sum(r.card.dimensions[dim].score for r in counted) / len(counted) for dim in DIMENSIONS
    }
    weakest = min(means, key=means.__getitem__)
    lines.append(
        f"Weakest: {weakest.replace('_', ' ')} ({means[weakest]:.0f}); "
        "practise it first in the plan below."
    )
    return lines


class MockSummaryScreen(Screen):
    CSS_PATH = "mock_summary_screen.tcss"
    BINDINGS = [
        Binding("escape", "leave", "Home"),
        Binding("enter", "open", "Open card", show=True),
        Binding("e", "edit", "Correct transcript"),
    ]

    def __init__(
        self,
        results: list[SavedAnswer],
        total_s: float = 0.0,
        to_refine: list[tuple[object, SavedAnswer]] | None = None,
    ) -> None:
        super().__init__()
        self.results = list(results)
        self.total_s = total_s
        self.to_refine = list(to_refine or [])

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static("\n".join(overview(self.results, self.total_s)), id="summary")
        yield Static("", id="plan", classes="muted")
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="detail"):
            yield Static("", id="transcript")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("#", key="n")
        table.add_column("Question", key="question", width=self._question_width())
        for key, label in (("overall", "All"), *SHORT.items(), ("wpm", "wpm")):
            table.add_column(label, key=key)
        for index in range(len(self.results)):
            table.add_row(*self._cells(index), key=str(index))
        table.focus()
        self.load_plan()
        self._show_detail(0)
        if self.to_refine and self.app.transcriber is not None:
            self.refine_all(self.to_refine)
            self.to_refine = []

    def _question_width(self) -> int:
        # 6 number columns of 3-4 characters plus padding take about 34 columns.
        return max(20, self.app.size.width - 38)

    def _cells(self, index: int) -> list:
        result = self.results[index]
        dims = result.card.dimensions
        label = ("↳ " if result.is_follow_up else "") + result.prompt
        wpm = f"{result.delivery['wpm']:.0f}" if result.delivery else "-"
        return [
            str(index + 1),
            label,
            str(result.card.overall),
            *(Text(str(dims[d].score), style=LEVEL_STYLE[dims[d].level]) for d in DIMENSIONS),
            wpm,
        ]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _show_detail(self, index: int) -> None:
        if not self.results:
            self.query_one("#transcript", Static).update("")
            return
        result = self.results[index]
        text = Text(f"{result.prompt}\n", style="bold")
        text.append(result.reply)
        if result.delivery:
            d = result.delivery
            text.append(
                f"\n{d['duration_s']:.0f} s, {d['wpm']:.0f} words/min, "
                f"{d.get('filler_total', 0)} fillers, {len(d.get('long_pauses', []))} long pauses",
                style="italic",
            )
            for tip in d.get("advice", [])[:3]:  # pace, fillers, voice: one line each
                text.append(f"\n• {tip}", style="italic")
        text.append("\nE corrects the transcript; Enter opens the full card.", style="dim")
        self.query_one("#transcript", Static).update(text)

    @work(thread=True, exit_on_error=False, group="plan")
    def load_plan(self) -> str:
        coach = self.app.coach
        items = coach.plan()[:3]
        names = [coach.bank.topic(item.topic).title for item in items]
        return "Practice plan: " + ", ".join(names) if names else ""

    @work(thread=True, exit_on_error=False, group="refine")
    def refine_all(self, pending: list[tuple[object, SavedAnswer]]) -> int:
        """Each spoken answer transcribed again in one pass over its audio (more
        accurate than the live segments), re-scored and stored, one at a time.
        Never cancelled half-way: each answer's write completes."""
        from interview_coach.speech.voice_answer import refine

        coach, transcriber = self.app.coach, self.app.transcriber
        done: dict[int, SavedAnswer] = {}  # answer id -> refined, for follow-ups
        for answer, saved in pending:
            refined = refine(answer, transcriber)
            if refined.transcript != "refined":
                continue
            if saved.followed is not None and saved.followed.answer_id in done:
                saved = replaced(saved, followed=done[saved.followed.answer_id])
            stored = coach.refine_saved(saved, refined.text, refined.delivery)
            if stored is not None:
                done[saved.answer_id] = stored
                self.post_message(self.Refined(stored))
        return len(done)

    class Refined(Message):
        def __init__(self, saved: SavedAnswer) -> None:
            super().__init__()
            self.saved = saved

    def on_mock_summary_screen_refined(self, message: Refined) -> None:
        for index, result in enumerate(self.results):
            if result.answer_id == message.saved.answer_id:
                self._replace(index, message.saved)

    def _replace(self, index: int, result: SavedAnswer) -> None:
        self.results[index] = result
        table = self.query_one(DataTable)
        for key, value in zip(table.columns, self._cells(index), strict=True):
            table.update_cell(str(index), key, value)
        self.query_one("#summary", Static).update("\n".join(overview(self.results, self.total_s)))
        if table.cursor_row == index:
            self._show_detail(index)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        if event.state != WorkerState.SUCCESS:
            return
        if event.worker.group == "plan":
            self.query_one("#plan", Static).update(event.worker.result)
        elif event.worker.group == "refine" and event.worker.result:
            count = event.worker.result
            self.notify(
                f"{count} answer{'s' if count != 1 else ''} saved with the whole-answer "
                "transcript (more accurate than the live one); the table shows it.",
                title="Transcript refined",
            )
            self.load_plan()
        elif event.worker.group == "correct":
            changes = event.worker.result
            for index, result in changes:
                self._replace(index, result)
            also = " (its follow-up was judged again with it)" if len(changes) > 1 else ""
            self.notify(f"Re-scored: overall {changes[0][1].card.overall}{also}.")
            self.load_plan()

    # -- correcting a transcript -------------------------------------------------
    def action_edit(self) -> None:
        if not self.results or self.app.screen is not self:  # e e: one editor
            return
        from interview_coach.tui.screens.transcript_modal import TranscriptModal

        index = self.query_one(DataTable).cursor_row
        result = self.results[index]

        def done(text: str | None) -> None:
            if text and text.strip() and text.strip() != result.reply.strip():
                self.correct(index, result, text.strip(), list(self.results))

        self.app.push_screen(TranscriptModal(result.prompt, result.reply), done)

    @work(thread=True, exit_on_error=False, group="correct")
    def correct(
        self, index: int, result: SavedAnswer, text: str, results: list[SavedAnswer]
    ) -> list[tuple[int, SavedAnswer]]:
        """Re-score the corrected words and store them in place of the saved answer;
        a follow-up reply to it is judged with it, so it is re-judged too."""
        coach = self.app.coach
        stored = coach.refine_saved(result, text, result.delivery)
        if stored is None:
            raise ValueError("That answer was deleted meanwhile; nothing was changed.")
        updated, changes = {result.answer_id: stored}, [(index, stored)]
        for later, other in enumerate(results):
            before = updated.get(other.followed.answer_id) if other.followed else None
            if before is None or other.answer_id in updated:
                continue
            again = coach.refine_saved(
                replaced(other, followed=before), other.reply, other.delivery
            )
            if again is not None:
                updated[other.answer_id] = again
                changes.append((later, again))
        return changes

    def action_open(self) -> None:
        if self.results:
            self._open(self.query_one(DataTable).cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(int(event.row_key.value))

    def _open(self, index: int) -> None:
        from interview_coach.tui.screens.card_screen import CardScreen

        if self.app.screen is not self:
            return  # a second Enter, queued before the first opened the card
        result = self.results[index]
        self.app.push_screen(
            CardScreen(result.card.to_json(), result.text, delivery=result.delivery, actions=False)
        )

    def action_leave(self) -> None:
        close(self)
