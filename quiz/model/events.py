"""The documented timeline: sources, actors and dated events that questions are made from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from quiz.model.common import Identifier, PartialDate, Source, StrictModel, Tag, Text, normalized

EventId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")]
"""An event id: like other ids but at most 60 characters, so question ids can extend it."""

ActorKind = Literal["person", "organisation", "state", "media"]
Part = Literal[
    "agreed", "announced", "cancelled", "conducted", "decided", "deployed", "discussed",
    "halted", "hosted", "joined", "met", "opposed", "planned", "raised", "reported",
    "responded", "resumed", "said", "sanctioned", "signed", "sought", "suspended",
    "threatened", "visited",
]


class Role(StrictModel):
    """A position an actor held, with the span the sources document."""

    title: Text
    """E.g. `Defence Minister of China`."""
    start: PartialDate | None = None
    """The earliest date the sources show the actor in this role."""
    end: PartialDate | None = None
    """The latest date the sources show the actor in this role."""


class Actor(StrictModel):
    """A person, organisation, state or media outlet that takes part in events."""

    id: Identifier
    """Referred to by events, claims and other actors' affiliations."""
    name: Text
    """The name players see, e.g. `Chang Wanquan`."""
    kind: ActorKind
    """`person`, `organisation`, `state` or `media`."""
    category: Identifier
    """A finer kind for plausible distractors, e.g. `defence-minister` or `researcher`."""
    roles: list[Role] = []
    """Positions held, with the dates the sources show them in."""
    affiliation: Identifier | None = None
    """The id of the actor this one belongs to, e.g. a ministry's state."""

    def role_at(self, date: str) -> Role | None:
        """The role whose documented span is nearest the given date (year-level match)."""
        year = date[:4]
        for role in self.roles:
            if (role.start or "0000")[:4] <= year <= (role.end or "9999")[:4]:
                return role
        return self.roles[0] if self.roles else None


class Participant(StrictModel):
    """An actor's part in an event."""

    actor: Identifier
    """The actor's id."""
    part: Part
    """What the actor did in the event, e.g. `raised`, `met`, `reported`."""


class Fact(StrictModel):
    """The event as subject, action and object, for who/what questions and statements."""

    subject: Identifier | None = None
    """The actor who acted; leave empty when the sources name no one."""
    action: Text
    """A past-tense predicate that follows the subject, e.g. `agreed to speed up`."""
    object: Text | None = None
    """What the action was about, e.g. `talks on a military hotline`."""


class Quantity(StrictModel):
    """A number the sources give."""

    value: float
    """The number itself."""
    unit: Text | None = None
    """The unit, e.g. `km`; empty for counts."""
    what: Text
    """A noun phrase naming what is measured, e.g. `the radius of the THAAD radar`."""
    qualifier: Literal["exact", "at least", "about"] = "exact"
    """How the source states it: exactly, as a minimum, or approximately."""


class Claim(StrictModel):
    """Something an actor said, paraphrased in our own words."""

    speaker: Identifier
    """The actor who said it."""
    said: Text
    """The content as a clause that follows 'said that', in our own words."""
    medium: Identifier | None = None
    """The outlet the speaker told it to, if any."""


class SourceRecord(Source):
    """A source with an id, so events can cite it briefly."""

    id: Identifier
    """Events list this id in their `sources`."""


class Event(StrictModel):
    """One dated, cited happening."""

    id: EventId
    """Unique in the timeline; generated question ids start with it."""
    title: Text
    """A short noun phrase naming the event, unique in the timeline."""
    date: PartialDate
    """When it happened, to the precision the sources allow."""
    date_basis: Literal["stated", "inferred"] = "stated"
    """`stated` when a source prints the date; `inferred` when we worked it out."""
    date_note: Text | None = None
    """How an inferred date was worked out, or what the sources disagree on."""
    summary: Text
    """What happened, in our own words."""
    place: Text | None = None
    """Where it happened."""
    fact: Fact | None = None
    """The event as subject, action and object."""
    actors: list[Participant] = []
    """Who took part, and how."""
    numbers: list[Quantity] = []
    """Figures the sources give."""
    claims: list[Claim] = []
    """Attributed statements."""
    caused_by: list[EventId] = []
    """Events that led to this one."""
    led_to: list[EventId] = []
    """Events this one led to."""
    sources: list[Identifier] = Field(min_length=1)
    """Ids of the timeline's sources that document the event."""
    tags: list[Tag] = []
    """Labels for grouping."""

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """How exactly the date is known."""
        return ("year", "month", "day")[self.date.count("-")]

    @model_validator(mode="after")
    def _inferred_dates_explained(self) -> Event:
        if self.date_basis == "inferred" and self.date_note is None:
            raise PydanticCustomError(
                "inferred_without_note", "an inferred date needs a date_note saying how",
                {"at": ("date_basis",)})
        if self.id in self.caused_by or self.id in self.led_to:
            raise PydanticCustomError("self_link", "an event cannot cause itself", {"at": ()})
        return self


class Timeline(StrictModel):
    """A seed file: the sources, actors and events of one subject."""

    schema_: str | None = Field(default=None, alias="$schema")
    """Optional path or URL of the timeline schema, for editor completion."""
    id: Identifier
    """A short stable id for the timeline."""
    title: Text
    """What the timeline covers."""
    description: Text | None = None
    """A paragraph on the timeline's scope and its sources."""
    sources: list[SourceRecord] = Field(min_length=1)
    """Every document the events cite."""
    actors: list[Actor] = []
    """Everyone who takes part in an event."""
    events: list[Event] = Field(min_length=1)
    """The events, in any order."""

    @model_validator(mode="after")
    def _references_resolve(self) -> Timeline:
        for location, message in reference_problems(self):
            raise PydanticCustomError("bad_reference", message, {"at": location})
        return self

    def actor(self, actor_id: str) -> Actor:
        """Look an actor up by id."""
        return self.actor_index()[actor_id]

    def actor_index(self) -> dict[str, Actor]:
        """Actors by id."""
        return {actor.id: actor for actor in self.actors}

    def source_index(self) -> dict[str, SourceRecord]:
        """Sources by id."""
        return {source.id: source for source in self.sources}

    def event_index(self) -> dict[str, Event]:
        """Events by id."""
        return {event.id: event for event in self.events}


def reference_problems(timeline: Timeline) -> Iterator[tuple[tuple, str]]:
    """Duplicate ids and titles, and references to actors, sources or events that do not exist."""
    yield from _duplicates(timeline.sources, "sources", "id", "source id")
    yield from _duplicates(timeline.actors, "actors", "id", "actor id")
    yield from _duplicates(timeline.events, "events", "id", "event id")
    yield from _duplicates(timeline.events, "events", "title", "event title")
    actors = {actor.id for actor in timeline.actors}
    sources = {source.id for source in timeline.sources}
    events = {event.id for event in timeline.events}
    for index, actor in enumerate(timeline.actors):
        if actor.affiliation is not None and actor.affiliation not in actors:
            yield ("actors", index, "affiliation"), _unknown("actor", actor.affiliation)
    for index, event in enumerate(timeline.events):
        here = ("events", index)
        for n, participant in enumerate(event.actors):
            if participant.actor not in actors:
                yield here + ("actors", n, "actor"), _unknown("actor", participant.actor)
        if event.fact and event.fact.subject and event.fact.subject not in actors:
            yield here + ("fact", "subject"), _unknown("actor", event.fact.subject)
        for n, claim in enumerate(event.claims):
            for field in ("speaker", "medium"):
                value = getattr(claim, field)
                if value is not None and value not in actors:
                    yield here + ("claims", n, field), _unknown("actor", value)
        for field in ("caused_by", "led_to"):
            for n, other in enumerate(getattr(event, field)):
                if other not in events:
                    yield here + (field, n), _unknown("event", other)
        for n, source in enumerate(event.sources):
            if source not in sources:
                yield here + ("sources", n), _unknown("source", source)
    yield from _causal_loops(timeline, events)


def _causal_loops(timeline: Timeline, known: set[str]) -> Iterator[tuple[tuple, str]]:
    """An event cannot, through a chain of links, lead back to itself."""
    effects: dict[str, set[str]] = {event.id: set() for event in timeline.events}
    for event in timeline.events:
        effects[event.id].update(e for e in event.led_to if e in known)
        for cause in event.caused_by:
            if cause in known:
                effects[cause].add(event.id)
    waiting = {event_id: 0 for event_id in effects}
    for children in effects.values():
        for child in children:
            waiting[child] += 1
    ready = [event_id for event_id, count in waiting.items() if count == 0]
    while ready:
        for child in effects[ready.pop()]:
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    looped = [event_id for event_id, count in waiting.items() if count > 0]
    if looped:
        index = next(n for n, event in enumerate(timeline.events) if event.id in looped)
        yield (("events", index, "id"),
               f"causal links form a loop through {', '.join(sorted(looped)[:4])}")


def _unknown(what: str, value: str) -> str:
    return f"there is no {what} with id {value!r}"


def _duplicates(items: list, list_name: str, field: str, what: str):
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        key = normalized(getattr(item, field))
        if key in seen:
            yield ((list_name, index, field),
                   f"{what} {getattr(item, field)!r} is already used at {list_name}[{seen[key]}]")
        else:
            seen[key] = index
