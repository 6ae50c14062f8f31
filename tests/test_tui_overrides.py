"""Our screens and widgets never replace a Textual method by accident.

``ReviewScreen.remove`` (a delete worker) once replaced ``Widget.remove()``, which
Textual awaits when a screen closes: leaving Review crashed the app every time.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.app import App
from textual.dom import DOMNode
from tui_support import settle

import interview_coach.tui
from interview_coach.tui.app import make_app

# Names we mean to override: class settings and the hooks Textual asks subclasses to define.
INTENDED = {
    "AUTO_FOCUS",
    "BINDINGS",
    "CSS_PATH",
    "DEFAULT_CSS",
    "TITLE",
    "SUB_TITLE",
    "can_focus",
    "can_focus_children",
    "compose",
    "check_action",
}


# Textual attributes our code is meant to set.
ASSIGNABLE = {"display", "disabled", "theme", "title", "sub_title", "can_focus"}


def _our_textual_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(interview_coach.tui.__path__, "interview_coach.tui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if (
                inspect.isclass(cls)
                and cls.__module__ == module.__name__
                and issubclass(cls, (DOMNode, App))
            ):
                found.append(cls)
    return found


# Overrides made on purpose, each with its reason in the class's docstring.
DELIBERATE = {
    "CoachApp.action_quit",  # Ctrl+Q keeps or asks about typed work before quitting
    "SafeSelectOverlay.action_page_up",
    "SafeSelectOverlay.action_page_down",
    "LimitedInput.restricted",  # Textual's hook for a refused edit (it only rings the bell)
}


def _accidental_overrides(cls: type) -> list[str]:
    ours = [c for c in cls.__mro__ if c.__module__.startswith("interview_coach")]
    textual = [c for c in cls.__mro__ if c.__module__.startswith("textual")]
    clashes = []
    for mine in ours:
        for name in vars(mine):
            if name.startswith("_") or name in INTENDED:
                continue
            if f"{mine.__name__}.{name}" in DELIBERATE:
                continue
            if any(name in vars(base) for base in textual):
                clashes.append(f"{mine.__name__}.{name}")
    return clashes


@pytest.mark.parametrize("cls", _our_textual_classes(), ids=lambda c: c.__name__)
def test_no_textual_method_is_replaced_by_accident(cls):
    assert _accidental_overrides(cls) == []


def test_the_check_catches_the_review_crash():
    from textual.screen import Screen

    class Broken(Screen):
        def remove(self):  # the shape of the old bug
            return None

    Broken.__module__ = "interview_coach.tui.screens.broken"
    assert _accidental_overrides(Broken) == ["Broken.remove"]


@pytest.mark.parametrize("history", [False, True], ids=["empty", "with-answers"])
async def test_leaving_review_returns_home_and_the_app_keeps_running(
    data_home, profile_file, history
):
    app = make_app(profile_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        if history:
            card = app.coach.score("I did not pass Step 1 in June 2021.", "exam_failure")
            app.coach.save(card, "I did not pass Step 1 in June 2021.")
        await pilot.press("r")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert app.is_running and app.return_code is None


def test_no_private_textual_attribute_is_assigned_by_our_code():
    """``screen._closing = True`` (meant as "on its way out") hit Textual's own pump flag
    and froze the app: our code must not assign any attribute a Textual class has."""
    import ast
    from pathlib import Path

    from textual.screen import Screen
    from textual.widget import Widget

    textual_names = set()
    for base in (*Screen.__mro__, *Widget.__mro__, *App.__mro__):
        textual_names |= set(vars(base))
    for probe in (Screen(), App()):
        textual_names |= set(vars(probe))
    assert "_closing" in textual_names  # the name that froze the app
    clashes = []
    for path in Path(interview_coach.tui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                owner = node.value
                ours = isinstance(owner, ast.Name) and owner.id in ("self", "screen", "app")
                if ours and node.attr in textual_names and node.attr not in ASSIGNABLE:
                    clashes.append(f"{path.name}: {owner.id}.{node.attr}")
    assert clashes == []
