"""The menu: what to play (a bank, a chapter, review, or a round to resume) and how."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.game.menu import Menu, MenuItem
from quiz.game.modes import MODES
from quiz.tui.text import joined, plain


class HomeScreen(Screen):
    """Pick on the left, choose a mode on the right, Enter to play.

    It can be painted from a saved menu before the banks have loaded; a choice made then
    waits for the session and runs as soon as it is ready.
    """

    BINDINGS = [Binding("escape", "focus_targets", "Back", show=False)]

    def __init__(self, menu: Menu, session=None, mode: str | None = None):
        super().__init__()
        self.menu = menu
        self.session = session
        self.mode = mode
        self.pending: Callable[[], None] | None = None

    @property
    def items(self) -> list[MenuItem]:
        return self.menu.items

    def compose(self) -> ComposeResult:
        yield Static(plain("Scenario Quiz  ·  learn from documented sources  ·  ? for help"),
                     id="status")
        with Horizontal(id="home-lists"):
            yield OptionList(id="targets")
            yield OptionList(*[Option(joined((m.title, "bold"), f"\n  {m.blurb}"))
                               for m in MODES.values()], id="modes")
        yield Static(id="home-info")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#targets", OptionList).border_title = "Play"
        self.query_one("#modes", OptionList).border_title = "Mode"
        if self.mode in MODES:
            self.query_one("#modes", OptionList).highlighted = list(MODES).index(self.mode)
        self._fill()

    def _fill(self) -> None:
        targets = self.query_one("#targets", OptionList)
        targets.clear_options()
        for item in self.items:
            style = "bold" if item.heading or item.kind != "target" else ""
            targets.add_option(Option(joined((item.label, style))))
        if not self.items:
            self.query_one("#home-info", Static).update(plain("Loading the banks…"))
            return
        first_target = next((n for n, item in enumerate(self.items)
                             if item.kind == "target"), 0)
        targets.highlighted = 0 if self.items[0].kind == "resume" else first_target
        targets.focus()
        self._describe(targets.highlighted)

    def session_ready(self, session, menu: Menu) -> None:
        """The banks have loaded: show the fresh menu and run any choice made meanwhile."""
        self.session = session
        if menu.items != self.menu.items:
            self.menu = menu
            highlighted = self.query_one("#targets", OptionList).highlighted
            self._fill()
            if highlighted is not None and highlighted < len(self.items):
                self.query_one("#targets", OptionList).highlighted = highlighted
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending()

    @on(OptionList.OptionHighlighted, "#targets")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(event.option_index)

    def _describe(self, index: int) -> None:
        if 0 <= index < len(self.items):
            self.query_one("#home-info", Static).update(plain(self.items[index].info))

    @on(OptionList.OptionSelected, "#targets")
    def _target_chosen(self, event: OptionList.OptionSelected) -> None:
        item = self.items[event.option_index]
        if item.kind == "resume":
            self._when_ready(lambda: self._resume(item))
        elif item.kind == "review":
            self._when_ready(lambda: self._start(None, "review"))
        else:
            self.query_one("#modes", OptionList).focus()

    @on(OptionList.OptionSelected, "#modes")
    def _mode_chosen(self, event: OptionList.OptionSelected) -> None:
        if not self.items:
            return
        item = self.items[self.query_one("#targets", OptionList).highlighted or 0]
        mode = list(MODES)[event.option_index]
        self._when_ready(lambda: self._start(item if item.kind == "target" else None, mode))

    def _when_ready(self, action: Callable[[], None]) -> None:
        if self.session is not None:
            action()
        else:
            self.pending = action
            self.query_one("#home-info", Static).update(plain("Loading the banks…"))

    def _start(self, item: MenuItem | None, mode: str) -> None:
        from quiz.game.session import NoQuestions

        bank_id = item.bank_id if item else None
        if bank_id is None and mode != "review":
            self.app.notify("Choose a bank or chapter first.", severity="warning")
            self.query_one("#targets", OptionList).focus()
            return
        try:
            self.session.start(bank_id, item.chapter_id if item else None, mode)
        except NoQuestions as error:
            self.app.notify(str(error).capitalize() + ".", severity="warning")
            return
        self._play()

    def _resume(self, item: MenuItem) -> None:
        from quiz.game.resume import ResumeError

        record = self.session.history.resumable()
        if record is None or record.id != item.round_id:
            self.app.notify("That round is no longer waiting to be resumed.")
            return
        try:
            self.session.resume(record)
        except ResumeError as error:
            self.session.history.discard(record.id)
            self.app.notify(f"That round cannot be resumed: {error}.", severity="warning")
            return
        self._play()

    def _play(self) -> None:
        from quiz.tui.screens.briefing import BriefingScreen
        from quiz.tui.screens.question import QuestionScreen

        round_ = self.session.round
        first = round_.position == 0 and not round_.outcomes
        if round_.mode.name == "campaign" and first:
            self.app.switch_screen(BriefingScreen(self.session))
        else:
            self.app.switch_screen(QuestionScreen(self.session))

    def action_focus_targets(self) -> None:
        self.query_one("#targets", OptionList).focus()
