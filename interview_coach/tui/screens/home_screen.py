"""Home: who the coach thinks you are, what to practise next, and the way to each flow."""

from __future__ import annotations

from importlib import import_module

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static
from textual.worker import Worker, WorkerState

from interview_coach.domain.profile import APPLICANT_LABELS
from interview_coach.tui.messages import CoachReady
from interview_coach.tui.widgets.app_header import AppHeader

# Button id / action argument -> (module in tui.screens, screen class).
SCREENS = {
    "practice": ("practice_screen", "PracticeScreen"),
    "mock": ("mock_screen", "MockScreen"),
    "review": ("review_screen", "ReviewScreen"),
    "progress": ("progress_screen", "ProgressScreen"),
    "profile": ("profile_screen", "ProfileScreen"),
    "settings": ("settings_screen", "SettingsScreen"),
}


# Button ids carry a prefix: a screen's .tcss is global in Textual (only ``CSS`` strings
# are scoped), and Practice's ``#practice { height: 1fr }`` once stretched the button
# of that id, growing the menu grid from 6 lines to 20 and pushing the summary away.
BUTTON_PREFIX = "open-"


class HomeScreen(Screen):
    CSS_PATH = "home_screen.tcss"
    # The buttons show their keys, so the footer keeps only what they do not: at 80
    # columns seven entries cut the last one ("q " without "Quit").
    BINDINGS = [
        Binding("p", "open('practice')", "Practice", show=False),
        Binding("m", "open('mock')", "Mock", show=False),
        Binding("r", "open('review')", "Review", show=False),
        Binding("g", "open('progress')", "Progress", show=False),
        Binding("e", "open('profile')", "Profile", show=False),
        Binding("s", "open('settings')", "Settings", show=False),
        Binding("q", "app.quit", "Quit", show=False),  # ^q, shown on every screen, too
    ]

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Vertical(id="home"):
            yield Static(
                "Practise the answers that worry you, out loud or typed, offline.", classes="title"
            )
            yield Static("Loading your questions and history...", id="summary", classes="muted")
            with Grid(id="menu"):
                yield Button("Practice (p)", id="open-practice", variant="primary", disabled=True)
                yield Button("Mock (m)", id="open-mock", disabled=True)
                yield Button("Review (r)", id="open-review", disabled=True)
                yield Button("Progress (g)", id="open-progress", disabled=True)
                yield Button("Profile (e)", id="open-profile", disabled=True)
                yield Button("Settings (s)", id="open-settings", disabled=True)
            yield Static("", id="weakest", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        if getattr(self.app, "coach", None) is not None:
            self.refresh_summary()

    def on_coach_ready(self, _: CoachReady) -> None:
        self.refresh_summary()

    def on_screen_resume(self) -> None:
        if getattr(self.app, "coach", None) is not None:
            self.refresh_summary()

    def refresh_summary(self) -> None:
        coach = self.app.coach
        for button in self.query(Button):
            button.disabled = False
        profile = coach.profile
        if profile is None:
            summary = (
                "No profile yet: general questions for every red flag. "
                "Press e to add yours and get questions about your own application."
            )
        else:
            flags = (
                ", ".join(
                    coach.bank.topic(f.kind).title + (f" ({f.exam})" if f.exam else "")
                    for f in profile.red_flags
                )
                or "none listed"
            )
            who = f"{profile.name}, " if profile.name else ""
            summary = (
                f"{who}{APPLICANT_LABELS[profile.applicant_type]} applying to "
                f"{coach.specialty_name}. Red flags: {flags}."
            )
        self.query_one("#summary", Static).update(summary)
        self.load_history()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home-history")
    def load_history(self) -> tuple[list, list]:
        """The history is read off the UI thread; it grows with every answer."""
        return self.app.coach.overview()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "home-history":
            return
        if event.state == WorkerState.ERROR:
            self.notify(str(event.worker.error), severity="error")
        elif event.state == WorkerState.SUCCESS:
            self._show_history(*event.worker.result)

    def _show_history(self, averages: list, plan: list) -> None:
        coach = self.app.coach
        if averages:
            lines = ["Weakest areas so far:"] + [
                f"  {coach.bank.topic(t).title:<28} {mean:5.0f}  ({n} answer{'s' * (n != 1)})"
                for t, mean, n in averages[:4]
            ]
        else:
            lines = ["No answers yet. Start with Practice: your red flags come first."]
        due = plan[0]
        lines.append(f"Next up: {coach.bank.topic(due.topic).title} ({due.reason}).")
        self.query_one("#weakest", Static).update("\n".join(lines))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_open(str(event.button.id).removeprefix(BUTTON_PREFIX))

    def _ready(self) -> bool:
        if getattr(self.app, "coach", None) is None:
            self.notify("Still loading, one moment.")
            return False
        return True

    def action_open(self, name: str) -> None:
        """Screens are imported on first use, so the home screen paints without them."""
        if self._ready():
            module_name, class_name = SCREENS[name]
            module = import_module(f"interview_coach.tui.screens.{module_name}")
            self.app.push_screen(getattr(module, class_name)())
