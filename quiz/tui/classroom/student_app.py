"""`quiz join`: the student's terminal. Lobby, question with timer, answer locked in,
the reveal with points and rank, and the final rank; it reconnects by itself."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.widgets import Footer, Static

from quiz.classroom import protocol as p
from quiz.classroom.client import RejoinTokens, SessionClient
from quiz.tui.classroom import judged
from quiz.tui.classroom.shared import (
    Countdown,
    SessionApp,
    answer_widget,
    hint_for,
    leaderboard,
    plural,
    wire_value,
)
from quiz.tui.messages import AnswerGiven
from quiz.tui.text import joined, plain
from quiz.tui.widgets.answers import ChoiceAnswer


class StudentApp(SessionApp):
    TITLE = "Scenario Quiz · classroom"
    BINDINGS = [Binding("ctrl+q", "quit", "Leave", priority=True),
                Binding("ctrl+c", "quit", "Leave", show=False, priority=True),
                Binding("t", "true_false(0)", "True", show=False),
                Binding("f", "true_false(1)", "False", show=False),
                Binding("escape", "change_forecast", "Change forecast", show=False)]

    def __init__(self, url: str, code: str, name: str | None, tokens: RejoinTokens | None):
        super().__init__()
        self.url, self.code = url, code
        self.client = SessionClient(url, code, name=name, tokens=tokens,
                                    on_message=self.received, on_status=self.connection_note)
        self.me = name or ""
        self.score = 0
        self.rank: int | None = None
        self.question: p.Question | None = None
        self.countdown: Countdown | None = None
        self.widget_serial = 0
        self.my_answer = ""
        self.my_picks: list[int | None] | None = None
        """A matching's picks, in display positions, to mark each pair at the reveal."""
        self.sent = False
        """An answer to the open question is on its way or stored."""
        self.paused = False
        self.forecast_choice: int | None = None
        """A prediction's chosen position, while its confidence is being asked."""

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Static(id="connection")
        with VerticalScroll(id="stage"):
            yield Static(id="context")
            yield Static(id="prompt")
            yield Static(id="timer")
            yield Container(id="answer-area")
            yield Static(id="message")
        yield Static(id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show_message(plain(f"Connecting to {self.url} …"))
        self.refresh_status()
        self.run_worker(self._session(), name="session", exit_on_error=False)
        self.set_interval(0.1, self.tick)

    async def _session(self) -> None:
        await self.client.run()
        if self.client.fatal is not None and not self.client.connected_once:
            # Never reached: nothing to show but why, so say it and stop (a script with
            # no terminal must not wait forever either).
            self.exit(return_code=1, message=f"quiz: {self.client.fatal.message}")

    # ── From the server ────────────────────────────────────────────────────
    def on_server_welcome(self, message: p.Welcome) -> None:
        self.me, self.score = message.name or self.me, message.score
        if not message.admitted:
            self.clear_question()
            self.show_message(joined(("You are in the waiting room, ", "bold"),
                                     (self.me, "bold"), (".", "bold"),
                                     "\nThe teacher lets each newcomer in; please wait."))

    def on_server_lobby(self, message: p.Lobby) -> None:
        self.clear_question()
        names = ", ".join(message.players)
        more = message.count - len(message.players)
        body = [joined(("You are in, ", "bold"), (self.me, "bold"),
                       (". Waiting for the teacher to start…", "bold")),
                plain(f"{plural(message.count, 'student')} in the session"
                      + (f", {plural(message.total, 'question')} to play" if message.total
                         else "") + f": {names}" + (f" and {more} more" if more > 0 else ""))]
        if message.locked:
            body.append(plain("The teacher has locked the lobby."))
        self.show_message(Text("\n").join(body))
        self.query_one("#hint", Static).update("Ctrl+Q leaves; you can rejoin with the "
                                               "same command")

    def on_server_question(self, message: p.Question) -> None:
        self.question = message
        self.paused = False
        self.sent = message.locked_in
        self.my_answer = "(given before you reconnected)" if message.locked_in else ""
        self.my_picks = None
        left = message.time_left if message.time_left is not None else message.time_limit
        self.countdown = Countdown(left, message.time_limit)
        self.query_one("#context", Static).update(plain(message.context or ""))
        self.query_one("#prompt", Static).update(
            joined((f"Question {message.index + 1} of {message.total}\n", "dim"),
                   (message.prompt, "bold")))
        self.forecast_choice = None
        area = self.query_one("#answer-area", Container)
        area.remove_children()
        area.set_class(message.kind == "matching", "matching")  # two lines an item
        self.show_message(Text(""))
        if message.locked_in:
            self.locked_in()
            return
        self._mount(answer_widget(message.kind, message.choices, message.unit, message.items),
                    hint_for(message.kind, message.choices, message.items))

    def _mount(self, widget, hint: str) -> None:
        area = self.query_one("#answer-area", Container)
        area.remove_children()
        # Removal finishes later, so each widget gets an id of its own.
        self.widget_serial += 1
        widget.id = f"answer-{self.widget_serial}"
        area.mount(widget)
        widget.focus()
        self.query_one("#hint", Static).update(plain(hint))

    def on_server_ack(self, message: p.Ack) -> None:
        if self.question is None or message.question != self.question.index:
            return
        if message.accepted or "already answered" in (message.reason or ""):
            self.locked_in()
            return
        # Refused (paused, late, malformed): say why, and let the student answer again
        # if the question is still open; a disabled widget would lock them out for good.
        self.sent = False
        self.show_message(joined(("Not counted: ", "bold red"), plain(message.reason or "")))
        if not self.paused:
            self._enable_answer()

    def on_server_reveal(self, message: p.Reveal) -> None:
        self.countdown = None  # the question is closed; the timer goes
        self.score, self.rank = message.score, message.rank
        # The reveal replaces the choices, so it fits an 80×24 terminal without scrolling.
        self.query_one("#answer-area", Container).remove_children()
        if message.kind in ("decision", "predict"):
            lines = (judged.student_decision(message) if message.kind == "decision"
                     else judged.student_forecast(message))
            lines.append(joined(("Your score: ", "bold"), f"{message.score}",
                                f"   rank {message.rank}" if message.rank else ""))
            self.show_message(Text("\n").join(lines))
            # Longer than most reveals: the stage takes the keys, so it can be scrolled.
            stage = self.query_one("#stage", VerticalScroll)
            stage.focus()
            self.query_one("#hint", Static).update("↑↓ PgUp PgDn scroll · the teacher "
                                                   "moves on when the class is ready…")
            return
        verdict = (joined(("✔ Right!", "bold green"), f"  +{message.points} points")
                   if message.correct else joined(("✘ Not this time.", "bold red"),
                                                  "  No points for this one.")
                   if not message.points else joined(
                       ("✘ Not all right.", "bold red"),
                       f"  +{message.points} points for the parts you got right."))
        lines = [verdict]
        pairs = self._pairs_marked(message)
        if pairs is not None:
            lines.append(pairs)
        elif self.my_answer and not message.correct:
            lines.append(joined(("You said: ", "bold"), plain(self.my_answer)))
        elif not self.my_answer:
            lines.append(plain("No answer from you on this one."))
        if message.note:
            lines.append(joined(("On your answer: ", "bold"), plain(message.note)))
        if pairs is None:
            lines.append(joined(("Answer: ", "bold"), plain(message.answer)))
        if message.explanation:
            lines.append(plain(message.explanation))
        lines.append(joined(("Your score: ", "bold"), f"{message.score}",
                            f"   rank {message.rank}" if message.rank else ""))
        self.show_message(Text("\n").join(lines))
        self.query_one("#hint", Static).update("Waiting for the next question…")

    def on_server_standings(self, message: p.Standings) -> None:
        if not message.final:
            return
        self.clear_question()
        self.score, self.rank = message.score or self.score, message.rank
        place = (f"You finished #{message.rank} of {message.of} with {message.score} points."
                 if message.rank else "The session has ended.")
        self.show_message(Text("\n").join([joined(("Final results", "bold")), plain(place),
                                           Text(""), leaderboard(message.top)]))
        self.query_one("#hint", Static).update("Ctrl+Q to leave")

    def on_server_phase(self, message: p.Phase) -> None:
        if message.state == "paused":
            self.paused = True
            if self.countdown:
                self.countdown.freeze(message.time_left)
            self._disable_answer()
            self.show_message(joined(("⏸ Paused by the teacher.", "bold reverse"),
                                     " The clock has stopped; answer when it starts again."))
            self.query_one("#hint", Static).update("⏸ Paused")
        elif message.state == "question" and self.question:
            self.paused = False
            if message.time_left is not None:
                self.countdown = Countdown(message.time_left, self.question.time_limit)
            if self.sent:
                self.locked_in()
            else:
                self.show_message(plain("▶ Resumed: answer now."))
                self._enable_answer()
                if self.forecast_choice is None:
                    self.query_one("#hint", Static).update(
                        hint_for(self.question.kind, self.question.choices,
                                 self.question.items))
                else:
                    self._ask_confidence(self.forecast_choice)
        elif message.state == "ended" and self.question is not None:
            self.clear_question()

    def on_server_error(self, message: p.Error) -> None:
        if message.fatal:
            self.clear_question()
            self.show_message(joined(("Cannot continue: ", "bold red"), plain(message.message)))
            self.query_one("#hint", Static).update("Ctrl+Q to leave")
        else:
            self.notify(message.message, severity="warning")

    # ── Local ──────────────────────────────────────────────────────────────
    @on(AnswerGiven)
    async def _answered(self, message: AnswerGiven) -> None:
        if self.question is None:
            return
        if self.paused or self.sent:
            return
        if self.question.kind == "predict":
            if self.forecast_choice is None:
                self._ask_confidence(message.shown)
                return
            levels = self.question.confidences or [50, 60, 70, 80, 90, 100]
            value = {"choice": self.forecast_choice, "confidence": levels[message.shown]}
            self.my_answer = f"{self._in_words(self.forecast_choice)} " \
                             f"({value['confidence']}% sure)"
        else:
            value = wire_value(self.question.kind, message.shown)
            self.my_answer = self._in_words(message.shown)
        self.sent = True
        self._disable_answer()
        self.show_message(plain("Sending…"))
        answer = p.Answer(type="answer", question=self.question.index, value=value)
        if not await self.client.send(answer):
            self.show_message(plain("Not connected; your answer will be sent when the "
                                    "connection is back."))

    def _pairs_marked(self, message: p.Reveal) -> Text | None:
        """A matching's items, each ticked or crossed, with the match given and the
        right one; None for other kinds (or a reveal without the pairs)."""
        question = self.question
        if (question is None or question.kind != "matching" or not message.matches
                or self.my_picks is None):  # another kind, or no picks of this client's
            return None
        given = self.my_picks
        lines = []
        for item, right, pick in zip(question.items, message.matches, given, strict=False):
            chosen = question.choices[pick] if pick is not None else "(none)"
            good = chosen == right
            lines.append(joined(("✔ " if good else "✘ ", "bold green" if good else "bold red"),
                                plain(item), " → ", plain(chosen),
                                ("" if good else "   (right: ", "dim"),
                                ("" if good else right, "bold"), ("" if good else ")", "dim")))
        return Text("\n").join(lines)

    def _ask_confidence(self, shown: int) -> None:
        """A forecast's second step: how sure is the student of the choice just made?
        Nothing is sent until they say, so no forecast goes without a confidence."""
        self.forecast_choice = shown
        levels = self.question.confidences or [50, 60, 70, 80, 90, 100]
        self._mount(ChoiceAnswer(judged.confidence_labels(levels)),
                    f"1–{len(levels)} (50% to 100%), or arrows and Enter; Esc changes "
                    "your forecast")
        self.show_message(joined(("How sure are you of “", "bold"),
                                 (self._in_words(shown), "bold"), ("”?", "bold"),
                                 " Your forecast is sent with its confidence."))

    def action_change_forecast(self) -> None:
        """Back from the confidence to the choices, before anything is sent."""
        question = self.question
        if question is None or question.kind != "predict" or self.sent or self.paused \
                or self.forecast_choice is None:
            return
        self.forecast_choice = None
        self.show_message(Text(""))
        self._mount(answer_widget(question.kind, question.choices, question.unit),
                    hint_for(question.kind, question.choices))

    def _in_words(self, shown) -> str:
        question = self.question
        if question.kind == "matching" and isinstance(shown, list):
            self.my_picks = list(shown)
            return "; ".join(f"{item} → {question.choices[i] if i is not None else '(none)'}"
                             for item, i in zip(question.items, shown, strict=False))
        labels = ["True", "False"] if question.kind == "true_false" else question.choices
        if isinstance(shown, int) and 0 <= shown < len(labels):
            return labels[shown]
        if isinstance(shown, list):
            joiner = " → " if question.kind == "ordering" else "; "
            return joiner.join(labels[i] for i in shown if 0 <= i < len(labels))
        return f"{shown:g}" if isinstance(shown, float) else str(shown)

    def action_true_false(self, position: int) -> None:
        if self.question and self.question.kind == "true_false" and not self.paused:
            self.post_message(AnswerGiven(position))

    def locked_in(self) -> None:
        self._disable_answer()
        self.show_message(joined(("🔒 Answer locked in.", "bold"), " Waiting for the others…"))
        self.query_one("#hint", Static).update("")

    def _disable_answer(self) -> None:
        for widget in self.query_one("#answer-area", Container).children:
            widget.disabled = True
        self.set_focus(None)

    def _enable_answer(self) -> None:
        for widget in self.query_one("#answer-area", Container).children:
            widget.disabled = False
            widget.focus()

    def clear_question(self) -> None:
        self.question, self.countdown = None, None
        for selector in ("#context", "#prompt", "#timer"):
            self.query_one(selector, Static).update("")
        self.query_one("#answer-area", Container).remove_children()

    def show_message(self, body: Text) -> None:
        self.query_one("#message", Static).update(body)

    def refresh_status(self) -> None:
        parts = [f"Session {self.code}", self.me or "joining…", f"{self.score} points"]
        if self.rank:
            parts.append(f"rank {self.rank}")
        self.query_one("#status", Static).update(plain("  ·  ".join(parts)))

    async def action_quit(self) -> None:
        await self.client.stop()
        self.exit()
