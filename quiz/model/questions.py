"""The question types, a discriminated union on `type`, with their answer-checking rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PositiveFloat, PositiveInt, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from quiz.model.common import Identifier, Source, StrictModel, Tag, Text, normalized

Difficulty = Literal["easy", "medium", "hard"]


class Context(StrictModel):
    """The scenario moment the player steps into before reading the prompt."""

    date: Text | None = None
    """When the moment takes place, as the player would say it, e.g. `November 2016`."""
    place: Text | None = None
    """Where the player is, e.g. `Ministry of National Defense, Seoul`."""
    role: Text | None = None
    """Who the player is, e.g. `a desk officer reading the morning wires`."""


class QuestionBase(StrictModel):
    """Fields every question type shares."""

    id: Identifier
    """Unique within the bank; history and review schedules refer to it."""
    prompt: Text
    """The question itself."""
    context: Context | None = None
    """The scenario moment: date, place and the player's role."""
    explanation: Text | None = None
    """Shown after answering: why the right answer is right."""
    sources: list[Source] = []
    """The documents that support the answer."""
    difficulty: Difficulty = "medium"
    """`easy`, `medium` or `hard`; scoring awards points by difficulty."""
    tags: list[Tag] = []
    """Labels for grouping and for the summary's breakdown."""
    points: PositiveInt | None = None
    """Overrides the points the bank's scoring would give this question."""
    time_limit: PositiveFloat | None = None
    """Overrides the timed modes' limit for this question, in seconds."""


def _reject_duplicates(values: list[str], what: str) -> list[str]:
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        key = normalized(value)
        if key in seen:
            raise PydanticCustomError(
                "duplicate_" + what,
                "{what} {index} repeats {what} {first} ('{text}')",
                {"what": what, "index": index, "first": seen[key], "text": value, "at": index},
            )
        seen[key] = index
    return values


def _check_index(index: int, choices: list[str] | None, *, at: int | None = None) -> None:
    if choices is not None and not 0 <= index < len(choices):
        context = {"index": index, "last": len(choices) - 1}
        if at is not None:
            context["at"] = at
        raise PydanticCustomError(
            "answer_out_of_range",
            "answer {index} is out of range: choices are numbered 0 to {last}",
            context,
        )


class SingleChoice(QuestionBase):
    """Pick the one correct choice."""

    type: Literal["single_choice"]
    choices: list[Text] = Field(min_length=2)
    """The options shown, at least two; the game shuffles them."""
    answer: int = Field(ge=0)
    """The position of the correct choice, counting from 0."""

    @field_validator("choices")
    @classmethod
    def _choices_unique(cls, value: list[str]) -> list[str]:
        return _reject_duplicates(value, "choice")

    @field_validator("answer")
    @classmethod
    def _answer_in_range(cls, value: int, info: ValidationInfo) -> int:
        _check_index(value, info.data.get("choices"))
        return value


class MultipleSelect(QuestionBase):
    """Pick every correct choice, and no wrong one."""

    type: Literal["multiple_select"]
    choices: list[Text] = Field(min_length=2)
    """The options shown, at least two; the game shuffles them."""
    answers: list[Annotated[int, Field(ge=0)]] = Field(min_length=1)
    """The positions of all correct choices, counting from 0."""

    @field_validator("choices")
    @classmethod
    def _choices_unique(cls, value: list[str]) -> list[str]:
        return _reject_duplicates(value, "choice")

    @field_validator("answers")
    @classmethod
    def _answers_valid(cls, value: list[int], info: ValidationInfo) -> list[int]:
        seen: set[int] = set()
        for position, index in enumerate(value):
            _check_index(index, info.data.get("choices"), at=position)
            if index in seen:
                raise PydanticCustomError(
                    "duplicate_answer", "answer {index} is listed twice",
                    {"index": index, "at": position},
                )
            seen.add(index)
        return value


class TrueFalse(QuestionBase):
    """Decide whether a statement is true."""

    type: Literal["true_false"]
    answer: bool
    """`true` if the prompt's statement is true."""


class Ordering(QuestionBase):
    """Put the items in the right order, e.g. events on a timeline."""

    type: Literal["ordering"]
    items: list[Text] = Field(min_length=2)
    """The items in their correct order; the game shuffles them."""

    @field_validator("items")
    @classmethod
    def _items_unique(cls, value: list[str]) -> list[str]:
        return _reject_duplicates(value, "item")


class Numeric(QuestionBase):
    """Type a number; anything within the tolerance counts."""

    type: Literal["numeric"]
    answer: float
    """The correct value."""
    tolerance: float = Field(default=0, ge=0)
    """How far from `answer` a reply may be and still count; 0 means exact."""
    unit: Text | None = None
    """The unit the number is given in, e.g. `km`."""


Question = Annotated[
    SingleChoice | MultipleSelect | TrueFalse | Ordering | Numeric,
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single_choice", "multiple_select", "true_false", "ordering", "numeric")
