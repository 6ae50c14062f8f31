"""Review: every saved answer, filterable by topic; open a card, delete, or practise again."""

from __future__ import annotations

from datetime import UTC, datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static
from textual.worker import Worker, WorkerState

from interview_coach.storage import StoredAnswer
from interview_coach.tui.screens.closing import close
from interview_coach.tui.screens.confirm_modal import first_words
from interview_coach.tui.widgets.safe_select import SafeSelect

ALL = "__all__"


def local_time(stamp: str) -> str:
    """A stored UTC time as the user's own clock shows it ("2026-11-26 09:44")."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp[:16].replace("T", " ")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def describe_deletion(answer: StoredAnswer, topic_title: str) -> str:
    """The confirmation names what goes: when, which topic, and how the answer began."""
    when = local_time(answer.created_at)
    return (
        f"Delete your {topic_title.lower()} answer of {when} (overall {answer.overall}), "
        f'"{first_words(answer.answer_text)}", and its scores for good?'
    )


class ReviewScreen(Screen):
    CSS_PATH = "review_screen.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open card"),
        Binding("d", "delete", "Delete answer"),
        Binding("p", "practise", "Practise this topic"),
        Binding("escape", "leave", "Home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[StoredAnswer] = []
        self.topic = ALL
        # The row to put the cursor back on after a reload: (answer id, row index).
        self._keep: tuple[int | None, int] = (None, 0)

    def compose(self) -> ComposeResult:
        coach = self.app.coach
        yield Header()
        with Horizontal(id="filter-row"):
            yield Static("Topic", classes="muted")
            yield SafeSelect(
                [("All topics", ALL)] + [(t.title, t.id) for t in coach.bank.topics.values()],
                value=ALL,
                allow_blank=False,
                id="filter",
            )
        yield Static("", id="count", classes="muted")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Date", "Topic", "Question", "Overall", "Source")
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the list again, keeping the cursor on the answer it was on (or, once that
        answer is deleted, on the row that took its place)."""
        selected = self._selected()
        row = self.query_one(DataTable).cursor_row or 0
        self._keep = (selected.id if selected else None, row)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self) -> list[StoredAnswer]:
        topic = None if self.topic == ALL else self.topic
        return list(reversed(self.app.coach.store().answers(topic=topic)))

    @work(thread=True, exit_on_error=False, group="delete")
    def delete_in_background(self, answer_id: int) -> bool:
        # Not named ``remove``: Textual calls ``Widget.remove()`` when the screen closes.
        return self.app.coach.store().delete_answer(answer_id)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        elif event.state == WorkerState.SUCCESS:
            if event.worker.group == "load":
                self._fill(event.worker.result)
            elif event.worker.group == "delete":
                self.notify("Answer deleted.")
                self.reload()

    def _fill(self, answers: list[StoredAnswer]) -> None:
        self.answers = answers
        table = self.query_one(DataTable)
        table.clear()
        titles = {t.id: t.title for t in self.app.coach.bank.topics.values()}
        for answer in answers:
            table.add_row(
                local_time(answer.created_at),
                titles.get(answer.topic, answer.topic),
                (answer.question_text or "")[:48],
                str(answer.overall),
                answer.source,
                key=str(answer.id),
            )
        self.query_one("#count", Static).update(
            f"{len(answers)} answer(s). Enter opens the card; d deletes; p practises that topic."
        )
        keep_id, keep_row = self._keep
        ids = [answer.id for answer in answers]
        row = ids.index(keep_id) if keep_id in ids else min(keep_row, len(answers) - 1)
        if answers:
            table.move_cursor(row=max(row, 0), animate=False)
        table.focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.topic:
            self.topic = str(event.value)
            self._keep = (None, 0)
            self.load()

    def _selected(self) -> StoredAnswer | None:
        table = self.query_one(DataTable)
        if not self.answers or table.cursor_row is None:
            return None
        return self.answers[min(table.cursor_row, len(self.answers) - 1)]

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        from interview_coach.tui.screens.card_screen import CardScreen

        answer = self._selected()
        if answer is not None:
            self.app.push_screen(
                CardScreen(answer.card, answer.answer_text, delivery=answer.delivery, actions=False)
            )

    def action_delete(self) -> None:
        from interview_coach.tui.screens.confirm_modal import ConfirmModal

        answer = self._selected()
        if answer is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_in_background(answer.id)

        self.app.push_screen(
            ConfirmModal(describe_deletion(answer, self._title(answer))), confirmed
        )

    def _title(self, answer: StoredAnswer) -> str:
        topic = self.app.coach.bank.topics.get(answer.topic)
        return topic.title if topic else answer.topic

    def action_practise(self) -> None:
        from interview_coach.tui.screens.practice_screen import PracticeScreen

        answer = self._selected()
        if answer is not None:
            self.app.push_screen(PracticeScreen(topic=answer.topic))

    def action_leave(self) -> None:
        close(self)
