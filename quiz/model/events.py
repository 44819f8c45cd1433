"""The documented timeline: sources, actors and dated events that questions are made from."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from quiz.model.common import Identifier, PartialDate, SchemaPath, StrictModel, Tag, Text
from quiz.model.timeline_parts import (
    Actor,
    Attribution,
    Claim,
    DateSpan,
    EventDate,
    EventId,
    Fact,
    Forecast,
    Link,
    Participant,
    Place,
    Quantity,
    Scene,
    SourceRecord,
)


class Event(StrictModel):
    """One dated, cited happening, with the phrase forms question templates need."""

    id: EventId
    """Unique in the timeline; generated question ids start with it."""
    title: Text
    """A short noun phrase naming the event, unique in the timeline; used as a list label."""
    date: EventDate
    """When it happened: a date at the precision the sources allow, or a span
    (`{earliest, latest}`) when the sources only bound it."""
    reported: PartialDate | None = None
    """When the sources first reported it, where that differs from when it happened."""
    status: Literal["happened", "planned", "in-doubt", "claimed"] = "happened"
    """`happened`; `planned` (due, not yet held when reported); `in-doubt` (put in question,
    not cancelled); `claimed` (asserted by a source, not established)."""
    date_basis: Literal["stated", "inferred"] = "stated"
    """`stated` when a source prints the date; `inferred` when we worked it out."""
    date_note: Text | None = None
    """How an inferred date was worked out, or what the sources disagree on."""
    summary: Text
    """What happened, in our own words."""
    significance: Text | None = None
    """Why it matters: the sentence an explanation adds so the answer teaches something."""
    clause: Text | None = None
    """The event as a past-tense sentence without its date or final stop:
    `Seoul agreed to host the US THAAD missile-defence system`."""
    ask: Text | None = None
    """The same as a question after `when`/`where`, with no date in it:
    `did Seoul agree to host the US THAAD missile-defence system`. Only events worth
    dating have one: 'when', 'where' and ordering questions need it."""
    noun: Text | None = None
    """The event as a noun phrase: `Seoul's decision to host THAAD`. Cause questions need it."""
    place: Text | None = None
    """Where it happened, where a source documents it (a name from the timeline's places)."""
    scene: Scene | None = None
    """The role and place the player takes for questions on this event; by default the
    reader of its source."""
    fact: Fact | None = None
    """The event as subject, verb and object, for who/what questions and statements."""
    actors: list[Participant] = []
    """Who took part, and how."""
    numbers: list[Quantity] = []
    """Figures the sources give."""
    claims: list[Claim] = []
    """Attributed statements."""
    attribution: Attribution | None = None
    """How the event reached the citing article: own reporting, another outlet, an unnamed
    source, an unattributed quotation."""
    thread: Identifier | None = None
    """A storyline the event belongs to (one dialogue, one dispute). Ordering questions take
    at most one event per thread: a founding and its suspension give their order away."""
    part_of: EventId | None = None
    """The larger event this one happened during, e.g. a visit (not a cause)."""
    caused_by: list[Link] = []
    """Events a source says caused this one, each with the source and its causal wording."""
    led_to: list[Link] = []
    """Events a source says this one caused."""
    ahead_of: EventId | None = None
    """For a `claimed` event that ran ahead of events: the later event that shows it (THAAD
    'reportedly deployed' in February 2015, against Seoul's decision to host it in July
    2016). Source questions ask which report was premature."""
    alternatives: list[Text] = []
    """Developments an analyst could plausibly have expected after this event that did
    not happen, as noun phrases written by hand: wrong options for what followed."""
    forecasts: list[Forecast] = []
    """'What happened next' predictions at this turning point, each about a stated effect."""
    sources: list[Identifier] = Field(min_length=1)
    """Ids of the timeline's sources that document the event."""
    tags: list[Tag] = []
    """Labels for grouping."""

    @property
    def earliest(self) -> str:
        """The first date it could be."""
        return self.date.earliest if isinstance(self.date, DateSpan) else self.date

    @property
    def latest(self) -> str:
        """The last date it could be."""
        return self.date.latest if isinstance(self.date, DateSpan) else self.date

    @property
    def ranged(self) -> bool:
        """Whether the sources only bound the date."""
        return isinstance(self.date, DateSpan)

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        """How exactly the date is known (the coarser end of a span)."""
        return ("year", "month", "day")[min(self.earliest.count("-"),
                                            self.latest.count("-"))]

    @model_validator(mode="after")
    def _inferred_dates_explained(self) -> Event:
        if self.date_basis == "inferred" and self.date_note is None:
            raise PydanticCustomError(
                "inferred_without_note", "an inferred date needs a date_note saying how",
                {"at": ("date_basis",)})
        links = [link.event for link in self.caused_by + self.led_to]
        if self.id in links or self.part_of == self.id:
            raise PydanticCustomError("self_link", "an event cannot cause itself", {"at": ()})
        if self.ahead_of is not None and self.status != "claimed":
            raise PydanticCustomError("ahead_of_unclaimed",
                                      "only a `claimed` event can run ahead of events",
                                      {"at": ("ahead_of",)})
        if self.reported is not None and self.reported < self.earliest[:len(self.reported)]:
            raise PydanticCustomError("reported_before", "reported before it happened",
                                      {"at": ("reported",)})
        return self


class Timeline(StrictModel):
    """A seed file: the sources, actors and events of one subject."""

    schema_: SchemaPath | None = Field(default=None, alias="$schema")
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
    places: list[Place] = []
    """Every place events happen in, and plausible alternatives, each with its kind."""
    events: list[Event] = Field(min_length=1)
    """The events, in any order."""

    @model_validator(mode="after")
    def _references_resolve(self) -> Timeline:
        from quiz.model.timeline_checks import reference_problems

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
