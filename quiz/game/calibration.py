"""Scoring predictions on calibration: the Brier score, points from it, and the table of
how often a player was right at each confidence they gave."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quiz.model.questions import CONFIDENCE_LEVELS

BASELINE = 0.25
"""The Brier score of always saying 50%: what a player who knows nothing can be sure of."""
MAX_POINTS = 100


def brier(confidence: int, right: bool) -> float:
    """(p − outcome)², where p is the confidence that the chosen answer is what happened:
    0 for certainty and right, 1 for certainty and wrong, 0.25 for 50% either way."""
    if confidence not in CONFIDENCE_LEVELS:
        raise ValueError(f"confidence must be one of {CONFIDENCE_LEVELS}, not {confidence!r}")
    p = confidence / 100
    return (p - (1.0 if right else 0.0)) ** 2


def points(confidence: int, right: bool) -> int:
    """Points from the Brier score: 100 for a right call made with certainty, 75 for any
    50% call, 0 for a wrong one made with certainty. No bonus for speed."""
    return round(MAX_POINTS * (1 - brier(confidence, right)))


@dataclass(frozen=True)
class Level:
    """One row of the calibration table."""

    confidence: int
    asked: int
    right: int

    @property
    def hit_rate(self) -> float:
        return self.right / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class Calibration:
    """A player's predictions summed up: mean Brier score against the 50% baseline, and
    the hit rate at each confidence level used."""

    count: int
    mean_brier: float
    levels: list[Level]

    @property
    def beats_baseline(self) -> bool:
        return self.count > 0 and self.mean_brier < BASELINE


def calibration(calls: Iterable[tuple[int, bool]]) -> Calibration:
    """From (confidence, right) pairs: the mean Brier score and the per-level hit rates."""
    calls = list(calls)
    levels = []
    for level in CONFIDENCE_LEVELS:
        made = [right for confidence, right in calls if confidence == level]
        if made:
            levels.append(Level(level, len(made), sum(made)))
    mean = sum(brier(c, r) for c, r in calls) / len(calls) if calls else 0.0
    return Calibration(len(calls), mean, levels)
