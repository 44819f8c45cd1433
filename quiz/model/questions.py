"""The question types, a discriminated union on `type`, with their answer-checking rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    PositiveFloat,
    PositiveInt,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from quiz.model.common import TEXT_PATTERN, Identifier, Source, StrictModel, Tag, Text
from quiz.model.folding import folded
from quiz.model.rules import check_folded_unique, check_index, check_unique

Difficulty = Literal["easy", "medium", "hard"]
MAX_CHOICES = 1000
"""A bound on answer positions, so a 4,000-digit `answer` gets a plain range message."""


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
    points: PositiveInt | None = Field(default=None, le=1_000_000)
    """Overrides the points the bank's scoring would give this question."""
    time_limit: PositiveFloat | None = Field(default=None, le=86_400)
    """Overrides the timed modes' limit for this question, in seconds."""


class SingleChoice(QuestionBase):
    """Pick the one correct choice."""

    type: Literal["single_choice"]
    choices: list[Text] = Field(min_length=2)
    """The options shown, at least two; the game shuffles them."""
    answer: int = Field(ge=0, lt=MAX_CHOICES)
    """The position of the correct choice, counting from 0."""

    # One model-level check per question is much cheaper than a field validator per field.
    @model_validator(mode="after")
    def _answer_fits_choices(self) -> SingleChoice:
        check_unique(self.choices, "choices", "choice")
        check_index(self.answer, self.choices, ("answer",))
        return self


class MultipleSelect(QuestionBase):
    """Pick every correct choice, and no wrong one."""

    type: Literal["multiple_select"]
    choices: list[Text] = Field(min_length=2)
    """The options shown, at least two; the game shuffles them."""
    answers: list[Annotated[int, Field(ge=0, lt=MAX_CHOICES)]] = Field(min_length=1)
    """The positions of all correct choices, counting from 0."""

    @model_validator(mode="after")
    def _answers_fit_choices(self) -> MultipleSelect:
        check_unique(self.choices, "choices", "choice")
        seen: set[int] = set()
        for position, index in enumerate(self.answers):
            check_index(index, self.choices, ("answers", position))
            if index in seen:
                raise PydanticCustomError(
                    "duplicate_answer", "answer {index} is listed twice",
                    {"index": index, "at": ("answers", position)},
                )
            seen.add(index)
        return self


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

    @model_validator(mode="after")
    def _items_unique(self) -> Ordering:
        check_unique(self.items, "items", "item")
        return self


class NumericValue(StrictModel):
    """One more value that counts as right, with its own tolerance."""

    answer: float
    """The value."""
    tolerance: float = Field(default=0, ge=0)
    """How far from this value a reply may be and still count; 0 means exact."""


class Numeric(QuestionBase):
    """Type a number; anything within the tolerance counts."""

    type: Literal["numeric"]
    answer: float
    """The correct value."""
    tolerance: float = Field(default=0, ge=0)
    """How far from `answer` a reply may be and still count; 0 means exact."""
    other_answers: list[NumericValue] = []
    """Further values that count as right too, each with its own tolerance, e.g. both roots
    of an equation (Moodle's numerical questions can have several)."""
    unit: Text | None = None
    """The unit the number is given in, e.g. `km`."""

    @model_validator(mode="after")
    def _other_answers_differ(self) -> Numeric:
        seen = [(self.answer, self.tolerance)]
        for index, other in enumerate(self.other_answers):
            if (other.answer, other.tolerance) in seen:
                raise PydanticCustomError(
                    "duplicate_answer", "other answer {index} repeats an earlier value "
                    "({value})", {"index": index, "value": str(other.answer).removesuffix(".0"),
                                  "at": ("other_answers", index, "answer")})
            seen.append((other.answer, other.tolerance))
        return self

    def accepted(self) -> list[tuple[float, float]]:
        """Every (value, tolerance) that counts as right, the main answer first."""
        return [(self.answer, self.tolerance)] + [
            (other.answer, other.tolerance) for other in self.other_answers]


MAX_TYPED = 1000
"""The longest answer a player can type, and so the longest accepted answer."""
TypedText = Annotated[str, StringConstraints(pattern=TEXT_PATTERN, max_length=MAX_TYPED)]
"""Text a player could type: visible, no control characters, at most `MAX_TYPED` long."""


class AcceptedAnswer(StrictModel):
    """One answer that counts as right, with what to tell a player who gives it."""

    text: TypedText
    """The answer as a player might type it; spacing, Unicode forms and (unless
    `case_sensitive`) case do not matter."""
    feedback: Text | None = None
    """Shown to a player whose answer matched this one, e.g. why a variant is accepted."""


class ShortAnswer(QuestionBase):
    """Type the answer; any of the accepted answers counts, compared after trimming spaces
    and folding Unicode (NFKC), and ignoring case unless `case_sensitive`."""

    type: Literal["short_answer"]
    answers: list[AcceptedAnswer] = Field(
        min_length=1, max_length=100,
        # The plain-text shorthand replaces the schema, so the bounds are restated.
        json_schema_extra={"minItems": 1, "maxItems": 100})
    """Every answer that counts as right, the usual one first (keys and feedback show it).
    Each is text, or `text` with a `feedback` for players who give it."""
    case_sensitive: bool = False
    """True if `Nato` must not count for `NATO`; by default case is ignored."""

    @field_validator("answers", mode="before", json_schema_input_type=list[
        TypedText | AcceptedAnswer])
    @classmethod
    def _plain_text_is_an_answer(cls, value):
        """`answers: [Seoul, Soul]` is short for `[{text: Seoul}, {text: Soul}]`."""
        if not isinstance(value, list):
            return value
        return [item if isinstance(item, dict | AcceptedAnswer) else {"text": item}
                for item in value]

    @model_validator(mode="after")
    def _answers_distinct(self) -> ShortAnswer:
        texts = [answer.text for answer in self.answers]
        check_folded_unique([folded(text, case_sensitive=self.case_sensitive)
                              for text in texts],
                             lambda n: ("answers", n), "answer", texts)
        return self


MAX_MATCHES = 26
"""Right-hand items a matching question may show: one per letter, A to Z."""


class MatchPair(StrictModel):
    """An item on the left and the one on the right that matches it."""

    left: Text
    """What the player finds a match for, e.g. `Han Min-koo`."""
    right: Text
    """Its match, e.g. `South Korea's defence minister`."""


class Matching(QuestionBase):
    """Pick the match for each left-hand item from the right-hand ones; each pair matched
    right earns its share of the points."""

    type: Literal["matching"]
    pairs: list[MatchPair] = Field(min_length=2, max_length=MAX_MATCHES)
    """At least two pairs; the left items are shown in this order, the right ones shuffled."""
    distractors: list[Text] = Field(default=[], max_length=MAX_MATCHES)
    """Extra right-hand items that match nothing, so the last pair is not a given."""

    @model_validator(mode="after")
    def _items_distinct(self) -> Matching:
        lefts = [pair.left for pair in self.pairs]
        check_folded_unique([folded(text) for text in lefts],
                             lambda n: ("pairs", n, "left"), "left item", lefts)
        # Several items may share a match, as in Moodle (cat → mammal, dog → mammal); it
        # is then offered once. Distractors must differ from every match and each other.
        firsts = self.first_pairs()
        rights = [self.pairs[n].right for n in firsts] + self.distractors
        check_folded_unique([folded(text) for text in rights],
                             lambda n: ("pairs", firsts[n], "right") if n < len(firsts)
                             else ("distractors", n - len(firsts)), "right item", rights)
        if len(rights) < 2:
            raise PydanticCustomError(
                "one_match", "every item has the same match, so there is nothing to choose; "
                "give the items different matches or add distractors", {"at": ("pairs",)})
        if len(rights) > MAX_MATCHES:
            raise PydanticCustomError(
                "too_many_matches", "a matching question shows at most {most} right-hand "
                "items, pairs and distractors together (one per letter); this one has {count}",
                {"most": MAX_MATCHES, "count": len(rights), "at": ("distractors",)})
        return self

    def first_pairs(self) -> list[int]:
        """The pairs that first give each distinct match (once folded), in order."""
        seen: dict[str, int] = {}
        for index, pair in enumerate(self.pairs):
            seen.setdefault(folded(pair.right) or f"\x00{index}", index)
        return list(seen.values())

    @property
    def matches(self) -> list[str]:
        """The right-hand items in the bank's numbering: each distinct match of the pairs,
        in order of first use, then the distractors."""
        return [self.pairs[n].right for n in self.first_pairs()] + self.distractors

    @property
    def key(self) -> list[int]:
        """Each pair's own match, as an index into `matches`."""
        firsts = {folded(self.pairs[n].right): position
                  for position, n in enumerate(self.first_pairs())}
        return [firsts[folded(pair.right)] for pair in self.pairs]


CONFIDENCE_LEVELS = (50, 60, 70, 80, 90, 100)
"""The confidences a player can give a prediction, in percent."""


class DecisionOption(StrictModel):
    """One course of action a person in the role could really take."""

    text: Text
    """The option as the player reads it, e.g. `Deny any deal and promise consultation`."""
    consequence: Text
    """What follows from it, in a sentence or two, shown once it is chosen."""
    goto: Identifier | None = None
    """The id of the next question in the same scenario; by default the next one in order."""
    actual: bool = False
    """True for what the real actor did (at most one option)."""
    sources: list[Source] = []
    """The documents showing what the real actor did, for the option marked `actual`."""


class Decision(QuestionBase):
    """A situation as the role would know it at that date, and the choices open to them.
    Not scored right or wrong: the debrief sets the player's choice beside the record."""

    type: Literal["decision"]
    options: list[DecisionOption] = Field(min_length=2, max_length=4)
    """Two to four courses of action, each with its consequence."""

    @model_validator(mode="after")
    def _one_actual_and_distinct(self) -> Decision:
        check_unique([option.text for option in self.options], "options", "option")
        actual = [n for n, option in enumerate(self.options) if option.actual]
        if len(actual) > 1:
            raise PydanticCustomError(
                "several_actual", "only one option can be marked actual (what the real "
                "actor did); options {first} and {second} both are",
                {"first": actual[0], "second": actual[1],
                 "at": ("options", actual[1], "actual")})
        return self

    @property
    def actual(self) -> int | None:
        """The position of what the real actor did, if the bank records it."""
        return next((n for n, option in enumerate(self.options) if option.actual), None)


class Prediction(QuestionBase):
    """What happened next: the documented development among alternatives an analyst could
    have expected, answered with a confidence and scored on calibration (Brier)."""

    type: Literal["predict"]
    choices: list[Text] = Field(min_length=2, max_length=4)
    """The documented development and the plausible alternatives that did not happen."""
    answer: int = Field(ge=0)
    """The position of what actually happened, counting from 0."""

    @model_validator(mode="after")
    def _answer_fits_choices(self) -> Prediction:
        check_unique(self.choices, "choices", "choice")
        check_index(self.answer, self.choices, ("answer",))
        return self


Question = Annotated[
    SingleChoice | MultipleSelect | TrueFalse | Ordering | Numeric | ShortAnswer | Matching
    | Decision | Prediction,
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single_choice", "multiple_select", "true_false", "ordering", "numeric",
                  "short_answer", "matching", "decision", "predict")
SCORED_TYPES = tuple(kind for kind in QUESTION_TYPES if kind != "decision")
"""Types scored right or wrong; a decision is compared, not scored."""
