"""The progress screen: rounds over time as a chart, chapters, topics and the review deck."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from quiz.game.names import counted
from quiz.game.progress import DeckOutlook, Progress, build_progress
from quiz.game.session import Session
from quiz.tui.text import hanging, plain

CHARTED_ROUNDS = 40
"""The chart shows this many of the latest finished rounds."""
TOPICS_SHOWN = 10


class ProgressScreen(Screen):
    """What a learner has done so far; Escape returns to where they came from."""

    BINDINGS = [Binding("escape,enter,p", "close", "Back")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.progress: Progress = build_progress(session)

    def compose(self) -> ComposeResult:
        progress = self.progress
        played = len(progress.rounds)
        yield Static(plain(f"Your progress · {counted(played, 'round')} played, "
                           f"{len(progress.finished)} finished"), id="status")
        with VerticalScroll(id="progress-body"):
            if progress.finished:
                yield PlotextPlot(id="progress-chart")
            yield Static(self._rounds_line(), id="progress-rounds")
            with Horizontal(id="progress-columns"):
                with Vertical(id="progress-left"):
                    yield Static(self._chapters(), id="progress-chapters")
                    yield Static(deck_table(progress.deck), id="progress-deck")
                yield Static(self._topics(), id="progress-topics")
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one("#progress-body")
        body.focus()
        if self.progress.finished:
            self._draw_chart()

    def _draw_chart(self) -> None:
        chart = self.query_one("#progress-chart", PlotextPlot)
        rounds = self.progress.finished[-CHARTED_ROUNDS:]
        first = len(self.progress.finished) - len(rounds) + 1
        numbers = list(range(first, first + len(rounds)))
        pass_mark = self.progress.pass_mark * 100
        chart.border_title = f"Your mark per finished round (% right) · pass {pass_mark:.0f}%"
        plt = chart.plt
        plt.clear_data()
        marks = [r.mark * 100 for r in rounds]
        plt.hline(pass_mark)
        plt.bar(numbers, marks, width=0.4)  # bars read well at a few rows high
        plt.ylim(0, 100)
        plt.yticks([0, pass_mark, 100], ["0", f"{pass_mark:.0f}", "100"])
        plt.xlim(first - 0.5, first + max(len(numbers), 10) - 0.5)  # a few rounds stay narrow
        step = max(1, len(numbers) // 10)
        plt.xticks(numbers[::step])
        chart.refresh()

    def _rounds_line(self) -> Text:
        finished = self.progress.finished
        if not finished:
            return Text("No round finished yet: finish one and your marks are charted here.",
                        style="italic")
        last, best = finished[-1], max(finished, key=lambda r: r.score)
        average = sum(r.mark for r in finished) / len(finished)
        return Text.assemble(
            ("Scores ", "bold"), f"last {last.score} ({last.mode}, {last.mark:.0%}) · "
            f"best {best.score} ({best.mode}) · average mark {average:.0%}")

    def _chapters(self) -> Table:
        table = Table(title=f"Campaign chapters (pass mark {self.progress.pass_mark:.0%})",
                      title_justify="left", box=None, show_header=False, padding=(0, 1, 0, 0),
                      expand=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        if not self.progress.chapters:
            table.add_row("", Text("No bank with chapters is loaded.", style="italic"))
        for chapter in self.progress.chapters:
            if chapter.state == "passed":
                mark, note = Text(f"✔ {chapter.best:.0%}", style="bold green"), ""
            elif chapter.state == "locked":
                mark, note = Text("🔒 locked"), ""
            else:
                mark = Text("○ open", style="bold")
                note = f" (best {chapter.best:.0%})" if chapter.best is not None else ""
            table.add_row(mark, hanging("", plain(chapter.title + note)))
        return table

    def _topics(self) -> Table:
        table = Table(title="Accuracy by topic", title_justify="left", box=None,
                      padding=(0, 1, 0, 0), expand=True)
        table.add_column("topic", ratio=1)
        table.add_column("right", justify="right", no_wrap=True)
        table.add_column("", justify="right", no_wrap=True)
        if not self.progress.topics:
            table.add_row(Text("Nothing answered yet.", style="italic"), "", "")
        for topic in self.progress.topics[:TOPICS_SHOWN]:
            table.add_row(plain(topic.name), f"{topic.right}/{topic.asked}",
                          f"{topic.accuracy:.0%}")
        hidden = len(self.progress.topics) - TOPICS_SHOWN
        if hidden > 0:
            table.add_row(Text(f"and {counted(hidden, 'more topic')}", style="italic"), "", "")
        return table

    def action_close(self) -> None:
        self.app.pop_screen()


def deck_table(deck: DeckOutlook) -> Table:
    """Review questions due now and in each of the coming days (`3d`: in two to three)."""
    table = Table(title=f"Review deck ({deck.total}) · due in days",
                  title_justify="left", box=None, padding=(0, 1, 0, 0))
    # Column n counts questions falling due more than n-1 and at most n days from now.
    headers = ["now", *[f"{n + 1}d" for n in range(len(deck.by_day))], "later"]
    for header in headers:
        table.add_column(header, justify="right", no_wrap=True)
    table.add_row(*[str(n) for n in (deck.due_now, *deck.by_day, deck.later)])
    return table
