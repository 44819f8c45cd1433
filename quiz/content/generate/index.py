"""Lookups built once per run, so every template's checks stay constant-time per question."""

from __future__ import annotations

from collections import defaultdict

from quiz.model.common import normalized
from quiz.model.events import Event, Timeline
from quiz.model.timeline_parts import SPEECH_BASES, Link


def fact_key(event: Event) -> tuple[str, str]:
    """An event's verb and object, in the form used to spot two events saying the same."""
    fact = event.fact
    return normalized(fact.verb), normalized(fact.object or "")


class Index:
    """Who did what, who said what, which figures, places and objects exist, and what a
    source says caused what."""

    def __init__(self, timeline: Timeline):
        self.by_date = sorted(timeline.events, key=lambda e: (e.earliest, e.latest, e.id))
        self.doers: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.objects_done: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.objects_of_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
        """(event id, object) for every fact object of each kind, in date order."""
        self.speakers_of: dict[str, set[str]] = defaultdict(set)
        self.values_of: dict[str, set[float]] = defaultdict(set)
        self.speakers: set[str] = set()
        self.true_texts: set[str] = set()
        """Every object and noun phrase the timeline holds true: never a wrong answer."""
        for event in timeline.events:
            fact = event.fact
            if fact:
                self.doers[fact_key(event)].add(fact.subject)
                if fact.object:
                    key = (fact.subject, normalized(fact.verb))
                    self.objects_done[key].add(normalized(fact.object))
                    self.true_texts.add(normalized(fact.object))
                    if fact.object_kind:
                        self.objects_of_kind[fact.object_kind].append((event.id, fact.object))
            if event.noun and event.status == "happened":
                self.true_texts.add(normalized(event.noun))
            for claim in event.claims:
                self.speakers_of[normalized(claim.said)].add(claim.speaker)
                self.speakers.add(claim.speaker)
            for quantity in event.numbers:
                self.values_of[normalized(quantity.what)].add(quantity.value)
        self.claims_by_source: dict[str, list[Event]] = defaultdict(list)
        """Events whose attribution carries a claim, by the article that makes it, in date
        order: the options of 'which claim rests on an unnamed source'."""
        self.reported_claims: list[Event] = []
        """Claims that are the event itself, of events that happened, in date order: what a
        premature report is set beside. Someone's statement is not among them: the timeline
        holds that it was said, not that it is so."""
        for event in self.by_date:
            if event.attribution and event.attribution.claim:
                self.claims_by_source[event.sources[0]].append(event)
                if (event.status == "happened"
                        and event.attribution.basis not in SPEECH_BASES):
                    self.reported_claims.append(event)
        self.effects = _effects(timeline)
        self.places = {normalized(p.name): p for p in timeline.places}
        self.places_used = {normalized(e.place) for e in timeline.events if e.place}
        """Places the story itself visits."""
        self.settled_dates: dict[tuple[str, int], set[str]] = defaultdict(set)
        """Dates (year, or month) of events that lie within one year or month, by tag."""
        for event in timeline.events:
            for length in (4, 7):
                if event.earliest[:length] == event.latest[:length] and len(
                        event.earliest) >= length:
                    for tag in event.tags:
                        self.settled_dates[(tag, length)].add(event.earliest[:length])


def _effects(timeline: Timeline) -> dict[str, dict[str, Link]]:
    """For each cause, its effects with the link (source and wording) that states each."""
    effects: dict[str, dict[str, Link]] = {event.id: {} for event in timeline.events}
    for event in timeline.events:
        for link in event.led_to:
            effects[event.id].setdefault(link.event, link)
        for link in event.caused_by:
            effects[link.event].setdefault(event.id, Link(event=event.id, source=link.source,
                                                          cue=link.cue))
    return effects
