"""The source view: everything a question's sources record, a key away from feedback."""

from __future__ import annotations

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.model.common import Source
from quiz.tui.text import plain


def source_details(source: Source) -> Table:
    """Outlet, title, date, author, kind, link and note, one labelled row each."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    grid.add_row("Outlet", plain(source.outlet))
    grid.add_row("Title", plain(source.title))
    grid.add_row("Date", plain(source.date))
    grid.add_row("Author", plain(source.author) if source.author else _missing("not printed"))
    grid.add_row("Kind", plain(source.kind.capitalize()) if source.kind
                 else _missing("not recorded"))
    grid.add_row("Link", plain(source.url, style=Style(link=source.url, underline=True))
                 if source.url else _missing("none recorded"))
    if source.note:
        grid.add_row("Note", plain(source.note))
    return grid


def _missing(text: str) -> Text:
    return Text(text, style="italic")


class SourceScreen(ModalScreen[None]):
    """A question's sources in full: what the learner needs to judge them."""

    BINDINGS = [Binding("escape,s,enter,space", "close", "Close")]

    def __init__(self, sources: list[Source]):
        super().__init__()
        self.sources = sources

    def compose(self) -> ComposeResult:
        parts: list = []
        for number, source in enumerate(self.sources, start=1):
            if len(self.sources) > 1:
                parts.append(Text(f"Source {number} of {len(self.sources)}",
                                  style="bold underline"))
            parts.append(source_details(source))
            parts.append(Text())
        parts.append(Text("Escape or S closes this view.", style="italic"))
        with VerticalScroll(classes="dialog", id="source-view") as view:
            view.border_title = "Sources" if len(self.sources) > 1 else "Source"
            yield Static(Group(*parts))

    def on_mount(self) -> None:
        self.query_one("#source-view").focus()

    def action_close(self) -> None:
        self.dismiss(None)
