"""Answer widgets: choices (single, multiple, true/false), ordering, numbers and typed text."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList
from textual.widgets.option_list import Option

from quiz.safety.terminal import visible
from quiz.tui.messages import AnswerGiven
from quiz.tui.text import hanging, plain

KEYS = "123456789"
LETTERS = "abcdefghi"
TYPING_PAUSE = 1.5
"""Seconds after which digits typed into a long list start a new number."""


def choice_hint(count: int, multi: bool) -> str:
    """The keys that pick from a list of this many choices, as the widget reads them."""
    if count <= len(KEYS):
        keys = f"1–{count} or A–{LETTERS[count - 1].upper()}"
        if multi:
            return f"{keys} or Space ticks each right choice; Enter submits"
        return f"Press {keys}, or use the arrows and Enter"
    if multi:
        return f"Type a number 1–{count} to jump, Space to tick; Enter submits"
    return f"Type a number 1–{count} to jump to it, then Enter; or arrows and Enter"


class ChoiceAnswer(OptionList):
    """Pick with 1–9 or a–i, arrows and Enter, or the mouse. With `multi`, Space or a
    number toggles a choice and Enter submits the set. A list longer than nine takes
    typed numbers instead: `4`, `9` highlights choice 49, and Enter picks it."""

    BINDINGS = [Binding("space", "toggle", "Toggle", show=False)]

    def __init__(self, labels: list[str], *, multi: bool = False, id: str | None = None):
        self.labels = labels
        self.multi = multi
        self.chosen: set[int] = set()
        self.typed = ""
        self._typed_at = 0.0
        super().__init__(*[Option(self._prompt(i)) for i in range(len(labels))], id=id)

    @property
    def direct(self) -> bool:
        """Short lists answer on one key; long ones take typed numbers."""
        return len(self.labels) <= len(KEYS)

    def _prompt(self, index: int):
        width = len(str(len(self.labels)))
        mark = ("[x] " if index in self.chosen else "[ ] ") if self.multi else ""
        return hanging(Text(f"{index + 1:>{width}}. {mark}", style="bold"),
                       plain(self.labels[index]))

    def on_mount(self) -> None:
        self.highlighted = 0

    def on_key(self, event) -> None:
        key = event.character or ""
        if not self.direct:
            if key.isdigit():
                event.stop()
                self._type_digit(key)
            elif event.key == "enter" and self.multi:
                event.stop()
                self.post_message(AnswerGiven(sorted(self.chosen)))
            return
        index = KEYS.find(key) if key in KEYS else LETTERS.find(key.lower()) if key else -1
        if key and 0 <= index < len(self.labels):
            event.stop()
            self.highlighted = index
            self._pick(index)
        elif event.key == "enter" and self.multi:
            event.stop()
            self.post_message(AnswerGiven(sorted(self.chosen)))

    def _type_digit(self, digit: str) -> None:
        now = time.monotonic()
        typed = (self.typed if now - self._typed_at < TYPING_PAUSE else "") + digit
        if not 1 <= int(typed) <= len(self.labels):
            typed = digit if 1 <= int(digit) <= len(self.labels) else ""
        self.typed, self._typed_at = typed, now
        if typed:
            self.highlighted = int(typed) - 1

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def action_toggle(self) -> None:
        if self.multi and self.highlighted is not None:
            self._pick(self.highlighted)

    def _pick(self, index: int) -> None:
        if not self.multi:
            self.post_message(AnswerGiven(index))
            return
        self.chosen ^= {index}
        self.replace_option_prompt_at_index(index, self._prompt(index))


class OrderingAnswer(Vertical):
    """Move the highlighted item with Shift+↑/↓ (or K/J, or the buttons); Enter submits."""

    BINDINGS = [
        Binding("shift+up,k,K", "move(-1)", "Up"),
        Binding("shift+down,j,J", "move(1)", "Down"),
        Binding("enter", "submit", "Submit", priority=True),
    ]

    def __init__(self, labels: list[str], *, id: str | None = None):
        super().__init__(id=id)
        self.labels = labels
        self.arrangement = list(range(len(labels)))

    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(self._prompt(n)) for n in range(len(self.labels))],
                         id="ordering-list")
        with Horizontal(id="ordering-buttons"):
            yield Button("▲ Up", id="move-up")
            yield Button("▼ Down", id="move-down")
            yield Button("Submit", id="submit", variant="primary")

    def _prompt(self, position: int):
        return hanging(Text(f"{position + 1}. ", style="bold"),
                       plain(self.labels[self.arrangement[position]]))

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = 0
        listing.focus()

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        here = listing.highlighted
        there = (here or 0) + step
        if here is None or not 0 <= there < len(self.arrangement):
            return
        order = self.arrangement
        order[here], order[there] = order[there], order[here]
        for position in (here, there):
            listing.replace_option_prompt_at_index(position, self._prompt(position))
        listing.highlighted = there

    def action_submit(self) -> None:
        self.post_message(AnswerGiven(list(self.arrangement)))

    @on(OptionList.OptionSelected)
    def _ignore_select(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click only highlights; Enter or the button submits

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "submit":
            self.action_submit()
        else:
            self.action_move(-1 if event.button.id == "move-up" else 1)
            self.query_one(OptionList).focus()


class NumericAnswer(Input):
    """Type a number and press Enter."""

    def __init__(self, unit: str | None, *, id: str | None = None):
        hint = (f"Type a number in {visible(unit)}, then Enter" if unit
                else "Type a number, then Enter")
        super().__init__(placeholder=hint, type="number", id=id)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """A number never holds `?`, so it stays the help key here too."""
        return character != "?" and super().check_consume_key(key, character)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = float(event.value)
        except ValueError:
            self.app.notify("That is not a number; type digits such as 2000 or 2.5.",
                            severity="warning")
            return
        self.post_message(AnswerGiven(value))


class TypedAnswer(Input):
    """Type the answer and press Enter. An answer can hold `?`, so help is F1 here."""

    def __init__(self, *, id: str | None = None):
        from quiz.model.questions import MAX_TYPED

        super().__init__(placeholder="Type your answer, then Enter", max_length=MAX_TYPED,
                         id=id)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.app.notify("Type your answer first, then press Enter.", severity="warning")
            return
        self.post_message(AnswerGiven(event.value))
