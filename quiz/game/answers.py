"""What a player's response is for each question type, and whether it is right."""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from quiz.content.key import format_number
from quiz.model.folding import folded
from quiz.model.questions import (
    CONFIDENCE_LEVELS,
    AcceptedAnswer,
    Decision,
    Matching,
    MultipleSelect,
    Numeric,
    Ordering,
    Prediction,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)


class Forecast(NamedTuple):
    """A prediction's response: the choice, and how sure the player was (50–100 %)."""

    choice: int
    confidence: int


Response = (int | frozenset[int] | bool | tuple[int, ...] | float | str
            | tuple[int | None, ...] | Forecast)
"""In terms of the bank's own numbering: a choice index (or a decision's option), a set of
them, true/false, item indices in the order the player put them, a number, typed text, a
match per left-hand item (an index into `Matching.matches`, or None for none), or a
forecast."""


def accepted(question: ShortAnswer, typed: object) -> AcceptedAnswer | None:
    """The accepted answer that typed text matches, folded as the question says; or None."""
    if not isinstance(typed, str):
        return None
    key = folded(typed, case_sensitive=question.case_sensitive)
    return next((answer for answer in question.answers
                 if folded(answer.text, case_sensitive=question.case_sensitive) == key), None)


def pairs_matched(question: Matching, response: object) -> int:
    """How many left-hand items a matching response pairs with their own right item."""
    if not isinstance(response, tuple | list):
        return 0
    key = question.key
    return sum(1 for left, match in enumerate(response[:len(question.pairs)])
               if match == key[left])


def is_scored(question: Question) -> bool:
    """Decisions are compared with the record in the debrief, never marked right or wrong."""
    return not isinstance(question, Decision)


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
            return math.isfinite(value) and any(
                abs(value - answer) <= tolerance + 1e-9 * max(1.0, abs(answer))
                for answer, tolerance in question.accepted())
        case ShortAnswer():
            return accepted(question, response) is not None
        case Matching():
            return (isinstance(response, tuple | list) and len(response) == len(question.pairs)
                    and pairs_matched(question, response) == len(question.pairs))
        case Prediction():
            return isinstance(response, Forecast) and response.choice == question.answer
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
        case ShortAnswer():
            return response.strip() or "(blank)"
        case Matching():
            return "; ".join(f"{pair.left} → {match_text(question, match)}"
                             for pair, match in zip(question.pairs, response, strict=False))
        case Decision():
            return question.options[response].text
        case Prediction():
            return f"{question.choices[response.choice]} ({response.confidence}% sure)"
    return str(response)


def match_text(question: Matching, match: int | None) -> str:
    """The right-hand item a player picked for a left-hand one, or `(none)`."""
    return "(none)" if match is None else question.matches[match]


def to_json(response: Response | None) -> Any:
    """A response as JSON-ready data (sets and tuples become lists, a forecast a mapping)."""
    if isinstance(response, Forecast):
        return {"choice": response.choice, "confidence": response.confidence}
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
        case Ordering() | Matching():
            return tuple(data)
        case Numeric():
            return float(data)
        case ShortAnswer():
            return str(data)
        case Prediction():
            return Forecast(int(data["choice"]), int(data["confidence"]))
    return data


def valid_forecast(question: Prediction, data: Any) -> Forecast | None:
    """A forecast from untrusted data (a client's message), or None if it is malformed."""
    if not isinstance(data, dict) or set(data) != {"choice", "confidence"}:
        return None
    choice, confidence = data["choice"], data["confidence"]
    if type(choice) is not int or type(confidence) is not int:
        return None
    if not 0 <= choice < len(question.choices) or confidence not in CONFIDENCE_LEVELS:
        return None
    return Forecast(choice, confidence)
