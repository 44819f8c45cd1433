"""Modal dialogs: the help screen and the quit confirmation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
Scenario Quiz: keys

Anywhere
  ?             this help
  Ctrl+Q        quit (asks first; a round is saved)
  Ctrl+P        command palette: themes and more

Menu
  ↑ ↓  Tab      choose what to play, then a mode
  Enter         start

Questions
  1-9 or A-I    pick a choice
  T / F         true or false
  ↑ ↓  Enter    pick with the arrows
  Space         tick a choice (select all that apply)
  Shift+↑ ↓     move an item (ordering); K / J too
  Enter         submit a selection, an order or a number
  Enter/Space   after feedback: next question

The mouse works too. Escape or ? closes this help."""


class HelpScreen(ModalScreen[None]):
    """Every key, on one screen."""

    BINDINGS = [Binding("escape,question_mark,enter", "dismiss_help", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(HELP, markup=False)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)


class ConfirmQuit(ModalScreen[bool]):
    """Quit only on purpose."""

    BINDINGS = [Binding("y", "answer(True)", "Yes, quit"),
                Binding("n,escape", "answer(False)", "No, keep playing")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Quit Scenario Quiz?\n\nA round in progress is saved, and you can "
                         "resume it from the menu next time.\n\n[Y] Yes, quit    "
                         "[N] No, keep playing", markup=False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
