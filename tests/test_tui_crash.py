"""A bug that escapes makes the app exit non-zero, leaves a report without the user's
answers in the data folder, and prints one line saying where it is."""

from __future__ import annotations

import pytest
from tui_support import settle

from interview_coach.tui.app import make_app
from interview_coach.tui.screens.practice_screen import PracticeScreen

SECRET = "I was on leave for depression in 2020 and took sertraline"


def explode(self, *args, **kwargs):
    answer = self.query_one("#answer-text").text  # a local holding the answer  # noqa: F841
    raise RuntimeError("boom in the practice screen")


async def test_an_uncaught_exception_leaves_a_crash_report_without_answers(
    data_home, profile_file, monkeypatch
):
    monkeypatch.setattr(PracticeScreen, "action_next_question", explode)
    app = make_app(profile_file)
    with pytest.raises(RuntimeError, match="boom"):
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("p")
            await settle(app, pilot)
            app.screen.query_one("#answer-text").insert(SECRET)
            await pilot.press("ctrl+n")
            await pilot.pause()
    assert app.return_code == 1
    [report] = (data_home / "crash-reports").glob("crash-*.txt")
    assert app.crash_report == report
    text = report.read_text()
    assert "RuntimeError: boom in the practice screen" in text
    assert "HomeScreen > PracticeScreen" in text and "80x24" in text
    assert "answers included: no" in text
    assert SECRET not in text and "sertraline" not in text
    assert (report.stat().st_mode & 0o777) == 0o600


def test_the_command_exits_non_zero_with_a_one_line_hint(
    data_home, profile_file, monkeypatch, capsys
):
    import interview_coach.tui.app as app_module

    class CrashingApp(app_module.CoachApp):
        def on_mount(self) -> None:
            raise RuntimeError("boom at start")

        def run(self, **kwargs):
            return super().run(headless=True, size=(80, 24))

    monkeypatch.setattr(app_module, "make_app", lambda **kwargs: CrashingApp(profile_file))
    code = app_module.run()
    assert code == 1
    hint = [line for line in capsys.readouterr().err.splitlines() if "stopped because" in line]
    assert len(hint) == 1
    report = next((data_home / "crash-reports").glob("crash-*.txt"))
    assert str(report) in hint[0]
