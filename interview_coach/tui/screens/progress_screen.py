"""Progress: each dimension's scores over time, the weakest areas, and what is due next."""

from __future__ import annotations

from datetime import UTC, datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Select, Static
from textual.worker import Worker, WorkerState
from textual_plotext import PlotextPlot

from interview_coach.tui.screens.closing import close
from interview_coach.tui.widgets.safe_select import SafeSelect
from interview_coach.tui.widgets.score_card import LABELS

ALL = "__all__"


class ProgressScreen(Screen):
    CSS_PATH = "progress_screen.tcss"
    BINDINGS = [
        Binding("p", "practise_due", "Practise what is due"),
        Binding("escape", "leave", "Home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.topic = ALL
        self.plan = []

    def compose(self) -> ComposeResult:
        coach = self.app.coach
        yield Header()
        with Horizontal(id="progress-top"):
            yield Static("Topic", classes="muted")
            yield SafeSelect(
                [("All topics", ALL)] + [(t.title, t.id) for t in coach.bank.topics.values()],
                value=ALL,
                allow_blank=False,
                id="progress-topic",
            )
        with Horizontal(id="progress-body"):
            yield PlotextPlot(id="chart")
            with Vertical(id="side"):
                yield Static("", id="weakest")
                yield Static("", id="plan")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="progress")
    def load(self) -> tuple[dict[str, list[int]], list, list]:
        coach = self.app.coach
        topic = None if self.topic == ALL else self.topic
        averages, plan = coach.overview()
        return coach.dimension_series(topic), averages, plan

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        if event.state != WorkerState.SUCCESS or event.worker.group != "progress":
            return
        series, averages, self.plan = event.worker.result
        self._draw(series)
        titles = {t.id: t.title for t in self.app.coach.bank.topics.values()}
        weakest = ["Weakest areas"] + [
            f"  {titles[t]:<24} {mean:4.0f}" for t, mean, _ in averages[:5]
        ]
        if len(weakest) == 1:
            weakest.append("  (no answers yet)")
        now = datetime.now(UTC).replace(tzinfo=None)
        plan = ["", "Practice plan (spaced repetition)"]
        for item in self.plan[:6]:
            when = "due now" if item.due <= now else f"in {(item.due - now).days + 1} d"
            plan.append(f"  {titles[item.topic]:<24} {when}")
        self.query_one("#weakest", Static).update("\n".join(weakest))
        self.query_one("#plan", Static).update("\n".join(plan))

    def _draw(self, series: dict[str, list[int]]) -> None:
        chart = self.query_one(PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Scores per answer, by dimension")
        plt.ylim(0, 100)
        for dimension, label in LABELS.items():
            values = series.get(dimension, [])
            if values:
                plt.plot(list(range(1, len(values) + 1)), values, label=label, marker="braille")
        chart.refresh()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.topic:
            self.topic = str(event.value)
            self.load()

    def action_practise_due(self) -> None:
        from interview_coach.tui.screens.practice_screen import PracticeScreen

        if self.plan:
            self.app.push_screen(PracticeScreen(topic=self.plan[0].topic))

    def action_leave(self) -> None:
        close(self)
