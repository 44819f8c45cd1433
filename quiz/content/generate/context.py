"""What every template needs: the timeline, its indexes, and the wording shared by templates."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cached_property

from quiz.content.generate.dates import in_words, span, span_words
from quiz.content.generate.index import Index
from quiz.model.common import Source, normalized
from quiz.model.events import Actor, Event, Timeline
from quiz.model.questions import Question
from quiz.model.timeline_parts import Claim, SourceRecord

NO_SPEAKER = "a quotation with no speaker named"
NO_NAME = "a source it does not name"

LOWER_OPENERS = {"The", "A", "An", "All", "At", "Every", "Some", "Its", "Their", "This",
                 "These", "That", "It", "Both", "Even", "If", "In", "By", "Not", "No",
                 "Unnamed", "Other"}
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

    def path(self, event: Event, claim: Claim | None = None) -> list[str]:
        """The hops a claim took before it reached the event's first article, nearest first:
        `[JoongAng Daily, an unnamed South Korean government source]`; none for the
        article's own reporting. A `claim` (one speaker's words) has its own path."""
        record = self.records[event.sources[0]]
        if claim is not None:
            hops = [claim.medium] if claim.medium and not self.is_outlet_of(claim.medium,
                                                                             record) else []
            return [self.hop(actor) for actor in [*hops, claim.speaker]]
        attribution = event.attribution
        if attribution is None or attribution.basis in ("own-reporting", "opinion"):
            return []
        hops = [self.hop(attribution.outlet)] if attribution.outlet else []
        speaker = self.hop(attribution.speaker) if attribution.speaker else None
        if attribution.basis == "unattributed-quotation":
            return [*hops, NO_SPEAKER]
        if attribution.basis == "statement-to-outlet" and speaker:
            return [*hops, f"{speaker}, in a statement to {in_text(record.outlet)}"]
        if attribution.basis == "unnamed-source":
            return [*hops, speaker or NO_NAME]
        return [*hops, speaker] if speaker else hops

    def hop(self, actor_id: str) -> str:
        """An actor as one hop of a path: `Yonhap News Agency`, `an unnamed … source`."""
        actor = self.actors[actor_id]
        return lower_first(actor.in_text) if actor.anonymous else actor.in_text

    def is_outlet_of(self, actor_id: str, record: SourceRecord) -> bool:
        """Whether the actor is the outlet that published the record."""
        return normalized(self.actors[actor_id].name) == normalized(record.outlet)

    def citation(self, event: Event, source_id: str | None = None,
                 claim: Claim | None = None) -> str:
        """The article and the claim's path back from it, readable at a glance:
        `Source: the Global Times (news report), 9 January 2017 ← JoongAng Daily ← an unnamed
        South Korean government source.` The path describes the event's first article."""
        record = self.records[source_id or event.sources[0]]
        hops = self.path(event, claim) if source_id in (None, event.sources[0]) else []
        return self.cite(record, hops)

    def cite(self, record: SourceRecord, hops: list[str] = ()) -> str:
        """`Source: China Daily (news report), 8 November 2016 ← Yonhap News Agency.`"""
        kind = f" ({record.kind})" if record.kind else ""
        text = f"Source: {in_text(record.outlet)}{kind}, {published(record)}"
        return text + "".join(f" \u2190 {hop}" for hop in hops) + "."

    def explanation(self, event: Event, lead: str, *, with_date: bool = False,
                    source_id: str | None = None, also: tuple[str, ...] = (),
                    claim: Claim | None = None) -> str:
        """The answer-specific lead, why it matters, how an inferred date was worked out when
        the question shows or asks the date, and the article the fact comes from."""
        parts = [sentence(lead)]
        if event.significance:
            parts.append(sentence(event.significance))
        if with_date and event.date_note and event.date_basis == "inferred":
            parts.append(sentence(event.date_note))
        parts.append(self.citation(event, source_id, claim))
        for other in also:
            if other != (source_id or event.sources[0]):
                parts.append(self.citation(event, other).replace("Source: ", "Also: ", 1))
        return " ".join(parts)

    def named(self, actor_id: str) -> str:
        """An actor's name as it reads mid-sentence."""
        return self.actors[actor_id].in_text


def published(record: SourceRecord) -> str:
    """When the piece appeared, in words: its date, or when its content shows it was written
    where the page's date will not do (`late 2017`)."""
    if record.written is not None:
        return span_words(record.written.earliest, record.written.latest)
    return in_words(record.date)


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


def listed(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
