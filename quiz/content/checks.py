"""Soft checks on a valid bank: things an author should fix but that do not stop play."""

from __future__ import annotations

from collections.abc import Iterator

from quiz.model.bank import Bank


def bank_warnings(bank: Bank) -> Iterator[tuple[tuple, str]]:
    """Yield (location, message) for each question missing an explanation or a source."""
    for index, question in enumerate(bank.questions):
        yield from _question_warnings(question, ("questions", index))
    for s_index, scenario in enumerate(bank.scenarios):
        for index, question in enumerate(scenario.questions):
            yield from _question_warnings(question, ("scenarios", s_index, "questions", index))


def _question_warnings(question, location: tuple) -> Iterator[tuple[tuple, str]]:
    if question.explanation is None:
        yield location + ("id",), f"question {question.id!r} has no explanation"
    if not question.sources:
        yield location + ("id",), f"question {question.id!r} cites no source"
