"""Closing a screen exactly once.

A second key or click can reach a screen that is already on its way out (Ctrl+S
twice on a form, y y on a dialog, r n on a card). Dismissing it again finished
its result a second time (``InvalidStateError``, a crash) or popped the screen
underneath; the random-key test found both. Screens close through here.

The screens on their way out are kept in a weak set, not in an attribute:
``Screen._closing`` already exists in Textual (its message pump's shutdown flag),
and setting it froze the app.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakSet

from textual.screen import Screen

_closing: WeakSet[Screen] = WeakSet()


def is_closing(screen: Screen) -> bool:
    return screen in _closing


def close(screen: Screen, result: Any = None) -> bool:
    """Dismiss ``screen`` with ``result`` unless it is already closing; True if it closed."""
    if screen in _closing:
        return False
    _closing.add(screen)
    screen.dismiss(result)
    return True


def replace(screen: Screen, new_screen: Screen) -> bool:
    """Switch from ``screen`` to ``new_screen`` once (the mock's end -> its summary)."""
    if screen in _closing:
        return False
    _closing.add(screen)
    screen.app.switch_screen(new_screen)
    return True


def leave_form(screen: Screen, unchanged: bool, what: str) -> None:
    """Esc on a form: close it, but first ask when it has changes that were not saved
    (``what``: "the profile", "the settings")."""
    if unchanged:
        close(screen)
        return
    from interview_coach.tui.screens.confirm_modal import ConfirmModal

    def answer(yes: bool | None) -> None:
        if yes:
            close(screen)

    screen.app.push_screen(
        ConfirmModal(
            f"Leave without saving your changes to {what}? Ctrl+S saves them.",
            yes_label="Discard changes (y)",
            no_label="Keep editing (n)",
        ),
        answer,
    )
