"""Per-bank scoring rules: points by difficulty, time and streak bonuses."""

from __future__ import annotations

from pydantic import Field

from quiz.model.common import StrictModel


class DifficultyPoints(StrictModel):
    """Base points for a correct answer, by the question's difficulty."""

    easy: int = Field(default=100, ge=0, le=1_000_000)
    """Points for an easy question."""
    medium: int = Field(default=200, ge=0, le=1_000_000)
    """Points for a medium question."""
    hard: int = Field(default=300, ge=0, le=1_000_000)
    """Points for a hard question."""


class ScoringRules(StrictModel):
    """How a bank scores answers; every field has a sensible default."""

    points: DifficultyPoints = DifficultyPoints()
    """Base points by difficulty; a question's own `points` overrides them."""
    time_bonus: float = Field(default=0.5, ge=0, le=10)
    """In timed modes, an instant answer earns this share of the base points on top,
    falling linearly to nothing at the time limit."""
    streak_bonus: float = Field(default=0.1, ge=0, le=10)
    """Each correct answer in a row before this one adds this share of the base points."""
    streak_cap: int = Field(default=5, ge=0, le=100)
    """The streak counts for at most this many answers."""
    speed_free: bool = False
    """Turn off the time bonus everywhere, so careful players are not penalised."""
