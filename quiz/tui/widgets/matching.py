"""The matching answer: for each left-hand item, pick its match by letter, keyboard only."""

from __future__ import annotations

import string

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.tui.messages import AnswerGiven
from quiz.tui.text import hanging, plain

LETTERS = string.ascii_uppercase


def matching_hint(items: int, matches: int) -> str:
    """The keys, as the widget reads them, for this many items and matches."""
    rows = f"1–{items}" if items <= 9 else "↑↓"
    return (f"↑↓ or {rows}: item · A–{LETTERS[matches - 1]}: its match (←→ cycle, Backspace "
            "clears) · Enter sends")


class MatchingAnswer(Horizontal):
    """The items on the left, each with the letter of the match picked for it; the lettered
    matches on the right. A letter matches the highlighted item and moves on to the next
    one still unmatched; Enter sends once every item has a match (or on a second Enter)."""

    # A widget both the solo game and the classroom's student app use, so its look
    # travels with it; each app's stylesheet sets the heights.
    DEFAULT_CSS = """
    MatchingAnswer #matching-items, MatchingAnswer #matching-choices {
        width: 1fr;
        border: round $primary;
        border-title-color: $foreground;
    }
    MatchingAnswer #matching-choices {
        border: round $panel-lighten-2;
    }
    """

    BINDINGS = [
        Binding("left", "cycle(-1)", "Previous match", show=False),
        Binding("right", "cycle(1)", "Next match", show=False),
        Binding("backspace,delete", "clear", "Clear match", show=False),
        Binding("enter", "submit", "Send", priority=True),
    ]

    def __init__(self, items: list[str], matches: list[str], *, id: str | None = None):
        super().__init__(id=id)
        self.items = items
        self.matches = matches
        self.picked: list[int | None] = [None] * len(items)
        """Per item, the shown position of its match, or None."""
        self._warned = False

    def compose(self) -> ComposeResult:
        left = OptionList(*[Option(self._item_prompt(n)) for n in range(len(self.items))],
                          id="matching-items")
        left.border_title = "Items"
        yield left
        right = OptionList(*[Option(self._match_prompt(n)) for n in range(len(self.matches))],
                           id="matching-choices")
        right.border_title = "Matches"
        right.can_focus = False  # a click picks; the keys stay on the items
        yield right

    def _item_prompt(self, index: int):
        width = len(str(len(self.items)))
        pick = self.picked[index]
        match = (hanging(Text(f"→ {LETTERS[pick]}. ", style="bold"), self.matches[pick])
                 if pick is not None else Text("→ ?", style="bold"))
        return hanging(Text(f"{index + 1:>{width}}. ", style="bold"),
                       Group(plain(self.items[index]), match))

    def _match_prompt(self, position: int):
        return hanging(Text(f"{LETTERS[position]}. ", style="bold"), plain(self.matches[position]))

    @property
    def listing(self) -> OptionList:
        return self.query_one("#matching-items", OptionList)

    def on_mount(self) -> None:
        self.listing.highlighted = 0
        self.listing.focus()
        # A highlight on the matches would read as a choice made; they are only a list.
        self.query_one("#matching-choices", OptionList).highlighted = None

    def focus(self, scroll_visible: bool = True):
        """Focus goes to the items, where the keys are read."""
        if self.is_mounted and self.query("#matching-items"):
            self.listing.focus(scroll_visible)
        return self

    def on_key(self, event) -> None:
        key = (event.character or "").upper()
        if key and key in LETTERS[:len(self.matches)]:
            event.stop()
            self.pick(LETTERS.index(key))
        elif key.isdigit() and 1 <= int(key) <= min(9, len(self.items)):
            event.stop()
            self.listing.highlighted = int(key) - 1

    def pick(self, position: int | None, *, advance: bool = True) -> None:
        """Match the highlighted item with the shown match at `position` (None clears)."""
        here = self.listing.highlighted
        if here is None:
            return
        self.picked[here] = position
        if self._warned:  # the warning was about the gaps; the player is filling them
            self._warned = False
            self.app.clear_notifications()
        self.listing.replace_option_prompt_at_index(here, self._item_prompt(here))
        if advance and position is not None:
            following = [n for n in range(here + 1, len(self.items)) if self.picked[n] is None]
            following = following or [n for n in range(here) if self.picked[n] is None]
            if following:
                self.listing.highlighted = following[0]

    def action_cycle(self, step: int) -> None:
        here = self.listing.highlighted
        if here is None:
            return
        current = self.picked[here]
        start = -1 if current is None and step > 0 else (0 if current is None else current)
        self.pick((start + step) % len(self.matches), advance=False)

    def action_clear(self) -> None:
        self.pick(None)

    def action_submit(self) -> None:
        missing = [n + 1 for n, pick in enumerate(self.picked) if pick is None]
        if missing and not self._warned:
            self._warned = True
            self.listing.highlighted = missing[0] - 1
            count = "1 item has" if len(missing) == 1 else f"{len(missing)} items have"
            self.app.notify(f"{count} no match yet. Pick a letter for each, or press Enter "
                            "again to send as it is.", severity="warning")
            return
        if self._warned:  # sent as it is: the warning has had its answer
            self.app.clear_notifications()
        self.post_message(AnswerGiven(list(self.picked)))

    @on(OptionList.OptionSelected, "#matching-items")
    def _item_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter sends (a priority key); a click only highlights

    @on(OptionList.OptionSelected, "#matching-choices")
    def _match_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option_index)
        event.option_list.highlighted = None
        self.listing.focus()
