"""Pieces both classroom apps use: answer widgets by kind, the timer, and bar charts."""

from __future__ import annotations

import functools
import time

from rich.text import Text
from textual.app import App
from textual.css.query import NoMatches
from textual.widgets import Static

from quiz.tui.text import PlainNotifications, joined, plain
from quiz.tui.widgets.answers import (
    ChoiceAnswer,
    NumericAnswer,
    OrderingAnswer,
    TypedAnswer,
    choice_hint,
)
from quiz.tui.widgets.matching import MatchingAnswer, matching_hint

HINTS = {
    "true_false": "T or 1 for true, F or 2 for false",
    "single_choice": "Press a number, or use the arrows and Enter",
    "multiple_select": "Space or a number ticks a choice; Enter sends them all",
    "ordering": "Shift+↑/↓ or K/J moves the highlighted item; Enter sends",
    "numeric": "Type the number, then Enter",
    "short_answer": "Type your answer, then Enter",
    "decision": "Your decision (not marked): press a number, or use the arrows and Enter",
    "predict": "Your forecast: press a number, or use the arrows and Enter; then how sure",
}


def hint_for(kind: str, choices: list[str] | None, items: list[str] | None = None) -> str:
    """The keys for this question; lists longer than nine take a typed number and Enter."""
    if kind == "matching" and items and choices:
        return matching_hint(len(items), len(choices))
    if kind in ("single_choice", "multiple_select") and choices and len(choices) > 9:
        return choice_hint(len(choices), multi=kind == "multiple_select")
    return HINTS.get(kind, "")


def unless_closing(method):
    """Skip a server message or a timer tick that lands while the app is closing: its
    widgets are already gone, and there is nothing left to show it on."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except NoMatches:
            return None

    return guarded


class SessionApp(PlainNotifications, App):
    """What the student's and the teacher's apps share: the stylesheet, a session
    client (set as `self.client`), server messages dispatched to `on_server_<type>`, the
    connection banner and the timer line."""

    CSS_PATH = "classroom.tcss"
    countdown: Countdown | None = None

    async def on_unmount(self) -> None:
        await self.client.stop()

    @unless_closing
    def received(self, message) -> None:
        handler = getattr(self, f"on_server_{message.type}", None)
        if handler is not None:
            handler(message)
        self.refresh_status()

    @unless_closing
    def connection_note(self, note: str) -> None:
        self.query_one("#connection", Static).update(plain(note))
        self.query_one("#connection").set_class(bool(note), "shown")

    @unless_closing
    def tick(self) -> None:
        self.query_one("#timer", Static).update(self.countdown.bar() if self.countdown else "")

    def refresh_status(self) -> None:
        raise NotImplementedError


def answer_widget(kind: str, labels: list[str], unit: str | None,
                  items: list[str] | None = None):
    if kind == "true_false":
        return ChoiceAnswer(["True", "False"])
    if kind == "multiple_select":
        return ChoiceAnswer(labels, multi=True)
    if kind == "ordering":
        return OrderingAnswer(labels)
    if kind == "numeric":
        return NumericAnswer(unit)
    if kind == "short_answer":
        return TypedAnswer()
    if kind == "matching":
        return MatchingAnswer(items or [], labels)
    return ChoiceAnswer(labels)


def wire_value(kind: str, shown):
    """What the widget gave, as the protocol's answer value."""
    if kind == "true_false":
        return shown == 0 if isinstance(shown, int) else bool(shown)
    return shown


class Countdown:
    """The server's remaining time, counted down locally from when it was received."""

    def __init__(self, seconds: float, limit: float):
        self.deadline = time.monotonic() + seconds
        self.limit = limit
        self.frozen: float | None = None

    def left(self) -> float:
        if self.frozen is not None:
            return self.frozen
        return max(0.0, self.deadline - time.monotonic())

    def freeze(self, left: float | None = None) -> None:
        self.frozen = self.left() if left is None else left

    def bar(self, width: int = 30) -> Text:
        left = self.left()
        filled = round(width * (left / self.limit)) if self.limit else 0
        style = "bold red" if left < 5 else "bold"
        return joined((f"⏱ {left:4.1f}s ", style), ("█" * filled, style),
                      ("░" * (width - filled), "dim"))


def bar_chart(labels: list[str], counts: list[int], right: set[int], width: int = 60, *,
              mark: str = "✔", colours: tuple[str, str] = ("green", "red")) -> Text:
    """One line per choice: label, bar, count, and a tick on the right answer(s), in
    `width` columns: labels get what the bars do not need, and are cut only then. A
    decision's chart marks what happened (`◆`) and colours no option as wrong."""
    most = max(counts, default=0) or 1
    digits = len(str(max(counts, default=0)))
    longest = max((len(label) for label in labels), default=0)
    label_width = max(8, min(longest, width - 4 - 1 - 10 - 1 - digits - 2))
    bar_width = max(4, width - 4 - label_width - 1 - 1 - digits - 2)
    lines = []
    for index, label in enumerate(labels):
        count = counts[index] if index < len(counts) else 0
        bar = "█" * round(bar_width * count / most)
        sign = (f" {mark}", f"bold {colours[0]}") if index in right else ("", "")
        short = label if len(label) <= label_width else label[:label_width - 1] + "…"
        lines.append(joined((f"{index + 1}. ", "bold"), plain(f"{short:<{label_width}} "),
                            (bar, colours[0] if index in right else colours[1]), f" {count}",
                            sign))
    return Text("\n").join(lines)


MEDALS = ["🥇", "🥈", "🥉"]


def leaderboard(top: list[tuple[str, int]], limit: int = 10) -> Text:
    """Places by score (ties share a place); medals for the first three places, but
    never for 0 points."""
    lines, place = [], 0
    for n, (name, score) in enumerate(top[:limit]):
        if n == 0 or score != top[n - 1][1]:
            place = n + 1
        badge = MEDALS[place - 1] if place <= 3 and score > 0 else f"{place:>2}."
        lines.append(joined((f"{badge} ", "bold"), plain(name), (f"  {score}", "bold")))
    return Text("\n").join(lines) if lines else plain("(no scores yet)")


def plural(count: int, noun: str) -> str:
    """`1 student`, `2 students`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
