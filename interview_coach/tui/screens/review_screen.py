"""Review: every saved answer, newest first, filtered by topic or by words in the answer;
open its card (with the question and follow-up it answered), delete, or practise again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Select, Static
from textual.worker import Worker, WorkerState

from interview_coach.coach_history import clock
from interview_coach.domain.datafiles import DataFileError
from interview_coach.storage import StoredAnswer
from interview_coach.tui.screens.closing import close
from interview_coach.tui.screens.confirm_modal import first_words
from interview_coach.tui.screens.review_context import context_text, exchange
from interview_coach.tui.widgets.app_header import AppHeader
from interview_coach.tui.widgets.safe_select import SafeSelect

ALL = "__all__"
# Score, date and topic keep their width; the question takes what is left (at least this).
MIN_QUESTION = 16


def local_moment(stamp: str) -> datetime:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_time(stamp: str) -> str:
    """A stored UTC time as the user's own clock shows it ("2026-11-26 09:44")."""
    return local_moment(stamp).strftime("%Y-%m-%d %H:%M")


def short_time(stamp: str) -> str:
    """ "12 Mar 09:40" for the table; the year only when it is not this one."""
    moment = local_moment(stamp)
    if moment.year != clock().astimezone().year:
        return f"{moment:%d %b %Y}"
    return f"{moment:%d %b %H:%M}"


def describe_deletion(answer: StoredAnswer, topic_title: str) -> str:
    """The confirmation names what goes: when, which topic, and how the answer began."""
    when = local_time(answer.created_at)
    return (
        f"Delete your {topic_title.lower()} answer of {when} (overall {answer.overall}), "
        f'"{first_words(answer.answer_text)}", and its scores for good?'
    )


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def question_cell(answer: StoredAnswer) -> str:
    """A follow-up reply shows the follow-up it answered, marked as one."""
    follows = answer.card.get("follows")
    if follows:
        return f"↳ {follows}"
    return answer.question_text or "(question not recorded)"


class ReviewScreen(Screen):
    CSS_PATH = "review_screen.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open card", show=False),
        Binding("d", "delete", "Delete"),
        Binding("p", "practise", "Practise topic"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("escape", "leave", "Home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[StoredAnswer] = []
        self.topic = ALL
        self.search = ""
        # The row to put the cursor back on after a reload: (answer id, row index).
        self._keep: tuple[int | None, int] = (None, 0)

    def compose(self) -> ComposeResult:
        coach = self.app.coach
        yield AppHeader()
        with Horizontal(id="filter-row"):
            yield Static("Topic", classes="muted")
            yield SafeSelect(
                [("All topics", ALL)] + [(t.title, t.id) for t in coach.bank.topics.values()],
                value=ALL,
                allow_blank=False,
                id="filter",
            )
            yield Input(placeholder="Search your answers (/)", id="search")
        yield Static("", id="count", classes="muted")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self, _: events.Resize) -> None:
        if self.answers:
            self._fill(self.answers, focus=False)

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
        found = self.app.coach.store().answers(topic=topic, containing=self.search or None)
        return list(reversed(found))

    @work(thread=True, exit_on_error=False, group="delete")
    def delete_in_background(self, answer_id: int) -> bool:
        # Not named ``remove``: Textual calls ``Widget.remove()`` when the screen closes.
        return self.app.coach.store().delete_answer(answer_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def read_exchange(self, answer: StoredAnswer) -> tuple[StoredAnswer, Text]:
        """The question and follow-up around ``answer``, read from its session."""
        coach = self.app.coach
        parts = exchange(answer, coach.store().answers(session_id=answer.session_id))
        fallback = None
        if answer.question_id:
            try:
                fallback = coach.question(answer.question_id).text
            except DataFileError:  # a question since removed from the bank
                fallback = None
        how = "Spoken" if answer.source == "voice" else "Typed"
        when = f"{how} answer of {local_moment(answer.created_at):%d %b %Y, %H:%M}"
        return answer, context_text(parts, fallback, when)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        elif event.state == WorkerState.SUCCESS:
            if event.worker.group == "load":
                self._fill(event.worker.result)
            elif event.worker.group == "delete":
                self.notify("Answer deleted.")
                self.reload()
            elif event.worker.group == "open":
                self._show_card(*event.worker.result)

    def _fill(self, answers: list[StoredAnswer], focus: bool = True) -> None:
        self.answers = answers
        table = self.query_one(DataTable)
        table.clear(columns=True)
        titles = {t.id: t.title for t in self.app.coach.bank.topics.values()}
        topics = [titles.get(a.topic, a.topic) for a in answers]
        dates = [short_time(a.created_at) for a in answers]
        topic_width = max(map(len, topics), default=5)
        date_width = max(map(len, dates), default=4)
        # Each column has one cell of padding either side; the scrollbar takes 2.
        used = (5 + 2) + (date_width + 2) + (topic_width + 2) + 2 + 2
        width = table.size.width or self.size.width
        question_width = max(MIN_QUESTION, width - used)
        table.add_column("Score", width=5)
        table.add_column("Date", width=date_width)
        table.add_column("Topic", width=topic_width)
        table.add_column("Question", width=question_width)
        for answer, topic, date in zip(answers, topics, dates, strict=True):
            table.add_row(
                Text(str(answer.overall), justify="right"),
                date,
                topic,
                clip(question_cell(answer), question_width),
                key=str(answer.id),
            )
        self._count(len(answers))
        keep_id, keep_row = self._keep
        ids = [answer.id for answer in answers]
        row = ids.index(keep_id) if keep_id in ids else min(keep_row, len(answers) - 1)
        if answers:
            table.move_cursor(row=max(row, 0), animate=False)
        if focus and not self.query_one("#search", Input).has_focus:
            table.focus()

    def _count(self, found: int) -> None:
        plural = "answer" if found == 1 else "answers"
        if self.search:
            line = f'{found} {plural} containing "{self.search}".'
        elif not found and self.topic == ALL:
            line = "No answers yet: Esc, then p to practise; every answer is kept here."
        else:
            line = f"{found} {plural}, newest first."
        if found:
            line += " Enter opens the card."
        self.query_one("#count", Static).update(line)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.topic:
            self.topic = str(event.value)
            self._keep = (None, 0)
            self.load()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search" and event.value.strip() != self.search:
            self.search = event.value.strip()
            self._keep = (None, 0)
            self.load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def _selected(self) -> StoredAnswer | None:
        table = self.query_one(DataTable)
        if not self.answers or table.cursor_row is None:
            return None
        return self.answers[min(table.cursor_row, len(self.answers) - 1)]

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        answer = self._selected()
        if answer is not None:
            self.read_exchange(answer)

    def _show_card(self, answer: StoredAnswer, context: Text) -> None:
        from interview_coach.tui.screens.card_screen import CardScreen

        if self.app.screen is not self:
            return  # a second Enter: the card is already open
        self.app.push_screen(
            CardScreen(
                answer.card,
                answer.answer_text,
                delivery=answer.delivery,
                actions=False,
                context=context,
            )
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
        if answer is not None and self.app.screen is self:  # p p: one Practice
            self.app.push_screen(PracticeScreen(topic=answer.topic))

    def action_leave(self) -> None:
        close(self)
