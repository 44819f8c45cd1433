"""What every template needs: the timeline, its indexes, and helpers shared by templates."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cached_property

from quiz.content.generate.dates import in_words
from quiz.content.generate.index import Index
from quiz.model.common import Source, normalized
from quiz.model.events import Actor, Event, Timeline
from quiz.model.questions import Question


@dataclass
class Draft:
    """A generated question with its provenance, so tests can check it against the data."""

    kind: str
    events: list[str]
    question: Question
    choice_refs: list[str] = field(default_factory=list)
    """What each choice stands for (actor ids, dates, event ids), aligned with `choices`."""
    answer_ref: object = None
    """What the correct answer stands for, in the same terms as `choice_refs`."""


@dataclass
class Workspace:
    """The timeline with indexes, and one seeded random stream per question."""

    timeline: Timeline
    seed: int

    @cached_property
    def actors(self) -> dict[str, Actor]:
        return self.timeline.actor_index()

    @cached_property
    def events(self) -> dict[str, Event]:
        return self.timeline.event_index()

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {record.id: Source.model_validate(record.model_dump(exclude={"id"}))
                for record in self.timeline.sources}

    def rng(self, *parts: str) -> random.Random:
        """A random stream that depends only on the seed and the question's identity."""
        return random.Random(f"{self.seed}:" + ":".join(parts))

    def cited(self, *events: Event) -> list[Source]:
        """The sources of the given events, each once, in order."""
        ids = list(dict.fromkeys(s for event in events for s in event.sources))
        return [self.sources[i] for i in ids]

    def explanation(self, event: Event, lead: str = "") -> str:
        """The event's summary, with how its date was established where that was inferred."""
        text = f"{lead} {event.summary}".strip()
        if event.date_basis == "inferred" and event.date_note:
            text += f" Date ({in_words(event.date)}) inferred: {event.date_note}"
        elif event.date_note:
            text += f" On the date: {event.date_note}"
        return text

    @cached_property
    def index(self) -> Index:
        return Index(self.timeline)

    @cached_property
    def actor_pools(self) -> dict[tuple[str, str | None], list[Actor]]:
        """Actors grouped by (kind, category) and by (kind, None), in file order."""
        pools: dict[tuple[str, str | None], list[Actor]] = {}
        for actor in self.timeline.actors:
            pools.setdefault((actor.kind, actor.category), []).append(actor)
            pools.setdefault((actor.kind, None), []).append(actor)
        return pools

    @cached_property
    def actor_keys(self) -> dict[str, str]:
        """Actor names in normalised form, for spotting names a prompt already shows."""
        return {actor.id: normalized(actor.name) for actor in self.timeline.actors}


def mentioned(name: str, *texts: str | None) -> bool:
    """Whether a name already appears in the prompt's text (so it would give itself away)."""
    key = normalized(name)
    return any(text and key in normalized(text) for text in texts)


def tags_for(kind: str, *events: Event) -> list[str]:
    """Generated questions carry their kind, their years and their events' tags."""
    tags = [kind]
    for event in events:
        tags.append(event.date[:4])
        tags.extend(event.tags)
    return list(dict.fromkeys(tags))
