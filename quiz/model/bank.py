"""A question bank: metadata, free-standing questions and scenario chapters."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from quiz.model.common import Identifier, SchemaPath, StrictModel, Tag, Text, dotted
from quiz.model.flow import flow_problems, stray_gotos
from quiz.model.questions import Question
from quiz.model.scoring import ScoringRules
from quiz.safety.terminal import shown


class Scenario(StrictModel):
    """A chapter of a campaign: an ordered group of questions sharing a briefing."""

    id: Identifier
    """Unique within the bank."""
    title: Text
    """The chapter's name, shown on the home screen."""
    briefing: Text
    """Read before the first question: the situation the player walks into."""
    questions: list[Question] = Field(min_length=1)
    """The chapter's questions, played in this order (a decision's `goto` can branch)."""
    lessons: list[Text] = Field(default=[], max_length=5)
    """What the chapter teaches, in two or three lines, shown on the debrief screen."""


class Bank(StrictModel):
    """One question bank file."""

    schema_: SchemaPath | None = Field(default=None, alias="$schema")
    """Optional path or URL of `bank.schema.json`, for editor completion in JSON files."""
    id: Identifier
    """A short stable id for the bank, e.g. `china-rok-defence`."""
    title: Text
    """The bank's name, shown to players."""
    description: Text | None = None
    """A paragraph on what the bank covers."""
    authors: list[Text] = []
    """Who wrote the bank."""
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    """The language of the text, as a BCP 47 tag such as `en` or `ko`."""
    license: Text | None = None
    """The terms the bank is shared under, e.g. `CC-BY-4.0`."""
    version: Text = "1"
    """The bank's own version, for teachers tracking changes."""
    tags: list[Tag] = []
    """Labels for the whole bank."""
    tag_names: dict[Tag, Text] = {}
    """Readable names for question tags, shown to players, e.g. `north-korea: North Korea`;
    a tag without one is shown with its dashes as spaces."""
    scoring: ScoringRules = ScoringRules()
    """How answers are scored; see docs/scoring.md."""
    questions: list[Question] = []
    """Questions that belong to no scenario."""
    scenarios: list[Scenario] = []
    """Scenario chapters, in campaign order."""

    @model_validator(mode="after")
    def _ids_unique_and_bank_not_empty(self) -> Bank:
        question_ids = [question.id for _, question in self.all_questions()]
        scenario_ids = [scenario.id for scenario in self.scenarios]
        if len(set(question_ids)) < len(question_ids) or (
            len(set(scenario_ids)) < len(scenario_ids)
        ):
            for location, message in duplicate_ids(self):
                raise PydanticCustomError("duplicate_id", message, {"at": location})
        if not self.questions and not self.scenarios:
            raise PydanticCustomError(
                "empty_bank", "the bank has no questions and no scenarios", {"at": ()}
            )
        for location, message in self.flow_problems():
            raise PydanticCustomError("bad_flow", message, {"at": location})
        return self

    def flow_problems(self) -> Iterator[tuple[tuple, str]]:
        """Decision paths that break: see quiz/model/flow.py."""
        if not any(q.type == "decision" for _, q in self.all_questions()):
            return
        yield from stray_gotos(self.questions, ("questions",))
        for index, scenario in enumerate(self.scenarios):
            yield from flow_problems(scenario.questions, ("scenarios", index, "questions"))

    def all_questions(self) -> Iterator[tuple[Scenario | None, Question]]:
        """Every question with its scenario (None for free-standing ones), in play order."""
        for question in self.questions:
            yield None, question
        for scenario in self.scenarios:
            for question in scenario.questions:
                yield scenario, question


def duplicate_ids(data: object) -> Iterator[tuple[tuple, str]]:
    """Yield (location, message) for each repeated id, in a Bank or in raw, unvalidated data."""
    question_ids: dict[str, tuple] = {}
    scenario_ids: dict[str, tuple] = {}

    def check(seen: dict[str, tuple], item: object, location: tuple, what: str):
        key = _field(item, "id")
        if isinstance(key, str):
            if key in seen:
                first = dotted(seen[key])
                yield location + ("id",), f"{what} id {shown(key)} is already used at {first}"
            else:
                seen[key] = location

    for index, item in enumerate(_field(data, "questions", [])):
        yield from check(question_ids, item, ("questions", index), "question")
    for s_index, scenario in enumerate(_field(data, "scenarios", [])):
        yield from check(scenario_ids, scenario, ("scenarios", s_index), "scenario")
        for index, item in enumerate(_field(scenario, "questions", [])):
            location = ("scenarios", s_index, "questions", index)
            yield from check(question_ids, item, location, "question")


def _field(item: object, name: str, default=None):
    """Read a field from a model or a raw mapping; anything malformed reads as the default."""
    value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
    if default is not None and not isinstance(value, list):
        return default
    return value
