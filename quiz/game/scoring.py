"""Score one answer: base points by difficulty, plus time and streak bonuses, never negative.
An ordering or a matching that is not fully right earns its share of the base for each item
in place or pair matched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.game.answers import pairs_matched
from quiz.model.questions import Matching, Ordering, Question
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


def items_in_place(question: Question, response: object) -> int | None:
    """For an ordering answer, how many items stand in their right position; else None."""
    if not isinstance(question, Ordering) or not isinstance(response, Sequence):
        return None
    if sorted(response) != list(range(len(question.items))):
        return None
    return sum(1 for position, item in enumerate(response) if position == item)


def parts_right(question: Question, response: object) -> tuple[int, int] | None:
    """(right, of) for an answer scored in parts: an ordering's items in place, a
    matching's pairs matched. None for other types and for a malformed ordering."""
    if isinstance(question, Matching):
        return pairs_matched(question, response), len(question.pairs)
    placed = items_in_place(question, response)
    return None if placed is None else (placed, len(question.items))


def score_answer(rules: ScoringRules, question: Question, *, correct: bool,
                 elapsed: float, limit: float | None, streak_before: int,
                 response: object = None) -> Points:
    """Points for one answer; nothing is ever taken away. A wrong answer scores nothing,
    except an ordering or matching given as `response`: each item in its right place, or
    pair matched, earns its share of the base points (no bonuses), though the answer still
    counts as wrong."""
    if not correct:
        right, of = parts_right(question, response) or (0, 1)
        if not right:
            return NO_POINTS
        return Points(round(base_points(rules, question) * right / of), 0, 0)
    base = base_points(rules, question)
    time_bonus = 0
    if limit and not rules.speed_free:
        remaining = min(1.0, max(0.0, 1.0 - max(0.0, elapsed) / limit))
        time_bonus = round(base * rules.time_bonus * remaining)
    streak = min(max(0, streak_before), rules.streak_cap)
    streak_bonus = round(base * rules.streak_bonus * streak)
    return Points(base, time_bonus, streak_bonus)
