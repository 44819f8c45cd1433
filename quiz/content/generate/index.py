"""Lookups built once per run, so every template's checks stay constant-time per question."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator

from quiz.model.common import normalized
from quiz.model.events import Event, Timeline

WINDOW = 20
"""How many events either side in date order supply event-based distractors."""


def fact_key(event: Event) -> tuple[str, str]:
    """An event's action and object, in the form used to spot two events saying the same."""
    fact = event.fact
    return normalized(fact.action), normalized(fact.object or "")


class Index:
    """Who did what, who said what, which figures and places exist, and what led to what."""

    def __init__(self, timeline: Timeline):
        self.by_date = sorted(timeline.events, key=lambda e: (e.date, e.id))
        self._position = {event.id: n for n, event in enumerate(self.by_date)}
        self._dates = [event.date for event in self.by_date]
        self.doers: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.objects_done: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.speakers_of: dict[str, set[str]] = defaultdict(set)
        self.values_of: dict[str, set[float]] = defaultdict(set)
        self.speakers: set[str] = set()
        places: dict[str, str] = {}
        for event in timeline.events:
            if event.fact and event.fact.subject:
                self.doers[fact_key(event)].add(event.fact.subject)
                if event.fact.object:
                    key = (event.fact.subject, normalized(event.fact.action))
                    self.objects_done[key].add(normalized(event.fact.object))
            for claim in event.claims:
                self.speakers_of[normalized(claim.said)].add(claim.speaker)
                self.speakers.add(claim.speaker)
            for quantity in event.numbers:
                self.values_of[normalized(quantity.what)].add(quantity.value)
            if event.place:
                places.setdefault(normalized(event.place), event.place)
        self.places = sorted(places.values())
        self.effects = _effects(timeline)
        self._reach = _reachability(self.by_date, self.effects, self._position)

    def neighbours(self, event: Event) -> Iterator[Event]:
        """Events near this one in date order, nearest first, excluding itself."""
        centre = self._position[event.id]
        for step in range(1, WINDOW + 1):
            for index in (centre - step, centre + step):
                if 0 <= index < len(self.by_date):
                    yield self.by_date[index]

    def leads_to(self, cause: str, effect: str) -> bool:
        """Whether `cause` led to `effect`, directly or through other events."""
        return bool(self._reach[cause] >> self._position[effect] & 1)

    def around(self, date: str) -> int:
        """Position of the first event on or after a date."""
        return bisect_left(self._dates, date)


def _effects(timeline: Timeline) -> dict[str, set[str]]:
    effects: dict[str, set[str]] = {event.id: set(event.led_to) for event in timeline.events}
    for event in timeline.events:
        for cause in event.caused_by:
            effects[cause].add(event.id)
    return effects


def _reachability(events: list[Event], effects: dict[str, set[str]],
                  position: dict[str, int]) -> dict[str, int]:
    """Each event's transitive effects as a bit set over date positions (the links are a DAG)."""
    reach: dict[str, int] = {}
    for root in events:
        stack = [(root.id, False)]
        while stack:
            current, expanded = stack.pop()
            if current in reach:
                continue
            if expanded:
                bits = 0
                for child in effects[current]:
                    bits |= (1 << position[child]) | reach.get(child, 0)
                reach[current] = bits
            else:
                stack.append((current, True))
                stack.extend((child, False) for child in effects[current] if child not in reach)
    return reach
