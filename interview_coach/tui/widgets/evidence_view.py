"""The answer with its evidence marked, and why each marked phrase earned or cost points.

Green and red words alone do not teach: the user needs the reason ("reads as
blaming others") and the dimension it counted for. Each quoted sentence is listed
once (the scorer may quote a sentence for two dimensions); moving through the
list with the arrow keys, or clicking a marked phrase in the answer, selects it:
the phrase is shown in reverse in the answer and its reasons appear below.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interview_coach.domain.quotes import shorten
from interview_coach.domain.report_model import Quote, quotes_of
from interview_coach.domain.reports import EFFECT_WORDS, grouped_reasons

EFFECT_STYLE = {"+": "green", "-": "red"}
MARK = {"+": "✔", "-": "✘"}
LIST_QUOTE_CHARS = 70
QUOTE_META = "coach_quote"  # style meta naming the quote a marked span belongs to


def why_text(quote: Quote) -> Text:
    """'✘ cost Acknowledgment points: vague or softened about what happened', per dimension."""
    text = Text()
    for effect, dimension, whys in grouped_reasons(quote):
        if text:
            text.append("\n")
        text.append(f"{MARK[effect]} {EFFECT_WORDS[effect]} ", style=EFFECT_STYLE[effect])
        text.append(dimension, style=f"bold {EFFECT_STYLE[effect]}")
        text.append(f" points: {', '.join(whys)}")
    return text


class AnswerText(Static):
    """The answer, marked; a click on a marked phrase asks for it to be selected."""

    class Picked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    selected: reactive[int | None] = reactive(None)

    def __init__(self, answer: str, quotes: tuple[Quote, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.answer, self.quotes = answer, quotes

    def on_mount(self) -> None:
        self.update(self.marked())

    def watch_selected(self) -> None:
        self.update(self.marked())

    def marked(self) -> Content:
        """Earning spans green, costing spans red, the selected one in reverse.

        Each span carries its quote's index as style meta, read back on a click. (An
        ``@click`` action would do the same but paints every span in the link colour,
        losing the green and red.)
        """
        spans = []
        for index, quote in enumerate(self.quotes):
            if quote.end <= quote.start:
                continue  # quoted from outside the text (should not happen): list only
            look = f"{EFFECT_STYLE[quote.effect]} underline"
            if index == self.selected:
                look = f"bold reverse {EFFECT_STYLE[quote.effect]}"
            style = Style.parse(look) + Style.from_meta({QUOTE_META: index})
            spans.append(Span(quote.start, quote.end, style))
        return Content(self.answer, spans=spans)

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get(QUOTE_META)
        if isinstance(index, int):
            event.stop()
            self.post_message(self.Picked(index))


class EvidenceView(Vertical):
    """The marked answer, the list of quoted phrases, and the reasons of the selected one."""

    DEFAULT_CSS = """
    EvidenceView { height: auto; }
    EvidenceView .section { margin-top: 1; text-style: bold; }
    EvidenceView #answer { border: round $primary 50%; padding: 0 1; }
    EvidenceView #evidence-list { height: auto; max-height: 10; border: round $primary 30%; }
    EvidenceView #evidence-list:focus { border: round $accent; }
    EvidenceView #why { padding: 0 1; min-height: 2; background: $boost; }
    """

    def __init__(self, answer: str, card: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.answer = answer
        self.quotes = quotes_of(card, answer)

    def compose(self) -> ComposeResult:
        yield Static("Your answer (green earned points, red cost points)", classes="section")
        yield AnswerText(self.answer, self.quotes, id="answer")
        if not self.quotes:
            return
        yield Static(
            "Why: pick a phrase with ↑/↓ (Tab to reach the list) or click it above",
            classes="section",
        )
        options = [
            Option(
                Text.assemble(
                    (f"{MARK[q.effect]} ", EFFECT_STYLE[q.effect]),
                    f"“{shorten(q.text, LIST_QUOTE_CHARS)}”",
                ),
                id=str(i),
            )
            for i, q in enumerate(self.quotes)
        ]
        yield OptionList(*options, id="evidence-list")
        yield Static("", id="why")

    def on_mount(self) -> None:
        if self.quotes:
            self.show_quote(0)

    def show_quote(self, index: int) -> None:
        """Show quote ``index``: reverse it in the answer, its reasons below the list."""
        listing = self.query_one("#evidence-list", OptionList)
        if listing.highlighted != index:
            listing.highlighted = index
        self.query_one(AnswerText).selected = index
        why = self.query_one("#why", Static)
        why.update(why_text(self.quotes[index]))
        if listing.has_focus:  # keep the reason in sight as the user moves through
            why.scroll_visible(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index is not None:
            self.show_quote(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter on a phrase selects it; nothing else should happen

    def on_answer_text_picked(self, event: AnswerText.Picked) -> None:
        event.stop()
        self.show_quote(event.index)
        self.query_one("#evidence-list", OptionList).focus()
