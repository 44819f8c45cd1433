"""How a student's answer is read for each question kind: the shape the open question
takes, in display positions, turned into the bank's numbering; anything else refused."""

from __future__ import annotations

import math

from quiz.classroom.protocol import MAX_NUMBER
from quiz.game.answers import valid_forecast
from quiz.game.round import Dealt
from quiz.model.questions import (
    CONFIDENCE_LEVELS,
    MAX_TYPED,
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
from quiz.safety.terminal import has_controls


class Malformed(ValueError):
    """An answer whose shape does not fit the open question; `str()` says why."""


FORECAST_NEEDED = ("this question asks for a forecast: a choice and how sure you are "
                   f"({', '.join(map(str, CONFIDENCE_LEVELS[:-1]))} or "
                   f"{CONFIDENCE_LEVELS[-1]}%)")


def read_answer(dealt: Dealt, shown: object):
    """A display-position answer in the bank's numbering; Malformed if it does not fit."""
    question = dealt.question
    if isinstance(question, Prediction):
        forecast = valid_forecast(question, shown)  # the same shape, in display positions
        if forecast is None:
            raise Malformed(FORECAST_NEEDED)
        return dealt.from_display(forecast.choice, confidence=forecast.confidence)
    try:
        if isinstance(question, TrueFalse) and isinstance(shown, bool):
            return shown
        if isinstance(question, Numeric) and type(shown) in (int, float):
            if abs(shown) <= MAX_NUMBER and math.isfinite(shown):  # NaN compares false
                return float(shown)
            raise IndexError
        if isinstance(question, SingleChoice | Decision) and type(shown) is int and shown >= 0:
            return dealt.from_display(shown)
        if isinstance(question, MultipleSelect | Ordering) and isinstance(shown, list):
            if len(set(shown)) != len(shown) or not all(type(i) is int for i in shown):
                raise IndexError
            if any(i < 0 for i in shown):
                raise IndexError
            if isinstance(question, Ordering) and len(shown) != len(dealt.order):
                raise IndexError
            return dealt.from_display(shown)
        if isinstance(question, ShortAnswer) and isinstance(shown, str):
            return _typed(shown)
        if isinstance(question, Matching) and isinstance(shown, list):
            return _matching(dealt, shown)
    except IndexError:
        pass
    raise Malformed("that answer does not fit this question")


def _typed(shown: str) -> str:
    """A typed answer as the protocol checks it (also for callers that skip it)."""
    if len(shown) > MAX_TYPED or has_controls(shown) or not shown.strip():
        raise IndexError
    return shown


def _matching(dealt: Dealt, shown: list):
    """A match position (or None) for each item, in the bank's numbering."""
    if len(shown) != len(dealt.question.pairs) or not all(
            i is None or (type(i) is int and 0 <= i < len(dealt.order)) for i in shown):
        raise IndexError
    return dealt.from_display(shown)
