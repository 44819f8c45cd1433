"""The menu: what to play (a bank, a chapter, review, or a round to resume) and how."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quiz.game.modes import MODES
from quiz.game.session import NoQuestions, Session, Target
from quiz.tui.text import joined, plain


class HomeScreen(Screen):
    """Pick on the left, choose a mode on the right, Enter to play."""

    BINDINGS = [Binding("escape", "focus_targets", "Back", show=False)]

    def __init__(self, session: Session, mode: str | None = None):
        super().__init__()
        self.session = session
        self.mode = mode
        self.items: list[tuple[str, object]] = []

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
        targets = self.query_one("#targets", OptionList)
        targets.border_title = "Play"
        self.query_one("#modes", OptionList).border_title = "Mode"
        resumable = self.session.history.resumable()
        if resumable and not ({"abandoned", "unreadable"} & resumable.state.keys()):
            self.items.append(("resume", resumable))
            targets.add_option(Option(joined(("▶ Resume ", "bold"),
                                             f"{resumable.mode} · {resumable.bank_id} · "
                                             f"{resumable.answered}/{resumable.total} answered")))
        due, waiting = self.session.due_count(), self.session.review_count()
        self.items.append(("review", None))
        targets.add_option(Option(joined(("↻ Review ", "bold"),
                                         f"{due} due · {waiting} in the deck")))
        for target in self.session.targets():
            self.items.append(("target", target))
            indent = "   " if target.chapter_id else ""
            lock = "  🔒" if target.locked else ""
            targets.add_option(Option(joined(indent, (target.title, "" if target.chapter_id
                                                      else "bold"),
                                             f" ({target.count}){lock}")))
        first_target = next(n for n, (kind, _) in enumerate(self.items) if kind == "target")
        targets.highlighted = 0 if self.items[0][0] == "resume" else first_target
        targets.focus()
        if self.mode in MODES:
            self.query_one("#modes", OptionList).highlighted = list(MODES).index(self.mode)
        self._describe(targets.highlighted)

    @on(OptionList.OptionHighlighted, "#targets")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._describe(event.option_index)

    def _describe(self, index: int) -> None:
        kind, value = self.items[index]
        info = self.query_one("#home-info", Static)
        if kind == "resume":
            info.update(plain("Carry on where you left off: Enter to resume."))
        elif kind == "review":
            info.update(plain(f"{self.session.due_count()} question(s) due now. Questions you "
                              "miss come back here on a spaced schedule, most overdue first. "
                              "Enter to start."))
        else:
            bests = [f"{MODES[m].title} {score}" for m in MODES
                     if (score := self.session.best(value.bank_id, value.chapter_id, m))
                     is not None]
            best_text = "Best: " + " · ".join(bests) if bests else "No rounds finished yet."
            lock = "  Locked: pass the chapter before it." if value.locked else ""
            info.update(plain(f"{best_text}{lock}  Enter, then pick a mode."))

    @on(OptionList.OptionSelected, "#targets")
    def _target_chosen(self, event: OptionList.OptionSelected) -> None:
        kind, value = self.items[event.option_index]
        if kind == "resume":
            self._resume(value)
        elif kind == "review":
            self._start(None, "review")
        else:
            self.query_one("#modes", OptionList).focus()

    @on(OptionList.OptionSelected, "#modes")
    def _mode_chosen(self, event: OptionList.OptionSelected) -> None:
        targets = self.query_one("#targets", OptionList)
        kind, value = self.items[targets.highlighted or 0]
        mode = list(MODES)[event.option_index]
        self._start(value if kind == "target" else None, mode)

    def _start(self, target: Target | None, mode: str) -> None:
        bank_id = target.bank_id if target else None
        if bank_id is None and mode != "review":
            self.app.notify("Choose a bank or chapter first.", severity="warning")
            self.query_one("#targets", OptionList).focus()
            return
        try:
            self.session.start(bank_id, target.chapter_id if target else None, mode)
        except NoQuestions as error:
            self.app.notify(str(error).capitalize() + ".", severity="warning")
            return
        self._play()

    def _resume(self, record) -> None:
        from quiz.game.resume import ResumeError

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
