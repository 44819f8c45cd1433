"""`quiz host`: the teacher's dashboard. Join details, the roster with kick and lock, the
controls, the live count and timer, the answer chart, the leaderboard, and the report."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from quiz.classroom import protocol as p
from quiz.classroom.client import SessionClient
from quiz.tui.classroom import judged
from quiz.tui.classroom.shared import Countdown, SessionApp, bar_chart, leaderboard, plural
from quiz.tui.text import joined, plain

KIND_NOTES = {
    "decision": "A decision: not marked. Each student sees what follows from their choice "
                "at the reveal, and what the real actor did.",
    "predict": "A forecast: students choose and say how sure they are (50–100%); scored "
               "on calibration (Brier), not speed.",
}
NAME_WIDTH = 16
"""The roster's name column: longer names end in an ellipsis, so the answered (✔) and
connected (●) columns always show."""


def matching_lines(message: p.Question) -> list[Text]:
    """A matching's items, numbered, then its lettered matches, as the students see them."""
    lines = [joined((f"{n + 1}. ", "bold"), plain(item), " → ?")
             for n, item in enumerate(message.items)]
    return lines + [joined((f"{chr(ord('A') + n)}. ", "bold"), plain(match))
                    for n, match in enumerate(message.choices)]


def cut(name: str, width: int = NAME_WIDTH) -> Text:
    return plain(name if len(name) <= width else name[:width - 1] + "…")


class Confirm(ModalScreen[str]):
    """A yes/no (and sometimes 'keep running') question."""

    BINDINGS = [Binding("y", "pick('yes')", "Yes"), Binding("n", "pick('no')", "No"),
                Binding("escape", "pick('cancel')", "Cancel")]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question))

    def action_pick(self, choice: str) -> None:
        self.dismiss(choice)


class HostApp(SessionApp):
    TITLE = "Scenario Quiz · dashboard"
    BINDINGS = [
        Binding("s", "control('start')", "Start"),
        Binding("n", "control('next')", "Next"),
        Binding("x", "control('skip')", "Skip"),
        Binding("p", "pause", "Pause/resume"),
        Binding("l", "lock", "Lock/unlock"),
        Binding("g", "gate", "Admission"),
        Binding("a", "admit", "Admit"),
        Binding("k", "kick", "Kick"),
        Binding("e", "end", "End"),
        Binding("q,ctrl+q", "leave", "Quit", priority=True),
    ]

    def __init__(self, url: str, code: str, token: str, *, owns_server: bool = False,
                 db: Path | None = None, session: int | None = None,
                 details: dict | None = None):
        super().__init__()
        self.url, self.code, self.owns_server = url, code, owns_server
        self.details = details or {}
        self.link = self.details.get("link") or ""
        self.db, self.session = db, session
        self.client = SessionClient(url, code, host_token=token, on_message=self.received,
                                    on_status=self.connection_note)
        self.roster: p.Roster | None = None
        self.question: p.Question | None = None
        self.countdown: Countdown | None = None
        self.shown_rows: tuple = ()
        self.revealed = Text("")
        self.stop_server = False

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Static(id="connection")
        yield Static(id="join-details")
        with Horizontal(id="dashboard"):
            table = DataTable(id="roster", cursor_type="row", zebra_stripes=True)
            table.add_column("Student", width=NAME_WIDTH)
            table.add_column("Score", width=6)
            table.add_column("In", width=2)
            table.add_column("On", width=2)
            yield table
            with VerticalScroll(id="live"):
                yield Static(id="timer")
                yield Static(id="live-body")
        yield Static(id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show_join_details()
        self.run_worker(self.client.run(), name="session", exit_on_error=False)
        self.set_interval(0.1, self.tick)
        self.refresh_status()
        self.hint("S starts the session when everyone is in; L locks the lobby")
        if self.details.get("resumed"):
            where = ("in the lobby" if self.details.get("index", -1) < 0 else
                     f"at question {self.details['index'] + 1}")
            self.notify(f"Resumed session {self.code} (last used "
                        f"{self.details.get('since', 'earlier')}), "
                        f"{plural(self.details.get('players', 0), 'student')}, {where}.",
                        title="Resumed", timeout=15)
        for note in self.details.get("notes", []):
            self.notify(note, timeout=20)

    def show_join_details(self) -> None:
        parts = [("Join code: ", "bold"), (self.code, "bold reverse")]
        if self.link:
            parts += ["   ", ("Browser: ", "bold"), self.link]
        parts += ["\n", ("Terminal: ", "bold"),
                  f"quiz join {self.url} --code {self.code} --name NAME"]
        if self.details.get("screen"):
            parts += ["\n", ("Projector: ", "bold"), self.details["screen"]]
        self.query_one("#join-details", Static).update(joined(*parts))

    def on_server_welcome(self, message: p.Welcome) -> None:
        if message.join_url and message.join_url != self.link:
            self.link = message.join_url
            if message.screen_token and not self.details.get("screen"):
                base = self.link.split("/?", 1)[0]
                self.details["screen"] = (f"{base}/screen#code={self.code}"
                                          f"&token={message.screen_token}")
            self.show_join_details()

    # ── From the server ────────────────────────────────────────────────────
    def on_server_roster(self, message: p.Roster) -> None:
        self.roster = message
        rows = (message.state, *((e.id, e.name, e.score, e.answered, e.connected, e.waiting)
                                 for e in message.players))
        if rows != self.shown_rows:
            self._fill_roster(message)
            self.shown_rows = rows
        if message.time_left is not None and self.countdown and message.state == "question":
            # Stay in step with the server's clock, which is the one that counts.
            self.countdown = Countdown(message.time_left, self.countdown.limit)
        if message.state == "question" and self.question:
            self.show_question(self.question, message.answered, len(message.players))
        elif message.state == "lobby":
            self.show_lobby(message)

    def show_lobby(self, message: p.Roster) -> None:
        playing = [e for e in message.players if not e.waiting]
        waiting = len(message.players) - len(playing)
        online = sum(1 for e in playing if e.connected)
        lines = [plain("Waiting in the lobby", "bold"),
                 plain(f"{plural(len(playing), 'student')} joined, {online} connected; "
                       f"{plural(message.total, 'question')} will be played."
                       + ("  The lobby is locked." if message.locked else ""))]
        if message.gated:
            lines.append(plain(f"Admission is on: {plural(waiting, 'newcomer')} waiting "
                               "(⌛); A lets the highlighted one in, G turns it off."))
        lines += [Text(""), plain("Students scan this or open the browser link above; "
                                  "press S to start.")]
        if self.link:
            from quiz.classroom.web import terminal_qr

            lines.append(Text(terminal_qr(self.link), style="#000000 on #ffffff",
                              no_wrap=True))
        self.query_one("#live-body", Static).update(Text("\n").join(lines))

    def _fill_roster(self, roster: p.Roster) -> None:
        table = self.query_one("#roster", DataTable)
        keep = table.cursor_row
        table.clear()
        # Scores are as of the last reveal (the server holds back an open question's), so
        # this order does not move while a question is open; and while one is, the
        # column is blank: the dashboard is often the projected screen, where only the
        # count of answers in belongs.
        hide = roster.state in ("question", "paused")
        for entry in sorted(roster.players, key=lambda e: (-e.score, e.name.casefold())):
            table.add_row(cut(entry.name), "" if hide else str(entry.score),
                          "✔" if entry.answered else "",
                          "⌛" if entry.waiting else "●" if entry.connected else "○",
                          key=entry.id)
        if roster.players:
            table.move_cursor(row=min(keep, len(roster.players) - 1))

    def on_server_question(self, message: p.Question) -> None:
        self.question = message
        left = message.time_left if message.time_left is not None else message.time_limit
        self.countdown = Countdown(left, message.time_limit)
        present = len(self.roster.players) if self.roster else 0
        self.show_question(message, 0, present)
        self.hint("X skips to the reveal; P pauses the clock")

    def show_question(self, message: p.Question, answered: int, present: int) -> None:
        lines = [joined((f"Question {message.index + 1} of {message.total}", "dim"),
                        ("  " + (message.context or ""), "dim")),
                 plain(message.prompt, "bold")]
        if message.kind == "matching":
            lines += matching_lines(message)
        else:
            lines += [joined((f"{n + 1}. ", "bold"), plain(c))
                      for n, c in enumerate(message.choices)]
        if message.kind in KIND_NOTES:
            lines.append(plain(KIND_NOTES[message.kind], "italic"))
        lines += [Text(""), joined(("Answers in: ", "bold"), f"{answered} of {present}")]
        self.query_one("#live-body", Static).update(Text("\n").join(lines))

    def on_server_reveal(self, message: p.Reveal) -> None:
        self.countdown = None  # the question is closed; the timer goes
        if message.kind in ("decision", "predict"):
            self._reveal_judged(message)
            return
        question = self.question
        labels = (["True", "False"] if question and question.kind == "true_false"
                  else question.choices if question else [])
        right = {n for n, label in enumerate(labels)
                 if label == message.answer or label in message.answer.split("; ")}
        body = [joined(("Answer: ", "bold"), plain(message.answer))]
        if message.explanation:
            body.append(plain(message.explanation))
        if labels and question and question.kind in ("single_choice", "true_false"):
            # Leave room for a scrollbar; before the first layout, assume a narrow pane.
            width = (self.query_one("#live").content_region.width or 50) - 2
            body += [Text(""), bar_chart(labels, message.distribution, right, width)]
        if question and question.kind == "matching" and message.matched:
            width = (self.query_one("#live").content_region.width or 50) - 2
            body += [Text(""), plain("Students who matched each item rightly:"),
                     bar_chart(question.items, message.matched,
                               set(range(len(message.matched))), width, mark="")]
        if message.sources:
            body += [Text(""), plain("Source: " + "; ".join(message.sources), "dim")]
        self.revealed = Text("\n").join(body)
        self.query_one("#live-body", Static).update(self.revealed)
        self.hint("N opens the next question")

    def _reveal_judged(self, message: p.Reveal) -> None:
        """A decision or a forecast: the class's choices beside what happened, and its
        source, left up for the class to discuss."""
        head, below = judged.dashboard_lines(message)
        width = (self.query_one("#live").content_region.width or 50) - 2
        decision = message.kind == "decision"
        happened = {message.happened} if message.happened is not None else set()
        chart = bar_chart(message.choices, message.distribution, happened, width,
                          mark="◆" if decision else "✔",
                          colours=("cyan", "cyan") if decision else ("green", "red"))
        self.revealed = Text("\n").join([head, chart, Text(""), *below])
        self.query_one("#live-body", Static).update(self.revealed)
        self.hint("Discuss with the class; N opens the next question when you are ready")

    def on_server_standings(self, message: p.Standings) -> None:
        body = self.query_one("#live-body", Static)
        if message.final:
            self.countdown = None
            parts = [plain("Final podium", "bold"), leaderboard(message.top, 3), Text("")]
            parts.append(self._report_text())
            body.update(Text("\n").join(parts))
            self.hint("Q quits; `quiz report` prints the report again")
        else:
            body.update(Text("\n").join([self.revealed, Text(""), plain("Leaderboard", "bold"),
                                         leaderboard(message.top, 5)]))

    def _report_text(self) -> Text:
        if self.db is None or not self.db.exists():
            return plain("Run `quiz report --db FILE` where the server runs for the item "
                         "analysis.")
        from quiz.classroom import report
        from quiz.classroom.store import StoreError, open_store

        try:
            return plain(report.as_text(report.build_report(open_store(self.db),
                                                            self.session)))
        except StoreError as error:
            return plain(f"The report could not be read: {error}")

    def on_server_phase(self, message: p.Phase) -> None:
        if message.state == "paused" and self.countdown:
            self.countdown.freeze(message.time_left)
            self.hint("⏸ Paused: P resumes")
        elif message.state == "question" and self.countdown and message.time_left is not None:
            self.countdown = Countdown(message.time_left, self.countdown.limit)
            self.hint("X skips to the reveal; P pauses the clock")

    def on_server_error(self, message: p.Error) -> None:
        self.notify(message.message, severity="error" if message.fatal else "warning")

    # ── The teacher's keys ─────────────────────────────────────────────────
    async def action_control(self, action: str, player: str | None = None) -> None:
        if not await self.client.send(p.Control(type="control", action=action, player=player)):
            self.notify("Not connected to the session server.", severity="error")

    async def action_pause(self) -> None:
        paused = self.roster is not None and self.roster.state == "paused"
        await self.action_control("resume" if paused else "pause")

    async def action_lock(self) -> None:
        locked = self.roster is not None and self.roster.locked
        await self.action_control("unlock" if locked else "lock")

    async def action_gate(self) -> None:
        gated = self.roster is not None and self.roster.gated
        await self.action_control("ungate" if gated else "gate")
        self.notify("Newcomers join at once again." if gated else
                    "Admission is on: newcomers wait until you let them in with A.")

    async def action_admit(self) -> None:
        table = self.query_one("#roster", DataTable)
        if not table.row_count or self.roster is None:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if any(e.id == key and e.waiting for e in self.roster.players):
            await self.action_control("admit", key)
        else:
            self.notify("Highlight a waiting student (⌛) to let them in.")

    def action_kick(self) -> None:
        table = self.query_one("#roster", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        name = next((e.name for e in self.roster.players if e.id == key), key)

        async def decided(choice: str | None) -> None:
            if choice == "yes":
                await self.action_control("kick", key)

        self.push_screen(Confirm(f"Remove {name} from the session?\n\n[Y] Remove  [N] Keep"),
                         decided)

    def action_end(self) -> None:
        async def decided(choice: str | None) -> None:
            if choice == "yes":
                await self.action_control("end")

        self.push_screen(Confirm("End the session now for everyone?\n\n[Y] End  [N] Carry on"),
                         decided)

    def action_leave(self) -> None:
        if not self.owns_server:
            self.run_worker(self._quit(False))
            return

        async def decided(choice: str | None) -> None:
            if choice in ("yes", "no"):
                await self._quit(choice == "yes")

        self.push_screen(Confirm("Quit the dashboard. Stop the session server too?\n\n"
                                 "[Y] Stop it   [N] Keep it running (reattach later)   "
                                 "[Esc] Stay"), decided)

    async def _quit(self, stop_server: bool) -> None:
        self.stop_server = stop_server
        await self.client.stop()
        self.exit()

    # ── Display ────────────────────────────────────────────────────────────
    def hint(self, text: str) -> None:
        self.query_one("#hint", Static).update(text)

    def refresh_status(self) -> None:
        roster = self.roster
        parts = [f"Session {self.code}"]
        if roster:
            parts += [plural(len(roster.players), "student"), roster.state]
            if roster.locked:
                parts.append("locked")
            if 0 <= roster.index < roster.total:
                parts.append(f"question {roster.index + 1}/{roster.total}")
        self.query_one("#status", Static).update(plain("  ·  ".join(parts)))
