"""Scenario moments: the player reads the report that documents an event, or looks back."""

from __future__ import annotations

import random

from quiz.content.generate.dates import in_words
from quiz.model.events import Event
from quiz.model.questions import Context
from quiz.model.timeline_parts import Scene, SourceRecord

LOOKING_BACK = [
    ("a graduate student writing a thesis chapter on the THAAD dispute", "a university library"),
    ("a teacher preparing a lesson on East Asian security", "a school staff room"),
    ("an archivist cataloguing press cuttings on Korean security", "a newspaper archive"),
]


def on_reading(event: Event, source: SourceRecord) -> Context:
    """The player meets the event in the article that reports it, on (or after) its date,
    as the event's own scene says or as that article's reader."""
    return as_reader(event.scene or source.reader, source)


def as_reader(scene: Scene | None, source: SourceRecord) -> Context:
    """The given scene, or a plain reader of the source, dated when the source appeared."""
    date = (scene.date if scene and scene.date else None) or in_words(source.date)
    if scene is None:
        return Context(date=date, role=f"a reader of {source.outlet}")
    return Context(date=date, place=scene.place, role=scene.role)


def looking_back(rng: random.Random) -> Context:
    """For questions that ask when or where: the player looks back, so the scene gives
    neither away."""
    role, place = rng.choice(LOOKING_BACK)
    return Context(date="Years later", place=place, role=role)
