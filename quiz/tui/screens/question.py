"""The question screen: scenario context, prompt, answer widget, timer and feedback."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.content.key import context_text
from quiz.game.round import Outcome, Phase
from quiz.game.session import Session
from quiz.model.questions import (
    CONFIDENCE_LEVELS,
    Decision,
    Matching,
    MultipleSelect,
    Numeric,
    Ordering,
    Prediction,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from quiz.tui.messages import AnswerGiven
from quiz.tui.text import plain
from quiz.tui.views.feedback import feedback_view
from quiz.tui.views.judgement import decision_view, forecast_view
from quiz.tui.widgets.answers import (
    ChoiceAnswer,
    NumericAnswer,
    OrderingAnswer,
    TypedAnswer,
    choice_hint,
)
from quiz.tui.widgets.matching import MatchingAnswer, matching_hint

FEEDBACK_HINT = "Enter: next question · S: source in full · ↑↓ PgDn: scroll · Esc: leave"


class QuestionScreen(Screen):
    """Renders the round's current state; the round decides what comes next.

    While asking, the answer widget fills the space under the prompt; after an answer,
    the feedback takes that space and scrolls, so the explanation and sources are never
    cut off. A long prompt scrolls in its own box above.
    """

    BINDINGS = [
        Binding("enter,space", "continue", "Next", show=False),
        Binding("t", "true_false(True)", "True", show=False),
        Binding("f", "true_false(False)", "False", show=False),
        Binding("s", "source", "Source", show=False),
        Binding("escape", "leave", "Leave round"),
        Binding("ctrl+down", "scroll_prompt(3)", "Scroll question", show=False),
        Binding("ctrl+up", "scroll_prompt(-3)", "Scroll question", show=False),
    ]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.answer_widget = None
        self.status_text = ""
        self.hint = ""
        self._widgets_made = 0
        self.forecast_choice: int | None = None
        """A prediction's chosen option, shown position, while the confidence is asked."""

    @property
    def round(self):
        return self.session.round

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        # Kept as attributes: a nested child may not be mounted yet when on_mount runs
        # under load, and a query for it would fail where the widget itself will not.
        self.context_line, self.prompt_text = Static(id="context"), Static(id="prompt")
        with VerticalScroll(id="question-head"):
            yield self.context_line
            yield self.prompt_text
        yield Container(id="answer-area")
        with VerticalScroll(id="feedback"):
            yield Static(id="feedback-body")
        yield Static(id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#question-head").can_focus = False
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
        self.context_line.update(plain(context) if context else "")
        self.context_line.display = bool(context)
        self.prompt_text.update(plain(question.prompt))
        self.query_one("#question-head", VerticalScroll).scroll_home(animate=False)
        self.forecast_choice = None
        widget, hint = self._answer_widget(question, dealt.labels())
        self._mount_answer(widget, hint)
        self.refresh_status()
        self.call_after_refresh(self._say_if_the_prompt_scrolls)

    def _mount_answer(self, widget, hint: str) -> None:
        area = self.query_one("#answer-area", Container)
        area.remove_children()
        # Removal finishes later, so each widget gets an id of its own (a count, since a
        # round resumed during feedback renders the same question twice).
        self._widgets_made += 1
        widget.id = f"answer-{self._widgets_made}"
        self.answer_widget = widget
        area.mount(widget)
        area.display = True
        self.query_one("#feedback").display = False
        widget.focus()
        self.hint = hint
        self.query_one("#hint", Static).update(plain(hint))  # may quote a choice

    def _ask_confidence(self, shown: int) -> None:
        """A forecast's second step: how sure is the player of the option just chosen?"""
        self.forecast_choice = shown
        labels = [f"{level}%" + {50: " — a coin toss", 100: " — certain"}.get(level, "")
                  for level in CONFIDENCE_LEVELS]
        chosen = self.round.current.labels()[shown]
        self._mount_answer(ChoiceAnswer(labels), f"How sure are you of “{chosen}”? Press "
                           f"1–{len(labels)} (50% to 100%), or arrows and Enter")

    def _say_if_the_prompt_scrolls(self) -> None:
        """A prompt too long for its box scrolls (wheel or Ctrl+↓); the hint says so."""
        head = self.query_one("#question-head", VerticalScroll)
        if head.max_scroll_y > 0 and self.round.phase is Phase.ASKING:
            self.query_one("#hint", Static).update(
                plain("Ctrl+↓ or the wheel scrolls the question. " + self.hint))

    def action_scroll_prompt(self, lines: int) -> None:
        head = self.query_one("#question-head", VerticalScroll)
        head.scroll_to(y=head.scroll_y + lines, animate=False)

    def _answer_widget(self, question, labels):
        if isinstance(question, TrueFalse):
            return (ChoiceAnswer(["True", "False"]),
                    "T or 1 for true, F or 2 for false; or arrows and Enter")
        if isinstance(question, SingleChoice):
            return ChoiceAnswer(labels), choice_hint(len(labels), multi=False)
        if isinstance(question, MultipleSelect):
            return ChoiceAnswer(labels, multi=True), choice_hint(len(labels), multi=True)
        if isinstance(question, Ordering):
            return (OrderingAnswer(labels),
                    "Shift+↑/↓ or K/J to move the highlighted item; Enter to submit")
        if isinstance(question, Numeric):
            return NumericAnswer(question.unit), "Type the number, then Enter"
        if isinstance(question, ShortAnswer):
            return TypedAnswer(), "Type your answer, then Enter" + (
                " (capitals count)" if question.case_sensitive else "")
        if isinstance(question, Matching):
            return (MatchingAnswer([pair.left for pair in question.pairs], labels),
                    matching_hint(len(question.pairs), len(labels)))
        if isinstance(question, Decision):
            return ChoiceAnswer(labels), "Your decision: " + choice_hint(
                len(labels), multi=False).replace("Press", "press")
        if isinstance(question, Prediction):
            return ChoiceAnswer(labels), "Your forecast: " + choice_hint(
                len(labels), multi=False).replace("Press", "press") + "; then how sure"
        raise TypeError(type(question).__name__)

    def refresh_status(self) -> None:
        """Mode and where on the left; progress, score and time left on the right. An
        exam shows no score or streak: it gives no feedback until the review."""
        round_ = self.round
        place = self.session.title(self.session.bank_id, self.session.chapter_id)
        where = f"{round_.mode.title} · {place}"
        number, length = round_.counter
        parts = [f"Question {number}/{length}"]
        if round_.mode.feedback:
            parts += [f"Score {round_.score}", f"Streak {round_.streak}"]
        left = round_.time_left()
        if left is not None:
            parts.append(f"Time left {left:4.1f}s")
        right = "  ·  ".join(parts)
        if f"{where}  ·  {right}" == self.status_text:
            return  # the timer ticks five times a second; repaint only what changed
        self.status_text = f"{where}  ·  {right}"
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(no_wrap=True, justify="right")
        grid.add_row(plain(where), Text("  " + right))
        self.query_one("#status", Static).update(grid, layout=False)  # always one line

    def show_feedback(self, outcome: Outcome) -> None:
        dealt = self.round.pairs()[-1][0]  # by key: a branch skips questions
        feedback = self.query_one("#feedback", VerticalScroll)
        question = dealt.question
        view = (decision_view if isinstance(question, Decision) else forecast_view
                if isinstance(question, Prediction) else feedback_view)(dealt, outcome)
        self.query_one("#feedback-body", Static).update(view)
        feedback.set_class(outcome.scored and not outcome.correct, "wrong")
        self.query_one("#answer-area").display = False
        feedback.display = True
        feedback.scroll_home(animate=False)
        self.answer_widget.disabled = True
        feedback.focus()
        hint = FEEDBACK_HINT if dealt.question.sources else FEEDBACK_HINT.replace(
            " · S: source in full", "")
        if self.round.ends_after_this:
            hint = hint.replace("Enter: next question", "Enter: finish the round")
        self.query_one("#hint", Static).update(hint)

    # ── Events ─────────────────────────────────────────────────────────────
    @on(AnswerGiven)
    def _answered(self, message: AnswerGiven) -> None:
        if self.round.phase is not Phase.ASKING:
            return
        dealt = self.round.current
        question = dealt.question
        if isinstance(question, TrueFalse):
            response = message.shown == 0
        elif isinstance(question, Numeric | ShortAnswer):
            response = message.shown
        elif isinstance(question, Prediction):
            if self.forecast_choice is None:
                self._ask_confidence(message.shown)
                return
            response = dealt.from_display(self.forecast_choice,
                                          confidence=CONFIDENCE_LEVELS[message.shown])
        else:
            response = dealt.from_display(message.shown)
        self._after(self.session.submit(response))

    def action_true_false(self, value: bool) -> None:
        if self.round.phase is Phase.ASKING and isinstance(self.round.current.question,
                                                            TrueFalse):
            self._after(self.session.submit(value))

    def action_source(self) -> None:
        """The answered question's sources in full (after an answer, never before)."""
        if self.round.phase is not Phase.FEEDBACK:
            return
        from quiz.tui.screens.source import SourceScreen

        question = self.round.pairs()[-1][0].question
        if not question.sources:
            self.notify("This question cites no source.")
            return
        self.app.push_screen(SourceScreen(question.sources))

    def action_leave(self) -> None:
        from quiz.tui.screens.dialogs import ConfirmLeave

        def decided(leave: bool | None) -> None:
            if leave:
                self.session.interrupt()
                self.app.show_home()

        self.app.push_screen(ConfirmLeave(), decided)

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
        self.refresh_status()
        if self.round.phase is Phase.FEEDBACK:
            self.show_feedback(outcome)
        else:
            self._next_or_finish()

    def _next_or_finish(self) -> None:
        if self.round.phase is Phase.FINISHED:
            from quiz.tui.screens.debrief import DebriefScreen
            from quiz.tui.screens.summary import SummaryScreen

            chapter = (self.session.library.chapter(self.session.bank_id,
                                                    self.session.chapter_id)
                       if self.round.mode.name == "campaign" else None)
            ends_with_debrief = chapter is not None and (
                chapter.lessons or any(q.type == "decision" for q in chapter.questions))
            self.app.switch_screen((DebriefScreen if ends_with_debrief else SummaryScreen)(
                self.session))
        else:
            self.render_question()
