"""After a mock interview: every answer in a table; Enter opens its full card."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from interview_coach.tui.screens.closing import close


def counted_results(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One result per question: a follow-up's combined card replaces the answer it follows."""
    counted: list[dict[str, Any]] = []
    for result in results:
        if result["follow_up"] and counted:
            counted[-1] = result
        else:
            counted.append(result)
    return counted


class MockSummaryScreen(Screen):
    CSS_PATH = "mock_summary_screen.tcss"
    BINDINGS = [
        Binding("escape", "leave", "Home"),
        Binding("enter", "open", "Open card", show=True),
    ]

    def __init__(self, results: list[dict[str, Any]]) -> None:
        super().__init__()
        self.results = results

    def compose(self) -> ComposeResult:
        yield Header()
        counted = counted_results(self.results)
        if counted:
            mean = sum(r["card"]["overall"] for r in counted) / len(counted)
            text = (
                f"Mock interview: {len(counted)} question{'s' if len(counted) != 1 else ''}, "
                f"mean overall {mean:.0f}/100 "
                "(a question with a follow-up counts as the two answers together)."
            )
        else:
            text = "Mock interview ended before any answer."
        yield Static(text, classes="title", id="summary")
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Question", "Overall", "Ack", "Non-def", "Action", "Tie")
        for number, result in enumerate(self.results, 1):
            dims = result["card"]["dimensions"]
            label = ("  ↳ " if result["follow_up"] else "") + result["question"]
            table.add_row(
                str(number),
                label[:60],
                str(result["card"]["overall"]),
                *(
                    dims[d]["level"]
                    for d in (
                        "acknowledgment",
                        "non_defensiveness",
                        "corrective_action",
                        "tie_back",
                    )
                ),
                key=str(number - 1),
            )
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.results:
            self._open(table.cursor_row)

    def _open(self, index: int) -> None:
        from interview_coach.tui.screens.card_screen import CardScreen

        result = self.results[index]
        self.app.push_screen(
            CardScreen(
                result["card"], result["answer"], delivery=result.get("delivery"), actions=False
            )
        )

    def action_leave(self) -> None:
        close(self)
