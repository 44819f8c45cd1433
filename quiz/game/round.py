"""The round state machine: deal, ask, answer, give feedback, finish. No Textual here."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from quiz.game import calibration
from quiz.game.answers import Forecast, Response, is_correct, is_scored
from quiz.game.modes import Mode, limit_for
from quiz.game.scoring import NO_POINTS, Points, score_answer
from quiz.model.questions import (
    Decision,
    Matching,
    MultipleSelect,
    Ordering,
    Prediction,
    Question,
    SingleChoice,
)
from quiz.model.scoring import ScoringRules

LATE_GRACE = 0.25
"""Seconds of slack before a timed answer counts as late (a keypress in flight)."""


class Phase(StrEnum):
    ASKING = "asking"
    FEEDBACK = "feedback"
    FINISHED = "finished"


@dataclass(frozen=True)
class Entry:
    """A question with where it comes from."""

    bank_id: str
    scenario_id: str | None
    question: Question

    @property
    def key(self) -> str:
        """Stable across sessions: history and review schedules refer to it."""
        return f"{self.bank_id}/{self.question.id}"


@dataclass(frozen=True)
class Dealt:
    """A question as dealt: its choices or items in a shuffled display order."""

    entry: Entry
    order: tuple[int, ...] = ()
    """Display position → the bank's own index of the choice or item shown there (for a
    matching, of the right-hand item: its left-hand items keep the bank's order)."""

    @property
    def question(self) -> Question:
        return self.entry.question

    def labels(self) -> list[str]:
        """Choices, items, decision options or right-hand matches as displayed."""
        question = self.question
        if isinstance(question, Ordering):
            texts = question.items
        elif isinstance(question, Matching):
            texts = question.matches
        elif isinstance(question, Decision):
            texts = [option.text for option in question.options]
        else:
            texts = getattr(question, "choices", [])
        return [texts[i] for i in self.order]

    def from_display(self, shown, confidence: int | None = None) -> Response:
        """Translate display positions into the bank's numbering (with a prediction's
        confidence, a forecast)."""
        if isinstance(self.question, Prediction):
            return Forecast(self.order[shown], confidence if confidence is not None else 50)
        if isinstance(self.question, SingleChoice | Decision):
            return self.order[shown]
        if isinstance(self.question, MultipleSelect):
            return frozenset(self.order[i] for i in shown)
        if isinstance(self.question, Ordering):
            return tuple(self.order[i] for i in shown)
        if isinstance(self.question, Matching):  # a shown match (or None) per left item
            return tuple(None if i is None else self.order[i] for i in shown)
        raise TypeError("only choice, ordering and matching questions have display positions")


@dataclass(frozen=True)
class Outcome:
    """One answered (or timed-out) question."""

    key: str
    response: Response | None
    correct: bool
    points: Points
    elapsed: float
    timed_out: bool = False
    scored: bool = True
    """False for a decision: compared with the record in the debrief, never marked."""


@dataclass
class Summary:
    """How a round went."""

    score: int
    correct: int
    total: int
    duration: float
    best_streak: int
    by_tag: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Tag → (right, asked)."""

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def option_count(question: Question) -> int:
    """How many choices, items, options or right-hand matches a question shows (0 for
    true/false, numeric and short answer)."""
    if isinstance(question, Ordering):
        return len(question.items)
    if isinstance(question, Matching):
        return len(question.matches)
    if isinstance(question, Decision):
        return len(question.options)
    return len(getattr(question, "choices", []))


def _shuffled_order(question: Question, rng: random.Random) -> tuple[int, ...]:
    size = option_count(question)
    order = list(range(size))
    for _ in range(8):  # an ordering dealt already in order would be a free point
        rng.shuffle(order)
        if not isinstance(question, Ordering) or order != sorted(order) or size < 2:
            break
    return tuple(order)


def deal(entries: list[Entry], mode: Mode, seed: int) -> list[Dealt]:
    """Choose and shuffle a round's questions, and each question's choices, by seed."""
    rng = random.Random(seed)
    pool = [e for e in entries if mode.only_types is None or e.question.type in mode.only_types]
    if mode.shuffle:
        # Decisions and forecasts belong to a story told in order (a chapter, or the
        # predict mode's turning points); shuffled in with recall questions they would
        # lose their moment, and a branch would lead nowhere.
        pool = [e for e in pool if e.question.type not in ("decision", "predict")
                or (mode.only_types and e.question.type in mode.only_types)]
    if mode.shuffle:
        rng.shuffle(pool)
    if mode.round_length is not None:
        pool = pool[:mode.round_length]
    return [Dealt(entry, _shuffled_order(entry.question, rng)) for entry in pool]


class Round:
    """One round in progress. Screens render it and forward answers; it decides the rest."""

    def __init__(self, dealt: list[Dealt], mode: Mode, rules: ScoringRules,
                 clock: Callable[[], float] = time.monotonic):
        if not dealt:
            raise ValueError("a round needs at least one question")
        self.dealt = dealt
        self.mode = mode
        self.rules = rules
        self.clock = clock
        self.outcomes: list[Outcome] = []
        self.phase = Phase.ASKING
        self.position = 0
        self.streak = 0
        self.best_streak = 0
        self.asked_at = clock()

    @property
    def current(self) -> Dealt:
        return self.dealt[self.position]

    @property
    def total(self) -> int:
        return len(self.dealt)

    @property
    def counter(self) -> tuple[int, int]:
        """(this question's number, the round's length) as the player counts them: a
        branch that jumps ahead shortens the round rather than skipping numbers."""
        done = len(self.outcomes) - (1 if self.phase is Phase.FEEDBACK else 0)
        return done + 1, done + len(self.dealt) - self.position

    @property
    def score(self) -> int:
        return sum(o.points.total for o in self.outcomes)

    @property
    def last(self) -> Outcome | None:
        return self.outcomes[-1] if self.outcomes else None

    def time_limit(self, dealt: Dealt | None = None) -> float | None:
        """Seconds allowed for a question, or None when the mode is untimed."""
        if not self.mode.timed:
            return None
        return limit_for((dealt or self.current).question, self.mode.time_limit)

    def time_left(self) -> float | None:
        limit = self.time_limit()
        if limit is None or self.phase is not Phase.ASKING:
            return None
        return max(0.0, limit - (self.clock() - self.asked_at))

    def submit(self, response: Response | None) -> Outcome:
        """Answer the current question; a late or missing response scores nothing."""
        if self.phase is not Phase.ASKING:
            raise RuntimeError(f"cannot answer while the round is {self.phase}")
        elapsed = max(0.0, self.clock() - self.asked_at)
        limit = self.time_limit()
        return self._record(response, elapsed, limit is not None and elapsed > limit + LATE_GRACE)

    def _record(self, response: Response | None, elapsed: float, timed_out: bool) -> Outcome:
        limit = self.time_limit()
        if timed_out:
            response = None
        question = self.current.question
        correct = is_correct(question, response)
        scored = is_scored(question)
        if not scored:
            points = NO_POINTS  # a decision is compared in the debrief, not marked
        elif isinstance(question, Prediction):
            # Calibration, not speed: the Brier score of the confidence given.
            points = (Points(calibration.points(response.confidence, correct), 0, 0)
                      if isinstance(response, Forecast) else NO_POINTS)
        else:
            points = score_answer(self.rules, question, correct=correct, elapsed=elapsed,
                                  limit=limit, streak_before=self.streak, response=response)
        if scored:
            self.streak = self.streak + 1 if correct else 0
            self.best_streak = max(self.best_streak, self.streak)
        outcome = Outcome(self.current.entry.key, response, correct, points,
                          min(elapsed, limit) if limit else elapsed,
                          timed_out or response is None, scored)
        self.outcomes.append(outcome)
        if self.mode.feedback:
            self.phase = Phase.FEEDBACK
        else:
            self._next()
        return outcome

    def expire(self) -> Outcome | None:
        """Record a timeout if the current question's time is up; otherwise do nothing."""
        left = self.time_left()
        if left is None or left > 0:
            return None
        return self._record(None, self.time_limit() or 0.0, timed_out=True)

    def advance(self) -> None:
        """Leave the feedback for the next question, or finish."""
        if self.phase is not Phase.FEEDBACK:
            raise RuntimeError(f"cannot advance while the round is {self.phase}")
        self._next()

    @property
    def ends_after_this(self) -> bool:
        """Whether leaving the current question finishes the round (after any branch)."""
        return self._following() >= len(self.dealt)

    def _following(self) -> int:
        target = self._branch() if not self.mode.shuffle else None
        return self.position + 1 if target is None else target

    def _next(self) -> None:
        following = self._following()
        if following >= len(self.dealt):
            self.phase = Phase.FINISHED
        else:
            self.position = following
            self.phase = Phase.ASKING
            self.asked_at = self.clock()

    def _branch(self) -> int | None:
        """Where a decision's chosen option leads, as a position in the round: its `goto`
        (a question of the same scenario), or None for the next question."""
        dealt, outcome = self.current, self.last
        question = dealt.question
        if not isinstance(question, Decision) or outcome is None or outcome.response is None:
            return None
        goto = question.options[outcome.response].goto
        if goto is None:
            return None
        return next((n for n, other in enumerate(self.dealt)
                     if other.question.id == goto
                     and other.entry.scenario_id == dealt.entry.scenario_id), None)

    def pairs(self) -> list[tuple[Dealt, Outcome]]:
        """Each answered question with its outcome, in play order (a branch skips some)."""
        by_key = {dealt.entry.key: dealt for dealt in self.dealt}
        return [(by_key[outcome.key], outcome) for outcome in self.outcomes]

    def summary(self) -> Summary:
        by_tag: dict[str, tuple[int, int]] = {}
        for dealt, outcome in self.pairs():
            if not outcome.scored:
                continue
            for tag in dealt.question.tags or ["untagged"]:
                right, asked = by_tag.get(tag, (0, 0))
                by_tag[tag] = (right + outcome.correct, asked + 1)
        scored = [o for o in self.outcomes if o.scored]
        return Summary(score=self.score, correct=sum(o.correct for o in scored),
                       total=len(scored), duration=sum(o.elapsed for o in self.outcomes),
                       best_streak=self.best_streak, by_tag=by_tag)
