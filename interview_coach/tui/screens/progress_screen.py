"""Progress: per topic, is each dimension getting better? And what comes next.

For each topic practised, the first answer, the latest and the best per dimension,
with every answer as a bar numbered underneath (a question with a follow-up counts
once); above them the days in a row practised and the next session's plan, each
topic with why it is due.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Select, Static
from textual.worker import Worker, WorkerState

from interview_coach import coach_history
from interview_coach.domain.progress import TopicProgress
from interview_coach.tui.screens.closing import close
from interview_coach.tui.widgets.app_header import AppHeader
from interview_coach.tui.widgets.progress_view import PlanLines, TopicChart
from interview_coach.tui.widgets.safe_select import SafeSelect

ALL = "__all__"


def streak_words(days: int) -> str:
    if days == 0:
        return "No practice today or yesterday: one answer starts a streak."
    if days == 1:
        return "Practised 1 day in a row: practise tomorrow to keep it going."
    return f"Practised {days} days in a row."


class ProgressScreen(Screen):
    CSS_PATH = "progress_screen.tcss"
    BINDINGS = [
        Binding("p", "practise_due", "Practise what is due"),
        Binding("escape", "leave", "Home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.topic = ALL
        self.plan: list = []
        self.topics: list[TopicProgress] = []

    def compose(self) -> ComposeResult:
        coach = self.app.coach
        yield AppHeader()
        with Horizontal(id="progress-top"):
            yield Static("Topic", classes="muted")
            yield SafeSelect(
                [("All topics", ALL)] + [(t.title, t.id) for t in coach.bank.topics.values()],
                value=ALL,
                allow_blank=False,
                id="progress-topic",
            )
        with VerticalScroll(id="progress-body"):
            yield Static("", id="streak")
            yield Static("Next session", classes="section")
            yield Static("", id="plan")
            yield Static("", id="charts-title", classes="section")
            yield Static("", id="charts")
        yield Footer()

    def on_mount(self) -> None:
        # The charts take the keys (arrows and page keys scroll), not the topic list.
        self.query_one("#progress-body").focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="progress")
    def load(self) -> tuple[list[TopicProgress], int, list]:
        return self.app.coach.progress()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        if event.state != WorkerState.SUCCESS or event.worker.group != "progress":
            return
        self.topics, streak, self.plan = event.worker.result
        titles = {t.id: t.title for t in self.app.coach.bank.topics.values()}
        self.query_one("#streak", Static).update(streak_words(streak))
        now = coach_history.clock()
        self.query_one("#plan", Static).update(PlanLines(self.plan[:6], titles, now))
        self._draw_charts(titles)

    def _draw_charts(self, titles: dict[str, str]) -> None:
        from rich.console import Group

        shown = [p for p in self.topics if self.topic in (ALL, p.topic)]
        if not shown:
            heading = "No answers yet: the charts fill in as you practise."
            if self.topic != ALL:
                heading = f"No answers about {titles[self.topic].lower()} yet."
            self.query_one("#charts-title", Static).update(heading)
            self.query_one("#charts", Static).update("")
            return
        self.query_one("#charts-title", Static).update(
            "Per topic, weakest first: first, latest and best score, then each answer"
        )
        charts = []
        for number, progress in enumerate(shown):
            if number:
                charts.append("")
            charts.append(TopicChart(progress, titles.get(progress.topic, progress.topic)))
        self.query_one("#charts", Static).update(Group(*charts))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.topic:
            self.topic = str(event.value)
            self._draw_charts({t.id: t.title for t in self.app.coach.bank.topics.values()})

    def action_practise_due(self) -> None:
        from interview_coach.tui.screens.practice_screen import PracticeScreen

        if self.plan and self.app.screen is self:  # p p: one Practice
            self.app.push_screen(PracticeScreen(topic=self.plan[0].topic))

    def action_leave(self) -> None:
        close(self)
