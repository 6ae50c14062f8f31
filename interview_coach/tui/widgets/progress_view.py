"""Progress drawn as text: per topic, a row per dimension with first, latest, best and
a sparkline of every answer, numbered underneath; and the plan, one line per topic.

Rich renderables rather than a plot: they lay themselves out to the width they are
given (80 columns or 200), never draw one line over another, and need no legend,
since each row names its dimension. Shared by any screen that shows progress.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from rich.console import Console, ConsoleOptions
from rich.text import Text

from interview_coach.domain.practice_plan import PlanItem
from interview_coach.domain.progress import OVERALL, TopicProgress
from interview_coach.tui.widgets.score_card import LABELS

BLOCKS = "▁▂▃▄▅▆▇█"
LABEL_WIDTH = 18
NUMBERS = " first latest  best  "  # the header over the three score columns
ROWS = {**LABELS, OVERALL: "Overall"}


def level_style(score: int) -> str:
    return "green" if score >= 70 else "yellow" if score >= 40 else "red"


def block(score: int) -> str:
    return BLOCKS[min(len(BLOCKS) - 1, max(0, score) * len(BLOCKS) // 101)]


def axis(first: int, last: int, cell: int) -> str:
    """Answer numbers under the sparkline: the first, every fifth, and the last, each
    placed under its own bar and never running into the next."""
    line = ""
    for number in range(first, last + 1):
        at = (number - first) * cell
        if number not in (first, last) and number % 5:
            continue
        label = str(number)
        if at < len(line) + (1 if line else 0):
            continue  # no room: the previous label would touch it
        if number == last and at + len(label) > (last - first + 1) * cell + 1:
            at = max(len(line) + 1, (last - first + 1) * cell + 1 - len(label))
        line = line.ljust(at) + label
    return line


def short_date(stamp: str) -> str:
    moment = datetime.fromisoformat(stamp)
    return f"{moment.day} {moment.strftime('%b')}"


class TopicChart:
    """One topic: is each dimension getting better? Lays itself out to its width."""

    def __init__(self, progress: TopicProgress, title: str) -> None:
        self.progress, self.title = progress, title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        p = self.progress
        width = options.max_width
        # One column spare: the last answer's number may end one past its bar.
        room = max(8, width - LABEL_WIDTH - len(NUMBERS) - 1)
        shown = min(p.answers, room)
        cell = 2 if shown * 2 <= room else 1
        start = p.answers - shown  # the latest answers when they do not all fit
        plural = "answer" if p.answers == 1 else "answers"
        head = Text(self.title, style="bold")
        head.append(f"  {p.answers} {plural}, {short_date(p.first_at)}")
        if p.answers > 1:
            head.append(f" to {short_date(p.latest_at)}")
        yield _fit(head, width)
        numbers = f"{start + 1}-{p.answers}" if shown > 1 else f"{p.answers}"
        yield _fit(Text(" " * LABEL_WIDTH + NUMBERS + f"answers {numbers}", style="dim"), width)
        for key, label in ROWS.items():
            line = Text(f"{label:<{LABEL_WIDTH}}", style="bold" if key == OVERALL else "")
            line.append(f"{p.first(key):>6}")
            line.append(f"{p.latest(key):>7}", style=level_style(p.latest(key)))
            line.append(f"{p.best(key):>6}  ")
            for score in p.series[key][start:]:
                line.append(block(score).ljust(cell), style=level_style(score))
            yield _fit(line, width)
        ticks = axis(start + 1, p.answers, cell)
        yield _fit(Text(" " * (LABEL_WIDTH + len(NUMBERS)) + ticks, style="dim"), width)


def _fit(text: Text, width: int) -> Text:
    """One line, cut with an ellipsis rather than wrapped into the next row."""
    text.no_wrap = True
    text.overflow = "ellipsis"
    text.truncate(width, overflow="ellipsis")
    return text


def due_words(due: datetime, now: datetime) -> str:
    """``due`` as the plan keeps it (UTC, naive); ``now`` aware. Days by the user's calendar."""
    due = due.replace(tzinfo=UTC).astimezone()
    now = now.astimezone()
    if due <= now:
        return "due now"
    days = (due.date() - now.date()).days
    return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


class PlanLines:
    """The next session: one line per topic, soonest first, with why it is due."""

    def __init__(self, plan: list[PlanItem], titles: dict[str, str], now: datetime) -> None:
        self.plan, self.titles, self.now = plan, titles, now

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        name_width = max((len(self.titles[i.topic]) for i in self.plan), default=0)
        for item in self.plan:
            line = Text(f"  {self.titles[item.topic]:<{name_width}}  ")
            when = due_words(item.due, self.now)
            line.append(f"{when:<12}", style="bold" if when == "due now" else "")
            line.append(item.reason, style="dim")
            yield _fit(line, options.max_width)
