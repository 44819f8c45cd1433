"""The question screen: scenario context, prompt, answer widget, timer and feedback."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.content.key import answer_text, context_text
from quiz.game.answers import response_text
from quiz.game.round import Outcome, Phase
from quiz.game.session import Session
from quiz.model.questions import MultipleSelect, Numeric, Ordering, SingleChoice, TrueFalse
from quiz.tui.messages import AnswerGiven
from quiz.tui.text import citation, joined, plain
from quiz.tui.widgets.answers import ChoiceAnswer, NumericAnswer, OrderingAnswer


class QuestionScreen(Screen):
    """Renders the round's current state; the round decides what comes next."""

    BINDINGS = [
        Binding("enter,space", "continue", "Continue", show=False),
        Binding("t", "true_false(True)", "True", show=False),
        Binding("f", "true_false(False)", "False", show=False),
    ]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.answer_widget = None

    @property
    def round(self):
        return self.session.round

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="question-body"):
            yield Static(id="context")
            yield Static(id="prompt")
            yield Container(id="answer-area")
            yield Static(id="feedback")
        yield Static(id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.render_question()
        if self.round.phase is Phase.FEEDBACK and self.round.last is not None:
            self.show_feedback(self.round.last)  # resumed while reading feedback
        if self.round.mode.timed:  # untimed modes have nothing to count down
            self.set_interval(0.2, self.tick)

    # ── Rendering ──────────────────────────────────────────────────────────
    def render_question(self) -> None:
        dealt = self.round.current
        question = dealt.question
        context = context_text(question.context)
        self.query_one("#context", Static).update(plain(context) if context else "")
        self.query_one("#prompt", Static).update(plain(question.prompt))
        area = self.query_one("#answer-area", Container)
        area.remove_children()
        widget, hint = self._answer_widget(question, dealt.labels())
        # Removal finishes later, so each question's widget gets an id of its own.
        widget.id = f"answer-{len(self.round.outcomes)}"
        self.answer_widget = widget
        area.mount(widget)
        widget.focus()
        feedback = self.query_one("#feedback", Static)
        feedback.remove_class("shown", "wrong")
        self.query_one("#hint", Static).update(hint)
        self.refresh_status()

    def _answer_widget(self, question, labels):
        if isinstance(question, TrueFalse):
            return (ChoiceAnswer(["True", "False"]),
                    "T or 1 for true, F or 2 for false; or arrows and Enter")
        if isinstance(question, SingleChoice):
            return (ChoiceAnswer(labels),
                    f"Press 1–{len(labels)}, or use the arrows and Enter")
        if isinstance(question, MultipleSelect):
            return (ChoiceAnswer(labels, multi=True),
                    "Space or 1–9 to tick every right choice, then Enter")
        if isinstance(question, Ordering):
            return (OrderingAnswer(labels),
                    "Shift+↑/↓ or K/J to move the highlighted item; Enter to submit")
        if isinstance(question, Numeric):
            return NumericAnswer(question.unit), "Type the number, then Enter"
        raise TypeError(type(question).__name__)

    def refresh_status(self) -> None:
        round_ = self.round
        parts = [round_.mode.title]
        if self.session.chapter_id:
            parts.append(self.session.chapter_id)
        parts += [f"Question {round_.position + 1}/{round_.total}", f"Score {round_.score}",
                  f"Streak {round_.streak}"]
        left = round_.time_left()
        if left is not None:
            parts.append(f"⏱ {left:4.1f}s")
        self.query_one("#status", Static).update(plain("  ·  ".join(parts)))

    def show_feedback(self, outcome: Outcome) -> None:
        dealt = self.round.dealt[len(self.round.outcomes) - 1]
        question = dealt.question
        if outcome.correct:
            verdict = joined(("✔ Correct", "bold"), f"  +{outcome.points.total} points",
                             _bonus_note(outcome))
        elif outcome.timed_out:
            verdict = joined(("⏱ Time's up", "bold"), " — no answer counted.")
        else:
            verdict = joined(("✘ Not quite", "bold"), "  Your answer: ",
                             response_text(question, outcome.response))
        body = Text("\n").join([
            verdict,
            joined(("Right answer: ", "bold"), answer_text(question)),
            *([plain(question.explanation)] if question.explanation else []),
            *[joined(("Source: ", "bold"), citation(s)) for s in question.sources],
        ])
        feedback = self.query_one("#feedback", Static)
        feedback.update(body)
        feedback.set_class(not outcome.correct, "wrong")
        feedback.add_class("shown")
        self.answer_widget.disabled = True
        self.set_focus(None)
        self.query_one("#question-body").scroll_end(animate=False)
        self.query_one("#hint", Static).update("Enter or Space for the next question")

    # ── Events ─────────────────────────────────────────────────────────────
    @on(AnswerGiven)
    def _answered(self, message: AnswerGiven) -> None:
        if self.round.phase is not Phase.ASKING:
            return
        dealt = self.round.current
        question = dealt.question
        if isinstance(question, TrueFalse):
            response = message.shown == 0
        elif isinstance(question, Numeric):
            response = message.shown
        else:
            response = dealt.from_display(message.shown)
        self._after(self.session.submit(response))

    def action_true_false(self, value: bool) -> None:
        if self.round.phase is Phase.ASKING and isinstance(self.round.current.question,
                                                            TrueFalse):
            self._after(self.session.submit(value))

    def tick(self) -> None:
        if self.round.phase is Phase.ASKING:
            outcome = self.session.expire()
            if outcome is not None:
                self._after(outcome)
                return
        self.refresh_status()

    def action_continue(self) -> None:
        if self.round.phase is Phase.FEEDBACK:
            self.session.advance()
            self._next_or_finish()

    def _after(self, outcome: Outcome) -> None:
        if self.round.phase is Phase.FEEDBACK:
            self.refresh_status()
            self.show_feedback(outcome)
        else:
            self._next_or_finish()

    def _next_or_finish(self) -> None:
        if self.round.phase is Phase.FINISHED:
            from quiz.tui.screens.summary import SummaryScreen

            self.app.switch_screen(SummaryScreen(self.session))
        else:
            self.render_question()


def _bonus_note(outcome: Outcome) -> str:
    bonuses = []
    if outcome.points.time_bonus:
        bonuses.append(f"speed +{outcome.points.time_bonus}")
    if outcome.points.streak_bonus:
        bonuses.append(f"streak +{outcome.points.streak_bonus}")
    return f" ({', '.join(bonuses)})" if bonuses else ""
