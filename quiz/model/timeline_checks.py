"""Cross-references in a timeline: ids that resolve, no duplicates, no causal loops."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.model.common import normalized

if TYPE_CHECKING:
    from quiz.model.events import Timeline

Problem = tuple[tuple, str]


def reference_problems(timeline: Timeline) -> Iterator[Problem]:
    """Duplicate ids and titles, and references to actors, sources, places or events that
    do not exist."""
    yield from _duplicates(timeline.sources, "sources", "id", "source id")
    yield from _duplicates(timeline.actors, "actors", "id", "actor id")
    yield from _duplicates(timeline.places, "places", "name", "place")
    yield from _duplicates(timeline.events, "events", "id", "event id")
    yield from _duplicates(timeline.events, "events", "title", "event title")
    actors = {actor.id for actor in timeline.actors}
    sources = {source.id for source in timeline.sources}
    events = {event.id for event in timeline.events}
    places = {normalized(place.name) for place in timeline.places}
    for index, actor in enumerate(timeline.actors):
        if actor.affiliation is not None and actor.affiliation not in actors:
            yield ("actors", index, "affiliation"), _unknown("actor", actor.affiliation)
    for index, event in enumerate(timeline.events):
        here = ("events", index)
        for n, participant in enumerate(event.actors):
            if participant.actor not in actors:
                yield here + ("actors", n, "actor"), _unknown("actor", participant.actor)
        if event.fact and event.fact.subject not in actors:
            yield here + ("fact", "subject"), _unknown("actor", event.fact.subject)
        for n, claim in enumerate(event.claims):
            for field in ("speaker", "medium"):
                value = getattr(claim, field)
                if value is not None and value not in actors:
                    yield here + ("claims", n, field), _unknown("actor", value)
        if event.attribution:
            for field in ("outlet", "speaker"):
                value = getattr(event.attribution, field)
                if value is not None and value not in actors:
                    yield here + ("attribution", field), _unknown("actor", value)
        for field in ("caused_by", "led_to"):
            for n, link in enumerate(getattr(event, field)):
                if link.event not in events:
                    yield here + (field, n, "event"), _unknown("event", link.event)
                if link.source not in sources:
                    yield here + (field, n, "source"), _unknown("source", link.source)
        stated = {link.event for link in event.led_to}
        stated |= {other.id for other in timeline.events
                   for link in other.caused_by if link.event == event.id}
        for n, forecast in enumerate(event.forecasts):
            if forecast.effect not in stated:
                yield (here + ("forecasts", n, "effect"),
                       f"a forecast must ask about a stated effect of this event; "
                       f"{forecast.effect!r} is not in its led_to links")
        if event.part_of is not None and event.part_of not in events:
            yield here + ("part_of",), _unknown("event", event.part_of)
        if event.ahead_of is not None:
            yield from _ahead_of_problems(timeline, event, here)
        if event.place is not None and places and normalized(event.place) not in places:
            yield here + ("place",), f"place {event.place!r} is not in the timeline's places"
        for n, source in enumerate(event.sources):
            if source not in sources:
                yield here + ("sources", n), _unknown("source", source)
    yield from _causal_loops(timeline, events)


def _ahead_of_problems(timeline: Timeline, event, here: tuple) -> Iterator[Problem]:
    """A premature report points at an event that exists and came after the report."""
    later = next((other for other in timeline.events if other.id == event.ahead_of), None)
    if later is None:
        yield here + ("ahead_of",), _unknown("event", event.ahead_of)
        return
    if later.status != "happened":
        yield here + ("ahead_of",), (f"a report runs ahead of an event that happened; "
                                     f"{later.id!r} is {later.status}")
        return
    # The first source is the article that makes the claim; later ones may report the event.
    date = next((s.date for s in timeline.sources if s.id == event.sources[0]), None)
    if date is not None and not date < later.earliest[:len(date)]:
        yield here + ("ahead_of",), (f"a report runs ahead only of an event that came after "
                                     f"it; {later.id!r} is not dated after the report")


def _causal_loops(timeline: Timeline, known: set[str]) -> Iterator[Problem]:
    """An event cannot, through a chain of links, lead back to itself."""
    effects: dict[str, set[str]] = {event.id: set() for event in timeline.events}
    for event in timeline.events:
        effects[event.id].update(link.event for link in event.led_to if link.event in known)
        for link in event.caused_by:
            if link.event in known:
                effects[link.event].add(event.id)
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


def _duplicates(items: list, list_name: str, field: str, what: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        key = normalized(getattr(item, field))
        if key in seen:
            yield ((list_name, index, field),
                   f"{what} {getattr(item, field)!r} is already used at {list_name}[{seen[key]}]")
        else:
            seen[key] = index
