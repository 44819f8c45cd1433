"""Modal dialogs: help, yes/no confirmations (quit, leave a round, discard it), too small."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

MIN_WIDTH, MIN_HEIGHT = 60, 20
"""The smallest terminal the screens are laid out for; below it the game says so."""

HELP_KEYS = {
    "Anywhere": [("? F1", "this help"), ("Ctrl+Q", "quit (asks first)"),
                 ("Ctrl+P", "themes and more")],
    "Menu": [("↑↓ Tab", "choose; Tab: modes"), ("Enter", "start"),
             ("P", "your progress"), ("Delete", "drop a saved round")],
    "After answering": [("Enter", "next question"), ("S", "the source in full"),
                        ("↑↓ PgDn", "scroll the feedback")],
    "Questions": [("1-9 A-I", "pick a choice"), ("T / F", "true or false"),
                  ("↑↓ Enter", "pick with the arrows"), ("Space", "tick (select all)"),
                  ("Shift+↑↓", "move an item (or K/J)"), ("Enter", "submit ticks or order"),
                  ("Escape", "leave; the round is saved")],
    "Over 9 choices": [("type 12", "jump to choice 12"), ("Enter", "pick it")],
    "Matching": [("↑↓ 1-9", "pick an item"), ("A-Z", "its match; ←→ cycle"),
                 ("Backspace", "clear its match"), ("Enter", "send the matches")],
}
HELP_COLUMNS = (("Anywhere", "Menu", "After answering"),
                ("Questions", "Over 9 choices", "Matching"))


def help_table() -> Table:
    """The keys in two columns, so the help fits 80×24."""
    outer = Table.grid(padding=(0, 2, 0, 0), expand=True)
    for _ in HELP_COLUMNS:
        outer.add_column(ratio=1)
    columns = []
    for sections in HELP_COLUMNS:
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column()
        for section in sections:
            grid.add_row(Text(section, style="bold underline"), "")
            for keys, what in HELP_KEYS[section]:
                grid.add_row(" " + keys, what)
        columns.append(grid)
    outer.add_row(*columns)
    return outer


class HelpScreen(ModalScreen[None]):
    """Every key, on one screen; it says so when a small terminal makes it scroll."""

    BINDINGS = [Binding("escape,question_mark,f1,enter", "dismiss_help", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help") as dialog:
            dialog.border_title = "Scenario Quiz: keys"
            yield Static(help_table())
            yield Static(Text("The mouse works too. Escape, ? or F1 closes this help.",
                              style="italic"))

    def on_mount(self) -> None:
        self.call_after_refresh(self._say_if_it_scrolls)

    def on_resize(self) -> None:
        self.call_after_refresh(self._say_if_it_scrolls)

    def _say_if_it_scrolls(self) -> None:
        dialog = self.query_one("#help", VerticalScroll)
        dialog.border_subtitle = "↓ scroll for more" if dialog.max_scroll_y > 0 else ""
        dialog.focus()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question: Enter on the focused button, Y or N, or a click decides."""

    BINDINGS = [Binding("y,Y", "answer(True)", "Yes", show=False),
                Binding("n,N,escape", "answer(False)", "No", show=False),
                Binding("left", "app.focus_previous", show=False),
                Binding("right", "app.focus_next", show=False)]

    def __init__(self, question: str, detail: str, yes: str, no: str):
        super().__init__()
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(Text(self.question, style="bold"))
            yield Static(Text(self.detail), classes="confirm-detail")
            with Horizontal(classes="confirm-buttons"):
                yield Button(Text(f"Y  {self.yes}"), id="yes", variant="primary")
                yield Button(Text(f"N  {self.no}"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ConfirmQuit(Confirm):
    """Quit only on purpose."""

    def __init__(self):
        super().__init__("Quit Scenario Quiz?", "A round in progress is saved: resume it "
                         "from the menu next time.", "Yes, quit", "No, keep playing")


class ConfirmLeave(Confirm):
    """Leave a round for the menu; it stays saved and listed there."""

    def __init__(self):
        super().__init__("Leave this round?", "It is saved: resume it from the menu "
                         "whenever you like.", "Yes, leave", "No, stay")


class TooSmall(Screen):
    """Shown instead of a clipped layout while the terminal is below the smallest size."""

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.refresh_message()

    def on_resize(self) -> None:
        self.refresh_message()

    def refresh_message(self) -> None:
        width, height = self.app.size
        self.query_one("#too-small", Static).update(Text(
            f"Make the terminal at least {MIN_WIDTH}×{MIN_HEIGHT} to play "
            f"(it is {width}×{height} now). Ctrl+Q quits.", justify="center"))
