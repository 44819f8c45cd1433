"""Soft checks on a valid bank: things an author should fix but that do not stop play."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quiz.model.bank import Bank
from quiz.model.common import normalized
from quiz.safety.terminal import shown

if TYPE_CHECKING:  # the player loads banks only; timelines are for authors
    from quiz.model.events import Timeline


def bank_warnings(bank: Bank) -> Iterator[tuple[tuple, str]]:
    """Yield (location, message) for each question missing an explanation or a source,
    and for choices or items that differ only by invisible characters."""
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
    for field, what in (("choices", "choice"), ("items", "item")):
        values = getattr(question, field, None)
        if values and any(_INVISIBLE.search(value) for value in values):
            yield from _invisible_twins(values, location + (field,), what)


# Format and other default-ignorable characters: zero-width spaces and joiners, soft
# hyphens, bidirectional controls, variation selectors, Hangul fillers, tags.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


def _invisible_twins(values: list[str], location: tuple,
                     what: str) -> Iterator[tuple[tuple, str]]:
    """Choices that look the same on screen: `Seoul` and `Se\u200boul` differ only by a
    character nobody can see, so the model's duplicate check lets them through."""
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        key = normalized(_INVISIBLE.sub("", value))
        if key in seen:
            yield location + (index,), (
                f"{what} {index} ({shown(value)}) differs from {what} {seen[key]} only by "
                "invisible characters; players would see the same text twice")
        else:
            seen[key] = index


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
        if event.attribution:
            mentioned.update(actor for actor in (event.attribution.outlet,
                                                 event.attribution.speaker) if actor)
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
