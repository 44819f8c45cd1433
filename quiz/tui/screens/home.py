"""The menu: what to play (a bank, a chapter, review, or a round to resume) and how."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.game.menu import Menu, MenuItem
from quiz.game.modes import MODES
from quiz.game.names import counted
from quiz.tui.text import hanging, joined, plain


class HomeScreen(Screen):
    """Pick on the left, choose a mode on the right, Enter to play.

    It can be painted from a saved menu before the banks have loaded; a choice made then
    waits for the session and runs as soon as it is ready.
    """

    BINDINGS = [Binding("escape", "focus_targets", "Back", show=False),
                Binding("p", "progress", "Progress"),
                Binding("delete", "discard", "Discard round", show=False)]

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
            yield OptionList(*[Option(Group(Text(m.title, style="bold"), hanging("  ", m.blurb)))
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
            targets.add_option(Option(menu_line(item)))
        if not self.items:
            self.query_one("#home-info", Static).update(plain("Loading the banks…"))
            return
        targets.highlighted = self._first_for_mode() or self._default_highlight()
        targets.focus()
        self._describe(targets.highlighted)

    def _default_highlight(self) -> int:
        """A round to resume if there is one, else the first bank or chapter."""
        if self.items and self.items[0].kind == "resume":
            return 0
        return next((n for n, item in enumerate(self.items) if item.kind == "target"), 0)

    def _first_for_mode(self) -> int | None:
        """With a mode chosen on the command line that plays only some types (Predict,
        Timeline), the first bank or chapter that has them."""
        mode = MODES.get(self.mode or "")
        if mode is None or not mode.only_types or self.session is None:
            return None
        library = self.session.library
        for index, item in enumerate(self.items):
            if item.kind != "target" or item.bank_id is None:
                continue
            try:
                questions = (library.chapter(item.bank_id, item.chapter_id).questions
                             if item.chapter_id else
                             [q for _, q in library.bank(item.bank_id).all_questions()])
            except (LookupError, StopIteration):  # a painted line, its bank gone
                continue
            if any(q.type in mode.only_types for q in questions):
                return index
        return None

    def session_ready(self, session, menu: Menu) -> None:
        """The banks have loaded: show the fresh menu and run any choice made meanwhile."""
        self.session = session
        targets = self.query_one("#targets", OptionList)
        untouched = targets.highlighted == self._default_highlight()
        if menu.items != self.menu.items:
            self.menu = menu
            highlighted = targets.highlighted
            self._fill()
            if highlighted is not None and highlighted < len(self.items):
                targets.highlighted = highlighted
        pick = self._first_for_mode()
        if untouched and pick is not None:  # the painted menu could not know the types
            targets.highlighted = pick
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
        elif item.kind == "progress":
            self.action_progress()
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
            round_ = self.session.start(bank_id, item.chapter_id if item else None, mode)
        except NoQuestions as error:
            self.app.notify(str(error).capitalize() + ".", severity="warning")
            return
        length = round_.mode.round_length
        if round_.mode.only_types and length and round_.total < length:
            self.app.notify(f"{round_.mode.title} rounds have up to {length} questions; this "
                            f"selection has {counted(round_.total, 'such question')}, so the "
                            "round is shorter.")
        self._play()

    def _resume(self, item: MenuItem) -> None:
        from quiz.game.resume import ResumeError

        record = next((r for r in self.session.unfinished() if r.id == item.round_id), None)
        if record is None:
            self.app.notify("That round is no longer waiting to be resumed.")
            self.app.show_home()
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

    def action_progress(self) -> None:
        self._when_ready(self.app.show_progress)

    def action_discard(self) -> None:
        """Stop offering the highlighted saved round (it stays in history)."""
        index = self.query_one("#targets", OptionList).highlighted
        if self.session is None or index is None or self.items[index].kind != "resume":
            return
        from quiz.tui.screens.dialogs import Confirm

        item = self.items[index]

        def decided(discard: bool | None) -> None:
            if discard:
                self.session.history.discard(item.round_id)
                self.app.show_home()

        self.app.push_screen(Confirm("Discard this saved round?", item.label.removeprefix(
            "Resume ") + "\nIt stays in your history but can no longer be resumed.",
            "Yes, discard", "No, keep it"), decided)


def menu_line(item: MenuItem):
    """A menu line: bank headings bold, chapters indented under them with their pass mark
    or lock in front, so wrapping keeps the indent and never strands the mark."""
    style = "bold" if item.heading or item.kind != "target" else ""
    prefix = "   " * item.depth + (f"{item.mark} " if item.mark else "   " * item.depth)
    if not prefix:
        return joined((item.label, style))
    return hanging(Text(prefix, style="bold"), joined((item.label, style)))
