"""What a player's response is for each question type, and whether it is right."""

from __future__ import annotations

import math
from typing import Any

from quiz.content.key import format_number
from quiz.model.questions import (
    MultipleSelect,
    Numeric,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)

Response = int | frozenset[int] | bool | tuple[int, ...] | float
"""In terms of the bank's own numbering: a choice index, a set of them, true/false, item
indices in the order the player put them, or a number."""


def is_correct(question: Question, response: Response | None) -> bool:
    """Whether a response is right; None (no answer, e.g. time ran out) never is."""
    if response is None:
        return False
    match question:
        case SingleChoice():
            return response == question.answer
        case MultipleSelect():
            return frozenset(response) == frozenset(question.answers)
        case TrueFalse():
            return response is question.answer
        case Ordering():
            return tuple(response) == tuple(range(len(question.items)))
        case Numeric():
            value = float(response)
            return math.isfinite(value) and abs(value - question.answer) <= (
                question.tolerance + 1e-9 * max(1.0, abs(question.answer)))
    return False


def response_text(question: Question, response: Response | None) -> str:
    """A response in words, for feedback and reviews."""
    if response is None:
        return "(no answer)"
    match question:
        case SingleChoice():
            return question.choices[response]
        case MultipleSelect():
            return "; ".join(question.choices[i] for i in sorted(response)) or "(none)"
        case TrueFalse():
            return "True" if response else "False"
        case Ordering():
            return " → ".join(question.items[i] for i in response)
        case Numeric():
            unit = f" {question.unit}" if question.unit else ""
            return format_number(float(response)) + unit
    return str(response)


def to_json(response: Response | None) -> Any:
    """A response as JSON-ready data (sets and tuples become lists)."""
    if isinstance(response, frozenset):
        return sorted(response)
    if isinstance(response, tuple):
        return list(response)
    return response


def from_json(question: Question, data: Any) -> Response | None:
    """Inverse of `to_json`, typed by the question."""
    if data is None:
        return None
    match question:
        case MultipleSelect():
            return frozenset(data)
        case Ordering():
            return tuple(data)
        case Numeric():
            return float(data)
    return data
