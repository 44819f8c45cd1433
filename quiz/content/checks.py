"""Soft checks on a valid bank: things an author should fix but that do not stop play."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.model.bank import Bank

if TYPE_CHECKING:  # the player loads banks only; timelines are for authors
    from quiz.model.events import Timeline


def bank_warnings(bank: Bank) -> Iterator[tuple[tuple, str]]:
    """Yield (location, message) for each question missing an explanation or a source."""
    for index, question in enumerate(bank.questions):
        yield from _question_warnings(question, ("questions", index))
    for s_index, scenario in enumerate(bank.scenarios):
        for index, question in enumerate(scenario.questions):
            yield from _question_warnings(question, ("scenarios", s_index, "questions", index))


def _question_warnings(question, location: tuple) -> Iterator[tuple[tuple, str]]:
    if question.explanation is None:
        yield location + ("id",), f"question {question.id!r} has no explanation"
    if not question.sources:
        yield location + ("id",), f"question {question.id!r} cites no source"


def timeline_warnings(timeline: Timeline) -> Iterator[tuple[tuple, str]]:
    """Yield (location, message) for actors no event mentions and sources no event cites."""
    mentioned: set[str] = set()
    cited: set[str] = set()
    for event in timeline.events:
        mentioned.update(p.actor for p in event.actors)
        mentioned.update(c.speaker for c in event.claims)
        mentioned.update(c.medium for c in event.claims if c.medium)
        if event.fact and event.fact.subject:
            mentioned.add(event.fact.subject)
        cited.update(event.sources)
    mentioned.update(actor.affiliation for actor in timeline.actors if actor.affiliation)
    for index, actor in enumerate(timeline.actors):
        if actor.id not in mentioned:
            yield ("actors", index, "id"), f"actor {actor.id!r} takes part in no event"
    for index, source in enumerate(timeline.sources):
        if source.id not in cited:
            yield ("sources", index, "id"), f"source {source.id!r} is cited by no event"
    yield from _events_after_their_sources(timeline)


def _events_after_their_sources(timeline: Timeline) -> Iterator[tuple[tuple, str]]:
    """An event that happened cannot begin after every article that reports it."""
    dates = {source.id: source.date for source in timeline.sources}
    for index, event in enumerate(timeline.events):
        cited = [dates[s] for s in event.sources if s in dates]
        if event.status != "planned" and cited and all(
                event.earliest[:len(date)] > date for date in cited):
            yield ("events", index, "date"), (
                f"event {event.id!r} is dated after every source that reports it; "
                "if it was only expected, set status: planned")
