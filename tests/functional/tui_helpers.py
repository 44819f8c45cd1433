"""Helpers for driving the Textual app with Pilot, keyboard only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from quiz.content.key import format_number
from quiz.game.library import Library, load_library
from quiz.game.round import Phase
from quiz.game.session import Session
from quiz.model.questions import (
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
from quiz.store.history import History
from quiz.tui.app import QuizApp


class FakeClock:
    """A monotonic clock the test moves by hand, so timers and snapshots are stable."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make_app(data_dir, library: Library | None = None, clock=None, seed: int = 7) -> QuizApp:
    session = Session(library or load_library(), History.open(data_dir), seed=seed,
                      clock=clock or FakeClock(),
                      now=lambda: dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC))
    return QuizApp(session, notices=[session.history.warning] if session.history.warning
                   else [])


FIXTURE = Path(__file__).resolve().parents[1] / "snapshots" / "data" / "fixture.yaml"
"""A bank for screen tests with long feedback, sources with every field, an ordering, a
long prompt and a twelve-choice question; it changes only with the tests."""
FIXTURE_TITLE = "Harbour talks: a fixture bank for screen tests"
FIXTURE_CH1 = "Chapter 1 · The first meeting"
FIXTURE_CH2 = "Chapter 2 · The second meeting"


def fixture_app(data_dir, banks: list | None = None, mode: str | None = None) -> QuizApp:
    """The app on the fixture bank (or the given bank files), seeded and with fixed clocks."""
    session = Session(load_library(banks or [FIXTURE]), History.open(data_dir), seed=3,
                      clock=FakeClock(),
                      now=lambda: dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC))
    return QuizApp(session, mode=mode)


async def answer(pilot, app: QuizApp, right: bool = True) -> None:
    """Answer the current question with keys only, rightly or wrongly."""
    dealt = app.session.round.current
    question = dealt.question
    if isinstance(question, TrueFalse):
        await pilot.press("t" if question.answer == right else "f")
    elif isinstance(question, SingleChoice):
        target = question.answer if right else (question.answer + 1) % len(question.choices)
        await pilot.press(*str(dealt.order.index(target) + 1))
        if len(question.choices) > 9:  # long lists take a typed number, then Enter
            await pilot.press("enter")
    elif isinstance(question, MultipleSelect):
        picks = question.answers if right else [i for i in range(len(question.choices))
                                                if i not in question.answers][:1]
        for index in picks:
            await pilot.press(str(dealt.order.index(index) + 1))
        await pilot.press("enter")
    elif isinstance(question, Ordering):
        if right:
            await _sort_items(pilot, list(dealt.order))
        await pilot.press("enter")
    elif isinstance(question, Numeric):
        value = question.answer if right else question.answer + question.tolerance + 1
        await pilot.press(*format_number(value))
        await pilot.press("enter")
    elif isinstance(question, ShortAnswer):  # typed with stray spaces, in upper case
        text = question.answers[-1].text
        typed = text if question.case_sensitive else text.upper()
        typed = "".join(c for c in typed if c.isprintable())  # keys, not control bytes
        await pilot.press("space", *(typed if right else typed + "x"), "space", "enter")
    elif isinstance(question, Matching):  # a letter per item: each pair, or each shifted
        count = len(question.pairs)
        for item in range(count):
            wanted = item if right else (item + 1) % count
            await pilot.press("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[dealt.order.index(wanted)].lower())
        await pilot.press("enter")
    elif isinstance(question, Decision):  # never marked: take what the record shows
        await pilot.press(str(dealt.order.index(question.actual or 0) + 1))
    elif isinstance(question, Prediction):  # the forecast, then how sure (4: 80%)
        target = question.answer if right else (question.answer + 1) % len(question.choices)
        await pilot.press(str(dealt.order.index(target) + 1))
        await pilot.pause()
        await pilot.press("4")
    await pilot.pause()


async def _sort_items(pilot, shown: list[int]) -> None:
    """Selection sort with the ordering keys: highlight with arrows, move up with K."""
    cursor = 0
    for target in range(len(shown)):
        position = shown.index(target)
        step = "down" if position > cursor else "up"
        for _ in range(abs(position - cursor)):
            await pilot.press(step)
        for here in range(position, target, -1):
            await pilot.press("k" if here % 2 else "K")  # the help offers both cases
            shown[here], shown[here - 1] = shown[here - 1], shown[here]
        cursor = target


async def play_round(pilot, app: QuizApp, right: bool = True) -> None:
    """Answer every question, continuing past feedback, until the summary."""
    round_ = app.session.round
    while round_.phase is not Phase.FINISHED:
        await answer(pilot, app, right)
        if round_.phase is Phase.FEEDBACK:
            await pilot.press("enter")
            await pilot.pause()


def screen_lines(app) -> list[str]:
    """Every row of the screen as text, as a person would read it off the terminal."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))
