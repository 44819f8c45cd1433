"""The answer key: every question with its correct answer as readable text."""

from __future__ import annotations

from typing import Any

from quiz.model.bank import Bank
from quiz.model.questions import (
    Context,
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


def format_number(value: float) -> str:
    """`2000` rather than `2000.0`; keeps real fractions."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def answer_text(question: Question) -> str:
    """The correct answer in words: joined choices, ordered items, a number with unit, the
    accepted answers (the usual one first), or each pair."""
    match question:
        case SingleChoice():
            return question.choices[question.answer]
        case MultipleSelect():
            return "; ".join(question.choices[i] for i in sorted(question.answers))
        case TrueFalse():
            return "True" if question.answer else "False"
        case Ordering():
            return " → ".join(question.items)
        case Numeric():
            text = " or ".join(
                format_number(answer) + (f" ± {format_number(tolerance)}" if tolerance else "")
                for answer, tolerance in question.accepted())
            return f"{text} {question.unit}" if question.unit else text
        case ShortAnswer():
            text = question.answers[0].text
            if len(question.answers) > 1:
                text += " (also accepted: " + "; ".join(
                    answer.text for answer in question.answers[1:]) + ")"
            return text + (" (case matters)" if question.case_sensitive else "")
        case Matching():
            return "; ".join(f"{pair.left} → {pair.right}" for pair in question.pairs)
        case Prediction():
            return question.choices[question.answer]
        case Decision():
            actual = question.actual
            return ("Not scored; the real actor chose: " + question.options[actual].text
                    if actual is not None else "Not scored: no option is marked actual")
    raise TypeError(f"unknown question type {type(question).__name__}")


def context_text(context: Context | None) -> str:
    """`November 2016 · Seoul · a desk officer`, or empty."""
    if context is None:
        return ""
    return " · ".join(part for part in (context.date, context.place, context.role) if part)


def key_entries(bank: Bank) -> list[dict[str, Any]]:
    """One flat record per question, in play order."""
    entries = []
    for scenario, question in bank.all_questions():
        entries.append({
            "bank": bank.id,
            "scenario": scenario.id if scenario else None,
            "id": question.id,
            "type": question.type,
            "prompt": question.prompt,
            "context": question.context.model_dump(exclude_none=True)
            if question.context else None,
            "answer": answer_text(question),
            "explanation": question.explanation,
            "sources": [s.model_dump(exclude_none=True) for s in question.sources],
        })
    return entries
