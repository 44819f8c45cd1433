"""Score one answer: base points by difficulty, plus time and streak bonuses, never negative."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.model.questions import Question
from quiz.model.scoring import ScoringRules


@dataclass(frozen=True)
class Points:
    """The parts of one answer's score."""

    base: int
    time_bonus: int
    streak_bonus: int

    @property
    def total(self) -> int:
        return self.base + self.time_bonus + self.streak_bonus


NO_POINTS = Points(0, 0, 0)


def base_points(rules: ScoringRules, question: Question) -> int:
    """The question's own points, or the bank's points for its difficulty."""
    if question.points is not None:
        return question.points
    return getattr(rules.points, question.difficulty)


def score_answer(rules: ScoringRules, question: Question, *, correct: bool,
                 elapsed: float, limit: float | None, streak_before: int) -> Points:
    """Points for one answer. A wrong answer scores nothing; nothing is ever taken away."""
    if not correct:
        return NO_POINTS
    base = base_points(rules, question)
    time_bonus = 0
    if limit and not rules.speed_free:
        remaining = min(1.0, max(0.0, 1.0 - max(0.0, elapsed) / limit))
        time_bonus = round(base * rules.time_bonus * remaining)
    streak = min(max(0, streak_before), rules.streak_cap)
    streak_bonus = round(base * rules.streak_bonus * streak)
    return Points(base, time_bonus, streak_bonus)
