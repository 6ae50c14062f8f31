"""Profile set-up and editing: applicant type, specialty and the red flags to practise.

Saved as the same TOML the command line reads, validated by the same loader,
so a profile made here works with ``interview-coach questions``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Select, Static

from interview_coach.domain.profile import (
    APPLICANT_LABELS,
    APPLICANT_TYPES,
    Profile,
    RedFlag,
    profile_to_toml,
)
from interview_coach.errors import UserError
from interview_coach.tui.screens.closing import close, leave_form
from interview_coach.tui.widgets.app_header import AppHeader
from interview_coach.tui.widgets.limited_input import LimitedInput
from interview_coach.tui.widgets.safe_select import SafeSelect

FLAG_FIELDS = ("exam", "date", "start", "end", "detail")
# Longest entries the form takes (characters): a key or paste past them is refused, and
# the field says so (LimitedInput).
NAME_MAX = 60
FIELD_MAX = 40
DETAIL_MAX = 200


class ProfileScreen(Screen):
    CSS_PATH = "profile_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save profile"),
        Binding("x", "remove_flag", "Remove red flag", show=False),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, first_run: bool = False) -> None:
        super().__init__()
        self.first_run = first_run
        self.flags: list[RedFlag] = []  # filled from the saved profile in compose()

    def compose(self) -> ComposeResult:
        coach = self.app.coach
        profile = coach.profile or Profile()
        self.flags = list(profile.red_flags)
        yield AppHeader()
        with VerticalScroll(id="profile"):
            intro = (
                "Welcome. Tell the coach about your application so it asks the questions "
                "you will face (Esc to skip; general questions work without it)."
                if self.first_run
                else "Your profile. Ctrl+S saves."
            )
            yield Static(intro, classes="title")
            with Grid(id="basics"):
                yield Static("Name (optional)")
                # A name is greeted on Home: a paste of a whole answer stops here.
                yield LimitedInput(
                    profile.name or "",
                    what="The name",
                    id="name",
                    placeholder="e.g. Sam",
                    max_length=NAME_MAX,
                )
                yield Static("Applicant type")
                yield SafeSelect(
                    [(APPLICANT_LABELS[t], t) for t in APPLICANT_TYPES],
                    value=profile.applicant_type,
                    allow_blank=False,
                    id="applicant-type",
                )
                yield Static("Specialty")
                yield SafeSelect(
                    [(s.name, s.id) for s in coach.rubrics.specialties.values()],
                    value=profile.specialty,
                    allow_blank=False,
                    id="specialty",
                )
            yield Static("Red flags (select one: Enter edits it, x removes it)", classes="title")
            yield DataTable(id="flags", cursor_type="row")
            yield Static("Add a red flag", classes="title")
            with Grid(id="new-flag"):
                yield Static("Kind")
                yield SafeSelect(
                    [(t.title, t.id) for t in coach.bank.topics.values()],
                    prompt="Choose a red flag",
                    id="flag-kind",
                )
                yield Static("Exam (if any)")
                # Placeholders say "e.g.": plain "Step 1" in grey read as a filled-in value.
                yield LimitedInput(
                    what="The exam", id="flag-exam", placeholder="e.g. Step 1", max_length=FIELD_MAX
                )
                yield Static("Date (YYYY-MM)")
                yield Input(id="flag-date", placeholder="e.g. 2021-06")
                yield Static("From (YYYY-MM)")
                yield Input(id="flag-start", placeholder="e.g. 2022-01")
                yield Static("To (YYYY-MM)")
                yield Input(id="flag-end", placeholder="e.g. 2022-09")
                yield Static("Detail")
                yield LimitedInput(
                    what="The detail",
                    id="flag-detail",
                    placeholder="e.g. passed on second attempt",
                    max_length=DETAIL_MAX,
                )
            with Horizontal(id="profile-buttons"):
                yield Button("Add red flag", id="add-flag")
                yield Button("Save profile", variant="primary", id="save")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Kind", "Exam", "Date", "From", "To", "Detail")
        self._fill_flags()
        self.query_one("#name", Input).focus()
        self.call_after_refresh(self._remember_saved_state)

    def _remember_saved_state(self) -> None:
        self._saved_state = self._state()

    def _state(self) -> tuple:
        """Everything Esc would throw away: the profile as shown and the new-flag form."""
        form = tuple(self.query_one(f"#flag-{key}", Input).value for key in FLAG_FIELDS)
        return (self._profile(self.flags), self.query_one("#flag-kind", Select).value, form)

    def _form_in_use(self) -> bool:
        return self.query_one("#flag-kind", Select).value is not Select.NULL or any(
            self.query_one(f"#flag-{key}", Input).value.strip() for key in FLAG_FIELDS
        )

    def _fill_flags(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for flag in self.flags:
            table.add_row(
                flag.kind,
                flag.exam or "",
                flag.date or "",
                flag.start or "",
                flag.end or "",
                (flag.detail or "")[:30],
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-flag":
            self.add_flag()
        elif event.button.id == "save":
            self.action_save()

    def add_flag(self) -> bool:
        """Move the filled-in form into the list; False (and a message) if it is not valid."""
        kind = self.query_one("#flag-kind", Select).value
        if kind is Select.NULL:
            self.notify("Choose what kind of red flag it is.", severity="warning")
            return False
        values = {
            key: self.query_one(f"#flag-{key}", Input).value.strip() or None for key in FLAG_FIELDS
        }
        candidate = RedFlag(kind=str(kind), **values)
        try:
            self._validated(self._profile([*self.flags, candidate]))
        except UserError as exc:
            self.notify(str(exc).split(": ", 1)[-1], severity="error")
            return False
        self.flags.append(candidate)
        self._fill_flags()
        self.query_one("#flag-kind", Select).clear()
        for key in FLAG_FIELDS:
            self.query_one(f"#flag-{key}", Input).value = ""
        return True

    def action_remove_flag(self) -> None:
        table = self.query_one(DataTable)
        if self.flags and table.has_focus:
            del self.flags[min(table.cursor_row, len(self.flags) - 1)]
            self._fill_flags()

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        if self.flags:
            self.edit_flag()

    def edit_flag(self) -> None:
        """Enter on a red flag: take it out of the list into the form, to change and re-add."""
        if self._form_in_use():
            self.notify("Add or clear the red flag in the form first.", severity="warning")
            return
        table = self.query_one(DataTable)
        flag = self.flags.pop(min(table.cursor_row, len(self.flags) - 1))
        self._fill_flags()
        self.query_one("#flag-kind", Select).value = flag.kind
        for key in FLAG_FIELDS:
            self.query_one(f"#flag-{key}", Input).value = getattr(flag, key) or ""
        self.query_one("#flag-kind", Select).focus()
        self.notify("Editing the red flag: change it, then Add red flag (or Ctrl+S).")

    def _profile(self, flags: list[RedFlag]) -> Profile:
        return Profile(
            applicant_type=str(self.query_one("#applicant-type", Select).value),
            specialty=str(self.query_one("#specialty", Select).value),
            name=self.query_one("#name", Input).value.strip() or None,
            red_flags=tuple(flags),
        )

    def _validated(self, profile: Profile) -> Profile:
        """Round-trip through the file loader: the TUI accepts exactly what the CLI does."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "profile.toml"
            path.write_text(profile_to_toml(profile), encoding="utf-8")
            return self.app.coach.read_profile(path)

    def action_save(self) -> None:
        # A red flag filled in but not added is part of what the user means to save.
        if self._form_in_use() and not self.add_flag():
            return
        try:
            profile = self._validated(self._profile(self.flags))
            self.app.coach.save_profile(profile)
        except UserError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify("Profile saved.")
        close(self)

    def action_leave(self) -> None:
        """Esc: leave, but ask before throwing away changes (a removed flag included)."""
        leave_form(self, self._state() == getattr(self, "_saved_state", None), "the profile")
