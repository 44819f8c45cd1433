"""What every template needs: the timeline, its indexes, and the wording shared by templates."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cached_property

from quiz.content.generate.dates import in_words, span
from quiz.content.generate.index import Index
from quiz.model.common import Source, normalized
from quiz.model.events import Actor, Event, Timeline
from quiz.model.questions import Question
from quiz.model.timeline_parts import SourceRecord

LOWER_OPENERS = {"The", "A", "An", "All", "At", "Every", "Some", "Its", "Their", "This",
                 "These", "That", "It", "Both", "Even", "If", "In", "By", "Not", "No"}
"""Sentence openers that become lower case mid-sentence; names and titles stay capitalised."""


@dataclass
class Draft:
    """A generated question with its provenance, so tests can check it against the data."""

    kind: str
    events: list[str]
    question: Question
    choice_refs: list[str] = field(default_factory=list)
    """What each choice stands for (actor ids, dates, event ids, `foil`), aligned with
    `choices`."""
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
    def records(self) -> dict[str, SourceRecord]:
        return self.timeline.source_index()

    @cached_property
    def sources(self) -> dict[str, Source]:
        fields = set(Source.model_fields)
        return {record.id: Source.model_validate(record.model_dump(include=fields))
                for record in self.timeline.sources}

    @cached_property
    def index(self) -> Index:
        return Index(self.timeline)

    @cached_property
    def actor_pools(self) -> dict[tuple[str, str | None], list[Actor]]:
        """Named actors grouped by (kind, category) and by (kind, None), in file order."""
        pools: dict[tuple[str, str | None], list[Actor]] = {}
        for actor in self.timeline.actors:
            if actor.anonymous:
                continue
            pools.setdefault((actor.kind, actor.category), []).append(actor)
            pools.setdefault((actor.kind, None), []).append(actor)
        return pools

    @cached_property
    def actor_keys(self) -> dict[str, str]:
        """Actor names in normalised form, for spotting names a prompt already shows."""
        return {actor.id: normalized(actor.name) for actor in self.timeline.actors}

    def rng(self, *parts: str) -> random.Random:
        """A random stream that depends only on the seed and the question's identity."""
        return random.Random(f"{self.seed}:" + ":".join(parts))

    def cited(self, *events: Event) -> list[Source]:
        """The sources of the given events, each once, in order."""
        ids = list(dict.fromkeys(s for event in events for s in event.sources))
        return [self.sources[i] for i in ids]

    @cached_property
    def newest_source_date(self) -> str:
        """The date of the newest source: no wrong date is offered after it."""
        return max(self.timeline.sources, key=lambda r: span(r.date)[1]).date

    def related_dates(self, event: Event, form_length: int) -> frozenset[str]:
        """The dates (years or months) of other events sharing a tag with this one: a
        learner who confuses them could defend that date, so it is not offered as wrong."""
        own = event.earliest[:form_length]
        dates = set().union(*(self.index.settled_dates[(tag, form_length)]
                              for tag in event.tags)) if event.tags else set()
        return frozenset(dates - {own})

    def latest_source(self, *events: Event) -> SourceRecord:
        """The most recent source the events cite: the scene cannot be dated before it."""
        ids = dict.fromkeys(s for event in events for s in event.sources)
        return max((self.records[i] for i in ids), key=lambda r: span(r.date)[1])

    def citation(self, event: Event, source_id: str | None = None, lead: str = "") -> str:
        """`Source: China Daily, 8 November 2016, citing Yonhap News Agency.`"""
        record = self.records[source_id or event.sources[0]]
        text = f"Source: {in_text(record.outlet)}, {in_words(record.date)}"
        attribution = event.attribution
        if attribution and (source_id is None or source_id == event.sources[0]):
            outlet = self.actors[attribution.outlet].in_text if attribution.outlet else None
            if attribution.basis == "other-outlet" and outlet:
                text += f", citing {outlet}"
            elif attribution.basis == "unnamed-source":
                text += ", relaying a report" + (f" by {outlet}" if outlet else "")
                text += " that cites an unnamed government source"
            elif attribution.basis == "unattributed-quotation":
                text += ", in a quotation it attributes to no one"
            elif attribution.basis == "named-speaker" and attribution.speaker and (
                    self.actors[attribution.speaker].name not in lead):
                text += f", according to {self.named(attribution.speaker)}"
        return text + "."

    def explanation(self, event: Event, lead: str, *, with_date: bool = False,
                    source_id: str | None = None, also: tuple[str, ...] = ()) -> str:
        """The answer-specific lead, why it matters, how an inferred date was worked out when
        the question shows or asks the date, and the article the fact comes from."""
        parts = [sentence(lead)]
        if event.significance:
            parts.append(sentence(event.significance))
        if with_date and event.date_note and event.date_basis == "inferred":
            parts.append(sentence(event.date_note))
        parts.append(self.citation(event, source_id, lead))
        for other in also:
            if other != (source_id or event.sources[0]):
                parts.append(self.citation(event, other).replace("Source: ", "Also: ", 1))
        return " ".join(parts)

    def named(self, actor_id: str) -> str:
        """An actor's name as it reads mid-sentence."""
        return self.actors[actor_id].in_text


def in_text(name: str) -> str:
    """`The Korea Herald` → `the Korea Herald` mid-sentence; other names unchanged."""
    first, _, rest = name.partition(" ")
    return (first.lower() + " " + rest) if rest and first in {"The", "An", "A"} else name


def lower_first(text: str) -> str:
    """A sentence made ready to follow `that` or a comma: `The dialogue…` → `the dialogue…`,
    but `Seoul…` and `Defence Minister Han…` keep their capitals."""
    first, _, rest = text.partition(" ")
    return (first.lower() + " " + rest) if first in LOWER_OPENERS else text


def upper_first(text: str) -> str:
    """Capitalise the first letter only."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """Ends with one full stop (or the question or exclamation mark it has)."""
    text = text.strip()
    return text if re.search(r"[.?!]$", text) else text + "."


def mentioned(name: str, *texts: str | None) -> bool:
    """Whether a name already appears in the given texts (so it would give itself away)."""
    key = normalized(name)
    return any(text and key in normalized(text) for text in texts)


def tags_for(kind: str, *events: Event) -> list[str]:
    """Generated questions carry their kind, their years and their events' tags."""
    tags = [kind]
    for event in events:
        tags.append(event.earliest[:4])
        tags.extend(event.tags)
    return list(dict.fromkeys(tags))
